/**
 * `tf.layers.conv2d`, `max_pooling2d`, `average_pooling2d`, `flatten` and `dropout` (and their
 * classes `Conv2D`, `MaxPooling2D`, `AveragePooling2D`, `Flatten`, `Dropout`), building what
 * TF 1.15's layers build: variables `conv2d/kernel` (glorot_uniform, shape kernel_size + (in,
 * filters)) and `conv2d/bias` (zeros) made by get_variable in the layer's variable scope, and
 * `conv2d/Conv2D`, `conv2d/BiasAdd`, `conv2d/Relu`, `max_pooling2d/MaxPool`,
 * `flatten/Reshape`, `dropout/dropout/...` or `dropout/Identity` in its name scope.
 */
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { NotImplementedError, PyTypeError, ValueError } from "../../errors.js";
import { isNumberLike, unbox } from "../../pyfloat.js";
import { pyStr } from "../../format/python.js";
import type { Variable } from "../../variables.js";
import { constValueOf } from "../../ops/support/const_value.js";
import { glorotUniform, zerosInitializer, type Initializer } from "../initializer.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { buildersFor } from "../builders.js";
import { sliceHelper } from "../slicing.js";
import { dropoutV2 } from "../nn_impl.js";
import { LayerScope, checkInputRank, normalizeDataFormat, normalizePadding, normalizeTuple, uniqueLayerName } from "../layer_base.js";
import { get_variable } from "./state.js";
import { bias_add } from "./nn.js";
import { avg_pool, conv2d as nnConv2d, max_pool } from "./nn_conv.js";

type Activation = ((x: Tensor) => Tensor) | null;
type IntPair = number | number[];

/** A layer object: call it on a tensor to add its nodes. */
export interface Layer {
  (inputs: unknown, ...rest: unknown[]): Tensor;
  /** The layer's name (`conv2d`, `conv2d_1`, ...). */
  readonly name: string;
  /** The layer's variables (none for pooling, flatten and dropout). */
  readonly trainable_weights: Variable[];
  __repr__(): string;
}

/** A convolution layer, with its kernel and bias once called. */
export interface Conv2DLayer extends Layer {
  kernel: Variable | null;
  bias: Variable | null;
}

/** Makes the callable layer object: name, weights and repr around `call`. */
function layerObject<L extends Layer>(name: string, cls: string, module: string, call: (inputs: unknown, ...rest: unknown[]) => Tensor, weights: () => Variable[]): L {
  const layer = call as L;
  Object.defineProperty(layer, "name", { value: name });
  Object.defineProperty(layer, "trainable_weights", { get: () => weights().slice() });
  layer.__repr__ = () => `<tensorflow.python.layers.${module}.${cls} object>`;
  return layer;
}

interface ConvOptions {
  filters: number;
  kernelSize: number[];
  strides: number[];
  padding: "valid" | "same";
  dilationRate: number[];
  activation: Activation;
  useBias: boolean;
  kernelInit: Initializer | null;
  biasInit: Initializer | null;
  trainable: boolean;
  name: string | null;
  reuse: boolean | null;
}

function makeConv2D(ctx: EngineContext, o: ConvOptions): Conv2DLayer {
  const filters = Number(unbox(o.filters));
  if (!Number.isInteger(filters) || filters <= 0) throw new ValueError(`filters must be a positive integer, got ${pyStr(o.filters)}`);
  if (o.dilationRate.some((d) => d !== 1)) {
    throw new NotImplementedError(
      "tf.layers.conv2d with dilation_rate > 1 builds SpaceToBatchND and BatchToSpaceND in TF 1.15, which the playground does not have; tf.nn.conv2d(inputs, kernel, {dilations: ...}) computes the same convolution.",
    );
  }
  const name = o.name ?? uniqueLayerName(ctx, "conv2d");
  const scope = new LayerScope(ctx, name, o.reuse);
  const weights: Variable[] = [];
  let inDim: number | null = null;
  const layer: Conv2DLayer = layerObject<Conv2DLayer>(
    name,
    "Conv2D",
    "convolutional",
    (inputsArg: unknown): Tensor => {
      const inputs = convertToTensor(ctx, inputsArg);
      checkInputRank(name, inputs, { ndim: 4 });
      const channels = inputs.shape.dims![3];
      if (inDim !== null && channels !== null && channels !== inDim) {
        throw new ValueError(
          `Input 0 of layer ${name} is incompatible with the layer: expected axis -1 of input shape to have value ${inDim} but received input with shape ${inputs.shape}`,
        );
      }
      if (channels === null) throw new ValueError("The channel dimension of the inputs should be defined. Found `None`.");
      return scope.enter(() => {
        if (layer.kernel === null) {
          inDim = channels;
          const dtype = inputs.dtype.base_dtype;
          layer.kernel = get_variable(ctx, "kernel", [...o.kernelSize, channels, filters], dtype, o.kernelInit ?? glorotUniform(ctx), null, o.trainable);
          weights.push(layer.kernel);
          if (o.useBias) {
            layer.bias = get_variable(ctx, "bias", [filters], dtype, o.biasInit ?? zerosInitializer(ctx), null, o.trainable);
            weights.push(layer.bias);
          }
        }
        let out = nnConv2d(ctx, inputs, layer.kernel, [1, ...o.strides, 1], o.padding.toUpperCase());
        if (layer.bias !== null) out = bias_add(ctx, out, layer.bias, "NHWC");
        return o.activation ? o.activation(out) : out;
      });
    },
    () => weights,
  );
  layer.kernel = null;
  layer.bias = null;
  return layer;
}

