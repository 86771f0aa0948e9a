/**
 * The `tf.nn` namespace: activations, softmax, cross entropies, bias_add, l2_loss, dropout and
 * moments, building TF 1.14's nn_ops.py / nn_impl.py nodes under the same names
 * (`softmax_cross_entropy_with_logits_sg/...`, `logistic_loss/...`, `dropout/...`).
 */
import { float32 } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { ValueError } from "../../errors.js";
import { TensorShape } from "../../shape.js";
import { isNumberLike, unbox } from "../../pyfloat.js";
import { applyOp } from "../apply.js";
import { convertToTensor, isTensorLike } from "../convert_tensor.js";
import { keywordFunc, pyfunc } from "../pyargs.js";
import { deprecatedArgumentLookup, op1, type Name } from "../build.js";
import { buildersFor } from "../builders.js";
import { pyFor } from "../operators.js";
import { sliceHelper } from "../slicing.js";
import { dropoutV2, ensureXentArgs, softmaxLike, xentV2 } from "../nn_impl.js";
import { sigmoid as mathSigmoid, tanh as mathTanh } from "./functions.js";

/** Keyword arguments of the cross-entropy functions (TF 1.x requires keywords). */
export interface XentKw {
  labels?: unknown;
  logits?: unknown;
  name?: Name;
  dim?: number;
  axis?: number | null;
}

/**
 * max(features, 0).
 * @example
 * const h = tf.nn.relu(tf.matmul(x, W) + b);
 */
export const relu = pyfunc("relu", ["features", "name"], (ctx: EngineContext, features: unknown, name: Name = null): Tensor =>
  op1(ctx, "Relu", [features], {}, name),
);

/**
 * min(max(features, 0), 6).
 * @example
 * const h = tf.nn.relu6(x);
 */
export const relu6 = pyfunc("relu6", ["features", "name"], (ctx: EngineContext, features: unknown, name: Name = null): Tensor =>
  ctx.defaultGraph().name_scope(name || "Relu6", (scope) => op1(ctx, "Relu6", [convertToTensor(ctx, features, { name: "features" })], {}, scope)),
);

/**
 * exp(features) - 1 where negative, features elsewhere.
 * @example
 * const h = tf.nn.elu(x);
 */
export const elu = pyfunc("elu", ["features", "name"], (ctx: EngineContext, features: unknown, name: Name = null): Tensor =>
  op1(ctx, "Elu", [features], {}, name),
);

/**
 * log(exp(features) + 1).
 * @example
 * const h = tf.nn.softplus(x);
 */
export const softplus = pyfunc("softplus", ["features", "name"], (ctx: EngineContext, features: unknown, name: Name = null): Tensor =>
  op1(ctx, "Softplus", [features], {}, name),
);

/**
 * features where positive, alpha * features elsewhere (op LeakyRelu).
 * @example
 * const h = tf.nn.leaky_relu(x, {alpha: 0.1});
 */
export const leaky_relu = pyfunc(
  "leaky_relu",
  ["features", "alpha", "name"],
  (ctx: EngineContext, features: unknown, alpha: unknown = 0.2, name: Name = null): Tensor =>
    ctx.defaultGraph().name_scope(name || "LeakyRelu", (scope) => {
      let f = convertToTensor(ctx, features, { name: "features" });
      if (f.dtype.isInteger) f = buildersFor(ctx).cast(f, float32);
      return op1(ctx, "LeakyRelu", [f], { alpha: Number(unbox(alpha as number)) }, scope);
    }),
);

/**
 * 1 / (1 + exp(-x)) (same as `tf.sigmoid`).
 * @example
 * const p = tf.nn.sigmoid(logits);
 */
export const sigmoid = mathSigmoid;

/**
 * Hyperbolic tangent (same as `tf.tanh`).
 * @example
 * const h = tf.nn.tanh(x);
 */
export const tanh = mathTanh;

/**
 * exp(logits) / sum(exp(logits)) along `axis` (default: the last).
 * @example
 * const probs = tf.nn.softmax(logits);
 */
export const softmax = pyfunc(
  "softmax",
  ["logits", "axis", "name", "dim"],
  (ctx: EngineContext, logits: unknown, axis: unknown = null, name: Name = null, dim: unknown = null): Tensor =>
    softmaxLike(ctx, "Softmax", logits, deprecatedArgumentLookup("axis", axis, "dim", dim), name),
);

/**
 * logits - log(sum(exp(logits))) along `axis` (default: the last).
 * @example
 * const logp = tf.nn.log_softmax(logits);
 */
export const log_softmax = pyfunc(
  "log_softmax",
  ["logits", "axis", "name", "dim"],
  (ctx: EngineContext, logits: unknown, axis: unknown = null, name: Name = null, dim: unknown = null): Tensor =>
    softmaxLike(ctx, "LogSoftmax", logits, deprecatedArgumentLookup("axis", axis, "dim", dim), name),
);

