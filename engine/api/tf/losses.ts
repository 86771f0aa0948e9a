/**
 * The `tf.losses` namespace, following TF 1.14's losses_impl.py: each loss builds its
 * per-element losses in its scope (`mean_squared_error/SquaredDifference`), then
 * compute_weighted_loss checks that the weights broadcast (`assert_broadcastable/...`),
 * multiplies, reduces (`Sum`, `num_present`, `value`) and adds the loss to the `losses`
 * collection.
 */
import { float32 } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import { Operation, Tensor } from "../../graph.js";
import { ValueError } from "../../errors.js";
import { GraphKeys } from "../../variables.js";
import { PyFloat, isNumberLike, unbox } from "../../pyfloat.js";
import { constantToNDArray } from "../../convert.js";
import { convertToTensor, isTensorLike } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { constNamed, type Name } from "../build.js";
import { buildersFor } from "../builders.js";
import { pyFor } from "../operators.js";
import * as nn from "./nn.js";

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
const ONE = new PyFloat(1);

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
function computeWeightedLoss(ctx: EngineContext, lossesIn: unknown, weights: unknown, scope: Name, collection: string | null, reduction: string): Tensor {
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
function prepare(ctx: EngineContext, labelsIn: unknown, predictionsIn: unknown, labelsName = "labels", predictionsName = "predictions"): [Tensor, Tensor] {
  if (labelsIn === null || labelsIn === undefined) throw new ValueError(`${labelsName} must not be None.`);
  if (predictionsIn === null || predictionsIn === undefined) throw new ValueError(`${predictionsName} must not be None.`);
  const tf = buildersFor(ctx);
  const predictions = tf.cast(predictionsIn, float32);
  const labels = tf.cast(labelsIn, float32);
  if (!predictions.shape.is_compatible_with(labels.shape)) throw new ValueError(`Shapes ${predictions.shape} and ${labels.shape} are incompatible`);
  return [labels, predictions];
}

/** A loss of the (labels, predictions, weights, scope, loss_collection, reduction) family. */
function regression(fname: string, perElement: (ctx: EngineContext, labels: Tensor, predictions: Tensor) => Tensor) {
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
    ): Tensor => {
      if (labels === null || labels === undefined) throw new ValueError("labels must not be None.");
      if (predictions === null || predictions === undefined) throw new ValueError("predictions must not be None.");
      return ctx.defaultGraph().name_scope(scope || fname, (s) => {
        const [l, p] = prepare(ctx, labels, predictions);
        return computeWeightedLoss(ctx, perElement(ctx, l, p), weights, s, loss_collection, reduction);
      });
    },
  );
}

/** `shape(t)[-1]` as TF's slicing builds it. */
function sliceShapeLast(ctx: EngineContext, t: Tensor): Tensor {
  const tf = buildersFor(ctx);
  return tf.strided_slice(tf.shape(t), [-1], [0], [1], { shrink_axis_mask: 1 });
}

/**
 * TF's confusion_matrix.remove_squeezable_dimensions with static ranks: squeezes the last dim
 * of whichever side has one dimension too many. (With unknown ranks TF builds a `tf.cond`;
 * the playground leaves the tensors as they are.)
 */
function removeSqueezable(ctx: EngineContext, labelsIn: unknown, predictionsIn: unknown, expectedRankDiff: number): [Tensor, Tensor] {
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
    if (labels === null || labels === undefined) throw new ValueError("labels must not be None.");
    if (predictions === null || predictions === undefined) throw new ValueError("predictions must not be None.");
    const tf = buildersFor(ctx);
    return ctx.defaultGraph().name_scope(scope || "huber_loss", (s) => {
      const [l, p] = prepare(ctx, labels, predictions);
      const error = tf.subtract(p, l);
      const absError = tf.abs(error);
      const quadratic = tf.minimum(absError, delta);
      const linear = tf.subtract(absError, quadratic);
      const half = convertToTensor(ctx, 0.5, { dtype: quadratic.dtype.base_dtype });
      const losses = tf.add(tf.multiply(half, tf.multiply(quadratic, quadratic)), tf.multiply(delta, linear));
      return computeWeightedLoss(ctx, losses, weights, s, loss_collection, reduction);
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
    if (labels === null || labels === undefined) throw new ValueError("labels must not be None.");
    if (predictions === null || predictions === undefined) throw new ValueError("predictions must not be None.");
    const tf = buildersFor(ctx);
    return ctx.defaultGraph().name_scope(scope || "log_loss", (s) => {
      const [l, p] = prepare(ctx, labels, predictions);
      const o = pyFor(ctx);
      const first = o.neg(tf.multiply(l, tf.log(o.add(p, epsilon) as Tensor))) as Tensor;
      const second = tf.multiply(o.sub(1, l) as Tensor, tf.log(o.add(o.sub(1, p), epsilon) as Tensor));
      return computeWeightedLoss(ctx, o.sub(first, second), weights, s, loss_collection, reduction);
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
    if (multi_class_labels === null || multi_class_labels === undefined) throw new ValueError("multi_class_labels must not be None.");
    if (logits === null || logits === undefined) throw new ValueError("logits must not be None.");
    const tf = buildersFor(ctx);
    return ctx.defaultGraph().name_scope(scope || "sigmoid_cross_entropy_loss", (s) => {
      const logitsT = convertToTensor(ctx, logits);
      let labels = tf.cast(multi_class_labels, logitsT.dtype.base_dtype);
      if (!logitsT.shape.is_compatible_with(labels.shape)) throw new ValueError(`Shapes ${logitsT.shape} and ${labels.shape} are incompatible`);
      const ls = Number(unbox(label_smoothing));
      if (ls > 0) labels = pyFor(ctx).add(pyFor(ctx).mul(labels, 1 - ls), 0.5 * ls) as Tensor;
      const losses = nn.sigmoid_cross_entropy_with_logits(ctx, null, labels, logitsT, "xentropy");
      return computeWeightedLoss(ctx, losses, weights, s, loss_collection, reduction);
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
    if (onehot_labels === null || onehot_labels === undefined) throw new ValueError("onehot_labels must not be None.");
    if (logits === null || logits === undefined) throw new ValueError("logits must not be None.");
    const tf = buildersFor(ctx);
    const py = pyFor(ctx);
    return ctx.defaultGraph().name_scope(scope || "softmax_cross_entropy_loss", (s) => {
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
      const losses = nn.softmax_cross_entropy_with_logits_v2(ctx, labels, logitsT, null, "xentropy");
      return computeWeightedLoss(ctx, losses, weights, s, loss_collection, reduction);
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
    if (labels === null || labels === undefined) throw new ValueError("labels must not be None.");
    if (logits === null || logits === undefined) throw new ValueError("logits must not be None.");
    const tf = buildersFor(ctx);
    return ctx.defaultGraph().name_scope(scope || "sparse_softmax_cross_entropy_loss", (s) => {
      const [labelsT, logitsT] = removeSqueezable(ctx, labels, logits, 1);
      let w = convertToTensor(ctx, weights);
      const lr = labelsT.shape.ndims;
      const wr = w.shape.ndims;
      if (lr !== null && wr !== null && wr - lr === 1) w = tf.squeeze(w, [-1]);
      const losses = nn.sparse_softmax_cross_entropy_with_logits(ctx, null, labelsT, logitsT, "xentropy");
      return computeWeightedLoss(ctx, losses, w, s, loss_collection, reduction);
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
