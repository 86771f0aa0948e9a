/**
 * The work behind `tf.losses`, as TF 1.14's losses_impl.py and weights_broadcast_ops.py do it:
 * compute_weighted_loss (the weights checked to broadcast, multiplied, reduced by the loss's
 * Reduction, added to a collection), and the preparation every loss shares.
 */
import { float32 } from "../dtypes.js";
import type { EngineContext } from "../context.js";
import { Operation, Tensor } from "../graph.js";
import { ValueError } from "../errors.js";
import { GraphKeys } from "../variables.js";
import { PyFloat, isNumberLike, unbox } from "../pyfloat.js";
import { constantToNDArray } from "../convert.js";
import { convertToTensor, isTensorLike } from "./convert_tensor.js";
import { pyfunc } from "./pyargs.js";
import { constNamed, type Name } from "./build.js";
import { buildersFor } from "./builders.js";
import { pyFor } from "./operators.js";

/**
 * How a loss reduces (`tf.losses.Reduction`).
 * @example
 * tf.losses.mean_squared_error(y, p, {reduction: tf.losses.Reduction.SUM});
 */
export const Reduction = {
  NONE: "none",
  SUM: "weighted_sum",
  SUM_OVER_BATCH_SIZE: "weighted_sum_over_batch_size",
  MEAN: "weighted_mean",
  SUM_BY_NONZERO_WEIGHTS: "weighted_sum_by_nonzero_weights",
  SUM_OVER_NONZERO_WEIGHTS: "weighted_sum_by_nonzero_weights",
  /** All reduction keys. */
  all(): string[] {
    return ["none", "weighted_sum", "weighted_mean", "weighted_sum_over_batch_size", "weighted_sum_by_nonzero_weights", "weighted_sum_by_nonzero_weights"];
  },
  /** Raises TF's ValueError for an unknown key. */
  validate(key: string): void {
    if (!Reduction.all().includes(key)) throw new ValueError(`Invalid Reduction Key ${key}.`);
  },
} as const;

/** Python's `1.0`: TF's default weight is a float, so it converts to a float32 Const. */
export const ONE = new PyFloat(1);

const ASSERT_PREFIX = "weights can not be broadcast to values.";

/** `(2,)`-style text of a constant shape vector, as numpy prints TF's constant_value. */
function tupleText(dims: readonly number[]): string {
  return `[${dims.join(" ")}]`;
}

/**
 * TF's weights_broadcast_ops.assert_broadcastable: shape/rank nodes for weights and values,
 * then a NoOp when the check succeeds statically. (TF's dynamic check needs `tf.cond`; the
 * playground then checks nothing at run time.)
 */
function assertBroadcastable(ctx: EngineContext, weightsIn: unknown, valuesIn: unknown): Operation | null {
  const g = ctx.defaultGraph();
  const tf = buildersFor(ctx);
  return g.name_scope("assert_broadcastable", () => {
    const [weights, wShape, wRank] = g.name_scope("weights", (scope) => {
      // TF converts a plain weight with name=scope: a Const named exactly `.../weights`.
      const w = isTensorLike(weightsIn) ? convertToTensor(ctx, weightsIn) : constNamed(ctx, constantToNDArray(weightsIn, null), scope);
      return [w, tf.shape(w, "shape"), tf.rank(w, "rank")] as const;
    });
    const [values, vShape, vRank] = g.name_scope("values", () => {
      const v = convertToTensor(ctx, valuesIn);
      return [v, tf.shape(v, "shape"), tf.rank(v, "rank")] as const;
    });
    const wr = constInt(wRank);
    const vr = constInt(vRank);
    if (wr === null || vr === null) return null;
    if (wr === 0) return tf.no_op("static_scalar_check_success");
    if (wr !== vr) {
      throw new ValueError(`${ASSERT_PREFIX} values.rank=${vr}. weights.rank=${wr}. values.shape=${values.shape}. weights.shape=${weights.shape}.`);
    }
    const ws = constInts(wShape);
    const vs = constInts(vShape);
    if (ws === null || vs === null) return null;
    for (let i = 0; i < vs.length; i++) {
      if (ws[i] !== 1 && ws[i] !== vs[i]) {
        throw new ValueError(`${ASSERT_PREFIX} Mismatch at dim ${i}. values.shape=${tupleText(vs)} weights.shape=${tupleText(ws)}.`);
      }
    }
    return tf.no_op("static_dims_check_success");
  });
}

