/**
 * UnsortedSegmentSum, UnsortedSegmentMax, UnsortedSegmentMin, UnsortedSegmentProd
 * (tf.math.unsorted_segment_sum / _max / _min / _prod): the rows of `data` combined per segment id, ids in any order, negative ids
 * dropped; an empty segment holds the reduction's identity (0 for sum, the dtype's lowest value
 * for max, its highest for min, 1 for prod), as TF's kernels leave it. Shape function: as
 * UnsortedSegmentSum's (math_ops.cc); kernel errors: segment_reduction_ops.cc. Gradients:
 * math_grad.py's _UnsortedSegmentSumGrad, _UnsortedSegmentMinOrMaxGrad and _UnsortedSegmentProdGrad.
 */
import { DType, bool as boolDType, float32, float64, int32, int64 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, type OpDef } from "../../op.js";
import type { Operation, Tensor } from "../../graph.js";
import { Dim, TensorShape, sizeOf } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString, sliceDebugString } from "../support/array_infer.js";
import type { GradientBuilders } from "../../gradients/builders.js";

type Attrs = { T: DType; Tindices: DType; Tnumsegments: DType };
type Num = Float32Array | Float64Array | Int32Array;

const F32_MAX = 3.4028234663852886e38;

/** The identity of max (lowest), min (highest) in a dtype. */
function extreme(dt: DType, sign: 1 | -1): number {
  if (dt === int32) return sign > 0 ? 2147483647 : -2147483648;
  // int64's extremes as float64 (exact for the lowest, -2^63; the highest rounds up to 2^63).
  if (dt === int64) return sign > 0 ? 9223372036854775807 : -9223372036854775808;
  if (dt === float32) return sign * F32_MAX;
  if (dt === float64) return sign * Number.MAX_VALUE;
  return 0;
}

/** `_GatherDropNegatives`: rows of `params` at the ids, zero where an id is negative. */
function gatherDropNegatives(b: GradientBuilders, params: Tensor, ids: Tensor | null, clippedIn: Tensor | null = null, isPositiveIn: Tensor | null = null): [Tensor, Tensor, Tensor] {
  const tf = b.tf;
  const clipped = clippedIn ?? tf.maximum(ids!, tf.zeros_like(ids!));
  const gathered = tf.gather(params, clipped);
  let isPositive = isPositiveIn;
  if (isPositive === null) {
    isPositive = tf.greater_equal(ids!, 0);
    const extra = (gathered.shape.ndims ?? 0) - (isPositive.shape.ndims ?? 0);
    for (let i = 0; i < extra; i++) isPositive = tf.expand_dims(isPositive, -1);
    isPositive = tf.logical_and(isPositive, tf.ones_like(gathered, { dtype: boolDType }));
  }
  return [tf.where(isPositive, gathered, tf.zeros_like(gathered)), clipped, isPositive];
}

function minOrMaxGrad(op: Operation, grads: readonly (Tensor | null)[], b: GradientBuilders): (Tensor | null)[] {
  const tf = b.tf;
  const g = grads[0]!;
  const [gatheredOutputs, clipped, isPositive] = gatherDropNegatives(b, op.outputs[0], op.inputs[1]);
  const isSelected = tf.logical_and(tf.equal(op.inputs[0], gatheredOutputs), isPositive);
  const numSelected = tf.unsorted_segment_sum(tf.cast(isSelected, g.dtype), op.inputs[1], op.inputs[2]);
  const weighted = b.py.truediv(g, numSelected);
  const [gatheredGrads] = gatherDropNegatives(b, weighted, null, clipped, isPositive);
  return [tf.where(isSelected, gatheredGrads, tf.zeros_like(gatheredGrads)), null, null];
}

function prodGrad(op: Operation, grads: readonly (Tensor | null)[], b: GradientBuilders): (Tensor | null)[] {
  const tf = b.tf;
  const [data, ids, num] = op.inputs;
  const isZero = tf.equal(data, 0);
  const numZeros = tf.unsorted_segment_sum(tf.cast(isZero, int32), ids, num);
  const g = tf.where(tf.greater(numZeros, 1), tf.zeros_like(grads[0]!), grads[0]!);
  const nonZeroData = tf.where(isZero, tf.ones_like(data), data);
  const nonZeroProd = b.gen("UnsortedSegmentProd", [nonZeroData, ids, num]);
  const clipped = tf.maximum(ids, tf.zeros_like(ids));
  const gatheredProd = tf.gather(op.outputs[0], clipped);
  const gatheredNonZeroProd = tf.gather(nonZeroProd, clipped);
  const prodDividedByEl = b.py.truediv(gatheredProd, data);
  const partial = tf.where(isZero, gatheredNonZeroProd, prodDividedByEl);
  const [gatheredGrad] = gatherDropNegatives(b, g, ids, clipped);
  return [b.py.mul(gatheredGrad, partial), null, null];
}

