/**
 * The `tf.nn` namespace: activations, softmax, cross entropies, bias_add, l2_loss, dropout and
 * moments, building TF 1.14's nn_ops.py / nn_impl.py nodes under the same names
 * (`softmax_cross_entropy_with_logits_sg/...`, `logistic_loss/...`, `dropout/...`).
 */
import { DTypeLike, float32 } from "../dtypes.js";
import { EngineContext } from "../context.js";
import { Tensor } from "../graph.js";
import { InvalidArgumentError, ValueError } from "../errors.js";
import { TensorShape } from "../shape.js";
import { isNumberLike, unbox } from "../pyfloat.js";
import { applyOp } from "./apply.js";
import { convertToTensor, isTensorLike } from "./convert_tensor.js";
import { PyArgs, pyfunc } from "./pyargs.js";
import { pyFor } from "../ops/array_py.js";
import { sliceHelper } from "./array.js";

type Name = string | null;

/** Keyword arguments of the cross-entropy functions (TF 1.x requires keywords). */
export interface XentKw {
  labels?: unknown;
  logits?: unknown;
  name?: Name;
  dim?: number;
  axis?: number | null;
}

/** TF's `_ensure_xent_args`: labels and logits by keyword only. */
function ensureXentArgs(fname: string, sentinel: unknown, labels: unknown, logits: unknown): void {
  if (sentinel !== null && sentinel !== undefined) {
    throw new ValueError(`Only call \`${fname}\` with named arguments (labels=..., logits=..., ...)`);
  }
  if (labels === null || labels === undefined || logits === null || logits === undefined) {
    throw new ValueError("Both labels and logits must be provided.");
  }
}

/** TF's `deprecated_argument_lookup`. */
function argLookup(newName: string, newValue: unknown, oldName: string, oldValue: unknown): unknown {
  if (oldValue !== null && oldValue !== undefined) {
    if (newValue !== null && newValue !== undefined) throw new ValueError(`Cannot specify both '${oldName}' and '${newName}'`);
    return oldValue;
  }
  return newValue;
}

