/**
 * The fused cross-entropy ops: SoftmaxCrossEntropyWithLogits (dense labels, broadcastable to
 * the logits) and SparseSoftmaxCrossEntropyWithLogits (class indices). Both output the loss
 * per row and the backprop `softmax - labels`, which their gradients reuse. Kernels follow
 * tensorflow/core/kernels/{xent_op,sparse_xent_op}.h; shape functions nn_ops.cc.
 */
import { DType, float32, int32, int64 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, TypeAttrSpec } from "../../op.js";
import type { Operation, Tensor } from "../../graph.js";
import { TensorShape } from "../../shape.js";
import { summarizeTensorTF1 } from "../../format/tfprint.js";
import { TYPES, broadcastStatic } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { allocOutput } from "../support/array_kernels.js";
import { broadcastShapes } from "../../kernels/elementwise.js";
import type { GradientBuilders } from "../../gradients/builders.js";


type Num = Float32Array | Float64Array;

/** TF's `_BroadcastMul(vec, mat)`: `expand_dims(vec, -1) * mat`. */
function broadcastMul(op: Operation, vec: Tensor, mat: Tensor, b: GradientBuilders): Tensor {
  return b.py.mul(b.tf.expand_dims(vec, -1), mat) as Tensor;
}

/** TF's IsZero in _SoftmaxCrossEntropyWithLogitsGrad: a ZerosLike, or a constant of zeros. */
function isZero(g: Tensor): boolean {
  if (g.op.type === "ZerosLike" || g.op.type === "Zeros") return true;
  if (g.op.type !== "Const") return false;
  const v = g.op.attrs.value as { data: ArrayLike<number> };
  for (let i = 0; i < v.data.length; i++) if (v.data[i] !== 0) return false;
  return true;
}

export const SoftmaxCrossEntropyWithLogits = defineOp<{ T: DType }>({
  type: "SoftmaxCrossEntropyWithLogits",
  doc: "Per row: -sum(labels * log(softmax(features))), and the backprop softmax(features) - labels.",
  inputs: [
    { name: "features", typeAttr: "T" },
    { name: "labels", typeAttr: "T" },
  ],
  typeAttrs: { T: TYPES.float },
  effects: [],
  inferDtype: (c) => [c.dtypes[0], c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const [features, labels] = c.shapes;
    // TF first tries WithRank(features, 2) and Merge(features, labels); else it broadcasts.
    const asMatrix = features.dims === null ? new TensorShape([null, null]) : features;
    if (asMatrix.dims!.length === 2 && asMatrix.is_compatible_with(labels)) {
      const input = asMatrix.merge_with(labels);
      return [new TensorShape([input.dims![0]]), input];
    }
    const out = broadcastStatic(c, features, labels);
    if (out.dims === null) f.fail("Shape must be broadcasted with rank 2, but is rank is unknown.");
    const dims = out.dims!;
    if (dims.length !== 2) f.fail(`Shape must be broadcasted with rank 2, but is rank ${dims.length}`);
    return [new TensorShape([dims[0]]), out];
  },
  kernel: ([logits, labels], k) => {
    let shape = logits.shape as number[];
    const same = logits.shape.length === labels.shape.length && logits.shape.every((d, i) => d === labels.shape[i]);
    if (!same) {
      try {
        shape = broadcastShapes(logits.shape, labels.shape);
      } catch {
        throw new InvalidArgumentError(
          `logits and labels must be broadcastable: logits_size=${dimsString(logits.shape)} labels_size=${dimsString(labels.shape)}`,
          k.op.name,
        );
      }
    }
    if (shape.length !== 2) {
      throw new InvalidArgumentError("logits and labels must be either 2-dimensional, or broadcasted to be 2-dimensional", k.op.name);
    }
    const [batch, depth] = shape;
    const loss = allocOutput(k, 0, logits.dtype, [batch]);
    const backprop = allocOutput(k, 1, logits.dtype, shape);
    const x = logits.data as Num;
    const y = labels.data as Num;
    const l = loss.data as Num;
    const bp = backprop.data as Num;
    const r = logits.dtype === float32 ? Math.fround : (v: number) => v;
    // Row/column strides of each input inside the broadcast [batch, depth] shape.
    const strides = (s: readonly number[]): [number, number] => {
      const rows = s.length === 2 ? s[0] : 1;
      const cols = s.length >= 1 ? s[s.length - 1] : 1;
      return [rows === 1 ? 0 : cols, cols === 1 ? 0 : 1];
    };
    const [xr, xc] = strides(logits.shape);
    const [yr, yc] = strides(labels.shape);
    for (let b = 0; b < batch; b++) {
      let max = -Infinity;
      for (let j = 0; j < depth; j++) max = Math.max(max, x[b * xr + j * xc]);
      let sum = 0;
      for (let j = 0; j < depth; j++) {
        const shifted = r(x[b * xr + j * xc] - max);
        bp[b * depth + j] = shifted;
        sum = r(sum + r(Math.exp(shifted)));
      }
      const logSum = r(Math.log(sum));
      let total = 0;
      for (let j = 0; j < depth; j++) total = r(total + r(y[b * yr + j * yc] * r(logSum - bp[b * depth + j])));
      l[b] = total;
      for (let j = 0; j < depth; j++) bp[b * depth + j] = r(r(r(Math.exp(bp[b * depth + j])) / sum) - y[b * yr + j * yc]);
    }
    return [loss, backprop];
  },
  // TF's _SoftmaxCrossEntropyWithLogitsGrad.
  gradient: (op, [gradLoss, gradGrad], b) => {
    const tf = b.tf;
    const py = b.py;
    const softmaxGrad = op.outputs[1];
    let grad = broadcastMul(op, gradLoss!, softmaxGrad, b);
    const logits = op.inputs[0];
    if (gradGrad !== null && !isZero(gradGrad)) {
      const softmax = tf.nn.softmax(logits);
      const inner = tf.squeeze(tf.matmul(tf.expand_dims(gradGrad, 1), tf.expand_dims(softmax, 2)), { axis: 1 });
      grad = py.add(grad, py.mul(py.sub(gradGrad, inner), softmax)) as Tensor;
    }
    return [grad, broadcastMul(op, gradLoss!, tf.negative(tf.nn.log_softmax(logits)), b)];
  },
});

