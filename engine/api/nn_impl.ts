/**
 * The work behind `tf.nn`'s builders, as TF 1.14's nn_ops.py / nn_impl.py do it: softmax on a
 * non-last axis (transpose there and back), the v2 cross entropy's flattening and reshaping,
 * dropout's `x / keep_prob * floor(keep_prob + uniform)`.
 */
import type { EngineContext } from "../context.js";
import { Tensor } from "../graph.js";
import { InvalidArgumentError, ValueError } from "../errors.js";
import { TensorShape } from "../shape.js";
import { isNumberLike, unbox } from "../pyfloat.js";
import { applyOp } from "./apply.js";
import { convertToTensor } from "./convert_tensor.js";
import { op1, type Name } from "./build.js";
import { buildersFor } from "./builders.js";
import { pyFor } from "./operators.js";

/** TF's `_ensure_xent_args`: labels and logits by keyword only. */
export function ensureXentArgs(fname: string, sentinel: unknown, labels: unknown, logits: unknown): void {
  if (sentinel !== null && sentinel !== undefined) {
    throw new ValueError(`Only call \`${fname}\` with named arguments (labels=..., logits=..., ...)`);
  }
  if (labels === null || labels === undefined || logits === null || logits === undefined) {
    throw new ValueError("Both labels and logits must be provided.");
  }
}

/** TF's `_flatten_outer_dims`: reshape to [-1, last dim], with the static shape when known. */
function flattenOuterDims(ctx: EngineContext, logits: Tensor): Tensor {
  const tf = buildersFor(ctx);
  const rank = tf.rank(logits);
  const lastDimSize = tf.slice(tf.shape(logits), [tf.subtract(rank, 1)], [1]);
  const output = tf.reshape(logits, tf.concat([[-1], lastDimSize], 0));
  const dims = logits.shape.dims;
  if (dims !== null && dims.length > 0 && dims.slice(0, -1).every((d) => d !== null)) {
    const product = (dims.slice(0, -1) as number[]).reduce((a, b) => a * b, 1);
    output.set_shape(new TensorShape([product, dims[dims.length - 1]]));
  }
  return output;
}

/** TF's `_softmax`: the kernel works on the last axis; another axis is swapped there and back. */
export function softmaxLike(ctx: EngineContext, type: "Softmax" | "LogSoftmax", logitsIn: unknown, axis: unknown, name: Name): Tensor {
  const tf = buildersFor(ctx);
  const py = pyFor(ctx);
  const logits = convertToTensor(ctx, logitsIn);
  const shape = logits.shape;
  const dim = axis === null || axis === undefined ? -1 : axis;
  if (dim === -1 || (typeof dim === "number" && dim === (shape.ndims ?? -2) - 1)) return op1(ctx, type, [logits], {}, name);
  const ndimsStatic = shape.ndims;
  if (typeof dim === "number" && ndimsStatic !== null && !(-ndimsStatic <= dim && dim < ndimsStatic)) {
    throw new InvalidArgumentError(
      `Dimension (${dim}) must be in the range [${-ndimsStatic}, ${ndimsStatic}) where ${ndimsStatic} is the number of dimensions in the input.`,
    );
  }
  const ndims = tf.rank(logits);
  let d: unknown = dim;
  if (typeof d === "number") {
    if (d < 0) d = py.add(d, ndims);
  } else {
    d = tf.where(tf.less(d, 0), py.add(d, ndims), d);
  }
  const inputRank = tf.rank(logits);
  const dimAxis = typeof d === "number" ? d % (ndimsStatic as number) : py.mod(d, ndimsStatic);
  const swap = (t: Tensor, dimIndex: unknown, lastIndex: Tensor, n: Name): Tensor =>
    tf.transpose(t, tf.concat([tf.range(dimIndex), [lastIndex], tf.range(py.add(dimIndex, 1), lastIndex), [dimIndex]], 0), n);
  const swapped = swap(logits, dimAxis, tf.subtract(inputRank, 1), null);
  const output = op1(ctx, type, [swapped], {}, null);
  const result = swap(output, dimAxis, tf.subtract(inputRank, 1), name);
  result.set_shape(shape);
  return result;
}

