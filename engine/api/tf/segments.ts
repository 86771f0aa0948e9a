/**
 * Segments and distinct values: `tf.segment_sum` / `_mean` / `_max` / `_min` and
 * `tf.unsorted_segment_max` / `_min` / `_prod` (TF's generated wrappers: one op each),
 * `tf.unsorted_segment_mean` / `_sqrt_n` (composed as math_ops.py does), `tf.unique` and
 * `tf.unique_with_counts`.
 */
import { DTypeLike, asDType, int32 } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { pyfunc } from "../pyargs.js";
import { applyOp } from "../apply.js";
import { op1, type Name } from "../build.js";
import { namedTuple, type NamedTuple } from "../named_tuple.js";
import { convertToTensor } from "../convert_tensor.js";
import { tensorOperators as T } from "../tensor_ops.js";
import { ones } from "./filling.js";
import { reshape, shape as shapeOf } from "./array_core.js";

function segmentBuilder(fname: string, type: string) {
  return pyfunc(fname, ["data", "segment_ids", "name"], (ctx: EngineContext, data: unknown, segment_ids: unknown, name: Name = null): Tensor =>
    op1(ctx, type, [data, segment_ids], {}, name),
  );
}

/**
 * Sums the rows of `data` sharing a segment id; the ids are sorted, row i of the result is id i.
 * @example
 * const s = tf.segment_sum([[1, 2, 3, 4], [4, 3, 2, 1], [5, 6, 7, 8]], [0, 0, 1]); // [[5 5 5 5] [5 6 7 8]]
 */
export const segment_sum = segmentBuilder("segment_sum", "SegmentSum");

/**
 * Averages the rows of `data` sharing a segment id; the ids are sorted, row i of the result is id i.
 * @example
 * const s = tf.segment_mean([[1.0, 2, 3, 4], [4, 3, 2, 1], [5, 6, 7, 8]], [0, 0, 1]); // [[2.5 2.5 2.5 2.5] [5. 6. 7. 8.]]
 */
export const segment_mean = segmentBuilder("segment_mean", "SegmentMean");

/**
 * The largest of the rows of `data` sharing a segment id; the ids are sorted.
 * @example
 * const s = tf.segment_max([[1, 2, 3, 4], [4, 3, 2, 1], [5, 6, 7, 8]], [0, 0, 1]); // [[4 3 3 4] [5 6 7 8]]
 */
export const segment_max = segmentBuilder("segment_max", "SegmentMax");

/**
 * The smallest of the rows of `data` sharing a segment id; the ids are sorted.
 * @example
 * const s = tf.segment_min([[1, 2, 3, 4], [4, 3, 2, 1], [5, 6, 7, 8]], [0, 0, 1]); // [[1 2 2 1] [5 6 7 8]]
 */
export const segment_min = segmentBuilder("segment_min", "SegmentMin");

/**
 * Multiplies the rows of `data` sharing a segment id; the ids are sorted, a missing id gives 1.
 * @example
 * const p = tf.segment_prod([[1, 2, 3, 4], [4, 3, 2, 1], [5, 6, 7, 8]], [0, 0, 1]); // [[4 6 6 4] [5 6 7 8]]
 */
export const segment_prod = segmentBuilder("segment_prod", "SegmentProd");

/**
 * The distinct values of a vector (in order of first appearance) and, for each element, the
 * index of its value among them: the pair `(y, idx)`.
 * @example
 * const [y, idx] = tf.unique([1, 1, 2, 4, 4, 4, 7, 8, 8]); // y: [1 2 4 7 8], idx: [0 0 1 2 2 2 3 4 4]
 */
export const unique = pyfunc(
  "unique",
  ["x", "out_idx", "name"],
  (ctx: EngineContext, x: unknown, out_idx: DTypeLike = int32, name: Name = null): NamedTuple<"y" | "idx", Tensor> =>
    namedTuple("Unique", ["y", "idx"], applyOp(ctx, "Unique", [x], { out_idx: asDType(out_idx) }, name).outputs),
);

/**
 * `tf.unique`'s pair and the number of times each distinct value occurs: `(y, idx, count)`.
 * @example
 * const [y, idx, count] = tf.unique_with_counts([1, 1, 2, 4, 4, 4, 7, 8, 8]); // count: [2 1 3 1 2]
 */
export const unique_with_counts = pyfunc(
  "unique_with_counts",
  ["x", "out_idx", "name"],
  (ctx: EngineContext, x: unknown, out_idx: DTypeLike = int32, name: Name = null): NamedTuple<"y" | "idx" | "count", Tensor> =>
    namedTuple("UniqueWithCounts", ["y", "idx", "count"], applyOp(ctx, "UniqueWithCounts", [x], { out_idx: asDType(out_idx) }, name).outputs),
);

