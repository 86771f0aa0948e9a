/**
 * Turning JS values into NDArrays: with TF's rules for constants (`make_tensor_proto`: strict
 * type checks, `Expected int32, got 2.5 of type 'float' instead.`) and with numpy's rules for
 * feeds (`np.asarray(value, dtype)`: silent casts).
 */
import { DType, bool, float32, float64, int32, int64, string as stringDType, allocData, TypedData } from "./dtypes.js";
import { NDArray } from "./ndarray.js";
import { OverflowError, PyTypeError, ValueError } from "./errors.js";
import { isPyFloat } from "./pyfloat.js";
import { pyClassName, pyTypeName } from "./format/pytypes.js";
import { pyRepr } from "./format/python.js";
import { castArray, castNumber } from "./numpy/array_math.js";
import { NpScalar } from "./numpy/scalar.js";
import { promote } from "./numpy/ufuncs.js";
import { PyBytes } from "./pybytes.js";

/** A leaf element before typing. */
type Leaf = number | boolean | string | { __pyfloat__: true; valueOf(): number };

interface Flat {
  shape: number[];
  leaves: Leaf[];
  /** Set when some leaves came from a typed source with a known dtype. */
  sourceDtype: DType | null;
  /** Whether plain (non-numpy) leaves include a float, an int: numpy's float64, int64. */
  plainFloat: boolean;
  plainInt: boolean;
}

class Ragged extends Error {}

function isTypedArray(x: unknown): x is Float32Array | Float64Array | Int32Array | Uint8Array {
  return x instanceof Float32Array || x instanceof Float64Array || x instanceof Int32Array || x instanceof Uint8Array;
}

/** Flattens a nested JS value into its shape and leaves; throws Ragged when not rectangular. */
function flatten(value: unknown): Flat {
  const leaves: Leaf[] = [];
  let sourceDtype: DType | null = null;
  let plainFloat = false;
  let plainInt = false;
  const shapeOf = (v: unknown): number[] => {
    if (v instanceof NDArray) return v.shape.slice();
    if (isTypedArray(v)) return [v.length];
    if (Array.isArray(v)) return v.length === 0 ? [0] : [v.length, ...shapeOf(v[0])];
    return [];
  };
  const shape = shapeOf(value);
  const walk = (v: unknown, dim: number): void => {
    if (v instanceof NDArray) {
      if (!sameTail(v.shape, shape, dim)) throw new Ragged();
      sourceDtype = v.dtype;
      for (let i = 0; i < v.size; i++) leaves.push(v.flatAt(i));
      return;
    }
    if (v instanceof NpScalar) {
      if (dim !== shape.length) throw new Ragged();
      // np.array of numpy scalars: their promoted type, whatever their order.
      sourceDtype = sourceDtype === null ? v.dtype : promote(sourceDtype, v.dtype);
      leaves.push(v.valueOf());
      return;
    }
    if (v instanceof PyBytes) {
      if (dim !== shape.length) throw new Ragged();
      leaves.push(v.text);
      return;
    }
    if (isTypedArray(v)) {
      if (shape.length - dim !== 1 || shape[dim] !== v.length) throw new Ragged();
      sourceDtype = v instanceof Float32Array ? float32 : v instanceof Float64Array ? float64 : v instanceof Int32Array ? int32 : null;
      for (let i = 0; i < v.length; i++) leaves.push(v[i]);
      return;
    }
    if (Array.isArray(v)) {
      if (dim >= shape.length || shape[dim] !== v.length) throw new Ragged();
      for (const e of v) walk(e, dim + 1);
      return;
    }
    if (dim !== shape.length) throw new Ragged();
    if (isFloatLeaf(v)) plainFloat = true;
    else if (typeof v === "number") plainInt = true;
    leaves.push(v as Leaf);
  };
  walk(value, 0);
  return { shape, leaves, sourceDtype, plainFloat, plainInt };
}

function sameTail(sub: readonly number[], shape: number[], dim: number): boolean {
  if (sub.length !== shape.length - dim) return false;
  return sub.every((d, i) => d === shape[dim + i]);
}

function isFloatLeaf(v: unknown): boolean {
  return isPyFloat(v) || (typeof v === "number" && !Number.isInteger(v));
}

