/**
 * numpy-style elementwise arithmetic on NDArrays (what `x_data * 0.1 + 0.3` means when
 * `x_data` came from `np.random.rand`): broadcasting, numpy 1.x type promotion (a Python scalar
 * does not widen an array of its kind), true division to float64 for ints.
 */
import { DType, bool, float32, float64, int32, int64, allocData, TypedData } from "../dtypes.js";
import { NDArray } from "../ndarray.js";
import { ValueError, PyTypeError } from "../errors.js";
import { isPyFloat } from "../pyfloat.js";
import { broadcastOrNull, generalBroadcast } from "../kernels/elementwise.js";
import { NpScalar, scalarOf } from "./scalar.js";

type Num = Float32Array | Float64Array | Int32Array | Uint8Array;

const KIND: Record<string, number> = { bool: 0, int32: 1, int64: 2, float32: 3, float64: 4 };

/** numpy's promote_types for the dtypes we have (an int with float32 gives float64). */
export function promote(a: DType, b: DType): DType {
  if (a === b) return a;
  const [lo, hi] = KIND[a.name] <= KIND[b.name] ? [a, b] : [b, a];
  if (hi === float64) return float64;
  if (hi === float32) return lo.isInteger ? float64 : float32;
  return hi;
}

/** An operand: an NDArray, or a Python scalar with the kind numpy gives it. */
interface Operand {
  arr: NDArray;
  /** True for a Python scalar (it takes the array's dtype when of the same or lower kind). */
  scalar: boolean;
}

function operand(x: unknown): Operand {
  if (x instanceof NDArray) return { arr: x, scalar: false };
  // A numpy scalar is a scalar for value-based casting (`float32_array * np.float64(2)` stays float32).
  if (x instanceof NpScalar) {
    const data = allocData(x.dtype, 1) as Float64Array;
    data[0] = x.valueOf();
    return { arr: new NDArray(x.dtype, [], data as unknown as TypedData), scalar: true };
  }
  if (typeof x === "boolean") return { arr: new NDArray(bool, [], new Uint8Array([x ? 1 : 0])), scalar: true };
  if (typeof x === "number" || isPyFloat(x)) {
    const v = Number(x);
    // Python's int is a C long for numpy: int64.
    const dt = isPyFloat(x) || !Number.isInteger(v) ? float64 : int64;
    const data = allocData(dt, 1) as Float64Array;
    data[0] = v;
    return { arr: new NDArray(dt, [], data as unknown as TypedData), scalar: true };
  }
  if (Array.isArray(x)) return { arr: fromNested(x), scalar: false };
  throw new PyTypeError(`unsupported operand type for numpy arithmetic: ${String(x)}`);
}

/** numpy's default conversion of a nested list: float64 if any float, else int64, else bool. */
export function fromNested(x: unknown, dtype: DType | null = null): NDArray {
  const shape: number[] = [];
  let probe: unknown = x;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = probe[0];
  }
  const flat: unknown[] = [];
  const walk = (v: unknown, d: number) => {
    if (v instanceof NDArray) {
      for (let i = 0; i < v.size; i++) flat.push(v.flatAt(i));
      return;
    }
    if (Array.isArray(v)) {
      if (v.length !== shape[d]) throw new ValueError("setting an array element with a sequence.");
      v.forEach((e) => walk(e, d + 1));
    } else {
      if (d !== shape.length) throw new ValueError("setting an array element with a sequence.");
      flat.push(v);
    }
  };
  walk(x, 0);
  let dt = dtype;
  if (dt === null) {
    // numpy's result type of the elements: a Python float is float64, a Python int int64, a
    // numpy scalar its own dtype.
    dt = flat.length === 0 ? float64 : flat.map(elementDtype).reduce(promote);
  }
  const data = allocData(dt, flat.length) as Float64Array;
  for (let i = 0; i < flat.length; i++) {
    const n = Number(flat[i]);
    data[i] = dt.isInteger ? Math.trunc(n) : dt === bool ? (n !== 0 ? 1 : 0) : n;
  }
  return new NDArray(dt, shape, data as unknown as TypedData);
}

function elementDtype(v: unknown): DType {
  if (v instanceof NpScalar) return v.dtype;
  if (typeof v === "boolean") return bool;
  if (isPyFloat(v) || (typeof v === "number" && !Number.isInteger(v))) return float64;
  return typeof v === "number" ? int64 : float64;
}

/** numpy's kinds: bool < int < float (float32 and float64 are one kind). */
function kindOf(d: DType): number {
  return d === bool ? 0 : d.isInteger ? 1 : 2;
}

/**
 * numpy 1.x value-based casting: a Python scalar of the same or a lower kind takes the array's
 * dtype (`float32_array * 2.5` stays float32); a higher kind widens (`int_array * 2.5` is float64).
 */
