/**
 * Indexing by index tuples and by masks: `tf.gather_nd`, `tf.scatter_nd`, `tf.boolean_mask`,
 * building the nodes TF 1.15's array_ops.py builds (boolean_mask: a reshape, `Where`, a
 * squeeze and a gather under `boolean_mask/`).
 */
import { bool as boolDType } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { NotImplementedError, ValueError } from "../../errors.js";
import { TensorShape } from "../../shape.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { op1, type Name } from "../build.js";
import { sliceHelper } from "../slicing.js";
import { concat, gather, squeeze } from "./array.js";
import { reshape, shape as shapeOf } from "./array_core.js";
import { where } from "./filling.js";

/**
 * Gathers the slices of `params` that the innermost vectors of `indices` name (op GatherNd).
 * @example
 * const v = tf.gather_nd([["a", "b"], ["c", "d"]], [[0, 0], [1, 1]]); // [b'a' b'd']
 */
export const gather_nd = pyfunc(
  "gather_nd",
  ["params", "indices", "name", "batch_dims"],
  (ctx: EngineContext, params: unknown, indices: unknown, name: Name = null, batch_dims: number = 0): Tensor => {
    if (batch_dims !== 0) throw new NotImplementedError("tf.gather_nd with batch_dims is not supported in the playground");
    return op1(ctx, "GatherNd", [params, indices], {}, name);
  },
);

/**
 * A zero tensor of `shape` with `updates` added at `indices` (duplicates sum; op ScatterNd).
 * @example
 * const s = tf.scatter_nd([[4], [3], [1], [7]], [9, 10, 11, 12], [8]); // [ 0 11  0 10  9  0  0 12]
 */
export const scatter_nd = pyfunc(
  "scatter_nd",
  ["indices", "updates", "shape", "name"],
  (ctx: EngineContext, indices: unknown, updates: unknown, shape: unknown, name: Name = null): Tensor =>
    op1(ctx, "ScatterNd", [indices, updates, shape], {}, name),
);

/**
 * The entries of `tensor` where `mask` is true, flattened over the mask's dimensions (starting
 * at `axis`).
 * @example
 * const m = tf.boolean_mask([0, 1, 2, 3], [true, false, true, false]); // [0 2]
 */
export const boolean_mask = pyfunc(
  "boolean_mask",
  ["tensor", "mask", "name", "axis"],
  (ctx: EngineContext, tensor: unknown, mask: unknown, name: string = "boolean_mask", axis: number | null = null): Tensor =>
    ctx.defaultGraph().name_scope(name, () => {
      let t = convertToTensor(ctx, tensor, { name: "tensor" });
      let m = convertToTensor(ctx, mask, { name: "mask", preferredDtype: boolDType });
      const shapeMask = m.shape;
      const ndimsMask = shapeMask.ndims;
      const shapeTensor = t.shape;
      if (ndimsMask === 0) throw new ValueError("mask cannot be scalar.");
      if (ndimsMask === null) {
        throw new ValueError("Number of mask dimensions must be specified, even if some dimensions are None.  E.g. shape=[None] is ok, but shape=None is not.");
      }
      const ax = axis ?? 0;
      const covered = shapeTensor.dims === null ? TensorShape.unknown() : new TensorShape(shapeTensor.dims.slice(ax, ax + ndimsMask));
      if (!covered.is_compatible_with(shapeMask)) throw new ValueError(`Shapes ${covered} and ${shapeMask} are incompatible`);
      const leadingSize = op1(ctx, "Prod", [sliceHelper(ctx, shapeOf(ctx, t), { start: ax, stop: ax + ndimsMask }), [0]], { keep_dims: false });
      t = reshape(
        ctx,
        t,
        concat(ctx, [sliceHelper(ctx, shapeOf(ctx, t), { stop: ax }), [leadingSize], sliceHelper(ctx, shapeOf(ctx, t), { start: ax + ndimsMask })], 0),
      );
      if (shapeTensor.dims !== null) {
        t.set_shape(new TensorShape([...shapeTensor.dims.slice(0, ax), covered.num_elements(), ...shapeTensor.dims.slice(ax + ndimsMask)]));
      }
      m = reshape(ctx, m, [-1]);
      // _apply_mask_1d: the true positions, gathered along `axis`.
      const indices = squeeze(ctx, where(ctx, m), [1]);
      return gather(ctx, t, indices, null, null, ax);
    }),
);

/**
 * A copy of `tensor` with the slices `indices` names replaced by `updates` (op
 * TensorScatterUpdate).
 * @example
 * const t = tf.tensor_scatter_nd_update(tf.ones([8], tf.int32), [[4], [3], [1], [7]], [9, 10, 11, 12]); // [ 1 11  1 10  9  1  1 12]
 */
export const tensor_scatter_nd_update = pyfunc(
  "tensor_scatter_nd_update",
  ["tensor", "indices", "updates", "name"],
  (ctx: EngineContext, tensor: unknown, indices: unknown, updates: unknown, name: Name = null): Tensor =>
    op1(ctx, "TensorScatterUpdate", [tensor, indices, updates], {}, name),
);

/**
 * A copy of `tensor` with `updates` added at the slices `indices` names (op TensorScatterAdd).
 * @example
 * const t = tf.tensor_scatter_nd_add(tf.ones([8], tf.int32), [[4], [3], [1], [7]], [9, 10, 11, 12]); // [ 1 12  1 11 10  1  1 13]
 */
export const tensor_scatter_nd_add = pyfunc(
  "tensor_scatter_nd_add",
  ["tensor", "indices", "updates", "name"],
  (ctx: EngineContext, tensor: unknown, indices: unknown, updates: unknown, name: Name = null): Tensor =>
    op1(ctx, "TensorScatterAdd", [tensor, indices, updates], {}, name),
);

/**
 * A copy of `tensor` with `updates` subtracted at the slices `indices` names (op
 * TensorScatterSub).
 * @example
 * const t = tf.tensor_scatter_nd_sub(tf.ones([8], tf.int32), [[4], [3], [1], [7]], [9, 10, 11, 12]); // [  1 -10   1  -9  -8   1   1 -11]
 */
export const tensor_scatter_nd_sub = pyfunc(
  "tensor_scatter_nd_sub",
  ["tensor", "indices", "updates", "name"],
  (ctx: EngineContext, tensor: unknown, indices: unknown, updates: unknown, name: Name = null): Tensor =>
    op1(ctx, "TensorScatterSub", [tensor, indices, updates], {}, name),
);

/**
 * Same as `tf.tensor_scatter_nd_update` (TF 1.15's older name).
 * @example
 * const t = tf.tensor_scatter_update(tf.zeros([3]), [[1]], [5.0]); // [0. 5. 0.]
 */
export const tensor_scatter_update = tensor_scatter_nd_update;

/**
 * Same as `tf.tensor_scatter_nd_add` (TF 1.15's older name).
 * @example
 * const t = tf.tensor_scatter_add(tf.zeros([3]), [[1]], [5.0]); // [0. 5. 0.]
 */
export const tensor_scatter_add = tensor_scatter_nd_add;

/**
 * Same as `tf.tensor_scatter_nd_sub` (TF 1.15's older name).
 * @example
 * const t = tf.tensor_scatter_sub(tf.zeros([3]), [[1]], [5.0]); // [ 0. -5.  0.]
 */
export const tensor_scatter_sub = tensor_scatter_nd_sub;
