/**
 * `tf.gradients`: adds the gradient computation to the graph as ordinary nodes under a
 * `gradients/` scope, following TF 1.14's `_GradientsHelper`: find the ops between xs and ys,
 * visit them from ys backwards once all their consumers are done, sum gradients that arrive
 * from several consumers (`gradients/AddN`), and call each op's gradient function inside
 * `gradients/<op>_grad/`.
 */
import { EngineContext } from "../context.js";
import { Operation, Tensor } from "../graph.js";
import { LookupError, PyTypeError, ValueError } from "../errors.js";
import { NO_GRADIENT } from "../op.js";
import { convertToTensor, isTensorLike, TensorConvertible } from "../api/convert_tensor.js";
import { gradientBuilders, type GradientBuilders } from "./builders.js";
import { tupleOf } from "../api/build.js";


export interface GradientsOptions {
  gradYs: (unknown | null)[] | null;
  name: string;
  gateGradients: boolean;
  stopGradients: unknown[];
  unconnected: "none" | "zero";
}

/** Only float tensors carry gradients (TF's `IsTrainable`). */
function isTrainable(t: Tensor): boolean {
  return t.dtype.base_dtype.isFloating;
}

function toList<T>(x: T | T[] | null | undefined): T[] {
  if (x === null || x === undefined) return [];
  return Array.isArray(x) ? x : [x];
}

/** Ops reachable from `fromOps` through float outputs (TF's `_MarkReachedOps`). */
function markReached(fromOps: Operation[]): Set<Operation> {
  const reached = new Set<Operation>();
  const queue = [...fromOps];
  const consumers = new Map<Tensor, Operation[]>();
  const graph = fromOps[0]?.graph;
  if (graph) {
    for (const op of graph._ops) {
      op.inputs.forEach((t) => {
        let list = consumers.get(t);
        if (!list) consumers.set(t, (list = []));
        list.push(op);
      });
    }
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const op = queue[qi];
    if (reached.has(op)) continue;
    reached.add(op);
    for (const out of op.outputs) {
      if (!isTrainable(out)) continue;
      for (const c of consumers.get(out) ?? []) queue.push(c);
    }
  }
  return reached;
}

