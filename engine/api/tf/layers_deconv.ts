/**
 * `tf.layers.conv2d_transpose` and its class `Conv2DTranspose`, building what TF 1.15's Keras
 * layer builds: variables `conv2d_transpose/kernel` (glorot_uniform, shape kernel_size +
 * (filters, in_channels)) and `conv2d_transpose/bias`, then the output shape worked out from
 * the input's run-time shape (`Shape`, three strided slices, `mul` / `add`, `stack`), the
 * `conv2d_transpose` node (Conv2DBackpropInput), `BiasAdd` and the activation.
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
import { sliceHelper } from "../slicing.js";
import { tensorOperators as T } from "../tensor_ops.js";
import { LayerScope, checkInputRank, layerObject, normalizeDataFormat, normalizePadding, normalizeTuple, uniqueLayerName, type IntPair, type Layer } from "../layer_base.js";
import { biasAndActivation, buildWeights } from "../layer_weights.js";
import { conv2d_transpose as nnConv2dTranspose } from "./nn_conv.js";
import { shape as shapeOf } from "./array_core.js";
import { stack } from "./array.js";

type Activation = ((x: Tensor) => Tensor) | null;

/** A transposed convolution layer, with its kernel and bias once called. */
export interface Conv2DTransposeLayer extends Layer {
  kernel: Variable | null;
  bias: Variable | null;
}

/** conv_utils.deconv_output_length without output_padding (ints, or tensors with Python's operators). */
function deconvLength<L extends number | Tensor>(ctx: EngineContext, length: L, kernel: number, padding: "valid" | "same", stride: number): L {
  const grow = Math.max(kernel - stride, 0);
  if (typeof length === "number") return (padding === "valid" ? length * stride + grow : length * stride) as L;
  const scaled = T.mul(ctx, length, stride);
  return (padding === "valid" ? T.add(ctx, scaled, grow) : scaled) as L;
}

interface DeconvOptions {
  filters: number;
  kernelSize: number[];
  strides: number[];
  padding: "valid" | "same";
  activation: Activation;
  useBias: boolean;
  kernelInit: Initializer | null;
  biasInit: Initializer | null;
  trainable: boolean;
  name: string | null;
  reuse: boolean | null;
}

function makeConv2DTranspose(ctx: EngineContext, o: DeconvOptions): Conv2DTransposeLayer {
  const filters = Number(unbox(o.filters));
  if (!Number.isInteger(filters) || filters <= 0) throw new ValueError(`filters must be a positive integer, got ${pyStr(o.filters)}`);
  const name = o.name ?? uniqueLayerName(ctx, "conv2d_transpose");
  const scope = new LayerScope(ctx, name, o.reuse);
  const weights: Variable[] = [];
  const layer: Conv2DTransposeLayer = layerObject<Conv2DTransposeLayer>(
    name,
    "Conv2DTranspose",
    "convolutional",
    (inputsArg: unknown): Tensor => {
      const inputs = convertToTensor(ctx, inputsArg);
      checkInputRank(name, inputs, { ndim: 4 });
      const channels = inputs.shape.dims![3];
      if (channels === null) throw new ValueError("The channel dimension of the inputs should be defined. Found `None`.");
      return scope.enter(() => {
        buildWeights(ctx, layer, weights, { ...o, kernelShape: [...o.kernelSize, filters, channels], units: filters, dtype: inputs.dtype.base_dtype });
        const [kh, kw] = o.kernelSize;
        const [sh, sw] = o.strides;
        // The dynamic output shape, as Conv2DTranspose.call computes it.
        const inputsShape = shapeOf(ctx, inputs);
        const batch = sliceHelper(ctx, inputsShape, 0);
        const height = sliceHelper(ctx, inputsShape, 1);
        const width = sliceHelper(ctx, inputsShape, 2);
        const outH = deconvLength(ctx, height, kh, o.padding, sh);
        const outW = deconvLength(ctx, width, kw, o.padding, sw);
        const outputShape = stack(ctx, [batch, outH, outW, filters]);
        // keras.backend.conv2d_transpose asks `output_shape[0] is None` of the stacked tensor,
        // which builds one more (unused) strided slice.
        sliceHelper(ctx, outputShape, 0);
        const out = nnConv2dTranspose(ctx, inputs, layer.kernel, outputShape, [1, sh, sw, 1], o.padding.toUpperCase(), "NHWC");
        // The static output shape (compute_output_shape).
        const [n, h, w] = inputs.shape.dims!;
        out.set_shape([n, h === null ? null : deconvLength(ctx, h, kh, o.padding, sh), w === null ? null : deconvLength(ctx, w, kw, o.padding, sw), filters]);
        return biasAndActivation(ctx, out, layer.bias, o.activation);
      });
    },
    () => weights,
  );
  layer.kernel = null;
  layer.bias = null;
  return layer;
}

