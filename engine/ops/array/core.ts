/**
 * The shape ops every gradient is built from: Shape, Reshape, Fill, ZerosLike and
 * BroadcastGradientArgs. Shape functions follow tensorflow/core/ops/array_ops.cc (TF 1.14),
 * kernel errors reshape_op.h, constant_op.cc (Fill) and bcast.h, gradients array_grad.py.
 */
import { DType, string as stringDType } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import { Dim, TensorShape } from "../../shape.js";
import type { NDArray } from "../../ndarray.js";
import { TYPES, dtypeOfT, sameShapeAsInput0 } from "../support/common.js";
import { MATH_TYPES } from "../support/math_types.js";
import { ShapeFn } from "../support/array_infer.js";
import { allocExtra, sameInts, shapeFromInts, shapeWithInferred, vectorShape, viewOf } from "../support/kernel_util.js";


/** `[2,3]`: TF's C++ `TensorShape::DebugString` of a concrete shape. */
function dimsText(shape: readonly number[]): string {
  return `[${shape.join(",")}]`;
}

export const Shape = defineOp<{ T: DType; out_type: DType }>({
  type: "Shape",
  doc: "The shape of `input` as a 1-D int32 (or `out_type`) tensor, computed when the graph runs.",
  inputs: [{ name: "input", typeAttr: "T" }],
  typeAttrs: { T: TYPES.any },
  effects: [],
  readsShapesOnly: true,
  inferDtype: (c) => [c.attrs.out_type],
  inferShape: (c) => [new TensorShape([c.shapes[0].ndims])],
  kernel: ([x], k) => {
    const out = k.alloc(k.attrs.out_type, vectorShape(x.shape.length));
    const d = out.data as Int32Array | Float64Array;
    for (let i = 0; i < x.shape.length; i++) d[i] = x.shape[i];
    return out;
  },
  gradient: null,
});

export const Reshape = defineOp<{ T: DType; Tshape: DType }>({
  type: "Reshape",
  doc: "The elements of `tensor` in the same order, with the dimensions given by `shape` (one may be -1: inferred).",
  inputs: [
    { name: "tensor", typeAttr: "T" },
    { name: "shape", typeAttr: "Tshape" },
  ],
  typeAttrs: { T: TYPES.any, Tshape: MATH_TYPES.intIndex },
  effects: [],
  scalarPassThrough: { input: 0, sameBuffer: true },
  inferDtype: dtypeOfT,
  inferShape: (c) => {
    // TF's SetOutputShapeForReshape.
    const f = new ShapeFn(c);
    const out = f.shapeFromTensor(1);
    const given = c.constValue(1);
    if (given !== null) for (const v of given.data as Int32Array) if (v < -1) f.fail(`Invalid value in tensor used for shape: ${v}`);
    const input = c.shapes[0];
    if (out.dims === null || input.dims === null) return [out];
    const outDims = out.dims.slice();
    let tooMany = false;
    let outUnknown = -1;
    let knownOut = 1;
    for (let i = 0; i < outDims.length && !tooMany; i++) {
      const d = outDims[i];
      if (d === null) {
        if (outUnknown >= 0) tooMany = true;
        outUnknown = i;
      } else knownOut *= d;
    }
    let inUnknown = -1;
    let knownIn = 1;
    for (let i = 0; i < input.dims.length && !tooMany; i++) {
      const d = input.dims[i];
      if (d === null) {
        if (inUnknown >= 0) tooMany = true;
        inUnknown = i;
      } else knownIn *= d;
    }
    if (!tooMany) {
      if (inUnknown < 0 && outUnknown < 0) {
        if (knownIn !== knownOut) f.fail(`Cannot reshape a tensor with ${knownIn} elements to shape ${out.debugString()} (${knownOut} elements)`);
      } else if (inUnknown < 0 && outUnknown >= 0 && knownOut > 0) {
        outDims[outUnknown] = evenDivide(f, knownIn, knownOut);
      } else if (inUnknown >= 0 && outUnknown < 0 && knownIn !== 0) {
        evenDivide(f, knownOut, knownIn);
      }
      // With one unknown dim on each side they are equal iff the known parts are; TF then
      // copies the input's (unknown) dim, which changes nothing here.
    }
    return [new TensorShape(outDims)];
  },
  kernel: ([x, sizes], k) => {
    if (sizes.shape.length !== 1) throw new InvalidArgumentError(`sizes input must be 1-D, not ${dimsText(sizes.shape)}`, k.op.name);
    const s = sizes.data as Int32Array;
    let product = 1;
    let unknown = -1;
    for (let d = 0; d < s.length; d++) {
      const size = s[d];
      if (size === -1) {
        if (unknown !== -1) throw new InvalidArgumentError(`Only one input size may be -1, not both ${unknown} and ${d}`, k.op.name);
        unknown = d;
      } else if (size < 0) {
        throw new InvalidArgumentError(`Size ${d} must be non-negative, not ${size}`, k.op.name);
      } else product *= size;
    }
    const n = x.size;
    let shape: readonly number[] | null = unknown === -1 ? shapeFromInts(k, s) : null;
    if (unknown !== -1) {
      if (product <= 0) {
        throw new InvalidArgumentError(
          "Reshape cannot infer the missing input size for an empty tensor unless all specified input sizes are non-zero",
          k.op.name,
        );
      }
      const missing = Math.trunc(n / product);
      if (product * missing !== n) {
        throw new InvalidArgumentError(`Input to reshape is a tensor with ${n} values, but the requested shape requires a multiple of ${product}`, k.op.name);
      }
      shape = shapeWithInferred(k, s, unknown, missing);
      product *= missing;
    }
    if (product !== n) {
      throw new InvalidArgumentError(`Input to reshape is a tensor with ${n} values, but the requested shape has ${product}`, k.op.name);
    }
    return viewOf(k, x, shape!);
  },
  // array_grad.py's _ReshapeGrad.
  gradient: (op, [g], b) => {
    const tf = b.tf;
    return [tf.reshape(g!, tf.shape(op.inputs[0])), null];
  },
});

