/**
 * Initializers (`tf.constant_initializer(0.)`, `tf.glorot_uniform_initializer()`, ...): callables
 * that build the nodes of a variable's initial value when `get_variable` creates it.
 * Each builds the same nodes TF 1.14's init_ops.py builds (`v/Initializer/random_uniform/...`).
 */
import { DType, float32 } from "../dtypes.js";
import { EngineContext } from "../context.js";
import type { Tensor } from "../graph.js";
import { ValueError } from "../errors.js";
import { pyfunc } from "./pyargs.js";
import { asDType } from "../dtypes.js";
import { unbox } from "../pyfloat.js";

/**
 * An initializer: called with a shape (and dtype) it adds the nodes of an initial value.
 * @example
 * const init = tf.constant_initializer(0.);
 * const v = tf.get_variable("v", [2], {initializer: init});
 */
export interface Initializer {
  (shape: number[], dtype?: DType | null, partition_info?: unknown): Tensor;
  /** Python's `repr`. */
  __repr__(): string;
}

function makeInitializer(cls: string, defaultDtype: DType | null, build: (shape: number[], dtype: DType) => Tensor): Initializer {
  const f = ((shape: number[], dtype?: DType | null) => build(shape, asDType(dtype ?? defaultDtype ?? float32))) as Initializer;
  f.__repr__ = () => `<tensorflow.python.ops.init_ops.${cls} object>`;
  return f;
}

/** TF's `_compute_fans` for a weight shape. */
function computeFans(shape: number[]): [number, number] {
  if (shape.length < 1) return [1, 1];
  if (shape.length === 1) return [shape[0], shape[0]];
  if (shape.length === 2) return [shape[0], shape[1]];
  let receptive = 1;
  for (const d of shape.slice(0, -2)) receptive *= d;
  return [shape[shape.length - 2] * receptive, shape[shape.length - 1] * receptive];
}

