/**
 * A small numpy for the playground's `np` global: enough for the data-making lines of TF 1.x
 * guides (`np.random.rand(100).astype(np.float32)`, `np.array([[1., 2.]])`, `np.zeros((2, 3))`,
 * `np.mean(...)`), with numpy's dtypes, printing and seeded generator.
 */
import { DType, bool, float32, float64, int32, allocData, TypedData, asDType } from "../dtypes.js";
import { NDArray } from "../ndarray.js";
import { ValueError } from "../errors.js";
import { isPyFloat, unbox } from "../pyfloat.js";
import { castNDArray } from "../convert.js";
import { MT19937 } from "./mt19937.js";
import { fromNested, npUnary, operand } from "./ufuncs.js";

type Num = Float32Array | Float64Array | Int32Array | Uint8Array;
type ShapeArg = number | readonly number[];

/** A numpy dtype as a callable (`np.float32(0.1)`) that also works where a dtype is expected. */
export interface NpDType {
  (x: unknown): number | boolean;
  /** The engine dtype. */
  readonly dtype: DType;
  __repr__(): string;
}

function npDType(dt: DType, name: string): NpDType {
  const f = ((x: unknown) => {
    const v = Number(unbox(x as number));
    if (dt === float32) return Math.fround(v);
    if (dt === int32) return Math.trunc(v) | 0;
    if (dt === bool) return v !== 0;
    return v;
  }) as NpDType;
  Object.defineProperty(f, "dtype", { value: dt });
  f.__repr__ = () => `<class 'numpy.${name}'>`;
  return f;
}

/** Resolves a dtype argument: np.float32, tf.float32, "float32", Python's float/int/bool names. */
export function npDtypeOf(d: unknown): DType | null {
  if (d === null || d === undefined) return null;
  if (typeof d === "function" && (d as NpDType).dtype instanceof DType) return (d as NpDType).dtype;
  if (d === "float" || d === "f8") return float64;
  if (d === "int" || d === "int64" || d === "i8") return int32;
  if (d === "float32" || d === "f4") return float32;
  return asDType(d);
}

function shapeOf(s: ShapeArg | unknown[]): number[] {
  const dims = typeof s === "number" ? [s] : Array.from(s as readonly number[]);
  for (const d of dims) {
    if (!Number.isInteger(d) || d < 0) throw new ValueError("negative dimensions are not allowed");
  }
  return dims;
}

function filled(shape: number[], dtype: DType, value: number): NDArray {
  const n = shape.reduce((p, d) => p * d, 1);
  const data = allocData(dtype, n) as Num;
  data.fill(value);
  return new NDArray(dtype, shape, data as TypedData);
}

/** Converts `x` to an NDArray of `dtype` (numpy's `asarray`). */
export function asArray(x: unknown, dtype: DType | null = null): NDArray {
  if (x instanceof NDArray) return dtype && dtype !== x.dtype ? castNDArray(x, dtype) : x;
  if (typeof x === "number" || typeof x === "boolean" || isPyFloat(x)) {
    const base = operand(x).arr;
    return dtype && dtype !== base.dtype ? castNDArray(base, dtype) : base;
  }
  return fromNested(x, dtype);
}

/** Reduces `a` over `axis` (null: all) with `step`, then `finish` per output element. */
function reduce(
  a: NDArray,
  axis: number | null,
  keepdims: boolean,
  outDtype: DType,
  init: number,
  step: (acc: number, v: number) => number,
  finish: (acc: number, count: number) => number = (x) => x,
): NDArray | number {
  const d = a.data as Num;
  if (axis === null) {
    let acc = init;
    for (let i = 0; i < d.length; i++) acc = step(acc, d[i]);
    const v = finish(acc, d.length);
    if (!keepdims) return outDtype === int32 ? v | 0 : outDtype === float32 ? Math.fround(v) : v;
    return filled(a.shape.map(() => 1), outDtype, v);
  }
  const ax = axis < 0 ? axis + a.ndim : axis;
  if (ax < 0 || ax >= a.ndim) throw new ValueError(`axis ${axis} is out of bounds for array of dimension ${a.ndim}`);
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
  if (shape.length === 0) return od[0];
  return new NDArray(outDtype, shape, od as TypedData);
}

function reductionArgs(args: unknown[]): [number | null, boolean] {
  const last = args[args.length - 1];
  if (last !== null && typeof last === "object" && !Array.isArray(last)) {
    const kw = last as { axis?: number | null; keepdims?: boolean };
    return [kw.axis ?? null, kw.keepdims ?? false];
  }
  return [(args[0] as number | null | undefined) ?? null, (args[1] as boolean | undefined) ?? false];
}

