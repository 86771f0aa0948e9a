/**
 * Sorted segment reductions: SegmentSum, SegmentMean, SegmentMax, SegmentMin, SegmentProd
 * (tf.segment_*). Row i of the result reduces the rows of `data` whose (sorted, non-negative)
 * segment id is i; ids that do not occur give 0 (1 for the product). TF 1.15 registers no
 * gradient for SegmentProd. Shape function: math_ops.cc's SegmentReductionShapeFn; kernel
 * errors: segment_reduction_ops.cc; gradients: math_grad.py.
 */
import { DType, int32 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, NO_GRADIENT, type GradientFn, type OpDef } from "../../op.js";
import type { Tensor } from "../../graph.js";
import { TensorShape } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn } from "../support/array_infer.js";
import { intsOf } from "../support/array_kernels.js";
import type { GradientBuilders } from "../../gradients/builders.js";

type Reduce = "sum" | "mean" | "max" | "min" | "prod";

type SegmentAttrs = { T: DType; Tindices: DType };

function segmentKernel(how: Reduce): OpDef<SegmentAttrs>["kernel"] {
  return ([data, idsT], k) => {
    if (idsT.shape.length !== 1) throw new InvalidArgumentError("segment_ids should be a vector.", k.op.name);
    const n = idsT.size;
    if (data.shape.length < 1 || n !== data.shape[0]) {
      throw new InvalidArgumentError("segment_ids should be the same size as dimension 0 of input.", k.op.name);
    }
    const ids = intsOf(idsT);
    const rows = n > 0 ? ids[n - 1] + 1 : 0;
    if (rows < 0) throw new InvalidArgumentError("segment ids must be >= 0", k.op.name);
    const inner = data.shape.slice(1).reduce((a, b) => a * b, 1);
    const out = k.alloc(data.dtype, [rows, ...data.shape.slice(1)]);
    const o = out.data as Float64Array;
    // Ids that do not occur give the reduction's identity: 0, or 1 for a product.
    o.fill(how === "prod" ? 1 : 0);
    const d = data.data as Float64Array;
    const isInt = data.dtype.isInteger;
    let start = 0;
    while (start < n) {
      const id = ids[start];
      let end = start + 1;
      while (end < n && ids[end] === id) end++;
      if (end < n && !(id < ids[end])) throw new InvalidArgumentError("segment ids are not increasing", k.op.name);
      if (!(id >= 0 && id < rows)) {
        throw new InvalidArgumentError(`Segment id ${id} out of range [0, ${rows}), possibly because 'segment_ids' input is not sorted.`, k.op.name);
      }
      const to = id * inner;
      for (let t = 0; t < inner; t++) {
        let acc = d[start * inner + t];
        for (let r = start + 1; r < end; r++) {
          const v = d[r * inner + t];
          if (how === "max") acc = v > acc ? v : acc;
          else if (how === "min") acc = v < acc ? v : acc;
          else if (how === "prod") acc = data.dtype === int32 ? Math.imul(acc, v) : acc * v;
          else acc = data.dtype === int32 ? (acc + v) | 0 : acc + v;
        }
        if (how === "mean") acc = isInt ? Math.trunc(acc / (end - start)) : acc / (end - start);
        o[to + t] = acc;
      }
      start = end;
    }
    return out;
  };
}

/** TF's _SegmentMinOrMaxGrad: the gradient splits evenly among the entries equal to the extreme. */
function minOrMaxGrad(op: { inputs: readonly Tensor[]; outputs: readonly Tensor[] }, g: Tensor, b: GradientBuilders): Tensor {
  const tf = b.tf;
  const [data, ids] = op.inputs;
  const zeros = tf.zeros_like(data, data.dtype.base_dtype);
  const gatheredOutputs = tf.gather(op.outputs[0], ids);
  const isSelected = tf.equal(data, gatheredOutputs);
  const numSelected = tf.segment_sum(tf.cast(isSelected, g.dtype.base_dtype), ids);
  const weightedGrads = tf.divide(g, numSelected);
  const gatheredGrads = tf.gather(weightedGrads, ids);
  return tf.where(isSelected, gatheredGrads, zeros);
}

function segmentOp(type: string, how: Reduce, doc: string, gradient: GradientFn<SegmentAttrs> | typeof NO_GRADIENT) {
  return defineOp<SegmentAttrs>({
    type,
    doc,
    inputs: [
      { name: "data", typeAttr: "T" },
      { name: "segment_ids", typeAttr: "Tindices" },
    ],
    typeAttrs: { T: TYPES.real, Tindices: TYPES.intIndex },
    effects: [],
    inferDtype: (c) => [c.dtypes[0]],
    inferShape: (c) => {
      const f = new ShapeFn(c);
      const data = f.withRankAtLeast(c.shapes[0], 1);
      const ids = f.withRank(c.shapes[1], 1);
      if (data.dims !== null) f.mergeDim(data.dims[0], ids.dims![0]);
      if (data.dims === null) return [TensorShape.unknown()];
      return [new TensorShape([null, ...data.dims.slice(1)])];
    },
    kernel: segmentKernel(how),
    gradient,
  });
}

export const SegmentSum = segmentOp(
  "SegmentSum",
  "sum",
  "Sums the rows of `data` that share a (sorted) segment id; row i of the result is segment i.",
  // TF's _SegmentSumGrad: each row gets its segment's gradient.
  (op, [g], b) => [b.tf.gather(g!, op.inputs[1]), null],
);

export const SegmentMean = segmentOp(
  "SegmentMean",
  "mean",
  "Averages the rows of `data` that share a (sorted) segment id; row i of the result is segment i.",
  // TF's _SegmentMeanGrad: each row gets its segment's gradient over the segment's size.
  (op, [g], b) => {
    const tf = b.tf;
    const [data, ids] = op.inputs;
    const inputRank = tf.rank(data);
    const onesShape = tf.concat([tf.shape(ids), tf.fill(tf.expand_dims(b.py.sub(inputRank, 1), 0), 1)], 0);
    const ones = tf.fill(onesShape, tf.constant(1, g!.dtype.base_dtype));
    const scaledGrad = tf.divide(g!, tf.segment_sum(ones, ids));
    return [tf.gather(scaledGrad, ids), null];
  },
);

export const SegmentMax = segmentOp(
  "SegmentMax",
  "max",
  "The largest of the rows of `data` that share a (sorted) segment id; row i of the result is segment i.",
  (op, [g], b) => [minOrMaxGrad(op, g!, b), null],
);

export const SegmentMin = segmentOp(
  "SegmentMin",
  "min",
  "The smallest of the rows of `data` that share a (sorted) segment id; row i of the result is segment i.",
  (op, [g], b) => [minOrMaxGrad(op, g!, b), null],
);

export const SegmentProd = segmentOp("SegmentProd", "prod", "The product of the rows of `data` sharing each (sorted) segment id; a missing id gives 1.", NO_GRADIENT);
