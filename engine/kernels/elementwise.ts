/**
 * Elementwise kernels with numpy broadcasting. Scalars and equal shapes take fast paths: a
 * training loop on scalars runs these millions of times.
 */
import { DType } from "../dtypes.js";
import { InvalidArgumentError } from "../errors.js";
import type { KernelContext } from "../op.js";
import { NDArray } from "../ndarray.js";
import { sameShape } from "../shape.js";

type Num = Float32Array | Float64Array | Int32Array | Uint8Array;

/** numpy's broadcast of two concrete shapes, or null when they are incompatible. */
export function broadcastOrNull(a: readonly number[], b: readonly number[]): number[] | null {
  if (sameShape(a, b)) return a as number[];
  const r = Math.max(a.length, b.length);
  const out = new Array<number>(r);
  for (let i = 0; i < r; i++) {
    const da = i < r - a.length ? 1 : a[i - (r - a.length)];
    const db = i < r - b.length ? 1 : b[i - (r - b.length)];
    if (da !== db && da !== 1 && db !== 1) return null;
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** The broadcast result shape of two concrete shapes; TF's run-time error when incompatible. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const out = broadcastOrNull(a, b);
  if (out === null) throw new InvalidArgumentError(`Incompatible shapes: [${a.join(",")}] vs. [${b.join(",")}]`);
  return out;
}

/** Strides of `shape` broadcast into `out` (0 along broadcast dims). */
function broadcastStrides(shape: readonly number[], out: readonly number[]): number[] {
  const strides = new Array<number>(out.length).fill(0);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const j = i + out.length - shape.length;
    strides[j] = shape[i] === 1 ? 0 : s;
    s *= shape[i];
  }
  return strides;
}

/**
 * Applies `f` elementwise with broadcasting, writing into a (reused) output of `outDtype`.
 * Storing into a Float32Array rounds each result to float32, so float32 math stays float32.
 */
export function binaryBroadcast(
  a: NDArray,
  b: NDArray,
  outDtype: DType,
  k: KernelContext<unknown>,
  f: (x: number, y: number) => number,
): NDArray {
  const ad = a.data as Num;
  const bd = b.data as Num;
  if (a.shape.length === 0 && b.shape.length === 0) {
    const out = k.alloc(outDtype, a.shape);
    (out.data as Num)[0] = f(ad[0], bd[0]);
    return out;
  }
  const shape = broadcastShapes(a.shape, b.shape);
  const out = k.alloc(outDtype, shape);
  const od = out.data as Num;
  const n = od.length;
  if (ad.length === n && bd.length === n) {
    for (let i = 0; i < n; i++) od[i] = f(ad[i], bd[i]);
  } else if (bd.length === 1) {
    const y = bd[0];
    for (let i = 0; i < n; i++) od[i] = f(ad[i], y);
  } else if (ad.length === 1) {
    const x = ad[0];
    for (let i = 0; i < n; i++) od[i] = f(x, bd[i]);
  } else {
    generalBroadcast(ad, a.shape, bd, b.shape, od, shape, f);
  }
  return out;
}

/** Writes `f(a[i], b[j])` for every element of the broadcast `shape` into `od` (any layout). */
export function generalBroadcast(
  ad: Num,
  aShape: readonly number[],
  bd: Num,
  bShape: readonly number[],
  od: Num,
  shape: number[],
  f: (x: number, y: number) => number,
): void {
  const r = shape.length;
  const sa = broadcastStrides(aShape, shape);
  const sb = broadcastStrides(bShape, shape);
  const idx = new Array<number>(r).fill(0);
  let ia = 0;
  let ib = 0;
  for (let i = 0; i < od.length; i++) {
    od[i] = f(ad[ia], bd[ib]);
    for (let d = r - 1; d >= 0; d--) {
      idx[d]++;
      ia += sa[d];
      ib += sb[d];
      if (idx[d] < shape[d]) break;
      ia -= sa[d] * shape[d];
      ib -= sb[d] * shape[d];
      idx[d] = 0;
    }
  }
}

/** Applies `f` to every element, writing into a (reused) output of `outDtype`. */
export function unaryMap(a: NDArray, outDtype: DType, k: KernelContext<unknown>, f: (x: number) => number): NDArray {
  const out = k.alloc(outDtype, a.shape);
  const ad = a.data as Num;
  const od = out.data as Num;
  for (let i = 0; i < od.length; i++) od[i] = f(ad[i]);
  return out;
}
