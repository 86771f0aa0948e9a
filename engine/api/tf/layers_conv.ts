/**
 * `tf.layers.conv2d` and its class `Conv2D`, building what TF 1.15's layer builds: variables
 * `conv2d/kernel` (glorot_uniform, shape kernel_size + (in, filters)) and `conv2d/bias` (zeros)
 * made by get_variable in the layer's variable scope, Keras' nn_ops.Convolution (its
 * `conv2d/dilation_rate` Const, and with dilation_rate > 1 SpaceToBatchND / BatchToSpaceND
 * around the Conv2D: convolution_op.ts), then `conv2d/Conv2D`, `conv2d/BiasAdd` and the
 * activation (`conv2d/Relu`) in its name scope. Pooling layers: layers_pool.ts;
 * flatten and dropout: layers_core.ts.
 */
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { ValueError } from "../../errors.js";
import { unbox } from "../../pyfloat.js";
import { pyStr } from "../../format/python.js";
import type { Variable } from "../../variables.js";
import type { Initializer } from "../initializer.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { LayerScope, checkInputRank, layerObject, normalizeDataFormat, normalizePadding, normalizeTuple, uniqueLayerName, type IntPair, type Layer } from "../layer_base.js";
import { biasAndActivation, buildWeights } from "../layer_weights.js";
import { makeConvolution, type ConvolutionOp } from "../convolution_op.js";

type Activation = ((x: Tensor) => Tensor) | null;

/** A convolution layer, with its kernel and bias once called. */
export interface Conv2DLayer extends Layer {
  kernel: Variable | null;
  bias: Variable | null;
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
  const name = o.name ?? uniqueLayerName(ctx, "conv2d");
  const scope = new LayerScope(ctx, name, o.reuse);
  const weights: Variable[] = [];
  let inDim: number | null = null;
  // Keras makes its nn_ops.Convolution in build(), from the first input's static shape.
  let convolutionOp: ConvolutionOp | null = null;
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
        inDim ??= channels;
        buildWeights(ctx, layer, weights, { ...o, kernelShape: [...o.kernelSize, channels, filters], units: filters, dtype: inputs.dtype.base_dtype });
        const kernel = layer.kernel!;
        convolutionOp ??= makeConvolution(ctx, {
          inputShape: inputs.shape,
          filterShape: kernel.shape,
          padding: o.padding.toUpperCase(),
          strides: o.strides,
          dilationRate: o.dilationRate,
          name: null,
          dataFormat: "NHWC",
        });
        return biasAndActivation(ctx, convolutionOp(inputs, convertToTensor(ctx, kernel)), layer.bias, o.activation);
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