/** Computes `d(sum ys)/d(xs)`; returns null for an x that ys does not depend on. */
export function gradients(ctx: EngineContext, ysIn: unknown, xsIn: unknown, o: GradientsOptions): (Tensor | null)[] {
  const g = ctx.defaultGraph();
  const b = gradientBuilders(ctx);
  const tf = b.tf;
  const ysList = toList(ysIn);
  const xsList = toList(xsIn);
  const gradYsIn = o.gradYs === null ? new Array(ysList.length).fill(null) : toList(o.gradYs);
  if (gradYsIn.length !== ysList.length) throw new ValueError(`Passed ${gradYsIn.length} grad_ys for ${ysList.length} ys`);
  return g.name_scope(o.name || "gradients", () => {
    g.unique_name("uid");
    const ys = ysList.map((y) => convertToTensor(ctx, y, { name: "y" }));
    const xs = xsList.map((x) => {
      if (isTensorLike(x)) return x instanceof Tensor ? x : (x as TensorConvertible)._as_tensor(true);
      throw new PyTypeError(`Expected a Tensor or Variable in xs, got ${String(x)}`);
    });
    const stopOps = new Set(toList(o.stopGradients).map((s) => (isTensorLike(s) ? (s instanceof Tensor ? s : (s as TensorConvertible)._as_tensor(false)).op : (s as Operation))));
    const gradYs = defaultGradYs(ctx, b, gradYsIn, ys);

    const toOps = ys.map((t) => t.op);
    const fromOps = xs.map((t) => t.op);
    const reached = markReached(fromOps);
    const reachableTo = new Set(toOps.filter((op) => reached.has(op)));
    // Ops between xs and ys (TF's _PendingCount).
    const between = new Set<Operation>();
    const betweenList: Operation[] = [];
    {
      const queue = [...toOps];
      for (let qi = 0; qi < queue.length; qi++) {
        const op = queue[qi];
        if (reached.has(op)) {
          between.add(op);
          betweenList.push(op);
          reached.delete(op);
          for (const inp of op.inputs) queue.push(inp.op);
        }
      }
    }
    const pending = new Map<Operation, number>();
    for (const op of betweenList) {
      for (const x of op.inputs) if (between.has(x.op)) pending.set(x.op, (pending.get(x.op) ?? 0) + 1);
    }

    // grads: op → per-output list of received gradients.
    const grads = new Map<Operation, (Tensor | null)[][]>();
    const setGrad = (t: Tensor, grad: Tensor) => {
      let opGrads = grads.get(t.op);
      if (!opGrads) grads.set(t.op, (opGrads = t.op.outputs.map(() => [])));
      (opGrads[t.value_index] as Tensor[]).push(grad);
    };
    ys.forEach((y, i) => setGrad(y, gradYs[i]));

    const queue: Operation[] = [];
    const queued = new Set<Operation>();
    for (const op of toOps) {
      if ((pending.get(op) ?? 0) === 0 && !queued.has(op) && reachableTo.has(op)) {
        queued.add(op);
        queue.push(op);
      }
    }
    // From-ops whose inputs are not between: gradient flow stops there (TF's _StopOps).
    const stop = new Set<Operation>(stopOps);
    for (const op of fromOps) if (op.inputs.every((inp) => (pending.get(inp.op) ?? 0) === 0)) stop.add(op);

    const aggregated = new Map<Operation, (Tensor | null)[]>();
    for (let qi = 0; qi < queue.length; qi++) {
      const op = queue[qi];
      const outGrads = aggregateGrads(b, grads, op);
      aggregated.set(op, outGrads);
      const hasOutGrads = outGrads.some((x) => x !== null);
      let inGrads: (Tensor | null)[];
      const gradFn = op.def.gradient;
      if (hasOutGrads && !stop.has(op)) {
        if (gradFn === NO_GRADIENT) throw new LookupError(`No gradient defined for operation '${op.name}' (op type: ${op.type})`);
      }
      if (hasOutGrads && !stop.has(op) && gradFn !== null && gradFn !== NO_GRADIENT) {
        for (let i = 0; i < outGrads.length; i++) {
          // A trainable output nobody used gets a zero gradient, as in TF.
          if (outGrads[i] === null && isTrainable(op.outputs[i])) outGrads[i] = tf.zeros_like(op.outputs[i], { optimize: false });
        }
        inGrads = g.name_scope(`${op.name}_grad`, () => {
          let r = gradFn(op as Operation & { attrs: Record<string, unknown> }, outGrads, b);
          if (r.length !== op.inputs.length) {
            throw new ValueError(`Num gradients ${r.length} generated for op ${op.name} do not match num inputs ${op.inputs.length}`);
          }
          if (o.gateGradients && r.filter((x) => x !== null).length > 1) r = tupleOf(ctx, r);
          return r;
        });
      } else {
        inGrads = op.inputs.map(() => null);
      }
      op.inputs.forEach((tIn, i) => {
        const gIn = inGrads[i];
        if (gIn === null || gIn === undefined) return;
        try {
          gIn.set_shape(tIn.shape);
        } catch {
          throw new ValueError(
            `Incompatible shapes between op input and calculated input gradient.  Forward operation: ${op.name}.  Input index: ${i}. Original input shape: ${tIn.shape}.  Calculated input gradient shape: ${gIn.shape}`,
          );
        }
        setGrad(tIn, gIn);
      });
      for (const x of op.inputs) {
        if (!between.has(x.op)) continue;
        const n = (pending.get(x.op) ?? 0) - 1;
        pending.set(x.op, n);
        if (n === 0 && !queued.has(x.op)) {
          queued.add(x.op);
          queue.push(x.op);
        }
      }
    }

    return xs.map((x) => {
      const got = aggregated.get(x.op)?.[x.value_index] ?? null;
      if (got !== null) return got;
      const raw = grads.get(x.op)?.[x.value_index];
      if (raw && raw.length) return raw.length === 1 ? raw[0] : tf.add_n(raw as Tensor[]);
      return o.unconnected === "zero" ? tf.zeros_like(x) : null;
    });
  });
}

/** Default `grad_ys`: ones shaped like each y (`gradients/Shape`, `grad_ys_0`, `Fill`). */
function defaultGradYs(ctx: EngineContext, b: GradientBuilders, gradYs: unknown[], ys: Tensor[]): Tensor[] {
  const tf = b.tf;
  return ys.map((y, i) => {
    const gy = gradYs[i];
    if (gy === null || gy === undefined) {
      const dtype = y.dtype.base_dtype;
      return tf.fill(tf.shape(y), tf.constant(1, dtype, null, `grad_ys_${i}`));
    }
    const t = convertToTensor(ctx, gy, { name: "grad_y" });
    if ((y.dtype.isFloating || y.dtype.isInteger) && !(t.dtype.isFloating || t.dtype.isInteger)) {
      throw new PyTypeError(`Gradient type ${t.dtype.name} generated for real or integer-valued tensor ${y} with type ${y.dtype.name} must be real or integer`);
    }
    return tf.identity(t, `grad_ys_${i}`);
  });
}

/** Sums the gradients each output received (TF's `_AggregatedGrads`: `gradients/AddN`). */
function aggregateGrads(b: GradientBuilders, grads: Map<Operation, (Tensor | null)[][]>, op: Operation): (Tensor | null)[] {
  const opGrads = grads.get(op);
  if (!opGrads) return op.outputs.map(() => null);
  return opGrads.map((list) => {
    const ts = list.filter((t): t is Tensor => t !== null);
    if (ts.length === 0) return null;
    if (ts.length === 1) return ts[0];
    return b.tf.add_n(ts);
  });
}
