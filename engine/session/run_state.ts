/**
 * A plan's memory in one session: the last run's values and their versions, each step's
 * reusable output buffer and op state, the session's variable cells the steps reach, the 0-d
 * buffers scalar feeds go into. Two executors run a plan on this memory — the generic loop
 * (generic.ts) and, once a plan proves all-scalar, its compiled program (scalar/) — and hand it
 * over explicitly (`enterGeneric`, `enterScalar`), so neither trusts what the other left.
 */
import { DType } from "../dtypes.js";
import type { Operation } from "../graph.js";
import { NDArray } from "../ndarray.js";
import { ResourceExhaustedError } from "../errors.js";
import type { AnyOpDef, KernelContext, VariableCell } from "../op.js";
import type { EffectKind, RunLive, SideEffectRecord, ValueSummary } from "../records.js";
import { sameShape, sizeOf } from "../shape.js";
import { truncInt32 } from "../numpy/array_math.js";
import { summarizeValue } from "./summary.js";
import { convertFeed } from "./feeds.js";
import { Memo, type Plan, type PlanStep } from "./plan.js";
import type { FlowRunState } from "./flow.js";
import type { GraphFunction } from "../function_graph.js";
import type { EngineFiles } from "../files.js";

/** What a plan's memory needs from its session. */
export interface SessionPort {
  cellFor(variableOp: Operation): VariableCell;
  stateFor(op: Operation): { value: unknown };
  stderr(text: string): void;
  seed(): number;
  maxElements: number;
  /** Side effects of the run in progress (allocated on the first one). */
  effects: SideEffectRecord[] | null;
  /** Whether the run in progress reports side-effect details. */
  recording: boolean;
  /** Whether the run in progress lists its op visits (a run with while loops; loop_trace.ts). */
  tracing: boolean;
  /** Resources of the run in progress (while-loop gradient stacks), emptied when it ends. */
  readonly runResources: Map<string, unknown>;
  /** Called once per iteration of a while loop's frame (the runner keeps the page informed). */
  loopTick(): void;
  /** Resources the session holds across runs (iterators, queues), by handle. */
  readonly sessionResources: Map<string, unknown>;
  /** Calls a traced function in the session (see KernelContext.call). */
  callFunction(fn: GraphFunction, args: readonly NDArray[]): NDArray[];
  /** The program's file store (see files.ts). */
  files(): EngineFiles;
}

/** A compiled scalar program: runs the plan on `fed`, or returns false (nothing changed) when it does not apply. */
export type ScalarProgram = (fed: readonly unknown[], results: unknown[], recording: boolean) => boolean;

/** One step's memory in a session; also the kernel's context. */
export class StepRun implements KernelContext<Record<string, unknown>> {
  readonly op: Operation;
  readonly attrs: Record<string, unknown>;
  // Copied from the plan step: the executor's loop reads them on every step of every run.
  readonly inSlots: Int32Array;
  readonly outSlot: number;
  readonly nOut: number;
  readonly memo: Memo;
  readonly kernel: AnyOpDef["kernel"];
  /** The inputs handed to the kernel (reused). */
  readonly inputs: NDArray[];
  /** The cells of variables read through data inputs (see PlanStep.readsVariable), or null. */
  readonly varIn: (VariableCell | null)[] | null;
  /** Whether the step has run and its output is still valid. */
  ran = false;
  readonly lastVersions: Uint32Array;
  readonly lastShapes: (readonly number[] | null)[];
  /** The previous output buffer, reused when dtype and shape repeat. */
  private cache: NDArray | null = null;
  private readonly cells: (VariableCell | null)[];
  private readonly ownCell: VariableCell | null;
  private stateBox: { value: unknown } | null = null;

  constructor(
    readonly step: PlanStep,
    private readonly port: SessionPort,
  ) {
    const op = step.op;
    this.op = op;
    this.attrs = op.attrs;
    this.inSlots = step.inSlots;
    this.outSlot = step.outSlot;
    this.nOut = step.nOut;
    this.memo = step.memo;
    this.kernel = step.def.kernel;
    this.inputs = new Array(op.inputs.length).fill(null);
    this.cells = op.inputs.map((t, i) => (op.isRefInput(i) ? port.cellFor(refSource(t.op)) : null));
    this.ownCell = step.def.effects.includes("variable") ? port.cellFor(op) : null;
    this.varIn = step.readsVariable === null ? null : step.readsVariable.map((v) => (v === null ? null : port.cellFor(v)));
    this.lastVersions = new Uint32Array(op.inputs.length);
    this.lastShapes = new Array(op.inputs.length).fill(null);
  }

  get recording(): boolean {
    return this.port.recording;
  }

  alloc(dtype: DType, shape: readonly number[]): NDArray {
    const c = this.cache;
    if (c !== null && c.dtype === dtype && sameShape(c.shape, shape)) return c;
    const size = sizeOf(shape);
    if (size > this.port.maxElements) {
      throw new ResourceExhaustedError(
        `OOM when allocating tensor with shape[${shape.join(",")}] and type ${dtype.cName} on /job:localhost/replica:0/task:0/device:CPU:0 by allocator cpu`,
        this.op.name,
      );
    }
    return (this.cache = NDArray.zeros(dtype, shape.slice()));
  }

  cell(i: number): VariableCell {
    const c = i < 0 ? this.ownCell : this.cells[i];
    if (!c) throw new Error(`${this.op.name}: input ${i} is not a variable reference`);
    return c;
  }

