/**
 * More elementwise functions, one op each as TF's generated wrappers build them:
 * `tf.tan`, `asin`, `acos`, `atan`, `atan2`, `sinh`, `cosh`, `asinh`, `acosh`, `atanh`,
 * `expm1`, `erf` (also under `tf.math`), and `tf.nn.softsign`.
 */
import { unaryBuilder as unary } from "../build.js";
import { pyfunc } from "../pyargs.js";
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { op1, type Name } from "../build.js";

/**
 * Elementwise tangent.
 * @example
 * const t = tf.tan([0.0, 0.7853982]); // [0. 1.]
 */
export const tan = unary("tan", "Tan");

/**
 * Elementwise arcsine (in radians).
 * @example
 * const a = tf.asin([0.0, 1.0]); // [0.        1.5707964]
 */
export const asin = unary("asin", "Asin");

/**
 * Elementwise arccosine (in radians).
 * @example
 * const a = tf.acos([1.0, 0.0]); // [0.        1.5707964]
 */
export const acos = unary("acos", "Acos");

/**
 * Elementwise arctangent (in radians).
 * @example
 * const a = tf.atan([0.0, 1.0]); // [0.        0.7853982]
 */
export const atan = unary("atan", "Atan");

/**
 * Elementwise arctangent of `y / x` in radians, the quadrant from both signs (broadcasting).
 * @example
 * const a = tf.atan2([1.0, -1.0], [-1.0, -1.0]); // [ 2.3561945 -2.3561945]
 */
export const atan2 = pyfunc("atan2", ["y", "x", "name"], (ctx: EngineContext, y: unknown, x: unknown, name: Name = null): Tensor => op1(ctx, "Atan2", [y, x], {}, name));

/**
 * Elementwise Gauss error function `erf(x) = 2/√π ∫₀ˣ e^(−t²) dt` (`tf.math.erf`).
 * @example
 * const e = tf.math.erf([-1.0, 0.0, 0.5]); // [-0.8427008  0.         0.5204999]
 */
export const erf = unary("erf", "Erf");

/**
 * Elementwise hyperbolic sine.
 * @example
 * const s = tf.sinh([0.0, 1.0]); // [0.        1.1752012]
 */
export const sinh = unary("sinh", "Sinh");

/**
 * Elementwise hyperbolic cosine.
 * @example
 * const c = tf.cosh([0.0, 1.0]); // [1.        1.5430806]
 */
export const cosh = unary("cosh", "Cosh");

/**
 * Elementwise inverse hyperbolic sine.
 * @example
 * const a = tf.asinh([0.0, 1.0]); // [0.        0.8813736]
 */
export const asinh = unary("asinh", "Asinh");

/**
 * Elementwise inverse hyperbolic cosine (x ≥ 1).
 * @example
 * const a = tf.acosh([1.0, 2.0]); // [0.       1.316958]
 */
export const acosh = unary("acosh", "Acosh");

/**
 * Elementwise inverse hyperbolic tangent (|x| < 1).
 * @example
 * const a = tf.atanh([0.0, 0.5]); // [0.        0.54930615]
 */
export const atanh = unary("atanh", "Atanh");

/**
 * Elementwise `exp(x) - 1`, accurate near 0.
 * @example
 * const e = tf.expm1([0.0, 1e-10]); // [0.e+00 1.e-10]
 */
export const expm1 = unary("expm1", "Expm1");

/**
 * Elementwise softsign `x / (1 + |x|)` (for `tf.nn`).
 * @example
 * const s = tf.nn.softsign([-3.0, 1.0]); // [-0.75  0.5 ]
 */
export const softsign = pyfunc("softsign", ["features", "name"], (ctx: EngineContext, features: unknown, name: Name = null): Tensor =>
  op1(ctx, "Softsign", [features], {}, name),
);

