/**
 * Evenly spaced values: `tf.linspace` (TF 1.x's `tf.lin_space` too), one LinSpace op.
 */
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { pyfunc } from "../pyargs.js";
import { op1, type Name } from "../build.js";

/**
 * `num` evenly spaced values from `start` to `stop`, both included (floats only).
 * @example
 * const v = tf.linspace(10.0, 12.0, 3); // [10. 11. 12.]
 */
export const linspace = pyfunc("linspace", ["start", "stop", "num", "name"], (ctx: EngineContext, start: unknown, stop: unknown, num: unknown, name: Name = null): Tensor =>
  op1(ctx, "LinSpace", [start, stop, num], {}, name),
);

/**
 * Same as `tf.linspace` (TF 1.x's older name).
 * @example
 * const v = tf.lin_space(10.0, 12.0, 3); // [10. 11. 12.]
 */
export const lin_space = pyfunc("lin_space", ["start", "stop", "num", "name"], (ctx: EngineContext, start: unknown, stop: unknown, num: unknown, name: Name = null): Tensor =>
  op1(ctx, "LinSpace", [start, stop, num], {}, name),
);
