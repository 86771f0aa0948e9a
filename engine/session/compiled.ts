/**
 * A computation path compiled for one session: value slots, per-step input/output slot
 * indices, reusable output buffers. Executing it is a small loop over the steps.
 */
import { DType } from "../dtypes.js";
import { Operation, Tensor } from "../graph.js";
import { NDArray } from "../ndarray.js";
import { ResourceExhaustedError } from "../errors.js";
import type { AnyOpDef, KernelContext, VariableCell } from "../op.js";
import type { EffectKind, SideEffectRecord, ValueSummary } from "../records.js";
import { sameShape, sizeOf } from "../shape.js";
import { summarizeValue } from "./summary.js";
import { planPath } from "./plan.js";
import { convertFeed } from "./feeds.js";
import type { RunLive } from "../records.js";
import { uninitialized } from "../ops/state.js";
import type { ScalarProgram } from "./scalar_jit.js";
import { truncInt32 } from "../numpy/array_math.js";

/** What a compiled plan needs from its session. */
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
}

/** Memoization kinds of a step (see Step.memo). */
const MEMO_NONE = 0;
const MEMO_VERSIONS = 1;
const MEMO_SHAPES = 2;

/** Ops whose output depends only on their input's shape, not its values. */
const SHAPE_ONLY = new Set(["Shape", "Size", "Rank"]);

/** Ops elided from execution: their output is their input (no copy, no work). */
const ALIAS_OPS = new Set(["Identity", "StopGradient"]);

/**
 * True when a tensor may hold a variable's own buffer, which assigns change in place during a
 * run: its value must be taken when its op runs, so an identity of it is not elided.
 */
function readsMutable(t: Tensor): boolean {
  const op = t.op;
  if (op.def.effects.includes("variable") || op.def.effects.includes("writes-variable")) return true;
  return ALIAS_OPS.has(op.type) && op.inputs.length > 0 && readsMutable(op.inputs[0]);
}

/** One op of the path, ready to run; also the kernel's context. */
export class Step implements KernelContext<Record<string, unknown>> {
  readonly def: AnyOpDef;
  readonly attrs: Record<string, unknown>;
  readonly inSlots: Int32Array;
  readonly inputs: NDArray[];
  readonly outSlot: number;
  readonly nOut: number;
  /** The previous output buffer, reused when dtype and shape repeat. */
  private cache: NDArray | null = null;
  private readonly cells: (VariableCell | null)[];
  /**
   * Cells of variables read through data inputs (e.g. `v/read` reads `v:0`). A variable's
   * output is a reference: consumers read the cell when they run, so an assign earlier in the
   * same run is seen, and an uninitialized variable fails where it is read, as in TF.
   */
  readonly varIn: (VariableCell | null)[] | null;
  private readonly ownCell: VariableCell | null;
  private stateBox: { value: unknown } | null = null;
  /** Index of the op in the plan's path (steps skip elided ops). */
  pathIndex = 0;
  /**
   * Memoization: a pure step whose inputs did not change since it last ran is skipped (its
   * output buffer still holds the result). "Changed" means a new version of an input slot, or,
   * for ops that read only their input's shape (Shape, Size, Rank), a new shape.
   */
  readonly memo: 0 | 1 | 2;
  /** Whether the step has run and its output is still valid. */
  ran = false;
  readonly lastVersions: Uint32Array;
  /** The op's kernel (an own property: one load per run instead of two). */
  readonly kernel: AnyOpDef["kernel"];
  readonly lastShapes: (readonly number[] | null)[];

