/**
 * Random builders (`tf.random_uniform`, `tf.random_normal`, `tf.truncated_normal`,
 * `tf.random_shuffle`, and the `tf.random.*` names) building TF 1.14's random_ops.py nodes:
 * `random_uniform/shape`, `/min`, `/max`, `/RandomUniform`, `/sub`, `/mul`, `random_uniform`.
 * Seeds come from TF's get_seed with the graph's seed and `_last_id` at the moment TF calls it.
 */
import { DType, DTypeLike, asDType, float32, float64, int32 } from "../dtypes.js";
import { EngineContext } from "../context.js";
import { Tensor } from "../graph.js";
import { ValueError } from "../errors.js";
import { TensorShape, ShapeLike } from "../shape.js";
import { getSeed } from "../random/seeds.js";
import { unbox } from "../pyfloat.js";
import { applyOp } from "./apply.js";
import { convertToTensor } from "./convert_tensor.js";
import { PyArgs, pyfunc } from "./pyargs.js";
import { pyFor } from "../ops/array_py.js";

type Name = string | null;
type Seed = number | null;

/** Keyword arguments of random_normal / truncated_normal. */
export interface NormalKw {
  mean?: unknown;
  stddev?: unknown;
  dtype?: DTypeLike;
  seed?: Seed;
  name?: Name;
}

/** Keyword arguments of random_uniform. */
export interface UniformKw {
  minval?: unknown;
  maxval?: unknown;
  dtype?: DTypeLike;
  seed?: Seed;
  name?: Name;
}

type NormalFn = (...args: PyArgs<[shape: ShapeLike | Tensor | unknown[]], [mean: unknown, stddev: unknown, dtype: DTypeLike, seed: Seed, name: Name], NormalKw>) => Tensor;
type UniformFn = (...args: PyArgs<[shape: ShapeLike | Tensor | unknown[]], [minval: unknown, maxval: unknown, dtype: DTypeLike, seed: Seed, name: Name], UniformKw>) => Tensor;
type ShuffleFn = (...args: PyArgs<[value: unknown], [seed: Seed, name: Name], { seed?: Seed; name?: Name }>) => Tensor;

/** TF's `tensor_util.shape_tensor`: an empty list is int32; a TensorShape converts to its dims. */
function shapeTensor(ctx: EngineContext, shape: unknown): Tensor {
  const value = shape instanceof TensorShape ? shape.as_list() : shape;
  const empty = Array.isArray(value) && value.length === 0;
  return convertToTensor(ctx, value, { dtype: empty ? int32 : null, name: "shape" });
}

/** The (seed, seed2) attrs for an op created now: TF's get_seed, 0 for None. */
function seedAttrs(ctx: EngineContext, seed: Seed): { seed: number; seed2: number } {
  const g = ctx.defaultGraph();
  const opSeed = seed === null || seed === undefined ? null : Number(unbox(seed));
  const [s1, s2] = getSeed(g.seed, opSeed, g._last_id);
  return { seed: s1 ?? 0, seed2: s2 ?? 0 };
}

