/**
 * A small numpy for the playground's `np` global: enough for the data-making lines of TF 1.x
 * guides (`np.random.rand(100).astype(np.float32)`, `np.array([[1., 2.]])`, `np.zeros((2, 3))`,
 * `np.mean(...)`), with numpy's dtypes, printing and seeded generator.
 */
import { DType, bool, float32, float64, int32, int64, allocData, TypedData } from "../dtypes.js";
import { NDArray, reduced } from "../ndarray.js";
import { ValueError } from "../errors.js";
import { isPyFloat, unbox } from "../pyfloat.js";
import { castNDArray } from "../convert.js";
import { castNumber, npDtypeOf, reductions, reshapeArray, transposeArray, type NpDType } from "./array_math.js";
import { NpScalar, scalarOf } from "./scalar.js";
import { rint } from "../kernels/round.js";
import { MT19937 } from "./mt19937.js";
import { fromNested, npUnary, operand } from "./ufuncs.js";

type Num = Float32Array | Float64Array | Int32Array | Uint8Array;
type ShapeArg = number | readonly number[];

/**
 * A numpy dtype object (`np.float32`): a callable making a numpy scalar (`np.float32(0.1)`
 * prints `0.1`), or an array of the dtype from an array or list, and a dtype argument.
 */
function npDType(dt: DType, name: string): NpDType {
  const f = ((x: unknown) => {
    if (x instanceof NDArray || Array.isArray(x)) return asArray(x, dt).copy();
    if (typeof x === "string" && dt !== bool) return scalarOf(dt, castNumber(Number(x.trim()), dt));
    const v = Number(unbox(x as number));
    if (dt === bool) return v !== 0;
    return scalarOf(dt, dt === float32 ? Math.fround(v) : castNumber(v, dt));
  }) as NpDType;
  Object.defineProperty(f, "dtype", { value: dt });
  f.__repr__ = () => `<class 'numpy.${name}'>`;
  return f;
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
  if (typeof x === "number" || typeof x === "boolean" || isPyFloat(x) || x instanceof NpScalar) {
    const base = operand(x).arr;
    return dtype && dtype !== base.dtype ? castNDArray(base, dtype) : base;
  }
  return fromNested(x, dtype);
}

/** Matrix product of 1-D/2-D arrays (numpy's `dot`). */
export function dot(x: unknown, y: unknown): NDArray | NpScalar {
  let a = asArray(x);
  let b = asArray(y);
  const dt = a.dtype === b.dtype ? a.dtype : float64;
  if (a.ndim === 1 && b.ndim === 1) {
    if (a.size !== b.size) throw new ValueError(`shapes (${a.size},) and (${b.size},) not aligned: ${a.size} (dim 0) != ${b.size} (dim 0)`);
    let s = 0;
    for (let i = 0; i < a.size; i++) s += Number(a.data[i]) * Number(b.data[i]);
    return scalarOf(dt, dt === float32 ? Math.fround(s) : s) as NpScalar;
  }
  const aVec = a.ndim === 1;
  const bVec = b.ndim === 1;
  if (aVec) a = NDArray.of(reshapeArray(a, [1, a.size]));
  if (bVec) b = NDArray.of(reshapeArray(b, [b.size, 1]));
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
    int64: npDType(int64, "int64"),
    int_: npDType(int64, "int64"),
    bool_: npDType(bool, "bool_"),
    pi: Math.PI,
    e: Math.E,
    inf: Infinity,
    nan: NaN,
    newaxis: null,
    ndarray: NDArray,
    /** `np.array([[1., 2.], [3., 4.]])`: floats are float64, ints int64. */
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
      const dt = isFloat ? float64 : int64;
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
    reshape: (a: unknown, shape: number[]) => NDArray.of(reshapeArray(asArray(a), shape)),
    transpose: (a: unknown, axes: number[] | null = null) => NDArray.of(transposeArray(asArray(a), axes)),
    dot,
    matmul: dot,
    concatenate: (arrays: unknown[], axis = 0) => concatenate(arrays.map((a) => asArray(a)), axis),
    stack: (arrays: unknown[]) => asArray(arrays.map((a) => asArray(a).toArray())),
    sum: (a: unknown, ...rest: unknown[]) => reduced(reductions.sum(asArray(a), ...rest)),
    mean: (a: unknown, ...rest: unknown[]) => reduced(reductions.mean(asArray(a), ...rest)),
    max: (a: unknown, ...rest: unknown[]) => reduced(reductions.max(asArray(a), ...rest)),
    min: (a: unknown, ...rest: unknown[]) => reduced(reductions.min(asArray(a), ...rest)),
    argmax: (a: unknown, axis: number | null = null) => reduced(reductions.argmax(asArray(a), axis)),
    argmin: (a: unknown, axis: number | null = null) => reduced(reductions.argmin(asArray(a), axis)),
    sqrt: (a: unknown) => npUnary(a, Math.sqrt, true),
    exp: (a: unknown) => npUnary(a, Math.exp, true),
    log: (a: unknown) => npUnary(a, Math.log, true),
    tanh: (a: unknown) => npUnary(a, Math.tanh, true),
    sin: (a: unknown) => npUnary(a, Math.sin, true),
    cos: (a: unknown) => npUnary(a, Math.cos, true),
    abs: (a: unknown) => npUnary(a, Math.abs, false),
    square: (a: unknown) => npUnary(a, (v) => v * v, false),
    round: (a: unknown) => npUnary(a, rint, false),
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
        return sized(size, () => lo + rng.nextInterval(hi - lo - 1), int64);
      },
    },
  };
}


export type NumpyNamespace = ReturnType<typeof numpyApi>;
