/**
 * The one data-movement loop behind the array kernels: copy an index block from one buffer to
 * another, each side addressed by an offset and per-dimension strides. Transpose (permuted
 * strides), Slice and StridedSlice (offset, scaled strides), BroadcastTo (zero strides),
 * Concat/Pack (destination offset), Pad and StridedSliceGrad (strided destination) are all
 * one call (or one per input). The innermost dimension runs as a plain loop.
 */
import type { DType, TypedData } from "../../dtypes.js";
import type { KernelContext } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import { allocExtra, viewOf } from "./kernel_util.js";

/** Any element buffer (typed arrays, or strings). */
type Buf = { [i: number]: unknown };

/**
 * For every index `i` of `shape`: `dst[dstOff + i·dstStrides] = src[srcOff + i·srcStrides]`.
 */
export function copyBlock(
  src: TypedData,
  srcOff: number,
  srcStrides: readonly number[],
  dst: TypedData,
  dstOff: number,
  dstStrides: readonly number[],
  shape: readonly number[],
): void {
  const s0 = src as Buf;
  const d0 = dst as Buf;
  const r = shape.length;
  if (r === 0) {
    d0[dstOff] = s0[srcOff];
    return;
  }
  for (let k = 0; k < r; k++) if (shape[k] === 0) return;
  const last = r - 1;
  const n = shape[last];
  const ss = srcStrides[last];
  const ds = dstStrides[last];
  const idx = new Array<number>(r).fill(0);
  let s = srcOff;
  let d = dstOff;
  for (;;) {
    for (let i = 0, si = s, di = d; i < n; i++, si += ss, di += ds) d0[di] = s0[si];
    let k = last - 1;
    for (; k >= 0; k--) {
      idx[k]++;
      s += srcStrides[k];
      d += dstStrides[k];
      if (idx[k] < shape[k]) break;
      s -= srcStrides[k] * shape[k];
      d -= dstStrides[k] * shape[k];
      idx[k] = 0;
    }
    if (k < 0) return;
  }
}

/** Writes `value` into every element of `buf`. */
export function fillBuffer(buf: TypedData, value: number | string): void {
  if (Array.isArray(buf)) buf.fill(value as string);
  else (buf as Float32Array).fill(value as number);
}

/**
 * A kernel output of `shape` holding `x`'s elements in the same order: a view sharing `x`'s
 * buffer, as TF's ExpandDims and Squeeze share theirs (see kernel_util's viewOf).
 */
export function reshaped(x: NDArray, shape: readonly number[], k: KernelContext<unknown>): NDArray {
  return viewOf(k, x, shape);
}

/** The elements of a small int tensor (shapes, axes, paddings) as numbers. */
export function intsOf(t: NDArray): number[] {
  return Array.from(t.data as Int32Array);
}

/** Output `i` of a multi-output kernel (`k.alloc` for the first, kernel_util's allocExtra after). */
export function allocOutput(k: KernelContext<unknown>, i: number, dtype: DType, shape: readonly number[]): NDArray {
  return i === 0 ? k.alloc(dtype, shape) : allocExtra(k, i, dtype, shape);
}