  constructor(
    readonly op: Operation,
    slotOf: Map<Tensor, number>,
    private readonly port: SessionPort,
  ) {
    this.def = op.def;
    this.attrs = op.attrs;
    this.inSlots = new Int32Array(op.inputs.map((t, i) => (op.isRefInput(i) ? -1 : slotOf.get(t)!)));
    this.inputs = new Array(op.inputs.length).fill(null);
    this.outSlot = op.outputs.length ? slotOf.get(op.outputs[0])! : -1;
    this.nOut = op.outputs.length;
    this.cells = op.inputs.map((t, i) => (op.isRefInput(i) ? port.cellFor(t.op) : null));
    this.ownCell = op.def.effects.includes("variable") ? port.cellFor(op) : null;
    const varIn = op.inputs.map((t, i) => (!op.isRefInput(i) && t.op.def.effects.includes("variable") ? port.cellFor(t.op) : null));
    this.varIn = varIn.some((c) => c !== null) ? varIn : null;
    const pure = op.def.effects.length === 0 && this.varIn === null;
    this.memo = !pure ? MEMO_NONE : SHAPE_ONLY.has(op.type) ? MEMO_SHAPES : MEMO_VERSIONS;
    this.kernel = op.def.kernel;
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
}

/** A computation path compiled for one session and one (fetches, feeds) signature. */
export class CompiledPlan {
  /** Slot of each tensor by name (for RunLive.valueOf), built on first use. */
  private byName: Map<string, number> | null = null;
  readonly steps: Step[];
  readonly values: (NDArray | null)[];
  readonly slotOf: Map<Tensor, number>;
  readonly feedSlots: Int32Array;
  /** Slot of each fetched tensor (-1 for a fetched op). */
  readonly fetchSlots: Int32Array;
  /** For each step, the fetch indices whose value it produces (converted right after it runs). */
  readonly fetchesAfterStep: (Int32Array | null)[];
  readonly pathOps: Operation[];
  readonly pathNames: string[];
  readonly fetchNames: string[];
  readonly feedNames: string[];
  readonly onPath: Set<Operation>;
  /** Fetches that were fed: their value is the fed value. */
  readonly fedFetches: Int32Array;
  /** The run listener's view of this plan's values (made once). */
  live: RunLive | null = null;
  /** Builds RunLive.fetched()'s object for this plan (compiled on first use, in session.ts). */
  fetchedBuilder: ((values: readonly (NDArray | null)[]) => Record<string, ValueSummary> | null) | null = null;
  /** Version of each slot's value, bumped whenever a step or a feed writes it. */
  readonly versions: Uint32Array;
  /** Reused 0-d buffers for scalar numbers fed to each feed (null where not applicable). */
  readonly feedBuffers: (NDArray | null)[];
  private readonly fedScratch: NDArray[];

