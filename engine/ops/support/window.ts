/**
 * Sliding-window geometry shared by Conv2D, the pools and their gradients: TF's
 * `GetWindowedOutputSizeVerboseV2` (kernels, concrete sizes) and
 * `GetWindowedOutputSizeFromDimsV2` (shape functions, possibly unknown dims), with their
 * error texts, and the attr checks TF's NHWC CPU kernels make when they are constructed.
 */
import { InvalidArgumentError, UnimplementedError } from "../../errors.js";
import type { Dim } from "../../shape.js";
import type { ShapeFn } from "./array_infer.js";

/** TF's padding attr: `SAME`, `VALID`, or (Conv2D only) `EXPLICIT` with `explicit_paddings`. */
export type Padding = "SAME" | "VALID" | "EXPLICIT";

/** One spatial dimension of a window: output size and the padding before it. */
export interface WindowDim {
  out: number;
  before: number;
}

/**
 * TF's `GetWindowedOutputSizeVerboseV2`: the output size along one dimension and the padding
 * before it (SAME puts the odd element of padding after). `explicit` is [before, after] for
 * EXPLICIT padding.
 */
export function windowDim(input: number, filter: number, dilation: number, stride: number, padding: Padding, explicit: readonly number[], op: string): WindowDim {
  if (stride <= 0) throw new InvalidArgumentError(`Stride must be > 0, but got ${stride}`, op);
  if (dilation < 1) throw new InvalidArgumentError(`Dilation rate must be >= 1, but got ${dilation}`, op);
  const effective = (filter - 1) * dilation + 1;
  let out: number;
  let before = 0;
  // C++ int64 division truncates toward zero (so a slightly negative numerator gives 0).
  if (padding === "VALID") out = Math.trunc((input - effective + stride) / stride);
  else if (padding === "EXPLICIT") {
    before = explicit[0];
    out = Math.trunc((input + explicit[0] + explicit[1] - effective + stride) / stride);
  } else {
    out = Math.floor((input + stride - 1) / stride);
    const needed = Math.max(0, (out - 1) * stride + effective - input);
    before = Math.floor(needed / 2);
  }
  if (out < 0) {
    throw new InvalidArgumentError(
      `Computed output size would be negative: ${out} [input_size: ${input}, effective_filter_size: ${effective}, stride: ${stride}]`,
      op,
    );
  }
  return { out, before };
}

/**
 * TF's `GetWindowedOutputSizeFromDimsV2` in a shape function: unknown stays unknown; VALID and
 * EXPLICIT subtract the (dilated) window, failing as TF's `Subtract` does when it would be
 * negative.
 */
export function windowStaticDim(f: ShapeFn, input: Dim, filter: Dim, dilation: number, stride: number, padding: Padding, explicit: readonly number[]): Dim {
  if (stride <= 0) f.fail(`Stride must be > 0, but got ${stride}`);
  if (dilation < 1) f.fail(`Dilation rate must be >= 1, but got ${dilation}`);
  if (padding === "SAME") return input === null ? null : Math.floor((input + stride - 1) / stride);
  const padded = input === null ? null : input + (padding === "EXPLICIT" ? explicit[0] + explicit[1] : 0);
  const window = filter === null ? null : dilation > 1 ? (filter - 1) * dilation + 1 : filter;
  if (padded === null || window === null) return null;
  if (padded - window < 0) f.fail(`Negative dimension size caused by subtracting ${window} from ${padded}`);
  return Math.floor((padded - window + stride) / stride);
}

/** The indices of H, W and C in a 4-D shape (or a 4-long attr) of `data_format`. */
export function layout(dataFormat: string): [number, number, number] {
  return dataFormat.startsWith("NC") ? [2, 3, 1] : [1, 2, 3];
}

/** Attrs every windowed op has (NHWC). */
export interface WindowAttrs {
  strides: number[];
  padding: Padding;
  data_format: string;
}

/**
 * The checks TF's CPU Conv2D kernels make when constructed (`InitConv2DParameters`):
 * 4 strides and dilations, none along batch or depth, all positive.
 */
