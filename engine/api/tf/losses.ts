/**
 * The `tf.losses` namespace, following TF 1.14's losses_impl.py: each loss builds its
 * per-element losses in its scope (`mean_squared_error/SquaredDifference`), then
 * compute_weighted_loss checks that the weights broadcast (`assert_broadcastable/...`),
 * multiplies, reduces (`Sum`, `num_present`, `value`) and adds the loss to the `losses`
 * collection.
 */
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { ValueError } from "../../errors.js";
import { GraphKeys } from "../../variables.js";
import { unbox } from "../../pyfloat.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { type Name } from "../build.js";
import { buildersFor } from "../builders.js";
import { pyFor } from "../operators.js";
import * as nn from "./nn.js";
import { ONE, Reduction as ReductionValues, computeWeightedLoss, prepare, regression, removeSqueezable, sliceShapeLast, weightedLoss } from "../losses_impl.js";

/**
 * How a loss reduces (`tf.losses.Reduction`).
 * @example
 * tf.losses.mean_squared_error(y, p, {reduction: tf.losses.Reduction.SUM});
 */
export const Reduction = ReductionValues;

/**
 * Weights `losses`, reduces them (by default: sum / number of non-zero weights) and adds the
 * result to the `losses` collection.
 * @example
 * const loss = tf.losses.compute_weighted_loss(per_example, {weights: w});
 */
export const compute_weighted_loss = pyfunc(
  "compute_weighted_loss",
  ["losses", "weights", "scope", "loss_collection", "reduction"],
  (
    ctx: EngineContext,
    losses: unknown,
    weights: unknown = ONE,
    scope: Name = null,
    loss_collection: string | null = GraphKeys.LOSSES,
    reduction: string = Reduction.SUM_BY_NONZERO_WEIGHTS,
  ): Tensor => computeWeightedLoss(ctx, losses, weights, scope, loss_collection, reduction),
);

/**
 * mean((predictions - labels)^2) (nodes `mean_squared_error/SquaredDifference`, ..., `value`).
 * @example
 * const loss = tf.losses.mean_squared_error(y, y_pred);
 */
export const mean_squared_error = regression("mean_squared_error", (ctx, l, p) => buildersFor(ctx).squared_difference(p, l));

/**
 * mean(|predictions - labels|).
 * @example
 * const loss = tf.losses.absolute_difference(y, y_pred);
 */
export const absolute_difference = regression("absolute_difference", (ctx, l, p) => buildersFor(ctx).abs(buildersFor(ctx).subtract(p, l)));

/**
 * The Huber loss: quadratic for |error| ≤ delta, linear beyond.
 * @example
 * const loss = tf.losses.huber_loss(y, y_pred, {delta: 1.0});
 */
export const huber_loss = pyfunc(
  "huber_loss",
  ["labels", "predictions", "weights", "delta", "scope", "loss_collection", "reduction"],
  (
    ctx: EngineContext,
    labels: unknown,
    predictions: unknown,
    weights: unknown = ONE,
    delta: unknown = ONE,
    scope: Name = null,
    loss_collection: string | null = GraphKeys.LOSSES,
    reduction: string = Reduction.SUM_BY_NONZERO_WEIGHTS,
  ): Tensor => {
    const tf = buildersFor(ctx);
    return weightedLoss(ctx, { labels, predictions }, scope, "huber_loss", weights, loss_collection, reduction, () => {
      const [l, p] = prepare(ctx, labels, predictions);
      const error = tf.subtract(p, l);
      const absError = tf.abs(error);
      const quadratic = tf.minimum(absError, delta);
      const linear = tf.subtract(absError, quadratic);
      const half = convertToTensor(ctx, 0.5, { dtype: quadratic.dtype.base_dtype });
      return tf.add(tf.multiply(half, tf.multiply(quadratic, quadratic)), tf.multiply(delta, linear));
    });
  },
);

/**
 * -labels * log(p + eps) - (1 - labels) * log(1 - p + eps), weighted and reduced.
 * @example
 * const loss = tf.losses.log_loss(y, probabilities);
 */
