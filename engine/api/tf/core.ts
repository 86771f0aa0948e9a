/**
 * `tf.constant`, `tf.placeholder`, `tf.identity`, `tf.group`, `tf.Print` and friends: the basic
 * node builders. Every export of a file in engine/api/tf/ is a member of the `tf` namespace
 * (engine/tf.ts binds them to the program's context). The ops they build are declared a layer
 * down, in engine/ops/core/basic.ts.
 */
import { asDType, DTypeLike } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import { Operation, Tensor } from "../../graph.js";
import { PyTypeError, ValueError } from "../../errors.js";
import { ShapeLike, asShape } from "../../shape.js";
import { constantToNDArray } from "../../convert.js";
import { OPS } from "../../ops/registry.js";
import { applyOp } from "../apply.js";
import { convertToTensor, makeConst } from "../convert_tensor.js";
import { pyfunc, withContext } from "../pyargs.js";
import { groupOps, shapedValue, type Name } from "../build.js";

/**
 * A constant node. Whole numbers make int32, numbers with a decimal point float32.
 * @example
 * const two = tf.constant(2);        // Tensor("Const:0", shape=(), dtype=int32)
 * const v = tf.constant([1.0, 2.0]); // float32, shape (2,)
 * const z = tf.constant(0, tf.float32, [2, 3]);
 */
export const constant = pyfunc(
  "constant",
  ["value", "dtype", "shape", "name", "verify_shape"],
  (
    ctx: EngineContext,
    value: unknown,
    dtype: DTypeLike | null = null,
    shape: ShapeLike = null,
    name: Name = "Const",
    verify_shape: boolean = false,
  ): Tensor => {
    const dt = dtype === null || dtype === undefined ? null : asDType(dtype);
    const arr = shapedValue(constantToNDArray(value, dt), shape, verify_shape, ctx.limits.maxElements);
    return makeConst(ctx, arr, name || "Const");
  },
);

/**
 * A node whose value must be fed in every run that needs it.
 * @example
 * const x = tf.placeholder(tf.float32, [null, 3], "x");
 * sess.run(y, {feed_dict: {[x]: [[1, 2, 3]]}});
 */
export const placeholder = pyfunc(
  "placeholder",
  ["dtype", "shape", "name"],
  (ctx: EngineContext, dtype: DTypeLike, shape: ShapeLike = null, name: Name = null): Tensor => {
    const graph = ctx.defaultGraph();
    const op = graph._createOp(OPS.get("Placeholder"), [], { dtype: asDType(dtype), shape: asShape(shape) }, graph.unique_name(name || "Placeholder"));
    return op.outputs[0];
  },
);

/**
 * Passes `input` through unless a value is fed for it.
 * @example
 * const rate = tf.placeholder_with_default(0.5, []);
 */
export const placeholder_with_default = pyfunc(
  "placeholder_with_default",
  ["input", "shape", "name"],
  (ctx: EngineContext, input: unknown, shape: ShapeLike, name: Name = null): Tensor => {
    const s = asShape(shape);
    const g = ctx.defaultGraph();
    return g.name_scope(name || "PlaceholderWithDefault", (scope) => {
      const t = convertToTensor(ctx, input, { name: "input" });
      if (!t.shape.is_compatible_with(s)) {
        throw new ValueError(`Shapes ${t.shape} and ${s} are incompatible`);
      }
      return g._createOp(OPS.get("PlaceholderWithDefault"), [t], { dtype: t.dtype.base_dtype, shape: s }, scope.slice(0, -1)).outputs[0];
    });
  },
);

/**
 * A new node with the same value as `input`.
 * @example
 * const y = tf.identity(x, "y");
 */
export const identity = pyfunc(
  "identity",
  ["input", "name"],
  (ctx: EngineContext, input: unknown, name: Name = null): Tensor => applyOp(ctx, "Identity", [input], {}, name).outputs[0],
);

/**
 * Stops gradients: the value passes through, `tf.gradients` treats it as a constant.
 * @example
 * const frozen = tf.stop_gradient(w);
 */
export const stop_gradient = pyfunc(
  "stop_gradient",
  ["input", "name"],
  (ctx: EngineContext, input: unknown, name: Name = null): Tensor => applyOp(ctx, "StopGradient", [input], {}, name).outputs[0],
);

/**
 * An op that does nothing (useful with control dependencies).
 * @example
 * const done = tf.no_op("done");
 */
export const no_op = pyfunc("no_op", ["name"], (ctx: EngineContext, name: Name = null): Operation => applyOp(ctx, "NoOp", [], {}, name));

/**
 * One op that runs all of `inputs` (a NoOp with control inputs), e.g. a combined update.
 * @example
 * const both = tf.group(assignA, assignB);
 * const named = tf.group(assignA, assignB, {name: "updates"});
 */
export const group = withContext((ctx: EngineContext, ...args: unknown[]): Operation => {
  let name: Name = null;
  const last = args[args.length - 1];
  if (last !== null && typeof last === "object" && Object.getPrototypeOf(last) === Object.prototype) {
    const kw = last as { name?: Name };
    for (const k of Object.keys(kw)) if (k !== "name") throw new PyTypeError(`group() got an unexpected keyword argument '${k}'`);
    name = kw.name ?? null;
    args = args.slice(0, -1);
  }
  return groupOps(ctx, args.flat(Infinity), name);
});

/**
 * Identity on `input` that prints `data` to stderr whenever it runs (only when on the path).
 * @example
 * const checked = tf.Print(sum, [a, b], "a and b: ");
 */
export const Print = pyfunc(
  "Print",
  ["input_", "data", "message", "first_n", "summarize", "name"],
  (
    ctx: EngineContext,
    input_: unknown,
    data: unknown[],
    message: string | null = null,
    first_n: number | null = null,
    summarize: number | null = null,
    name: Name = null,
  ): Tensor => {
    if (!Array.isArray(data)) throw new PyTypeError(`Expected list for 'data' argument to 'Print' Op, not ${String(data)}.`);
    return applyOp(ctx, "Print", [input_, data], { message: message ?? "", first_n: first_n ?? -1, summarize: summarize ?? 3, U: [] }, name).outputs[0];
  },
);

/**
 * Converts a value (number, nested array, NDArray, variable) to a tensor.
 * @example
 * const t = tf.convert_to_tensor([1, 2, 3]);
 */
export const convert_to_tensor = pyfunc(
  "convert_to_tensor",
  ["value", "dtype", "name", "preferred_dtype"],
  (ctx: EngineContext, value: unknown, dtype: DTypeLike | null = null, name: Name = null, preferred_dtype: DTypeLike | null = null): Tensor =>
    convertToTensor(ctx, value, { dtype: dtype ? asDType(dtype) : null, name, preferredDtype: preferred_dtype ? asDType(preferred_dtype) : null }),
);
