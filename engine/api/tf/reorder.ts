/**
 * Cutting and reordering along axes: `tf.split` (Split or SplitV, as TF 1.15's array_ops.split
 * chooses), `tf.reverse` (ReverseV2), `tf.roll` (Roll) and `tf.reverse_sequence` (ReverseSequence).
 */
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { PyTypeError, ValueError } from "../../errors.js";
import { makeInt } from "../conv_args.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { applyOp } from "../apply.js";
import { deprecatedArgumentLookup, op1, type Name } from "../build.js";
import { pyRepr } from "../../format/python.js";

/**
 * Splits `value` along `axis`: into `num_or_size_splits` equal parts when it is an integer
 * (op Split), or into parts of the sizes it lists (op SplitV; one size may be -1, the rest).
 * @example
 * const [a, b, c] = tf.split(tf.zeros([5, 30]), [4, 15, 11], 1); // shapes (5, 4) (5, 15) (5, 11)
 * const halves = tf.split(tf.zeros([5, 30]), 2, 1);               // two of shape (5, 15)
 */
export const split = pyfunc(
  "split",
  ["value", "num_or_size_splits", "axis", "num", "name"],
  (ctx: EngineContext, value: unknown, num_or_size_splits: unknown, axis: unknown = 0, num: number | null = null, name: string = "split"): Tensor[] => {
    // TF converts the argument first, even an integer: an unused Const appears in the graph.
    const sizeSplits = convertToTensor(ctx, num_or_size_splits);
    if (typeof num_or_size_splits === "number" && Number.isInteger(num_or_size_splits)) {
      if (num_or_size_splits < 1) throw new ValueError(`Attr 'num_split' of 'Split' Op passed ${num_or_size_splits} less than minimum 1.`);
      return applyOp(ctx, "Split", [axis, value], { num_split: num_or_size_splits }, name).outputs.slice();
    }
    const dims = sizeSplits.shape.dims;
    if (dims !== null && dims.length === 0) {
      throw new ValueError(`Rank-0 tensors are not supported as the num_or_size_splits argument to split. Argument provided: ${pyRepr(num_or_size_splits)}`);
    }
    let n = num;
    if (n === null || n === undefined) {
      n = dims !== null && dims.length > 0 ? dims[0] : null;
      if (n === null) throw new ValueError(`Cannot infer num from shape ${String(num_or_size_splits)}`);
    }
    return applyOp(ctx, "SplitV", [value, sizeSplits, axis], { num_split: n }, name).outputs.slice();
  },
);

/**
 * Reverses `tensor` along each axis listed in `axis` (op ReverseV2).
 * @example
 * const r = tf.reverse([[1, 2, 3], [4, 5, 6]], [1]); // [[3 2 1] [6 5 4]]
 */
export const reverse = pyfunc("reverse", ["tensor", "axis", "name"], (ctx: EngineContext, tensor: unknown, axis: unknown, name: Name = null): Tensor =>
  op1(ctx, "ReverseV2", [tensor, axis], {}, name),
);

/**
 * Same as `tf.reverse` (TF 1.x's name for the axis-list version).
 * @example
 * const r = tf.reverse_v2([1, 2, 3], [0]); // [3 2 1]
 */
export const reverse_v2 = pyfunc("reverse_v2", ["tensor", "axis", "name"], (ctx: EngineContext, tensor: unknown, axis: unknown, name: Name = null): Tensor =>
  op1(ctx, "ReverseV2", [tensor, axis], {}, name),
);

/**
 * Shifts the elements of `input` by `shift` places along `axis`, wrapping around (op Roll);
 * `shift` and `axis` may be lists of the same length.
 * @example
 * const r = tf.roll([0, 1, 2, 3, 4], 2, 0); // [3 4 0 1 2]
 */
export const roll = pyfunc("roll", ["input", "shift", "axis", "name"], (ctx: EngineContext, input: unknown, shift: unknown, axis: unknown, name: Name = null): Tensor =>
  op1(ctx, "Roll", [input, shift, axis], {}, name),
);

/**
 * Reverses, in each slice i along `batch_axis`, the first `seq_lengths[i]` elements along
 * `seq_axis` (the rest stays): padded sequences of different lengths reversed.
 * @example
 * tf.reverse_sequence([[1, 2, 3, 4], [5, 6, 7, 8]], [2, 3], 1, 0); // [[2 1 3 4] [7 6 5 8]]
 */
export const reverse_sequence = pyfunc(
  "reverse_sequence",
  ["input", "seq_lengths", "seq_axis", "batch_axis", "name", "seq_dim", "batch_dim"],
  (
    ctx: EngineContext,
    input: unknown,
    seq_lengths: unknown,
    seq_axis: number | null = null,
    batch_axis: number | null = null,
    name: Name = null,
    seq_dim: number | null = null,
    batch_dim: number | null = null,
  ): Tensor => {
    const seq = deprecatedArgumentLookup("seq_axis", seq_axis, "seq_dim", seq_dim);
    const batch = deprecatedArgumentLookup("batch_axis", batch_axis, "batch_dim", batch_dim);
    if (seq === null) throw new PyTypeError("Expected int for argument 'seq_dim' not None.");
    return op1(ctx, "ReverseSequence", [input, seq_lengths], { seq_dim: makeInt(seq, "seq_dim"), batch_dim: batch === null ? 0 : makeInt(batch, "batch_dim") }, name);
  },
);
