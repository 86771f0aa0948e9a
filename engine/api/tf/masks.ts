/**
 * Masks, partitions and grids: `tf.sequence_mask`, `tf.dynamic_partition` and `tf.meshgrid`,
 * built as TF 1.15's array_ops.py and data_flow_ops.py build them.
 */
import { DTypeLike, asDType, bool } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { IndexError, PyTypeError, ValueError } from "../../errors.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc, withContext } from "../pyargs.js";
import { applyOp } from "../apply.js";
import { castTensor, op1, type Name } from "../build.js";
import { tensorOperators as T } from "../tensor_ops.js";
import { constant } from "./core.js";
import { reshape } from "./array_core.js";
import { expand_dims, size, stack } from "./array.js";
import { ones } from "./filling.js";

/**
 * A mask of the first `lengths[i]` positions of each row, `maxlen` wide (default: the largest
 * length), as `row_vector < lengths[..., None]` in scope `SequenceMask`.
 * @example
 * const m = tf.sequence_mask([1, 3, 2], 5); // [[ True False False False False] ...]
 */
export const sequence_mask = pyfunc(
  "sequence_mask",
  ["lengths", "maxlen", "dtype", "name"],
  (ctx: EngineContext, lengths: unknown, maxlen: unknown = null, dtype: DTypeLike = bool, name: Name = null): Tensor =>
    ctx.defaultGraph().name_scope(name || "SequenceMask", () => {
      const len = convertToTensor(ctx, lengths);
      let max: Tensor;
      if (maxlen === null || maxlen === undefined) {
        const r = len.shape.ndims;
        const allDims = r !== null ? constant(ctx, Array.from({ length: r }, (_, i) => i)) : op1(ctx, "Range", [0, op1(ctx, "Rank", [len]), 1]);
        max = op1(ctx, "Max", [len, allDims], { keep_dims: false });
        max = op1(ctx, "Maximum", [constant(ctx, 0, max.dtype), max]);
      } else max = convertToTensor(ctx, maxlen);
      if (max.shape.ndims !== null && max.shape.ndims !== 0) throw new ValueError("maxlen must be scalar for sequence_mask");
      const rowVector = op1(ctx, "Range", [constant(ctx, 0, max.dtype), max, constant(ctx, 1, max.dtype)]);
      const matrix = castTensor(ctx, expand_dims(ctx, len, -1), max.dtype, null);
      const result = T.lt(ctx, rowVector, matrix);
      const dt = dtype === null || dtype === undefined ? null : asDType(dtype);
      return dt === null || result.dtype.base_dtype === dt.base_dtype ? result : castTensor(ctx, result, dt, null);
    }),
);

/**
 * Sends the slices of `data` to `num_partitions` outputs by the matching entries of
 * `partitions` (op DynamicPartition).
 * @example
 * const [evens, odds] = tf.dynamic_partition([10, 20, 30, 40, 50], [0, 0, 1, 1, 0], 2); // [10 20 50] [30 40]
 */
export const dynamic_partition = pyfunc(
  "dynamic_partition",
  ["data", "partitions", "num_partitions", "name"],
  (ctx: EngineContext, data: unknown, partitions: unknown, num_partitions: number, name: Name = null): Tensor[] => {
    if (typeof num_partitions !== "number" || !Number.isInteger(num_partitions)) {
      throw new PyTypeError(`Expected int for argument 'num_partitions' not ${String(num_partitions)}.`);
    }
    if (num_partitions < 1) throw new ValueError(`Attr 'num_partitions' of 'DynamicPartition' Op passed ${num_partitions} less than minimum 1.`);
    return applyOp(ctx, "DynamicPartition", [data, partitions], { num_partitions }, name).outputs.slice();
  },
);

/**
 * Coordinate grids from 1-D coordinate vectors: with "xy" indexing (default) the first
 * output varies along columns, with "ij" along rows.
 * @example
 * const [X, Y] = tf.meshgrid([1, 2, 3], [4, 5, 6]); // X rows [1 2 3], Y columns [4 5 6]
 */
export const meshgrid = withContext((ctx: EngineContext, ...args: unknown[]): Tensor[] => {
    let indexing = "xy";
    let name = "meshgrid";
    const last = args[args.length - 1];
    if (last !== null && typeof last === "object" && Object.getPrototypeOf(last) === Object.prototype) {
      const kw = args.pop() as Record<string, unknown>;
      for (const k of Object.keys(kw)) {
        if (k === "indexing") indexing = String(kw[k]);
        else if (k === "name") name = String(kw[k]);
        else throw new PyTypeError(`'${k}' is an invalid keyword argument for this function`);
      }
    }
    if (indexing !== "xy" && indexing !== "ij") throw new ValueError("indexing parameter must be either 'xy' or 'ij'");
    // TF reads args[0] for the dtype, so no arguments at all fail as Python's indexing does.
    if (args.length === 0) throw new IndexError("tuple index out of range");
    return ctx.defaultGraph().name_scope(name, () => {
      const ndim = args.length;
      const s0 = (i: number, v: number) => Array.from({ length: ndim }, (_, j) => (j === i ? v : 1));
      const output = args.map((x, i) => reshape(ctx, stack(ctx, x), s0(i, -1)));
      const shapes: unknown[] = args.map((x) => size(ctx, x));
      const outputDtype = convertToTensor(ctx, args[0]).dtype.base_dtype;
      if (indexing === "xy" && ndim > 1) {
        const rest = new Array<number>(ndim - 2).fill(1);
        output[0] = reshape(ctx, output[0], [1, -1, ...rest]);
        output[1] = reshape(ctx, output[1], [-1, 1, ...rest]);
        [shapes[0], shapes[1]] = [shapes[1], shapes[0]];
      }
      const multFact = ones(ctx, shapes, outputDtype);
      return output.map((x) => T.mul(ctx, x, multFact));
    });
});
