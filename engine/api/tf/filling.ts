/**
 * Builders that make arrays: `tf.zeros`, `tf.ones`, `tf.ones_like` (a Const when under 1000
 * elements, else a Fill, as TF's `_constant_if_small`), `tf.range`, `tf.one_hot`, `tf.where`,
 * with TF 1.14's nodes and names.
 */
import { DType, DTypeLike, asDType, bool as boolDType, float32, float64, int32, int64 } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { PyTypeError, ValueError } from "../../errors.js";
import { type ShapeLike } from "../../shape.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { filled, onesLike } from "../fill.js";
import { castTensor, op1, type Name } from "../build.js";

/**
 * A tensor of zeros (a Const named `zeros` for fewer than 1000 elements, else a Fill).
 * @example
 * const b = tf.Variable(tf.zeros([10]));
 * const z = tf.zeros([2, 3], tf.int32);
 */
export const zeros = pyfunc(
  "zeros",
  ["shape", "dtype", "name"],
  (ctx: EngineContext, shape: ShapeLike | Tensor | unknown[], dtype: DTypeLike = float32, name: Name = null): Tensor =>
    filled(ctx, shape, dtype, name, "zeros", false),
);

/**
 * A tensor of ones (a Const named `ones` for fewer than 1000 elements, else a Fill).
 * @example
 * const o = tf.ones([2, 2]);
 */
export const ones = pyfunc(
  "ones",
  ["shape", "dtype", "name"],
  (ctx: EngineContext, shape: ShapeLike | Tensor | unknown[], dtype: DTypeLike = float32, name: Name = null): Tensor =>
    filled(ctx, shape, dtype, name, "ones", true),
);

/**
 * Ones with the shape (and by default the dtype) of `tensor`.
 * @example
 * const o = tf.ones_like(x);
 */
export const ones_like = pyfunc(
  "ones_like",
  ["tensor", "dtype", "name", "optimize"],
  (ctx: EngineContext, tensor: unknown, dtype: DTypeLike | null = null, name: Name = null, optimize: unknown = true): Tensor =>
    onesLike(ctx, tensor, dtype, name),
);

/**
 * Numbers from `start` to `limit` (exclusive) by `delta`; `tf.range(5)` is 0..4. The dtype is
 * the widest of the arguments' (int32 < int64 < float32 < float64) unless given.
 * @example
 * const r = tf.range(3, 18, 3); // [3, 6, 9, 12, 15]
 */
export const range = pyfunc(
  "range",
  ["start", "limit", "delta", "dtype", "name"],
  (ctx: EngineContext, start: unknown, limit: unknown = null, delta: unknown = 1, dtype: DTypeLike | null = null, name: string = "range"): Tensor => {
    if (limit === null || limit === undefined) [start, limit] = [0, start];
    return ctx.defaultGraph().name_scope(name || "Range", (scope) => {
      const dt = dtype ? asDType(dtype) : null;
      let s = convertToTensor(ctx, start, { dtype: dt, name: "start" });
      let l = convertToTensor(ctx, limit, { dtype: dt, name: "limit" });
      let d = convertToTensor(ctx, delta, { dtype: dt, name: "delta" });
      if (dt === null) {
        // TF's dtype_hierarchy.
        const order = [int32, int64, float32, float64];
        const inferred = [s, l, d].map((t) => t.dtype.base_dtype).reduce((a, b) => (order.indexOf(b) > order.indexOf(a) ? b : a));
        [s, l, d] = [s, l, d].map((t) => castTensor(ctx, t, inferred, null));
      }
      return op1(ctx, "Range", [s, l, d], {}, scope);
    });
  },
);

/**
 * With `x` and `y`: elements of `x` where `condition` is true, else of `y` (op Select).
 * With only `condition`: the coordinates of its true elements, as int64 (op Where).
 * @example
 * const r = tf.where(tf.greater(a, 0), a, tf.zeros_like(a));
 * const idx = tf.where([true, false, true]); // [[0], [2]]
 */
export const where = pyfunc(
  "where",
  ["condition", "x", "y", "name"],
  (ctx: EngineContext, condition: unknown, x: unknown = null, y: unknown = null, name: Name = null): Tensor => {
    const none = (v: unknown) => v === null || v === undefined;
    if (none(x) && none(y)) {
      return ctx.defaultGraph().name_scope(name || "Where", (scope) => {
        const c = convertToTensor(ctx, condition, { preferredDtype: boolDType, name: "condition" });
        return op1(ctx, "Where", [c], {}, scope);
      });
    }
    if (!none(x) && !none(y)) return op1(ctx, "Select", [condition, x, y], {}, name);
    throw new ValueError("x and y must both be non-None or both be None.");
  },
);

/**
 * One-hot vectors: `on_value` (default 1) at each index, `off_value` (default 0) elsewhere.
 * @example
 * const y = tf.one_hot([0, 2], 3); // [[1, 0, 0], [0, 0, 1]]
 */
export const one_hot = pyfunc(
  "one_hot",
  ["indices", "depth", "on_value", "off_value", "axis", "dtype", "name"],
  (
    ctx: EngineContext,
    indices: unknown,
    depth: unknown,
    on_value: unknown = null,
    off_value: unknown = null,
    axis: number | null = null,
    dtype: DTypeLike | null = null,
    name: Name = null,
  ): Tensor =>
    ctx.defaultGraph().name_scope(name || "one_hot", (scope) => {
      const onExists = on_value !== null && on_value !== undefined;
      const offExists = off_value !== null && off_value !== undefined;
      // TF converts the values once just to read their dtypes (nodes `one_hot/Const`...).
      let onDtype: DType | null = onExists ? convertToTensor(ctx, on_value).dtype.base_dtype : null;
      let offDtype: DType | null = offExists ? convertToTensor(ctx, off_value).dtype.base_dtype : null;
      let dt = dtype ? asDType(dtype) : null;
      if (onExists || offExists) {
        if (dt !== null) {
          if (onExists && onDtype !== dt) throw new PyTypeError(`dtype ${onDtype} of on_value does not match dtype parameter ${dt}`);
          if (offExists && offDtype !== dt) throw new PyTypeError(`dtype ${offDtype} of off_value does not match dtype parameter ${dt}`);
        } else {
          dt = onExists ? onDtype : offDtype;
        }
      } else if (dt === null) {
        dt = float32;
      }
      if (!onExists) {
        on_value = convertToTensor(ctx, 1, { dtype: dt, name: "on_value" });
        onDtype = dt;
      }
      if (!offExists) {
        off_value = convertToTensor(ctx, 0, { dtype: dt, name: "off_value" });
        offDtype = dt;
      }
      if (onDtype !== offDtype) throw new PyTypeError(`dtype ${onDtype} of on_value does not match dtype ${offDtype} of off_value`);
      return op1(ctx, "OneHot", [indices, depth, on_value, off_value], { axis: axis ?? -1 }, scope);
    }),
);
