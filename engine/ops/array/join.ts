/**
 * Joining and splitting along an axis: ConcatV2 (and the ConcatOffset its gradient uses),
 * Pack (tf.stack) and Unpack (tf.unstack). Shape functions follow TF's ConcatShapeHelper and
 * Pack/Unpack shape functions; kernel errors follow concat_op.cc, pack_op.cc, unpack_op.cc.
 */
import { DType, int32 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import type { Operation, Tensor } from "../../graph.js";
import { Dim, TensorShape, stridesOf } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { allocOutput, copyBlock } from "../support/array_kernels.js";
import type { GradientBuilders } from "../../gradients/builders.js";


/** `Subshape(s, start, end)` with TF's negative indexing (end undefined: to the end). */
function subDims(dims: readonly Dim[], start: number, end?: number): Dim[] {
  const r = dims.length;
  const s = start < 0 ? r + start : start;
  const e = end === undefined ? r : end < 0 ? r + end : end;
  return dims.slice(s, e);
}

export const ConcatV2 = defineOp<{ N: number; T: DType; Tidx: DType }>({
  type: "ConcatV2",
  doc: "Concatenates `values` along dimension `axis`.",
  inputs: [
    { name: "values", typeAttr: "T", list: true },
    { name: "axis", typeAttr: "Tidx" },
  ],
  typeAttrs: { T: TYPES.any, Tidx: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const n = c.shapes.length - 1;
    f.withRank(c.shapes[n], 0);
    const axisT = f.tensor(n);
    const values = c.shapes.slice(0, n);
    if (axisT === null) {
      const rank = values.find((s) => s.ndims !== null)?.ndims ?? null;
      if (rank === null) return [TensorShape.unknown()];
      if (rank === 0) f.fail("Can't concatenate scalars (use tf.stack instead)");
      for (const s of values) f.withRank(s, rank);
      return [new TensorShape(new Array<Dim>(rank).fill(null))];
    }
    const axis = Number(axisT.data[0]);
    const minRank = axis < 0 ? -axis : axis + 1;
    let outBefore: TensorShape | null = null;
    let outMiddle: Dim = null;
    let outAfter: TensorShape | null = null;
    for (let i = n - 1; i >= 0; i--) {
      const input = f.withRankAtLeast(values[i], minRank);
      let before: TensorShape;
      let middle: Dim;
      let after: TensorShape;
      if (input.dims === null) {
        before = TensorShape.unknown();
        middle = null;
        after = axis === -1 ? TensorShape.scalar() : TensorShape.unknown();
      } else {
        before = new TensorShape(subDims(input.dims, 0, axis));
        middle = input.dims[axis < 0 ? input.dims.length + axis : axis];
        after = axis === -1 ? TensorShape.scalar() : new TensorShape(subDims(input.dims, axis + 1));
      }
      if (outBefore === null || outAfter === null) {
        outBefore = before;
        outMiddle = middle;
        outAfter = after;
      } else {
        outBefore = f.merge(before, outBefore);
        outMiddle = outMiddle === null || middle === null ? null : outMiddle + middle;
        outAfter = f.merge(after, outAfter);
      }
    }
    if (outBefore!.dims === null || outAfter!.dims === null) return [TensorShape.unknown()];
    return [new TensorShape([...outBefore!.dims, outMiddle, ...outAfter!.dims])];
  },
  kernel: (inputs, k) => {
    const n = inputs.length - 1;
    const values = inputs.slice(0, n);
    const concatDim = Number(inputs[n].data[0]);
    const first = values[0].shape;
    const rank = first.length;
    const axis = concatDim < 0 ? concatDim + rank : concatDim;
    if (!(axis >= 0 && axis < rank)) {
      throw new InvalidArgumentError(
        `ConcatOp : Expected concatenating dimensions in the range [${-rank}, ${rank}), but got ${concatDim}`,
        k.op.name,
      );
    }
    let total = 0;
    values.forEach((v, i) => {
      if (v.shape.length !== rank) {
        throw new InvalidArgumentError(
          `ConcatOp : Ranks of all input tensors should match: shape[0] = ${dimsString(first)} vs. shape[${i}] = ${dimsString(v.shape)}`,
          k.op.name,
        );
      }
      for (let j = 0; j < rank; j++) {
        if (j !== axis && v.shape[j] !== first[j]) {
          throw new InvalidArgumentError(
            `ConcatOp : Dimensions of inputs should match: shape[0] = ${dimsString(first)} vs. shape[${i}] = ${dimsString(v.shape)}`,
            k.op.name,
          );
        }
      }
      total += v.shape[axis];
    });
    const outShape = first.slice();
    outShape[axis] = total;
    const out = k.alloc(values[0].dtype, outShape);
    const outStrides = stridesOf(outShape);
    let offset = 0;
    for (const v of values) {
      copyBlock(v.data, 0, stridesOf(v.shape), out.data, offset * outStrides[axis], outStrides, v.shape);
      offset += v.shape[axis];
    }
    return out;
  },
  // TF's _ConcatGradHelper for a dense gradient and at most 16 inputs: the offset of each
  // input along the axis (ConcatOffset), then one Slice per input.
  gradient: (op, [g], b) => {
    const tf = b.tf;
    const values = op.inputs.slice(0, -1);
    const concatDim = op.inputs[op.inputs.length - 1];
    const nonNeg = tf.floormod(concatDim, tf.rank(values[0]));
    const sizes = extractInputShapes(op, values, b);
    const offsets = b.genOutputs("ConcatOffset", [nonNeg, sizes]);
    const grads: (Tensor | null)[] = offsets.map((begin: Tensor, i: number) => tf.slice(g!, begin, sizes[i]));
    grads.push(null);
    return grads;
  },
});

/** TF's `_ExtractInputShapes`: Const shapes when all are known, else one ShapeN. */
function extractInputShapes(op: Operation, values: Tensor[], b: GradientBuilders): Tensor[] {
  const tf = b.tf;
  const sizes: Tensor[] = [];
  for (const x of values) {
    const s = tf.shape(x);
    if (s.op.type !== "Const") return tf.shape_n(values);
    sizes.push(s);
  }
  return sizes;
}

export const ConcatOffset = defineOp<{ N: number }>({
  type: "ConcatOffset",
  doc: "Where each of the concatenated `shape`s starts in the result (the gradient of concat slices there).",
  inputs: [
    { name: "concat_dim", dtype: int32 },
    { name: "shape", dtype: int32, list: true },
  ],
  effects: [],
  inferDtype: (c) => c.shapes.slice(1).map(() => int32),
  inferShape: (c) => c.shapes.slice(1),
  kernel: ([dimT, ...shapes], k) => {
    const rank = shapes[0].size;
    const raw = Number(dimT.data[0]);
    const axis = raw < 0 ? raw + rank : raw;
    if (!(axis >= 0 && axis < rank)) {
      throw new InvalidArgumentError(`Concat dim is out of range: ${raw} vs. ${rank}`, k.op.name);
    }
    let offset = 0;
    return shapes.map((s, i) => {
      if (s.size !== rank) {
        throw new InvalidArgumentError(`input ${i} should contain ${rank} elements, but got ${s.size}`, k.op.name);
      }
      const out = allocOutput(k, i, int32, [rank]);
      const d = out.data as Int32Array;
      d.fill(0);
      d[axis] = offset;
      offset += Number(s.data[axis]);
      return out;
    });
  },
  gradient: null,
});

export const Pack = defineOp<{ N: number; T: DType; axis: number }>({
  type: "Pack",
  doc: "Stacks `N` tensors of the same shape into one tensor with a new dimension at `axis`.",
  inputs: [{ name: "values", typeAttr: "T", list: true }],
  typeAttrs: { T: TYPES.any },
  effects: [],
  inferDtype: (c) => [c.attrs.T ?? c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const n = c.shapes.length;
    let cur = c.shapes[n - 1];
    for (let i = n - 2; i >= 0; i--) cur = f.merge(c.shapes[i], cur, `From merging shape ${i} with other shapes.`);
    if (cur.dims === null) return [TensorShape.unknown()];
    const rank = cur.dims.length;
    let axis = c.attrs.axis;
    if (axis < -(rank + 1) || axis >= rank + 1) f.fail(`Invalid axis: ${axis}; must be in [${-(rank + 1)},${rank + 1})`);
    if (axis < 0) axis += rank + 1;
    return [new TensorShape([...cur.dims.slice(0, axis), n, ...cur.dims.slice(axis)])];
  },
  kernel: (values, k) => {
    const first = values[0].shape;
    const expanded = first.length + 1;
    let axis = k.attrs.axis;
    if (axis < 0) axis += expanded;
    if (!(axis >= 0 && axis < expanded)) {
      throw new InvalidArgumentError(`axis = ${k.attrs.axis} not in [${-expanded}, ${expanded})`, k.op.name);
    }
    values.forEach((v, i) => {
      if (v.shape.length !== first.length || v.shape.some((d, j) => d !== first[j])) {
        throw new InvalidArgumentError(
          `Shapes of all inputs must match: values[0].shape = ${dimsString(first)} != values[${i}].shape = ${dimsString(v.shape)}`,
          k.op.name,
        );
      }
    });
    const outShape = [...first.slice(0, axis), values.length, ...first.slice(axis)];
    const out = k.alloc(values[0].dtype, outShape);
    const outStrides = stridesOf(outShape);
    // Each input is the output's slab at index i of `axis`: skip that dim in the destination strides.
    const dst = outStrides.filter((_, j) => j !== axis);
    const src = stridesOf(first);
    values.forEach((v, i) => copyBlock(v.data, 0, src, out.data, i * outStrides[axis], dst, first));
    return out;
  },
  gradient: (op, [g], b) => b.tf.unstack(g!, { num: op.attrs.N, axis: op.attrs.axis }),
});

export const Unpack = defineOp<{ num: number; T: DType; axis: number }>({
  type: "Unpack",
  doc: "Splits `value` along `axis` into `num` tensors, each without that dimension.",
  inputs: [{ name: "value", typeAttr: "T" }],
  typeAttrs: { T: TYPES.any },
  effects: [],
  inferDtype: (c) => new Array(c.attrs.num).fill(c.dtypes[0]),
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const s = c.shapes[0];
    let out = TensorShape.unknown();
    if (s.dims !== null) {
      const rank = s.dims.length;
      let axis = c.attrs.axis;
      if (axis < -rank || axis >= rank) f.fail(`Invalid axis: ${axis}; must be in [${-rank},${rank})`);
      if (axis < 0) axis += rank;
      const d = s.dims[axis];
      if (d !== null && d !== c.attrs.num) f.fail(`Dimension must be ${c.attrs.num} but is ${d}`);
      out = new TensorShape(s.dims.filter((_, i) => i !== axis));
    }
    return new Array(c.attrs.num).fill(out);
  },
  kernel: ([x], k) => {
    const rank = x.shape.length;
    let axis = k.attrs.axis;
    if (axis < 0) axis += rank;
    if (!(axis >= 0 && axis < rank)) throw new InvalidArgumentError(`axis = ${k.attrs.axis} not in [${-rank}, ${rank})`, k.op.name);
    const num = k.attrs.num;
    if (!(rank > 0 && x.shape[axis] === num)) {
      throw new InvalidArgumentError(`Input shape axis ${axis} must equal ${num}, got shape ${dimsString(x.shape)}`, k.op.name);
    }
    const outShape = x.shape.filter((_, i) => i !== axis);
    const inStrides = stridesOf(x.shape);
    const src = inStrides.filter((_, i) => i !== axis);
    const dst = stridesOf(outShape);
    const outs: NDArray[] = [];
    for (let i = 0; i < num; i++) {
      const o = allocOutput(k, i, x.dtype, outShape);
      copyBlock(x.data, i * inStrides[axis], src, o.data, 0, dst, outShape);
      outs.push(o);
    }
    return outs;
  },
  gradient: (op, grads, b) => [b.tf.stack(grads as Tensor[], { axis: op.attrs.axis })],
});