const CONV_PARAMS = [
  "filters",
  "kernel_size",
  "strides",
  "padding",
  "data_format",
  "dilation_rate",
  "activation",
  "use_bias",
  "kernel_initializer",
  "bias_initializer",
  "kernel_regularizer",
  "bias_regularizer",
  "activity_regularizer",
  "kernel_constraint",
  "bias_constraint",
  "trainable",
  "name",
  "reuse",
] as const;

/**
 * A 2-D convolution layer object; call it on NHWC inputs: `activation(conv2d(inputs, kernel) + bias)`.
 * @example
 * const conv = tf.layers.Conv2D({filters: 32, kernel_size: 5, padding: "same", activation: tf.nn.relu});
 * const h = conv(x_image);
 */
export const Conv2D = pyfunc(
  "Conv2D",
  CONV_PARAMS,
  (
    ctx: EngineContext,
    filters: number,
    kernel_size: IntPair,
    strides: IntPair = [1, 1],
    padding: string = "valid",
    data_format: string = "channels_last",
    dilation_rate: IntPair = [1, 1],
    activation: Activation = null,
    use_bias: boolean = true,
    kernel_initializer: Initializer | null = null,
    bias_initializer: Initializer | null = null,
    kernel_regularizer: unknown = null,
    bias_regularizer: unknown = null,
    activity_regularizer: unknown = null,
    kernel_constraint: unknown = null,
    bias_constraint: unknown = null,
    trainable: boolean = true,
    name: string | null = null,
    reuse: boolean | null = null,
  ): Conv2DLayer => {
    void [kernel_regularizer, bias_regularizer, activity_regularizer, kernel_constraint, bias_constraint];
    normalizeDataFormat(data_format);
    return makeConv2D(ctx, {
      filters,
      kernelSize: normalizeTuple(kernel_size, 2, "kernel_size"),
      strides: normalizeTuple(strides, 2, "strides"),
      padding: normalizePadding(padding),
      dilationRate: normalizeTuple(dilation_rate, 2, "dilation_rate"),
      activation,
      useBias: use_bias,
      kernelInit: kernel_initializer,
      biasInit: bias_initializer,
      trainable,
      name,
      reuse,
    });
  },
);

/**
 * Adds a 2-D convolution layer on NHWC `inputs`: `activation(conv2d(inputs, kernel) + bias)`,
 * with variables `conv2d/kernel` [kh, kw, in, filters] and `conv2d/bias` [filters].
 * @example
 * const conv1 = tf.layers.conv2d(x_image, 32, [5, 5], {padding: "same", activation: tf.nn.relu});
 */
export const conv2d = pyfunc(
  "conv2d",
  ["inputs", ...CONV_PARAMS] as const,
  (
    ctx: EngineContext,
    inputs: unknown,
    filters: number,
    kernel_size: IntPair,
    strides: IntPair = [1, 1],
    padding: string = "valid",
    data_format: string = "channels_last",
    dilation_rate: IntPair = [1, 1],
    activation: Activation = null,
    use_bias: boolean = true,
    kernel_initializer: Initializer | null = null,
    bias_initializer: Initializer | null = null,
    kernel_regularizer: unknown = null,
    bias_regularizer: unknown = null,
    activity_regularizer: unknown = null,
    kernel_constraint: unknown = null,
    bias_constraint: unknown = null,
    trainable: boolean = true,
    name: string | null = null,
    reuse: boolean | null = null,
  ): Tensor =>
    Conv2D(
      ctx,
      filters,
      kernel_size,
      strides,
      padding,
      data_format,
      dilation_rate,
      activation,
      use_bias,
      kernel_initializer,
      bias_initializer,
      kernel_regularizer,
      bias_regularizer,
      activity_regularizer,
      kernel_constraint,
      bias_constraint,
      trainable,
      name,
      reuse,
    )(inputs),
);

