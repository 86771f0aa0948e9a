/**
 * `tf.space_to_batch_nd`, `tf.batch_to_space_nd`, their TF 1.x 2-D forms `tf.space_to_batch`
 * / `tf.batch_to_space` (one `block_size` for height and width, an int64 block_shape Const as
 * TF 1.15's array_ops.py makes it), `tf.required_space_to_batch_paddings`, and
 * `tf.space_to_depth` / `tf.depth_to_space`.
 */
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { int32, int64 } from "../../dtypes.js";
import { ValueError } from "../../errors.js";
import { NDArray } from "../../ndarray.js";
import { unbox } from "../../pyfloat.js";
import { TensorShape } from "../../shape.js";
import { convertToTensor } from "../convert_tensor.js";
import { constantValue } from "../../ops/support/math_grad.js";
import { pyfunc } from "../pyargs.js";
import { deprecatedArgumentLookup, op1, type Name } from "../build.js";
import { stack } from "./array.js";
import { makeInt, stringAttr } from "../conv_args.js";
import { pyFor } from "../operators.js";
import { getItem } from "../slicing.js";

/**
 * Zero-pads the spatial dimensions [1, ..., M] of `input` by `paddings` ([M, 2]), then moves
 * each `block_shape` block of them into the batch dimension: shape [batch * prod(block_shape),
 * padded_1 / block_1, ..., rest].
 * @example
 * const y = tf.space_to_batch_nd([[[[1], [2]], [[3], [4]]]], [2, 2], [[0, 0], [0, 0]]); // shape (4, 1, 1, 1)
 */
export const space_to_batch_nd = pyfunc(
  "space_to_batch_nd",
  ["input", "block_shape", "paddings", "name"],
  (ctx: EngineContext, input: unknown, block_shape: unknown, paddings: unknown, name: Name = null): Tensor =>
    op1(ctx, "SpaceToBatchND", [input, block_shape, paddings], {}, name),
);

/**
 * The inverse of `space_to_batch_nd`: moves blocks of the batch dimension back into the
 * spatial dimensions [1, ..., M] (`block_shape`), then crops them by `crops` ([M, 2]).
 * @example
 * const y = tf.batch_to_space_nd([[[[1]]], [[[2]]], [[[3]]], [[[4]]]], [2, 2], [[0, 0], [0, 0]]); // shape (1, 2, 2, 1)
 */
export const batch_to_space_nd = pyfunc(
  "batch_to_space_nd",
  ["input", "block_shape", "crops", "name"],
  (ctx: EngineContext, input: unknown, block_shape: unknown, crops: unknown, name: Name = null): Tensor =>
    op1(ctx, "BatchToSpaceND", [input, block_shape, crops], {}, name),
);

/** `result.set_shape(result.get_shape().with_rank(4))`, with TensorShape's ValueError. */
function withRank4(t: Tensor): Tensor {
  const r = t.shape.ndims;
  if (r !== null && r !== 4) throw new ValueError(`Shape ${t.shape} must have rank 4`);
  if (r === null) t.set_shape(new TensorShape([null, null, null, null]));
  return t;
}

function blockPair(size: unknown): NDArray {
  const b = Number(unbox(size as number));
  return new NDArray(int64, [2], new Float64Array([b, b]) as never);
}

/**
 * TF 1.x's 4-D `space_to_batch`: `space_to_batch_nd` with `block_shape = [block_size, block_size]`.
 * @example
 * const y = tf.space_to_batch(x, [[0, 0], [0, 0]], 2); // x: [1, 4, 4, 1] → (4, 2, 2, 1)
 */
export const space_to_batch = pyfunc(
  "space_to_batch",
  ["input", "paddings", "block_size", "name", "block_shape"],
  (ctx: EngineContext, input: unknown, paddings: unknown, block_size: unknown = null, name: Name = null, block_shape: unknown = null): Tensor => {
    const size = deprecatedArgumentLookup("block_shape", block_shape, "block_size", block_size);
    return withRank4(op1(ctx, "SpaceToBatchND", [input, blockPair(size), paddings], {}, name));
  },
);

/**
 * TF 1.x's 4-D `batch_to_space`: `batch_to_space_nd` with `block_shape = [block_size, block_size]`.
 * @example
 * const y = tf.batch_to_space(x, [[0, 0], [0, 0]], 2); // x: [4, 2, 2, 1] → (1, 4, 4, 1)
 */
export const batch_to_space = pyfunc(
  "batch_to_space",
  ["input", "crops", "block_size", "name", "block_shape"],
  (ctx: EngineContext, input: unknown, crops: unknown, block_size: unknown = null, name: Name = null, block_shape: unknown = null): Tensor => {
    const size = deprecatedArgumentLookup("block_shape", block_shape, "block_size", block_size);
    return withRank4(op1(ctx, "BatchToSpaceND", [input, blockPair(size), crops], {}, name));
  },
);

/**
 * The paddings (at least `base_paddings`, more at the end) that make each of `input_shape`
 * divisible by `block_shape`, and the crops that undo the extra: `[paddings, crops]`, int32 [N, 2].
 * @example
 * const [paddings, crops] = tf.required_space_to_batch_paddings([5, 5], [2, 2]); // [[0, 1], [0, 1]], [[0, 1], [0, 1]]
 */
