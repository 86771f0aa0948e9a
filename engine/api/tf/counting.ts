/**
 * Counting and searching: `tf.histogram_fixed_width`, `tf.math.bincount` and
 * `tf.searchsorted`, built as TF 1.15's histogram_ops.py, math_ops.py and array_ops.py build
 * them.
 */
import { DTypeLike, asDType, int32 } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { ValueError } from "../../errors.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { castTensor, op1, type Name } from "../build.js";
import { sliceHelper } from "../slicing.js";
import { tensorOperators as T } from "../tensor_ops.js";
import { constant } from "./core.js";
import { reshape, shape } from "./array_core.js";
import { reduce_max, reduce_prod } from "./reduce.js";

/**
 * Counts `values` in `nbins` equal bins spanning `value_range` (values below go to the first
 * bin, above to the last), in scope `histogram_fixed_width`.
 * @example
 * const hist = tf.histogram_fixed_width([-1.0, 0.0, 1.5, 2.0, 5.0, 15], [0.0, 5.0], 5); // [2 1 1 0 2]
 */
export const histogram_fixed_width = pyfunc(
  "histogram_fixed_width",
  ["values", "value_range", "nbins", "dtype", "name"],
  (ctx: EngineContext, values: unknown, value_range: unknown, nbins: unknown = 100, dtype: DTypeLike = int32, name: Name = null): Tensor =>
    ctx.defaultGraph().name_scope(name || "histogram_fixed_width", (scope) =>
      op1(ctx, "HistogramFixedWidth", [values, value_range, nbins], { dtype: asDType(dtype) }, scope),
    ),
);

/**
 * How often each value 0 … max(arr) occurs in the int32 tensor `arr` (or the sum of the
 * matching `weights`); the length is at least `minlength` and at most `maxlength`.
 * @example
 * const c = tf.math.bincount([1, 1, 3, 0]); // [1 2 0 1]
 */
export const bincount = pyfunc(
  "bincount",
  ["arr", "weights", "minlength", "maxlength", "dtype"],
  (ctx: EngineContext, arr: unknown, weights: unknown = null, minlength: unknown = null, maxlength: unknown = null, dtype: DTypeLike = int32): Tensor => {
    const a = convertToTensor(ctx, arr, { name: "arr", dtype: int32 });
    const nonEmpty = T.gt(ctx, reduce_prod(ctx, shape(ctx, a)), 0);
    let size = T.mul(ctx, castTensor(ctx, nonEmpty, int32, null), T.add(ctx, reduce_max(ctx, a), 1));
    if (minlength !== null && minlength !== undefined) size = op1(ctx, "Maximum", [convertToTensor(ctx, minlength, { name: "minlength", dtype: int32 }), size]);
    if (maxlength !== null && maxlength !== undefined) size = op1(ctx, "Minimum", [convertToTensor(ctx, maxlength, { name: "maxlength", dtype: int32 }), size]);
    if (weights !== null && weights !== undefined) {
      const w = convertToTensor(ctx, weights, { name: "weights" });
      return op1(ctx, "UnsortedSegmentSum", [w, a, size]);
    }
    const empty = constant(ctx, [], asDType(dtype));
    return op1(ctx, "Bincount", [a, size, empty]);
  },
);

/**
 * For each value, where it would be inserted into the sorted innermost rows of
 * `sorted_sequence` (side "left": before equal entries, "right": after them).
 * @example
 * const r = tf.searchsorted([[0, 3, 9, 9, 10], [1, 2, 3, 4, 5]], [[2, 4, 9], [0, 2, 6]]); // [[1 2 2] [0 1 5]]
 */
export const searchsorted = pyfunc(
  "searchsorted",
  ["sorted_sequence", "values", "side", "out_type", "name"],
  (ctx: EngineContext, sorted_sequence: unknown, values: unknown, side: string = "left", out_type: DTypeLike = int32, name: Name = null): Tensor => {
    const seq = convertToTensor(ctx, sorted_sequence);
    const vals = convertToTensor(ctx, values);
    const sequenceSize = sliceHelper(ctx, shape(ctx, seq), -1);
    const valuesSize = sliceHelper(ctx, shape(ctx, vals), -1);
    const seq2d = reshape(ctx, seq, [-1, sequenceSize]);
    const values2d = reshape(ctx, vals, [-1, valuesSize]);
    let output: Tensor;
    if (side === "right") output = op1(ctx, "UpperBound", [seq2d, values2d], { out_type: asDType(out_type) }, name);
    else if (side === "left") output = op1(ctx, "LowerBound", [seq2d, values2d], { out_type: asDType(out_type) }, name);
    else throw new ValueError(`side must be either 'right' or 'left'.  Saw: ${side}.`);
    return reshape(ctx, output, shape(ctx, vals));
  },
);

/**
 * Whether each row's target class is among the `k` largest of its `predictions` (op InTopKV2
 * in scope `in_top_k`); classes tied at the boundary all count as in the top k.
 * @example
 * const hit = tf.nn.in_top_k([[0.1, 0.8, 0.1], [0.6, 0.3, 0.1]], [1, 2], 1); // [ True False]
 */
export const in_top_k = pyfunc(
  "in_top_k",
  ["predictions", "targets", "k", "name"],
  (ctx: EngineContext, predictions: unknown, targets: unknown, k: unknown, name: Name = null): Tensor =>
    // TF opens the scope and passes the same `name` on to the op: `in_top_k/InTopKV2`.
    ctx.defaultGraph().name_scope(name || "in_top_k", () => op1(ctx, "InTopKV2", [predictions, targets, k], {}, name)),
);