export const log_loss = pyfunc(
  "log_loss",
  ["labels", "predictions", "weights", "epsilon", "scope", "loss_collection", "reduction"],
  (
    ctx: EngineContext,
    labels: unknown,
    predictions: unknown,
    weights: unknown = ONE,
    epsilon: number = 1e-7,
    scope: Name = null,
    loss_collection: string | null = GraphKeys.LOSSES,
    reduction: string = Reduction.SUM_BY_NONZERO_WEIGHTS,
  ): Tensor => {
    const tf = buildersFor(ctx);
    return weightedLoss(ctx, { labels, predictions }, scope, "log_loss", weights, loss_collection, reduction, () => {
      const [l, p] = prepare(ctx, labels, predictions);
      const o = pyFor(ctx);
      const first = o.neg(tf.multiply(l, tf.log(o.add(p, epsilon) as Tensor))) as Tensor;
      const second = tf.multiply(o.sub(1, l) as Tensor, tf.log(o.add(o.sub(1, p), epsilon) as Tensor));
      return o.sub(first, second) as Tensor;
    });
  },
);

/**
 * Sigmoid cross entropy of `logits` against 0/1 `multi_class_labels` (optionally smoothed).
 * @example
 * const loss = tf.losses.sigmoid_cross_entropy(y, logits);
 */
export const sigmoid_cross_entropy = pyfunc(
  "sigmoid_cross_entropy",
  ["multi_class_labels", "logits", "weights", "label_smoothing", "scope", "loss_collection", "reduction"],
  (
    ctx: EngineContext,
    multi_class_labels: unknown,
    logits: unknown,
    weights: unknown = ONE,
    label_smoothing: number = 0,
    scope: Name = null,
    loss_collection: string | null = GraphKeys.LOSSES,
    reduction: string = Reduction.SUM_BY_NONZERO_WEIGHTS,
  ): Tensor => {
    const tf = buildersFor(ctx);
    return weightedLoss(ctx, { multi_class_labels, logits }, scope, "sigmoid_cross_entropy_loss", weights, loss_collection, reduction, () => {
      const logitsT = convertToTensor(ctx, logits);
      let labels = tf.cast(multi_class_labels, logitsT.dtype.base_dtype);
      if (!logitsT.shape.is_compatible_with(labels.shape)) throw new ValueError(`Shapes ${logitsT.shape} and ${labels.shape} are incompatible`);
      const ls = Number(unbox(label_smoothing));
      if (ls > 0) labels = pyFor(ctx).add(pyFor(ctx).mul(labels, 1 - ls), 0.5 * ls) as Tensor;
      return nn.sigmoid_cross_entropy_with_logits(ctx, null, labels, logitsT, "xentropy");
    });
  },
);

/**
 * Softmax cross entropy of `logits` against one-hot labels (labels behind stop_gradient).
 * @example
 * const loss = tf.losses.softmax_cross_entropy(onehot, logits);
 */
export const softmax_cross_entropy = pyfunc(
  "softmax_cross_entropy",
  ["onehot_labels", "logits", "weights", "label_smoothing", "scope", "loss_collection", "reduction"],
  (
    ctx: EngineContext,
    onehot_labels: unknown,
    logits: unknown,
    weights: unknown = ONE,
    label_smoothing: number = 0,
    scope: Name = null,
    loss_collection: string | null = GraphKeys.LOSSES,
    reduction: string = Reduction.SUM_BY_NONZERO_WEIGHTS,
  ): Tensor => {
    const tf = buildersFor(ctx);
    const py = pyFor(ctx);
    return weightedLoss(ctx, { onehot_labels, logits }, scope, "softmax_cross_entropy_loss", weights, loss_collection, reduction, () => {
      const logitsT = convertToTensor(ctx, logits);
      let labels = tf.cast(onehot_labels, logitsT.dtype.base_dtype);
      if (!logitsT.shape.is_compatible_with(labels.shape)) throw new ValueError(`Shapes ${logitsT.shape} and ${labels.shape} are incompatible`);
      const ls = Number(unbox(label_smoothing));
      if (ls > 0) {
        const numClasses = tf.cast(sliceShapeLast(ctx, labels), logitsT.dtype.base_dtype);
        const negatives = py.truediv(ls, numClasses);
        labels = py.add(py.mul(labels, 1.0 - ls), negatives) as Tensor;
      }
      labels = tf.stop_gradient(labels, "labels_stop_gradient");
      return nn.softmax_cross_entropy_with_logits_v2(ctx, labels, logitsT, null, "xentropy");
    });
  },
);

