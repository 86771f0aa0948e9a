/**
 * Counting and searching: HistogramFixedWidth (tf.histogram_fixed_width), Bincount
 * (tf.math.bincount), LowerBound and UpperBound (tf.searchsorted), InTopKV2 (tf.nn.in_top_k). Shape functions:
 * math_ops.cc, array_ops.cc; kernel errors: histogram_op.cc, bincount_op.cc,
 * searchsorted_op.cc. None is differentiable (TF registers them NotDifferentiable).
 */
import { DType, bool, float32, float64, int32, int64 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, type OpDef } from "../../op.js";
import { TensorShape } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";

type Num = Float32Array | Float64Array | Int32Array;

export const HistogramFixedWidth = defineOp<{ T: DType; dtype: DType }>({
  type: "HistogramFixedWidth",
  doc: "Counts the values falling into each of `nbins` equal bins spanning `value_range` (outliers go to the end bins).",
  inputs: [
    { name: "values", typeAttr: "T" },
    { name: "value_range", typeAttr: "T" },
    { name: "nbins", dtype: int32 },
  ],
  typeAttrs: { T: { allowed: [int32, int64, float32, float64], tfList: "int32, int64, float32, float64" }, dtype: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.attrs.dtype ?? int32],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const range = f.withRank(c.shapes[1], 1);
    if (range.dims![0] !== null && range.dims![0] !== 2) f.fail(`Dimension must be 2 but is ${range.dims![0]}`);
    f.withRank(c.shapes[2], 0);
    const n = f.tensor(2);
    if (n === null) return [new TensorShape([null])];
    const nbins = Number(n.data[0]);
    if (nbins <= 0) f.fail(`Requires nbins > 0: ${nbins}`);
    return [new TensorShape([nbins])];
  },
  kernel: ([values, range, nbinsT], k) => {
    const nbins = Number(nbinsT.data[0]);
    const r = range.data as Num;
    if (!(r[0] < r[1])) throw new InvalidArgumentError(`value_range should satisfy value_range[0] < value_range[1], but got '[${r[0]}, ${r[1]}]'`, k.op.name);
    if (!(nbins > 0)) throw new InvalidArgumentError(`nbins should be a positive number, but got '${nbins}'`, k.op.name);
    const out = k.alloc(k.attrs.dtype ?? int32, [nbins]);
    const o = out.data as Int32Array;
    o.fill(0);
    const lo = r[0];
    const step = (r[1] - lo) / nbins;
    const v = values.data as Num;
    for (let i = 0; i < v.length; i++) {
      const bin = Math.trunc(Math.min((Math.max(v[i], lo) - lo) / step, nbins - 1));
      o[bin]++;
    }
    return out;
  },
  gradient: null,
});

export const Bincount = defineOp<{ T: DType }>({
  type: "Bincount",
  doc: "How often each value 0, 1, ..., size - 1 occurs in `arr` (or the sum of its `weights`).",
  inputs: [
    { name: "arr", dtype: int32 },
    { name: "size", dtype: int32 },
    { name: "weights", typeAttr: "T" },
  ],
  typeAttrs: { T: { allowed: [int32, int64, float32, float64], tfList: "int32, int64, float32, float64" } },
  effects: [],
  inferDtype: (c) => [c.dtypes[2]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    f.withRank(c.shapes[1], 0);
    const s = f.tensor(1);
    if (s === null) return [new TensorShape([null])];
    const size = Number(s.data[0]);
    if (size < 0) f.fail(`size (${size}) must be non-negative`);
    return [new TensorShape([size])];
  },
  kernel: ([arr, sizeT, weights], k) => {
    if (sizeT.shape.length !== 0) throw new InvalidArgumentError(`Shape must be rank 0 but is rank ${sizeT.shape.length}`, k.op.name);
    const size = Number(sizeT.data[0]);
    if (size < 0) throw new InvalidArgumentError(`size (${size}) must be non-negative`, k.op.name);
    const a = arr.data as Int32Array;
    const w = weights.data as Num;
    if (w.length > 0 && w.length !== a.length) {
      throw new InvalidArgumentError(`If weights are passed, they must have the same shape (${dimsString(weights.shape)}) as arr (${dimsString(arr.shape)})`, k.op.name);
    }
    const out = k.alloc(weights.dtype, [size]);
    const o = out.data as Num;
    o.fill(0);
    for (let i = 0; i < a.length; i++) {
      if (a[i] < 0) throw new InvalidArgumentError("Input arr must be non-negative!", k.op.name);
      if (a[i] < size) o[a[i]] += w.length > 0 ? w[i] : 1;
    }
    return out;
  },
  gradient: null,
});