/** nn builders bound to a context (the `tf.nn` namespace). */
export function nnApi(ctx: EngineContext) {
  const g = () => ctx.defaultGraph();
  const tf = () => ctx.tf;
  const py = () => pyFor(ctx);
  const op1 = (type: string, inputs: unknown[], attrs: Record<string, unknown>, name: Name): Tensor => applyOp(ctx, type, inputs, attrs, name).outputs[0];

  /** TF's `_flatten_outer_dims`: reshape to [-1, last dim], with the static shape when known. */
  const flattenOuterDims = (logits: Tensor): Tensor => {
    const rank = tf().rank(logits);
    const lastDimSize = tf().slice(tf().shape(logits), [tf().subtract(rank, 1)], [1]);
    const output = tf().reshape(logits, tf().concat([[-1], lastDimSize], 0));
    const dims = logits.shape.dims;
    if (dims !== null && dims.length > 0 && dims.slice(0, -1).every((d) => d !== null)) {
      const product = (dims.slice(0, -1) as number[]).reduce((a, b) => a * b, 1);
      output.set_shape(new TensorShape([product, dims[dims.length - 1]]));
    }
    return output;
  };

  /** TF's `_softmax`: the kernel works on the last axis; another axis is swapped there and back. */
  const softmaxLike = (type: "Softmax" | "LogSoftmax", logitsIn: unknown, axis: unknown, name: Name): Tensor => {
    const logits = convertToTensor(ctx, logitsIn);
    const shape = logits.shape;
    const dim = axis === null || axis === undefined ? -1 : axis;
    if (dim === -1 || (typeof dim === "number" && dim === (shape.ndims ?? -2) - 1)) return op1(type, [logits], {}, name);
    const ndimsStatic = shape.ndims;
    if (typeof dim === "number" && ndimsStatic !== null && !(-ndimsStatic <= dim && dim < ndimsStatic)) {
      throw new InvalidArgumentError(
        `Dimension (${dim}) must be in the range [${-ndimsStatic}, ${ndimsStatic}) where ${ndimsStatic} is the number of dimensions in the input.`,
      );
    }
    const ndims = tf().rank(logits);
    let d: unknown = dim;
    if (typeof d === "number") {
      if (d < 0) d = py().add(d, ndims);
    } else {
      d = tf().where(tf().less(d, 0), py().add(d, ndims), d);
    }
    const inputRank = tf().rank(logits);
    const dimAxis = typeof d === "number" ? d % (ndimsStatic as number) : py().mod(d, ndimsStatic);
    const swap = (t: Tensor, dimIndex: unknown, lastIndex: Tensor, n: Name): Tensor =>
      tf().transpose(t, tf().concat([tf().range(dimIndex), [lastIndex], tf().range(py().add(dimIndex, 1), lastIndex), [dimIndex]], 0), n);
    const swapped = swap(logits, dimAxis, tf().subtract(inputRank, 1), null);
    const output = op1(type, [swapped], {}, null);
    const result = swap(output, dimAxis, tf().subtract(inputRank, 1), name);
    result.set_shape(shape);
    return result;
  };

  /** softmax_cross_entropy_with_logits_v2's helper (TF 1.14 nn_ops.py). */
  const xentV2 = (labelsIn: unknown, logitsIn: unknown, axisIn: unknown, name: Name): Tensor =>
    g().name_scope(name || "softmax_cross_entropy_with_logits", (scope) => {
      const axis = axisIn === null || axisIn === undefined ? -1 : Number(axisIn);
      const logits = convertToTensor(ctx, logitsIn, { name: "logits" });
      let labels = convertToTensor(ctx, labelsIn, { name: "labels" });
      let precise = logits;
      labels = tf().cast(labels, precise.dtype.base_dtype);
      const inputRank = tf().rank(precise);
      const staticShape = logits.shape;
      if (axis !== -1) {
        const moveDimToEnd = (t: Tensor): Tensor =>
          tf().transpose(t, tf().concat([tf().range(axis), tf().range(axis + 1, inputRank), [axis]], 0));
        precise = moveDimToEnd(precise);
        labels = moveDimToEnd(labels);
      }
      const inputShape = tf().shape(precise);
      precise = flattenOuterDims(precise);
      labels = flattenOuterDims(labels);
      const cost0 = applyOp(ctx, "SoftmaxCrossEntropyWithLogits", [precise, labels], {}, scope).outputs[0];
      const outputShape = tf().slice(inputShape, [0], [tf().subtract(inputRank, 1)]);
      const cost = tf().reshape(cost0, outputShape);
      if (staticShape.dims !== null) {
        const dims = staticShape.dims.slice();
        dims.splice(axis < 0 ? dims.length + axis : axis, 1);
        cost.set_shape(new TensorShape(dims));
      }
      return cost;
    });

  const softmax_cross_entropy_with_logits_v2 = pyfunc(
    "softmax_cross_entropy_with_logits_v2",
    ["labels", "logits", ["axis", null], ["name", null], ["dim", null]],
    (labels: unknown, logits: unknown, axis: unknown, name: Name, dim: unknown): Tensor => xentV2(labels, logits, argLookup("axis", axis, "dim", dim), name),
  ) as (...args: PyArgs<[], [labels: unknown, logits: unknown, axis: number | null, name: Name, dim: number | null], XentKw>) => Tensor;

  return {
    /**
     * max(features, 0).
     * @example
     * const h = tf.nn.relu(tf.matmul(x, W) + b);
     */
    relu: pyfunc("relu", ["features", ["name", null]], (features: unknown, name: Name): Tensor => op1("Relu", [features], {}, name)) as (
      ...args: PyArgs<[features: unknown], [name: Name], { name?: Name }>
    ) => Tensor,

    /**
     * min(max(features, 0), 6).
     * @example
     * const h = tf.nn.relu6(x);
     */
    relu6: pyfunc("relu6", ["features", ["name", null]], (features: unknown, name: Name): Tensor =>
      g().name_scope(name || "Relu6", (scope) => op1("Relu6", [convertToTensor(ctx, features, { name: "features" })], {}, scope)),
    ) as (...args: PyArgs<[features: unknown], [name: Name], { name?: Name }>) => Tensor,

    /**
     * exp(features) - 1 where negative, features elsewhere.
     * @example
     * const h = tf.nn.elu(x);
     */
    elu: pyfunc("elu", ["features", ["name", null]], (features: unknown, name: Name): Tensor => op1("Elu", [features], {}, name)) as (
      ...args: PyArgs<[features: unknown], [name: Name], { name?: Name }>
    ) => Tensor,

    /**
     * log(exp(features) + 1).
     * @example
     * const h = tf.nn.softplus(x);
     */
    softplus: pyfunc("softplus", ["features", ["name", null]], (features: unknown, name: Name): Tensor => op1("Softplus", [features], {}, name)) as (
      ...args: PyArgs<[features: unknown], [name: Name], { name?: Name }>
    ) => Tensor,

    /**
     * features where positive, alpha * features elsewhere (op LeakyRelu).
     * @example
     * const h = tf.nn.leaky_relu(x, {alpha: 0.1});
     */
    leaky_relu: pyfunc("leaky_relu", ["features", ["alpha", 0.2], ["name", null]], (features: unknown, alpha: unknown, name: Name): Tensor =>
      g().name_scope(name || "LeakyRelu", (scope) => {
        let f = convertToTensor(ctx, features, { name: "features" });
        if (f.dtype.isInteger) f = tf().cast(f, float32);
        return op1("LeakyRelu", [f], { alpha: Number(unbox(alpha as number)) }, scope);
      }),
    ) as (...args: PyArgs<[features: unknown], [alpha: number, name: Name], { alpha?: number; name?: Name }>) => Tensor,

    /**
     * 1 / (1 + exp(-x)) (same as `tf.sigmoid`).
     * @example
     * const p = tf.nn.sigmoid(logits);
     */
    sigmoid: (...args: unknown[]): Tensor => (tf().sigmoid as (...a: unknown[]) => Tensor)(...args),

    /**
     * Hyperbolic tangent (same as `tf.tanh`).
     * @example
     * const h = tf.nn.tanh(x);
     */
    tanh: (...args: unknown[]): Tensor => (tf().tanh as (...a: unknown[]) => Tensor)(...args),

    /**
     * exp(logits) / sum(exp(logits)) along `axis` (default: the last).
     * @example
     * const probs = tf.nn.softmax(logits);
     */
    softmax: pyfunc("softmax", ["logits", ["axis", null], ["name", null], ["dim", null]], (logits: unknown, axis: unknown, name: Name, dim: unknown): Tensor =>
      softmaxLike("Softmax", logits, argLookup("axis", axis, "dim", dim), name),
    ) as (...args: PyArgs<[logits: unknown], [axis: number | null, name: Name, dim: number | null], { axis?: number | null; name?: Name; dim?: number | null }>) => Tensor,

    /**
     * logits - log(sum(exp(logits))) along `axis` (default: the last).
     * @example
     * const logp = tf.nn.log_softmax(logits);
     */
    log_softmax: pyfunc("log_softmax", ["logits", ["axis", null], ["name", null], ["dim", null]], (logits: unknown, axis: unknown, name: Name, dim: unknown): Tensor =>
      softmaxLike("LogSoftmax", logits, argLookup("axis", axis, "dim", dim), name),
    ) as (...args: PyArgs<[logits: unknown], [axis: number | null, name: Name, dim: number | null], { axis?: number | null; name?: Name; dim?: number | null }>) => Tensor,

    /**
     * Adds a 1-D bias to the last dimension of `value`.
     * @example
     * const y = tf.nn.bias_add(tf.matmul(x, W), b);
     */
    bias_add: pyfunc("bias_add", ["value", "bias", ["data_format", null], ["name", null]], (value: unknown, bias: unknown, dataFormat: string | null, name: Name): Tensor =>
      g().name_scope(name || "BiasAdd", (scope) => {
        let format = "NHWC";
        if (dataFormat !== null && dataFormat !== undefined) {
          if (dataFormat.startsWith("NC")) throw new ValueError("data_format NCHW is not supported in the playground");
          else if (dataFormat.startsWith("N") && dataFormat.endsWith("C")) format = "NHWC";
          else throw new ValueError("data_format must be of the form `N...C` or `NC...`");
        }
        const v = convertToTensor(ctx, value, { name: "input" });
        const b = convertToTensor(ctx, bias, { dtype: v.dtype.base_dtype, name: "bias" });
        return op1("BiasAdd", [v, b], { data_format: format }, scope);
      }),
    ) as (...args: PyArgs<[value: unknown, bias: unknown], [data_format: string | null, name: Name], { data_format?: string | null; name?: Name }>) => Tensor,

    /**
     * Per row: -sum(labels * log(softmax(logits))). Gradients flow into the labels too.
     * @example
     * const xent = tf.nn.softmax_cross_entropy_with_logits_v2({labels: y_, logits: y});
     */
    softmax_cross_entropy_with_logits_v2,

    /**
     * Deprecated TF 1.x cross entropy: like `_v2`, but the labels get a `stop_gradient`
     * (nodes under `softmax_cross_entropy_with_logits_sg`). Call with keywords only.
     * @example
     * const xent = tf.nn.softmax_cross_entropy_with_logits({labels: y_, logits: y});
     */
    softmax_cross_entropy_with_logits: pyfunc(
      "softmax_cross_entropy_with_logits",
      [["_sentinel", null], ["labels", null], ["logits", null], ["dim", -1], ["name", null], ["axis", null]],
      (sentinel: unknown, labels: unknown, logits: unknown, dim: unknown, name: Name, axis: unknown): Tensor => {
        const d = argLookup("axis", axis, "dim", dim);
        ensureXentArgs("softmax_cross_entropy_with_logits", sentinel, labels, logits);
        const scope = g().name_scope(name || "softmax_cross_entropy_with_logits_sg", (s) => {
          labels = op1("StopGradient", [labels], {}, "labels_stop_gradient");
          return s;
        });
        return xentV2(labels, logits, d, scope);
      },
    ) as (...args: [kwargs: XentKw]) => Tensor,

    /**
     * Per example: -log(softmax(logits)[label]) for integer class labels. Call with keywords only.
     * @example
     * const xent = tf.nn.sparse_softmax_cross_entropy_with_logits({labels: y_, logits: y});
     */
    sparse_softmax_cross_entropy_with_logits: pyfunc(
      "sparse_softmax_cross_entropy_with_logits",
      [["_sentinel", null], ["labels", null], ["logits", null], ["name", null]],
      (sentinel: unknown, labelsIn: unknown, logitsIn: unknown, name: Name): Tensor => {
        ensureXentArgs("sparse_softmax_cross_entropy_with_logits", sentinel, labelsIn, logitsIn);
        // TF opens the scope without `as name`: the op inside is named SparseSoftmaxCrossEntropyWithLogits too.
        return g().name_scope(name || "SparseSoftmaxCrossEntropyWithLogits", () => {
          let labels = convertToTensor(ctx, labelsIn);
          const logits = convertToTensor(ctx, logitsIn);
          const labelsStatic = labels.shape;
          const labelsShape = tf().shape(labels);
          const logitsShape = logits.shape;
          const outer = logitsShape.dims === null ? null : new TensorShape(logitsShape.dims.slice(0, -1));
          const fullyDefined = labelsStatic.is_fully_defined() && outer !== null && outer.is_fully_defined();
          if (logitsShape.ndims === 0) throw new ValueError(`Logits cannot be scalars - received shape ${logitsShape}.`);
          if (logitsShape.ndims !== null && labelsStatic.ndims !== null && labelsStatic.ndims !== logitsShape.ndims - 1) {
            throw new ValueError(
              `Rank mismatch: Rank of labels (received ${labelsStatic.ndims}) should equal rank of logits minus 1 (received ${logitsShape.ndims}).`,
            );
          }
          if (fullyDefined && !labelsStatic.equals(outer!)) {
            throw new ValueError(
              `Shape mismatch: The shape of labels (received ${labelsStatic}) should equal the shape of logits except for the last dimension (received ${logitsShape}).`,
            );
          }
          // TF passes the caller's `name` again: `xentropy/xentropy` when named, else the default.
          if (logitsShape.ndims === 2) return applyOp(ctx, "SparseSoftmaxCrossEntropyWithLogits", [logits, labels], {}, name).outputs[0];
          // Other ranks: flatten to [-1, num_classes] and [-1]. (TF also adds a dynamic
          // assert_equal of the shapes when they are not static; the playground skips it.)
          const numClasses = sliceHelper(ctx, tf().shape(logits), py().sub(tf().rank(logits), 1) as Tensor);
          const precise = tf().reshape(logits, [-1, numClasses]);
          labels = tf().reshape(labels, [-1]);
          const cost0 = applyOp(ctx, "SparseSoftmaxCrossEntropyWithLogits", [precise, labels], {}, name).outputs[0];
          const cost = tf().reshape(cost0, labelsShape);
          cost.set_shape(labelsStatic);
          return cost;
        });
      },
    ) as (...args: [kwargs: { labels?: unknown; logits?: unknown; name?: Name }]) => Tensor,

    /**
     * Per element: the logistic loss max(x, 0) - x * z + log(1 + exp(-|x|)), built as TF 1.14
     * builds it (`logistic_loss/Select`, `/Neg`, `/Exp`, `/Log1p`). Call with keywords only.
     * @example
     * const loss = tf.nn.sigmoid_cross_entropy_with_logits({labels: y_, logits: y});
     */
    sigmoid_cross_entropy_with_logits: pyfunc(
      "sigmoid_cross_entropy_with_logits",
      [["_sentinel", null], ["labels", null], ["logits", null], ["name", null]],
      (sentinel: unknown, labelsIn: unknown, logitsIn: unknown, name: Name): Tensor => {
        ensureXentArgs("sigmoid_cross_entropy_with_logits", sentinel, labelsIn, logitsIn);
        return g().name_scope(name || "logistic_loss", (scope) => {
          const logits = convertToTensor(ctx, logitsIn, { name: "logits" });
          const labels = convertToTensor(ctx, labelsIn, { name: "labels" });
          if (!labels.shape.is_compatible_with(logits.shape)) {
            throw new ValueError(`logits and labels must have the same shape (${logits.shape} vs ${labels.shape})`);
          }
          const zeros = tf().zeros_like(logits, logits.dtype.base_dtype);
          const cond = py().ge(logits, zeros) as Tensor;
          const reluLogits = tf().where(cond, logits, zeros);
          const negAbsLogits = tf().where(cond, py().neg(logits), logits);
          const first = py().sub(reluLogits, py().mul(logits, labels)) as Tensor;
          return tf().add(first, tf().log1p(tf().exp(negAbsLogits)), scope);
        });
      },
    ) as (...args: [kwargs: { labels?: unknown; logits?: unknown; name?: Name }]) => Tensor,

    /**
     * sum(t ** 2) / 2.
     * @example
     * const reg = 0.01 * tf.nn.l2_loss(W);
     */
    l2_loss: pyfunc("l2_loss", ["t", ["name", null]], (t: unknown, name: Name): Tensor => op1("L2Loss", [t], {}, name)) as (
      ...args: PyArgs<[t: unknown], [name: Name], { name?: Name }>
    ) => Tensor,

    /**
     * Zeroes each element with probability `rate` (or 1 - `keep_prob`, the TF 1.x argument) and
     * scales the rest by 1 / keep_prob; a new mask every run (TF 1.14: random_uniform + floor).
     * @example
     * const h_drop = tf.nn.dropout(h, keep_prob);      // keep_prob a placeholder
     * const h2 = tf.nn.dropout(h, {rate: 0.5});
     */
    dropout: pyfunc(
      "dropout",
      ["x", ["keep_prob", null], ["noise_shape", null], ["seed", null], ["name", null], ["rate", null]],
      (x: unknown, keepProb: unknown, noiseShape: unknown, seed: number | null, name: Name, rateIn: unknown): Tensor => {
        let keep: unknown = null;
        if (keepProb !== null && keepProb !== undefined) {
          if (isNumberLike(keepProb)) keep = 1.0 - Number(unbox(keepProb));
          else if (isTensorLike(keepProb)) keep = py().sub(1.0, keepProb);
          else throw new ValueError(`keep_prob must be a floating point number or Tensor (got ${String(keepProb)})`);
        }
        const rate = argLookup("rate", rateIn, "keep_prob", keep);
        if (rate === null || rate === undefined) throw new ValueError("You must provide a rate to dropout.");
        return dropoutV2(x, rate, noiseShape, seed, name);
      },
    ) as (
      ...args: PyArgs<[x: unknown], [keep_prob: unknown, noise_shape: unknown, seed: number | null, name: Name, rate: unknown], { keep_prob?: unknown; noise_shape?: unknown; seed?: number | null; name?: Name; rate?: unknown }>
    ) => Tensor,

    /**
     * Mean and variance of `x` over `axes`.
     * @example
     * const [mean, variance] = tf.nn.moments(x, [0]);
     */
    moments: pyfunc(
      "moments",
      ["x", "axes", ["shift", null], ["name", null], ["keep_dims", null], ["keepdims", null]],
      (x: unknown, axes: number[], _shift: unknown, name: Name, keepDimsOld: boolean | null, keepdimsIn: boolean | null): Tensor[] => {
        const keepdims = (argLookup("keepdims", keepdimsIn, "keep_dims", keepDimsOld) as boolean | null) ?? false;
        return g().name_scope(name || "moments", () => {
          const y = convertToTensor(ctx, x);
          let mean = tf().reduce_mean(y, axes, true, "mean");
          let variance = tf().reduce_mean(tf().squared_difference(y, tf().stop_gradient(mean)), axes, true, "variance");
          if (!keepdims) {
            mean = op1("Squeeze", [mean], { squeeze_dims: axes }, null);
            variance = op1("Squeeze", [variance], { squeeze_dims: axes }, null);
          }
          return [mean, variance];
        });
      },
    ) as (...args: PyArgs<[x: unknown, axes: number[]], [shift: unknown, name: Name, keep_dims: boolean | null], { shift?: unknown; name?: Name; keep_dims?: boolean | null; keepdims?: boolean | null }>) => Tensor[],
  };

  /** TF 1.14's dropout_v2: `x / keep_prob * floor(keep_prob + uniform)`. */
  function dropoutV2(xIn: unknown, rateIn: unknown, noiseShape: unknown, seed: number | null, name: Name): Tensor {
    return g().name_scope(name || "dropout", () => {
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
      const shape = noiseShape === null || noiseShape === undefined ? tf().shape(x) : noiseShape;
      const keepProb = py().sub(1, rateT) as Tensor;
      const randomTensor = py().add(keepProb, tf().random_uniform(shape as Tensor, { seed, dtype: x.dtype.base_dtype })) as Tensor;
      const binary = tf().floor(randomTensor);
      const ret = py().mul(py().truediv(x, keepProb), binary) as Tensor;
      ret.set_shape(x.shape);
      return ret;
    });
  }
}

/** Python's `%g`. */
function formatG(x: number): string {
  const s = x.toPrecision(6);
  return String(Number(s));
}

export type { DTypeLike };
