/**
 * tf.Session: runs parts of a graph and owns the memory (variable values, random streams)
 * that the graph only describes. Two sessions on one graph have two independent memories.
 */
import { EngineContext } from "../context.js";
import { Graph, Operation, Tensor } from "../graph.js";
import { RuntimeError } from "../errors.js";
import { NDArray } from "../ndarray.js";
import type { VariableCell } from "../op.js";
import type { EngineFiles } from "../files.js";
import type { RunLive, SideEffectRecord } from "../records.js";
import { isPlainObject } from "../format/pytypes.js";
import { isFlatList, isRunKwargs, nullResults, sameList, sortFeedsById } from "./run_call.js";
import { namedTupleTypeOf } from "../pytuple.js";
import { Plan } from "./plan.js";
import { PlanRun, type ScalarProgram, type SessionPort } from "./run_state.js";
import { executeGeneric } from "./generic.js";
import { executeFlow } from "./flow.js";
import { compileScalar } from "./scalar/compile.js";
import { liveView, memoryOf } from "./live.js";
import { decorateRunError, failedRunRecord, flowRunRecord, runRecord } from "./run_record.js";
import { flattenFetches, rebuildFetches } from "./fetches.js";
import { collectFeeds, resolveFeedKey } from "./feeds.js";
import { CallMemo } from "./call_memo.js";
import { DEVICE_MAPPING, Placement, type ConfigProto } from "./placement.js";
import { bind } from "../pycall.js";
import type { GraphFunction } from "../function_graph.js";
import { FunctionCalls } from "./functions.js";

const FEED_MARK = Symbol("feeds");

interface TrieNode {
  next: Map<unknown, TrieNode>;
  plan: PlanRun | null;
}

/**
 * A session: the place where a graph's computations actually run.
 * @example
 * const sess = tf.Session();
 * print(sess.run(tf.constant(2).__add__?.(3) ?? tf.add(2, 3))); // 5
 */
export class Session implements SessionPort {
  /** Id for run records: 0 for the program's first session. */
  readonly id: number;
  /** The graph this session runs. */
  readonly graph: Graph;
  private closed = false;
  private readonly cells = new Map<Operation, VariableCell>();
  private readonly opStates = new Map<Operation, { value: unknown }>();
  private readonly trie: TrieNode = { next: new Map(), plan: null };
  private lastPlan: PlanRun | null = null;
  private readonly memo = new CallMemo();
  private readonly scratchLeaves: (Tensor | Operation)[] = [];
  private readonly scratchFeedTensors: Tensor[] = [];
  private readonly scratchFeedValues: unknown[] = [];
  /** @internal side effects of the run in progress (allocated on the first one). */
  effects: SideEffectRecord[] | null = null;
  /** @internal whether the run in progress reports side-effect details. */
  recording = false;
  tracing = false;
  /** @internal resources of the run in progress (TF's per-step container: gradient stacks). */
  readonly runResources = new Map<string, unknown>();
  /** @internal resources the session holds across runs (tf.data iterators, queues), by handle. */
  readonly sessionResources = new Map<string, unknown>();
  private readonly functions = new FunctionCalls(this);
  readonly maxElements: number;

  /** Where each op runs (placement.ts): the graph's ops are placed at the first run. */
  private readonly placement: Placement;

  constructor(
    private readonly ctx: EngineContext,
    graph: Graph | null = null,
    config: ConfigProto | null = null,
  ) {
    this.graph = graph ?? ctx.defaultGraph();
    this.id = ctx.sessionCount++;
    this.maxElements = ctx.limits.maxElements;
    const c = config ?? { log_device_placement: false, allow_soft_placement: false };
    // TF's runtime printf()s the placement log to stdout.
    const stdout = (line: string) => ctx.hooks.stdout?.(line);
    this.placement = new Placement(this.graph, c, stdout);
    // DirectSession prints its devices when it is created.
    if (c.log_device_placement) for (const line of DEVICE_MAPPING.split("\n")) stdout(line);
  }

  /** The device the session placed `op` on (`/job:localhost/replica:0/task:0/device:GPU:0`), or undefined before its first run. */
  deviceOf(op: Operation): string | undefined {
    return this.placement.deviceOf(op);
  }

  // ---- SessionPort: what compiled plans and kernels use ----

  cellFor(variableOp: Operation): VariableCell {
    let c = this.cells.get(variableOp);
    if (!c) this.cells.set(variableOp, (c = { name: variableOp.name, value: null }));
    return c;
  }

  stateFor(op: Operation): { value: unknown } {
    let s = this.opStates.get(op);
    if (!s) this.opStates.set(op, (s = { value: undefined }));
    return s;
  }

  stderr(text: string): void {
    this.ctx.hooks.stderr?.(text);
  }

  seed(): number {
    return this.ctx.hooks.seedSource ? this.ctx.hooks.seedSource() : Math.floor(Math.random() * 2 ** 31);
  }

