/**
 * Deciding what a `sess.run` executes: a pure function of (fetches, fed tensors) → the ops on
 * the computation path, in a deterministic topological order. This is what the playground
 * lights up, and what is cached so a training loop does not re-plan every step.
 */
import { Operation, Tensor } from "../graph.js";

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
    for (let i = 0; i < ins.length; i++) if (!op.isRefInput(i)) needTensor(ins[i]);
    for (const c of op.control_inputs) needOp(c);
  }
  // Ops are created after their inputs and control inputs, so creation order is topological
  // (and deterministic, which the UI's animation relies on).
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
export function pathToCulprit(
  fetchOps: readonly Operation[],
  culprit: Operation,
  onPath: ReadonlySet<Operation>,
  fed: ReadonlySet<Tensor>,
): string[] {
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
      if (!op.isRefInput(i) && !fed.has(t)) next.push(t.op);
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
