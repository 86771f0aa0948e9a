/**
 * numpy's scalars: what `sess.run` returns for a 0-d number (TF hands back `np.float32`,
 * `np.float64`, `np.int32`, `np.int64`), so that a fetched value prints as numpy prints it —
 * `7.0` for a float32 seven, float32's shortest digits (`0.35190025`), `3` for an int.
 *
 * Each is a boxed Number (one small class per dtype, the dtype on the prototype): JavaScript's
 * arithmetic, comparisons, `Math.*`, `toFixed`, template strings and JSON see the number, and
 * the playground's operators (`a + b` → `__py.add`) follow numpy 1.x's type rules
 * (scalar_ops.ts). What differs from a plain number — `===`, `typeof`, truthiness — is in the
 * README; `item()` gives the plain number.
 */
import { DType, float32, float64, int32, int64, string as stringDType } from "../dtypes.js";
import { float32Repr, float64Repr } from "../format/floats.js";
import { PyBytes } from "../pybytes.js";
import { castNumber, npDtypeOf } from "./array_math.js";

/**
 * A numpy scalar: a number with a numpy dtype.
 * @example
 * const loss = sess.run(tf.reduce_sum(tf.constant([1.5, 2.5])));
 * print(loss);            // 4.0
 * print(loss.dtype);      // <dtype: 'float32'>
 * print(loss * 2);        // 8.0
 * loss.item() === 4;      // true: item() is the plain number
 */
export abstract class NpScalar extends Number {
  /** The scalar's dtype (`loss.dtype.name` is `"float32"`). */
  abstract get dtype(): DType;

  /**
   * The plain JS number (numpy's `item()`: a Python int or float), for `===`, `typeof`,
   * `switch` and truthiness.
   * @example
   * if (sess.run(count).item() === 0) print("empty");
   */
  item(): number {
    return this.valueOf();
  }

  /** numpy's `tolist()` of a scalar: the plain number. */
  tolist(): number {
    return this.valueOf();
  }

  /** A scalar has no dimensions: `[]`. */
  get shape(): number[] {
    return [];
  }

  /** 0. */
  get ndim(): number {
    return 0;
  }

  /** 1. */
  get size(): number {
    return 1;
  }

  /**
   * The value converted to `dtype` (numpy's `astype`: float → int truncates).
   * @example
   * sess.run(tf.constant(2.7)).astype(np.int32); // 2
   */
  astype(dtype: unknown): NpScalar | boolean | PyBytes {
    const dt = npDtypeOf(dtype) ?? this.dtype;
    return scalarOf(dt, dt === stringDType ? this.__str__() : castNumber(this.valueOf(), dt));
  }

  /** numpy's `repr` (and `str`): `7.0`, `0.35190025`, `nan`, `3`. */
  __repr__(): string {
    const v = this.valueOf();
    const dt = this.dtype;
    if (dt === float32) return float32Repr(v);
    if (dt === float64) return float64Repr(v);
    return String(v);
  }

  __str__(): string {
    return this.__repr__();
  }

  /** JSON has one number type: the number. */
  toJSON(): number {
    return this.valueOf();
  }
}

/** `numpy.float32`. */
export class NpFloat32 extends NpScalar {
  get dtype(): DType {
    return float32;
  }
}

/** `numpy.float64`. */
export class NpFloat64 extends NpScalar {
  get dtype(): DType {
    return float64;
  }
}

/** `numpy.int32`. */
export class NpInt32 extends NpScalar {
  get dtype(): DType {
    return int32;
  }
}

/** `numpy.int64`. */
export class NpInt64 extends NpScalar {
  get dtype(): DType {
    return int64;
  }
}

for (const [cls, name] of [
  [NpFloat32, "numpy.float32"],
  [NpFloat64, "numpy.float64"],
  [NpInt32, "numpy.int32"],
  [NpInt64, "numpy.int64"],
] as const) {
  // Python's name of the type, for error texts (`'numpy.float32' object cannot be interpreted as an integer`).
  Object.defineProperty(cls.prototype, "__pytype__", { value: name });
}

/** The numpy scalar class of a numeric dtype. */
export type NpScalarClass = new (value: number) => NpScalar;

/** The class whose instances hold `dtype`'s scalars, or null for bool and string. */
export function scalarClass(dtype: DType): NpScalarClass | null {
  switch (dtype.name) {
    case "float32":
      return NpFloat32;
    case "float64":
      return NpFloat64;
    case "int32":
      return NpInt32;
    case "int64":
      return NpInt64;
    default:
      return null;
  }
}

/**
 * One element of `dtype` as TF hands it to Python: a numpy scalar for numbers (the value is
 * taken as already of the dtype), a boolean for bool (numpy's `True` prints alike), bytes for
 * a string.
 * @example
 * scalarOf(tf.float32, 7); // NpFloat32, prints 7.0
 */
export function scalarOf(dtype: DType, value: number | string | boolean): NpScalar | boolean | PyBytes {
  switch (dtype.name) {
    case "float32":
      return new NpFloat32(value as number);
    case "float64":
      return new NpFloat64(value as number);
    case "int32":
      return new NpInt32(value as number);
    case "int64":
      return new NpInt64(value as number);
    case "bool":
      return value === true || value === 1;
    case "string":
    case "resource":
    case "variant":
      // A resource's element is its handle's key (a while loop gradient's stack): bytes, as TF.
      return new PyBytes(String(value));
  }
}

/** True for a numpy scalar. */
export function isNpScalar(x: unknown): x is NpScalar {
  return x instanceof NpScalar;
}

