/**
 * Array builders (`tf.concat`, `tf.stack`, `tf.transpose`, `tf.slice`, `tf.gather`, ...) building
 * the same nodes, with the same names and in the same order, as TF 1.14's array_ops.py. Builders
 * that make arrays (`tf.zeros`, `tf.range`, ...) are in filling.ts.
 */
import { DTypeLike, asDType, int32 } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { NotImplementedError, PyTypeError, ValueError } from "../../errors.js";
import { TensorShape } from "../../shape.js";
import { constantToNDArray } from "../../convert.js";
import { unbox } from "../../pyfloat.js";
import { applyOp } from "../apply.js";
import { convertToTensor, isTensorLike } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { constNamed, deprecatedArgumentLookup, op1, type Name } from "../build.js";
import { tensorOperators as T } from "../tensor_ops.js";

import { onesLike } from "../fill.js";

/** TF's transpose with the default (reversed) permutation or a given one. */
function transposeTensor(ctx: EngineContext, a: unknown, perm: unknown, name: Name): Tensor {
  return ctx.defaultGraph().name_scope(name || "transpose", (scope) => {
    if (perm === null || perm === undefined) {
      const x = convertToTensor(ctx, a, { name: "a" });
      const ndims = x.shape.ndims;
      let p: unknown;
      if (!ndims) {
        // Unknown rank (or a scalar): the permutation is computed in the graph.
        const rank = op1(ctx, "Rank", [x], {}, null);
        p = T.sub(ctx, T.sub(ctx, rank, 1), op1(ctx, "Range", [0, rank, 1], {}, null));
      } else {
        p = Array.from({ length: ndims }, (_, i) => ndims - 1 - i);
      }
      const ret = op1(ctx, "Transpose", [x, p], {}, scope);
      const dims = x.shape.dims;
      if (dims !== null) ret.set_shape(new TensorShape(dims.slice().reverse()));
      return ret;
    }
    return op1(ctx, "Transpose", [a, perm], {}, scope);
  });
}

/** `tf.stack`: a constant list becomes one Const; otherwise Pack. */
function stackValues(ctx: EngineContext, values: unknown, axis: number, name: string): Tensor {
  if (!Array.isArray(values)) throw new PyTypeError(`Expected list for 'values' argument to 'Pack' Op, not ${String(values)}.`);
  if (axis === 0) {
    try {
      return convertToTensor(ctx, values, { name });
    } catch (e) {
      if (!(e instanceof TypeError || e instanceof ValueError)) throw e;
    }
  }
  const first = convertToTensor(ctx, values[0], { name });
  const r = first.shape.ndims;
  if (r !== null) {
    const expanded = r + 1;
    if (axis < -expanded || axis >= expanded) throw new ValueError(`axis = ${axis} not in [${-expanded}, ${expanded})`);
  }
  return op1(ctx, "Pack", [values], { axis }, name);
}

/**
 * The number of elements of `input` (a Const when the static shape is known).
 * @example
 * const n = tf.size(tf.zeros([2, 3])); // 6
 */
export const size = pyfunc(
  "size",
  ["input", "name", "out_type"],
  (ctx: EngineContext, input: unknown, name: Name = null, out_type: DTypeLike = int32): Tensor =>
    ctx.defaultGraph().name_scope(name || "Size", (scope) => {
      const t = convertToTensor(ctx, input);
      const s = t.shape;
      const out = asDType(out_type);
      if (s.is_fully_defined()) return constNamed(ctx, constantToNDArray(s.num_elements(), out), scope);
      if (s.dims !== null && s.dims.some((d) => d === 0)) return constNamed(ctx, constantToNDArray(0, out), scope);
      return op1(ctx, "Size", [t], { out_type: out }, scope);
    }),
);

/**
 * The number of dimensions of `input` (a Const when the rank is known).
 * @example
 * const r = tf.rank(tf.zeros([2, 3])); // 2
 */
