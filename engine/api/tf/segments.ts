/**
 * Segments and distinct values: `tf.segment_sum` / `_mean` / `_max` / `_min` (TF's generated
 * wrappers: one op each) and `tf.unique`.
 */
import { DTypeLike, asDType, int32 } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { pyfunc } from "../pyargs.js";
import { applyOp } from "../apply.js";
import { op1, type Name } from "../build.js";
import { namedTuple, type NamedTuple } from "../named_tuple.js";

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
 * The distinct values of a vector (in order of first appearance) and, for each element, the
 * index of its value among them: the pair `(y, idx)`.
 * @example
 * const [y, idx] = tf.unique([1, 1, 2, 4, 4, 4, 7, 8, 8]); // y: [1 2 4 7 8], idx: [0 0 1 2 2 2 3 4 4]
 */
export const unique = pyfunc(
  "unique",
  ["x", "out_idx", "name"],
  (ctx: EngineContext, x: unknown, out_idx: DTypeLike = int32, name: Name = null): NamedTuple<"y" | "idx", Tensor> =>
    namedTuple(["y", "idx"], applyOp(ctx, "Unique", [x], { out_idx: asDType(out_idx) }, name).outputs),
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
    namedTuple(["y", "idx", "count"], applyOp(ctx, "UniqueWithCounts", [x], { out_idx: asDType(out_idx) }, name).outputs),
);