/** Runs `fn` with a control dependency on `dep` (when there is one). */
function after<T>(ctx: EngineContext, dep: Operation | null, fn: () => T): T {
  return dep === null ? fn() : ctx.defaultGraph().control_dependencies([dep], fn);
}

/** TF's weights_broadcast_ops.broadcast_weights. */
function broadcastWeights(ctx: EngineContext, weightsIn: Tensor, valuesIn: Tensor): Tensor {
  const tf = buildersFor(ctx);
  return ctx.defaultGraph().name_scope("broadcast_weights", (scope) => {
    const values = convertToTensor(ctx, valuesIn, { name: "values" });
    const weights = convertToTensor(ctx, weightsIn, { dtype: values.dtype.base_dtype, name: "weights" });
    if (weights.shape.is_fully_defined() && values.shape.is_fully_defined() && weights.shape.is_compatible_with(values.shape)) return weights;
    return after(ctx, assertBroadcastable(ctx, weights, values), () => tf.multiply(weights, tf.ones_like(values), scope));
  });
}

/** TF's `_num_elements`. */
function numElements(ctx: EngineContext, losses: Tensor): Tensor {
  const tf = buildersFor(ctx);
  return ctx.defaultGraph().name_scope("num_elements", (scope) => tf.cast(tf.size(losses, scope), losses.dtype.base_dtype));
}

/** TF's `_num_present`: how many weights are non-zero, broadcast to the losses. */
function numPresent(ctx: EngineContext, losses: Tensor, weights: unknown): Tensor {
  if (isNumberLike(weights) && Number(unbox(weights)) !== 0) return numElements(ctx, losses);
  const tf = buildersFor(ctx);
  return ctx.defaultGraph().name_scope("num_present", (scope) => {
    const w = tf.cast(weights, float32);
    let present = tf.where(tf.equal(w, 0.0), tf.zeros_like(w), tf.ones_like(w));
    present = broadcastWeights(ctx, present, losses);
    return tf.reduce_sum(present, null, null, scope);
  });
}

/** TF's `_safe_mean`: sum / num_present, 0 when nothing is present (`value`). */
function safeMean(ctx: EngineContext, losses: Tensor, num: Tensor): Tensor {
  const tf = buildersFor(ctx);
  return tf.div_no_nan(tf.reduce_sum(losses), num, "value");
}

/** TF's compute_weighted_loss. */
export function computeWeightedLoss(
  ctx: EngineContext,
  lossesIn: unknown,
  weights: unknown,
  scope: Name,
  collection: string | null,
  reduction: string,
): Tensor {
  Reduction.validate(reduction);
  const g = ctx.defaultGraph();
  const tf = buildersFor(ctx);
  return g.name_scope(scope || "weighted_loss", () =>
    after(ctx, assertBroadcastable(ctx, weights, lossesIn), () => {
      let losses = convertToTensor(ctx, lossesIn);
      const inputDtype = losses.dtype.base_dtype;
      losses = tf.cast(losses, float32);
      const w = tf.cast(weights, float32);
      const weighted = tf.multiply(losses, w);
      let loss: Tensor;
      if (reduction === Reduction.NONE) loss = weighted;
      else {
        loss = tf.reduce_sum(weighted);
        if (reduction === Reduction.MEAN) loss = safeMean(ctx, loss, tf.reduce_sum(pyFor(ctx).mul(tf.ones_like(losses), w) as Tensor));
        else if (reduction === Reduction.SUM_BY_NONZERO_WEIGHTS) loss = safeMean(ctx, loss, numPresent(ctx, losses, w));
        else if (reduction === Reduction.SUM_OVER_BATCH_SIZE) loss = safeMean(ctx, loss, numElements(ctx, losses));
      }
      loss = tf.cast(loss, inputDtype);
      if (collection) g.add_to_collection(collection, loss);
      return loss;
    }),
  );
}

/** Casts predictions and labels to float32 and checks their shapes (every regression loss starts so). */
export function prepare(
  ctx: EngineContext,
  labelsIn: unknown,
  predictionsIn: unknown,
  labelsName = "labels",
  predictionsName = "predictions",
): [Tensor, Tensor] {
  if (labelsIn === null || labelsIn === undefined) throw new ValueError(`${labelsName} must not be None.`);
  if (predictionsIn === null || predictionsIn === undefined) throw new ValueError(`${predictionsName} must not be None.`);
  const tf = buildersFor(ctx);
  const predictions = tf.cast(predictionsIn, float32);
  const labels = tf.cast(labelsIn, float32);
  if (!predictions.shape.is_compatible_with(labels.shape)) throw new ValueError(`Shapes ${predictions.shape} and ${labels.shape} are incompatible`);
  return [labels, predictions];
}