  effect(kind: EffectKind, target?: string, before?: ValueSummary, after?: ValueSummary, text?: string): void {
    const port = this.port;
    if (!port.recording) return;
    const rec: SideEffectRecord = { op: this.op.name, kind };
    if (target !== undefined) rec.target = target;
    if (before !== undefined) rec.before = before;
    if (after !== undefined) rec.after = after;
    if (text !== undefined) rec.text = text;
    (port.effects ??= []).push(rec);
  }

  summarize(v: NDArray): ValueSummary {
    return summarizeValue(v);
  }

  stderr(text: string): void {
    this.port.stderr(text);
  }

  state<T>(init: () => T): T {
    const box = this.stateBox ?? (this.stateBox = this.port.stateFor(this.op));
    if (box.value === undefined) box.value = init();
    return box.value as T;
  }

  seed(): number {
    return this.port.seed();
  }

  runResources(): Map<string, unknown> {
    return this.port.runResources;
  }

  sessionResources(): Map<string, unknown> {
    return this.port.sessionResources;
  }

  call(fn: GraphFunction, args: readonly NDArray[]): NDArray[] {
    return this.port.callFunction(fn, args);
  }

  tick(): void {
    this.port.loopTick();
  }

  files(): EngineFiles {
    return this.port.files();
  }
}

/**
 * The variable behind a reference: every op with a ref output other than a variable hands on
 * the ref it takes as input 0 — the ones that forward one (RefSwitch, RefEnter) and the
 * updates, which return their variable (`tf.assign_add(v, 1)` is `v`'s ref, as in TF 1.x).
 */
function refSource(op: Operation): Operation {
  while (!op.def.effects.includes("variable") && op.inputs.length > 0 && op.inputs[0].dtype.is_ref) op = op.inputs[0].op;
  return op;
}

/** Which executor last wrote a plan's memory. */
type Executor = "none" | "generic" | "scalar";

/** A plan's memory in one session (see the module comment). */
export class PlanRun {
  readonly steps: StepRun[];
  /** The value of each slot after the last run (see settledValues). */
  readonly values: (NDArray | null)[];
  /** Version of each slot's value, bumped whenever the generic executor or a feed writes it. */
  readonly versions: Uint32Array;
  /** Reused 0-d buffers for numbers fed to each scalar feed (see Plan.scalarFeeds). */
  readonly feedBuffers: (NDArray | null)[];
  /** Index of the step that failed in the last generic run. */
  failedStep = -1;
  /** The plan compiled for scalars: null until tried, false when it is not all-scalar. */
  scalar: ScalarProgram | false | null = null;
  /** The run listener's view of this plan's values (made once; see live.ts). */
  live: RunLive | null = null;
  /** Builds RunLive.fetched()'s object (compiled on first use, in live.ts). */
  fetchedBuilder: ((values: readonly (NDArray | null)[]) => Record<string, ValueSummary> | null) | null = null;
  /**
   * Set by the scalar program when it left values out of their slots; `settle`, registered by
   * the compiler, puts them there (the program writes the fetched ones directly).
   */
  unsettled = false;
  private settle: (() => void) | null = null;
  private last: Executor = "none";
  /** For a flow plan: which ops ran or stayed dead, and the loops' iteration counts (flow.ts). */
  flowState: FlowRunState | null = null;
  /** For a flow plan: the fetches each item of the root frame produces (flow.ts). */
  flowDeliveries: (Int32Array | null)[] | null = null;
  private readonly port: SessionPort;
  private readonly fedScratch: NDArray[];

  constructor(
    readonly plan: Plan,
    port: SessionPort,
  ) {
    this.port = port;
    this.steps = plan.steps.map((s) => new StepRun(s, port));
    this.values = new Array(plan.nSlots).fill(null);
    this.versions = new Uint32Array(plan.nSlots);
    this.feedBuffers = plan.scalarFeeds.map((dt) => (dt === null ? null : NDArray.zeros(dt, [])));
    this.fedScratch = new Array(plan.feedTensors.length);
  }

  /**
   * The generic executor takes over: after the scalar program, memoized outputs and versions
   * are out of date (it writes variables and registers, not versions), and its unsettled
   * values will be overwritten.
   */
  enterGeneric(): void {
    if (this.last === "scalar") {
      for (const s of this.steps) s.ran = false;
      this.unsettled = false;
    }
    this.last = "generic";
  }

  /** The scalar program took over (it was compiled, or it ran). */
  enterScalar(): void {
    this.last = "scalar";
  }

  /** Whether this run lists its op visits (SessionPort.tracing). */
  get tracing(): boolean {
    return this.port.tracing;
  }

  /** One more iteration of a while loop ran (see SessionPort.loopTick). */
  loopTick(): void {
    this.port.loopTick();
  }

  /** Registers how the scalar program puts the values it defers into their slots. */
  deferValues(settle: () => void): void {
    this.settle = settle;
  }

  /** Every slot holding the last run's value (the scalar program defers some). */
  settledValues(): (NDArray | null)[] {
    if (this.unsettled) {
      this.unsettled = false;
      this.settle?.();
    }
    return this.values;
  }

  /**
   * Converts fed values for this run. A JS number fed to a numeric tensor that admits a scalar
   * goes into a reused buffer (a training loop feeds scalars every step); anything else is
   * converted and checked as TF does.
   */
  convertFeeds(values: readonly unknown[]): NDArray[] {
    const out = this.fedScratch;
    const feeds = this.plan.feedTensors;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const buf = this.feedBuffers[i];
      if (buf !== null && typeof v === "number") {
        const d = buf.data as Float64Array;
        d[0] = buf.dtype.isInteger ? truncInt32(v) : v;
        out[i] = buf;
      } else {
        out[i] = convertFeed(feeds[i], v);
      }
    }
    return out;
  }
}
