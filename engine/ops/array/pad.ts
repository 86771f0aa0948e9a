/**
 * Growing a tensor: Pad / PadV2 (constant padding) and Tile. Shape functions: TF's PadShapeFn
 * and Tile's; kernel errors: pad_op.cc, tile_ops.cc; gradients: array_grad.py's _PadGrad and
 * _TileGrad.
 */
import { DType } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, KernelContext } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import type { Operation, Tensor } from "../../graph.js";
import { Dim, TensorShape, stridesOf } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { copyBlock, fillBuffer, intsOf } from "../support/array_kernels.js";
import type { GradientBuilders } from "../../gradients/builders.js";


/** TF's PadShapeFn (shared by Pad and PadV2). */
function padShape(f: ShapeFn): TensorShape[] {
  const c = f.c;
  const paddings = f.withRank(c.shapes[1], 2);
  const cols = paddings.dims![1];
  if (cols !== null && cols !== 2) f.fail(`Dimension must be 2 but is ${cols}`);
  let input = c.shapes[0];
  const nDim = paddings.dims![0];
  if (nDim !== null) input = f.withRank(input, nDim);
  const p = f.tensor(1);
  if (p === null) {
    const r = nDim ?? input.ndims;
    return [r === null ? TensorShape.unknown() : new TensorShape(new Array<Dim>(r).fill(null))];
  }
  const numDims = p.shape[0];
  input = f.withRank(input, numDims);
  const pd = p.data as Int32Array;
  const dims: Dim[] = [];
  for (let i = 0; i < numDims; i++) {
    const a = pd[2 * i];
    const b = pd[2 * i + 1];
    if (a < 0 || b < 0) f.fail("Paddings must be non-negative");
    const d = input.dims![i];
    dims.push(d === null ? null : d + a + b);
  }
  return [new TensorShape(dims)];
}

/** The Pad kernel: `value` everywhere, `x` copied into the interior. */
function padKernel(x: NDArray, paddingsT: NDArray, value: number | string, k: KernelContext<unknown>): NDArray {
  const dims = x.shape.length;
  if (paddingsT.shape.length !== 2 || paddingsT.shape[1] !== 2) {
    throw new InvalidArgumentError(`paddings must be a matrix with 2 columns: ${dimsString(paddingsT.shape)}`, k.op.name);
  }
  if (paddingsT.shape[0] !== dims) {
    throw new InvalidArgumentError(
      `The first dimension of paddings must be the rank of inputs${dimsString(paddingsT.shape)} ${dimsString(x.shape)}`,
      k.op.name,
    );
  }
  const p = intsOf(paddingsT);
  const outShape: number[] = [];
  for (let i = 0; i < dims; i++) {
    const before = p[2 * i];
    const after = p[2 * i + 1];
    if (before < 0 || after < 0) throw new InvalidArgumentError(`Paddings must be non-negative: ${before} ${after}`, k.op.name);
    outShape.push(x.shape[i] + before + after);
  }
  const out = k.alloc(x.dtype, outShape);
  fillBuffer(out.data, value);
  const outStrides = stridesOf(outShape);
  let off = 0;
  for (let i = 0; i < dims; i++) off += p[2 * i] * outStrides[i];
  copyBlock(x.data, 0, stridesOf(x.shape), out.data, off, outStrides, x.shape);
  return out;
}

/** TF's _PadGrad: slice the input's block back out of the gradient. */
function padGrad(op: Operation, g: Tensor, b: GradientBuilders): Tensor {
  const tf = b.tf;
  const [x, a] = op.inputs;
  const padBefore = tf.slice(a, [0, 0], tf.stack([tf.rank(x), 1]));
  const begin = tf.reshape(padBefore, [-1]);
  const sizes = tf.shape(x);
  return tf.slice(g, begin, sizes);
}

