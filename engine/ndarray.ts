/**
 * The values `sess.run` returns for tensors of rank ≥ 1: a dtype, a shape and typed, row-major data.
 */
import { DType, TypedData, allocData, bool as boolDType } from "./dtypes.js";
import { formatArrayRepr, formatArrayStr } from "./format/numpy.js";
import { sizeOf, tupleOfDims } from "./shape.js";
import { castArray, npDtypeOf, reductions, reshapeArray, transposeArray, type ArrayData, type Reduced } from "./numpy/array_math.js";
import { scalarOf, type NpScalar } from "./numpy/scalar.js";
import { PyFloat } from "./pyfloat.js";
import { PyBytes } from "./pybytes.js";

/** A JS value nested like a numpy array: `[[1, 2], [3, 4]]`. */
export type Nested<T> = T | Nested<T>[];

/** One element as JS sees it. */
export type Scalar = number | boolean | string;

/**
 * An n-dimensional array, as numpy's `ndarray`: what `sess.run` returns for a tensor of rank ≥ 1.
 * `toString()` prints like numpy (`[3. 7.]`).
 * @example
 * const v = sess.run(tf.constant([1.0, 2.0]));
 * print(v);          // [1. 2.]
 * print(v.shape);    // (2,)
 * print(v.toArray()); // [1, 2]
 */
export class NDArray {
  /**
   * numpy's `a[i]`: row i (a view of this array), or element i of a vector; `a[-1]` is the last;
   * `a[i] = v` writes (numpy/indexing.ts). Typed `any`: what it gives depends on the rank.
   */
  [index: number]: any;
  /** numpy's iteration: over the first axis (numpy/indexing.ts). */
  declare [Symbol.iterator]: () => Iterator<NDArray | Scalar>;

  /**
   * Concrete dims, e.g. `[2, 3]`; `[]` for a scalar. An array that prints as numpy's tuple,
   * `(2, 3)` (a ShapeTuple).
   */
  readonly shape: readonly number[];

  constructor(
    /** Element type. */
    readonly dtype: DType,
    shape: readonly number[],
    /** Row-major elements; bool is stored as 0/1. */
    readonly data: TypedData,
  ) {
    this.shape = tupleOfDims(shape);
  }

  /** An NDArray of a plain (dtype, shape, data) record (numpy/array_math.ts's results). */
  static of(a: ArrayData): NDArray {
    return a instanceof NDArray ? a : new NDArray(a.dtype, a.shape, a.data);
  }

  /** Zero-filled array. */
  static zeros(dtype: DType, shape: readonly number[]): NDArray {
    return new NDArray(dtype, shape, allocData(dtype, sizeOf(shape)));
  }