/** Random builders bound to a context. */
export function randomApi(ctx: EngineContext) {
  const g = () => ctx.defaultGraph();
  const py = () => pyFor(ctx);

  /** random_normal and truncated_normal: `rnd * stddev + mean` in a scope named after the function. */
  const normal = (fname: string, opType: string): NormalFn =>
    pyfunc(fname, ["shape", ["mean", 0.0], ["stddev", 1.0], ["dtype", float32], ["seed", null], ["name", null]], (shape: unknown, mean: unknown, stddev: unknown, dtypeLike: DTypeLike, seed: Seed, name: Name): Tensor =>
      g().name_scope(name || fname, (scope) => {
        const dtype = asDType(dtypeLike);
        const shapeT = shapeTensor(ctx, shape);
        const meanT = convertToTensor(ctx, mean, { dtype, name: "mean" });
        const stddevT = convertToTensor(ctx, stddev, { dtype, name: "stddev" });
        const rnd = applyOp(ctx, opType, [shapeT], { dtype, ...seedAttrs(ctx, seed) }, null).outputs[0];
        const mul = py().mul(rnd, stddevT) as Tensor;
        return ctx.tf.add(mul, meanT, scope);
      }),
    ) as NormalFn;

  const uniform: UniformFn = pyfunc(
    "random_uniform",
    ["shape", ["minval", 0], ["maxval", null], ["dtype", float32], ["seed", null], ["name", null]],
    (shape: unknown, minval: unknown, maxval: unknown, dtypeLike: DTypeLike, seed: Seed, name: Name): Tensor => {
      const dtype: DType = asDType(dtypeLike);
      if (![float32, float64, int32].includes(dtype)) throw new ValueError(`Invalid dtype ${dtype}`);
      if (maxval === null || maxval === undefined) {
        if (dtype.isInteger) throw new ValueError(`Must specify maxval for integer dtype ${dtype}`);
        maxval = 1;
      }
      return g().name_scope(name || "random_uniform", (scope) => {
        const shapeT = shapeTensor(ctx, shape);
        const minT = convertToTensor(ctx, minval, { dtype, name: "min" });
        const maxT = convertToTensor(ctx, maxval, { dtype, name: "max" });
        const seeds = seedAttrs(ctx, seed);
        if (dtype.isInteger) return applyOp(ctx, "RandomUniformInt", [shapeT, minT, maxT], seeds, scope).outputs[0];
        const rnd = applyOp(ctx, "RandomUniform", [shapeT], { dtype, ...seeds }, null).outputs[0];
        const range = py().sub(maxT, minT);
        return ctx.tf.add(py().mul(rnd, range) as Tensor, minT, scope);
      });
    },
  ) as UniformFn;

  const shuffle: ShuffleFn = pyfunc("random_shuffle", ["value", ["seed", null], ["name", null]], (value: unknown, seed: Seed, name: Name): Tensor => {
    const seeds = seedAttrs(ctx, seed);
    return applyOp(ctx, "RandomShuffle", [value], seeds, name).outputs[0];
  }) as ShuffleFn;

  /**
   * Normal random values `mean + stddev * N(0, 1)`, a new draw every `sess.run`.
   * @example
   * const w1 = tf.Variable(tf.random_normal([2, 3], {stddev: 1, seed: 1}));
   */
  const random_normal = normal("random_normal", "RandomStandardNormal");
  /**
   * Normal random values redrawn when more than 2 standard deviations from the mean.
   * @example
   * const W = tf.Variable(tf.truncated_normal([784, 10], {stddev: 0.1}));
   */
  const truncated_normal = normal("truncated_normal", "TruncatedNormal");

  return {
    random_normal,
    /**
     * Uniform random values in [minval, maxval) (default [0, 1)), a new draw every `sess.run`.
     * @example
     * const u = tf.random_uniform([2, 2], -1.0, 1.0);
     */
    random_uniform: uniform,
    truncated_normal,
    /**
     * `value` with its rows (first dimension) in a random order, a new order every run.
     * @example
     * const s = tf.random_shuffle([1, 2, 3, 4]);
     */
    random_shuffle: shuffle,
    /** TF 1.x's `tf.random` module: `tf.random.normal`, `tf.random.uniform`, ... */
    random: {
      /** Same as `tf.random_normal`. */
      normal: random_normal,
      /** Same as `tf.random_uniform`. */
      uniform,
      /** Same as `tf.truncated_normal`. */
      truncated_normal,
      /** Same as `tf.random_shuffle`. */
      shuffle,
      /**
       * Same as `tf.set_random_seed` (TF 1.x's `tf.random.set_random_seed`).
       * @example
       * tf.random.set_random_seed(1234);
       */
      set_random_seed: (seed: number | null): void => {
        g().seed = seed === null ? null : Number(unbox(seed));
      },
    },
  };
}
