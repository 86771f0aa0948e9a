/**
 * Unique (tf.unique) and UniqueWithCounts (tf.unique_with_counts): the distinct values of a
 * vector in order of first appearance, each element's position among them, and how often each
 * occurs. Shape functions: array_ops.cc; kernel error: unique_op.cc. TF registers no gradient
 * for either.
 */
import { DType, int32, int64 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, NO_GRADIENT } from "../../op.js";
import { TensorShape } from "../../shape.js";
import type { TypeAttrSpec } from "../../op.js";
import { TYPES } from "../support/common.js";
import { ShapeFn } from "../support/array_infer.js";
import { allocOutput } from "../support/array_kernels.js";

/** Unique's index types: TF admits int32 and int64. */
const OUT_IDX: TypeAttrSpec = { allowed: [int32, int64], tfList: "int32, int64" };

export const Unique = defineOp<{ T: DType; out_idx: DType }>({
  type: "Unique",
  doc: "The distinct values of a vector in order of first appearance, and each element's index among them.",
  inputs: [{ name: "x", typeAttr: "T" }],
  typeAttrs: { T: TYPES.any, out_idx: OUT_IDX },
  effects: [],
  inferDtype: (c) => [c.dtypes[0], c.attrs.out_idx ?? int32],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const x = f.withRank(c.shapes[0], 1);
    return [new TensorShape([null]), x];
  },
  kernel: ([x], k) => {
    if (x.shape.length !== 1) throw new InvalidArgumentError("unique expects a 1D vector.", k.op.name);
    const n = x.size;
    const firstAt = new Map<unknown, number>();
    const idxOut = allocOutput(k, 1, k.attrs.out_idx ?? int32, [n]);
    const idx = idxOut.data as Int32Array;
    const order: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = x.data[i];
      let j = firstAt.get(v);
      if (j === undefined) {
        j = order.length;
        firstAt.set(v, j);
        order.push(i);
      }
      idx[i] = j;
    }
    const y = allocOutput(k, 0, x.dtype, [order.length]);
    const yd = y.data as unknown as unknown[];
    order.forEach((i, j) => (yd[j] = x.data[i]));
    return [y, idxOut];
  },
  gradient: NO_GRADIENT,
});

export const UniqueWithCounts = defineOp<{ T: DType; out_idx: DType }>({
  type: "UniqueWithCounts",
  doc: "Unique's outputs, and how often each distinct value occurs.",
  inputs: [{ name: "x", typeAttr: "T" }],
  typeAttrs: { T: TYPES.any, out_idx: OUT_IDX },
  effects: [],
  inferDtype: (c) => [c.dtypes[0], c.attrs.out_idx ?? int32, c.attrs.out_idx ?? int32],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const x = f.withRank(c.shapes[0], 1);
    const unknown = new TensorShape([null]);
    return [unknown, x, unknown];
  },
  kernel: ([x], k) => {
    if (x.shape.length !== 1) throw new InvalidArgumentError("unique expects a 1D vector.", k.op.name);
    const n = x.size;
    const firstAt = new Map<unknown, number>();
    const idxOut = allocOutput(k, 1, k.attrs.out_idx ?? int32, [n]);
    const idx = idxOut.data as Int32Array;
    const order: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = x.data[i];
      let j = firstAt.get(v);
      if (j === undefined) {
        j = order.length;
        firstAt.set(v, j);
        order.push(i);
        counts.push(0);
      }
      counts[j]++;
      idx[i] = j;
    }
    const y = allocOutput(k, 0, x.dtype, [order.length]);
    const yd = y.data as unknown as unknown[];
    order.forEach((i, j) => (yd[j] = x.data[i]));
    const count = allocOutput(k, 2, k.attrs.out_idx ?? int32, [order.length]);
    (count.data as Int32Array).set(counts);
    return [y, idxOut, count];
  },
  gradient: NO_GRADIENT,
});
