/**
 * Random builders (`tf.random_uniform`, `tf.random_normal`, `tf.truncated_normal`,
 * `tf.random_shuffle`; engine/tf.ts also gives them their `tf.random.*` names) building TF
 * 1.14's random_ops.py nodes: `random_uniform/shape`, `/min`, `/max`, `/RandomUniform`, `/sub`,
 * `/mul`, `random_uniform`. Seeds come from TF's get_seed with the graph's seed and `_last_id`
 * at the moment TF calls it.
 */
import { DType, DTypeLike, asDType, float32, float64, int32 } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { ValueError } from "../../errors.js";
import { TensorShape, type ShapeLike } from "../../shape.js";
import { getSeed } from "../../random/seeds.js";
import { unbox } from "../../pyfloat.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { op1, type Name } from "../build.js";
import { tensorOperators as T } from "../tensor_ops.js";

type Seed = number | null;
type ShapeArg = ShapeLike | Tensor | unknown[];

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

/** random_normal and truncated_normal: `rnd * stddev + mean` in a scope named after the function. */
function normal(fname: string, opType: string) {
  return pyfunc(
    fname,
    ["shape", "mean", "stddev", "dtype", "seed", "name"],
    (
      ctx: EngineContext,
      shape: ShapeArg,
      mean: unknown = 0.0,
      stddev: unknown = 1.0,
      dtype: DTypeLike = float32,
      seed: Seed = null,
      name: Name = null,
    ): Tensor =>
      ctx.defaultGraph().name_scope(name || fname, (scope) => {
        const dt = asDType(dtype);
        const shapeT = shapeTensor(ctx, shape);
        const meanT = convertToTensor(ctx, mean, { dtype: dt, name: "mean" });
        const stddevT = convertToTensor(ctx, stddev, { dtype: dt, name: "stddev" });
        const rnd = op1(ctx, opType, [shapeT], { dtype: dt, ...seedAttrs(ctx, seed) }, null);
        return op1(ctx, "Add", [T.mul(ctx, rnd, stddevT), meanT], {}, scope);
      }),
  );
}

/**
 * Normal random values `mean + stddev * N(0, 1)`, a new draw every `sess.run`.
 * @example
 * const w1 = tf.Variable(tf.random_normal([2, 3], {stddev: 1, seed: 1}));
 */
export const random_normal = normal("random_normal", "RandomStandardNormal");

/**
 * Normal random values redrawn when more than 2 standard deviations from the mean.
 * @example
 * const W = tf.Variable(tf.truncated_normal([784, 10], {stddev: 0.1}));
 */
export const truncated_normal = normal("truncated_normal", "TruncatedNormal");

/**
 * Uniform random values in [minval, maxval) (default [0, 1)), a new draw every `sess.run`.
 * @example
 * const u = tf.random_uniform([2, 2], -1.0, 1.0);
 */
export const random_uniform = pyfunc(
  "random_uniform",
  ["shape", "minval", "maxval", "dtype", "seed", "name"],
  (
    ctx: EngineContext,
    shape: ShapeArg,
    minval: unknown = 0,
    maxval: unknown = null,
    dtype: DTypeLike = float32,
    seed: Seed = null,
    name: Name = null,
  ): Tensor => {
    const dt: DType = asDType(dtype);
    if (![float32, float64, int32].includes(dt)) throw new ValueError(`Invalid dtype ${dt}`);
    if (maxval === null || maxval === undefined) {
      if (dt.isInteger) throw new ValueError(`Must specify maxval for integer dtype ${dt}`);
      maxval = 1;
    }
    return ctx.defaultGraph().name_scope(name || "random_uniform", (scope) => {
      const shapeT = shapeTensor(ctx, shape);
      const minT = convertToTensor(ctx, minval, { dtype: dt, name: "min" });
      const maxT = convertToTensor(ctx, maxval, { dtype: dt, name: "max" });
      const seeds = seedAttrs(ctx, seed);
      if (dt.isInteger) return op1(ctx, "RandomUniformInt", [shapeT, minT, maxT], seeds, scope);
      const rnd = op1(ctx, "RandomUniform", [shapeT], { dtype: dt, ...seeds }, null);
      const range = T.sub(ctx, maxT, minT);
      return op1(ctx, "Add", [T.mul(ctx, rnd, range), minT], {}, scope);
    });
  },
);

/**
 * `value` with its rows (first dimension) in a random order, a new order every run.
 * @example
 * const s = tf.random_shuffle([1, 2, 3, 4]);
 */
export const random_shuffle = pyfunc(
  "random_shuffle",
  ["value", "seed", "name"],
  (ctx: EngineContext, value: unknown, seed: Seed = null, name: Name = null): Tensor => op1(ctx, "RandomShuffle", [value], seedAttrs(ctx, seed), name),
);
