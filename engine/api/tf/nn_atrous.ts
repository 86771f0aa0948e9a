/**
 * `tf.nn.convolution` and `tf.nn.atrous_conv2d`, building what TF 1.15's nn_ops.py builds:
 * an undilated convolution is one Conv2D named `convolution`; a dilated one is
 * SpaceToBatchND → Conv2D (VALID) → BatchToSpaceND in scope `convolution` (convolution_op.ts),
 * which TF's CPU kernels can also differentiate.
 */
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { NotImplementedError, ValueError } from "../../errors.js";
import { NDArray } from "../../ndarray.js";
import { unbox } from "../../pyfloat.js";
import { convertToTensor } from "../convert_tensor.js";
import { makeConvolution } from "../convolution_op.js";
import { pyfunc } from "../pyargs.js";
import { deprecatedArgumentLookup, type Name } from "../build.js";
import { conv2d } from "./nn_conv.js";

/** nn_ops.py's `_get_sequence(value, n, channel_index, name)`. */
function sequence(value: unknown, n: number, channelIndex: number, name: string): number[] {
  let items: unknown[];
  if (value === null || value === undefined) items = [1];
  else if (Array.isArray(value)) items = value;
  else if (value instanceof NDArray && value.shape.length > 0) items = Array.from(value.data as ArrayLike<number>);
  else items = [value];
  const nums = items.map((v) => Number(unbox(v as number)));
  if (nums.length === n + 2) return nums;
  let spatial: number[];
  if (nums.length === 1) spatial = new Array<number>(n).fill(nums[0]);
  else if (nums.length === n) spatial = nums;
  else throw new ValueError(`${name} should be of length 1, ${n} or ${n + 2} but was ${nums.length}`);
  return channelIndex === 1 ? [1, 1, ...spatial] : [1, ...spatial, 1];
}

/** `convolution_internal`: the rank from the input's (or filter's) static shape, then Conv2D or the SpaceToBatch path. */
function convolutionInternal(ctx: EngineContext, input: unknown, filter: unknown, strides: unknown, padding: unknown, dataFormat: string | null, dilations: unknown, name: Name): Tensor {
  return ctx.defaultGraph().name_scope(name || "convolution", (scope) => {
    // TF reads the rank from `input.shape` (a numpy array converts in the op's scope).
    const x = convertToTensor(ctx, input, { name: "input" });
    const w = convertToTensor(ctx, filter, { name: "filter" });
    const rank = x.shape.ndims ?? w.shape.ndims;
    if (rank === null) throw new ValueError("rank of input or filter must be known");
    const n = rank - 2;
    if (n < 1 || n > 3) throw new ValueError(`Input tensor must be of rank 3, 4 or 5 but was ${n + 2}.`);
    if (n !== 2) throw new NotImplementedError(`The playground builds 2-D convolutions only (Conv2D); this input is of rank ${n + 2}.`);
    const channelIndex = dataFormat === null ? n + 1 : dataFormat.startsWith("NC") ? 1 : n + 1;
    const s = sequence(strides, n, channelIndex, "strides");
    const d = sequence(dilations, n, channelIndex, "dilations");
    if (d.every((v) => v === 1)) return conv2d(ctx, x, w, s, padding as string, true, dataFormat, d, scope);
    const inner = (v: number[]) => (channelIndex === 1 ? v.slice(2) : v.slice(1, -1));
    const op = makeConvolution(ctx, {
      inputShape: x.shape,
      filterShape: w.shape,
      padding,
      strides: inner(s),
      dilationRate: inner(d),
      name: scope,
      dataFormat,
    });
    return op(x, w);
  });
}

/**
 * N-D convolution (here 2-D: NHWC `input`, HWIO `filter`), optionally dilated: with
 * `dilation_rate` r the filter's taps are r apart. TF 1.x builds a dilated one as
 * SpaceToBatchND → Conv2D → BatchToSpaceND.
 * @example
 * const y = tf.nn.convolution(x, w, "SAME", {dilation_rate: [2, 2]});
 */
export const convolution = pyfunc(
  "convolution",
  ["input", "filter", "padding", "strides", "dilation_rate", "name", "data_format", "filters", "dilations"],
  (
    ctx: EngineContext,
    input: unknown,
    filter: unknown,
    padding: string,
    strides: unknown = null,
    dilation_rate: unknown = null,
    name: Name = null,
    data_format: string | null = null,
    filters: unknown = null,
    dilations: unknown = null,
  ): Tensor => {
    const w = deprecatedArgumentLookup("filters", filters, "filter", filter);
    const rate = deprecatedArgumentLookup("dilations", dilations, "dilation_rate", dilation_rate);
    return convolutionInternal(ctx, input, w, strides, padding, data_format, rate, name);
  },
);

/**
 * Atrous ("with holes", dilated) 2-D convolution: the filter's taps `rate` pixels apart, so a
 * 3×3 filter at rate 2 covers 5×5. Same as `tf.nn.convolution(value, filters, padding,
 * {dilation_rate: [rate, rate]})`.
 * @example
 * const y = tf.nn.atrous_conv2d(x, w, 2, "SAME"); // x: [1, 5, 5, 1], w: [3, 3, 1, 1]
 */
export const atrous_conv2d = pyfunc(
  "atrous_conv2d",
  ["value", "filters", "rate", "padding", "name"],
  (ctx: EngineContext, value: unknown, filters: unknown, rate: unknown, padding: string, name: Name = null): Tensor =>
    // np.broadcast_to(rate, (2,)): one rate for both spatial dims (or two).
    convolutionInternal(ctx, value, filters, null, padding, null, Array.isArray(rate) && rate.length === 2 ? rate : [rate, rate], name),
);