/** A loss of the (labels, predictions, weights, scope, loss_collection, reduction) family. */
/**
 * The frame every tf.losses function shares (losses_impl.py): its required arguments checked
 * in order (`labels must not be None.`), then, in the loss's name scope, the per-element
 * losses `build` makes, weighted and reduced by compute_weighted_loss. `build` returns the
 * losses, or `{losses, weights}` when it adjusts the weights (sparse_softmax_cross_entropy).
 * @example
 * weightedLoss(ctx, {labels, predictions}, scope, "mean_squared_error", weights, collection, reduction, () => ...);
 */
export function weightedLoss(
  ctx: EngineContext,
  required: Record<string, unknown>,
  scope: Name,
  defaultScope: string,
  weights: unknown,
  lossCollection: string | null,
  reduction: string,
  build: () => Tensor | { losses: Tensor; weights: unknown },
): Tensor {
  for (const [name, value] of Object.entries(required)) if (value === null || value === undefined) throw new ValueError(`${name} must not be None.`);
  return ctx.defaultGraph().name_scope(scope || defaultScope, (s) => {
    const built = build();
    const [losses, w] = built instanceof Tensor ? [built, weights] : [built.losses, built.weights];
    return computeWeightedLoss(ctx, losses, w, s, lossCollection, reduction);
  });
}

/** A regression loss `fname(labels, predictions, weights, ...)`: `perElement` of the prepared pair, weighted. */
export function regression(fname: string, perElement: (ctx: EngineContext, labels: Tensor, predictions: Tensor) => Tensor) {
  return pyfunc(
    fname,
    ["labels", "predictions", "weights", "scope", "loss_collection", "reduction"],
    (
      ctx: EngineContext,
      labels: unknown,
      predictions: unknown,
      weights: unknown = ONE,
      scope: Name = null,
      loss_collection: string | null = GraphKeys.LOSSES,
      reduction: string = Reduction.SUM_BY_NONZERO_WEIGHTS,
    ): Tensor =>
      weightedLoss(ctx, { labels, predictions }, scope, fname, weights, loss_collection, reduction, () => {
        const [l, p] = prepare(ctx, labels, predictions);
        return perElement(ctx, l, p);
      }),
  );
}

/** `shape(t)[-1]` as TF's slicing builds it. */
export function sliceShapeLast(ctx: EngineContext, t: Tensor): Tensor {
  const tf = buildersFor(ctx);
  return tf.strided_slice(tf.shape(t), [-1], [0], [1], { shrink_axis_mask: 1 });
}

/**
 * TF's confusion_matrix.remove_squeezable_dimensions with static ranks: squeezes the last dim
 * of whichever side has one dimension too many. (With unknown ranks TF builds a `tf.cond`;
 * the playground leaves the tensors as they are.)
 */
export function removeSqueezable(ctx: EngineContext, labelsIn: unknown, predictionsIn: unknown, expectedRankDiff: number): [Tensor, Tensor] {
  const tf = buildersFor(ctx);
  return ctx.defaultGraph().name_scope("remove_squeezable_dimensions", () => {
    let predictions = convertToTensor(ctx, predictionsIn);
    let labels = convertToTensor(ctx, labelsIn);
    const pr = predictions.shape.ndims;
    const lr = labels.shape.ndims;
    if (pr !== null && lr !== null) {
      const diff = pr - lr;
      const lastIs1 = (d: readonly (number | null)[]) => d[d.length - 1] === null || d[d.length - 1] === 1;
      if (diff === expectedRankDiff + 1 && lastIs1(predictions.shape.dims!)) predictions = tf.squeeze(predictions, [-1]);
      else if (diff === expectedRankDiff - 1 && lastIs1(labels.shape.dims!)) labels = tf.squeeze(labels, [-1]);
    }
    return [labels, predictions];
  });
}

/** A Const scalar's int value, else null (TF's constant_value on a rank). */
function constInt(t: Tensor): number | null {
  if (t.op.type !== "Const") return null;
  return Number((t.op.attrs.value as { data: ArrayLike<number> }).data[0]);
}

/** A Const vector's ints, else null. */
function constInts(t: Tensor): number[] | null {
  if (t.op.type !== "Const") return null;
  return Array.from((t.op.attrs.value as { data: ArrayLike<number> }).data);
}