export const Pad = defineOp<{ T: DType; Tpaddings: DType }>({
  type: "Pad",
  doc: "Pads `input` with zeros: `paddings[d] = [before, after]` for each dimension d.",
  inputs: [
    { name: "input", typeAttr: "T" },
    { name: "paddings", typeAttr: "Tpaddings" },
  ],
  typeAttrs: { T: TYPES.any, Tpaddings: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => padShape(new ShapeFn(c)),
  kernel: ([x, paddings], k) => padKernel(x, paddings, x.dtype.name === "string" ? "" : 0, k),
  gradient: (op, [g], b) => [padGrad(op, g!, b), null],
});

export const PadV2 = defineOp<{ T: DType; Tpaddings: DType }>({
  type: "PadV2",
  doc: "Pads `input` with `constant_values`: `paddings[d] = [before, after]` for each dimension d.",
  inputs: [
    { name: "input", typeAttr: "T" },
    { name: "paddings", typeAttr: "Tpaddings" },
    { name: "constant_values", typeAttr: "T" },
  ],
  typeAttrs: { T: TYPES.any, Tpaddings: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    return padShape(f);
  },
  kernel: ([x, paddings, value], k) => {
    if (value.shape.length !== 0) {
      throw new InvalidArgumentError(`constant_values must be a scalar. Got: ${dimsString(value.shape)}`, k.op.name);
    }
    return padKernel(x, paddings, value.data[0] as number | string, k);
  },
  gradient: (op, [g], b) => [padGrad(op, g!, b), null, null],
});

export const Tile = defineOp<{ T: DType; Tmultiples: DType }>({
  type: "Tile",
  doc: "Repeats `input` `multiples[d]` times along each dimension d.",
  inputs: [
    { name: "input", typeAttr: "T" },
    { name: "multiples", typeAttr: "Tmultiples" },
  ],
  typeAttrs: { T: TYPES.any, Tmultiples: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    let input = c.shapes[0];
    let multiples = f.shapeFromTensor(1);
    if (input.dims !== null) {
      multiples = f.withRank(multiples, input.dims.length);
      f.merge(c.shapes[1], new TensorShape([input.dims.length]));
    }
    if (multiples.dims === null) return [TensorShape.unknown()];
    input = f.withRank(input, multiples.dims.length);
    return [new TensorShape(input.dims!.map((d, i) => (d === null || multiples.dims![i] === null ? null : d * multiples.dims![i]!)))];
  },
  kernel: ([x, multiplesT], k) => {
    const rank = x.shape.length;
    if (multiplesT.shape.length !== 1 || multiplesT.size !== rank) {
      throw new InvalidArgumentError(
        `Expected multiples argument to be a vector of length ${rank} but got length ${multiplesT.shape[0] ?? multiplesT.size}`,
        k.op.name,
      );
    }
    const m = intsOf(multiplesT);
    m.forEach((v, i) => {
      if (v < 0) throw new InvalidArgumentError(`Expected multiples[${i}] >= 0, but got ${v}`, k.op.name);
    });
    const outShape = x.shape.map((d, i) => d * m[i]);
    const out = k.alloc(x.dtype, outShape);
    if (out.size === 0) return out;
    // One block copy per tile: walk the multiples' index space.
    const outStrides = stridesOf(outShape);
    const src = stridesOf(x.shape);
    const tile = new Array<number>(rank).fill(0);
    for (;;) {
      let off = 0;
      for (let i = 0; i < rank; i++) off += tile[i] * x.shape[i] * outStrides[i];
      copyBlock(x.data, 0, src, out.data, off, outStrides, x.shape);
      let d = rank - 1;
      for (; d >= 0; d--) {
        if (++tile[d] < m[d]) break;
        tile[d] = 0;
      }
      if (d < 0) return out;
    }
  },
  // TF's _TileGrad: interleave multiples and input shape, reshape, and sum the tiled axes.
  gradient: (op, [g], b) => {
    const tf = b.tf;
    const [x, multiples] = op.inputs;
    const inputShape = tf.shape(x, { out_type: multiples.dtype.base_dtype });
    const splitShape = tf.reshape(tf.transpose(tf.stack([multiples, inputShape])), [-1]);
    const axes = tf.range(0, tf.size(splitShape), 2);
    const inputGrad = tf.reduce_sum(tf.reshape(g!, splitShape), axes);
    inputGrad.set_shape(x.shape);
    return [inputGrad, null];
  },
});