function unsortedSegmentOp(type: string, doc: string, init: (dt: DType) => number, combine: (a: number, x: number) => number, gradient: OpDef<Attrs>["gradient"]): OpDef<Attrs> {
  return defineOp<Attrs>({
    type,
    doc,
    inputs: [
      { name: "data", typeAttr: "T" },
      { name: "segment_ids", typeAttr: "Tindices" },
      { name: "num_segments", typeAttr: "Tnumsegments" },
    ],
    typeAttrs: { T: TYPES.real, Tindices: TYPES.intIndex, Tnumsegments: TYPES.intIndex },
    effects: [],
    inferDtype: (c) => [c.dtypes[0]],
    inferShape: (c) => {
      const f = new ShapeFn(c);
      f.withRank(c.shapes[2], 0);
      const data = c.shapes[0];
      const ids = c.shapes[1];
      if (ids.dims === null) return [TensorShape.unknown()];
      let n: Dim = null;
      const nT = f.tensor(2);
      if (nT !== null) {
        n = Number(nT.data[0]);
        if (n < 0) f.fail(`Dimension size, given by scalar input 2, must be non-negative but is ${n}`);
      }
      if (data.dims === null) return [TensorShape.unknown()];
      f.withRankAtLeast(data, ids.dims.length);
      f.merge(new TensorShape(data.dims.slice(0, ids.dims.length)), ids);
      return [new TensorShape([n, ...data.dims.slice(ids.dims.length)])];
    },
    kernel: ([data, ids, numT], k) => {
      const idShape = ids.shape;
      if (idShape.length > data.shape.length || idShape.some((d, i) => d !== data.shape[i])) {
        throw new InvalidArgumentError(`data.shape = ${dimsString(data.shape)} does not start with segment_ids.shape = ${dimsString(idShape)}`, k.op.name);
      }
      const num = Number(numT.data[0]);
      const innerShape = data.shape.slice(idShape.length);
      const inner = sizeOf(innerShape);
      const out = k.alloc(data.dtype, [num, ...innerShape]);
      const o = out.data as Num;
      o.fill(init(data.dtype));
      const d = data.data as Num;
      const s = ids.data as Int32Array;
      const wraps = data.dtype === int32;
      for (let i = 0; i < s.length; i++) {
        const j = s[i];
        if (j < 0) continue;
        if (j >= num) throw new InvalidArgumentError(`segment_ids${sliceDebugString(idShape, i)} = ${j} is out of range [0, ${num})`, k.op.name);
        for (let t = 0; t < inner; t++) {
          const v = combine(o[j * inner + t], d[i * inner + t]);
          o[j * inner + t] = wraps ? v | 0 : v;
        }
      }
      return out;
    },
    gradient,
  });
}

// TF's _UnsortedSegmentSumGrad: gather the gradient rows back, zero where the id was negative.
function sumGrad(op: Operation, [g]: (Tensor | null)[], b: GradientBuilders): (Tensor | null)[] {
    const tf = b.tf;
    const ids = op.inputs[1];
    const clipped = tf.maximum(ids, tf.zeros_like(ids));
    const gathered = tf.gather(g!, clipped);
    let isPositive = tf.greater_equal(ids, 0);
    const extra = (gathered.shape.ndims ?? 0) - (isPositive.shape.ndims ?? 0);
    for (let i = 0; i < extra; i++) isPositive = tf.expand_dims(isPositive, -1);
    isPositive = tf.logical_and(isPositive, tf.ones_like(gathered, { dtype: boolDType }));
    return [tf.where(isPositive, gathered, tf.zeros_like(gathered)), null, null];
  }

export const UnsortedSegmentSum = unsortedSegmentOp(
  "UnsortedSegmentSum",
  "Sums the slices of `data` that share a segment id; row i of the result is the sum for id i.",
  () => 0,
  (a, x) => a + x,
  sumGrad,
);

export const UnsortedSegmentMax = unsortedSegmentOp(
  "UnsortedSegmentMax",
  "The largest of the slices of `data` sharing each segment id (ids in any order).",
  (dt) => extreme(dt, -1),
  Math.max,
  minOrMaxGrad,
);

export const UnsortedSegmentMin = unsortedSegmentOp(
  "UnsortedSegmentMin",
  "The smallest of the slices of `data` sharing each segment id (ids in any order).",
  (dt) => extreme(dt, 1),
  Math.min,
  minOrMaxGrad,
);

export const UnsortedSegmentProd = unsortedSegmentOp(
  "UnsortedSegmentProd",
  "The product of the slices of `data` sharing each segment id (ids in any order).",
  () => 1,
  (a, x) => a * x,
  prodGrad,
);