  constructor(
    /** Id for run records, unique within the program (runs with one plan id share a path). */
    readonly id: number,
    readonly fetchLeaves: readonly (Tensor | Operation)[],
    readonly feedTensors: readonly Tensor[],
    port: SessionPort,
  ) {
    const fetchTensors = fetchLeaves.filter((f): f is Tensor => f instanceof Tensor);
    const targets = fetchLeaves.filter((f): f is Operation => f instanceof Operation);
    const fed = new Set(feedTensors);
    const { ops } = planPath(fetchTensors, targets, fed);
    this.pathOps = ops;
    this.onPath = new Set(ops);
    this.pathNames = ops.map((o) => o.name);

    // Value slots. Elided ops get no step: a NoOp has nothing to do, and an Identity (unless it
    // reads a variable, which must fail where TF fails) shares its input's slot.
    this.slotOf = new Map();
    let nSlots = 0;
    const producer: number[] = [];
    for (const t of feedTensors) {
      this.slotOf.set(t, nSlots);
      producer[nSlots++] = -1;
    }
    const stepOps: Operation[] = [];
    const pathIndexOf: number[] = [];
    ops.forEach((op, pi) => {
      if (op.type === "NoOp") return;
      const input = op.inputs[0];
      if (ALIAS_OPS.has(op.type) && !readsMutable(input) && this.slotOf.has(input)) {
        this.slotOf.set(op.outputs[0], this.slotOf.get(input)!);
        return;
      }
      for (const t of op.outputs) {
        this.slotOf.set(t, nSlots);
        producer[nSlots++] = stepOps.length;
      }
      stepOps.push(op);
      pathIndexOf.push(pi);
    });
    this.values = new Array(nSlots).fill(null);
    this.versions = new Uint32Array(nSlots);
    this.steps = stepOps.map((op, i) => {
      const st = new Step(op, this.slotOf, port);
      st.pathIndex = pathIndexOf[i];
      return st;
    });
    this.feedSlots = new Int32Array(feedTensors.map((t) => this.slotOf.get(t)!));
    this.fetchSlots = new Int32Array(fetchLeaves.map((f) => (f instanceof Tensor ? this.slotOf.get(f)! : -1)));
    const after: number[][] = this.steps.map(() => []);
    const fedFetches: number[] = [];
    fetchLeaves.forEach((f, i) => {
      if (!(f instanceof Tensor)) return;
      const p = producer[this.slotOf.get(f)!];
      if (p < 0) fedFetches.push(i);
      else after[p].push(i);
    });
    this.fetchesAfterStep = after.map((a) => (a.length ? new Int32Array(a) : null));
    this.fedFetches = new Int32Array(fedFetches);
    this.fetchNames = fetchLeaves.map((f) => f.name);
    this.feedNames = feedTensors.map((t) => t.name);
    this.feedBuffers = feedTensors.map((t) => {
      const dt = t.dtype.base_dtype;
      const scalarOk = t.shape.dims === null || t.shape.dims.length === 0;
      return scalarOk && (dt.isFloating || dt.isInteger) ? NDArray.zeros(dt, []) : null;
    });
    this.fedScratch = new Array(feedTensors.length);
  }

  /** Index of the failed step during `execute`, for error reporting. */
  failedStep = -1;
  /** The plan compiled for scalars (see scalar_jit.ts): null until tried, false if not scalar. */
  scalar: ScalarProgram | false | null = null;
  /** Set when the scalar program ran, so the generic executor recomputes everything next time. */
  genericStale = false;
  /** Set when the scalar program left values in its scratch array (see syncValues). */
  valuesPending = false;
  /** Copies the scalar program's deferred values into their slots (set by scalar_jit.ts). */
  syncDeferred: (() => void) | null = null;

  /** Makes every value slot hold the last run's value (the scalar program defers some). */
  syncValues(): void {
    if (!this.valuesPending) return;
    this.valuesPending = false;
    this.syncDeferred?.();
  }

  /**
   * Runs the steps in order: feeds into their slots, each kernel on its input slots (skipping
   * pure steps whose inputs did not change), fetched values converted as soon as produced.
   */
  execute(fed: NDArray[], results: unknown[]): void {
    if (this.genericStale) {
      // The scalar program ran since: memoized outputs and versions are out of date.
      for (const s of this.steps) s.ran = false;
      this.genericStale = false;
      this.valuesPending = false;
    }
    const values = this.values;
    const versions = this.versions;
    for (let i = 0; i < fed.length; i++) {
      const slot = this.feedSlots[i];
      values[slot] = fed[i];
      versions[slot]++;
    }
    for (let i = 0; i < this.fedFetches.length; i++) {
      const f = this.fedFetches[i];
      results[f] = toResult(values[this.fetchSlots[f]]!);
    }
    const steps = this.steps;
    const fetchesAfter = this.fetchesAfterStep;
    let si = 0;
    try {
      for (; si < steps.length; si++) {
        const s = steps[si];
        const slots = s.inSlots;
        if (s.ran && s.memo !== MEMO_NONE && unchanged(s, slots, values, versions)) {
          if (fetchesAfter[si] !== null) deliverFetches(this, si, values, results);
          continue;
        }
        const ins = s.inputs;
        for (let j = 0; j < slots.length; j++) {
          const slot = slots[j];
          if (slot >= 0) {
            ins[j] = values[slot]!;
            s.lastVersions[j] = versions[slot];
          }
        }
        if (s.varIn !== null) readVariables(s, ins);
        if (s.memo === MEMO_SHAPES) for (let j = 0; j < ins.length; j++) s.lastShapes[j] = ins[j].shape;
        const out = s.kernel(ins, s);
        const n = s.nOut;
        if (n === 1) {
          values[s.outSlot] = out as NDArray;
          versions[s.outSlot]++;
        } else if (n > 1) {
          const outs = out as NDArray[];
          for (let j = 0; j < n; j++) {
            values[s.outSlot + j] = outs[j];
            versions[s.outSlot + j]++;
          }
        }
        s.ran = true;
        if (fetchesAfter[si] !== null) deliverFetches(this, si, values, results);
      }
    } catch (e) {
      this.failedStep = si;
      // Later steps did not run: drop their values from earlier runs so nothing stale shows,
      // and make sure they run next time.
      for (let j = si; j < steps.length; j++) {
        steps[j].ran = false;
        for (let o = 0; o < steps[j].nOut; o++) values[steps[j].outSlot + o] = null;
      }
      throw e;
    }
  }