/** The `tf.*_initializer` functions, bound to a context. */
export function initializersApi(ctx: EngineContext) {
  const varianceScaling = (scale: number, mode: string, distribution: string, seed: number | null, dtype: DType | null, cls: string): Initializer => {
    if (scale <= 0) throw new ValueError("`scale` must be positive float.");
    if (!["fan_in", "fan_out", "fan_avg"].includes(mode)) throw new ValueError(`Invalid \`mode\` argument: ${mode}`);
    return makeInitializer(cls, dtype, (shape, dt): Tensor => {
      const [fanIn, fanOut] = computeFans(shape);
      const n = mode === "fan_in" ? fanIn : mode === "fan_out" ? fanOut : (fanIn + fanOut) / 2;
      const s = scale / Math.max(1, n);
      if (distribution === "normal" || distribution === "truncated_normal") {
        // Constant from TF: stddev of a unit normal truncated to [-2, 2].
        const stddev = Math.sqrt(s) / 0.87962566103423978;
        return ctx.tf.truncated_normal(shape, 0.0, stddev, dt, seed);
      }
      if (distribution === "untruncated_normal") return ctx.tf.random_normal(shape, 0.0, Math.sqrt(s), dt, seed);
      const limit = Math.sqrt(3 * s);
      return ctx.tf.random_uniform(shape, -limit, limit, dt, seed);
    });
  };

  return {
    /**
     * Initializes to a constant (broadcast to the variable's shape).
     * @example
     * tf.get_variable("count", [], {initializer: tf.constant_initializer(0.)});
     */
    constant_initializer: pyfunc("constant_initializer", [["value", 0], ["dtype", null], ["verify_shape", false]], (value: unknown, dtype: DType | null) =>
      makeInitializer("Constant", dtype ? asDType(dtype) : null, (shape, dt): Tensor => ctx.tf.constant(value, dt, shape)),
    ),
    /**
     * Initializes to zeros.
     * @example
     * tf.get_variable("b", [10], {initializer: tf.zeros_initializer()});
     */
    zeros_initializer: pyfunc("zeros_initializer", [["dtype", null]], (dtype: DType | null) =>
      makeInitializer("Zeros", dtype ? asDType(dtype) : null, (shape, dt): Tensor => ctx.tf.zeros(shape, dt)),
    ),
    /**
     * Initializes to ones.
     * @example
     * tf.get_variable("scale", [3], {initializer: tf.ones_initializer()});
     */
    ones_initializer: pyfunc("ones_initializer", [["dtype", null]], (dtype: DType | null) =>
      makeInitializer("Ones", dtype ? asDType(dtype) : null, (shape, dt): Tensor => ctx.tf.ones(shape, dt)),
    ),
    /**
     * Initializes from a normal distribution.
     * @example
     * tf.get_variable("w", [2, 2], {initializer: tf.random_normal_initializer(0., 0.1)});
     */
    random_normal_initializer: pyfunc(
      "random_normal_initializer",
      [["mean", 0.0], ["stddev", 1.0], ["seed", null], ["dtype", null]],
      (mean: number, stddev: number, seed: number | null, dtype: DType | null) =>
        makeInitializer("RandomNormal", dtype ? asDType(dtype) : null, (shape, dt): Tensor => ctx.tf.random_normal(shape, mean, stddev, dt, seed)),
    ),
    /**
     * Initializes from a uniform distribution on [minval, maxval).
     * @example
     * tf.get_variable("w", [2, 2], {initializer: tf.random_uniform_initializer(-1., 1.)});
     */
    random_uniform_initializer: pyfunc(
      "random_uniform_initializer",
      [["minval", 0], ["maxval", null], ["seed", null], ["dtype", null]],
      (minval: number, maxval: number | null, seed: number | null, dtype: DType | null) =>
        makeInitializer("RandomUniform", dtype ? asDType(dtype) : null, (shape, dt): Tensor => ctx.tf.random_uniform(shape, minval, maxval ?? 1, dt, seed)),
    ),
    /**
     * Initializes from a normal distribution truncated at two standard deviations.
     * @example
     * tf.get_variable("w", [2, 2], {initializer: tf.truncated_normal_initializer({stddev: 0.1})});
     */
    truncated_normal_initializer: pyfunc(
      "truncated_normal_initializer",
      [["mean", 0.0], ["stddev", 1.0], ["seed", null], ["dtype", null]],
      (mean: number, stddev: number, seed: number | null, dtype: DType | null) =>
        makeInitializer("TruncatedNormal", dtype ? asDType(dtype) : null, (shape, dt): Tensor => ctx.tf.truncated_normal(shape, mean, stddev, dt, seed)),
    ),
    /**
     * Glorot (Xavier) uniform: the default for float variables made by `get_variable`.
     * @example
     * tf.get_variable("W", [784, 10], {initializer: tf.glorot_uniform_initializer()});
     */
    glorot_uniform_initializer: pyfunc("glorot_uniform_initializer", [["seed", null], ["dtype", null]], (seed: number | null, dtype: DType | null) =>
      varianceScaling(1.0, "fan_avg", "uniform", seed, dtype ? asDType(dtype) : null, "GlorotUniform"),
    ),
    /**
     * Glorot (Xavier) normal (truncated).
     * @example
     * tf.get_variable("w", [784, 10], {initializer: tf.glorot_normal_initializer()});
     */
    glorot_normal_initializer: pyfunc("glorot_normal_initializer", [["seed", null], ["dtype", null]], (seed: number | null, dtype: DType | null) =>
      varianceScaling(1.0, "fan_avg", "truncated_normal", seed, dtype ? asDType(dtype) : null, "GlorotNormal"),
    ),
    /**
     * Variance scaling (He, LeCun, Glorot are special cases).
     * @example
     * tf.get_variable("w", [784, 10], {initializer: tf.variance_scaling_initializer(2.0)});
     */
    variance_scaling_initializer: pyfunc(
      "variance_scaling_initializer",
      [["scale", 1.0], ["mode", "fan_in"], ["distribution", "truncated_normal"], ["seed", null], ["dtype", null]],
      (scale: unknown, mode: string, distribution: string, seed: number | null, dtype: DType | null) =>
        varianceScaling(Number(unbox(scale)), mode, distribution, seed, dtype ? asDType(dtype) : null, "VarianceScaling"),
    ),
  };
}

/** TF's default initializer for `get_variable`: glorot_uniform for floats, zeros for ints and bools. */
export function defaultInitializer(ctx: EngineContext, name: string, dtype: DType): Initializer {
  const api = ctx.tf;
  // (typed through the namespace; see tf.ts)
  if (dtype.isFloating) return api.glorot_uniform_initializer();
  if (dtype.isInteger || dtype.name === "bool") return api.zeros_initializer();
  throw new ValueError(`An initializer for variable ${name} of ${dtype.name} is required`);
}