const DECONV_PARAMS = [
  "filters",
  "kernel_size",
  "strides",
  "padding",
  "data_format",
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

function options(
  filters: number,
  kernel_size: IntPair,
  strides: IntPair,
  padding: string,
  data_format: string,
  activation: Activation,
  use_bias: boolean,
  kernel_initializer: Initializer | null,
  bias_initializer: Initializer | null,
  trainable: boolean,
  name: string | null,
  reuse: boolean | null,
): DeconvOptions {
  normalizeDataFormat(data_format);
  return {
    filters,
    kernelSize: normalizeTuple(kernel_size, 2, "kernel_size"),
    strides: normalizeTuple(strides, 2, "strides"),
    padding: normalizePadding(padding),
    activation,
    useBias: use_bias,
    kernelInit: kernel_initializer,
    biasInit: bias_initializer,
    trainable,
    name,
    reuse,
  };
}

/**
 * A transposed 2-D convolution layer object ("deconvolution"), for NHWC inputs: it upsamples
 * by `strides` (`"same"` padding: output size = input size × stride).
 * @example
 * const up = tf.layers.Conv2DTranspose({filters: 16, kernel_size: 3, strides: 2, padding: "same"});
 * const y = up(x); // [batch, 2h, 2w, 16]
 */
export const Conv2DTranspose = pyfunc(
  "Conv2DTranspose",
  DECONV_PARAMS,
  (
    ctx: EngineContext,
    filters: number,
    kernel_size: IntPair,
    strides: IntPair = [1, 1],
    padding: string = "valid",
    data_format: string = "channels_last",
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
  ): Conv2DTransposeLayer => {
    void [kernel_regularizer, bias_regularizer, activity_regularizer, kernel_constraint, bias_constraint];
    return makeConv2DTranspose(ctx, options(filters, kernel_size, strides, padding, data_format, activation, use_bias, kernel_initializer, bias_initializer, trainable, name, reuse));
  },
);

/**
 * Adds a transposed 2-D convolution layer on NHWC `inputs`: `activation(conv2d_transpose(inputs,
 * kernel) + bias)`, with variables `conv2d_transpose/kernel` [kh, kw, filters, in] and
 * `conv2d_transpose/bias` [filters].
 * @example
 * const up = tf.layers.conv2d_transpose(x, 16, 3, {strides: 2, padding: "same"}); // [batch, 2h, 2w, 16]
 */
export const conv2d_transpose = pyfunc(
  "conv2d_transpose",
  ["inputs", ...DECONV_PARAMS] as const,
  (
    ctx: EngineContext,
    inputs: unknown,
    filters: number,
    kernel_size: IntPair,
    strides: IntPair = [1, 1],
    padding: string = "valid",
    data_format: string = "channels_last",
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
  ): Tensor => {
    void [kernel_regularizer, bias_regularizer, activity_regularizer, kernel_constraint, bias_constraint];
    return makeConv2DTranspose(ctx, options(filters, kernel_size, strides, padding, data_format, activation, use_bias, kernel_initializer, bias_initializer, trainable, name, reuse))(inputs);
  },
);
