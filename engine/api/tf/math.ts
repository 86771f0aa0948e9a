/**
 * The rest of TF 1.14's math_ops.py: `tf.matmul` (BatchMatMul above rank 2), `tf.cast` and
 * `tf.to_float` & co., `tf.dynamic_stitch`. The other math builders are in arithmetic.ts,
 * logic.ts, functions.ts and reduce.ts; `tf.math` gathers them (engine/tf.ts).
 */
import { DType, DTypeLike, float32, float64, int32, int64 } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { PyTypeError, ValueError } from "../../errors.js";
import { pyRepr } from "../../format/python.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { castTensor, op1, type Name } from "../build.js";

/** `tf.to_float` and friends: `tf.cast` with TF's op name. */
function toType(fname: string, dtype: DType, defaultName: string) {
  return pyfunc(fname, ["x", "name"], (ctx: EngineContext, x: unknown, name: Name = defaultName): Tensor => castTensor(ctx, x, dtype, name, defaultName));
}

/**
 * Matrix product `a · b` (either transposed first with `transpose_a` / `transpose_b`).
 * @example
 * const logits = tf.matmul(x, w);  // x: (?, 784), w: (784, 10) → (?, 10)
 */
export const matmul = pyfunc(
  "matmul",
  ["a", "b", "transpose_a", "transpose_b", "adjoint_a", "adjoint_b", "a_is_sparse", "b_is_sparse", "name"],
  (
    ctx: EngineContext,
    a: unknown,
    b: unknown,
    transpose_a: boolean = false,
    transpose_b: boolean = false,
    adjoint_a: boolean = false,
    adjoint_b: boolean = false,
    a_is_sparse: boolean = false,
    b_is_sparse: boolean = false,
    name: Name = null,
  ): Tensor =>
    ctx.defaultGraph().name_scope(name || "MatMul", (scope) => {
      if (transpose_a && adjoint_a) throw new ValueError("Only one of transpose_a and adjoint_a can be True.");
      if (transpose_b && adjoint_b) throw new ValueError("Only one of transpose_b and adjoint_b can be True.");
      const at = convertToTensor(ctx, a, { name: "a" });
      const bt = convertToTensor(ctx, b, { name: "b" });
      const ra = at.shape.ndims;
      const rb = bt.shape.ndims;
      if (ra === null || ra > 2 || rb === null || rb > 2) {
        // TF uses BatchMatMul when a rank is unknown or above 2 (adjoint = transpose for reals).
        return op1(ctx, "BatchMatMul", [at, bt], { adj_x: !!(transpose_a || adjoint_a), adj_y: !!(transpose_b || adjoint_b) }, scope);
      }
      return op1(ctx, "MatMul", [at, bt], { transpose_a: !!(transpose_a || adjoint_a), transpose_b: !!(transpose_b || adjoint_b) }, scope);
    }),
);

/**
 * Converts `x` to `dtype` (float → int truncates toward zero). A tensor already of that
 * dtype is returned unchanged.
 * @example
 * const f = tf.cast(tf.constant([1, 2]), tf.float32); // [1. 2.]
 */
export const cast = pyfunc("cast", ["x", "dtype", "name"], (ctx: EngineContext, x: unknown, dtype: DTypeLike, name: Name = null): Tensor =>
  castTensor(ctx, x, dtype, name),
);

/**
 * `tf.cast(x, tf.float32)` (op named ToFloat).
 * @example
 * const f = tf.to_float(tf.constant(3)); // 3.0
 */
export const to_float = toType("to_float", float32, "ToFloat");

/**
 * `tf.cast(x, tf.float64)` (op named ToDouble).
 * @example
 * const d = tf.to_double(x);
 */
export const to_double = toType("to_double", float64, "ToDouble");

/**
 * `tf.cast(x, tf.int32)` (op named ToInt32).
 * @example
 * const i = tf.to_int32(tf.constant(2.7)); // 2
 */
export const to_int32 = toType("to_int32", int32, "ToInt32");

/**
 * `tf.cast(x, tf.int64)` (op named ToInt64).
 * @example
 * const i = tf.to_int64(tf.constant(2.7)); // 2, dtype=int64
 */
export const to_int64 = toType("to_int64", int64, "ToInt64");

/**
 * Interleaves `data` tensors into one: row `indices[m][i]` of the result is `data[m][i]`.
 * @example
 * const merged = tf.dynamic_stitch([[0, 2], [1]], [[10, 30], [20]]); // [10 20 30]
 */
export const dynamic_stitch = pyfunc(
  "dynamic_stitch",
  ["indices", "data", "name"],
  (ctx: EngineContext, indices: unknown[], data: unknown[], name: Name = null): Tensor => {
    if (!Array.isArray(indices)) throw new PyTypeError(`Expected list for 'indices' argument to 'DynamicStitch' Op, not ${pyRepr(indices)}.`);
    if (!Array.isArray(data)) throw new PyTypeError(`Expected list for 'data' argument to 'DynamicStitch' Op, not ${pyRepr(data)}.`);
    if (indices.length !== data.length) {
      throw new ValueError(`List argument 'data' to 'DynamicStitch' Op with length ${data.length} must match length ${indices.length} of argument 'indices'.`);
    }
    return op1(ctx, "DynamicStitch", [indices, data], {}, name);
  },
);
