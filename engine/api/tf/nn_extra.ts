/**
 * More of `tf.nn`, as TF 1.15's nn_ops.py / nn_impl.py / embedding_ops.py build it:
 * `top_k` (TopKV2), `l2_normalize`, `batch_normalization` (the arithmetic, under `batchnorm/`)
 * and `embedding_lookup` (a gather named `embedding_lookup` and its Identity).
 */
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { NotImplementedError, ValueError } from "../../errors.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { applyOp } from "../apply.js";
import { castTensor, deprecatedArgumentLookup, type Name } from "../build.js";
import { namedTuple, type NamedTuple } from "../named_tuple.js";
import { tensorOperators as T } from "../tensor_ops.js";
import { identity } from "./core.js";
import { gather, rank } from "./array.js";
import { maximum, multiply } from "./arithmetic.js";
import { range } from "./filling.js";
import { rsqrt, square } from "./functions.js";
import { reduce_sum } from "./reduce.js";
import { clip_by_norm } from "./clip.js";

/**
 * The `k` largest entries of each row (last axis), largest first, and their indices: the pair
 * `(values, indices)` (op TopKV2).
 * @example
 * const [values, indices] = tf.nn.top_k([1, 4, 2, 3], 2); // [4 3], [1 3]
 */
export const top_k = pyfunc(
  "top_k",
  ["input", "k", "sorted", "name"],
  (ctx: EngineContext, input: unknown, k: unknown = 1, sorted: boolean = true, name: Name = null): NamedTuple<"values" | "indices", Tensor> =>
    namedTuple("TopKV2", ["values", "indices"], applyOp(ctx, "TopKV2", [input, k], { sorted: !!sorted }, name).outputs),
);

/**
 * `x / sqrt(max(sum(x ** 2), epsilon))` along `axis` (TF 1.x also accepts the old name `dim`).
 * @example
 * const u = tf.nn.l2_normalize([3.0, 4.0], 0); // [0.6 0.8]
 */
export const l2_normalize = pyfunc(
  "l2_normalize",
  ["x", "axis", "epsilon", "name", "dim"],
  (ctx: EngineContext, x: unknown, axis: unknown = null, epsilon: unknown = 1e-12, name: Name = null, dim: unknown = null): Tensor => {
    const ax = deprecatedArgumentLookup("axis", axis, "dim", dim);
    return ctx.defaultGraph().name_scope(name || "l2_normalize", (scope) => {
      const xt = convertToTensor(ctx, x, { name: "x" });
      const squareSum = reduce_sum(ctx, square(ctx, xt), ax as number | null, true);
      const xInvNorm = rsqrt(ctx, maximum(ctx, squareSum, epsilon));
      return multiply(ctx, xt, xInvNorm, scope);
    });
  },
);

/**
 * Normalizes `x` by `mean` and `variance`, then scales by `scale` and shifts by `offset`
 * (either may be null): `(x - mean) / sqrt(variance + variance_epsilon) * scale + offset`.
 * @example
 * const [mean, variance] = tf.nn.moments(x, [0]);
 * const y = tf.nn.batch_normalization(x, mean, variance, null, null, 1e-3);
 */
export const batch_normalization = pyfunc(
  "batch_normalization",
  ["x", "mean", "variance", "offset", "scale", "variance_epsilon", "name"],
  (ctx: EngineContext, x: unknown, mean: unknown, variance: unknown, offset: unknown, scale: unknown, variance_epsilon: unknown, name: Name = null): Tensor =>
    ctx.defaultGraph().name_scope(name || "batchnorm", () => {
      let inv = rsqrt(ctx, T.add(ctx, variance, variance_epsilon));
      if (scale !== null && scale !== undefined) inv = T.mul(ctx, inv, scale);
      const xt = convertToTensor(ctx, x);
      const dt = xt.dtype.base_dtype;
      // Python's order: `x * cast(inv)` first, then the shift, then their sum.
      const scaled = T.mul(ctx, xt, castTensor(ctx, inv, dt, null));
      const shifted = offset !== null && offset !== undefined ? T.sub(ctx, offset, T.mul(ctx, mean, inv)) : T.mul(ctx, T.neg(ctx, mean), inv);
      return T.add(ctx, scaled, castTensor(ctx, shifted, dt, null));
    }),
);

/**
 * The rows of `params` at `ids` (a gather named `embedding_lookup`); with `max_norm`, each
 * row is clipped to that L2 norm.
 * @example
 * const vectors = tf.nn.embedding_lookup(embeddings, word_ids);
 */
export const embedding_lookup = pyfunc(
  "embedding_lookup",
  ["params", "ids", "partition_strategy", "name", "validate_indices", "max_norm"],
  (
    ctx: EngineContext,
    params: unknown,
    ids: unknown,
    partition_strategy: string = "mod",
    name: Name = null,
    validate_indices: boolean = true,
    max_norm: unknown = null,
  ): Tensor => {
    if (params === null || params === undefined) throw new ValueError("params must be specified");
    if (Array.isArray(params) && params.length === 0) throw new ValueError("Need at least one param");
    // A list of tensors/variables is a partitioned table; a nested list of numbers is one table.
    const list = Array.isArray(params) && params.every((p) => typeof p === "object" && p !== null && !Array.isArray(p)) ? params : [params];
    return ctx.defaultGraph().name_scope(name || "embedding_lookup", (scope) => {
      if (list.length > 1) {
        throw new NotImplementedError(`tf.nn.embedding_lookup over ${list.length} partitioned tables (partition_strategy '${partition_strategy}') is not supported in the playground`);
      }
      const table = convertToTensor(ctx, list[0], { name: "params_0" });
      const idsT = convertToTensor(ctx, ids, { name: "ids" });
      let result = gather(ctx, table, idsT, null, scope);
      if (max_norm !== null && max_norm !== undefined) {
        // embedding_ops.py's _clip: clip each embedding (the axes after the ids' own).
        const idsRank = idsT.shape.ndims;
        const paramsRank = result.shape.ndims;
        const axes =
          idsRank && paramsRank ? Array.from({ length: paramsRank - idsRank }, (_, i) => idsRank + i) : range(ctx, idsRank || rank(ctx, idsT), paramsRank || rank(ctx, result));
        result = clip_by_norm(ctx, result, max_norm, axes);
      }
      return identity(ctx, result);
    });
  },
);

// The rest of `tf.nn` written in other modules: `tf.nn` binds this one.
export { in_top_k } from "./counting.js";
export { softsign } from "./functions_more.js";
export { log_poisson_loss, relu_layer, weighted_cross_entropy_with_logits, xw_plus_b } from "./nn_more.js";
