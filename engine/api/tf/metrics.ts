/**
 * `tf.metrics`: streaming metrics, as TF 1.15's metrics_impl.py builds them. Each keeps running
 * totals in *local* variables (`accuracy/total`, `accuracy/count`: trainable=False, in the
 * LOCAL_VARIABLES and METRIC_VARIABLES collections) and returns `[value, update_op]`:
 * `update_op` adds a batch and returns the new value, `value` reads it. The totals start
 * uninitialized, so a session must run `tf.local_variables_initializer()` first — without
 * it TF fails with "Attempting to use uninitialized value accuracy/total".
 */
import { float32 } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { ValueError } from "../../errors.js";
import { Variable as VariableClass, GraphKeys } from "../../variables.js";
import { withVariableScope } from "../../variable_scope.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { castTensor } from "../build.js";
import { size, squeeze } from "./array.js";
import { div_no_nan, maximum, multiply } from "./arithmetic.js";
import { equal } from "./logic.js";
import { ones_like, zeros } from "./filling.js";
import { reduce_sum } from "./reduce.js";
import { assign_add } from "./state.js";

/** metrics_impl.py's metric_variable: a local, non-trainable variable initialized to zeros. */
function metricVariable(ctx: EngineContext, name: string): VariableClass {
  return new VariableClass(ctx, () => zeros(ctx, [], float32), {
    trainable: false,
    collections: [GraphKeys.LOCAL_VARIABLES, GraphKeys.METRIC_VARIABLES],
    validateShape: true,
    name,
  });
}

/**
 * confusion_matrix.py's remove_squeezable_dimensions: drops a trailing size-1 dim of whichever
 * of labels or predictions has one more dimension (static ranks; the playground does not
 * build TF's run-time `cond` for unknown ranks).
 */
function removeSqueezable(ctx: EngineContext, labels: Tensor, predictions: Tensor): [Tensor, Tensor] {
  return ctx.defaultGraph().name_scope("remove_squeezable_dimensions", (): [Tensor, Tensor] => {
    const pr = predictions.shape.ndims;
    const lr = labels.shape.ndims;
    if (pr !== null && lr !== null) {
      const diff = pr - lr;
      const last = (t: Tensor) => t.shape.dims![t.shape.dims!.length - 1];
      if (diff === 1 && last(predictions) !== null && last(predictions) === 1) return [labels, squeeze(ctx, predictions, [-1])];
      if (diff === -1 && last(labels) !== null && last(labels) === 1) return [squeeze(ctx, labels, [-1]), predictions];
    }
    return [labels, predictions];
  });
}

/** metrics_impl.py's mean, in variable scope `name` (default `mean`). */
function streamingMean(
  ctx: EngineContext,
  valuesIn: unknown,
  weightsIn: unknown,
  metricsCollections: string[] | null,
  updatesCollections: string[] | null,
  name: string | null,
  defaultName: string,
): [Tensor, Tensor] {
  const g = ctx.defaultGraph();
  return withVariableScope(ctx, name, { default_name: defaultName, initializer: null, regularizer: null, reuse: null, dtype: null, auxiliary_name_scope: true }, () => {
    let values = castTensor(ctx, valuesIn, float32, null);
    const total = metricVariable(ctx, "total");
    const count = metricVariable(ctx, "count");
    let numValues: Tensor;
    if (weightsIn === null || weightsIn === undefined) {
      numValues = castTensor(ctx, size(ctx, values), float32, null);
    } else {
      let weights = castTensor(ctx, weightsIn, float32, null);
      if (!(weights.shape.is_fully_defined() && values.shape.is_fully_defined() && weights.shape.equals(values.shape))) {
        // weights_broadcast_ops.broadcast_weights: weights * ones_like(values).
        weights = g.name_scope("broadcast_weights", (scope) => multiply(ctx, weights, ones_like(ctx, values), scope));
      }
      values = multiply(ctx, values, weights);
      numValues = reduce_sum(ctx, weights);
    }
    const updateTotal = assign_add(ctx, total, reduce_sum(ctx, values));
    const updateCount = g.control_dependencies([values], () => assign_add(ctx, count, numValues));
    const value = div_no_nan(ctx, total, maximum(ctx, count, 0), "value");
    const updateOp = div_no_nan(ctx, updateTotal, maximum(ctx, updateCount, 0), "update_op");
    for (const c of metricsCollections ?? []) g.add_to_collection(c, value);
    for (const c of updatesCollections ?? []) g.add_to_collection(c, updateOp);
    return [value, updateOp];
  });
}

/**
 * The running mean of `values` (weighted by `weights`): the pair `[mean, update_op]`. Its
 * totals are local variables: run `tf.local_variables_initializer()` first.
 * @example
 * const [m, m_op] = tf.metrics.mean(x);
 */
export const mean = pyfunc(
  "mean",
  ["values", "weights", "metrics_collections", "updates_collections", "name"],
  (
    ctx: EngineContext,
    values: unknown,
    weights: unknown = null,
    metrics_collections: string[] | null = null,
    updates_collections: string[] | null = null,
    name: string | null = null,
  ): [Tensor, Tensor] => streamingMean(ctx, values, weights, metrics_collections, updates_collections, name, "mean"),
);

/**
 * How often `predictions` equals `labels` over every batch `update_op` has seen: the pair
 * `[accuracy, update_op]`. Its counters are local variables: run
 * `tf.local_variables_initializer()` first.
 * @example
 * const [acc, acc_op] = tf.metrics.accuracy(labels, predictions);
 * sess.run(tf.local_variables_initializer());
 * print(sess.run(acc_op)); // the accuracy so far, this batch included
 */
export const accuracy = pyfunc(
  "accuracy",
  ["labels", "predictions", "weights", "metrics_collections", "updates_collections", "name"],
  (
    ctx: EngineContext,
    labels: unknown,
    predictions: unknown,
    weights: unknown = null,
    metrics_collections: string[] | null = null,
    updates_collections: string[] | null = null,
    name: string | null = null,
  ): [Tensor, Tensor] => {
    let p = convertToTensor(ctx, predictions);
    let l = convertToTensor(ctx, labels);
    [l, p] = removeSqueezable(ctx, l, p);
    if (!p.shape.is_compatible_with(l.shape)) throw new ValueError(`Shapes ${p.shape} and ${l.shape} are incompatible`);
    if (l.dtype.base_dtype !== p.dtype.base_dtype) p = castTensor(ctx, p, l.dtype.base_dtype, null);
    const isCorrect = castTensor(ctx, equal(ctx, p, l), float32, null);
    return streamingMean(ctx, isCorrect, weights, metrics_collections, updates_collections, name || "accuracy", "mean");
  },
);