export function checkConvAttrs(a: { strides: number[]; dilations: number[]; data_format: string }, op: string, opType: string): void {
  if (a.data_format !== "NHWC") {
    const which = opType === "Conv2D" ? "The Conv2D op currently only supports the NHWC tensor format on the CPU. The op was given the format: " : `${opType} (the playground's CPU kernel) only supports NHWC; got `;
    throw new UnimplementedError(`${which}${a.data_format}`, op);
  }
  if (a.dilations.length !== 4) throw new InvalidArgumentError("Sliding window dilations field must specify 4 dimensions", op);
  if (a.strides.length !== 4) throw new InvalidArgumentError("Sliding window strides field must specify 4 dimensions", op);
  if (a.strides[0] !== 1 || a.strides[3] !== 1) {
    throw new InvalidArgumentError("Current implementation does not yet support strides in the batch and depth dimensions.", op);
  }
  if (!(a.strides[1] > 0 && a.strides[2] > 0)) throw new InvalidArgumentError("Row and column strides should be larger than 0.", op);
  if (a.dilations[0] !== 1 || a.dilations[3] !== 1) {
    throw new InvalidArgumentError("Current implementation does not yet support dilations in the batch and depth dimensions.", op);
  }
  if (!(a.dilations[1] > 0 && a.dilations[2] > 0)) throw new InvalidArgumentError("Dilated rates should be larger than 0.", op);
}

/**
 * The checks TF's CPU pooling kernels make when constructed: NHWC, 4-entry ksize and
 * strides, no pooling along the batch; `what` is TF's name for the kernel in its NHWC error
 * (`MaxPoolingOp`, `AvgPoolingGradOp`, ...).
 */
export function checkPoolAttrs(a: { ksize: number[]; strides: number[]; data_format: string }, op: string, what: string): void {
  if (a.data_format !== "NHWC") throw new InvalidArgumentError(`Default ${what} only supports NHWC on device type CPU`, op);
  if (a.ksize.length !== 4) throw new InvalidArgumentError("Sliding window ksize field must specify 4 dimensions", op);
  if (a.strides.length !== 4) throw new InvalidArgumentError(`Sliding window ${what.startsWith("Avg") ? "stride" : "strides"} field must specify 4 dimensions`, op);
  if (a.ksize[0] !== 1 || a.strides[0] !== 1) throw new UnimplementedError("Pooling is not yet supported on the batch dimension.", op);
  if (a.ksize[3] !== 1 || a.strides[3] !== 1) {
    const text = what.startsWith("MaxPoolingGrad")
      ? "MaxPoolingGrad is not yet supported on the depth dimension."
      : what.startsWith("Max")
        ? "The playground's MaxPool pools over height and width only (TF's depthwise max pooling is not implemented)."
        : "Non-spatial pooling is not yet supported. Volunteers? :)";
    throw new UnimplementedError(text, op);
  }
}

/** The geometry of one NHWC windowed op on concrete shapes. */
export interface Geometry {
  batch: number;
  inRows: number;
  inCols: number;
  depth: number;
  outRows: number;
  outCols: number;
  /** Window size (the filter's or ksize's spatial dims). */
  winRows: number;
  winCols: number;
  strideRows: number;
  strideCols: number;
  dilRows: number;
  dilCols: number;
  padTop: number;
  padLeft: number;
}

/** The geometry for an NHWC input shape and a window; throws TF's kernel errors. */
export function geometry(
  input: readonly number[],
  winRows: number,
  winCols: number,
  strides: readonly number[],
  dilations: readonly number[],
  padding: Padding,
  explicit: readonly number[],
  op: string,
): Geometry {
  const rows = windowDim(input[1], winRows, dilations[1], strides[1], padding, explicit.slice(2, 4), op);
  const cols = windowDim(input[2], winCols, dilations[2], strides[2], padding, explicit.slice(4, 6), op);
  return {
    batch: input[0],
    inRows: input[1],
    inCols: input[2],
    depth: input[3],
    outRows: rows.out,
    outCols: cols.out,
    winRows,
    winCols,
    strideRows: strides[1],
    strideCols: strides[2],
    dilRows: dilations[1],
    dilCols: dilations[2],
    padTop: rows.before,
    padLeft: cols.before,
  };
}
