/**
 * Deciding what a `sess.run` executes: a pure function of (fetches, fed tensors) → the ops on
 * the computation path, in a deterministic topological order (what the playground lights up),
 * laid out as a `Plan`: a value slot per tensor, a step per op that does work, where each
 * fetch comes from. A plan knows nothing of a session; its memory in one session (values,
 * buffers, variable cells) is a PlanRun (run_state.ts).
 */
import type { DType } from "../dtypes.js";
import { Operation, Tensor } from "../graph.js";
import type { AnyOpDef } from "../op.js";
import { flowOrder, hasControlFlow, topologicalOrder, type FlowOrder } from "./flow_plan.js";
import { waitsForInput } from "./inputs.js";

/** The computation path of one run signature. */
export interface PathPlan {
  /** Ops to execute, in execution order (creation order, which is topological). */
  ops: Operation[];
  /** Tensors that must have a value slot: every output of a path op, plus fed tensors. */
  tensors: Tensor[];
}

/**
 * The ancestors of the fetches through data and control inputs, excluding ref edges (an
 * assign does not read the variable it writes) and cut at fed tensors (a fed value replaces
 * the op that would compute it, and everything above it).
 */
export function planPath(fetchTensors: readonly Tensor[], targetOps: readonly Operation[], fed: ReadonlySet<Tensor>): PathPlan {
  const needed = new Set<Operation>();
  const stack: Operation[] = [];
  const needTensor = (t: Tensor) => {
    if (!fed.has(t) && !needed.has(t.op)) {
      needed.add(t.op);
      stack.push(t.op);
    }
  };
  const needOp = (op: Operation) => {
    if (!needed.has(op)) {
      needed.add(op);
      stack.push(op);
    }
  };
  for (const t of fetchTensors) needTensor(t);
  for (const op of targetOps) needOp(op);
  while (stack.length) {
    const op = stack.pop()!;
    const ins = op.inputs;
    for (let i = 0; i < ins.length; i++) if (waitsForInput(op, i)) needTensor(ins[i]);
    for (const c of op.control_inputs) needOp(c);
  }
  // Ops are created after their inputs and control inputs, so creation order is usually
  // topological (and deterministic, which the UI's animation relies on); control-flow contexts
  // rewire ops after creating them, so the order is checked (and the plan re-sorts it).
  const ops = [...needed].sort((a, b) => a.id - b.id);
  const tensors: Tensor[] = [];
  for (const op of ops) for (const t of op.outputs) tensors.push(t);
  for (const t of fed) tensors.push(t);
  return { ops, tensors };
}

/**
 * Op names from a fetch down to `culprit` through the edges the run followed, for the UI's red
 * path. Returns `[culprit]` if no fetch reaches it.
 */
export function pathToCulprit(fetchOps: readonly Operation[], culprit: Operation, onPath: ReadonlySet<Operation>, fed: ReadonlySet<Tensor>): string[] {
  const parent = new Map<Operation, Operation | null>();
  const queue: Operation[] = [];
  for (const f of fetchOps) {
    if (!parent.has(f)) {
      parent.set(f, null);
      queue.push(f);
    }
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const op = queue[qi];
    if (op === culprit) {
      const names: string[] = [];
      for (let o: Operation | null = op; o; o = parent.get(o) ?? null) names.push(o.name);
      return names.reverse();
    }
    const next: Operation[] = [];
    op.inputs.forEach((t, i) => {
      if (waitsForInput(op, i) && !fed.has(t)) next.push(t.op);
    });
    next.push(...op.control_inputs);
    for (const n of next) {
      if (onPath.has(n) && !parent.has(n)) {
        parent.set(n, op);
        queue.push(n);
      }
    }
  }
  return [culprit.name];
}

/** How a step may be skipped when its inputs did not change (see PlanStep.memo). */
export const Memo = { None: 0, Versions: 1, Shapes: 2 } as const;
export type Memo = (typeof Memo)[keyof typeof Memo];

/** One op of a plan that does work: where it reads and writes, nothing of a session. */
export interface PlanStep {
  readonly op: Operation;
  readonly def: AnyOpDef;
  /** Index of the op in the path (ops that need no work have no step). */
  readonly pathIndex: number;
  /** The value slot of each input; -1 for a ref input (the kernel reaches its variable's cell). */
  readonly inSlots: Int32Array;
  /** The slot of output 0 (the others follow); -1 without outputs. */
  readonly outSlot: number;
  readonly nOut: number;
  /**
   * Inputs that read a variable's output (`v/read` reads `v:0`): the variable op, else null. A
   * variable's output is a reference, read from its cell when the consumer runs, so an assign
   * earlier in the same run is seen and an uninitialized variable fails where it is read.
   */
  readonly readsVariable: readonly (Operation | null)[] | null;
  /**
   * Whether the step may be skipped: a pure step whose inputs are unchanged since it last ran
   * keeps its output (Versions: no input slot got a new value; Shapes: for ops that read only
   * their inputs' shapes, no input got a new shape).
   */
  readonly memo: Memo;
}

/**
 * True when a tensor may hold a variable's own buffer, which assigns change in place during a
 * run: its value must be taken when its op runs, so an op that aliases it is not elided.
 */
function readsMutable(t: Tensor): boolean {
  const def = t.op.def;
  if (def.effects.includes("variable") || def.effects.includes("writes-variable")) return true;
  return def.aliasesInput === true && t.op.inputs.length > 0 && readsMutable(t.op.inputs[0]);
}

