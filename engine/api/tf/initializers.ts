/**
 * The `tf.*_initializer` classes: each makes an initializer (engine/api/initializer.ts) that
 * builds the same nodes TF 1.14's init_ops.py builds (`v/Initializer/random_uniform/...`).
 * They are classes, as in TF (`tf.zeros_initializer` is `Zeros`): callable with or without
 * `new`, and accepted un-called where an initializer is expected.
 */
import { DType, DTypeLike, asDType } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { unbox } from "../../pyfloat.js";
import { pyclass } from "../pyargs.js";
import { constantInitializer, glorotUniform, initializerClassProto, makeInitializer, onesInitializer, varianceScaling, zerosInitializer, type Initializer } from "../initializer.js";
import { random_normal, random_uniform, truncated_normal } from "./random.js";

const dtypeOrNull = (d: DTypeLike | null): DType | null => (d ? asDType(d) : null);

/**
 * Initializes to a constant (broadcast to the variable's shape).
 * @example
 * tf.get_variable("count", [], {initializer: tf.constant_initializer(0.)});
 */
export const constant_initializer = pyclass(
  "constant_initializer",
  ["value", "dtype", "verify_shape"],
  (ctx: EngineContext, value: unknown = 0, dtype: DTypeLike | null = null, verify_shape: boolean = false): Initializer => {
    void verify_shape;
    return constantInitializer(ctx, value, dtypeOrNull(dtype));
  },
  initializerClassProto("Constant"),
);

/**
 * Initializes to zeros.
 * @example
 * tf.get_variable("b", [10], {initializer: tf.zeros_initializer()});
 */
export const zeros_initializer = pyclass(
  "zeros_initializer",
  ["dtype"],
  (ctx: EngineContext, dtype: DTypeLike | null = null): Initializer => zerosInitializer(ctx, dtypeOrNull(dtype)),
  initializerClassProto("Zeros"),
);

/**
 * Initializes to ones.
 * @example
 * tf.get_variable("scale", [3], {initializer: tf.ones_initializer()});
 */
export const ones_initializer = pyclass(
  "ones_initializer",
  ["dtype"],
  (ctx: EngineContext, dtype: DTypeLike | null = null): Initializer => onesInitializer(ctx, dtypeOrNull(dtype)),
  initializerClassProto("Ones"),
);

/**
 * Initializes from a normal distribution.
 * @example
 * tf.get_variable("w", [2, 2], {initializer: tf.random_normal_initializer(0., 0.1)});
 */
export const random_normal_initializer = pyclass(
  "random_normal_initializer",
  ["mean", "stddev", "seed", "dtype"],
  (ctx: EngineContext, mean: number = 0.0, stddev: number = 1.0, seed: number | null = null, dtype: DTypeLike | null = null): Initializer =>
    makeInitializer("RandomNormal", dtypeOrNull(dtype), (shape, dt): Tensor => random_normal(ctx, shape, mean, stddev, dt, seed)),
  initializerClassProto("RandomNormal"),
);

/**
 * Initializes from a uniform distribution on [minval, maxval).
 * @example
 * tf.get_variable("w", [2, 2], {initializer: tf.random_uniform_initializer(-1., 1.)});
 */
export const random_uniform_initializer = pyclass(
  "random_uniform_initializer",
  ["minval", "maxval", "seed", "dtype"],
  (ctx: EngineContext, minval: number = 0, maxval: number | null = null, seed: number | null = null, dtype: DTypeLike | null = null): Initializer =>
    makeInitializer("RandomUniform", dtypeOrNull(dtype), (shape, dt): Tensor => random_uniform(ctx, shape, minval, maxval ?? 1, dt, seed)),
  initializerClassProto("RandomUniform"),
);

/**
 * Initializes from a normal distribution truncated at two standard deviations.
 * @example
 * tf.get_variable("w", [2, 2], {initializer: tf.truncated_normal_initializer({stddev: 0.1})});
 */
export const truncated_normal_initializer = pyclass(
  "truncated_normal_initializer",
  ["mean", "stddev", "seed", "dtype"],
  (ctx: EngineContext, mean: number = 0.0, stddev: number = 1.0, seed: number | null = null, dtype: DTypeLike | null = null): Initializer =>
    makeInitializer("TruncatedNormal", dtypeOrNull(dtype), (shape, dt): Tensor => truncated_normal(ctx, shape, mean, stddev, dt, seed)),
  initializerClassProto("TruncatedNormal"),
);

/**
 * Glorot (Xavier) uniform: the default for float variables made by `get_variable`.
 * @example
 * tf.get_variable("W", [784, 10], {initializer: tf.glorot_uniform_initializer()});
 */
export const glorot_uniform_initializer = pyclass(
  "glorot_uniform_initializer",
  ["seed", "dtype"],
  (ctx: EngineContext, seed: number | null = null, dtype: DTypeLike | null = null): Initializer => glorotUniform(ctx, seed, dtypeOrNull(dtype)),
  initializerClassProto("GlorotUniform"),
);

/**
 * Glorot (Xavier) normal (truncated).
 * @example
 * tf.get_variable("w", [784, 10], {initializer: tf.glorot_normal_initializer()});
 */
export const glorot_normal_initializer = pyclass(
  "glorot_normal_initializer",
  ["seed", "dtype"],
  (ctx: EngineContext, seed: number | null = null, dtype: DTypeLike | null = null): Initializer =>
    varianceScaling(ctx, 1.0, "fan_avg", "truncated_normal", seed, dtypeOrNull(dtype), "GlorotNormal"),
  initializerClassProto("GlorotNormal"),
);

/**
 * Variance scaling (He, LeCun, Glorot are special cases).
 * @example
 * tf.get_variable("w", [784, 10], {initializer: tf.variance_scaling_initializer(2.0)});
 */
export const variance_scaling_initializer = pyclass(
  "variance_scaling_initializer",
  ["scale", "mode", "distribution", "seed", "dtype"],
  (
    ctx: EngineContext,
    scale: number = 1.0,
    mode: string = "fan_in",
    distribution: string = "truncated_normal",
    seed: number | null = null,
    dtype: DTypeLike | null = null,
  ): Initializer => varianceScaling(ctx, Number(unbox(scale)), mode, distribution, seed, dtypeOrNull(dtype), "VarianceScaling"),
  initializerClassProto("VarianceScaling"),
);
