/**
 * The admitted dtypes of the math ops, with each list as TF 1.14's TypeError prints it (the
 * order of the op's registered `allowed_values`: the written order for `{...}` lists, the
 * order of `NumberTypes()` / `RealNumberTypes()` for `numbertype` / `realnumbertype`).
 * From tensorflow/core/ops/math_ops.cc.
 */
import { bool, float32, float64, int32, int64, string } from "../../dtypes.js";
import type { TypeAttrSpec } from "../../op.js";

const FLOATS = [float32, float64];
const NUMERIC = [float32, float64, int32, int64];

export const MATH_TYPES = {
  /** `numbertype`: Sum, Mean, Prod, Max, Min, ArgMax, AddN. */
  numbertype: {
    allowed: NUMERIC,
    tfList: "float32, float64, int32, uint8, int16, int8, complex64, int64, qint8, quint8, qint32, bfloat16, uint16, complex128, float16, uint32, uint64",
  },
  /** AddN's `{numbertype, variant}`. */
  numbertypeVariant: {
    allowed: NUMERIC,
    tfList: "float32, float64, int32, uint8, int16, int8, complex64, int64, qint8, quint8, qint32, bfloat16, uint16, complex128, float16, uint32, uint64, variant",
  },
  /** `realnumbertype`: Less, LessEqual, Greater, GreaterEqual. */
  realnumbertype: {
    allowed: NUMERIC,
    tfList: "float32, float64, int32, uint8, int16, int8, int64, bfloat16, uint16, float16, uint32, uint64",
  },
  /** `UNARY()`: Neg, Square, Reciprocal, Round, Sign. */
  unary: {
    allowed: NUMERIC,
    tfList: "bfloat16, float16, float32, float64, int32, int64, complex64, complex128",
  },
  /** `UNARY_COMPLEX()`: Sqrt, Rsqrt, Exp, Log, Log1p, Tanh, Sigmoid, Sin, Cos. */
  unaryComplex: {
    allowed: FLOATS,
    tfList: "bfloat16, float16, float32, float64, complex64, complex128",
  },
  /** Floor, Ceil (`UNARY_REAL()`). */
  unaryReal: {
    allowed: FLOATS,
    tfList: "bfloat16, float16, float32, float64",
  },
  /** Abs. */
  abs: {
    allowed: NUMERIC,
    tfList: "bfloat16, float16, float32, float64, int8, int16, int32, int64",
  },
  /** `BINARY_MORE()`: Sub, Mul, RealDiv, FloorDiv. */
  binaryMore: {
    allowed: NUMERIC,
    tfList: "bfloat16, float16, float32, float64, uint8, int8, uint16, int16, int32, int64, complex64, complex128",
  },
  /** `BINARY_FEWER()`: SquaredDifference. */
  binaryFewer: {
    allowed: NUMERIC,
    tfList: "bfloat16, float16, float32, float64, int32, int64, complex64, complex128",
  },
  /** Maximum, Minimum. */
  maxMin: {
    allowed: NUMERIC,
    tfList: "bfloat16, float16, float32, float64, int32, int64",
  },
  /** FloorMod. */
  floorMod: {
    allowed: NUMERIC,
    tfList: "int32, int64, bfloat16, float16, float32, float64",
  },
  /** Pow. */
  pow: {
    allowed: NUMERIC,
    tfList: "bfloat16, float32, float16, float64, int32, int64, complex64, complex128",
  },
  /** MatMul. */
  matmul: {
    allowed: NUMERIC,
    tfList: "bfloat16, float16, float32, float64, int32, int64, complex64, complex128",
  },
  /** Equal, NotEqual. */
  equality: {
    allowed: [float32, float64, int32, int64, string, bool],
    tfList: "bfloat16, float16, float32, float64, uint8, int8, int16, int32, int64, complex64, quint8, qint8, qint32, string, bool, complex128",
  },
  /** `Tidx`, `out_type`, `index_type`: int32 or int64. */
  intIndex: {
    allowed: [int32, int64],
    tfList: "int32, int64",
  },
} satisfies Record<string, TypeAttrSpec>;
