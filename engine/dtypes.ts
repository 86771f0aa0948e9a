/**
 * TensorFlow dtypes the engine supports, with their storage and their names in TF's own texts.
 *
 * TF has two spellings for a dtype: the Python name (`float32`, used in `Tensor(...)` reprs and
 * Python-side errors) and the C++ `DataTypeString` (`float`, used in kernel errors such as
 * "You must feed a value for placeholder tensor 'x' with dtype float").
 */

export type DTypeName = "float32" | "float64" | "int32" | "int64" | "bool" | "string" | "resource" | "variant";

/**
 * Storage of a tensor's elements, row-major. bool is stored as 0/1 bytes; int64 as whole
 * numbers in a Float64Array, exact for |x| < 2^53 (beyond that, TF's wrap-around at 2^63 and
 * the last digits are not reproduced).
 */
export type TypedData = Float32Array | Float64Array | Int32Array | Uint8Array | string[];

/**
 * A TensorFlow data type, e.g. `tf.float32`.
 * @example
 * const x = tf.placeholder(tf.float32);
 * print(x.dtype); // <dtype: 'float32'>
 */
export class DType {
  /** @internal use the `tf.float32`, ... singletons. */
  constructor(
    /** Python name, e.g. `float32`. */
    readonly name: DTypeName,
    /** C++ DataTypeString, e.g. `float` for float32, as kernel errors print it. */
    readonly cName: string,
    /** The `DT_*` enum name, as NodeDef texts print it. */
    readonly enumName: string,
    /** True for float32 / float64. */
    readonly isFloating: boolean,
    /** True for int32 / int64. */
    readonly isInteger: boolean,
    /** The non-ref dtype this ref dtype refers to (TF 1.x `float32_ref` → `float32`). */
    base?: DType,
  ) {
    this.base_dtype = base ?? this;
  }

  /**
   * The dtype without `_ref`: a TF 1.x variable's tensor has dtype `float32_ref`, whose base is `float32`.
   * @example
   * const v = tf.Variable(1.0);
   * print(v.dtype.base_dtype); // <dtype: 'float32'>
   */
  readonly base_dtype: DType;

  /** True for a reference dtype such as `float32_ref`. */
  get is_ref(): boolean {
    return this.base_dtype !== this;
  }

  /** The `_ref` dtype for this dtype. */
  get _as_ref(): DType {
    return REF_OF.get(this.base_dtype)!;
  }

  /** Python's `dtype.name`: `float32`, or `float32_ref` for a reference dtype. */
  get displayName(): string {
    return this.is_ref ? `${this.name}_ref` : this.name;
  }

  /** True for float and integer types (not bool or string). */
  get isNumeric(): boolean {
    return this.isFloating || this.isInteger;
  }

  /** Python's `str(tf.float32)`: `<dtype: 'float32'>`. */
  toString(): string {
    return `<dtype: '${this.displayName}'>`;
  }

  /** Python's `repr(tf.float32)` in TF 1.x: `tf.float32`. */
  __repr__(): string {
    return `tf.${this.displayName}`;
  }

  __str__(): string {
    return this.toString();
  }
}

export const float32 = new DType("float32", "float", "DT_FLOAT", true, false);
export const float64 = new DType("float64", "double", "DT_DOUBLE", true, false);
export const int32 = new DType("int32", "int32", "DT_INT32", false, true);
export const int64 = new DType("int64", "int64", "DT_INT64", false, true);
export const bool = new DType("bool", "bool", "DT_BOOL", false, false);
export const string = new DType("string", "string", "DT_STRING", false, false);
/**
 * A handle to a resource the session holds (the stack of a while loop's gradient). Its
 * element is the handle's key; programs never compute with it.
 */
export const resource = new DType("resource", "resource", "DT_RESOURCE", false, false);
/**
 * A value of a type TF does not name (a `tf.data` dataset). Its element is a short text saying
 * what it holds; the dataset itself travels beside it (engine/ops/data/variant.ts).
 */
export const variant = new DType("variant", "variant", "DT_VARIANT", false, false);

export const ALL_DTYPES: readonly DType[] = [float32, float64, int32, int64, bool, string];

const REF_OF = new Map<DType, DType>(
  ALL_DTYPES.map((d) => [d, new DType(d.name, d.cName, `${d.enumName}_REF`, d.isFloating, d.isInteger, d)]),
);

const BY_NAME: Record<string, DType> = {
  float32,
  float: float32,
  float64,
  double: float64,
  int32,
  int64,
  bool,
  string,
  resource,
  variant,
};

/** Something a user may pass where TF takes a dtype: `tf.float32` or `"float32"`. */
export type DTypeLike = DType | DTypeName | "float" | "double";

/** Resolves `tf.float32` or a dtype name; throws TF's TypeError for anything else. */
export function asDType(d: unknown): DType {
  if (d instanceof DType) return d.base_dtype;
  if (typeof d === "string" && Object.prototype.hasOwnProperty.call(BY_NAME, d)) return BY_NAME[d];
  throw new TypeError(`Cannot convert value ${typeof d === "string" ? `'${d}'` : String(d)} to a TensorFlow DType.`);
}

/** Allocates zero-filled storage for `size` elements of `dtype`. */
export function allocData(dtype: DType, size: number): TypedData {
  switch (dtype.name) {
    case "float32":
      return new Float32Array(size);
    case "float64":
      return new Float64Array(size);
    case "int32":
      return new Int32Array(size);
    case "int64":
      return new Float64Array(size);
    case "bool":
      return new Uint8Array(size);
    case "string":
    case "resource":
    case "variant":
      return new Array<string>(size).fill("");
  }
}

/** Bytes per element, used for ResourceExhausted checks before allocating. */
export function bytesPerElement(dtype: DType): number {
  switch (dtype.name) {
    case "float64":
    case "int64":
      return 8;
    case "bool":
      return 1;
    case "string":
    case "resource":
    case "variant":
      return 16;
    default:
      return 4;
  }
}