function resultDtype(a: Operand, b: Operand): DType {
  if (a.scalar !== b.scalar) {
    const [s, arr] = a.scalar ? [a.arr.dtype, b.arr.dtype] : [b.arr.dtype, a.arr.dtype];
    if (kindOf(s) <= kindOf(arr)) return arr;
    return kindOf(s) === 2 ? float64 : int64;
  }
  return promote(a.arr.dtype, b.arr.dtype);
}

/** numpy's broadcast of two shapes, with numpy's error. */
function broadcast(a: readonly number[], b: readonly number[]): number[] {
  const out = broadcastOrNull(a, b);
  if (out === null) {
    const t = (s: readonly number[]) => `(${s.join(",")}${s.length === 1 ? "," : ""})`;
    throw new ValueError(`operands could not be broadcast together with shapes ${t(a)} ${t(b)} `);
  }
  return out;
}

/** Applies `f` with broadcasting; the result has dtype `out`. 0-d results become numpy scalars. */
function apply2(a: NDArray, b: NDArray, out: DType, f: (x: number, y: number) => number): NDArray | NpScalar | boolean {
  const shape = broadcast(a.shape, b.shape);
  const n = shape.reduce((p, d) => p * d, 1);
  const od = allocData(out, n) as Num;
  // The typed array's store does float rounding; ints and bools need the cast numpy does.
  // int64 keeps whole numbers (a division by zero gives 0, as numpy's integer ops do).
  const g =
    out === int32
      ? (x: number, y: number) => f(x, y) | 0
      : out === int64
        ? (x: number, y: number) => {
            const r = f(x, y);
            return Number.isFinite(r) ? Math.trunc(r) : 0;
          }
        : out === bool
          ? (x: number, y: number) => (f(x, y) ? 1 : 0)
          : f;
  generalBroadcast(a.data as Num, a.shape, b.data as Num, b.shape, od, shape, g);
  const res = new NDArray(out, shape, od as TypedData);
  return shape.length === 0 ? (scalarOf(out, res.flatAt(0)) as NpScalar | boolean) : res;
}

export type NpBinary = "add" | "sub" | "mul" | "truediv" | "floordiv" | "mod" | "pow" | "lt" | "le" | "gt" | "ge" | "and" | "or" | "xor";

const pyMod = (x: number, y: number) => {
  const r = x % y;
  return r !== 0 && r < 0 !== y < 0 ? r + y : r;
};

/** `a <op> b` with numpy semantics; at least one operand is an NDArray. */
export function npBinary(op: NpBinary, x: unknown, y: unknown): NDArray | NpScalar | boolean {
  const a = operand(x);
  const b = operand(y);
  let dt = resultDtype(a, b);
  const A = a.arr;
  const B = b.arr;
  switch (op) {
    case "add":
      return apply2(A, B, dt, (p, q) => p + q);
    case "sub":
      return apply2(A, B, dt, (p, q) => p - q);
    case "mul":
      return apply2(A, B, dt, dt === int32 ? Math.imul : (p, q) => p * q);
    case "truediv":
      if (!dt.isFloating) dt = float64;
      return apply2(A, B, dt, (p, q) => p / q);
    case "floordiv":
      return apply2(A, B, dt, (p, q) => Math.floor(p / q));
    case "mod":
      return apply2(A, B, dt, pyMod);
    case "pow":
      return apply2(A, B, dt, (p, q) => p ** q);
    case "lt":
      return apply2(A, B, bool, (p, q) => (p < q ? 1 : 0));
    case "le":
      return apply2(A, B, bool, (p, q) => (p <= q ? 1 : 0));
    case "gt":
      return apply2(A, B, bool, (p, q) => (p > q ? 1 : 0));
    case "ge":
      return apply2(A, B, bool, (p, q) => (p >= q ? 1 : 0));
    case "and":
      return apply2(A, B, dt, (p, q) => p & q);
    case "or":
      return apply2(A, B, dt, (p, q) => p | q);
    case "xor":
      return apply2(A, B, dt, (p, q) => p ^ q);
  }
}

/** Applies a unary function elementwise; ints become float64 for float functions. */
export function npUnary(x: unknown, f: (v: number) => number, floatResult: boolean): NDArray | NpScalar {
  const a = operand(x).arr;
  const dt = floatResult && !a.dtype.isFloating ? float64 : a.dtype === bool ? int64 : a.dtype;
  const od = allocData(dt, a.size) as Num;
  const ad = a.data as Num;
  for (let i = 0; i < a.size; i++) od[i] = f(ad[i]);
  if (a.shape.length === 0) return scalarOf(dt, od[0]) as NpScalar;
  return new NDArray(dt, a.shape, od as TypedData);
}

export { operand };