/** numpy reductions shared by `np.sum(a, axis)` and `a.sum(axis)`. */
export const reductions = {
  sum: (a: NDArray, ...args: unknown[]) => {
    const [axis, keep] = reductionArgs(args);
    return reduce(a, axis, keep, a.dtype === bool ? int32 : a.dtype, 0, (s, v) => s + v);
  },
  mean: (a: NDArray, ...args: unknown[]) => {
    const [axis, keep] = reductionArgs(args);
    return reduce(a, axis, keep, a.dtype === float32 ? float32 : float64, 0, (s, v) => s + v, (s, n) => s / n);
  },
  max: (a: NDArray, ...args: unknown[]) => {
    const [axis, keep] = reductionArgs(args);
    if (a.size === 0) throw new ValueError("zero-size array to reduction operation maximum which has no identity");
    return reduce(a, axis, keep, a.dtype, -Infinity, (s, v) => (v > s || Number.isNaN(v) ? v : s));
  },
  min: (a: NDArray, ...args: unknown[]) => {
    const [axis, keep] = reductionArgs(args);
    if (a.size === 0) throw new ValueError("zero-size array to reduction operation minimum which has no identity");
    return reduce(a, axis, keep, a.dtype, Infinity, (s, v) => (v < s || Number.isNaN(v) ? v : s));
  },
  argmax: (a: NDArray, axis: number | null = null) => argExtreme(a, axis, (v, best) => v > best),
  argmin: (a: NDArray, axis: number | null = null) => argExtreme(a, axis, (v, best) => v < best),
};

function argExtreme(a: NDArray, axis: number | null, better: (v: number, best: number) => boolean): NDArray | number {
  const d = a.data as Num;
  if (axis === null) {
    let bi = 0;
    for (let i = 1; i < d.length; i++) if (better(d[i], d[bi])) bi = i;
    return bi;
  }
  const ax = axis < 0 ? axis + a.ndim : axis;
  const outer = a.shape.slice(0, ax).reduce((p, q) => p * q, 1);
  const len = a.shape[ax];
  const inner = a.shape.slice(ax + 1).reduce((p, q) => p * q, 1);
  const od = new Int32Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let bk = 0;
      for (let k = 1; k < len; k++) if (better(d[(o * len + k) * inner + i], d[(o * len + bk) * inner + i])) bk = k;
      od[o * inner + i] = bk;
    }
  }
  const shape = a.shape.filter((_, i) => i !== ax);
  return shape.length === 0 ? od[0] : new NDArray(int32, shape, od);
}

/** A reshaped view-copy; one dim may be -1. */
export function reshape(a: NDArray, shapeArg: readonly number[]): NDArray {
  const shape = shapeArg.slice();
  const known = shape.filter((d) => d !== -1).reduce((p, d) => p * d, 1);
  const unknown = shape.indexOf(-1);
  if (unknown >= 0) shape[unknown] = known === 0 ? 0 : a.size / known;
  if (shape.reduce((p, d) => p * d, 1) !== a.size || !shape.every(Number.isInteger)) {
    throw new ValueError(`cannot reshape array of size ${a.size} into shape (${shapeArg.join(", ")}${shapeArg.length === 1 ? "," : ""})`);
  }
  return new NDArray(a.dtype, shape, a.data);
}

/** The transpose (axes reversed, or permuted by `perm`). */
export function transpose(a: NDArray, perm: readonly number[] | null = null): NDArray {
  const p = perm ?? a.shape.map((_, i) => a.ndim - 1 - i);
  const shape = p.map((i) => a.shape[i]);
  const inStrides = a.shape.map((_, i) => a.shape.slice(i + 1).reduce((x, y) => x * y, 1));
  const out = allocData(a.dtype, a.size) as Num;
  const src = a.data as Num;
  const idx = new Array<number>(shape.length).fill(0);
  for (let n = 0; n < a.size; n++) {
    let off = 0;
    for (let k = 0; k < p.length; k++) off += idx[k] * inStrides[p[k]];
    out[n] = src[off];
    for (let k = shape.length - 1; k >= 0; k--) {
      if (++idx[k] < shape[k]) break;
      idx[k] = 0;
    }
  }
  return new NDArray(a.dtype, shape, out as TypedData);
}