/** Labels of the sparse op: TF admits int32 and int64. */
const LABEL_TYPES: TypeAttrSpec = { allowed: [int32, int64], tfList: "int32, int64" };

export const SparseSoftmaxCrossEntropyWithLogits = defineOp<{ T: DType; Tlabels: DType }>({
  type: "SparseSoftmaxCrossEntropyWithLogits",
  doc: "Per row: -log(softmax(features)[label]), and the backprop softmax(features) - one_hot(labels).",
  inputs: [
    { name: "features", typeAttr: "T" },
    { name: "labels", typeAttr: "Tlabels" },
  ],
  typeAttrs: { T: TYPES.float, Tlabels: LABEL_TYPES },
  effects: [],
  inferDtype: (c) => [c.dtypes[0], c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const features = f.withRank(c.shapes[0], 2);
    const labels = f.withRank(c.shapes[1], 1);
    const batch = f.mergeDim(features.dims![0], labels.dims![0]);
    return [new TensorShape([batch]), new TensorShape([batch, features.dims![1]])];
  },
  kernel: ([logits, labels], k) => {
    if (logits.shape.length !== 2) throw new InvalidArgumentError(`logits must be 2-D, but got shape ${dimsString(logits.shape)}`, k.op.name);
    if (labels.shape.length !== 1) throw new InvalidArgumentError(`labels must be 1-D, but got shape ${dimsString(labels.shape)}`, k.op.name);
    const [batch, depth] = logits.shape;
    if (batch !== labels.shape[0]) {
      throw new InvalidArgumentError(
        `logits and labels must have the same first dimension, got logits shape ${dimsString(logits.shape)} and labels shape ${dimsString(labels.shape)}`,
        k.op.name,
      );
    }
    if (depth <= 0) throw new InvalidArgumentError(`Must have at least one class, but got logits shape ${dimsString(logits.shape)}`, k.op.name);
    const ids = labels.data as Int32Array;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] < 0 || ids[i] >= depth) {
        throw new InvalidArgumentError(
          `Received a label value of ${ids[i]} which is outside the valid range of [0, ${depth}).  Label values: ${summarizeTensorTF1(labels, labels.size)}`,
          k.op.name,
        );
      }
    }
    const loss = allocOutput(k, 0, logits.dtype, [batch]);
    const backprop = allocOutput(k, 1, logits.dtype, logits.shape);
    const x = logits.data as Num;
    const l = loss.data as Num;
    const bp = backprop.data as Num;
    const r = logits.dtype === float32 ? Math.fround : (v: number) => v;
    for (let b = 0; b < batch; b++) {
      const o = b * depth;
      let max = -Infinity;
      for (let j = 0; j < depth; j++) max = Math.max(max, x[o + j]);
      let sum = 0;
      for (let j = 0; j < depth; j++) {
        bp[o + j] = r(x[o + j] - max);
        sum = r(sum + r(Math.exp(bp[o + j])));
      }
      l[b] = r(r(Math.log(sum)) - bp[o + ids[b]]);
      for (let j = 0; j < depth; j++) bp[o + j] = r(r(r(Math.exp(bp[o + j])) / sum) - (j === ids[b] ? 1 : 0));
    }
    return [loss, backprop];
  },
  // TF's _SparseSoftmaxCrossEntropyWithLogitsGrad: the backprop output behind a PreventGradient.
  gradient: (op, [grad0], b) => {
    const prevented = b.gen("PreventGradient", [op.outputs[1]], {
      message:
        "Currently there is no way to take the second derivative of sparse_softmax_cross_entropy_with_logits due to the fused implementation's interaction with tf.gradients()",
    });
    return [broadcastMul(op, grad0!, prevented, b), null];
  },
});
