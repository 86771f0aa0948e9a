/**
 * Elementwise functions: `tf.abs`, `tf.square`, `tf.sqrt`, `tf.exp`, `tf.log`, `tf.sigmoid`,
 * `tf.tanh`, `tf.round`, ... — one op each, some in a name scope as TF's Python opens one.
 */
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { op1, scopedUnaryBuilder as scopedUnary, unaryBuilder as unary, type Name } from "../build.js";

/**
 * `|x|` elementwise.
 * @example
 * const a = tf.abs(tf.constant([-1.5, 2.0])); // [1.5 2. ]
 */
export const abs = scopedUnary("abs", "Abs");

/**
 * `x * x` elementwise.
 * @example
 * const loss = tf.reduce_mean(tf.square(pred - y));
 */
export const square = unary("square", "Square");

/**
 * Square root, elementwise.
 * @example
 * const r = tf.sqrt(tf.constant([4.0, 9.0])); // [2. 3.]
 */
export const sqrt = unary("sqrt", "Sqrt");

/**
 * `1 / sqrt(x)` elementwise.
 * @example
 * const r = tf.rsqrt(tf.constant(4.0)); // 0.5
 */
export const rsqrt = unary("rsqrt", "Rsqrt");

/**
 * `e^x` elementwise.
 * @example
 * const e = tf.exp(tf.constant(1.0)); // 2.7182817
 */
export const exp = unary("exp", "Exp");

/**
 * Natural logarithm, elementwise.
 * @example
 * const l = tf.log(tf.constant(1.0)); // 0.0
 */
export const log = unary("log", "Log");

/**
 * `log(1 + x)` elementwise, accurate for small `x`.
 * @example
 * const l = tf.log1p(tf.constant(0.0)); // 0.0
 */
export const log1p = unary("log1p", "Log1p");

/**
 * The sign of each element: -1, 0 or 1.
 * @example
 * const s = tf.sign(tf.constant([-2, 0, 3])); // [-1  0  1]
 */
export const sign = pyfunc("sign", ["x", "name"], (ctx: EngineContext, x: unknown, name: Name = null): Tensor =>
  ctx.defaultGraph().name_scope(name || "Sign", (scope) => op1(ctx, "Sign", [x], {}, scope)),
);

/**
 * `1 / x` elementwise.
 * @example
 * const r = tf.reciprocal(tf.constant(4.0)); // 0.25
 */
export const reciprocal = unary("reciprocal", "Reciprocal");

/**
 * The logistic function `1 / (1 + exp(-x))`, elementwise.
 * @example
 * const p = tf.sigmoid(logits);
 */
export const sigmoid = scopedUnary("sigmoid", "Sigmoid");

/**
 * Hyperbolic tangent, elementwise.
 * @example
 * const h = tf.tanh(tf.matmul(x, w));
 */
export const tanh = pyfunc("tanh", ["x", "name"], (ctx: EngineContext, x: unknown, name: Name = null): Tensor =>
  ctx.defaultGraph().name_scope(name || "Tanh", (scope) => op1(ctx, "Tanh", [x], {}, scope)),
);

/**
 * The largest integer not greater than each element.
 * @example
 * const f = tf.floor(tf.constant([1.5, -1.5])); // [ 1. -2.]
 */
export const floor = unary("floor", "Floor");

/**
 * The smallest integer not less than each element.
 * @example
 * const c = tf.ceil(tf.constant([1.2, -1.2])); // [ 2. -1.]
 */
export const ceil = unary("ceil", "Ceil");

/**
 * Rounds each element to the nearest integer, halves to even (banker's rounding).
 * @example
 * const r = tf.round(tf.constant([0.5, 1.5, 2.5])); // [0. 2. 2.]
 */
export const round = pyfunc("round", ["x", "name"], (ctx: EngineContext, x: unknown, name: Name = null): Tensor => {
  const t = convertToTensor(ctx, x, { name: "x" });
  if (t.dtype.base_dtype.isInteger) return t;
  return op1(ctx, "Round", [t], {}, name);
});

/**
 * Sine, elementwise.
 * @example
 * const s = tf.sin(tf.constant(0.0)); // 0.0
 */
export const sin = unary("sin", "Sin");

/**
 * Cosine, elementwise.
 * @example
 * const c = tf.cos(tf.constant(0.0)); // 1.0
 */
export const cos = unary("cos", "Cos");
