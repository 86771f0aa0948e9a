/**
 * Ops about shapes: Size, Rank, ExpandDims, Squeeze, BroadcastTo. Shape functions and kernel
 * errors follow tensorflow/core/ops/array_ops.cc and kernels/{shape_ops,broadcast_to_op}.cc;
 * gradients follow array_grad.py.
 */
import { DType, int32 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import type { Operation, Tensor } from "../../graph.js";
import { Dim, TensorShape, stridesOf } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { copyBlock, intsOf, reshaped } from "../support/array_kernels.js";
import type { GradientBuilders } from "../../gradients/builders.js";


/** TF's `_ReshapeToInput`: the gradient reshaped to the shape of input 0. */
function reshapeToInput(op: Operation, grad: Tensor, b: GradientBuilders): Tensor {
  const tf = b.tf;
  return tf.reshape(grad, tf.shape(op.inputs[0]));
}

export const Size = defineOp<{ T: DType; out_type: DType }>({
  type: "Size",
  doc: "The number of elements of `input`, as a scalar.",
  inputs: [{ name: "input", typeAttr: "T" }],
  typeAttrs: { T: TYPES.any },
  effects: [],
  readsShapesOnly: true,
  inferDtype: (c) => [c.attrs.out_type],
  inferShape: () => [TensorShape.scalar()],
  kernel: ([x], k) => {
    const out = k.alloc(k.attrs.out_type, []);
    (out.data as Int32Array | Float64Array)[0] = x.size;
    return out;
  },
  gradient: null,
});

export const Rank = defineOp<{ T: DType }>({
  type: "Rank",
  doc: "The number of dimensions of `input`, as a scalar int32.",
  inputs: [{ name: "input", typeAttr: "T" }],
  typeAttrs: { T: TYPES.any },
  effects: [],
  readsShapesOnly: true,
  inferDtype: () => [int32],
  inferShape: () => [TensorShape.scalar()],
  kernel: ([x], k) => {
    const out = k.alloc(int32, []);
    (out.data as Int32Array)[0] = x.shape.length;
    return out;
  },
  gradient: null,
});

export const ExpandDims = defineOp<{ T: DType; Tdim: DType }>({
  type: "ExpandDims",
  doc: "Inserts a dimension of size 1 into `input`'s shape at index `dim`.",
  inputs: [
    { name: "input", typeAttr: "T" },
    { name: "dim", typeAttr: "Tdim" },
  ],
  typeAttrs: { T: TYPES.any, Tdim: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const dimT = f.tensor(1);
    if (dimT !== null && dimT.size !== 1) f.fail("'dim' input must be a tensor with a single value");
    const input = c.shapes[0];
    if (dimT === null || input.dims === null) return [TensorShape.unknown()];
    let dim = Number(dimT.data[0]);
    const rank = input.dims.length;
    const minDim = -1 * rank - 1;
    if (dim < minDim || dim > rank) f.fail(`dim ${dim} not in the interval [${minDim}, ${rank}].`);
    if (dim < 0) dim += rank + 1;
    return [new TensorShape([...input.dims.slice(0, dim), 1, ...input.dims.slice(dim)])];
  },
  kernel: ([x, dimT], k) => {
    if (dimT.size !== 1) throw new InvalidArgumentError("'dim' must be a tensor with a single value", k.op.name);
    let dim = Number(dimT.data[0]);
    const rank = x.shape.length;
    if (!(dim >= -1 - rank && dim <= rank)) {
      throw new InvalidArgumentError(`Tried to expand dim index ${dim} for tensor with ${rank} dimensions.`, k.op.name);
    }
    if (dim < 0) dim += rank + 1;
    return reshaped(x, [...x.shape.slice(0, dim), 1, ...x.shape.slice(dim)], k);
  },
  gradient: (op, [g], b) => [reshapeToInput(op, g!, b), null],
});

export const Squeeze = defineOp<{ T: DType; squeeze_dims: number[] }>({
  type: "Squeeze",
  doc: "Removes dimensions of size 1 (all of them, or those listed in `squeeze_dims`).",
  inputs: [{ name: "input", typeAttr: "T" }],
  typeAttrs: { T: TYPES.any },
  effects: [],
  scalarPassThrough: { input: 0, sameBuffer: true },
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const input = c.shapes[0];
    if (input.dims === null) return [TensorShape.unknown()];
    const rank = input.dims.length;
    const squeeze = c.attrs.squeeze_dims.map((d, i) => {
      if (d < -rank || d >= rank) f.fail(`squeeze_dims[${i}] not in [${-rank},${rank}).`);
      return d < 0 ? d + rank : d;
    });
    const out: Dim[] = [];
    for (let i = 0; i < rank; i++) {
      const explicit = squeeze.includes(i);
      const dim = input.dims[i];
      if (dim === null) {
        if (explicit) continue;
        if (squeeze.length === 0) return [TensorShape.unknown()];
      } else if (dim === 1) {
        if (explicit || squeeze.length === 0) continue;
      } else if (explicit) {
        f.fail(`Can not squeeze dim[${i}], expected a dimension of 1, got ${dim}`);
      }
      out.push(dim);
    }
    return [new TensorShape(out)];
  },
  kernel: ([x], k) => {
    const rank = x.shape.length;
    const wrapped = new Set<number>();
    for (const d of k.attrs.squeeze_dims) {
      const w = d < 0 ? d + rank : d;
      if (w < 0 || w >= rank) throw new InvalidArgumentError(`Tried to squeeze dim index ${d} for tensor with ${rank} dimensions.`, k.op.name);
      wrapped.add(w);
    }
    const out: number[] = [];
    x.shape.forEach((d, i) => {
      if (wrapped.size === 0) {
        if (d !== 1) out.push(d);
      } else if (wrapped.has(i)) {
        if (d !== 1) throw new InvalidArgumentError(`Can not squeeze dim[${i}], expected a dimension of 1, got ${d}`, k.op.name);
      } else {
        out.push(d);
      }
    });
    return reshaped(x, out, k);
  },
  gradient: (op, [g], b) => [reshapeToInput(op, g!, b)],
});