/** Flattens a value for a constant; a ragged list gets TF's "dense tensor" error. */
function flattenDense(value: unknown): Flat {
  try {
    return flatten(value);
  } catch (e) {
    if (e instanceof Ragged) throw raggedError(value);
    throw e;
  }
}

function dtypeOfLeaves(leaves: Leaf[], whole: unknown): DType {
  if (leaves.length === 0) return float32;
  let sawFloat = false;
  let sawInt = false;
  let sawBool = false;
  let sawStr = false;
  for (const l of leaves) {
    if (typeof l === "boolean") sawBool = true;
    else if (typeof l === "string") sawStr = true;
    else if (isFloatLeaf(l)) sawFloat = true;
    else if (typeof l === "number") sawInt = true;
    else throw cannotConvert(whole);
  }
  if (sawStr) {
    if (sawFloat || sawInt || sawBool) throw cannotConvert(whole);
    return stringDType;
  }
  if (sawFloat) return float32;
  // TF prefers int32, unless a value does not fit (make_tensor_proto's downcast check).
  if (sawInt) return leaves.every((l) => typeof l !== "number" || (l >= -2147483648 && l <= 2147483647)) ? int32 : int64;
  return bool;
}

function cannotConvert(value: unknown): PyTypeError {
  if (!Array.isArray(value)) {
    return new PyTypeError(`Failed to convert object of type <class '${pyTypeName(value)}'> to Tensor. Contents: ${safeRepr(value)}. Consider casting elements to a supported type.`);
  }
  return new PyTypeError(`Failed to convert object of type <class 'list'> to Tensor. Contents: ${safeRepr(value)}. Consider casting elements to a supported type.`);
}

function raggedError(value: unknown): ValueError {
  return new ValueError(`Argument must be a dense tensor: ${safeRepr(value)} - got shape [${Array.isArray(value) ? value.length : ""}], but wanted [${Array.isArray(value) ? value.length : ""}, ...].`);
}

function safeRepr(v: unknown): string {
  try {
    return pyRepr(v);
  } catch {
    return String(v);
  }
}

/** TF's `_AssertCompatible`: the first leaf that `dtype` does not admit. */
function firstIncompatible(leaves: Leaf[], dtype: DType): Leaf | undefined {
  for (const l of leaves) {
    if (dtype.isFloating) {
      if (typeof l === "number" || typeof l === "boolean" || isPyFloat(l)) continue;
    } else if (dtype.isInteger) {
      if (typeof l === "boolean" || (typeof l === "number" && Number.isInteger(l))) continue;
    } else if (dtype === bool) {
      if (typeof l === "boolean") continue;
    } else if (dtype === stringDType) {
      if (typeof l === "string") continue;
    }
    return l;
  }
  return undefined;
}

function leafNumber(l: Leaf): number {
  return typeof l === "boolean" ? (l ? 1 : 0) : Number(l);
}

function fill(dtype: DType, leaves: Leaf[], cast: (l: Leaf) => number | string): TypedData {
  const data = allocData(dtype, leaves.length);
  for (let i = 0; i < leaves.length; i++) (data as unknown as (number | string)[])[i] = cast(leaves[i]);
  return data;
}

/**
 * A constant's value, as `tf.constant(value, dtype)` converts it.
 * @param dtype explicit dtype; TypeError when a value does not fit it (TF's `_AssertCompatible`).
 */