export const required_space_to_batch_paddings = pyfunc(
  "required_space_to_batch_paddings",
  ["input_shape", "block_shape", "base_paddings", "name"],
  (ctx: EngineContext, input_shape: unknown, block_shape: unknown, base_paddings: unknown = null, name: Name = null): Tensor[] =>
    ctx.defaultGraph().name_scope(name || "required_space_to_batch_paddings", () => {
      const inputShape = convertToTensor(ctx, input_shape, { dtype: int32, name: "input_shape" });
      const block = convertToTensor(ctx, block_shape, { dtype: int32, name: "block_shape" });
      const bdims = block.shape.dims;
      if (bdims === null || bdims.some((d) => d === null)) throw new ValueError(`Shape ${block.shape} is not fully defined`);
      if (bdims.length !== 1) throw new ValueError(`Shape ${block.shape} must have rank 1`);
      const m = bdims[0] as number;
      if (m === 0) throw new ValueError("required_space_to_batch_paddings: block_shape must not be empty in the playground");
      if (!inputShape.shape.is_compatible_with(new TensorShape([m]))) throw new ValueError(`Shapes ${inputShape.shape} and (${m},) are incompatible`);
      const base = base_paddings === null || base_paddings === undefined ? null : convertToTensor(ctx, base_paddings, { dtype: int32, name: "base_paddings" });
      if (base !== null && !base.shape.is_compatible_with(new TensorShape([m, 2]))) throw new ValueError(`Shapes ${base.shape} and (${m}, 2) are incompatible`);
      const cb = constantValue(block);
      const ci = constantValue(inputShape);
      const cp = base === null ? new Array<number>(2 * m).fill(0) : constantValue(base) && Array.from(constantValue(base)!.data as ArrayLike<number>);
      if (cb !== null && ci !== null && cp) {
        // Every input known: TF computes in numpy and stacks the results into two Consts.
        const bv = Array.from(cb.data as ArrayLike<number>);
        const iv = Array.from(ci.data as ArrayLike<number>);
        const extra = iv.map((s, i) => (((bv[i] - ((s + cp[2 * i] + cp[2 * i + 1]) % bv[i])) % bv[i]) + bv[i]) % bv[i]);
        const pads = iv.map((_, i) => [cp[2 * i], cp[2 * i + 1] + extra[i]]);
        return [stack(ctx, pads, 0, "paddings"), stack(ctx, extra.map((e) => [0, e]), 0, "crops")];
      }
      const py = pyFor(ctx);
      const all = { start: null, stop: null, step: null };
      const baseT = base ?? convertToTensor(ctx, Array.from({ length: m }, () => [0, 0]), { dtype: int32 });
      const padStart = getItem(ctx, baseT, [all, 0]);
      const origPadEnd = getItem(ctx, baseT, [all, 1]);
      const full = py.add(py.add(inputShape, padStart), origPadEnd);
      const padEndExtra = py.mod(py.sub(block, py.mod(full, block)), block) as Tensor;
      const padEnd = py.add(origPadEnd, padEndExtra) as Tensor;
      const idx = Array.from({ length: m }, (_, i) => i);
      return [
        stack(ctx, idx.map((i) => [getItem(ctx, padStart, i), getItem(ctx, padEnd, i)]), 0, "paddings"),
        stack(ctx, idx.map((i) => [0, getItem(ctx, padEndExtra, i)]), 0, "crops"),
      ];
    }),
);

/** The generated wrappers' checks of SpaceToDepth / DepthToSpace's attrs. */
function depthAttrs(opType: string, blockSize: unknown, dataFormat: unknown) {
  const b = makeInt(blockSize, "block_size");
  if (b < 2) throw new ValueError(`Attr 'block_size' of '${opType}' Op passed ${b} less than minimum 2.`);
  return { block_size: b, data_format: stringAttr(dataFormat ?? "NHWC", "data_format", opType, ["NHWC", "NCHW", "NCHW_VECT_C"]) };
}

/**
 * Moves each `block_size` × `block_size` block of an NHWC image's height and width into its
 * depth: [batch, h, w, d] → [batch, h / block_size, w / block_size, d · block_size²].
 * @example
 * tf.space_to_depth([[[[1], [2]], [[3], [4]]]], 2); // [[[[1 2 3 4]]]], shape (1, 1, 1, 4)
 */
export const space_to_depth = pyfunc(
  "space_to_depth",
  ["input", "block_size", "name", "data_format"],
  (ctx: EngineContext, input: unknown, block_size: number, name: Name = null, data_format: string = "NHWC"): Tensor =>
    op1(ctx, "SpaceToDepth", [input], depthAttrs("SpaceToDepth", block_size, data_format), name),
);

/**
 * The inverse of `space_to_depth`: depth moved into `block_size` × `block_size` blocks of
 * height and width: [batch, h, w, d] → [batch, h · block_size, w · block_size, d / block_size²].
 * @example
 * tf.depth_to_space([[[[1, 2, 3, 4]]]], 2); // [[[[1], [2]], [[3], [4]]]], shape (1, 2, 2, 1)
 */
export const depth_to_space = pyfunc(
  "depth_to_space",
  ["input", "block_size", "name", "data_format"],
  (ctx: EngineContext, input: unknown, block_size: number, name: Name = null, data_format: string = "NHWC"): Tensor =>
    op1(ctx, "DepthToSpace", [input], depthAttrs("DepthToSpace", block_size, data_format), name),
);
