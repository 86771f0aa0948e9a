/**
 * Math builders: `tf.add`, `tf.multiply`, ... Each opens TF's name scope (the op type, e.g.
 * `Add`) and converts plain values to constants named after the argument (`Add/y`).
 */
import { EngineContext } from "../context.js";
import type { Tensor } from "../graph.js";
import { applyOp } from "./apply.js";
import { PyArgs, pyfunc } from "./pyargs.js";

type Name = string | null;
type Binary = (...args: PyArgs<[x: unknown, y: unknown], [name: Name], { name?: Name }>) => Tensor;
type Unary = (...args: PyArgs<[x: unknown], [name: Name], { name?: Name }>) => Tensor;

export function mathApi(ctx: EngineContext) {
  const binary = (fname: string, type: string): Binary =>
    pyfunc(fname, ["x", "y", ["name", null]], (x: unknown, y: unknown, name: Name): Tensor => applyOp(ctx, type, [x, y], {}, name).outputs[0]) as Binary;
  const unary = (fname: string, type: string): Unary =>
    pyfunc(fname, ["x", ["name", null]], (x: unknown, name: Name): Tensor => applyOp(ctx, type, [x], {}, name).outputs[0]) as Unary;

  return {
    /**
     * `x + y` elementwise, with broadcasting. The `+` operator on tensors builds the same op.
     * @example
     * const s = tf.add(a, b); // op "Add"; `a + b` makes op "add"
     */
    add: binary("add", "Add"),
    /**
     * `x - y` elementwise, with broadcasting.
     * @example
     * const d = tf.subtract(a, b);
     */
    subtract: binary("subtract", "Sub"),
    /**
     * `x * y` elementwise, with broadcasting.
     * @example
     * const p = tf.multiply(a, 2);
     */
    multiply: binary("multiply", "Mul"),
    /**
     * `-x` elementwise.
     * @example
     * const n = tf.negative(a);
     */
    negative: unary("negative", "Neg"),
  };
}
