/**
 * `tf.nn.conv2d`, `tf.nn.conv2d_transpose`, `tf.nn.max_pool` and `tf.nn.avg_pool`, building what TF 1.15's nn_ops.py
 * builds: strides, ksize and dilations given as 1, 2 or 4 numbers (`_get_sequence`), padding
 * `"SAME"`, `"VALID"` or a list of explicit paddings (conv2d), and the generated wrappers'
 * TypeErrors and attr checks (`Attr 'padding' of 'Conv2D' Op passed string 'same' not in: ...`).
 */
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { ValueError } from "../../errors.js";
import { isNumberLike, unbox } from "../../pyfloat.js";
import { convertPadding, getSequence, intListAttr, nchwSequence, stringAttr, type IntList, type PaddingArg } from "../conv_args.js";
import { pyfunc } from "../pyargs.js";
import { deprecatedArgumentLookup, op1, type Name } from "../build.js";

/**
 * 2-D convolution of an NHWC `input` [batch, height, width, in_channels] with a `filter`
 * [filter_height, filter_width, in_channels, out_channels]: at each position, the window's
 * elements times the filter, summed. `strides` and `dilations`: 1, 2 or 4 numbers.
 * @example
 * const h_conv1 = tf.nn.relu(tf.nn.conv2d(x_image, W_conv1, {strides: [1, 1, 1, 1], padding: "SAME"}) + b_conv1);
 */
export const conv2d = pyfunc(
  "conv2d",
  ["input", "filter", "strides", "padding", "use_cudnn_on_gpu", "data_format", "dilations", "name", "filters"],
  (
    ctx: EngineContext,
    input: unknown,
    filter: unknown = null,
    strides: IntList = null,
    padding: PaddingArg | null = null,
    use_cudnn_on_gpu: boolean = true,
    data_format: string | null = "NHWC",
    dilations: IntList = [1, 1, 1, 1],
    name: Name = null,
    filters: unknown = null,
  ): Tensor => {
    const w = deprecatedArgumentLookup("filters", filters, "filter", filter);
    const { padding: pad, explicit } = convertPadding(padding);
    const format = data_format ?? "NHWC";
    const seq = (v: unknown, n: string) => (format.startsWith("NC") ? nchwSequence(v, n) : getSequence(v, n));
    const attrs = {
      strides: seq(strides, "strides"),
      use_cudnn_on_gpu: Boolean(use_cudnn_on_gpu),
      padding: stringAttr(pad, "padding", "Conv2D", ["SAME", "VALID", "EXPLICIT"]),
      explicit_paddings: explicit,
      data_format: stringAttr(format, "data_format", "Conv2D", ["NHWC", "NCHW"]),
      dilations: seq(dilations, "dilations"),
    };
    return op1(ctx, "Conv2D", [input, w], attrs, name);
  },
);

/** The pooling builders' shared body (TF 1.15's max_pool / avg_pool). */
function pool(
  ctx: EngineContext,
  type: "MaxPool" | "AvgPool",
  value: unknown,
  ksize: IntList,
  strides: IntList,
  padding: unknown,
  dataFormat: string | null,
  name: Name,
  formats: readonly string[],
): Tensor {
  return ctx.defaultGraph().name_scope(name || type, (scope) => {
    const format = dataFormat ?? "NHWC";
    const seq = (v: unknown, n: string) => (format.startsWith("NC") ? nchwSequence(v, n) : getSequence(v, n));
    const k = seq(ksize, "ksize");
    if (type === "MaxPool" && (k.some((v) => v === 0) || (isNumberLike(ksize) && Number(unbox(ksize)) === 0))) throw new ValueError("ksize cannot be zero.");
    const attrs = {
      ksize: k,
      strides: seq(strides, "strides"),
      padding: stringAttr(padding, "padding", type, ["SAME", "VALID"]),
      data_format: stringAttr(format, "data_format", type, formats),
    };
    return op1(ctx, type, [value], attrs, scope);
  });
}

/**
 * The maximum of each `ksize` window of an NHWC `value`, the window moved by `strides`
 * (`ksize` and `strides`: 1, 2 or 4 numbers).
 * @example
 * const h_pool1 = tf.nn.max_pool(h_conv1, {ksize: [1, 2, 2, 1], strides: [1, 2, 2, 1], padding: "SAME"});
 */
export const max_pool = pyfunc(
  "max_pool",
  ["value", "ksize", "strides", "padding", "data_format", "name", "input"],
  (
    ctx: EngineContext,
    value: unknown,
    ksize: IntList,
    strides: IntList,
    padding: string,
    data_format: string | null = "NHWC",
    name: Name = null,
    input: unknown = null,
  ): Tensor => {
    const v = deprecatedArgumentLookup("input", input, "value", value);
    return pool(ctx, "MaxPool", v, ksize, strides, padding, data_format, name, ["NHWC", "NCHW", "NCHW_VECT_C"]);
  },
);

/**
 * The mean of each `ksize` window of an NHWC `value` (positions in the padding not counted),
 * the window moved by `strides`.
 * @example
 * const pooled = tf.nn.avg_pool(h, {ksize: [1, 2, 2, 1], strides: [1, 2, 2, 1], padding: "VALID"});
 */
export const avg_pool = pyfunc(
  "avg_pool",
  ["value", "ksize", "strides", "padding", "data_format", "name", "input"],
  (
    ctx: EngineContext,
    value: unknown,
    ksize: IntList,
    strides: IntList,
    padding: string,
    data_format: string | null = "NHWC",
    name: Name = null,
    input: unknown = null,
  ): Tensor => {
    const v = deprecatedArgumentLookup("input", input, "value", value);
    return pool(ctx, "AvgPool", v, ksize, strides, padding, data_format, name, ["NHWC", "NCHW"]);
  },
);

