/**
 * DynamicPartition (tf.dynamic_partition): the slices of `data` sent to `num_partitions`
 * outputs by `partitions`, in order. Shape function: data_flow_ops.cc; kernel error:
 * dynamic_partition_op.cc. Gradient (data_flow_grad.py): the positions partitioned the same
 * way, then the output gradients stitched back to them.
 */
import { DType, int32 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import type { Tensor } from "../../graph.js";
import { Dim, TensorShape, sizeOf } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { allocOutput } from "../support/array_kernels.js";

type Buf = { [i: number]: unknown };

export const DynamicPartition = defineOp<{ T: DType; num_partitions: number }>({
  type: "DynamicPartition",
  doc: "Sends each slice of `data` to the output its entry of `partitions` names.",
  inputs: [
    { name: "data", typeAttr: "T" },
    { name: "partitions", dtype: int32 },
  ],
  typeAttrs: { T: TYPES.any },
  effects: [],
  inferDtype: (c) => new Array(c.attrs.num_partitions).fill(c.dtypes[0]),
  inferShape: (c) => {
    const n = c.attrs.num_partitions;
    const data = c.shapes[0];
    const parts = c.shapes[1];
    if (parts.dims === null) return new Array(n).fill(TensorShape.unknown());
    const f = new ShapeFn(c);
    const rank = parts.dims.length;
    // MergePrefix: data's shape starts with partitions' shape.
    if (data.dims !== null) {
      f.withRankAtLeast(data, rank);
      f.merge(new TensorShape(data.dims.slice(0, rank)), parts);
    }
    const suffix: Dim[] | null = data.dims === null ? null : data.dims.slice(rank);
    return new Array(n).fill(suffix === null ? TensorShape.unknown() : new TensorShape([null, ...suffix]));
  },
  kernel: ([data, partitions], k) => {
    const n = k.attrs.num_partitions;
    const pr = partitions.shape.length;
    const prefixOk = data.shape.length >= pr && partitions.shape.every((d, i) => data.shape[i] === d);
    if (!prefixOk) {
      throw new InvalidArgumentError(
        `data.shape must start with partitions.shape, got data.shape = ${dimsString(data.shape)}, partitions.shape = ${dimsString(partitions.shape)}`,
        k.op.name,
      );
    }
    const p = partitions.data as Int32Array;
    const counts = new Array<number>(n).fill(0);
    for (let i = 0; i < p.length; i++) {
      if (!(p[i] >= 0 && p[i] < n)) {
        const at = pr === 0 ? "" : `[${unravel(i, partitions.shape).join(",")}]`;
        throw new InvalidArgumentError(`partitions${at} = ${p[i]} is not in [0, ${n})`, k.op.name);
      }
      counts[p[i]]++;
    }
    const suffix = data.shape.slice(pr);
    const block = sizeOf(suffix);
    const outs = counts.map((c, j) => allocOutput(k, j, data.dtype, [c, ...suffix]));
    const at = new Array<number>(n).fill(0);
    const src = data.data as unknown as Buf;
    for (let i = 0; i < p.length; i++) {
      const dst = outs[p[i]].data as unknown as Buf;
      const o = at[p[i]]++ * block;
      for (let e = 0; e < block; e++) dst[o + e] = src[i * block + e];
    }
    return outs;
  },
  gradient: (op, grads, b) => {
    const tf = b.tf;
    const prefixShape = tf.shape(op.inputs[1]);
    const originalIndices = tf.reshape(tf.range(tf.reduce_prod(prefixShape)), prefixShape);
    const partitioned = tf.dynamic_partition(originalIndices, op.inputs[1], op.attrs.num_partitions as number);
    const stitched = tf.dynamic_stitch(partitioned, grads as Tensor[]);
    return [tf.reshape(stitched, tf.shape(op.inputs[0])), null];
  },
});

/** The multi-index of flat position `i` in `shape`. */
function unravel(i: number, shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    out[d] = i % shape[d];
    i = Math.floor(i / shape[d]);
  }
  return out;
}