/** softmax_cross_entropy_with_logits_v2's helper (TF 1.14 nn_ops.py). */
export function xentV2(ctx: EngineContext, labelsIn: unknown, logitsIn: unknown, axisIn: unknown, name: Name): Tensor {
  const tf = buildersFor(ctx);
  return ctx.defaultGraph().name_scope(name || "softmax_cross_entropy_with_logits", (scope) => {
    const axis = axisIn === null || axisIn === undefined ? -1 : Number(axisIn);
    const logits = convertToTensor(ctx, logitsIn, { name: "logits" });
    let labels = convertToTensor(ctx, labelsIn, { name: "labels" });
    let precise = logits;
    labels = tf.cast(labels, precise.dtype.base_dtype);
    const inputRank = tf.rank(precise);
    const staticShape = logits.shape;
    if (axis !== -1) {
      const moveDimToEnd = (t: Tensor): Tensor => tf.transpose(t, tf.concat([tf.range(axis), tf.range(axis + 1, inputRank), [axis]], 0));
      precise = moveDimToEnd(precise);
      labels = moveDimToEnd(labels);
    }
    const inputShape = tf.shape(precise);
    precise = flattenOuterDims(ctx, precise);
    labels = flattenOuterDims(ctx, labels);
    const cost0 = applyOp(ctx, "SoftmaxCrossEntropyWithLogits", [precise, labels], {}, scope).outputs[0];
    const outputShape = tf.slice(inputShape, [0], [tf.subtract(inputRank, 1)]);
    const cost = tf.reshape(cost0, outputShape);
    if (staticShape.dims !== null) {
      const dims = staticShape.dims.slice();
      dims.splice(axis < 0 ? dims.length + axis : axis, 1);
      cost.set_shape(new TensorShape(dims));
    }
    return cost;
  });
}

/** TF 1.14's dropout_v2: `x / keep_prob * floor(keep_prob + uniform)`. */
export function dropoutV2(ctx: EngineContext, xIn: unknown, rateIn: unknown, noiseShape: unknown, seed: number | null, name: Name): Tensor {
  const tf = buildersFor(ctx);
  const py = pyFor(ctx);
  return ctx.defaultGraph().name_scope(name || "dropout", () => {
    const x = convertToTensor(ctx, xIn, { name: "x" });
    if (!x.dtype.isFloating) {
      throw new ValueError(`x has to be a floating point tensor since it's going to be scaled. Got a ${x.dtype} tensor instead.`);
    }
    let rate: unknown = rateIn;
    if (isNumberLike(rate)) {
      const r = Number(unbox(rate));
      if (!(r >= 0 && r < 1)) throw new ValueError(`rate must be a scalar tensor or a float in the range [0, 1), got ${formatG(r)}`);
      if (r === 0) return x;
    }
    const rateT = convertToTensor(ctx, rate, { dtype: x.dtype.base_dtype, name: "rate" });
    if (!rateT.shape.is_compatible_with(TensorShape.scalar())) throw new ValueError(`Shapes ${rateT.shape} and () are incompatible`);
    if (rateT.op.type === "Const" && Number((rateT.op.attrs.value as { data: ArrayLike<number> }).data[0]) === 0) return x;
    const shape = noiseShape === null || noiseShape === undefined ? tf.shape(x) : noiseShape;
    const keepProb = py.sub(1, rateT) as Tensor;
    const randomTensor = py.add(keepProb, tf.random_uniform(shape as Tensor, { seed, dtype: x.dtype.base_dtype })) as Tensor;
    const binary = tf.floor(randomTensor);
    const ret = py.mul(py.truediv(x, keepProb), binary) as Tensor;
    ret.set_shape(x.shape);
    return ret;
  });
}

/** Python's `%g`. */
function formatG(x: number): string {
  const s = x.toPrecision(6);
  return String(Number(s));
}
