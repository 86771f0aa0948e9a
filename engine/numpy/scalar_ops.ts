/**
 * numpy 1.x's arithmetic on scalars: what `a + b` gives when `a` or `b` is a fetched numpy
 * scalar and neither is a tensor or an array. Scalars combine by numpy's `promote_types`, a
 * Python int counting as int64 and a Python float as float64 (value-based casting applies only
 * between scalars and arrays): `float32 + float32` stays float32, `float32 * 2` is float64,
 * `int32 / int32` is float64. Results are rounded (float32) or wrapped (int32) to their dtype.
 */
import { DType, bool, float32, float64, int32, int64 } from "../dtypes.js";
import { PyTypeError, ValueError } from "../errors.js";
import { isPyFloat } from "../pyfloat.js";
import { NpScalar, scalarClass } from "./scalar.js";
import { promote, type NpBinary } from "./ufuncs.js";

/** numpy's dtype of a scalar operand: its own, or a Python int/float/bool's. */
function dtypeOf(x: unknown): DType {
  if (x instanceof NpScalar) return x.dtype;
  if (typeof x === "boolean") return bool;
  if (typeof x === "number" && !isPyFloat(x)) return Number.isInteger(x) ? int64 : float64;
  return float64;
}

/** A value stored as `dtype` stores it: float32 rounds, int32 wraps, int64 stays whole. */
function store(dtype: DType, v: number): number {
  if (dtype === float32) return Math.fround(v);
  if (dtype === int32) return v | 0;
  if (dtype === int64) return Number.isFinite(v) ? Math.trunc(v) : 0;
  return v;
}

function box(dtype: DType, v: number): NpScalar {
  const cls = scalarClass(dtype) ?? scalarClass(int64)!;
  return new cls(store(dtype, v));
}

/** numpy's `remainder`: the result has the divisor's sign (Python's `%`); ints by 0 give 0. */
function remainder(x: number, y: number, isInt: boolean): number {
  if (y === 0) return isInt ? 0 : NaN;
  const r = x % y;
  return r !== 0 && r < 0 !== y < 0 ? r + y : r;
}

/** An integer power by squaring, wrapping as `dtype` does at each step. */
function intPower(x: number, y: number, dtype: DType): number {
  if (y < 0) throw new ValueError("Integers to negative integer powers are not allowed.");
  let result = 1;
  let base = x;
  let e = y;
  while (e > 0) {
    if (e % 2 === 1) result = dtype === int32 ? Math.imul(result, base) : result * base;
    base = dtype === int32 ? Math.imul(base, base) : base * base;
    e = Math.floor(e / 2);
  }
  return result;
}

const UFUNC_NAMES: Partial<Record<NpBinary, string>> = { and: "bitwise_and", or: "bitwise_or", xor: "bitwise_xor" };

function notSupported(ufunc: string): PyTypeError {
  return new PyTypeError(`ufunc '${ufunc}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`);
}

/** Bitwise ops on whole numbers; int64 through BigInt, as JS's operators stop at 32 bits. */
function bitwise(op: "and" | "or" | "xor", x: number, y: number, dtype: DType): number {
  if (dtype !== int64) return op === "and" ? x & y : op === "or" ? x | y : x ^ y;
  const a = BigInt(x);
  const b = BigInt(y);
  return Number(BigInt.asIntN(64, op === "and" ? a & b : op === "or" ? a | b : a ^ b));
}

/**
 * `a <op> b` for numpy scalars (at least one operand is an NpScalar, the other a number, a
 * PyFloat, a boolean or an NpScalar): a numpy scalar, or a boolean for comparisons.
 * @example
 * scalarBinary("mul", new NpFloat32(0.5), 2); // NpFloat64 1.0
 */
export function scalarBinary(op: NpBinary, a: unknown, b: unknown): NpScalar | boolean {
  const x = Number(a);
  const y = Number(b);
  switch (op) {
    case "lt":
      return x < y;
    case "le":
      return x <= y;
    case "gt":
      return x > y;
    case "ge":
      return x >= y;
  }
  let dt = promote(dtypeOf(a), dtypeOf(b));
  // bool op bool is not reached (one side is a numpy number); a bool side counts as its number.
  if (dt === bool) dt = int64;
  switch (op) {
    case "add":
      return box(dt, x + y);
    case "sub":
      return box(dt, x - y);
    case "mul":
      return box(dt, dt === int32 ? Math.imul(x, y) : x * y);
    case "truediv":
      return dt.isFloating ? box(dt, x / y) : box(float64, x / y);
    case "floordiv":
      return box(dt, y === 0 && dt.isInteger ? 0 : Math.floor(x / y));
    case "mod":
      return box(dt, remainder(x, y, dt.isInteger));
    case "pow":
      return box(dt, dt.isInteger ? intPower(x, y, dt) : x ** y);
    case "and":
    case "or":
    case "xor":
      if (!dt.isInteger) throw notSupported(UFUNC_NAMES[op]!);
      return box(dt, bitwise(op, x, y, dt));
  }
}

/** `-a` for a numpy scalar: the same dtype (int32 wraps). */
export function scalarNeg(a: NpScalar): NpScalar {
  return box(a.dtype, -a.valueOf());
}

/** `~a` for a numpy scalar: bitwise not of an int; numpy refuses floats. */
export function scalarInvert(a: NpScalar): NpScalar {
  if (!a.dtype.isInteger) throw notSupported("invert");
  const v = a.valueOf();
  return box(a.dtype, a.dtype === int64 ? Number(BigInt.asIntN(64, ~BigInt(v))) : ~v);
}
