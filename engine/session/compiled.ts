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

/** What a compiled plan needs from its session. */
export interface SessionPort {
  cellFor(variableOp: Operation): VariableCell;
  stateFor(op: Operation): { value: unknown };
  stderr(text: string): void;
  seed(): number;
  maxElements: number;
  /** Side effects of the run in progress (null when nobody listens). */
  effects: SideEffectRecord[] | null;
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
  }

  get recording(): boolean {
    return this.port.effects !== null;
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

  effect(kind: EffectKind, detail: Omit<SideEffectRecord, "op" | "kind">): void {
    const list = this.port.effects;
    if (list !== null) list.push({ op: this.op.name, kind, ...detail });
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
    const { ops, tensors } = planPath(fetchTensors, targets, fed);
    this.pathOps = ops;
    this.onPath = new Set(ops);
    this.slotOf = new Map(tensors.map((t, i) => [t, i]));
    this.values = new Array(tensors.length).fill(null);
    this.steps = ops.map((op) => new Step(op, this.slotOf, port));
    this.feedSlots = new Int32Array(feedTensors.map((t) => this.slotOf.get(t)!));
    this.fetchSlots = new Int32Array(fetchLeaves.map((f) => (f instanceof Tensor ? this.slotOf.get(f)! : -1)));
    const after: number[][] = ops.map(() => []);
    const stepOf = new Map(ops.map((op, i) => [op, i]));
    const fedFetches: number[] = [];
    fetchLeaves.forEach((f, i) => {
      if (!(f instanceof Tensor)) return;
      if (fed.has(f)) fedFetches.push(i);
      else after[stepOf.get(f.op)!].push(i);
    });
    this.fetchesAfterStep = after.map((a) => (a.length ? new Int32Array(a) : null));
    this.fedFetches = new Int32Array(fedFetches);
    this.pathNames = ops.map((o) => o.name);
    this.fetchNames = fetchLeaves.map((f) => f.name);
    this.feedNames = feedTensors.map((t) => t.name);
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