/**
 * Adds a 1-D bias to the last dimension of `value`.
 * @example
 * const y = tf.nn.bias_add(tf.matmul(x, W), b);
 */
export const bias_add = pyfunc(
  "bias_add",
  ["value", "bias", "data_format", "name"],
  (ctx: EngineContext, value: unknown, bias: unknown, data_format: string | null = null, name: Name = null): Tensor =>
    ctx.defaultGraph().name_scope(name || "BiasAdd", (scope) => {
      let format = "NHWC";
      if (data_format !== null && data_format !== undefined) {
        if (data_format.startsWith("NC")) throw new ValueError("data_format NCHW is not supported in the playground");
        else if (data_format.startsWith("N") && data_format.endsWith("C")) format = "NHWC";
        else throw new ValueError("data_format must be of the form `N...C` or `NC...`");
      }
      const v = convertToTensor(ctx, value, { name: "input" });
      const b = convertToTensor(ctx, bias, { dtype: v.dtype.base_dtype, name: "bias" });
      return op1(ctx, "BiasAdd", [v, b], { data_format: format }, scope);
    }),
);

/**
 * Per row: -sum(labels * log(softmax(logits))). Gradients flow into the labels too.
 * @example
 * const xent = tf.nn.softmax_cross_entropy_with_logits_v2({labels: y_, logits: y});
 */
export const softmax_cross_entropy_with_logits_v2 = pyfunc(
  "softmax_cross_entropy_with_logits_v2",
  ["labels", "logits", "axis", "name", "dim"],
  (ctx: EngineContext, labels: unknown, logits: unknown, axis: unknown = null, name: Name = null, dim: unknown = null): Tensor =>
    xentV2(ctx, labels, logits, deprecatedArgumentLookup("axis", axis, "dim", dim), name),
);

/**
 * Deprecated TF 1.x cross entropy: like `_v2`, but the labels get a `stop_gradient`
 * (nodes under `softmax_cross_entropy_with_logits_sg`). Call with keywords only.
 * @example
 * const xent = tf.nn.softmax_cross_entropy_with_logits({labels: y_, logits: y});
 */
export const softmax_cross_entropy_with_logits = keywordFunc(
  "softmax_cross_entropy_with_logits",
  ["_sentinel", "labels", "logits", "dim", "name", "axis"],
  (
    ctx: EngineContext,
    _sentinel: unknown = null,
    labels: unknown = null,
    logits: unknown = null,
    dim: unknown = -1,
    name: Name = null,
    axis: unknown = null,
  ): Tensor => {
    const d = deprecatedArgumentLookup("axis", axis, "dim", dim);
    ensureXentArgs("softmax_cross_entropy_with_logits", _sentinel, labels, logits);
    const scope = ctx.defaultGraph().name_scope(name || "softmax_cross_entropy_with_logits_sg", (s) => {
      labels = op1(ctx, "StopGradient", [labels], {}, "labels_stop_gradient");
      return s;
    });
    return xentV2(ctx, labels, logits, d, scope);
  },
);

/**
 * Per example: -log(softmax(logits)[label]) for integer class labels. Call with keywords only.
 * @example
 * const xent = tf.nn.sparse_softmax_cross_entropy_with_logits({labels: y_, logits: y});
 */
export const sparse_softmax_cross_entropy_with_logits = keywordFunc(
  "sparse_softmax_cross_entropy_with_logits",
  ["_sentinel", "labels", "logits", "name"],
  (ctx: EngineContext, _sentinel: unknown = null, labels: unknown = null, logits: unknown = null, name: Name = null): Tensor => {
    ensureXentArgs("sparse_softmax_cross_entropy_with_logits", _sentinel, labels, logits);
    const tf = buildersFor(ctx);
    // TF opens the scope without `as name`: the op inside is named SparseSoftmaxCrossEntropyWithLogits too.
    return ctx.defaultGraph().name_scope(name || "SparseSoftmaxCrossEntropyWithLogits", () => {
      let labelsT = convertToTensor(ctx, labels);
      const logitsT = convertToTensor(ctx, logits);
      const labelsStatic = labelsT.shape;
      const labelsShape = tf.shape(labelsT);
      const logitsShape = logitsT.shape;
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
      if (logitsShape.ndims === 2) return applyOp(ctx, "SparseSoftmaxCrossEntropyWithLogits", [logitsT, labelsT], {}, name).outputs[0];
      // Other ranks: flatten to [-1, num_classes] and [-1]. (TF also adds a dynamic
      // assert_equal of the shapes when they are not static; the playground skips it.)
      const numClasses = sliceHelper(ctx, tf.shape(logitsT), pyFor(ctx).sub(tf.rank(logitsT), 1) as Tensor);
      const precise = tf.reshape(logitsT, [-1, numClasses]);
      labelsT = tf.reshape(labelsT, [-1]);
      const cost0 = applyOp(ctx, "SparseSoftmaxCrossEntropyWithLogits", [precise, labelsT], {}, name).outputs[0];
      const cost = tf.reshape(cost0, labelsShape);
      cost.set_shape(labelsStatic);
      return cost;
    });
  },
);