/** Matrix product of 1-D/2-D arrays (numpy's `dot`). */
export function dot(x: unknown, y: unknown): NDArray | number {
  let a = asArray(x);
  let b = asArray(y);
  const dt = a.dtype === b.dtype ? a.dtype : float64;
  if (a.ndim === 1 && b.ndim === 1) {
    if (a.size !== b.size) throw new ValueError(`shapes (${a.size},) and (${b.size},) not aligned: ${a.size} (dim 0) != ${b.size} (dim 0)`);
    let s = 0;
    for (let i = 0; i < a.size; i++) s += Number(a.data[i]) * Number(b.data[i]);
    return dt === float32 ? Math.fround(s) : s;
  }
  const aVec = a.ndim === 1;
  const bVec = b.ndim === 1;
  if (aVec) a = reshape(a, [1, a.size]);
  if (bVec) b = reshape(b, [b.size, 1]);
  const [n, k] = a.shape;
  const [k2, m] = b.shape;
  if (k !== k2) throw new ValueError(`shapes (${a.shape.join(",")}) and (${b.shape.join(",")}) not aligned: ${k} (dim 1) != ${k2} (dim 0)`);
  const out = allocData(dt, n * m) as Num;
  const ad = a.data as Num;
  const bd = b.data as Num;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += ad[i * k + t] * bd[t * m + j];
      out[i * m + j] = s;
    }
  }
  const shape = aVec ? [m] : bVec ? [n] : [n, m];
  return new NDArray(dt, shape, out as TypedData);
}

/** Joins arrays along an existing axis. */
export function concatenate(arrs: NDArray[], axis: number): NDArray {
  if (arrs.length === 0) throw new ValueError("need at least one array to concatenate");
  const first = arrs[0];
  const ax = axis < 0 ? axis + first.ndim : axis;
  for (const a of arrs) {
    if (a.ndim !== first.ndim || a.shape.some((d, i) => i !== ax && d !== first.shape[i])) {
      throw new ValueError("all the input array dimensions except for the concatenation axis must match exactly");
    }
  }
  const dt = arrs.reduce((d, a) => (d === a.dtype ? d : float64), first.dtype);
  const outer = first.shape.slice(0, ax).reduce((p, q) => p * q, 1);
  const inner = first.shape.slice(ax + 1).reduce((p, q) => p * q, 1);
  const total = arrs.reduce((n, a) => n + a.shape[ax], 0);
  const out = allocData(dt, outer * total * inner) as Num;
  let pos = 0;
  for (let o = 0; o < outer; o++) {
    for (const a of arrs) {
      const block = a.shape[ax] * inner;
      const src = a.data as Num;
      for (let i = 0; i < block; i++) out[pos++] = src[o * block + i];
    }
  }
  const shape = first.shape.slice();
  shape[ax] = total;
  return new NDArray(dt, shape, out as TypedData);
}

