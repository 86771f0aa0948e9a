/**
 * numpy's array methods on plain (dtype, shape, data) records: casts, reshape, transpose and
 * the reductions. They know nothing of the NDArray class, which wraps their results, so the
 * class (engine/ndarray.ts) and `np` (numpy/np.ts) share them without importing each other.
 */
import { DType, TypedData, allocData, asDType, bool, float32, float64, int32, int64, string as stringDType } from "../dtypes.js";
import { PyTypeError, ValueError } from "../errors.js";

/** What every function here reads and returns; an NDArray is one. */
export interface ArrayData {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly data: TypedData;
}

type Num = Float32Array | Float64Array | Int32Array | Uint8Array;

/** A numpy dtype as a callable (`np.float32(0.1)`) that also works where a dtype is expected. */
export interface NpDType {
  (x: unknown): unknown;
  /** The engine dtype. */
  readonly dtype: DType;
  __repr__(): string;
}

/** Resolves a dtype argument: np.float32, tf.float32, "float32", Python's float/int/bool names. */
export function npDtypeOf(d: unknown): DType | null {
  if (d === null || d === undefined) return null;
  if (typeof d === "function" && (d as NpDType).dtype instanceof DType) return (d as NpDType).dtype;
  if (d === "float" || d === "f8") return float64;
  if (d === "int" || d === "int64" || d === "i8") return int64;
  if (d === "float32" || d === "f4") return float32;
  return asDType(d);
}

/** numpy's float → int32 cast: truncation; NaN and infinities become INT32_MIN. */
export function truncInt32(x: number): number {
  return Number.isFinite(x) ? Math.trunc(x) | 0 : -2147483648;
}

/**
 * numpy's (and C++'s) float → int64 cast: truncation; NaN, infinities and values outside the
 * int64 range become INT64_MIN, what x86's cvttsd2si produces.
 */
export function truncInt64(x: number): number {
  return x >= -9223372036854775808 && x < 9223372036854775808 ? Math.trunc(x) : -9223372036854775808;
}

/** The cast of a number to an integer dtype (truncation as numpy's), or the number itself. */
export function castNumber(x: number, dtype: DType): number {
  if (dtype === int32) return truncInt32(x);
  if (dtype === int64) return truncInt64(x);
  if (dtype === bool) return x !== 0 ? 1 : 0;
  return x;
}

/** numpy's `astype`: float → int truncates, anything → bool is `!= 0`; strings only as a target. */
export function castArray(a: ArrayData, dtype: DType): ArrayData {
  if (a.dtype === dtype) return a;
  const n = a.data.length;
  if (dtype === stringDType || a.dtype === stringDType) {
    if (dtype !== stringDType) throw new PyTypeError(`Cast string to ${dtype.name} is not supported`);
    const src = a.data;
    const isBool = a.dtype === bool;
    return { dtype, shape: a.shape, data: Array.from({ length: n }, (_, i) => String(isBool ? src[i] === 1 : src[i])) };
  }
  const out = allocData(dtype, n) as Float64Array;
  const src = a.data as Float64Array;
  if (dtype === int32) for (let i = 0; i < n; i++) out[i] = truncInt32(src[i]);
  else if (dtype === int64) for (let i = 0; i < n; i++) out[i] = truncInt64(src[i]);
  else if (dtype === bool) for (let i = 0; i < n; i++) out[i] = src[i] !== 0 ? 1 : 0;
  else out.set(src);
  return { dtype, shape: a.shape, data: out as unknown as TypedData };
}

/** The same data in a new shape; one dim may be -1. */
export function reshapeArray(a: ArrayData, shapeArg: readonly number[]): ArrayData {
  const size = a.data.length;
  const shape = shapeArg.slice();
  const known = shape.filter((d) => d !== -1).reduce((p, d) => p * d, 1);
  const unknown = shape.indexOf(-1);
  if (unknown >= 0) shape[unknown] = known === 0 ? 0 : size / known;
  if (shape.reduce((p, d) => p * d, 1) !== size || !shape.every(Number.isInteger)) {
    throw new ValueError(`cannot reshape array of size ${size} into shape (${shapeArg.join(", ")}${shapeArg.length === 1 ? "," : ""})`);
  }
  return { dtype: a.dtype, shape, data: a.data };
}

/** The transpose (axes reversed, or permuted by `perm`). */
export function transposeArray(a: ArrayData, perm: readonly number[] | null = null): ArrayData {
  const ndim = a.shape.length;
  const size = a.data.length;
  const p = perm ?? a.shape.map((_, i) => ndim - 1 - i);
  const shape = p.map((i) => a.shape[i]);
  const inStrides = a.shape.map((_, i) => a.shape.slice(i + 1).reduce((x, y) => x * y, 1));
  const out = allocData(a.dtype, size) as Num;
  const src = a.data as Num;
  const idx = new Array<number>(shape.length).fill(0);
  for (let n = 0; n < size; n++) {
    let off = 0;
    for (let k = 0; k < p.length; k++) off += idx[k] * inStrides[p[k]];
    out[n] = src[off];
    for (let k = shape.length - 1; k >= 0; k--) {
      if (++idx[k] < shape[k]) break;
      idx[k] = 0;
    }
  }
  return { dtype: a.dtype, shape, data: out as TypedData };
}