/** A pooling layer (Keras' Pooling2D): `ksize` (1, h, w, 1), strides default to the pool size. */
function makePool(ctx: EngineContext, kind: "max" | "avg", poolSize: IntPair, strides: IntPair | null, padding: string, dataFormat: string, nameArg: string | null): Layer {
  const size = normalizeTuple(poolSize, 2, "pool_size");
  const step = normalizeTuple(strides ?? size, 2, "strides");
  const pad = normalizePadding(padding).toUpperCase();
  normalizeDataFormat(dataFormat);
  const base = kind === "max" ? "max_pooling2d" : "average_pooling2d";
  const name = nameArg ?? uniqueLayerName(ctx, base);
  const scope = new LayerScope(ctx, name, null);
  const pool = kind === "max" ? max_pool : avg_pool;
  return layerObject(
    name,
    kind === "max" ? "MaxPooling2D" : "AveragePooling2D",
    "pooling",
    (inputsArg: unknown): Tensor => {
      const inputs = convertToTensor(ctx, inputsArg);
      checkInputRank(name, inputs, { ndim: 4 });
      return scope.enter(() => pool(ctx, inputs, [1, ...size, 1], [1, ...step, 1], pad, "NHWC"));
    },
    () => [],
  );
}

const POOL_PARAMS = ["pool_size", "strides", "padding", "data_format", "name"] as const;

/**
 * A max-pooling layer object over height and width.
 * @example
 * const pool = tf.layers.MaxPooling2D({pool_size: [2, 2], strides: 2});
 */
export const MaxPooling2D = pyfunc(
  "MaxPooling2D",
  POOL_PARAMS,
  (ctx: EngineContext, pool_size: IntPair, strides: IntPair | null, padding: string = "valid", data_format: string = "channels_last", name: string | null = null): Layer =>
    makePool(ctx, "max", pool_size, strides, padding, data_format, name),
);

/**
 * Adds a max-pooling layer: the maximum of each `pool_size` window of NHWC `inputs`, moved by `strides`.
 * @example
 * const pool1 = tf.layers.max_pooling2d(conv1, [2, 2], 2);
 */
export const max_pooling2d = pyfunc(
  "max_pooling2d",
  ["inputs", ...POOL_PARAMS] as const,
  (
    ctx: EngineContext,
    inputs: unknown,
    pool_size: IntPair,
    strides: IntPair | null,
    padding: string = "valid",
    data_format: string = "channels_last",
    name: string | null = null,
  ): Tensor => makePool(ctx, "max", pool_size, strides, padding, data_format, name)(inputs),
);

/**
 * An average-pooling layer object over height and width.
 * @example
 * const pool = tf.layers.AveragePooling2D({pool_size: 2, strides: 2});
 */
export const AveragePooling2D = pyfunc(
  "AveragePooling2D",
  POOL_PARAMS,
  (ctx: EngineContext, pool_size: IntPair, strides: IntPair | null, padding: string = "valid", data_format: string = "channels_last", name: string | null = null): Layer =>
    makePool(ctx, "avg", pool_size, strides, padding, data_format, name),
);

/**
 * Adds an average-pooling layer: the mean of each `pool_size` window of NHWC `inputs`, moved by `strides`.
 * @example
 * const pooled = tf.layers.average_pooling2d(h, 2, 2);
 */
export const average_pooling2d = pyfunc(
  "average_pooling2d",
  ["inputs", ...POOL_PARAMS] as const,
  (
    ctx: EngineContext,
    inputs: unknown,
    pool_size: IntPair,
    strides: IntPair | null,
    padding: string = "valid",
    data_format: string = "channels_last",
    name: string | null = null,
  ): Tensor => makePool(ctx, "avg", pool_size, strides, padding, data_format, name)(inputs),
);

/** Keras' Flatten: reshape to [batch, everything else]. */
function makeFlatten(ctx: EngineContext, nameArg: string | null, dataFormat: string): Layer {
  normalizeDataFormat(dataFormat);
  const name = nameArg ?? uniqueLayerName(ctx, "flatten");
  const scope = new LayerScope(ctx, name, null);
  const tf = buildersFor(ctx);
  return layerObject(
    name,
    "Flatten",
    "core",
    (inputsArg: unknown): Tensor => {
      const inputs = convertToTensor(ctx, inputsArg);
      checkInputRank(name, inputs, { minNdim: 1 });
      return scope.enter(() => {
        const dims = inputs.shape.dims!;
        const rest = dims.slice(1);
        const known = rest.every((d) => d !== null);
        const size = (rest as number[]).reduce((a, b) => a * b, 1);
        const out = known ? tf.reshape(inputs, [-1, size]) : tf.reshape(inputs, [dims[0] ?? sliceHelper(ctx, tf.shape(inputs), 0), -1]);
        out.set_shape([dims[0], known ? size : null]);
        return out;
      });
    },
    () => [],
  );
}

