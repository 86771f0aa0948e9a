/**
 * Static shapes as TF 1.x infers them: a rank that may be unknown, and dims that may be unknown (`null`).
 */
import { ValueError, PyTypeError } from "./errors.js";

export type Dim = number | null;

/**
 * The static shape of a tensor: `(?, 64)` has a known rank and one unknown dimension;
 * a placeholder made without a shape has an unknown rank.
 * @example
 * const x = tf.placeholder(tf.float32, [null, 3]);
 * print(x.shape);          // (?, 3)
 * print(x.shape.as_list()); // [None, 3]
 */
export class TensorShape {
  /** The dims, `null` for an unknown dim; `null` itself when the rank is unknown. */
  readonly dims: readonly Dim[] | null;

  constructor(dims: readonly Dim[] | null) {
    this.dims = dims === null ? null : Object.freeze(dims.slice());
  }

  /** A shape whose rank is not known. */
  static unknown(): TensorShape {
    return UNKNOWN;
  }

  /** A scalar shape `()`. */
  static scalar(): TensorShape {
    return SCALAR;
  }

  /** The rank, or `null` when unknown. */
  get ndims(): number | null {
    return this.dims === null ? null : this.dims.length;
  }

  /** The rank, or `null` when unknown (alias of `ndims`). */
  get rank(): number | null {
    return this.ndims;
  }

  /** True when the rank and every dim are known. */
  is_fully_defined(): boolean {
    return this.dims !== null && this.dims.every((d) => d !== null);
  }

  /** Number of elements when fully defined, else `null`. */
  num_elements(): number | null {
    if (!this.is_fully_defined()) return null;
    let n = 1;
    for (const d of this.dims!) n *= d!;
    return n;
  }

  /**
   * The dims as a list; unknown dims are `null`. Throws TF's ValueError for an unknown rank.
   * @example
   * tf.placeholder(tf.float32, [null, 3]).shape.as_list(); // [null, 3]
   */
  as_list(): Dim[] {
    if (this.dims === null) throw new ValueError("as_list() is not defined on an unknown TensorShape.");
    return this.dims.slice();
  }

  /** Python's `str(shape)`: `(?, 64)`, `(3,)`, `()`, or `<unknown>`. */
  toString(): string {
    if (this.dims === null) return "<unknown>";
    const parts = this.dims.map((d) => (d === null ? "?" : String(d)));
    if (parts.length === 1) return `(${parts[0]},)`;
    return `(${parts.join(", ")})`;
  }

  /** Python's `repr(shape)`: `TensorShape([Dimension(None), Dimension(3)])`. */
  __repr__(): string {
    if (this.dims === null) return "TensorShape(None)";
    return `TensorShape([${this.dims.map((d) => `Dimension(${d === null ? "None" : d})`).join(", ")}])`;
  }

  /** TF's C++ `PartialTensorShape::DebugString`: `[?,3]`, `[]`, or `<unknown>`. */
  debugString(): string {
    if (this.dims === null) return "<unknown>";
    return `[${this.dims.map((d) => (d === null ? "?" : String(d))).join(",")}]`;
  }

  /** True if both shapes could describe the same tensor. */
  is_compatible_with(other: TensorShape): boolean {
    if (this.dims === null || other.dims === null) return true;
    if (this.dims.length !== other.dims.length) return false;
    return this.dims.every((d, i) => d === null || other.dims![i] === null || d === other.dims![i]);
  }

  /** The most specific shape compatible with both; throws ValueError when they conflict. */
  merge_with(other: TensorShape): TensorShape {
    if (this.dims === null) return other;
    if (other.dims === null) return this;
    if (!this.is_compatible_with(other)) {
      throw new ValueError(`Shapes ${this} and ${other} are not compatible`);
    }
    return new TensorShape(this.dims.map((d, i) => (d === null ? other.dims![i] : d)));
  }

  /** True if the dims are identical (unknown matches only unknown). */
  equals(other: TensorShape): boolean {
    if (this.dims === null || other.dims === null) return this.dims === other.dims;
    return this.dims.length === other.dims.length && this.dims.every((d, i) => d === other.dims![i]);
  }

  /** Python's `len(shape)`; ValueError when the rank is unknown. */
  get length(): number {
    if (this.dims === null) throw new ValueError("Cannot take the length of Shape with unknown rank.");
    return this.dims.length;
  }
}

const UNKNOWN = new TensorShape(null);
const SCALAR = new TensorShape([]);

/** What a user may pass as a shape: `[null, 3]`, a TensorShape, a single int, or `null` (unknown). */
export type ShapeLike = readonly (number | null | undefined)[] | TensorShape | number | null | undefined;

/** Converts a user's shape argument; `null`/`undefined` is the unknown shape. */
export function asShape(s: unknown): TensorShape {
  if (s === null || s === undefined) return UNKNOWN;
  if (s instanceof TensorShape) return s;
  if (typeof s === "number" || s instanceof Number) return new TensorShape([checkDim(Number(s))]);
  if (Array.isArray(s)) {
    return new TensorShape(s.map((d) => (d === null || d === undefined ? null : checkDim(d))));
  }
  throw new PyTypeError(`Error converting shape to a TensorShape: ${String(s)}.`);
}

function checkDim(d: unknown): number {
  const n = typeof d === "number" || d instanceof Number ? Number(d) : NaN;
  if (!Number.isInteger(n)) {
    throw new PyTypeError(`Dimension value must be integer or None or have an __index__ method, got value '${String(d)}' with type '${typeof d}'`);
  }
  if (n < 0) throw new ValueError(`Dimension ${n} must be >= 0`);
  return n;
}

/** Product of concrete dims (1 for a scalar). */
/** Row-major strides of a concrete shape (`[2, 3]` → `[3, 1]`). */
export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

/** Same concrete shape? */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** numpy's `(2, 3)` / `(3,)` / `()` form of a concrete shape. */
export function shapeTuple(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(", ")})`;
}

/**
 * A concrete shape as numpy gives it to Python (`arr.shape`): a tuple. It is a JS array —
 * index it, spread it, compare its `length`, pass it where a shape goes — that prints as
 * Python prints a tuple: `(2, 3)`, `(3,)`, `()`.
 * @example
 * print(sess.run(tf.zeros([2, 3])).shape); // (2, 3)
 */
export class ShapeTuple extends Array<number> {
  __repr__(): string {
    return shapeTuple(this);
  }

  override toString(): string {
    return shapeTuple(this);
  }
}

/** `dims` as a ShapeTuple (itself when it is one). */
export function tupleOfDims(dims: readonly number[]): ShapeTuple {
  if (dims instanceof ShapeTuple) return dims;
  const t = new ShapeTuple();
  for (let i = 0; i < dims.length; i++) t.push(dims[i]);
  return t;
}
