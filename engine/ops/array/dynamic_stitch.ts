/**
 * DynamicStitch: interleaves `data` tensors into one by the indices that come with them
 * (`merged[indices[m][i]] = data[m][i]`, later inputs winning). TF's reduction gradients build
 * their kept-dims shape with it (`math_ops.reduced_shape`). Shape function and kernel errors
 * from tensorflow/core/ops/data_flow_ops.cc and kernels/dynamic_stitch_op.cc; gradient from
 * data_flow_grad.py (`_DynamicStitchGrads`).
 */
import { DType, int32 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import { Dim, TensorShape } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn } from "../support/array_infer.js";
import type { NDArray } from "../../ndarray.js";

type Buf = { [i: number]: number | string; length: number };

function text(shape: readonly number[]): string {
  return `[${shape.join(",")}]`;
}

export const DynamicStitch = defineOp<{ T: DType; N: number }>({
  type: "DynamicStitch",
  doc: "Interleaves the `data` tensors into one: row `indices[m][i]` of the result is `data[m][i]`.",
  inputs: [
    { name: "indices", dtype: int32, list: true },
    { name: "data", typeAttr: "T", list: true },
  ],
  typeAttrs: { T: TYPES.any },
  effects: [],
  inferDtype: (c) => [c.attrs.T],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const n = c.attrs.N;
    let allConstant = true;
    let maxIndex = 0;
    let extra: TensorShape = TensorShape.unknown();
    for (let i = 0; i < n; i++) {
      const idx = f.ints(i);
      if (idx === null) allConstant = false;
      const indicesShape = c.shapes[i];
      const dataShape = c.shapes[i + n];
      if (indicesShape.dims === null) continue;
      const rank = indicesShape.dims.length;
      // MergePrefix(data_shape, indices_shape), then the rest of data's shape is the output's.
      if (dataShape.dims !== null) {
        if (dataShape.dims.length < rank) f.fail(`Shape must be at least rank ${rank} but is rank ${dataShape.dims.length}`);
        for (let d = 0; d < rank; d++) f.mergeDim(dataShape.dims[d], indicesShape.dims[d]);
        extra = f.merge(extra, new TensorShape(dataShape.dims.slice(rank)));
      }
      if (idx !== null) for (const v of idx) if (v > maxIndex) maxIndex = v;
    }
    const first: Dim = allConstant ? maxIndex + 1 : null;
    return [extra.dims === null ? TensorShape.unknown() : new TensorShape([first, ...extra.dims])];
  },
  kernel: (inputs, k) => {
    const n = k.attrs.N;
    const indices = inputs.slice(0, n);
    const data = inputs.slice(n);
    let maxIndex = -1;
    for (const t of indices) for (const v of t.data as Int32Array) if (v > maxIndex) maxIndex = v;
    const firstDim = maxIndex + 1;
    const d0 = data[0];
    const i0 = indices[0];
    data.forEach((d, m) => {
      const idx = indices[m];
      const starts = idx.shape.every((s, j) => d.shape[j] === s) && d.shape.length >= idx.shape.length;
      if (!starts) {
        throw new InvalidArgumentError(`data[${m}].shape = ${text(d.shape)} does not start with indices[${m}].shape = ${text(idx.shape)}`, k.op.name);
      }
      const rest = d.shape.slice(idx.shape.length);
      const rest0 = d0.shape.slice(i0.shape.length);
      if (m > 0 && (rest.length !== rest0.length || rest.some((s, j) => s !== rest0[j]))) {
        throw new InvalidArgumentError(
          `Need data[0].shape[${i0.shape.length}:] = data[${m}].shape[${idx.shape.length}:], got data[0].shape = ${text(d0.shape)}, data[${m}].shape = ${text(d.shape)}, indices[0].shape = ${text(i0.shape)}, indices[${m}].shape = ${text(idx.shape)}`,
          k.op.name,
        );
      }
    });
    const slice = d0.shape.slice(i0.shape.length);
    const sliceSize = slice.reduce((a, b) => a * b, 1);
    const out: NDArray = k.alloc(d0.dtype, [firstDim, ...slice]);
    const od = out.data as unknown as Buf;
    // Rows no index names keep TF's zero-initialized values.
    for (let i = 0; i < od.length; i++) od[i] = Array.isArray(out.data) ? "" : 0;
    data.forEach((d, m) => {
      const idx = indices[m].data as Int32Array;
      const dd = d.data as unknown as Buf;
      for (let i = 0; i < idx.length; i++) {
        const row = idx[i];
        if (row < 0 || row >= firstDim) throw new InvalidArgumentError(`indices[${i}] is out of range`, k.op.name);
        for (let j = 0; j < sliceSize; j++) od[row * sliceSize + j] = dd[i * sliceSize + j];
      }
    });
    return out;
  },
  gradient: (op, [g], b) => {
    // TF's _DynamicStitchGrads: each data input's gradient is the rows of grad it filled.
    const n = op.attrs.N as number;
    const indices = op.inputs.slice(0, n);
    const tf = b.tf;
    const grads = indices.map((idx) => tf.gather(g!, idx));
    return [...indices.map(() => null), ...grads];
  },
});
