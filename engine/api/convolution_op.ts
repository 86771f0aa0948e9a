/**
 * TF 1.15's `nn_ops.Convolution` for two spatial dimensions: what `tf.nn.convolution`,
 * `tf.nn.atrous_conv2d` and the `tf.layers` convolutions build. Made once from the static
 * shapes (Keras makes it in `build()`), then called on (input, filter). TF builds a dilated
 * convolution as SpaceToBatchND → an undilated VALID Conv2D → BatchToSpaceND
 * (`_WithSpaceToBatch`), because its CPU kernels cannot train a dilated Conv2D; the
 * construction's constants (`dilation_rate`, `filter_shape`, `stack`) appear in the graph as
 * in TF, even the ones nothing reads.
 */
import type { EngineContext } from "../context.js";
import { int32 } from "../dtypes.js";
import { NotImplementedError, ValueError } from "../errors.js";
import type { Tensor } from "../graph.js";
import { NDArray } from "../ndarray.js";
import { unbox } from "../pyfloat.js";
import { pyRepr } from "../format/python.js";
import { TensorShape } from "../shape.js";
import { convertToTensor } from "./convert_tensor.js";
import { op1, type Name } from "./build.js";
import { conv2d } from "./tf/nn_conv.js";
import { constantValue } from "../ops/support/math_grad.js";
import { getItem } from "./slicing.js";
import { shape } from "./tf/array_core.js";
import { concat, stack } from "./tf/array.js";
import { required_space_to_batch_paddings } from "./tf/space_batch.js";

/** `Convolution(...)(input, filter)`. */
export type ConvolutionOp = (input: Tensor, filter: Tensor) => Tensor;

export interface ConvolutionSpec {
  inputShape: TensorShape;
  filterShape: TensorShape;
  padding: unknown;
  strides: unknown;
  dilationRate: unknown;
  /** The scope the op is named after (`convolution/`), or null for `Conv2D`. */
  name: Name;
  dataFormat: string | null;
}

function ints(v: unknown, what: string, n: number): number[] {
  if (v === null || v === undefined) return new Array<number>(n).fill(1);
  const items = v instanceof NDArray ? Array.from(v.data as ArrayLike<number>) : Array.isArray(v) ? v : null;
  if (items === null) throw new ValueError(`len() of unsized object: ${what} = ${pyRepr(v)}`);
  if (items.length !== n) throw new ValueError(`len(${what})=${items.length} but should be ${n}`);
  return items.map((x) => Math.trunc(Number(unbox(x as number))));
}

/** nn_ops.py's `_get_strides_and_dilation_rate`, with its ValueErrors. */
function stridesAndDilation(n: number, strides: unknown, dilationRate: unknown): [number[], number[]] {
  const rate = ints(dilationRate, "dilation_rate", n);
  if (rate.some((r) => r < 1)) throw new ValueError("all values of dilation_rate must be positive");
  const s = ints(strides, "strides", n);
  if (s.some((r) => r < 1)) throw new ValueError("all values of strides must be positive");
  if (s.some((r) => r > 1) && rate.some((r) => r > 1)) throw new ValueError("strides > 1 not supported in conjunction with dilation_rate > 1");
  return [s, rate];
}

/** TensorShape's `str` as TF 1.x prints it: `(3, ?, 1, 1)`. */
function shapeText(s: TensorShape): string {
  const d = s.dims!.map((x) => (x === null ? "?" : String(x)));
  return d.length === 1 ? `(${d[0]},)` : `(${d.join(", ")})`;
}

/** `_with_space_to_batch_adjust`: rows for the spatial dims, `fill` rows for the others before them. */
export function adjustRows<T>(rows: T[], fill: T, spatialDims: readonly number[]): T[] {
  const out: T[] = [];
  let prev = 0;
  spatialDims.forEach((d, i) => {
    for (let k = prev + 1; k < d; k++) out.push(fill);
    out.push(rows[i]);
    prev = d;
  });
  return out;
}

/**
 * `Convolution(input_shape, filter_shape, padding, strides, dilation_rate, name, data_format)`:
 * checks the shapes and arguments as TF does, makes the construction's constants, and returns
 * the call.
 */