/**
 * Sparse softmax cross entropy of `logits` against integer class `labels`.
 * @example
 * const loss = tf.losses.sparse_softmax_cross_entropy(labels, logits);
 */
export const sparse_softmax_cross_entropy = pyfunc(
  "sparse_softmax_cross_entropy",
  ["labels", "logits", "weights", "scope", "loss_collection", "reduction"],
  (
    ctx: EngineContext,
    labels: unknown,
    logits: unknown,
    weights: unknown = ONE,
    scope: Name = null,
    loss_collection: string | null = GraphKeys.LOSSES,
    reduction: string = Reduction.SUM_BY_NONZERO_WEIGHTS,
  ): Tensor => {
    const tf = buildersFor(ctx);
    return weightedLoss(ctx, { labels, logits }, scope, "sparse_softmax_cross_entropy_loss", weights, loss_collection, reduction, () => {
      const [labelsT, logitsT] = removeSqueezable(ctx, labels, logits, 1);
      let w = convertToTensor(ctx, weights);
      const lr = labelsT.shape.ndims;
      const wr = w.shape.ndims;
      if (lr !== null && wr !== null && wr - lr === 1) w = tf.squeeze(w, [-1]);
      return { losses: nn.sparse_softmax_cross_entropy_with_logits(ctx, null, labelsT, logitsT, "xentropy"), weights: w };
    });
  },
);

/**
 * Adds `loss` to a loss collection (default `tf.GraphKeys.LOSSES`).
 * @example
 * tf.losses.add_loss(my_loss);
 */
export const add_loss = pyfunc(
  "add_loss",
  ["loss", "loss_collection"],
  (ctx: EngineContext, loss: unknown, loss_collection: string | null = GraphKeys.LOSSES): void => {
    if (loss_collection) ctx.defaultGraph().add_to_collection(loss_collection, loss);
  },
);

/**
 * The losses in a collection (default: every loss the tf.losses functions created).
 * @example
 * print(tf.losses.get_losses().length);
 */
export const get_losses = pyfunc(
  "get_losses",
  ["scope", "loss_collection"],
  (ctx: EngineContext, scope: string | null = null, loss_collection: string = GraphKeys.LOSSES): Tensor[] =>
    ctx.defaultGraph().get_collection(loss_collection, scope) as Tensor[],
);

/**
 * The regularization losses (collection `regularization_losses`).
 * @example
 * const reg = tf.losses.get_regularization_losses();
 */
export const get_regularization_losses = pyfunc(
  "get_regularization_losses",
  ["scope"],
  (ctx: EngineContext, scope: string | null = null): Tensor[] => ctx.defaultGraph().get_collection(GraphKeys.REGULARIZATION_LOSSES, scope) as Tensor[],
);

/**
 * The sum of all losses (and by default the regularization losses): one AddN named `total_loss`.
 * @example
 * const total = tf.losses.get_total_loss();
 */
export const get_total_loss = pyfunc(
  "get_total_loss",
  ["add_regularization_losses", "name", "scope"],
  (ctx: EngineContext, add_regularization_losses: boolean = true, name: string = "total_loss", scope: string | null = null): Tensor => {
    const g = ctx.defaultGraph();
    let losses = g.get_collection(GraphKeys.LOSSES, scope) as Tensor[];
    if (add_regularization_losses) losses = losses.concat(g.get_collection(GraphKeys.REGULARIZATION_LOSSES, scope) as Tensor[]);
    return buildersFor(ctx).add_n(losses, name);
  },
);