export const rank = pyfunc("rank", ["input", "name"], (ctx: EngineContext, input: unknown, name: Name = null): Tensor =>
  ctx.defaultGraph().name_scope(name || "Rank", (scope) => {
    const t = convertToTensor(ctx, input);
    if (t.shape.ndims !== null) return constNamed(ctx, constantToNDArray(t.shape.ndims, int32), scope);
    return op1(ctx, "Rank", [t], {}, scope);
  }),
);

/**
 * Inserts a dimension of size 1 at `axis` (TF 1.x also accepts the old name `dim`).
 * @example
 * const col = tf.expand_dims(tf.constant([1, 2]), 1); // shape (2, 1)
 */
export const expand_dims = pyfunc(
  "expand_dims",
  ["input", "axis", "name", "dim"],
  (ctx: EngineContext, input: unknown, axis: unknown = null, name: Name = null, dim: unknown = null): Tensor => {
    const a = deprecatedArgumentLookup("axis", axis, "dim", dim);
    if (a === null || a === undefined) throw new ValueError("Must specify an axis argument to tf.expand_dims()");
    return op1(ctx, "ExpandDims", [input, a], {}, name);
  },
);

/**
 * Removes dimensions of size 1 (all, or those in `axis`; TF 1.x's old name is `squeeze_dims`).
 * @example
 * const v = tf.squeeze(tf.zeros([1, 3, 1])); // shape (3,)
 */
export const squeeze = pyfunc(
  "squeeze",
  ["input", "axis", "name", "squeeze_dims"],
  (ctx: EngineContext, input: unknown, axis: unknown = null, name: Name = null, squeeze_dims: unknown = null): Tensor => {
    let a = deprecatedArgumentLookup("axis", axis, "squeeze_dims", squeeze_dims);
    if (typeof a === "number") a = [a];
    return op1(ctx, "Squeeze", [input], { squeeze_dims: (a as number[] | null) ?? [] }, name);
  },
);

/**
 * Permutes dimensions; without `perm` the order is reversed (a matrix transpose).
 * @example
 * const t = tf.transpose(tf.constant([[1, 2, 3], [4, 5, 6]])); // [[1, 4], [2, 5], [3, 6]]
 */
export const transpose = pyfunc(
  "transpose",
  ["a", "perm", "name", "conjugate"],
  (ctx: EngineContext, a: unknown, perm: unknown = null, name: Name = "transpose", conjugate: unknown = false): Tensor => transposeTensor(ctx, a, perm, name),
);

/**
 * Joins tensors along an existing dimension `axis`.
 * @example
 * const c = tf.concat([[[1, 2]], [[3, 4]]], 0); // [[1, 2], [3, 4]]
 */
export const concat = pyfunc("concat", ["values", "axis", "name"], (ctx: EngineContext, values: unknown, axis: unknown, name: string = "concat"): Tensor => {
  const list = Array.isArray(values) ? values : [values];
  if (list.length === 1) {
    // TF calls identity(values[0], name=name) inside the scope it opened: `concat/concat`.
    return ctx.defaultGraph().name_scope(name, () => {
      const dim = convertToTensor(ctx, axis, { name: "concat_dim", dtype: int32 });
      if (dim.shape.ndims !== null && dim.shape.ndims !== 0) throw new ValueError(`Shape ${dim.shape} must have rank 0`);
      return op1(ctx, "Identity", [list[0]], {}, name);
    });
  }
  return op1(ctx, "ConcatV2", [list, axis], {}, name);
});

/**
 * Stacks same-shaped tensors along a new dimension `axis` (a list of numbers becomes one Const).
 * @example
 * const s = tf.stack([x, y]); // shape (2, ...)
 */
export const stack = pyfunc("stack", ["values", "axis", "name"], (ctx: EngineContext, values: unknown, axis: number = 0, name: string = "stack"): Tensor =>
  stackValues(ctx, values, axis, name),
);

