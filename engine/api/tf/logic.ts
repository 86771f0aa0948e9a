/**
 * Comparisons and logic, elementwise: `tf.equal`, `tf.less`, ..., `tf.logical_and`, ... (bool
 * results; TF's ops under TF's names).
 */
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { pyfunc } from "../pyargs.js";
import { binaryBuilder as binary, unaryBuilder as unary, type Name } from "../build.js";
import { logicalXor } from "../tensor_ops.js";

/**
 * `x == y` elementwise (bool).
 * @example
 * const same = tf.equal(a, b);
 */
export const equal = binary("equal", "Equal");

/**
 * `x != y` elementwise (bool).
 * @example
 * const diff = tf.not_equal(a, b);
 */
export const not_equal = binary("not_equal", "NotEqual");

/**
 * `x < y` elementwise (bool).
 * @example
 * const small = tf.less(x, 0.5);
 */
export const less = binary("less", "Less");

/**
 * `x <= y` elementwise (bool).
 * @example
 * const m = tf.less_equal(x, 1);
 */
export const less_equal = binary("less_equal", "LessEqual");

/**
 * `x > y` elementwise (bool).
 * @example
 * const big = tf.greater(x, 0);
 */
export const greater = binary("greater", "Greater");

/**
 * `x >= y` elementwise (bool).
 * @example
 * const m = tf.greater_equal(x, 0);
 */
export const greater_equal = binary("greater_equal", "GreaterEqual");

/**
 * `x AND y` for bools, elementwise.
 * @example
 * const both = tf.logical_and(a > 0, b > 0);
 */
export const logical_and = binary("logical_and", "LogicalAnd");

/**
 * `x OR y` for bools, elementwise.
 * @example
 * const either = tf.logical_or(p, q);
 */
export const logical_or = binary("logical_or", "LogicalOr");

/**
 * `NOT x` for bools, elementwise.
 * @example
 * const notP = tf.logical_not(p);
 */
export const logical_not = unary("logical_not", "LogicalNot");

/**
 * `x XOR y` for bools, composed as TF does: `(x OR y) AND NOT (x AND y)`.
 * @example
 * const one = tf.logical_xor(p, q);
 */
export const logical_xor = pyfunc("logical_xor", ["x", "y", "name"], (ctx: EngineContext, x: unknown, y: unknown, name: Name = "LogicalXor"): Tensor =>
  logicalXor(ctx, x, y, name),
);
