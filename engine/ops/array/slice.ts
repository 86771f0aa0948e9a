/**
 * Slicing: Slice (tf.slice), StridedSlice (tf.strided_slice) and StridedSliceGrad (its
 * gradient). Shape functions: TF's SliceShape and StridedSlice shape function; kernel errors:
 * slice_op.cc and ValidateStridedSliceOp; gradients: array_grad.py's _SliceGrad,
 * _StridedSliceGrad, _StridedSliceGradGrad.
 */
import { DType } from "../../dtypes.js";
import { InvalidArgumentError, UnimplementedError } from "../../errors.js";
import { defineOp, KernelContext } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import type { Tensor } from "../../graph.js";
import { Dim, TensorShape, stridesOf } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { copyBlock, fillBuffer, intsOf } from "../support/array_kernels.js";
import { StridedSliceMasks, StridedSliceSpec, validateStridedSlice } from "../support/strided_spec.js";
import { refOfT, uninitialized } from "../state/variables.js";


export const Slice = defineOp<{ T: DType; Index: DType }>({
  type: "Slice",
  doc: "The block of `input` starting at `begin` with `size` elements per dimension (-1: to the end).",
  inputs: [
    { name: "input", typeAttr: "T" },
    { name: "begin", typeAttr: "Index" },
    { name: "size", typeAttr: "Index" },
  ],
  typeAttrs: { T: TYPES.any, Index: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    let input = c.shapes[0];
    const beginShape = f.merge(f.withRank(c.shapes[1], 1), f.withRank(c.shapes[2], 1));
    const ndims = beginShape.dims![0];
    if (ndims !== null) input = f.withRank(input, ndims);
    let beginValue = f.shapeFromTensor(1);
    const sizes = f.ints(2);
    if (sizes !== null) {
      beginValue = f.withRank(beginValue, sizes.length);
      const dims: Dim[] = sizes.map((s, i) => {
        const dim = input.dims?.[i] ?? null;
        if (s !== -1) {
          if (s < 0) f.fail(`Out of bounds slicing on dimension ${i} of length ${dim === null ? -1 : dim}: sizes vector cannot be < -1, but was ${s}`);
          return s;
        }
        const b = beginValue.dims![i];
        if (dim === null || b === null) return null;
        if (dim - b < 0) f.fail(`Negative dimension size caused by subtracting ${b} from ${dim}`);
        return dim - b;
      });
      return [new TensorShape(dims)];
    }
    const sizesValue = f.shapeFromTensor(2);
    if (sizesValue.dims !== null) {
      f.withRank(beginValue, sizesValue.dims.length);
      return [sizesValue];
    }
    return [input.dims === null ? TensorShape.unknown() : new TensorShape(new Array<Dim>(input.dims.length).fill(null))];
  },
  kernel: ([x, beginT, sizeT], k) => {
    const rank = x.shape.length;
    if (beginT.shape.length !== 1 || sizeT.shape.length !== 1 || beginT.size !== rank || sizeT.size !== rank) {
      throw new InvalidArgumentError(
        `Expected begin and size arguments to be 1-D tensors of size ${rank}, but got shapes ${dimsString(beginT.shape)} and ${dimsString(sizeT.shape)} instead.`,
        k.op.name,
      );
    }
    const begin = intsOf(beginT);
    const size = intsOf(sizeT);
    for (let i = 0; i < rank; i++) {
      const dim = x.shape[i];
      const b = begin[i];
      if (size[i] === -1) size[i] = dim - b;
      const s = size[i];
      if (dim === 0) {
        if (!(b === 0 && s === 0)) {
          throw new InvalidArgumentError(`Expected begin[${i}] == 0 (got ${b}) and size[${i}] == 0 (got ${s}) when input.dim_size(${i}) == 0`, k.op.name);
        }
      } else {
        if (!(b >= 0 && b <= dim)) throw new InvalidArgumentError(`Expected begin[${i}] in [0, ${dim}], but got ${b}`, k.op.name);
        if (!(s >= 0 && b + s <= dim)) throw new InvalidArgumentError(`Expected size[${i}] in [0, ${dim - b}], but got ${s}`, k.op.name);
      }
    }
    const inStrides = stridesOf(x.shape);
    let off = 0;
    for (let i = 0; i < rank; i++) off += begin[i] * inStrides[i];
    const out = k.alloc(x.dtype, size);
    copyBlock(x.data, off, inStrides, out.data, 0, stridesOf(size), size);
    return out;
  },
  // TF's _SliceGrad: pad the gradient back to the input's shape with zeros.
  gradient: (op, [g], b) => {
    const tf = b.tf;
    const [input, begin] = op.inputs;
    const inputRank = tf.rank(input);
    const sliceSize = tf.shape(op.outputs[0]);
    const shape = tf.stack([inputRank, 1]);
    const beforePad = tf.reshape(begin, shape);
    const py = b.py;
    const afterPad = tf.reshape(py.sub(py.sub(tf.shape(input), sliceSize), begin) as Tensor, shape);
    const paddings = tf.concat([beforePad, afterPad], 1);
    return [tf.pad(g!, paddings), null, null];
  },
});