/**
 * Splits a tensor along `axis` into a list of tensors without that dimension.
 * @example
 * const [a, b] = tf.unstack(tf.constant([[1, 2], [3, 4]]));
 */
export const unstack = pyfunc(
  "unstack",
  ["value", "num", "axis", "name"],
  (ctx: EngineContext, value: unknown, num: number | null = null, axis: number = 0, name: string = "unstack"): Tensor[] => {
    let v: unknown = value;
    if (num === null || num === undefined) {
      const t = convertToTensor(ctx, value);
      v = t;
      const s = t.shape;
      if (s.dims !== null) {
        if (axis < -s.dims.length || axis >= s.dims.length) throw new ValueError(`axis = ${axis} not in [${-s.dims.length}, ${s.dims.length})`);
        num = s.dims[axis < 0 ? axis + s.dims.length : axis];
      }
      if (num === null || num === undefined) throw new ValueError(`Cannot infer num from shape ${s}`);
    }
    return applyOp(ctx, "Unpack", [v], { num, axis }, name).outputs.slice();
  },
);

/**
 * Repeats `input` `multiples[d]` times along each dimension.
 * @example
 * const t = tf.tile([[1, 2]], [2, 2]); // [[1, 2, 1, 2], [1, 2, 1, 2]]
 */
export const tile = pyfunc("tile", ["input", "multiples", "name"], (ctx: EngineContext, input: unknown, multiples: unknown, name: Name = null): Tensor =>
  op1(ctx, "Tile", [input, multiples], {}, name),
);

/**
 * The block starting at `begin` with `size` elements per dimension (-1: to the end).
 * @example
 * const s = tf.slice(x, [1, 0], [1, -1]); // row 1 of a matrix, as a 1×n matrix
 */
export const slice = pyfunc(
  "slice",
  ["input_", "begin", "size", "name"],
  (ctx: EngineContext, input_: unknown, begin: unknown, size: unknown, name: Name = null): Tensor => op1(ctx, "Slice", [input_, begin, size], {}, name),
);

/**
 * Python-style slicing `input_[begin:end:strides]` with TF's masks (bit i: spec i).
 * @example
 * const row = tf.strided_slice(m, [1], [2], [1], {shrink_axis_mask: 1}); // m[1]
 */
export const strided_slice = pyfunc(
  "strided_slice",
  ["input_", "begin", "end", "strides", "begin_mask", "end_mask", "ellipsis_mask", "new_axis_mask", "shrink_axis_mask", "var", "name"],
  (
    ctx: EngineContext,
    input_: unknown,
    begin: unknown,
    end: unknown,
    strides: unknown = null,
    begin_mask: number = 0,
    end_mask: number = 0,
    ellipsis_mask: number = 0,
    new_axis_mask: number = 0,
    shrink_axis_mask: number = 0,
    var_: unknown = null,
    name: Name = null,
  ): Tensor => {
    if (strides === null || strides === undefined) strides = onesLike(ctx, begin, null, null);
    return op1(
      ctx,
      "StridedSlice",
      [input_, begin, end, strides],
      { begin_mask: begin_mask, end_mask: end_mask, ellipsis_mask: ellipsis_mask, new_axis_mask: new_axis_mask, shrink_axis_mask: shrink_axis_mask },
      name,
    );
  },
);

/**
 * Gathers slices of `params` along `axis` (default 0) at `indices` (op GatherV2).
 * @example
 * const rows = tf.gather(embeddings, [0, 2]);
 */
export const gather = pyfunc(
  "gather",
  ["params", "indices", "validate_indices", "name", "axis", "batch_dims"],
  (
    ctx: EngineContext,
    params: unknown,
    indices: unknown,
    validate_indices: unknown = null,
    name: Name = null,
    axis: unknown = null,
    batch_dims: number = 0,
  ): Tensor => {
    if (batch_dims !== 0) throw new NotImplementedError("tf.gather with batch_dims is not supported in the playground");
    return op1(ctx, "GatherV2", [params, indices, axis ?? batch_dims], { batch_dims: batch_dims }, name);
  },
);

