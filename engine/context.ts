/**
 * Everything one program run shares: the default-graph and default-session stacks, the hooks
 * the caller passed in (records, output, current line, seed), and resource limits.
 *
 * There are no module-level globals: two programs (or two tests) get two contexts.
 */
import type { NodeRecord, RunLive, RunRecord, SummaryRecord } from "./records.js";
import { Graph, type Operation, type Tensor } from "./graph.js";
import { ValueError } from "./errors.js";
import { MemoryFiles, type EngineFiles } from "./files.js";
import type { Session } from "./session/session.js";

/** What the caller of the engine provides. All optional. */
export interface EngineHooks {
  /** Called when an op is added to any graph. */
  onNode?(record: NodeRecord): void;
  /** Called after every `sess.run`, ok or not. `live` is valid only during the call. */
  onRun?(record: RunRecord, live: RunLive): void;
  /**
   * Called as a `sess.run` starts, before anything executes (every run but the repeated steps
   * of a loop compiled to a scalar program). Throwing stops the run there: the playground's
   * build-only pass, which draws the graph a program builds without running it.
   */
  beforeRun?(): void;
  /** Called for each value a `tf.summary.FileWriter` writes (`add_summary`). */
  onSummary?(record: SummaryRecord): void;
  /**
   * Receives each line TF's C++ runtime prints to stdout (without the newline): the device
   * placement log of `ConfigProto(log_device_placement=True)`.
   */
  stdout?(text: string): void;
  /** Receives each line `tf.Print` writes to stderr (without the trailing newline). */
  stderr?(text: string): void;
  /** The learner's current source line (1-based), for records and errors. */
  line?(): number | null;
  /** A seed source for random ops without a seed (TF would draw from the OS). */
  seedSource?(): number;
  /** Resource limits; exceeding one raises ResourceExhaustedError before allocating. */
  limits?: Partial<EngineLimits>;
  /** Compile all-scalar plans to straight-line code (default true; tests compare both paths). */
  compileScalars?: boolean;
  /**
   * Called once per iteration of a `tf.while_loop` inside `sess.run`: a long loop runs in one
   * engine call, so this is where the runner keeps reporting (and Stop finds the program).
   */
  loopTick?(): void;
  /**
   * The program's file store, where `tf.train.Saver` writes checkpoints (default: a fresh one
   * in memory). Synchronous, as TF's file calls are; see files.ts.
   */
  files?: EngineFiles;
  /**
   * Whether run number `runIndex` (0-based, as its record's `index`) lists its op visits when it
   * has while loops (RunRecord.trace): off by default, since summarizing every visit's value
   * costs about as much as the visit.
   */
  traceLoops?(runIndex: number): boolean;
}

/** Resource limits that keep a runaway program from taking the page down. */
export interface EngineLimits {
  /** Ops in one graph. */
  maxOps: number;
  /** Elements in one tensor. */
  maxElements: number;
}

export const DEFAULT_LIMITS: EngineLimits = {
  maxOps: 500_000,
  maxElements: 64 * 1024 * 1024,
};

/** Shared state of one program run. */
export class EngineContext {
  readonly hooks: EngineHooks;
  readonly limits: EngineLimits;
  /** Stack of graphs made default by `as_default`; the bottom is the global default graph. */
  readonly graphStack: Graph[] = [];
  /** Stack of sessions made default by `as_default`. */
  readonly sessionStack: Session[] = [];
  /** Counters for ids in records. */
  graphCount = 0;
  sessionCount = 0;
  runCount = 0;
  planCount = 0;
  /**
   * Python's `tensor[spec]` (TF's `_slice_helper`): set by the `tf` namespace (engine/tf.ts),
   * which owns the builders; Tensor's indexing (graph_elements.ts) calls it. `variable` is the
   * variable whose value is sliced (`v[0]`), which the slice's `assign` writes into.
   */
  indexTensor: ((tensor: Tensor, spec: unknown, variable?: object | null) => Tensor) | null = null;
  /** The program's file store (hooks.files, or one in memory). */
  readonly files: EngineFiles;

  constructor(hooks: EngineHooks = {}) {
    this.hooks = hooks;
    this.limits = { ...DEFAULT_LIMITS, ...(hooks.limits ?? {}) };
    this.files = hooks.files ?? new MemoryFiles();
  }

  /** The learner's current line, or null. */
  line(): number | null {
    return this.hooks.line ? this.hooks.line() : null;
  }

  /** The innermost default graph (created on first use, as TF does at import). */
  defaultGraph(): Graph {
    if (this.graphStack.length === 0) this.graphStack.push(new Graph(this));
    return this.graphStack[this.graphStack.length - 1];
  }

  /**
   * `tensor.eval()` / `op.run()`: runs `el` in `session` or the default session, with TF's
   * errors when there is none or it belongs to another graph.
   */
  evalIn(el: Tensor | Operation | { graph: Graph }, feedDict: unknown, session: Session | null, what: "evaluate tensor" | "execute operation"): unknown {
    const sess = session ?? this.defaultSession();
    const isTensor = what === "evaluate tensor";
    if (!sess) {
      throw new ValueError(
        isTensor
          ? "Cannot evaluate tensor using `eval()`: No default session is registered. Use `with sess.as_default()` or pass an explicit session to `eval(session=sess)`"
          : "Cannot execute operation using `run()`: No default session is registered. Use `with sess.as_default():` or pass an explicit session to `run(session=sess)`",
      );
    }
    if (sess.graph !== el.graph) {
      throw new ValueError(
        isTensor
          ? "Cannot use the given session to evaluate tensor: the tensor's graph is different from the session's graph."
          : "Cannot use the given session to execute operation: the operation's graph is different from the session's graph.",
      );
    }
    return sess.run(el, feedDict ?? null);
  }

  /** The innermost default session, or null. */
  defaultSession(): Session | null {
    return this.sessionStack.length ? this.sessionStack[this.sessionStack.length - 1] : null;
  }
}