/**
 * A flattening layer object: [batch, ...] to [batch, everything else].
 * @example
 * const flat = tf.layers.Flatten()(pool2);
 */
export const Flatten = pyfunc(
  "Flatten",
  ["data_format", "name"],
  (ctx: EngineContext, data_format: string = "channels_last", name: string | null = null): Layer => makeFlatten(ctx, name, data_format),
);

/**
 * Adds a flattening layer: `inputs` reshaped to [batch, everything else].
 * @example
 * const pool2_flat = tf.layers.flatten(pool2);
 */
export const flatten = pyfunc(
  "flatten",
  ["inputs", "name", "data_format"],
  (ctx: EngineContext, inputs: unknown, name: string | null = null, data_format: string = "channels_last"): Tensor => makeFlatten(ctx, name, data_format)(inputs),
);

/**
 * TF's `smart_cond` predicate: a Python bool (or 0, 1) or a tensor whose value is known while
 * building; a tensor known only when run would need `tf.cond`.
 */
function staticTraining(training: unknown, layer: string): boolean {
  if (typeof training === "boolean") return training;
  if (isNumberLike(training) && (Number(unbox(training)) === 0 || Number(unbox(training)) === 1)) return Number(unbox(training)) === 1;
  if (training instanceof Tensor) {
    const v = constValueOf(training);
    if (v !== null) return Boolean(v.data[0]);
    throw new NotImplementedError(
      `${layer}: \`training\` is a tensor known only when the graph runs (${training.name}); TF builds a tf.cond for it, which this layer does not build yet. Pass a Python bool, or use tf.nn.dropout with a fed keep_prob.`,
    );
  }
  throw new PyTypeError(`\`pred\` must be a Tensor, or a Python bool, or 1 or 0. Found instead: ${pyStr(training)}`);
}

/** The `training` argument of a layer call: positional, or `{training}`. */
function trainingArg(rest: unknown[]): unknown {
  const [first] = rest;
  if (first !== null && typeof first === "object" && !(first instanceof Tensor) && Object.getPrototypeOf(first) === Object.prototype) {
    return (first as { training?: unknown }).training ?? false;
  }
  return first ?? false;
}

/** Keras' Dropout with tf.layers' `training=False` default. */
function makeDropout(ctx: EngineContext, rate: unknown, noiseShape: unknown, seed: number | null, nameArg: string | null): Layer {
  const name = nameArg ?? uniqueLayerName(ctx, "dropout");
  const scope = new LayerScope(ctx, name, null);
  const tf = buildersFor(ctx);
  return layerObject(
    name,
    "Dropout",
    "core",
    (inputsArg: unknown, ...rest: unknown[]): Tensor => {
      const inputs = convertToTensor(ctx, inputsArg);
      const training = staticTraining(trainingArg(rest), name);
      return scope.enter(() => {
        if (!training) return tf.identity(inputs);
        // Keras' _get_noise_shape: None entries take the input's dynamic size.
        const noise = Array.isArray(noiseShape) ? noiseShape.map((d, i) => (d === null ? sliceHelper(ctx, tf.shape(inputs), i) : d)) : noiseShape;
        return dropoutV2(ctx, inputs, rate, noise, seed, null);
      });
    },
    () => [],
  );
}

/**
 * A dropout layer object: call it as `layer(inputs, {training: true})` to zero a `rate`
 * fraction of the elements (scaling the rest by 1 / (1 - rate)); with `training` false it
 * passes `inputs` through.
 * @example
 * const drop = tf.layers.Dropout({rate: 0.4});
 * const h = drop(dense, {training: true});
 */
export const Dropout = pyfunc(
  "Dropout",
  ["rate", "noise_shape", "seed", "name"],
  (ctx: EngineContext, rate: unknown = 0.5, noise_shape: unknown = null, seed: number | null = null, name: string | null = null): Layer =>
    makeDropout(ctx, rate, noise_shape, seed, name),
);

/**
 * Adds a dropout layer: with `training` true, each element is zeroed with probability `rate`
 * and the rest scaled by 1 / (1 - rate), a new mask every run; with `training` false (the
 * default) `inputs` pass through unchanged.
 * @example
 * const dropout = tf.layers.dropout(dense, {rate: 0.4, training: true});
 */
export const dropout = pyfunc(
  "dropout",
  ["inputs", "rate", "noise_shape", "seed", "training", "name"],
  (
    ctx: EngineContext,
    inputs: unknown,
    rate: unknown = 0.5,
    noise_shape: unknown = null,
    seed: number | null = null,
    training: unknown = false,
    name: string | null = null,
  ): Tensor => makeDropout(ctx, rate, noise_shape, seed, name)(inputs, training),
);