/** A computation path laid out for execution: one per (fetches, feeds) signature. */
export class Plan {
  readonly pathOps: Operation[];
  readonly pathNames: string[];
  readonly onPath: Set<Operation>;
  readonly steps: PlanStep[];
  /** Value slot of each tensor (aliased ops share their input's slot). */
  readonly slotOf: Map<Tensor, number>;
  readonly nSlots: number;
  readonly feedSlots: Int32Array;
  /** Slot of each fetched tensor (-1 for a fetched op). */
  readonly fetchSlots: Int32Array;
  /** For each step, the fetch indices whose value it produces (converted right after it runs). */
  readonly fetchesAfterStep: (Int32Array | null)[];
  /** Fetches that were fed: their value is the fed value. */
  readonly fedFetches: Int32Array;
  readonly fetchNames: string[];
  readonly feedNames: string[];
  /** The dtype of each feed that may take a JS number into a reused 0-d buffer, else null. */
  readonly scalarFeeds: (DType | null)[];
  /** Slot of each tensor by name (for RunLive.valueOf), built on first use. */
  private byName: Map<string, number> | null = null;
  /**
   * For a path with control flow (a Switch or a while loop): its frames and each step's control
   * inputs, for the flow executor (flow.ts); null otherwise. Such a plan has a step for every op
   * (dead ops are reported), in `flow.ops`' order.
   */
  readonly flow: FlowOrder | null;

  constructor(
    /** Id for run records, unique within the program (runs with one plan id share a path). */
    readonly id: number,
    readonly fetchLeaves: readonly (Tensor | Operation)[],
    readonly feedTensors: readonly Tensor[],
  ) {
    const fetchTensors = fetchLeaves.filter((f): f is Tensor => f instanceof Tensor);
    const targets = fetchLeaves.filter((f): f is Operation => f instanceof Operation);
    const fed = new Set(feedTensors);
    const planned = planPath(fetchTensors, targets, fed).ops;
    this.flow = hasControlFlow(planned) ? flowOrder(planned, fed) : null;
    const flow = this.flow;
    const ops = flow !== null ? flow.ops : topologicalOrder(planned, fed);
    this.pathOps = ops;
    this.onPath = new Set(ops);
    this.pathNames = ops.map((o) => o.name);

    // Value slots. An op with neither outputs nor effects (a NoOp) has nothing to do, and an op
    // that aliases its input (unless the input may be a variable's buffer: it must fail where
    // TF fails) shares the input's slot: neither gets a step.
    const slotOf = new Map<Tensor, number>();
    let nSlots = 0;
    const producer: number[] = [];
    for (const t of feedTensors) {
      slotOf.set(t, nSlots);
      producer[nSlots++] = -1;
    }
    const steps: PlanStep[] = [];
    const stepOps: [Operation, number][] = [];
    ops.forEach((op, pathIndex) => {
      const def = op.def;
      if (flow === null && op.outputs.length === 0 && def.effects.length === 0) return;
      const input = op.inputs[0];
      if (flow === null && def.aliasesInput && !readsMutable(input) && slotOf.has(input)) {
        slotOf.set(op.outputs[0], slotOf.get(input)!);
        return;
      }
      for (const t of op.outputs) {
        slotOf.set(t, nSlots);
        producer[nSlots++] = stepOps.length;
      }
      stepOps.push([op, pathIndex]);
    });
    for (const [op, pathIndex] of stepOps) {
      const def = op.def;
      const varIn = op.inputs.map((t, i) => (!op.isRefInput(i) && t.op.def.effects.includes("variable") ? t.op : null));
      const readsVariable = varIn.some((v) => v !== null) ? varIn : null;
      const pure = def.effects.length === 0 && readsVariable === null;
      steps.push({
        op,
        def,
        pathIndex,
        inSlots: new Int32Array(op.inputs.map((t, i) => (op.isRefInput(i) ? -1 : slotOf.get(t)!))),
        outSlot: op.outputs.length ? slotOf.get(op.outputs[0])! : -1,
        nOut: op.outputs.length,
        readsVariable,
        memo: !pure || flow !== null ? Memo.None : def.readsShapesOnly ? Memo.Shapes : Memo.Versions,
      });
    }
    this.slotOf = slotOf;
    this.nSlots = nSlots;
    this.steps = steps;
    this.feedSlots = new Int32Array(feedTensors.map((t) => slotOf.get(t)!));
    this.fetchSlots = new Int32Array(fetchLeaves.map((f) => (f instanceof Tensor ? slotOf.get(f)! : -1)));
    const after: number[][] = steps.map(() => []);
    const fedFetches: number[] = [];
    fetchLeaves.forEach((f, i) => {
      if (!(f instanceof Tensor)) return;
      const p = producer[slotOf.get(f)!];
      if (p < 0) fedFetches.push(i);
      else after[p].push(i);
    });
    this.fetchesAfterStep = after.map((a) => (a.length ? new Int32Array(a) : null));
    this.fedFetches = new Int32Array(fedFetches);
    this.fetchNames = fetchLeaves.map((f) => f.name);
    this.feedNames = feedTensors.map((t) => t.name);
    this.scalarFeeds = feedTensors.map((t) => {
      const dt = t.dtype.base_dtype;
      const scalarOk = t.shape.dims === null || t.shape.dims.length === 0;
      return scalarOk && (dt.isFloating || dt.isInteger) ? dt : null;
    });
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