/** `InferenceContext::Divide(dividend, divisor, evenly_divisible=true)`. */
function evenDivide(f: ShapeFn, dividend: number, divisor: number): Dim {
  if (divisor === 1) return dividend;
  if (divisor <= 0) f.fail(`Divisor must be positive but is ${divisor}`);
  if (dividend % divisor !== 0) f.fail(`Dimension size must be evenly divisible by ${divisor} but is ${dividend}`);
  return dividend / divisor;
}

export const Fill = defineOp<{ T: DType; index_type: DType }>({
  type: "Fill",
  doc: "A tensor of shape `dims` with every element equal to the scalar `value`.",
  inputs: [
    { name: "dims", typeAttr: "index_type" },
    { name: "value", typeAttr: "T" },
  ],
  typeAttrs: { index_type: MATH_TYPES.intIndex, T: TYPES.any },
  effects: [],
  scalarPassThrough: { input: 1, sameBuffer: false },
  inferDtype: (c) => [c.attrs.T],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    f.withRank(c.shapes[0], 1);
    f.withRank(c.shapes[1], 0);
    const dims = f.ints(0);
    if (dims !== null && dims.some((d) => d < 0)) {
      f.shapeFromTensor(0);
      f.fail("Fill dimensions must be >= 0");
    }
    return [f.shapeFromTensor(0)];
  },
  kernel: ([dims, value], k) => {
    if (dims.shape.length !== 1) throw new InvalidArgumentError(`dims must be a vector, got shape ${dimsText(dims.shape)}`, k.op.name);
    if (value.shape.length !== 0) throw new InvalidArgumentError(`value must be a scalar, got shape ${dimsText(value.shape)}`, k.op.name);
    const d = dims.data as Int32Array;
    for (let i = 0; i < d.length; i++) {
      if (d[i] < 0) throw new InvalidArgumentError(`Dimension ${d[i]} must be >= 0`, k.op.name);
    }
    const out = k.alloc(value.dtype, shapeFromInts(k, d));
    fillWith(out, value.data[0]);
    return out;
  },
  // array_grad.py's _FillGrad: the value's gradient is the sum of the output's.
  gradient: (op, [g], b) => [null, b.tf.reduce_sum(g!)],
});

/** Writes `v` into every element of `out`. */
function fillWith(out: NDArray, v: number | string): void {
  const data = out.data;
  if (Array.isArray(data)) data.fill(v as string);
  else data.fill(v as number);
}

export const ZerosLike = defineOp<{ T: DType }>({
  type: "ZerosLike",
  doc: "A tensor of zeros with the shape and dtype of `x`.",
  inputs: [{ name: "x", typeAttr: "T" }],
  typeAttrs: { T: TYPES.any },
  effects: [],
  scalar: { f: (_x) => 0 },
  inferDtype: dtypeOfT,
  inferShape: sameShapeAsInput0,
  kernel: ([x], k) => {
    const out = k.alloc(x.dtype, x.shape);
    fillWith(out, x.dtype === stringDType ? "" : 0);
    return out;
  },
  gradient: null,
});

export const BroadcastGradientArgs = defineOp<{ T: DType }>({
  type: "BroadcastGradientArgs",
  doc: "For shapes `s0` and `s1` of two broadcast operands, the axes along which each was broadcast (what its gradient sums over).",
  inputs: [
    { name: "s0", typeAttr: "T" },
    { name: "s1", typeAttr: "T" },
  ],
  typeAttrs: { T: MATH_TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.attrs.T, c.attrs.T],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    f.withRank(c.shapes[0], 1);
    f.withRank(c.shapes[1], 1);
    return [new TensorShape([null]), new TensorShape([null])];
  },
  kernel: ([s0, s1], k) => {
    const x = s0.data as Int32Array;
    const y = s1.data as Int32Array;
    const n = Math.max(x.length, y.length);
    // TF's BCast: identical shapes reduce nothing. Otherwise, with the shorter shape
    // 1-extended, every dim where a side is 1 is a reduction index for that side (a 1 facing
    // a larger dim, or a 1 on both sides), and two different dims > 1 are incompatible.
    const same = sameInts(x, y);
    let nx = 0;
    let ny = 0;
    if (!same) {
      for (let i = 0; i < n; i++) {
        const xi = i < n - x.length ? 1 : x[i - (n - x.length)];
        const yi = i < n - y.length ? 1 : y[i - (n - y.length)];
        if (xi !== yi && xi !== 1 && yi !== 1) {
          throw new InvalidArgumentError(`Incompatible shapes: ${dimsText(Array.from(x))} vs. ${dimsText(Array.from(y))}`, k.op.name);
        }
        if (xi === 1) nx++;
        if (yi === 1) ny++;
      }
    }
    const rx = k.alloc(k.attrs.T, vectorShape(nx));
    const ry = allocExtra(k, 1, k.attrs.T, vectorShape(ny));
    const rxd = rx.data as Int32Array | Float64Array;
    const ryd = ry.data as Int32Array | Float64Array;
    if (!same) {
      let ix = 0;
      let iy = 0;
      for (let i = 0; i < n; i++) {
        if ((i < n - x.length ? 1 : x[i - (n - x.length)]) === 1) rxd[ix++] = i;
        if ((i < n - y.length ? 1 : y[i - (n - y.length)]) === 1) ryd[iy++] = i;
      }
    }
    return [rx, ry];
  },
  gradient: null,
});