  loopTick(): void {
    this.ctx.hooks.loopTick?.();
  }

  callFunction(fn: GraphFunction, args: readonly NDArray[]): NDArray[] {
    return this.functions.call(fn, args);
  }

  files(): EngineFiles {
    return this.ctx.files;
  }

  /** The value of a variable in this session, or null if uninitialized (for the UI and tests). */
  variableValue(variableOp: Operation): NDArray | null {
    return this.cells.get(variableOp)?.value ?? null;
  }

  /** All variable cells of this session (for the session-memory panel). */
  variableCells(): VariableCell[] {
    return [...this.cells.values()];
  }

  // ---- Python API ----

  /**
   * Runs the ops needed for `fetches` (and only those) and returns their values in the same
   * structure. Feeds replace tensors' values for this run.
   * @example
   * const x = tf.placeholder(tf.int32);
   * print(sess.run(x + 1, {feed_dict: {[x]: 2}})); // 3
   * print(sess.run([x, x * 2], {[x]: 5}));          // [5, 10]
   */
  run(fetches: unknown, feed_dict?: unknown, options?: unknown, run_metadata?: unknown): unknown {
    // Hand-rolled binding: this runs once per training step, so no generic kwargs parsing.
    if (arguments.length === 1 && isPlainObject(fetches) && isRunKwargs(fetches)) {
      [fetches, feed_dict, options, run_metadata] = bind("run", ["fetches", ["feed_dict", null], ["options", null], ["run_metadata", null]], [fetches], {
        dictParams: ["fetches", "feed_dict"],
      });
    } else if (arguments.length === 2 && isPlainObject(feed_dict) && isRunKwargs(feed_dict)) {
      const kw = feed_dict as Record<string, unknown>;
      if ("fetches" in kw) throw new TypeError("run() got multiple values for argument 'fetches'");
      feed_dict = kw.feed_dict ?? null;
    }
    void options;
    void run_metadata;
    return this._run(fetches, feed_dict);
  }

  private _run(fetches: unknown, feedDict: unknown): unknown {
    // A training loop's step: the same call shape again, on a plan compiled to a scalar
    // program. Kept small and apart from the general path, so that V8 can inline it (and the
    // run listener) into the learner's loop.
    // The call shape is recognized once, here; the general path takes the answer.
    const memo = this.memo;
    const run = memo.run;
    const repeated = run !== null && memo.sameFetches(fetches) && memo.collectFeeds(feedDict, this.scratchFeedValues);
    if (repeated && run.scalar && !this.closed && this.placement.placed === this.graph.version) {
      const results = this.runScalar(run, run.scalar);
      if (results !== null) return memo.result(results);
    }
    return this.runGeneral(fetches, feedDict, repeated);
  }

  /** Runs the plan's scalar program on the collected feeds; null when it does not apply. */
  private runScalar(run: PlanRun, program: ScalarProgram): unknown[] | null {
    const ctx = this.ctx;
    const listener = ctx.hooks.onRun;
    const plan = run.plan;
    const results = nullResults(plan.fetchLeaves.length);
    this.recording = listener !== undefined;
    this.effects = null;
    const ran = program(this.scratchFeedValues, results, this.recording);
    this.recording = false;
    if (!ran) return null;
    run.enterScalar();
    const effects = this.effects;
    this.effects = null;
    const index = ctx.runCount++;
    if (listener) listener(runRecord(this, plan, index, ctx.line(), plan.pathNames, effects, null), run.live ?? (run.live = liveView(run, this)));
    return results;
  }

