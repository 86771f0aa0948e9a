/**
 * Initializers as values: a callable that, given a shape (and dtype), adds the nodes of a
 * variable's initial value (`v/Initializer/random_uniform/...`, as TF 1.14's init_ops.py).
 * The `tf.*_initializer` functions that make them are in engine/api/tf/initializers.ts.
 */
import { DType, asDType, float32 } from "../dtypes.js";
import type { EngineContext } from "../context.js";
import type { Tensor } from "../graph.js";
import { ValueError } from "../errors.js";
import { constant } from "./tf/core.js";
import { ones, zeros } from "./tf/filling.js";
import { random_normal, random_uniform, truncated_normal } from "./tf/random.js";

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

/**
 * The prototypes of TF's initializer classes: `tf.zeros_initializer` is the class `Zeros` in
 * TF 1.x, so a program may pass the class itself where an initializer is expected
 * (`{initializer: tf.zeros_initializer}`, as the Save/Restore guide writes it), and
 * `get_variable` instantiates it (TF's `if tf_inspect.isclass(initializer): initializer =
 * initializer()`).
 */
class InitializerClassMark {}

/** The prototype of TF's initializer class `cls`; `__pyclass__` is how Python prints the class. */
export function initializerClassProto(cls: string): object {
  return Object.assign(Object.create(InitializerClassMark.prototype), { __pyclass__: `tensorflow.python.ops.init_ops.${cls}` });
}

/**
 * True for one of TF's initializer classes (not an instance of one): calling it without
 * arguments gives the initializer.
 * @example
 * isInitializerClass(tf.zeros_initializer);   // true
 * isInitializerClass(tf.zeros_initializer()); // false
 */
export function isInitializerClass(x: unknown): x is () => Initializer {
  return typeof x === "function" && (x as { prototype?: unknown }).prototype instanceof InitializerClassMark;
}

/**
 * What an `initializer` argument accepts: an initializer, or an initializer class to make one.
 * @example
 * tf.get_variable("v", [3], {initializer: tf.zeros_initializer}); // the class
 * tf.get_variable("w", [3], {initializer: tf.zeros_initializer()}); // an instance
 */
export type InitializerArg = Initializer | (() => Initializer);

/** An initializer of TF class `cls` (for its repr) building with `build`. */
export function makeInitializer(cls: string, defaultDtype: DType | null, build: (shape: number[], dtype: DType) => Tensor): Initializer {
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

/** TF's VarianceScaling initializer (Glorot, He and LeCun are cases of it). */
export function varianceScaling(
  ctx: EngineContext,
  scale: number,
  mode: string,
  distribution: string,
  seed: number | null,
  dtype: DType | null,
  cls: string,
): Initializer {
  if (scale <= 0) throw new ValueError("`scale` must be positive float.");
  if (!["fan_in", "fan_out", "fan_avg"].includes(mode)) throw new ValueError(`Invalid \`mode\` argument: ${mode}`);
  return makeInitializer(cls, dtype, (shape, dt): Tensor => {
    const [fanIn, fanOut] = computeFans(shape);
    const n = mode === "fan_in" ? fanIn : mode === "fan_out" ? fanOut : (fanIn + fanOut) / 2;
    const s = scale / Math.max(1, n);
    if (distribution === "normal" || distribution === "truncated_normal") {
      // Constant from TF: stddev of a unit normal truncated to [-2, 2].
      const stddev = Math.sqrt(s) / 0.87962566103423978;
      return truncated_normal(ctx, shape, 0.0, stddev, dt, seed);
    }
    if (distribution === "untruncated_normal") return random_normal(ctx, shape, 0.0, Math.sqrt(s), dt, seed);
    const limit = Math.sqrt(3 * s);
    return random_uniform(ctx, shape, -limit, limit, dt, seed);
  });
}

/** `tf.constant_initializer(value)`'s initializer. */
export function constantInitializer(ctx: EngineContext, value: unknown, dtype: DType | null): Initializer {
  return makeInitializer("Constant", dtype, (shape, dt): Tensor => constant(ctx, value, dt, shape));
}

/** `tf.zeros_initializer()`'s initializer. */
export function zerosInitializer(ctx: EngineContext, dtype: DType | null = null): Initializer {
  return makeInitializer("Zeros", dtype, (shape, dt): Tensor => zeros(ctx, shape, dt));
}

/** `tf.ones_initializer()`'s initializer. */
export function onesInitializer(ctx: EngineContext, dtype: DType | null = null): Initializer {
  return makeInitializer("Ones", dtype, (shape, dt): Tensor => ones(ctx, shape, dt));
}

/** `tf.glorot_uniform_initializer()`'s initializer. */
export function glorotUniform(ctx: EngineContext, seed: number | null = null, dtype: DType | null = null): Initializer {
  return varianceScaling(ctx, 1.0, "fan_avg", "uniform", seed, dtype, "GlorotUniform");
}

/** TF's default initializer for `get_variable`: glorot_uniform for floats, zeros for ints and bools. */
export function defaultInitializer(ctx: EngineContext, name: string, dtype: DType): Initializer {
  if (dtype.isFloating) return glorotUniform(ctx);
  if (dtype.isInteger || dtype.name === "bool") return zerosInitializer(ctx);
  throw new ValueError(`An initializer for variable ${name} of ${dtype.name} is required`);
}
