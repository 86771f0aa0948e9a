/**
 * Split (tf.split into equal parts) and SplitV (tf.split into given sizes, one of them -1 for
 * "the rest"). Shape functions and their errors: array_ops.cc; kernel errors: split_op.cc,
 * split_v_op.cc. Gradients (array_grad.py): the output gradients concatenated along the axis
 * (missing ones are zeros, which gradients.ts fills in for every output of a multi-output op).
 */
import { DType, int32 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import type { Tensor } from "../../graph.js";
import { Dim, TensorShape, stridesOf } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { allocOutput, copyBlock, intsOf } from "../support/array_kernels.js";

/** TF's `MakeDimForScalarInputWithNegativeIndexing`: the axis, or null when not constant. */
function axisOf(f: ShapeFn, i: number, rank: number | null): number | null {
  f.withRank(f.c.shapes[i], 0);
  const t = f.tensor(i);
  if (t === null) return null;
  const v = Number(t.data[0]);
  if (rank === null) return v < 0 ? null : v;
  if (v < -rank || v >= rank) f.fail(`Dimension size, given by scalar input ${v} must be in range [-${rank}, ${rank})`);
  return v < 0 ? v + rank : v;
}

/** Copies consecutive slabs of `x` along `axis`, of the given sizes, into outputs 0, 1, ... */
function splitKernel(x: NDArray, axis: number, sizes: readonly number[], k: Parameters<typeof allocOutput>[0]): NDArray[] {
  const strides = stridesOf(x.shape);
  const outs: NDArray[] = [];
  let at = 0;
  sizes.forEach((size, i) => {
    const shape = x.shape.slice();
    shape[axis] = size;
    const o = allocOutput(k, i, x.dtype, shape);
    copyBlock(x.data, at * strides[axis], strides, o.data, 0, stridesOf(shape), shape);
    at += size;
    outs.push(o);
  });
  return outs;
}

/** The kernels' axis check: `-input rank(-r) <= split_dim < input rank (r), but got a`. */
function kernelAxis(x: NDArray, axisT: NDArray, opName: string): number {
  const r = x.shape.length;
  const a = Number(axisT.data[0]);
  const axis = a < 0 ? a + r : a;
  if (!(axis >= 0 && axis < r)) throw new InvalidArgumentError(`-input rank(-${r}) <= split_dim < input rank (${r}), but got ${a}`, opName);
  return axis;
}

export const Split = defineOp<{ T: DType; num_split: number }>({
  type: "Split",
  doc: "Splits `value` along `split_dim` into `num_split` tensors of equal size.",
  inputs: [
    { name: "split_dim", dtype: int32 },
    { name: "value", typeAttr: "T" },
  ],
  typeAttrs: { T: TYPES.any },
  effects: [],
  inferDtype: (c) => new Array(c.attrs.num_split).fill(c.dtypes[1]),
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const n = c.attrs.num_split;
    const input = c.shapes[1];
    const axis = axisOf(f, 0, input.ndims);
    let out: TensorShape;
    if (axis === null) out = input.dims === null ? TensorShape.unknown() : new TensorShape(new Array<Dim>(input.dims.length).fill(null));
    else {
      const dims = f.withRankAtLeast(input, axis + 1).dims!.slice();
      const d = dims[axis];
      if (d !== null && d % n !== 0) {
        f.fail(`Dimension size must be evenly divisible by ${n} but is ${d}\n\tNumber of ways to split should evenly divide the split dimension`);
      }
      dims[axis] = d === null ? null : d / n;
      out = new TensorShape(dims);
    }
    return new Array(n).fill(out);
  },
  kernel: ([axisT, x], k) => {
    const axis = kernelAxis(x, axisT, k.op.name);
    const n = k.attrs.num_split;
    const size = x.shape[axis];
    if (size % n !== 0) {
      throw new InvalidArgumentError(`Number of ways to split should evenly divide the split dimension, but got split_dim ${axis} (size = ${size}) and num_split ${n}`, k.op.name);
    }
    return splitKernel(x, axis, new Array<number>(n).fill(size / n), k);
  },
  gradient: (op, grads, b) => [null, b.tf.concat(grads as Tensor[], op.inputs[0])],
});

export const SplitV = defineOp<{ T: DType; Tlen: DType; num_split: number }>({
  type: "SplitV",
  doc: "Splits `value` along `split_dim` into pieces of the sizes `size_splits` (one may be -1: the rest).",
  inputs: [
    { name: "value", typeAttr: "T" },
    { name: "size_splits", typeAttr: "Tlen" },
    { name: "split_dim", dtype: int32 },
  ],
  typeAttrs: { T: TYPES.any, Tlen: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => new Array(c.attrs.num_split).fill(c.dtypes[0]),
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const n = c.attrs.num_split;
    const input = c.shapes[0];
    const axis = axisOf(f, 2, input.ndims);
    if (input.dims === null) return new Array(n).fill(TensorShape.unknown());
    if (input.dims.length === 0) f.fail("Can't split scalars");
    const sizes = f.ints(1);
    if (sizes === null) {
      if (axis === null) return new Array(n).fill(new TensorShape(new Array<Dim>(input.dims.length).fill(null)));
      const dims = input.dims.slice();
      dims[axis] = null;
      return new Array(n).fill(new TensorShape(dims));
    }
    const dims = f.withRankAtLeast(input, (axis ?? 0) + 1).dims!;
    if (sizes.length !== n) f.fail("Length of size_splits should be equal to num_outputs");
    let total = 0;
    let negOne = false;
    for (const s of sizes) {
      if (s === -1) {
        if (negOne) f.fail("size_splits can only have one -1");
        negOne = true;
      } else total += s;
    }
    const d = axis === null ? null : dims[axis];
    const outs = sizes.map((s) => {
      const o = dims.slice();
      if (axis === null) return new TensorShape(o.map(() => null));
      o[axis] = s === -1 ? (d === null ? null : d - total) : s;
      return new TensorShape(o);
    });
    if (d !== null && (negOne ? total > d : total !== d)) f.fail(`can't split axis of size ${d} into pieces of size [${sizes.join(",")}]`);
    return outs;
  },
  kernel: ([x, sizesT, axisT], k) => {
    const axis = kernelAxis(x, axisT, k.op.name);
    const n = k.attrs.num_split;
    const sizes = intsOf(sizesT).slice();
    const size = x.shape[axis];
    if (sizesT.shape.length !== 1 || sizesT.shape[0] !== n) {
      throw new InvalidArgumentError(`size_splits must have exactly num_split elements, but it has ${sizesT.size}`, k.op.name);
    }
    let total = 0;
    let neg = -1;
    sizes.forEach((s, i) => {
      if (s === -1) {
        if (neg !== -1) throw new InvalidArgumentError(`There can only be one -1 in the input.`, k.op.name);
        neg = i;
      } else total += s;
    });
    if ((neg === -1 && total !== size) || (neg !== -1 && total > size)) {
      throw new InvalidArgumentError(
        `Determined shape must either match input shape along split_dim exactly if fully specified, or be less than the size of the input along split_dim if not fully specified.  Got: ${total}`,
        k.op.name,
      );
    }
    if (neg !== -1) sizes[neg] = size - total;
    for (const s of sizes) if (s < 0) throw new InvalidArgumentError(`Split size ${s} must be non-negative; input shape ${dimsString(x.shape)}`, k.op.name);
    return splitKernel(x, axis, sizes, k);
  },
  gradient: (op, grads, b) => [b.tf.concat(grads as Tensor[], op.inputs[2]), null, null],
});