  /** Any run; `repeated` says the memo recognized the call and collected its feeds. */
  private runGeneral(fetches: unknown, feedDict: unknown, repeated: boolean): unknown {
    this.ctx.hooks.beforeRun?.();
    if (this.closed) throw new RuntimeError("Attempted to use a closed Session.");
    if (this.graph.version === 0) {
      throw new RuntimeError("The Session graph is empty.  Add operations to the graph before calling run().");
    }
    const ctx = this.ctx;
    const line = ctx.line();
    const listener = ctx.hooks.onRun;
    let run: PlanRun;
    let fedArrays: NDArray[] | null = null;
    const feedValues = this.scratchFeedValues;
    const memo = this.memo;
    try {
      // TF places the whole graph at the first run, and what was added since at later ones.
      if (this.placement.placed !== this.graph.version) this.placement.placeNew();
      if (repeated) run = memo.run!;
      else {
        memo.clear();
        const feedTensors = this.scratchFeedTensors;
        const leaves = this.scratchLeaves;
        collectFeeds(this.graph, feedDict, feedTensors, feedValues);
        leaves.length = 0;
        flattenFetches(this.graph, fetches, leaves);
        // Order feeds by tensor id so {x, y} and {y, x} share a plan.
        if (feedTensors.length > 1) sortFeedsById(feedTensors, feedValues);
        run = this.planFor(leaves, feedTensors);
        memo.remember(run, fetches, feedDict, (key) => resolveFeedKey(this.graph, key));
      }
      // Feeds the scalar program cannot take are converted (and checked) here, so a bad feed
      // fails before anything runs, whichever executor runs the plan.
      if (!run.scalar) fedArrays = run.convertFeeds(feedValues);
    } catch (e) {
      // A bad feed or fetch fails before anything runs; the run is still recorded so the
      // learner sees which call failed and why.
      if (listener) listener(failedRunRecord(this, ctx.runCount++, line, e as Error), { ...EMPTY_LIVE, variables: () => memoryOf(this) });
      throw e;
    }
    const plan = run.plan;
    this.recording = listener !== undefined;
    this.effects = null;
    const results = nullResults(plan.fetchLeaves.length);
    let failedAt = -1;
    let error: Error | null = null;
    try {
      if (plan.flow !== null) {
        // Control flow runs on the flow executor only (the scalar compiler takes no dead tensors).
        run.scalar = false;
        this.tracing = listener !== undefined && (ctx.hooks.traceLoops?.(ctx.runCount) ?? false);
        executeFlow(run, fedArrays ?? run.convertFeeds(feedValues), results);
      } else if (fedArrays !== null) {
        executeGeneric(run, fedArrays, results);
        if (run.scalar === null) {
          run.scalar = this.ctx.hooks.compileScalars === false ? false : (compileScalar(run, this) ?? false);
          if (run.scalar) run.enterScalar();
        }
      } else if (run.scalar && run.scalar(feedValues, results, this.recording)) {
        run.enterScalar();
      } else {
        executeGeneric(run, run.convertFeeds(feedValues), results);
      }
    } catch (e) {
      failedAt = plan.steps[run.failedStep]?.pathIndex ?? plan.pathOps.length - 1;
      error = decorateRunError(plan, e as Error, run.failedStep);
    }
    const effects = this.effects;
    this.effects = null;
    this.recording = false;
    this.tracing = false;
    this.runResources.clear();
    const index = ctx.runCount++;
    if (listener) {
      const record =
        plan.flow !== null
          ? flowRunRecord(this, run, index, line, effects, error)
          : runRecord(this, plan, index, line, error ? plan.pathNames.slice(0, failedAt + 1) : plan.pathNames, effects, error);
      listener(record, run.live ?? (run.live = liveView(run, this)));
    }
    if (error) throw error;
    if (repeated) return memo.result(results);
    const leaves = plan.fetchLeaves;
    // The common shapes need no rebuilding: one fetch, or a flat list of fetches.
    if (leaves.length === 1 && fetches === leaves[0]) return results[0];
    if (Array.isArray(fetches) && isFlatList(fetches, results.length) && namedTupleTypeOf(fetches) === null) return results;
    return rebuildFetches(fetches, results);
  }

  private planFor(leaves: (Tensor | Operation)[], feedTensors: Tensor[]): PlanRun {
    const last = this.lastPlan;
    if (last !== null && sameList(last.plan.fetchLeaves, leaves) && sameList(last.plan.feedTensors, feedTensors)) return last;
    let node = this.trie;
    for (let i = 0; i < leaves.length; i++) node = child(node, leaves[i]);
    node = child(node, FEED_MARK);
    for (let i = 0; i < feedTensors.length; i++) node = child(node, feedTensors[i]);
    if (node.plan === null) {
      node.plan = new PlanRun(new Plan(this.ctx.planCount++, leaves.slice(), feedTensors.slice()), this);
    }
    this.lastPlan = node.plan;
    return node.plan;
  }

  /**
   * Frees the session's memory; later runs raise `RuntimeError: Attempted to use a closed Session.`
   */
  close(): void {
    this.closed = true;
    this.cells.clear();
    this.opStates.clear();
    this.sessionResources.clear();
    this.functions.clear();
  }

  /**
   * Runs `fn` with this session as the default (for `tensor.eval()` and `op.run()`).
   * @example
   * sess.as_default(() => print(c.eval()));
   */
  as_default<T>(fn: (sess: Session) => T): T {
    this.ctx.sessionStack.push(this);
    try {
      return fn(this);
    } finally {
      this.ctx.sessionStack.pop();
    }
  }

  /** Python's `repr(sess)`. */
  __repr__(): string {
    return "<tensorflow.python.client.session.Session object>";
  }

  toString(): string {
    return this.__repr__();
  }
}

const EMPTY_LIVE: RunLive = { summarize: () => ({}), fetched: () => ({}), valueOf: () => undefined, variables: () => ({}) };


function child(node: TrieNode, key: unknown): TrieNode {
  let c = node.next.get(key);
  if (!c) node.next.set(key, (c = { next: new Map(), plan: null }));
  return c;
}