/** The `np` namespace, with its own seeded generator. */
export function numpyApi(seed: number) {
  const rng = new MT19937(seed);
  const sized = (size: unknown, draw: () => number, dtype: DType = float64): NDArray | number => {
    if (size === null || size === undefined) return draw();
    const shape = shapeOf(size as ShapeArg);
    const n = shape.reduce((p, d) => p * d, 1);
    const data = allocData(dtype, n) as Num;
    for (let i = 0; i < n; i++) data[i] = draw();
    return new NDArray(dtype, shape, data as TypedData);
  };
  const dims = (args: unknown[]): number[] | null => (args.length === 0 ? null : args.map(Number));

  return {
    float32: npDType(float32, "float32"),
    float64: npDType(float64, "float64"),
    float_: npDType(float64, "float64"),
    int32: npDType(int32, "int32"),
    int64: npDType(int32, "int64"),
    bool_: npDType(bool, "bool_"),
    pi: Math.PI,
    e: Math.E,
    inf: Infinity,
    nan: NaN,
    newaxis: null,
    ndarray: NDArray,
    /** `np.array([[1., 2.], [3., 4.]])`: floats are float64, ints int32 (numpy: int64). */
    array: (x: unknown, dtype: unknown = null) => asArray(x, npDtypeOf(dtype)).copy(),
    asarray: (x: unknown, dtype: unknown = null) => asArray(x, npDtypeOf(dtype)),
    zeros: (shape: ShapeArg, dtype: unknown = null) => filled(shapeOf(shape), npDtypeOf(dtype) ?? float64, 0),
    ones: (shape: ShapeArg, dtype: unknown = null) => filled(shapeOf(shape), npDtypeOf(dtype) ?? float64, 1),
    full: (shape: ShapeArg, value: unknown, dtype: unknown = null) => filled(shapeOf(shape), npDtypeOf(dtype) ?? asArray(value).dtype, Number(unbox(value as number))),
    zeros_like: (a: unknown) => filled(asArray(a).shape.slice(), asArray(a).dtype, 0),
    ones_like: (a: unknown) => filled(asArray(a).shape.slice(), asArray(a).dtype, 1),
    eye: (n: number) => {
      const a = filled([n, n], float64, 0);
      for (let i = 0; i < n; i++) (a.data as Float64Array)[i * n + i] = 1;
      return a;
    },
    arange: (...args: unknown[]) => {
      const nums = args.filter((a) => typeof a === "number" || isPyFloat(a)).map((a) => Number(unbox(a as number)));
      const [start, stop, step] = nums.length === 1 ? [0, nums[0], 1] : [nums[0], nums[1], nums[2] ?? 1];
      const isFloat = args.some((a) => isPyFloat(a) || (typeof a === "number" && !Number.isInteger(a)));
      const n = Math.max(0, Math.ceil((stop - start) / step));
      const dt = isFloat ? float64 : int32;
      const data = allocData(dt, n) as Num;
      for (let i = 0; i < n; i++) data[i] = start + i * step;
      return new NDArray(dt, [n], data as TypedData);
    },
    linspace: (start: number, stop: number, num = 50, endpoint = true) => {
      const a = Number(unbox(start));
      const b = Number(unbox(stop));
      const div = endpoint ? num - 1 : num;
      const step = div > 0 ? (b - a) / div : 0;
      const data = new Float64Array(num);
      for (let i = 0; i < num; i++) data[i] = a + i * step;
      if (endpoint && num > 1) data[num - 1] = b;
      return new NDArray(float64, [num], data);
    },
    reshape: (a: unknown, shape: number[]) => reshape(asArray(a), shape),
    transpose: (a: unknown, axes: number[] | null = null) => transpose(asArray(a), axes),
    dot,
    matmul: dot,
    concatenate: (arrays: unknown[], axis = 0) => concatenate(arrays.map((a) => asArray(a)), axis),
    stack: (arrays: unknown[]) => asArray(arrays.map((a) => asArray(a).toArray())),
    sum: (a: unknown, ...rest: unknown[]) => reductions.sum(asArray(a), ...rest),
    mean: (a: unknown, ...rest: unknown[]) => reductions.mean(asArray(a), ...rest),
    max: (a: unknown, ...rest: unknown[]) => reductions.max(asArray(a), ...rest),
    min: (a: unknown, ...rest: unknown[]) => reductions.min(asArray(a), ...rest),
    argmax: (a: unknown, axis: number | null = null) => reductions.argmax(asArray(a), axis),
    argmin: (a: unknown, axis: number | null = null) => reductions.argmin(asArray(a), axis),
    sqrt: (a: unknown) => npUnary(a, Math.sqrt, true),
    exp: (a: unknown) => npUnary(a, Math.exp, true),
    log: (a: unknown) => npUnary(a, Math.log, true),
    tanh: (a: unknown) => npUnary(a, Math.tanh, true),
    sin: (a: unknown) => npUnary(a, Math.sin, true),
    cos: (a: unknown) => npUnary(a, Math.cos, true),
    abs: (a: unknown) => npUnary(a, Math.abs, false),
    square: (a: unknown) => npUnary(a, (v) => v * v, false),
    round: (a: unknown) => npUnary(a, roundHalfEven, false),
    allclose: (a: unknown, b: unknown, rtol = 1e-5, atol = 1e-8) => {
      const x = asArray(a);
      const y = asArray(b);
      if (x.size !== y.size && x.size !== 1 && y.size !== 1) return false;
      const n = Math.max(x.size, y.size);
      for (let i = 0; i < n; i++) {
        const p = Number(x.data[x.size === 1 ? 0 : i]);
        const q = Number(y.data[y.size === 1 ? 0 : i]);
        if (!(Math.abs(p - q) <= atol + rtol * Math.abs(q))) return false;
      }
      return true;
    },
    random: {
      /** Reseeds the generator (numpy's legacy `RandomState.seed`). */
      seed: (s: number) => {
        if (!Number.isInteger(s) || s < 0 || s > 2 ** 32 - 1) throw new ValueError("Seed must be between 0 and 2**32 - 1");
        rng.seed(s);
      },
      rand: (...args: number[]) => sized(dims(args), () => rng.nextDouble()),
      randn: (...args: number[]) => sized(dims(args), () => rng.nextGauss()),
      random: (size: unknown = null) => sized(size, () => rng.nextDouble()),
      random_sample: (size: unknown = null) => sized(size, () => rng.nextDouble()),
      uniform: (low = 0, high = 1, size: unknown = null) => sized(size, () => Number(unbox(low)) + (Number(unbox(high)) - Number(unbox(low))) * rng.nextDouble()),
      normal: (loc = 0, scale = 1, size: unknown = null) => sized(size, () => Number(unbox(loc)) + Number(unbox(scale)) * rng.nextGauss()),
      randint: (low: number, high: number | null = null, size: unknown = null) => {
        const [lo, hi] = high === null ? [0, low] : [low, high];
        if (hi <= lo) throw new ValueError("low >= high");
        return sized(size, () => lo + rng.nextInterval(hi - lo - 1), int32);
      },
    },
  };
}

/** numpy's round: half to even. */
function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export type NumpyNamespace = ReturnType<typeof numpyApi>;