export function constantToNDArray(value: unknown, dtype: DType | null): NDArray {
  // A numpy scalar or bytes is a 0-d numpy value: it keeps its dtype, or is cast to the one asked.
  if (value instanceof NpScalar) value = new NDArray(value.dtype, [], Float64Array.of(value.valueOf()));
  else if (value instanceof PyBytes) value = new NDArray(stringDType, [], [value.text]);
  if (value instanceof NDArray) {
    return dtype === null || dtype === value.dtype ? value : castNDArray(value, dtype);
  }
  const flat = flattenDense(value);
  let dt = dtype ?? (flat.sourceDtype && flat.leaves.every((l) => typeof l === "number") ? flat.sourceDtype : dtypeOfLeaves(flat.leaves, value));
  if (dtype === null && flat.sourceDtype !== null && dt === flat.sourceDtype) {
    // Python numbers next to numpy values count as float64 and int64 in np.array.
    if (flat.plainFloat) dt = promote(dt, float64);
    else if (flat.plainInt) dt = promote(dt, int64);
  }
  if (dtype === null && flat.sourceDtype !== null) {
    // A list holding numpy values goes through np.array, and make_tensor_proto prefers
    // float32 to numpy's float64 and int32 to its int64 (when every value fits).
    if (dt === float64) dt = float32;
    else if (dt === int64 && flat.leaves.every((l) => typeof l !== "number" || (l >= -2147483648 && l <= 2147483647))) dt = int32;
  }
  if (dtype !== null && !(flat.sourceDtype && flat.sourceDtype.isNumeric && dtype.isNumeric)) {
    const bad = firstIncompatible(flat.leaves, dtype);
    if (bad !== undefined) {
      if (typeof bad !== "number" && typeof bad !== "boolean" && typeof bad !== "string" && !isPyFloat(bad)) throw cannotConvert(value);
      throw new PyTypeError(`Expected ${dtype.name}, got ${safeRepr(bad)} of type '${pyClassName(bad)}' instead.`);
    }
  }
  if (dt.isInteger) {
    for (const l of flat.leaves) {
      // numpy's conversion of a Python int to a C long; below that, an int32 wraps as numpy's cast does.
      if (typeof l === "number" && (l >= 9223372036854775808 || l < -9223372036854775808)) throw new OverflowError("Python int too large to convert to C long");
    }
  }
  if (dt === stringDType) return new NDArray(dt, flat.shape, flat.leaves.map(String));
  return new NDArray(dt, flat.shape, fill(dt, flat.leaves, leafNumber));
}

/**
 * A fed value, as `np.asarray(value, dtype)` converts it: numbers cast (float → int truncates),
 * strings parsed, ragged lists rejected with numpy's message.
 */
export function feedToNDArray(value: unknown, dtype: DType): NDArray {
  if (value instanceof NDArray) return value.dtype === dtype ? value : castNDArray(value, dtype);
  // A fetched numpy scalar (or a float literal) is fed as its number, bytes as their text.
  if (value instanceof Number) value = value.valueOf();
  else if (value instanceof PyBytes) value = value.text;
  if (typeof value === "number" && dtype.isNumeric) {
    const data = allocData(dtype, 1) as Float32Array;
    data[0] = castNumber(value, dtype);
    return new NDArray(dtype, [], data);
  }
  let flat: Flat;
  try {
    flat = flatten(value);
  } catch (e) {
    if (e instanceof Ragged) throw new ValueError("setting an array element with a sequence.");
    throw e;
  }
  if (dtype === stringDType) return new NDArray(dtype, flat.shape, flat.leaves.map((l) => (typeof l === "string" ? l : safeRepr(l))));
  return new NDArray(dtype, flat.shape, fill(dtype, flat.leaves, (l) => numpyCast(l, dtype)));
}

function numpyCast(l: Leaf, dtype: DType): number {
  if (l === null || l === undefined) {
    if (dtype.isFloating) return NaN;
    throw new PyTypeError(`int() argument must be a string, a bytes-like object or a number, not 'NoneType'`);
  }
  if (typeof l === "string") {
    if (dtype === bool) return l.length > 0 ? 1 : 0;
    const s = l.trim();
    const n = dtype.isFloating ? parsePyFloat(s) : /^[+-]?\d+$/.test(s) ? Number(s) : NaN;
    if (Number.isNaN(n) && !/^[+-]?nan$/i.test(s)) {
      throw new ValueError(dtype.isFloating ? `could not convert string to float: '${l}'` : `invalid literal for int() with base 10: '${l}'`);
    }
    return castNumber(n, dtype);
  }
  return castNumber(leafNumber(l), dtype);
}

function parsePyFloat(s: string): number {
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith("-") ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(s)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return NaN;
  return Number(s);
}

/** numpy's `astype`: float → int truncates, anything → bool is `!= 0`. */
export function castNDArray(a: NDArray, dtype: DType): NDArray {
  return NDArray.of(castArray(a, dtype));
}
