/**
 * Softmax and LogSoftmax over the last dimension (TF's kernels only do the last one; the
 * Python wrappers transpose for other axes). The float32 path rounds each step to float32 as
 * TF's Eigen code does: shift by the row max, exp, sum, divide (or subtract the log of the sum).
 */
import { DType, float32 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, KernelContext } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import type { Tensor } from "../../graph.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";


type Num = Float32Array | Float64Array;

/** Rows of the last dimension: writes softmax (or log-softmax) of each row of `x` into `out`. */
export function softmaxRows(x: Num, out: Num, depth: number, log: boolean, f32: boolean): void {
  const r = f32 ? Math.fround : (v: number) => v;
  const rows = depth === 0 ? 0 : x.length / depth;
  for (let b = 0; b < rows; b++) {
    const o = b * depth;
    let max = -Infinity;
    for (let j = 0; j < depth; j++) if (x[o + j] > max) max = x[o + j];
    let sum = 0;
    for (let j = 0; j < depth; j++) {
      const shifted = r(x[o + j] - max);
      out[o + j] = shifted;
      sum = r(sum + r(Math.exp(shifted)));
    }
    if (log) {
      const logSum = r(Math.log(sum));
      for (let j = 0; j < depth; j++) out[o + j] = r(out[o + j] - logSum);
    } else {
      for (let j = 0; j < depth; j++) out[o + j] = r(r(Math.exp(out[o + j])) / sum);
    }
  }
}

function softmaxKernel(x: NDArray, k: KernelContext<unknown>, log: boolean): NDArray {
  if (x.shape.length < 1) throw new InvalidArgumentError(`logits must have >= 1 dimension, got ${dimsString(x.shape)}`, k.op.name);
  const out = k.alloc(x.dtype, x.shape);
  softmaxRows(x.data as Num, out.data as Num, x.shape[x.shape.length - 1], log, x.dtype === float32);
  return out;
}

export const Softmax = defineOp<{ T: DType }>({
  type: "Softmax",
  doc: "exp(logits) / sum(exp(logits)) over the last dimension.",
  inputs: [{ name: "logits", typeAttr: "T" }],
  typeAttrs: { T: TYPES.float },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => [new ShapeFn(c).withRankAtLeast(c.shapes[0], 1)],
  kernel: ([x], k) => softmaxKernel(x, k, false),
  // TF's _SoftmaxGrad: (grad - sum(grad * softmax, -1, keepdims)) * softmax.
  gradient: (op, [g], b) => {
    const tf = b.tf;
    const py = b.py;
    const softmax = op.outputs[0];
    const sumChannels = tf.reduce_sum(py.mul(g!, softmax) as Tensor, -1, { keepdims: true });
    return [py.mul(py.sub(g!, sumChannels), softmax) as Tensor];
  },
});

export const LogSoftmax = defineOp<{ T: DType }>({
  type: "LogSoftmax",
  doc: "logits - log(sum(exp(logits))) over the last dimension.",
  inputs: [{ name: "logits", typeAttr: "T" }],
  typeAttrs: { T: TYPES.float },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => [new ShapeFn(c).withRankAtLeast(c.shapes[0], 1)],
  kernel: ([x], k) => softmaxKernel(x, k, true),
  // TF's _LogSoftmaxGrad: grad - sum(grad, -1, keepdims) * exp(logsoftmax).
  gradient: (op, [g], b) => {
    const tf = b.tf;
    const py = b.py;
    const softmax = tf.exp(op.outputs[0]);
    return [py.sub(g!, py.mul(tf.reduce_sum(g!, -1, { keepdims: true }), softmax)) as Tensor];
  },
});