/**
 * Per element: the logistic loss max(x, 0) - x * z + log(1 + exp(-|x|)), built as TF 1.14
 * builds it (`logistic_loss/Select`, `/Neg`, `/Exp`, `/Log1p`). Call with keywords only.
 * @example
 * const loss = tf.nn.sigmoid_cross_entropy_with_logits({labels: y_, logits: y});
 */
export const sigmoid_cross_entropy_with_logits = keywordFunc(
  "sigmoid_cross_entropy_with_logits",
  ["_sentinel", "labels", "logits", "name"],
  (ctx: EngineContext, _sentinel: unknown = null, labels: unknown = null, logits: unknown = null, name: Name = null): Tensor => {
    ensureXentArgs("sigmoid_cross_entropy_with_logits", _sentinel, labels, logits);
    return ctx.defaultGraph().name_scope(name || "logistic_loss", (scope) => {
      const tf = buildersFor(ctx);
      const py = pyFor(ctx);
      const logitsT = convertToTensor(ctx, logits, { name: "logits" });
      const labelsT = convertToTensor(ctx, labels, { name: "labels" });
      if (!labelsT.shape.is_compatible_with(logitsT.shape)) {
        throw new ValueError(`logits and labels must have the same shape (${logitsT.shape} vs ${labelsT.shape})`);
      }
      const zeros = tf.zeros_like(logitsT, logitsT.dtype.base_dtype);
      const cond = py.ge(logitsT, zeros) as Tensor;
      const reluLogits = tf.where(cond, logitsT, zeros);
      const negAbsLogits = tf.where(cond, py.neg(logitsT), logitsT);
      const first = py.sub(reluLogits, py.mul(logitsT, labelsT)) as Tensor;
      return tf.add(first, tf.log1p(tf.exp(negAbsLogits)), scope);
    });
  },
);

/**
 * sum(t ** 2) / 2.
 * @example
 * const reg = 0.01 * tf.nn.l2_loss(W);
 */
export const l2_loss = pyfunc("l2_loss", ["t", "name"], (ctx: EngineContext, t: unknown, name: Name = null): Tensor => op1(ctx, "L2Loss", [t], {}, name));

/**
 * Zeroes each element with probability `rate` (or 1 - `keep_prob`, the TF 1.x argument) and
 * scales the rest by 1 / keep_prob; a new mask every run (TF 1.14: random_uniform + floor).
 * @example
 * const h_drop = tf.nn.dropout(h, keep_prob);      // keep_prob a placeholder
 * const h2 = tf.nn.dropout(h, {rate: 0.5});
 */
export const dropout = pyfunc(
  "dropout",
  ["x", "keep_prob", "noise_shape", "seed", "name", "rate"],
  (
    ctx: EngineContext,
    x: unknown,
    keep_prob: unknown = null,
    noise_shape: unknown = null,
    seed: number | null = null,
    name: Name = null,
    rate: unknown = null,
  ): Tensor => {
    let keep: unknown = null;
    if (keep_prob !== null && keep_prob !== undefined) {
      if (isNumberLike(keep_prob)) keep = 1.0 - Number(unbox(keep_prob));
      else if (isTensorLike(keep_prob)) keep = pyFor(ctx).sub(1.0, keep_prob);
      else throw new ValueError(`keep_prob must be a floating point number or Tensor (got ${String(keep_prob)})`);
    }
    const r = deprecatedArgumentLookup("rate", rate, "keep_prob", keep);
    if (r === null || r === undefined) throw new ValueError("You must provide a rate to dropout.");
    return dropoutV2(ctx, x, r, noise_shape, seed, name);
  },
);

/**
 * Mean and variance of `x` over `axes`.
 * @example
 * const [mean, variance] = tf.nn.moments(x, [0]);
 */
export const moments = pyfunc(
  "moments",
  ["x", "axes", "shift", "name", "keep_dims", "keepdims"],
  (
    ctx: EngineContext,
    x: unknown,
    axes: number[],
    shift: unknown = null,
    name: Name = null,
    keep_dims: boolean | null = null,
    keepdims: boolean | null = null,
  ): Tensor[] => {
    const keep = (deprecatedArgumentLookup("keepdims", keepdims, "keep_dims", keep_dims) as boolean | null) ?? false;
    const tf = buildersFor(ctx);
    return ctx.defaultGraph().name_scope(name || "moments", () => {
      const y = convertToTensor(ctx, x);
      let mean = tf.reduce_mean(y, axes, true, "mean");
      let variance = tf.reduce_mean(tf.squared_difference(y, tf.stop_gradient(mean)), axes, true, "variance");
      if (!keep) {
        mean = op1(ctx, "Squeeze", [mean], { squeeze_dims: axes }, null);
        variance = op1(ctx, "Squeeze", [variance], { squeeze_dims: axes }, null);
      }
      return [mean, variance];
    });
  },
);
