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
import { maybeCreateControlFlowState, zerosLikeOutsideLoop, type ControlFlowState } from "../api/control_flow/grad_state.js";
import { isLoopExit, isLoopSwitch, isSwitch } from "../api/control_flow/util.js";


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

/** Per op, per output: the gradients received (a list), or their sum once aggregated (TF's `grads`). */
type GradMap = Map<Operation, (Tensor[] | Tensor | null)[]>;

/** Computes `d(sum ys)/d(xs)`; returns null for an x that ys does not depend on. */
export function gradients(ctx: EngineContext, ysIn: unknown, xsIn: unknown, o: GradientsOptions): (Tensor | null)[] {
  const g = ctx.defaultGraph();
  // Loop gradients rewire ops after creating them (back edges, control inputs): their node
  // records go out when the whole gradient graph is built.
  return g._deferNodes(() => gradientsHelper(ctx, ysIn, xsIn, o));
}

function gradientsHelper(ctx: EngineContext, ysIn: unknown, xsIn: unknown, o: GradientsOptions): (Tensor | null)[] {
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
    const stopGradientOps = toList(o.stopGradients).map((s) => (isTensorLike(s) ? (s instanceof Tensor ? s : (s as TensorConvertible)._as_tensor(false)).op : (s as Operation)));
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
    // While loops on the way get their backward loops (and all their Exits join the way).
    const loopState = maybeCreateControlFlowState(ctx, betweenList, between);
    const pending = new Map<Operation, number>();
    for (const op of betweenList) {
      for (const x of op.inputs) if (between.has(x.op)) pending.set(x.op, (pending.get(x.op) ?? 0) + 1);
    }

    const grads: GradMap = new Map();
    ys.forEach((y, i) => setGrad(grads, y, gradYs[i]));

    const queue: Operation[] = [];
    const toOpsSet = new Set<Operation>();
    for (const op of toOps) {
      if ((pending.get(op) ?? 0) === 0 && !toOpsSet.has(op) && reachableTo.has(op)) {
        toOpsSet.add(op);
        queue.push(op);
      }
    }
    if (loopState !== null) {
      for (const y of loopState.processUnusedLoopExits(pending, toOpsSet)) {
        if (isTrainable(y)) setGrad(grads, y, loopState.zerosLikeForExit(y));
        queue.push(y.op);
      }
    }
    // From-ops whose inputs are not between: gradient flow stops there (TF's _StopOps).
    const stop = new Set<Operation>(stopGradientOps);
    for (const op of fromOps) if (op.inputs.every((inp) => (pending.get(inp.op) ?? 0) <= 0)) stop.add(op);

    for (let qi = 0; qi < queue.length; qi++) {
      const op = queue[qi];
      loopState?.enterGradWhileContext(op, true);
      const outGrads = aggregatedGrads(b, grads, op, loopState !== null);
      loopState?.exitGradWhileContext(op, true);
      const hasOutGrads = outGrads.some((x) => x !== null);
      const gradFn = op.def.gradient;
      if (hasOutGrads && !stop.has(op) && gradFn === NO_GRADIENT) {
        throw new LookupError(`No gradient defined for operation '${op.name}' (op type: ${op.type})`);
      }
      loopState?.enterGradWhileContext(op, false);
      // TF does not take gradients with respect to (or through) a loop variable's initial value.
      if (isSwitch(op) && op._ctxt !== null && op._ctxt.kind === "while" && op._ctxt === g._get_control_flow_context()) {
        raiseNoGradWrtInitialLoopVal(op, fromOps);
      }
      let inGrads: (Tensor | null)[];
      if (hasOutGrads && !stop.has(op) && gradFn !== null && gradFn !== NO_GRADIENT) {
        for (let i = 0; i < outGrads.length; i++) {
          // A trainable output nobody used gets a zero gradient, as in TF (inside a cond, a
          // zero made only when the other branch runs).
          if (outGrads[i] === null && isTrainable(op.outputs[i])) {
            outGrads[i] = loopState !== null ? loopState.zerosLike(op, i) : zerosLikeOutsideLoop(ctx, op, i);
          }
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
        setGrad(grads, tIn, gIn);
      });
      loopState?.exitGradWhileContext(op, false);
      updatePendingAndEnqueueReady(grads, op, queue, pending, between, loopState);
    }
    loopState?.postProcessing();

    return xs.map((x) => {
      const got = grads.get(x.op)?.[x.value_index] ?? null;
      if (got instanceof Tensor) return got;
      if (Array.isArray(got) && got.length) return got.length === 1 ? got[0] : tf.add_n(got);
      return o.unconnected === "zero" ? tf.zeros_like(x) : null;
    });
  });
}

