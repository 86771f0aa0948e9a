/**
 * Clipping, as TF 1.15's clip_ops.py builds it: `tf.clip_by_value` (Minimum then Maximum),
 * `tf.clip_by_norm` (a NaN-safe L2 norm with two Selects), `tf.global_norm` (L2Loss per
 * tensor) and `tf.clip_by_global_norm` (one scale for all, `clip_by_global_norm/..._0`, ...).
 */
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { PyTypeError } from "../../errors.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { op1, type Name } from "../build.js";
import { tensorOperators as T } from "../tensor_ops.js";
import { constant, identity } from "./core.js";
import { stack } from "./array.js";
import { maximum, minimum } from "./arithmetic.js";
import { ones_like, where } from "./filling.js";
import { sqrt } from "./functions.js";
import { reduce_sum } from "./reduce.js";

/** TF's check that `t_list` is a sequence (a list, not a string). */
function asList(tList: unknown): unknown[] {
  if (!Array.isArray(tList)) throw new PyTypeError("t_list should be a sequence");
  return tList;
}

/** `global_norm`'s work: sqrt(2 · sum of L2Loss) in scope `name`. */
function globalNormOf(ctx: EngineContext, tList: unknown[], name: Name): Tensor {
  return ctx.defaultGraph().name_scope(name || "global_norm", () => {
    const values = tList.map((t, i) => (t === null || t === undefined ? null : convertToTensor(ctx, t, { name: `t_${i}` })));
    const halfSquaredNorms = values.filter((v): v is Tensor => v !== null).map((v) => op1(ctx, "L2Loss", [v]));
    const halfSquaredNorm = reduce_sum(ctx, stack(ctx, halfSquaredNorms));
    return sqrt(ctx, T.mul(ctx, halfSquaredNorm, constant(ctx, 2.0, halfSquaredNorm.dtype.base_dtype)), "global_norm");
  });
}

/**
 * `t` with values below `clip_value_min` raised to it and above `clip_value_max` lowered to it.
 * @example
 * const b = tf.clip_by_value([[1, 20, 13], [3, 21, 13]], 0, 3); // [[1 3 3] [3 3 3]]
 */
export const clip_by_value = pyfunc(
  "clip_by_value",
  ["t", "clip_value_min", "clip_value_max", "name"],
  (ctx: EngineContext, t: unknown, clip_value_min: unknown, clip_value_max: unknown, name: Name = null): Tensor =>
    ctx.defaultGraph().name_scope(name || "clip_by_value", (scope) => {
      const values = convertToTensor(ctx, t, { name: "t" });
      const tMin = minimum(ctx, values, clip_value_max);
      // TF checks the shapes agree, so that a clip bound cannot silently broadcast `t`.
      values.shape.merge_with(tMin.shape);
      const tMax = maximum(ctx, tMin, clip_value_min, scope);
      values.shape.merge_with(tMax.shape);
      return tMax;
    }),
);

/**
 * `t` scaled down so that its L2 norm (over `axes`, default all) is at most `clip_norm`.
 * @example
 * const c = tf.clip_by_norm([3.0, 4.0], 1.0); // [0.6 0.8]
 */
export const clip_by_norm = pyfunc(
  "clip_by_norm",
  ["t", "clip_norm", "axes", "name"],
  (ctx: EngineContext, t: unknown, clip_norm: unknown, axes: unknown = null, name: Name = null): Tensor =>
    ctx.defaultGraph().name_scope(name || "clip_by_norm", (scope) => {
      const values = convertToTensor(ctx, t, { name: "t" });
      const l2sum = reduce_sum(ctx, T.mul(ctx, values, values), axes as number[] | null, true);
      const pred = T.gt(ctx, l2sum, 0);
      // Two Selects, so that a zero norm gives no NaN gradient.
      const l2sumSafe = where(ctx, pred, l2sum, ones_like(ctx, l2sum));
      const l2norm = where(ctx, pred, sqrt(ctx, l2sumSafe), l2sum);
      const intermediate = T.mul(ctx, values, clip_norm);
      values.shape.merge_with(intermediate.shape);
      return identity(ctx, T.truediv(ctx, intermediate, maximum(ctx, l2norm, clip_norm)), scope);
    }),
);

/**
 * sqrt(sum of the squares of every element of every tensor in `t_list`); `null` entries are
 * skipped.
 * @example
 * const n = tf.global_norm([[3.0], [4.0]]); // 5.0
 */
export const global_norm = pyfunc("global_norm", ["t_list", "name"], (ctx: EngineContext, t_list: unknown[], name: Name = null): Tensor =>
  globalNormOf(ctx, asList(t_list), name),
);

/**
 * Scales every tensor of `t_list` by `clip_norm / max(global_norm, clip_norm)`: the pair
 * `[list_clipped, global_norm]`.
 * @example
 * const [clipped, norm] = tf.clip_by_global_norm(grads, 5.0);
 */
export const clip_by_global_norm = pyfunc(
  "clip_by_global_norm",
  ["t_list", "clip_norm", "use_norm", "name"],
  (ctx: EngineContext, t_list: unknown[], clip_norm: unknown, use_norm: unknown = null, name: Name = null): [(Tensor | null)[], Tensor] => {
    const list = asList(t_list);
    const norm = use_norm === null || use_norm === undefined ? globalNormOf(ctx, list, name) : convertToTensor(ctx, use_norm);
    return ctx.defaultGraph().name_scope(name || "clip_by_global_norm", (scope) => {
      const scaleForFinite = T.mul(ctx, clip_norm, minimum(ctx, T.truediv(ctx, 1.0, norm), T.truediv(ctx, constant(ctx, 1.0, norm.dtype.base_dtype), clip_norm)));
      // A finite norm adds 0; an infinite or NaN one makes every clipped value NaN.
      const scale = T.add(ctx, scaleForFinite, T.sub(ctx, norm, norm));
      const values = list.map((t, i) => (t === null || t === undefined ? null : convertToTensor(ctx, t, { name: `t_${i}` })));
      // TF names each `"%s_%d" % (name, i)` with the scope's trailing slash: `clip_by_global_norm/_0`.
      const clipped = values.map((v, i) => (v === null ? null : identity(ctx, T.mul(ctx, v, scale), `${scope}_${i}`)));
      return [clipped, norm];
    });
  },
);