export function makeConvolution(ctx: EngineContext, spec: ConvolutionSpec): ConvolutionOp {
  const total = spec.filterShape.ndims ?? spec.inputShape.ndims;
  if (total === null) throw new ValueError("rank of input or filter must be known");
  const n = total - 2;
  if (spec.inputShape.ndims !== null && spec.inputShape.ndims !== n + 2) throw new ValueError(`input tensor must have rank ${n + 2}`);
  if (spec.filterShape.ndims !== null && spec.filterShape.ndims !== n + 2) throw new ValueError(`filter tensor must have rank ${n + 2}`);
  if (n !== 2) throw new NotImplementedError(`The playground builds 2-D convolutions only (Conv2D); this is a ${n}-D one.`);
  const channelsFirst = spec.dataFormat !== null && spec.dataFormat.startsWith("NC");
  const spatialDims = channelsFirst ? [2, 3] : [1, 2];
  const inChannels = spec.inputShape.dims?.[channelsFirst ? 1 : n + 1] ?? null;
  const filterIn = spec.filterShape.dims?.[n] ?? null;
  if (inChannels !== null && filterIn !== null && inChannels !== filterIn) {
    throw new ValueError(`number of input channels does not match corresponding dimension of filter, ${inChannels} != ${filterIn}`);
  }
  const [strides, rate] = stridesAndDilation(n, spec.strides, spec.dilationRate);
  const format = spec.dataFormat ?? "NHWC";
  if (format !== "NHWC" && format !== "NCHW") throw new ValueError('data_format must be "NHWC" or "NCHW".');
  const fullStrides = channelsFirst ? [1, 1, ...strides] : [1, ...strides, 1];
  // _WithSpaceToBatch converts the rate first, whatever it is.
  const rateT = convertToTensor(ctx, rate, { dtype: int32, name: "dilation_rate" });
  const conv = (x: Tensor, w: Tensor, padding: unknown) => conv2d(ctx, x, w, fullStrides, padding as string, true, format, null, spec.name);
  if (rate.every((r) => r === 1)) return (x, w) => conv(x, w, spec.padding);

  let baseT: Tensor | null = null;
  if (spec.padding === "SAME") {
    if (spec.filterShape.dims === null || spec.filterShape.dims.some((d) => d === null)) {
      throw new ValueError(`Cannot convert a partially known TensorShape to a Tensor: ${spec.filterShape.dims === null ? "<unknown>" : shapeText(spec.filterShape)}`);
    }
    const fshape = spec.filterShape.dims as number[];
    convertToTensor(ctx, fshape, { dtype: int32, name: "filter_shape" });
    // _with_space_to_batch_base_paddings: the dilated filter's extent less one, more at the end.
    const base = rate.map((r, i) => {
      const extra = fshape[i] + (fshape[i] - 1) * (r - 1) - 1;
      return [Math.floor(extra / 2), extra - Math.floor(extra / 2)];
    });
    baseT = convertToTensor(ctx, base, { dtype: int32, name: "stack" });
  } else if (spec.padding !== "VALID") {
    throw new ValueError(`Invalid padding method ${pyRepr(spec.padding)}`);
  }
  const block = adjustRows(rate, 1, spatialDims);
  const baseArg: Tensor | number[][] = baseT ?? rate.map(() => [0, 0]);
  return (x, w) => {
    const dims = spec.inputShape.dims;
    const known = dims !== null && spatialDims.every((d) => dims[d] !== null);
    // An input of unknown spatial size: its size from tf.shape at run time.
    let spatial: number[] | Tensor;
    if (known) spatial = spatialDims.map((d) => dims[d] as number);
    else {
      const sizes = shape(ctx, x);
      spatial = stack(ctx, spatialDims.map((d) => getItem(ctx, sizes, d)));
    }
    const [paddings, crops] = required_space_to_batch_paddings(ctx, spatial, rateT, baseArg);
    // Both are spread over the input's dims (TF's _with_space_to_batch_adjust) before the ops.
    const pads = spread(ctx, paddings, spatialDims);
    const cuts = spread(ctx, crops, spatialDims);
    const converted = op1(ctx, "SpaceToBatchND", [x, block, pads], {}, null);
    const result = conv(converted, w, "VALID");
    return op1(ctx, "BatchToSpaceND", [result, block, cuts], {}, null);
  };
}

/**
 * `_with_space_to_batch_adjust(t, 0, spatial_dims)`: zero rows for the dims before the first
 * spatial one (NCHW's channels), then t's rows — numbers when t is a constant, else a concat.
 */
function spread(ctx: EngineContext, t: Tensor, spatialDims: readonly number[]): unknown {
  const value = constantValue(t);
  if (value !== null) {
    const flat = Array.from(value.data as ArrayLike<number>);
    return adjustRows(spatialDims.map((_, i) => [flat[2 * i], flat[2 * i + 1]]), [0, 0], spatialDims);
  }
  const parts: unknown[] = spatialDims[0] > 1 ? [Array.from({ length: spatialDims[0] - 1 }, () => [0, 0])] : [];
  parts.push(getItem(ctx, t, { start: 0, stop: spatialDims.length, step: null }));
  return concat(ctx, parts, 0);
}