/** TF's `_SetGrad`: one more gradient for `t` (an aggregated loop Switch output is replaced). */
function setGrad(grads: GradMap, t: Tensor, grad: Tensor): void {
  let opGrads = grads.get(t.op);
  if (!opGrads) grads.set(t.op, (opGrads = t.op.outputs.map(() => [])));
  const tGrads = opGrads[t.value_index];
  if (Array.isArray(tGrads)) tGrads.push(grad);
  else opGrads[t.value_index] = grad;
}

/** TF's `_HasAnyNotNoneGrads`. */
function hasAnyNotNoneGrads(grads: GradMap, op: Operation): boolean {
  for (const g of grads.get(op) ?? []) {
    if (g instanceof Tensor) return true;
    if (Array.isArray(g) && g.some((x) => x !== null)) return true;
  }
  return false;
}

/**
 * TF's `_UpdatePendingAndEnqueueReady`: an input op is ready when all its consumers on the way
 * are done — a loop's Switch as soon as one is (it is visited twice), and a loop's Exits all
 * together, once every Exit of the loop is ready.
 */
function updatePendingAndEnqueueReady(
  grads: GradMap,
  op: Operation,
  queue: Operation[],
  pending: Map<Operation, number>,
  between: ReadonlySet<Operation>,
  loopState: ControlFlowState | null,
): void {
  for (const x of op.inputs) {
    if (!between.has(x.op)) continue;
    const n = (pending.get(x.op) ?? 0) - 1;
    pending.set(x.op, n);
    let ready = n === 0;
    if (loopState !== null && !ready) ready = n > 0 && isLoopSwitch(x.op);
    if (!ready) continue;
    if (isLoopExit(x.op)) {
      const state = loopState!.gradStateOf(x.op, false)!;
      state.deferredExits.push(x);
      state.pendingExitsCount--;
      if (state.pendingExitsCount === 0) {
        let hasNotNone = false;
        for (const y of state.deferredExits) {
          if (hasAnyNotNoneGrads(grads, y.op)) {
            hasNotNone = true;
            queue.push(y.op);
          } else state.unusedExits.push(y);
        }
        for (const y of state.unusedExits) {
          if (hasNotNone && isTrainable(y)) setGrad(grads, y, loopState!.zerosLikeForExit(y));
          queue.push(y.op);
        }
      }
    } else {
      queue.push(x.op);
    }
  }
}

/** TF's `_RaiseNoGradWrtInitialLoopValError`. */
function raiseNoGradWrtInitialLoopVal(op: Operation, fromOps: readonly Operation[]): never {
  let target: Operation | null = null;
  const queue = [op];
  const visited = new Set<Operation>();
  for (let qi = 0; qi < queue.length; qi++) {
    const cur = queue[qi];
    if (visited.has(cur)) continue;
    visited.add(cur);
    if (fromOps.includes(cur)) {
      target = cur;
      break;
    }
    for (const t of cur.inputs) queue.push(t.op);
  }
  throw new ValueError(
    `Cannot compute gradient inside while loop with respect to op '${target?.name ?? op.name}'. We do not support taking the gradient wrt or through the initial value of a loop variable. Gradients can be computed through loop invariants or wrt the input parameters to the loop body.`,
  );
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

/**
 * Sums the gradients each output received (TF's `_AggregatedGrads`: `gradients/AddN`), in
 * place; a loop Switch's output already summed on its first visit is left as it is.
 */
function aggregatedGrads(b: GradientBuilders, grads: GradMap, op: Operation, inLoops: boolean): (Tensor | null)[] {
  const opGrads = grads.get(op);
  if (!opGrads) return op.outputs.map(() => null);
  for (let i = 0; i < opGrads.length; i++) {
    const list = opGrads[i];
    if (!Array.isArray(list)) {
      if (list instanceof Tensor && !inLoops) throw new Error(`${op.name}: gradients aggregated twice`);
      continue;
    }
    const ts = list.filter((t): t is Tensor => t !== null);
    opGrads[i] = ts.length === 0 ? null : ts.length === 1 ? ts[0] : b.tf.add_n(ts);
  }
  return opGrads.slice() as (Tensor | null)[];
}