function boundOp(type: string, doc: string, right: boolean): OpDef<{ T: DType; out_type: DType }> {
  return defineOp<{ T: DType; out_type: DType }>({
    type,
    doc,
    inputs: [
      { name: "sorted_inputs", typeAttr: "T" },
      { name: "values", typeAttr: "T" },
    ],
    typeAttrs: { T: TYPES.real, out_type: TYPES.intIndex },
    effects: [],
    inferDtype: (c) => [c.attrs.out_type ?? int32],
    inferShape: (c) => {
      const f = new ShapeFn(c);
      f.withRank(c.shapes[0], 2);
      return [f.withRank(c.shapes[1], 2)];
    },
    kernel: ([sorted, values], k) => {
      if (sorted.shape[0] !== values.shape[0]) throw new InvalidArgumentError("Leading dim_size of both tensors must match.", k.op.name);
      const out = k.alloc(k.attrs.out_type ?? int32, values.shape);
      const o = out.data as Int32Array;
      const s = sorted.data as Num;
      const v = values.data as Num;
      const n = sorted.shape[1];
      const m = values.shape[1];
      for (let b = 0; b < values.shape[0]; b++) {
        for (let j = 0; j < m; j++) {
          const x = v[b * m + j];
          let lo = 0;
          let hi = n;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            const e = s[b * n + mid];
            if (right ? e <= x : e < x) lo = mid + 1;
            else hi = mid;
          }
          o[b * m + j] = lo;
        }
      }
      return out;
    },
    gradient: null,
  });
}

export const LowerBound = boundOp("LowerBound", "For each value, the first position in its sorted row where it could be inserted (before equal entries).", false);
export const UpperBound = boundOp("UpperBound", "For each value, the last position in its sorted row where it could be inserted (after equal entries).", true);

export const InTopKV2 = defineOp<{ T: DType }>({
  type: "InTopKV2",
  doc: "Whether each row's target class is among its `k` largest predictions (ties at the boundary count as in).",
  inputs: [
    { name: "predictions", dtype: float32 },
    { name: "targets", typeAttr: "T" },
    { name: "k", typeAttr: "T" },
  ],
  typeAttrs: { T: TYPES.intIndex },
  effects: [],
  inferDtype: () => [bool],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const p = f.withRank(c.shapes[0], 2);
    const t = f.withRank(c.shapes[1], 1);
    f.withRank(c.shapes[2], 0);
    return [new TensorShape([f.mergeDim(p.dims![0], t.dims![0])])];
  },
  kernel: ([pred, targets, kT], k) => {
    const [batch, classes] = pred.shape;
    if (targets.shape[0] !== batch) {
      throw new InvalidArgumentError(`First dimension of predictions ${batch} must match length of targets ${targets.shape[0]}`, k.op.name);
    }
    const kk = Number(kT.data[0]);
    const out = k.alloc(bool, [batch]);
    const o = out.data as Uint8Array;
    const p = pred.data as Float32Array;
    const t = targets.data as Int32Array;
    for (let b = 0; b < batch; b++) {
      const target = t[b];
      if (!(target >= 0 && target < classes) || !Number.isFinite(p[b * classes + target])) {
        o[b] = 0;
        continue;
      }
      const v = p[b * classes + target];
      let more = 0;
      for (let j = 0; j < classes; j++) if (p[b * classes + j] > v) more++;
      o[b] = more < kk ? 1 : 0;
    }
    return out;
  },
  gradient: null,
});
