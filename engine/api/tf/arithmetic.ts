/**
 * Arithmetic builders, TF 1.14's math_ops.py: `tf.add`, `tf.subtract`, `tf.multiply`, the
 * divisions (true, floor, real, no-NaN), `tf.pow`, `tf.maximum`, `tf.add_n`, ... Each opens TF's
 * name scope and converts plain values to constants named after the argument (`Add/y`),
 * building the same nodes in the same order as TF's Python.
 */
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { ValueError } from "../../errors.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { binaryBuilder as binary, op1, unaryBuilder as unary, type Name } from "../build.js";
import { pyFor } from "../operators.js";
import { truedivTensors } from "../tensor_ops.js";

/**
 * `x + y` elementwise, with broadcasting. The `+` operator on tensors builds the same op.
 * @example
 * const s = tf.add(a, b); // op "Add"; `a + b` makes op "add"
 */
export const add = binary("add", "Add");

/**
 * `x - y` elementwise, with broadcasting.
 * @example
 * const d = tf.subtract(a, b);
 */
export const subtract = binary("subtract", "Sub");

/**
 * `x * y` elementwise, with broadcasting.
 * @example
 * const p = tf.multiply(a, 2);
 */
export const multiply = binary("multiply", "Mul");

/**
 * `x / y` as true division: int32 operands are cast to float64 first (`truediv/Cast`).
 * @example
 * const q = tf.truediv(tf.constant(7), 2); // 3.5 (float64)
 */
export const truediv = pyfunc("truediv", ["x", "y", "name"], (ctx: EngineContext, x: unknown, y: unknown, name: Name = null): Tensor =>
  truedivTensors(ctx, x, y, name),
);

/**
 * `x / y` (Python 3 division, like the `/` operator).
 * @example
 * const q = tf.divide(tf.constant([1.0, 2.0]), 4.0); // [0.25 0.5]
 */
export const divide = pyfunc("divide", ["x", "y", "name"], (ctx: EngineContext, x: unknown, y: unknown, name: Name = null): Tensor | number => {
  if (name !== null && name !== undefined) return truedivTensors(ctx, x, y, name);
  return pyFor(ctx).truediv(x, y) as Tensor | number;
});

/**
 * `x / y` for floats (no casts): op RealDiv.
 * @example
 * const q = tf.realdiv(tf.constant(1.0), 3.0);
 */
export const realdiv = binary("realdiv", "RealDiv");

/**
 * `x / y`, or 0 where `y` is 0 (floats only).
 * @example
 * const safe = tf.div_no_nan(total, count);
 */
export const div_no_nan = pyfunc("div_no_nan", ["x", "y", "name"], (ctx: EngineContext, x: unknown, y: unknown, name: Name = null): Tensor =>
  ctx.defaultGraph().name_scope(name || "div_no_nan", (scope) => {
    const xt = convertToTensor(ctx, x, { name: "x" });
    const yt = convertToTensor(ctx, y, { name: "y", dtype: xt.dtype.base_dtype });
    return op1(ctx, "DivNoNan", [xt, yt], {}, scope);
  }),
);

/**
 * Python 2's `/`: floor division for ints, true division for floats (deprecated in TF 1.x).
 * @example
 * const q = tf.div(tf.constant(7), 2); // 3
 */
export const div = pyfunc("div", ["x", "y", "name"], (ctx: EngineContext, x: unknown, y: unknown, name: Name = null): Tensor =>
  ctx.defaultGraph().name_scope(name || "div", (scope) => {
    const xt = convertToTensor(ctx, x, { name: "x" });
    const yt = convertToTensor(ctx, y, { name: "y", dtype: xt.dtype.base_dtype });
    return op1(ctx, xt.dtype.base_dtype.isFloating ? "RealDiv" : "FloorDiv", [xt, yt], {}, scope);
  }),
);

/**
 * `x // y`: the quotient rounded toward negative infinity (op FloorDiv named `floordiv`).
 * @example
 * const q = tf.floordiv(tf.constant(-7), 2); // -4
 */
export const floordiv = pyfunc("floordiv", ["x", "y", "name"], (ctx: EngineContext, x: unknown, y: unknown, name: Name = null): Tensor =>
  ctx.defaultGraph().name_scope(name || "floordiv", (scope) => op1(ctx, "FloorDiv", [x, y], {}, scope)),
);

/**
 * The FloorDiv op itself (`x // y`).
 * @example
 * const q = tf.floor_div(tf.constant(7), 2); // 3
 */
export const floor_div = binary("floor_div", "FloorDiv");

/**
 * `x % y` with the sign of `y`, as Python's `%`.
 * @example
 * const r = tf.floormod(tf.constant(-7), 3); // 2
 */
export const floormod = binary("floormod", "FloorMod");

/**
 * Alias of `tf.floormod`.
 * @example
 * const r = tf.mod(tf.constant(7), -3); // -2
 */
export const mod = binary("mod", "FloorMod");

/**
 * `x` to the power `y`, elementwise.
 * @example
 * const p = tf.pow(tf.constant([2, 3]), 2); // [4 9]
 */
export const pow = pyfunc("pow", ["x", "y", "name"], (ctx: EngineContext, x: unknown, y: unknown, name: Name = null): Tensor =>
  ctx.defaultGraph().name_scope(name || "Pow", (scope) => op1(ctx, "Pow", [x, y], {}, scope)),
);

/**
 * The larger of `x` and `y`, elementwise.
 * @example
 * const r = tf.maximum(x, 0.0); // a ReLU
 */
export const maximum = binary("maximum", "Maximum");

/**
 * The smaller of `x` and `y`, elementwise.
 * @example
 * const r = tf.minimum(x, 6.0);
 */
export const minimum = binary("minimum", "Minimum");

/**
 * `(x - y) * (x - y)`, elementwise.
 * @example
 * const se = tf.squared_difference(pred, y);
 */
export const squared_difference = binary("squared_difference", "SquaredDifference");

/**
 * `scalar * x` for a scalar (TF's `scalar_mul`: op Mul with the scalar first).
 * @example
 * const doubled = tf.scalar_mul(2.0, x);
 */
export const scalar_mul = pyfunc("scalar_mul", ["scalar", "x", "name"], (ctx: EngineContext, scalar: unknown, x: Tensor, name: Name = null): Tensor => {
  const s = convertToTensor(ctx, scalar, { dtype: x.dtype.base_dtype, name: "scalar" });
  if (s.shape.ndims !== 0) throw new ValueError(`Only scalar multiply works, got shape ${s.shape}`);
  return op1(ctx, "Mul", [s, x], {}, name);
});

/**
 * `-x` elementwise.
 * @example
 * const n = tf.negative(a);
 */
export const negative = unary("negative", "Neg");

/**
 * Alias of `tf.negative`.
 * @example
 * const n = tf.neg(a);
 */
export const neg = unary("neg", "Neg");

/**
 * The elementwise sum of a list of tensors of the same shape and dtype.
 * @example
 * const total = tf.add_n([a, b, c]);
 */
export const add_n = pyfunc("add_n", ["inputs", "name"], (ctx: EngineContext, inputs: unknown[], name: Name = null): Tensor => {
  const msg = "inputs must be a list of at least one Tensor/IndexedSlices with the same dtype and shape";
  if (!Array.isArray(inputs) || inputs.length === 0) throw new ValueError(msg);
  const ts = inputs.map((v) => convertToTensor(ctx, v));
  if (ts.length === 1) return name ? op1(ctx, "Identity", [ts[0]], {}, name) : ts[0];
  return op1(ctx, "AddN", [ts], {}, name);
});