/**
 * Pads with `constant_values` (op Pad when 0, else PadV2), or with the tensor's mirror image
 * (`mode` "REFLECT" or "SYMMETRIC": op MirrorPad): `paddings[d] = [before, after]`.
 * @example
 * const p = tf.pad(t, [[1, 1], [2, 2]]);
 * const r = tf.pad(t, [[1, 1], [2, 2]], "REFLECT");
 */
export const pad = pyfunc(
  "pad",
  ["tensor", "paddings", "mode", "name", "constant_values"],
  (ctx: EngineContext, tensor: unknown, paddings: unknown, mode: string = "CONSTANT", name: Name = null, constant_values: unknown = 0): Tensor => {
    const m = String(mode).toUpperCase();
    if (m === "CONSTANT") {
      if (!isTensorLike(constant_values) && Number(unbox(constant_values as number)) === 0) return op1(ctx, "Pad", [tensor, paddings], {}, name);
      return op1(ctx, "PadV2", [tensor, paddings, constant_values], {}, name);
    }
    if (m === "REFLECT" || m === "SYMMETRIC") return op1(ctx, "MirrorPad", [tensor, paddings], { mode: m }, name);
    throw new ValueError(`Unknown padding mode: ${m}`);
  },
);

/**
 * Broadcasts `input` to `shape` with numpy's rules.
 * @example
 * const b = tf.broadcast_to([1, 2, 3], [2, 3]);
 */
export const broadcast_to = pyfunc(
  "broadcast_to",
  ["input", "shape", "name"],
  (ctx: EngineContext, input: unknown, shape: unknown, name: Name = null): Tensor => op1(ctx, "BroadcastTo", [input, shape], {}, name),
);

/**
 * The inverse permutation: `y[x[i]] = i`.
 * @example
 * const inv = tf.invert_permutation([2, 0, 1]); // [1, 2, 0]
 */
export const invert_permutation = pyfunc("invert_permutation", ["x", "name"], (ctx: EngineContext, x: unknown, name: Name = null): Tensor =>
  op1(ctx, "InvertPermutation", [x], {}, name),
);

/**
 * The shapes of several tensors at once (one ShapeN op).
 * @example
 * const [sa, sb] = tf.shape_n([a, b]);
 */
export const shape_n = pyfunc(
  "shape_n",
  ["input", "out_type", "name"],
  (ctx: EngineContext, input: unknown[], out_type: DTypeLike = int32, name: Name = null): Tensor[] =>
    applyOp(ctx, "ShapeN", [input], { out_type: asDType(out_type) }, name).outputs.slice(),
);

/**
 * The values of 1-D `x` that are not in `y`, and their indices in `x` (deprecated in TF 1.14).
 * @example
 * const [out, idx] = tf.setdiff1d([1, 2, 3, 4], [2, 4]); // [1, 3], [0, 2]
 */
export const setdiff1d = pyfunc(
  "setdiff1d",
  ["x", "y", "index_dtype", "name"],
  (ctx: EngineContext, x: unknown, y: unknown, index_dtype: DTypeLike = int32, name: Name = null): Tensor[] =>
    applyOp(ctx, "ListDiff", [x, y], { out_idx: asDType(index_dtype) }, name).outputs.slice(),
);

/**
 * Sums the rows of `data` sharing a segment id (row i of the result: id i; negative ids dropped).
 * @example
 * const s = tf.unsorted_segment_sum([1, 2, 3], [0, 1, 0], 2); // [4, 2]
 */
export const unsorted_segment_sum = pyfunc(
  "unsorted_segment_sum",
  ["data", "segment_ids", "num_segments", "name"],
  (ctx: EngineContext, data: unknown, segment_ids: unknown, num_segments: unknown, name: Name = null): Tensor =>
    op1(ctx, "UnsortedSegmentSum", [data, segment_ids, num_segments], {}, name),
);
