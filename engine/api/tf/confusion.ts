/**
 * `tf.confusion_matrix` (`tf.math.confusion_matrix`), built as TF 1.15's confusion_matrix.py
 * builds it: labels and predictions squeezed to the same rank, cast to int64 and checked
 * (non-negative, below `num_classes`) by assertions they depend on, then a SparseTensor of
 * ones (or `weights`) at `[label, prediction]` added to a zero matrix (SparseTensorDenseAdd),
 * so repeated pairs are counted.
 */
import { DTypeLike, asDType, int32, int64 } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { ValueError } from "../../errors.js";
import { convertToTensor } from "../convert_tensor.js";
import { buildCond } from "../control_flow/cond.js";
import { withDependencies } from "../control_flow/ops.js";
import { tensorOperators as T } from "../tensor_ops.js";
import { pyfunc } from "../pyargs.js";
import type { Name } from "../build.js";
import { cast } from "./math.js";
import { equal } from "./logic.js";
import { maximum } from "./arithmetic.js";
import { reduce_max } from "./reduce.js";
import { rank, squeeze, stack } from "./array.js";
import { ones_like, zeros } from "./filling.js";
import { assert_less, assert_non_negative } from "./checks.js";
import { SparseTensor, sparse_add } from "./sparse.js";

/** confusion_matrix.py's `remove_squeezable_dimensions` (expected rank difference 0). */
function removeSqueezable(ctx: EngineContext, labelsIn: Tensor, predictionsIn: Tensor): [Tensor, Tensor] {
  return ctx.defaultGraph().name_scope("remove_squeezable_dimensions", () => {
    let predictions = predictionsIn;
    let labels = labelsIn;
    const pr = predictions.shape.ndims;
    const lr = labels.shape.ndims;
    if (pr !== null && lr !== null) {
      if (pr - lr === 1) predictions = squeeze(ctx, predictions, [-1]);
      else if (pr - lr === -1) labels = squeeze(ctx, labels, [-1]);
      return [labels, predictions];
    }
    const rankDiff = T.sub(ctx, rank(ctx, predictions), rank(ctx, labels));
    const lastMayBeOne = (t: Tensor) => t.shape.dims === null || t.shape.dims.length === 0 || [null, 1].includes(t.shape.dims[t.shape.dims.length - 1]);
    if (pr === null || lastMayBeOne(predictions)) {
      const p = predictions;
      predictions = buildCond(ctx, equal(ctx, 1, rankDiff), () => squeeze(ctx, p, [-1]), () => p, false, null) as Tensor;
    }
    if (lr === null || lastMayBeOne(labels)) {
      const l = labels;
      labels = buildCond(ctx, equal(ctx, -1, rankDiff), () => squeeze(ctx, l, [-1]), () => l, false, null) as Tensor;
    }
    return [labels, predictions];
  });
}

/**
 * The confusion matrix of `labels` against `predictions` (class ids from 0): entry `[i, j]`
 * counts (or sums the `weights` of) the examples of class `i` predicted as `j`. Without
 * `num_classes`, it is one more than the largest id seen.
 * @example
 * tf.confusion_matrix([1, 2, 4], [2, 2, 4]); // [[0 0 0 0 0] [0 0 1 0 0] [0 0 1 0 0] [0 0 0 0 0] [0 0 0 0 1]]
 */
export const confusion_matrix = pyfunc(
  "confusion_matrix",
  ["labels", "predictions", "num_classes", "dtype", "name", "weights"],
  (ctx: EngineContext, labels: unknown, predictions: unknown, num_classes: unknown = null, dtype: DTypeLike = int32, name: Name = null, weights: unknown = null): Tensor =>
    ctx.defaultGraph().name_scope(name || "confusion_matrix", () => {
      const dt = asDType(dtype);
      let [l, p] = removeSqueezable(ctx, convertToTensor(ctx, labels, { name: "labels" }), convertToTensor(ctx, predictions, { name: "predictions" }));
      p = cast(ctx, p, int64);
      l = cast(ctx, l, int64);
      l = withDependencies(ctx, [assert_non_negative(ctx, l, null, null, "`labels` contains negative values")], l);
      p = withDependencies(ctx, [assert_non_negative(ctx, p, null, null, "`predictions` contains negative values")], p);
      let n: unknown;
      if (num_classes === null || num_classes === undefined) {
        n = T.add(ctx, maximum(ctx, reduce_max(ctx, p), reduce_max(ctx, l)), 1);
      } else {
        const n64 = cast(ctx, num_classes, int64);
        l = withDependencies(ctx, [assert_less(ctx, l, n64, null, null, "`labels` out of bound")], l);
        p = withDependencies(ctx, [assert_less(ctx, p, n64, null, null, "`predictions` out of bound")], p);
        n = num_classes;
      }
      let w: Tensor | null = null;
      if (weights !== null && weights !== undefined) {
        w = convertToTensor(ctx, weights, { name: "weights" });
        if (!p.shape.is_compatible_with(w.shape)) throw new ValueError(`Shapes ${p.shape} and ${w.shape} are incompatible`);
        w = cast(ctx, w, dt);
      }
      const shape = stack(ctx, [n, n]);
      const indices = stack(ctx, [l, p], 1);
      const values = w ?? ones_like(ctx, p, dt);
      const cm = SparseTensor(ctx, indices, values, cast(ctx, shape, int64));
      const zeroMatrix = zeros(ctx, cast(ctx, shape, int32), dt);
      return sparse_add(ctx, zeroMatrix, cm) as Tensor; // sparse + dense is dense
    }),
);