type SliceAttrs = StridedSliceMasks & { T: DType; Index: DType };

/** The StridedSlice shape function (TF's, in array_ops.cc). */
function stridedSliceShape(f: ShapeFn, inputIdx: number, input: TensorShape, masks: StridedSliceMasks): TensorShape {
  const c = f.c;
  let b = f.withRank(c.shapes[inputIdx + 1], 1);
  b = f.merge(b, f.withRank(c.shapes[inputIdx + 2], 1));
  b = f.merge(b, f.withRank(c.shapes[inputIdx + 3], 1));
  const sparseDims = b.dims![0];
  const strides = f.ints(inputIdx + 3);
  if (input.dims === null || sparseDims === null || strides === null) return TensorShape.unknown();
  const begin = f.ints(inputIdx + 1);
  const end = f.ints(inputIdx + 2);
  const spec = checkedSpec(begin, end, strides, input.dims.map((d) => d ?? -1), masks, (m) => f.fail(m));
  return new TensorShape(spec.final.map((d) => (d < 0 ? null : d)));
}

/** TF's size checks on begin/end/strides, then the spec (or `fail`). */
function checkedSpec(
  begin: number[] | null,
  end: number[] | null,
  strides: number[],
  inputShape: number[],
  masks: StridedSliceMasks,
  fail: (msg: string) => never,
): StridedSliceSpec {
  const n = strides.length;
  const beginWrong = begin !== null && !(begin.length === n && n < 32);
  const endWrong = end !== null && end.length !== n;
  if (beginWrong || endWrong) {
    fail(
      begin !== null && end !== null
        ? `Expected begin, end, and strides to be 1D equal size tensors, but got shapes [${begin.length}], [${end.length}], and [${n}] instead.`
        : `Expected begin, end, and strides to be 1D equal size tensors, but got shape [${n}] for strides.`,
    );
  }
  const spec = validateStridedSlice(begin, end, strides, inputShape, masks);
  if (typeof spec === "string") fail(spec);
  return spec;
}

function masksOf(a: StridedSliceMasks): StridedSliceMasks & Record<string, number> {
  return {
    begin_mask: a.begin_mask,
    end_mask: a.end_mask,
    ellipsis_mask: a.ellipsis_mask,
    new_axis_mask: a.new_axis_mask,
    shrink_axis_mask: a.shrink_axis_mask,
  };
}

/** The kernel's spec for concrete inputs, with TF's errors. */
function kernelSpec(x: readonly number[], beginT: NDArray, endT: NDArray, stridesT: NDArray, k: KernelContext<StridedSliceMasks>): StridedSliceSpec {
  if (stridesT.shape.length !== 1 || beginT.shape.length !== 1 || endT.shape.length !== 1) {
    throw new InvalidArgumentError(
      `Expected begin, end, and strides to be 1D equal size tensors, but got shapes ${dimsString(beginT.shape)}, ${dimsString(endT.shape)}, and ${dimsString(stridesT.shape)} instead.`,
      k.op.name,
    );
  }
  return checkedSpec(intsOf(beginT), intsOf(endT), intsOf(stridesT), x.slice(), masksOf(k.attrs), (m) => {
    throw new InvalidArgumentError(m, k.op.name);
  });
}

/** Source offset and strides of a dense spec over a tensor of `shape`. */
function specStrides(spec: StridedSliceSpec, shape: readonly number[]): { off: number; strides: number[] } {
  const base = stridesOf(shape);
  let off = 0;
  const strides = base.map((s, i) => {
    off += spec.begin[i] * s;
    return spec.strides[i] * s;
  });
  return { off, strides };
}

const SLICE_ATTR_DEFAULTS = { begin_mask: 0, end_mask: 0, ellipsis_mask: 0, new_axis_mask: 0, shrink_axis_mask: 0 };
export { SLICE_ATTR_DEFAULTS };