/** A reduction's result: an array, 0-d for a scalar (all axes without keepdims). */
export type Reduced = ArrayData;

/** A 0-d result of `dtype`. */
function scalarData(dtype: DType, v: number): ArrayData {
  const data = allocData(dtype, 1) as Num;
  data[0] = v;
  return { dtype, shape: [], data: data as TypedData };
}

/** Reduces `a` over `axis` (null: all) with `step`, then `finish` per output element. */
function reduce(
  a: ArrayData,
  axis: number | null,
  keepdims: boolean,
  outDtype: DType,
  init: number,
  step: (acc: number, v: number) => number,
  finish: (acc: number, count: number) => number = (x) => x,
): Reduced {
  const d = a.data as Num;
  const ndim = a.shape.length;
  if (axis === null) {
    let acc = init;
    for (let i = 0; i < d.length; i++) acc = step(acc, d[i]);
    const v = finish(acc, d.length);
    if (!keepdims) return scalarData(outDtype, v);
    const data = allocData(outDtype, 1) as Num;
    data[0] = v;
    return { dtype: outDtype, shape: a.shape.map(() => 1), data: data as TypedData };
  }
  const ax = axis < 0 ? axis + ndim : axis;
  if (ax < 0 || ax >= ndim) throw new ValueError(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
  const outer = a.shape.slice(0, ax).reduce((p, q) => p * q, 1);
  const len = a.shape[ax];
  const inner = a.shape.slice(ax + 1).reduce((p, q) => p * q, 1);
  const od = allocData(outDtype, outer * inner) as Num;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let acc = init;
      for (let k = 0; k < len; k++) acc = step(acc, d[(o * len + k) * inner + i]);
      od[o * inner + i] = finish(acc, len);
    }
  }
  const shape = keepdims ? a.shape.map((s, i) => (i === ax ? 1 : s)) : a.shape.filter((_, i) => i !== ax);
  return { dtype: outDtype, shape, data: od as TypedData };
}

/** `(axis, keepdims)` or `({axis, keepdims})`, as numpy's reductions take them. */
function reductionArgs(args: readonly unknown[]): [number | null, boolean] {
  const last = args[args.length - 1];
  if (last !== null && typeof last === "object" && !Array.isArray(last)) {
    const kw = last as { axis?: number | null; keepdims?: boolean };
    return [kw.axis ?? null, kw.keepdims ?? false];
  }
  return [(args[0] as number | null | undefined) ?? null, (args[1] as boolean | undefined) ?? false];
}

function argExtreme(a: ArrayData, axis: number | null, better: (v: number, best: number) => boolean): Reduced {
  const d = a.data as Num;
  if (axis === null) {
    let bi = 0;
    for (let i = 1; i < d.length; i++) if (better(d[i], d[bi])) bi = i;
    return scalarData(int64, bi);
  }
  const ax = axis < 0 ? axis + a.shape.length : axis;
  const outer = a.shape.slice(0, ax).reduce((p, q) => p * q, 1);
  const len = a.shape[ax];
  const inner = a.shape.slice(ax + 1).reduce((p, q) => p * q, 1);
  const od = new Float64Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let bk = 0;
      for (let k = 1; k < len; k++) if (better(d[(o * len + k) * inner + i], d[(o * len + bk) * inner + i])) bk = k;
      od[o * inner + i] = bk;
    }
  }
  const shape = a.shape.filter((_, i) => i !== ax);
  return { dtype: int64, shape, data: od };
}

/** numpy reductions shared by `np.sum(a, axis)` and `a.sum(axis)`. */
export const reductions = {
  sum: (a: ArrayData, ...args: unknown[]): Reduced => {
    const [axis, keep] = reductionArgs(args);
    // numpy sums bools and ints narrower than the platform's int as int64.
    return reduce(a, axis, keep, a.dtype === bool || a.dtype === int32 ? int64 : a.dtype, 0, (s, v) => s + v);
  },
  mean: (a: ArrayData, ...args: unknown[]): Reduced => {
    const [axis, keep] = reductionArgs(args);
    return reduce(a, axis, keep, a.dtype === float32 ? float32 : float64, 0, (s, v) => s + v, (s, n) => s / n);
  },
  max: (a: ArrayData, ...args: unknown[]): Reduced => {
    const [axis, keep] = reductionArgs(args);
    if (a.data.length === 0) throw new ValueError("zero-size array to reduction operation maximum which has no identity");
    return reduce(a, axis, keep, a.dtype, -Infinity, (s, v) => (v > s || Number.isNaN(v) ? v : s));
  },
  min: (a: ArrayData, ...args: unknown[]): Reduced => {
    const [axis, keep] = reductionArgs(args);
    if (a.data.length === 0) throw new ValueError("zero-size array to reduction operation minimum which has no identity");
    return reduce(a, axis, keep, a.dtype, Infinity, (s, v) => (v < s || Number.isNaN(v) ? v : s));
  },
  argmax: (a: ArrayData, axis: number | null = null): Reduced => argExtreme(a, axis, (v, best) => v > best),
  argmin: (a: ArrayData, axis: number | null = null): Reduced => argExtreme(a, axis, (v, best) => v < best),
};