export const BroadcastTo = defineOp<{ T: DType; Tidx: DType }>({
  type: "BroadcastTo",
  doc: "Broadcasts `input` to `shape` with numpy's rules (dims of size 1 repeat).",
  inputs: [
    { name: "input", typeAttr: "T" },
    { name: "shape", typeAttr: "Tidx" },
  ],
  typeAttrs: { T: TYPES.any, Tidx: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    f.withRank(c.shapes[1], 1);
    const out = f.shapeFromTensor(1);
    const input = c.shapes[0];
    if (out.dims === null || input.dims === null) return [out];
    const outRank = out.dims.length;
    f.withRankAtMost(input, outRank);
    const dims = out.dims.slice();
    const inRank = input.dims.length;
    for (let i = 0; i < inRank; i++) {
      const inDim = input.dims[inRank - i - 1];
      if (inDim !== null && inDim > 1) dims[outRank - i - 1] = f.mergeDim(inDim, dims[outRank - i - 1]);
    }
    return [new TensorShape(dims)];
  },
  kernel: ([x, shapeT], k) => {
    const outShape = intsOf(shapeT);
    const r = outShape.length;
    const inShape = x.shape;
    if (inShape.length > r) {
      throw new InvalidArgumentError(`Rank of input (${inShape.length}) must be no greater than rank of output shape (${r}).`, k.op.name);
    }
    const inStrides = stridesOf(inShape);
    const srcStrides = new Array<number>(r).fill(0);
    for (let i = 0; i < inShape.length; i++) {
      const j = r - inShape.length + i;
      const din = inShape[i];
      const dout = outShape[j];
      if (din !== dout && din !== 1 && dout !== 1) {
        throw new InvalidArgumentError(`Incompatible shapes: ${dimsString(inShape)} vs. ${dimsString(outShape)}`, k.op.name);
      }
      if (din !== dout && din !== 1) {
        throw new InvalidArgumentError(`Unable to broadcast tensor of shape ${dimsString(inShape)} to tensor of shape ${dimsString(outShape)}`, k.op.name);
      }
      srcStrides[j] = din === 1 ? 0 : inStrides[i];
    }
    const out = k.alloc(x.dtype, outShape);
    copyBlock(x.data, 0, srcStrides, out.data, 0, stridesOf(outShape), outShape);
    return out;
  },
  // TF's _BroadcastToGrad: sum over the broadcast axes, keepdims, then reshape to the input.
  gradient: (op, [g], b) => {
    const tf = b.tf;
    const [x, shape] = op.inputs;
    const inputShape = tf.shape(x);
    const [, axes] = tf.broadcast_gradient_args(shape, inputShape);
    const summed = tf.reduce_sum(g!, { axis: axes, keepdims: true });
    return [tf.reshape(summed, inputShape), null];
  },
});