export const StridedSlice = defineOp<SliceAttrs>({
  type: "StridedSlice",
  doc: "Python-style slicing `input[begin:end:strides]` per dimension, with masks for `:`, `...`, `newaxis` and single indices.",
  inputs: [
    { name: "input", typeAttr: "T" },
    { name: "begin", typeAttr: "Index" },
    { name: "end", typeAttr: "Index" },
    { name: "strides", typeAttr: "Index" },
  ],
  typeAttrs: { T: TYPES.any, Index: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    return [stridedSliceShape(f, 0, c.shapes[0], masksOf(c.attrs))];
  },
  kernel: ([x, beginT, endT, stridesT], k) => {
    const spec = kernelSpec(x.shape, beginT, endT, stridesT, k);
    const { off, strides } = specStrides(spec, x.shape);
    const out = k.alloc(x.dtype, spec.final);
    copyBlock(x.data, off, strides, out.data, 0, stridesOf(spec.processing), spec.processing);
    return out;
  },
  gradient: (op, [g], b) => {
    const tf = b.tf;
    const [input, begin, end, strides] = op.inputs;
    const x = tf.shape(input, { out_type: begin.dtype.base_dtype });
    return [b.gen("StridedSliceGrad", [x, begin, end, strides, g!], masksOf(op.attrs as unknown as StridedSliceMasks)), null, null, null];
  },
});

export const StridedSliceGrad = defineOp<SliceAttrs>({
  type: "StridedSliceGrad",
  doc: "The gradient of StridedSlice: `dy` scattered back into zeros of `shape`.",
  inputs: [
    { name: "shape", typeAttr: "Index" },
    { name: "begin", typeAttr: "Index" },
    { name: "end", typeAttr: "Index" },
    { name: "strides", typeAttr: "Index" },
    { name: "dy", typeAttr: "T" },
  ],
  typeAttrs: { T: TYPES.any, Index: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[4]],
  inferShape: (c) => [new ShapeFn(c).shapeFromTensor(0)],
  kernel: ([shapeT, beginT, endT, stridesT, dy], k) => {
    const shape = intsOf(shapeT);
    const spec = kernelSpec(shape, beginT, endT, stridesT, k);
    const out = k.alloc(dy.dtype, shape);
    fillBuffer(out.data, dy.dtype.name === "string" ? "" : 0);
    const { off, strides } = specStrides(spec, shape);
    copyBlock(dy.data, 0, stridesOf(spec.processing), out.data, off, strides, spec.processing);
    return out;
  },
  gradient: (op, [g], b) => {
    const [, begin, end, strides] = op.inputs;
    return [null, null, null, null, b.tf.strided_slice(g!, begin, end, strides, masksOf(op.attrs as unknown as StridedSliceMasks))];
  },
});

export const StridedSliceAssign = defineOp<SliceAttrs>({
  type: "StridedSliceAssign",
  doc: "Writes `value` into the slice `ref[begin:end:strides]` of a variable (a side effect): Python's `v[1:3].assign(value)`.",
  inputs: [
    { name: "ref", typeAttr: "T", ref: true },
    { name: "begin", typeAttr: "Index" },
    { name: "end", typeAttr: "Index" },
    { name: "strides", typeAttr: "Index" },
    { name: "value", typeAttr: "T" },
  ],
  typeAttrs: { T: TYPES.any, Index: TYPES.intIndex },
  effects: ["writes-variable"],
  inferDtype: refOfT,
  // TF's UnchangedShape: the whole variable comes out.
  inferShape: (c) => [c.shapes[0]],
  kernel: ([, beginT, endT, stridesT, value], k) => {
    const cell = k.cell(0);
    const old = cell.value;
    if (old === null) throw uninitialized(cell, k.op.name);
    const spec = kernelSpec(old.shape, beginT, endT, stridesT, k);
    if (spec.final.length !== value.shape.length || spec.final.some((d, i) => d !== value.shape[i])) {
      throw new UnimplementedError(
        `sliced l-value shape ${dimsString(spec.final)} does not match r-value shape ${dimsString(value.shape)}. Automatic broadcasting not yet implemented.`,
        k.op.name,
      );
    }
    const before = k.recording ? k.summarize(old) : undefined;
    const { off, strides } = specStrides(spec, old.shape);
    copyBlock(value.data, 0, stridesOf(spec.processing), old.data, off, strides, spec.processing);
    if (k.recording) k.effect("assign", cell.name, before, k.summarize(old));
    return old;
  },
  gradient: null,
});