  /** Number of elements. */
  get size(): number {
    return this.data.length;
  }

  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }

  /** Element `i` of the flat data, as JS sees it (bool as a boolean). */
  flatAt(i: number): Scalar {
    const v = this.data[i];
    return this.dtype === boolDType ? v === 1 : v;
  }

  /**
   * The only element of a one-element array, as a JS value (numpy's `item()`).
   * @example
   * sess.run(tf.constant([7])).item(); // 7
   */
  item(): Scalar {
    if (this.size !== 1) throw new Error("ValueError: can only convert an array of size 1 to a Python scalar");
    return this.flatAt(0);
  }

  /**
   * Nested JS arrays of the elements (numpy's `tolist()`).
   * @example
   * sess.run(tf.constant([[1, 2], [3, 4]])).toArray(); // [[1, 2], [3, 4]]
   */
  toArray(): Nested<Scalar> {
    if (this.shape.length === 0) return this.flatAt(0);
    let pos = 0;
    const build = (dim: number): Nested<Scalar> => {
      const n = this.shape[dim];
      const out: Nested<Scalar>[] = new Array(n);
      if (dim === this.shape.length - 1) {
        for (let i = 0; i < n; i++) out[i] = this.flatAt(pos++);
      } else {
        for (let i = 0; i < n; i++) out[i] = build(dim + 1);
      }
      return out;
    };
    return build(0);
  }

  /**
   * numpy's `tolist()`: nested lists of Python values — floats as Python floats (`1.0`,
   * float32's value in float64 digits), ints as ints, strings as bytes.
   * @example
   * print(sess.run(tf.constant([1.0, 0.5])).tolist()); // [1.0, 0.5]
   */
  tolist(): unknown {
    const dt = this.dtype.name;
    const leaf = dt === "float32" || dt === "float64" ? (v: unknown) => new PyFloat(v as number) : dt === "string" ? (v: unknown) => new PyBytes(String(v)) : null;
    if (leaf === null) return this.toArray();
    const map = (x: unknown): unknown => (Array.isArray(x) ? x.map(map) : leaf(x));
    return map(this.toArray());
  }

  /** A copy with its own data. */
  copy(): NDArray {
    const d = this.data;
    return new NDArray(this.dtype, this.shape.slice(), Array.isArray(d) ? d.slice() : (d.slice() as TypedData));
  }

  /** numpy's `str(a)`: `[3. 7.]`, `[[22. 28.]\n [49. 64.]]`. */
  toString(): string {
    return formatArrayStr(this);
  }

  /** numpy's `repr(a)`: `array([3., 7.], dtype=float32)`. */
  __repr__(): string {
    return formatArrayRepr(this);
  }

  /**
   * A copy converted to `dtype` (numpy's `astype`).
   * @example
   * np.random.rand(3).astype(np.float32);
   */
  astype(dtype: unknown): NDArray {
    const dt = npDtypeOf(dtype);
    return dt === null || dt === this.dtype ? this.copy() : NDArray.of(castArray(this, dt));
  }

  /**
   * The same elements in a new shape (one dim may be -1).
   * @example
   * np.arange(6).reshape(2, 3);
   */
  reshape(...shape: (number | readonly number[])[]): NDArray {
    const dims = shape.length === 1 && Array.isArray(shape[0]) ? (shape[0] as number[]) : (shape as number[]);
    return NDArray.of(reshapeArray(this, dims));
  }

  /** The transpose. */
  get T(): NDArray {
    return NDArray.of(transposeArray(this));
  }

  /** A flat copy. */
  flatten(): NDArray {
    return new NDArray(this.dtype, [this.size], this.copy().data);
  }

  /** Sum of elements (over `axis` when given). */
  sum(...args: unknown[]): NDArray | NpScalar {
    return reduced(reductions.sum(this, ...args));
  }

  /** Mean of elements (over `axis` when given). */
  mean(...args: unknown[]): NDArray | NpScalar {
    return reduced(reductions.mean(this, ...args));
  }

  /** Largest element (over `axis` when given). */
  max(...args: unknown[]): NDArray | NpScalar {
    return reduced(reductions.max(this, ...args));
  }

  /** Smallest element (over `axis` when given). */
  min(...args: unknown[]): NDArray | NpScalar {
    return reduced(reductions.min(this, ...args));
  }

  /** Index of the largest element (flat, or along `axis`). */
  argmax(axis: number | null = null): NDArray | NpScalar {
    return reduced(reductions.argmax(this, axis));
  }

  /** Index of the smallest element (flat, or along `axis`). */
  argmin(axis: number | null = null): NDArray | NpScalar {
    return reduced(reductions.argmin(this, axis));
  }

  /** JSON form: the nested elements. */
  toJSON(): unknown {
    return this.toArray();
  }
}

/** A reduction's array as an NDArray, or its 0-d result as a numpy scalar (`arr.sum()` prints `3.0`). */
export function reduced(r: Reduced): NDArray | NpScalar {
  return r.shape.length === 0 ? (scalarOf(r.dtype, r.data[0]) as NpScalar) : NDArray.of(r);
}