/** The attrs of the backprop builders, which hand their arguments to the op as TF's wrappers do. */
function backpropAttrs(opType: string, fname: string, strides: unknown, padding: unknown, useCudnn: boolean, dataFormat: string | null, dilations: unknown) {
  const { padding: pad, explicit } = convertPadding(padding);
  return {
    strides: intListAttr(strides, "strides", fname),
    use_cudnn_on_gpu: Boolean(useCudnn),
    padding: stringAttr(pad, "padding", opType, ["SAME", "VALID", "EXPLICIT"]),
    explicit_paddings: explicit,
    data_format: stringAttr(dataFormat ?? "NHWC", "data_format", opType, ["NHWC", "NCHW"]),
    dilations: intListAttr(dilations, "dilations", fname),
  };
}

/**
 * The gradient of `conv2d` with respect to its input, of shape `input_sizes` (what
 * `tf.gradients` builds for a conv2d's input).
 * @example
 * const dx = tf.nn.conv2d_backprop_input([1, 28, 28, 1], W, dy, [1, 1, 1, 1], "SAME");
 */
export const conv2d_backprop_input = pyfunc(
  "conv2d_backprop_input",
  ["input_sizes", "filter", "out_backprop", "strides", "padding", "use_cudnn_on_gpu", "data_format", "dilations", "name", "filters"],
  (
    ctx: EngineContext,
    input_sizes: unknown,
    filter: unknown = null,
    out_backprop: unknown = null,
    strides: number[] | null = null,
    padding: PaddingArg | null = null,
    use_cudnn_on_gpu: boolean = true,
    data_format: string | null = "NHWC",
    dilations: number[] = [1, 1, 1, 1],
    name: Name = null,
    filters: unknown = null,
  ): Tensor => {
    const w = deprecatedArgumentLookup("filters", filters, "filter", filter);
    const attrs = backpropAttrs("Conv2DBackpropInput", "conv2d_backprop_input", strides, padding, use_cudnn_on_gpu, data_format, dilations);
    return op1(ctx, "Conv2DBackpropInput", [input_sizes, w, out_backprop], attrs, name);
  },
);

/**
 * The gradient of `conv2d` with respect to its filter, of shape `filter_sizes` (what
 * `tf.gradients` builds for a conv2d's filter).
 * @example
 * const dW = tf.nn.conv2d_backprop_filter(x, [5, 5, 1, 32], dy, [1, 1, 1, 1], "SAME");
 */
export const conv2d_backprop_filter = pyfunc(
  "conv2d_backprop_filter",
  ["input", "filter_sizes", "out_backprop", "strides", "padding", "use_cudnn_on_gpu", "data_format", "dilations", "name"],
  (
    ctx: EngineContext,
    input: unknown,
    filter_sizes: unknown,
    out_backprop: unknown,
    strides: number[],
    padding: PaddingArg,
    use_cudnn_on_gpu: boolean = true,
    data_format: string | null = "NHWC",
    dilations: number[] = [1, 1, 1, 1],
    name: Name = null,
  ): Tensor => {
    const attrs = backpropAttrs("Conv2DBackpropFilter", "conv2d_backprop_filter", strides, padding, use_cudnn_on_gpu, data_format, dilations);
    return op1(ctx, "Conv2DBackpropFilter", [input, filter_sizes, out_backprop], attrs, name);
  },
);

/**
 * The transpose of `conv2d` ("deconvolution"): each input position spreads its values through
 * the filter [height, width, output_channels, in_channels] onto an output of `output_shape`
 * (a Conv2DBackpropInput node named `conv2d_transpose`, as TF builds it).
 * @example
 * const up = tf.nn.conv2d_transpose(x, W, [1, 8, 8, 3], [1, 2, 2, 1], "SAME"); // x: [1, 4, 4, 16], W: [3, 3, 3, 16]
 */
export const conv2d_transpose = pyfunc(
  "conv2d_transpose",
  ["value", "filter", "output_shape", "strides", "padding", "data_format", "name", "input", "filters", "dilations"],
  (
    ctx: EngineContext,
    value: unknown = null,
    filter: unknown = null,
    output_shape: unknown = null,
    strides: IntList = null,
    padding: PaddingArg | null = "SAME",
    data_format: string | null = "NHWC",
    name: Name = null,
    input: unknown = null,
    filters: unknown = null,
    dilations: IntList = null,
  ): Tensor => {
    const x = deprecatedArgumentLookup("input", input, "value", value);
    const w = deprecatedArgumentLookup("filters", filters, "filter", filter);
    // conv2d_transpose opens scope `conv2d_transpose`; conv2d_transpose_v2 re-enters it and
    // names the op after it.
    return ctx.defaultGraph().name_scope(name || "conv2d_transpose", (scope) => {
      const format = data_format ?? "NHWC";
      const seq = (v: unknown, n: string) => (format.startsWith("NC") ? nchwSequence(v, n) : getSequence(v, n));
      const attrs = backpropAttrs("Conv2DBackpropInput", "conv2d_backprop_input", seq(strides, "strides"), padding, true, format, seq(dilations ?? 1, "dilations"));
      return op1(ctx, "Conv2DBackpropInput", [output_shape, w, x], attrs, scope);
    });
  },
);