function unsortedBuilder(fname: string, type: string) {
  return pyfunc(fname, ["data", "segment_ids", "num_segments", "name"], (ctx: EngineContext, data: unknown, segment_ids: unknown, num_segments: unknown, name: Name = null): Tensor =>
    op1(ctx, type, [data, segment_ids, num_segments], {}, name),
  );
}

/**
 * The largest of the rows of `data` sharing a segment id, ids in any order (an empty segment
 * holds the dtype's lowest value).
 * @example
 * const m = tf.unsorted_segment_max([[1, 2, 3, 4], [5, 6, 7, 8], [4, 3, 2, 1]], [0, 1, 0], 2); // [[4 3 3 4] [5 6 7 8]]
 */
export const unsorted_segment_max = unsortedBuilder("unsorted_segment_max", "UnsortedSegmentMax");

/**
 * The smallest of the rows of `data` sharing a segment id, ids in any order (an empty segment
 * holds the dtype's highest value).
 * @example
 * const m = tf.unsorted_segment_min([[1, 2, 3, 4], [5, 6, 7, 8], [4, 3, 2, 1]], [0, 1, 0], 2); // [[1 2 2 1] [5 6 7 8]]
 */
export const unsorted_segment_min = unsortedBuilder("unsorted_segment_min", "UnsortedSegmentMin");

/**
 * The product of the rows of `data` sharing a segment id, ids in any order (an empty segment
 * holds 1).
 * @example
 * const p = tf.unsorted_segment_prod([[1, 2, 3, 4], [5, 6, 7, 8], [4, 3, 2, 1]], [0, 1, 0], 2); // [[4 6 6 4] [5 6 7 8]]
 */
export const unsorted_segment_prod = unsortedBuilder("unsorted_segment_prod", "UnsortedSegmentProd");

/** math_ops.py's `_unsorted_segment_N`: each segment's row count (at least 1), shaped to broadcast. */
function segmentCounts(ctx: EngineContext, data: Tensor, ids: Tensor, numSegments: unknown): Tensor {
  const ones_ = ones(ctx, shapeOf(ctx, ids), data.dtype);
  let n = op1(ctx, "UnsortedSegmentSum", [ones_, ids, numSegments]);
  const extra = (data.shape.ndims ?? 0) - (ids.shape.ndims ?? 0);
  n = reshape(ctx, n, [numSegments, ...new Array<number>(extra).fill(1)]);
  return op1(ctx, "Maximum", [n, 1]);
}

/**
 * The mean of the rows of `data` sharing a segment id, ids in any order (an empty segment is
 * 0), in scope `UnsortedSegmentMean`.
 * @example
 * const m = tf.unsorted_segment_mean([[1.0, 2], [3, 4], [5, 6]], [0, 1, 0], 2); // [[3. 4.] [3. 4.]]
 */
export const unsorted_segment_mean = pyfunc(
  "unsorted_segment_mean",
  ["data", "segment_ids", "num_segments", "name"],
  (ctx: EngineContext, data: unknown, segment_ids: unknown, num_segments: unknown, name: Name = null): Tensor =>
    ctx.defaultGraph().name_scope(name || "UnsortedSegmentMean", () => {
      const d = convertToTensor(ctx, data);
      const ids = convertToTensor(ctx, segment_ids);
      const n = segmentCounts(ctx, d, ids, num_segments);
      const summed = op1(ctx, "UnsortedSegmentSum", [d, ids, num_segments]);
      return T.truediv(ctx, summed, n);
    }),
);

/**
 * The sum of the rows of `data` sharing a segment id divided by the square root of their
 * count, ids in any order, in scope `UnsortedSegmentSqrtN`.
 * @example
 * const m = tf.unsorted_segment_sqrt_n([[1.0, 2], [3, 4], [5, 6]], [0, 1, 0], 2); // [[4.242641 5.656854] [3.       4.      ]]
 */
export const unsorted_segment_sqrt_n = pyfunc(
  "unsorted_segment_sqrt_n",
  ["data", "segment_ids", "num_segments", "name"],
  (ctx: EngineContext, data: unknown, segment_ids: unknown, num_segments: unknown, name: Name = null): Tensor =>
    ctx.defaultGraph().name_scope(name || "UnsortedSegmentSqrtN", () => {
      const d = convertToTensor(ctx, data);
      const ids = convertToTensor(ctx, segment_ids);
      const n = segmentCounts(ctx, d, ids, num_segments);
      const summed = op1(ctx, "UnsortedSegmentSum", [d, ids, num_segments]);
      return T.truediv(ctx, summed, op1(ctx, "Sqrt", [n]));
    }),
);