  /**
   * Converts fed values for this run. A JS number fed to a numeric tensor that admits a scalar
   * goes into a reused buffer (a training loop feeds scalars every step); anything else is
   * converted and checked as TF does.
   */
  convertFeeds(values: readonly unknown[]): NDArray[] {
    const out = this.fedScratch;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const buf = this.feedBuffers[i];
      if (buf !== null && typeof v === "number") {
        const d = buf.data as Float64Array;
        d[0] = buf.dtype.isInteger ? truncInt32(v) : v;
        out[i] = buf;
      } else {
        out[i] = convertFeed(this.feedTensors[i], v);
      }
    }
    return out;
  }

  /** The value slot of the tensor named `name`, or -1. */
  slotByName(name: string): number {
    if (this.byName === null) {
      this.byName = new Map();
      for (const [t, slot] of this.slotOf) this.byName.set(t.name, slot);
    }
    return this.byName.get(name) ?? -1;
  }
}

/** A fetched value as `sess.run` returns it: scalars as JS values, arrays as NDArray copies. */
export function toResult(v: NDArray): unknown {
  if (v.shape.length === 0) return v.flatAt(0);
  return v.copy();
}

/** True when a memoized step's inputs are as they were when it last ran. */
function unchanged(s: Step, slots: Int32Array, values: (NDArray | null)[], versions: Uint32Array): boolean {
  if (s.memo === MEMO_VERSIONS) {
    for (let j = 0; j < slots.length; j++) if (slots[j] >= 0 && versions[slots[j]] !== s.lastVersions[j]) return false;
    return true;
  }
  for (let j = 0; j < slots.length; j++) {
    const v = values[slots[j]];
    const last = s.lastShapes[j];
    if (v === null || last === null || !sameShape(v.shape, last)) return false;
  }
  return true;
}

/** Converts the fetches a step produced, right after it ran (before later steps change them). */
function deliverFetches(plan: CompiledPlan, si: number, values: (NDArray | null)[], results: unknown[]): void {
  const fetched = plan.fetchesAfterStep[si];
  if (fetched === null) return;
  for (let j = 0; j < fetched.length; j++) {
    const v = values[plan.fetchSlots[fetched[j]]];
    if (v === null) {
      const s = plan.steps[si];
      throw uninitialized(s.cell(-1), s.op.name);
    }
    results[fetched[j]] = toResult(v);
  }
}

/** Fills inputs that read variables from their cells; fails on an uninitialized one. */
function readVariables(s: Step, ins: NDArray[]): void {
  const cells = s.varIn!;
  for (let j = 0; j < cells.length; j++) {
    const c = cells[j];
    if (c === null) continue;
    if (c.value === null) throw uninitialized(c, c.name);
    ins[j] = c.value;
  }
}
