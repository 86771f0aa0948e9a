/**
 * Elementwise unary math: Neg, Abs, Square, Sqrt, Rsqrt, Exp, Log, Log1p, Sign, Reciprocal,
 * Sigmoid, Tanh, Floor, Ceil, Round, Sin, Cos, and the `*Grad` ops TF's gradients use
 * (SqrtGrad, RsqrtGrad, TanhGrad, SigmoidGrad, ReciprocalGrad). Gradients are TF 1.14's
 * math_grad.py. Float32 results are rounded by the Float32Array store, so they are the
 * correctly rounded float32 of the double-precision function, except where TF's float32 path
 * computes something else: glibc's logf/sinf/cosf (random/libmf.ts), Eigen's sigmoid and tanh
 * approximations (eigen_float.ts), Eigen's rsqrt. These follow TF's scalar path; its AVX path,
 * used for the bulk of tensors of 8+ elements, may differ in the last bit for exp/log/sin/cos.
 */
import { DType, float32 } from "../../dtypes.js";
import { defineOp, elementFn, OpDef, TypeAttrSpec } from "../../op.js";
import { rint } from "../../kernels/round.js";
import { binaryBroadcast, unaryMap } from "../../kernels/elementwise.js";
import type { Tensor } from "../../graph.js";
import { dtypeOfT, sameShapeAsInput0 } from "../support/common.js";
import { MATH_TYPES } from "../support/math_types.js";
import { ShapeFn } from "../support/array_infer.js";
import { sigmoidF32, tanhF32 } from "../support/eigen_float.js";
import { logf, sincosf } from "../../random/libmf.js";

type UAttrs = { T: DType };
type F1 = (x: number) => number;
type F2 = (x: number, y: number) => number;


/**
 * Declares an elementwise unary op: `f` for floats, `i32` for int32 (default: `f`), `f32` for
 * float32 where TF's Eigen computes something other than the rounded double result, `i64` for
 * int64 where `f` is not whole-number arithmetic.
 */
function unaryOp(type: string, doc: string, types: TypeAttrSpec, f: F1, i32: F1 | null, gradient: OpDef<UAttrs>["gradient"], f32: F1 = f, i64: F1 = f): OpDef<UAttrs> {
  const form = { f, f32, i32: i32 ?? f, i64 };
  return defineOp<UAttrs>({
    type,
    doc,
    inputs: [{ name: "x", typeAttr: "T" }],
    typeAttrs: { T: types },
    effects: [],
    inferDtype: dtypeOfT,
    inferShape: sameShapeAsInput0,
    kernel: ([x], k) => unaryMap(x, x.dtype, k, elementFn(form, x.dtype)!),
    scalar: form,
    gradient,
  });
}

/**
 * Declares a `*Grad` op `(y, dy) -> z` with TF's UNARY_GRADIENT_COMPLEX signature (same
 * shapes); `f32` rounds each float32 intermediate as Eigen's functor does.
 */
function gradOp(type: string, doc: string, f: F2, f32: F2, gradient: OpDef<UAttrs>["gradient"]): OpDef<UAttrs> {
  return defineOp<UAttrs>({
    type,
    doc,
    inputs: [
      { name: "y", typeAttr: "T" },
      { name: "dy", typeAttr: "T" },
    ],
    typeAttrs: { T: MATH_TYPES.unaryComplex },
    effects: [],
    inferDtype: dtypeOfT,
    inferShape: (c) => [new ShapeFn(c).merge(c.shapes[0], c.shapes[1])],
    kernel: ([y, dy], k) => binaryBroadcast(y, dy, y.dtype, k, y.dtype === float32 ? f32 : f),
    gradient,
  });
}

const fr = Math.fround;

// ---- element functions ----
const neg: F1 = (x) => -x;
const negInt: F1 = (x) => -x | 0;
const abs: F1 = Math.abs;
const absInt: F1 = (x) => Math.abs(x) | 0;
const square: F1 = (x) => x * x;
const squareInt: F1 = (x) => Math.imul(x, x);
const rsqrt: F1 = (x) => 1 / Math.sqrt(x);
// float32 log, sin and cos: Eigen's scalar path calls glibc's logf, sinf and cosf, which are
// within an ulp but not always the correctly rounded float32 (ports in random/libmf.ts).
const SINCOS = new Float64Array(2);
const logF32: F1 = (x) => logf(Math.fround(x));
const sinF32: F1 = (x) => {
  sincosf(Math.fround(x), SINCOS);
  return SINCOS[0];
};
const cosF32: F1 = (x) => {
  sincosf(Math.fround(x), SINCOS);
  return SINCOS[1];
};

/** Eigen's scalar `rsqrt` for float: `1 / sqrt(x)` with the square root rounded first. */
const rsqrtF32: F1 = (x) => 1 / Math.fround(Math.sqrt(x));
const sign: F1 = (x) => (x > 0 ? 1 : 0) - (x < 0 ? 1 : 0);
const reciprocal: F1 = (x) => 1 / x;
const reciprocalInt: F1 = (x) => (x === 0 ? 0 : (1 / x) | 0);
const sigmoid: F1 = (x) => 1 / (1 + Math.exp(-x));
const identity: F1 = (x) => x;

// ---- gradients (TF 1.14 math_grad.py) ----

export const Neg = unaryOp("Neg", "Elementwise `-x`.", MATH_TYPES.unary, neg, negInt, (op, [g], b) => [b.tf.negative(g!)]);

export const Abs = unaryOp("Abs", "Elementwise absolute value `|x|`.", MATH_TYPES.abs, abs, absInt, (op, [g], b) => [b.py.mul(g!, b.tf.sign(op.inputs[0]))]);

export const Square = unaryOp("Square", "Elementwise `x * x`.", MATH_TYPES.unary, square, squareInt, (op, [g], b) => {
  // The control dependency keeps `2 * x` from being computed before the gradient is needed.
  const tf = b.tf;
  const x = op.inputs[0];
  return [op.graph.control_dependencies([g!], () => tf.multiply(g!, tf.multiply(x, tf.constant(2.0, x.dtype.base_dtype))))];
});

export const Sqrt = unaryOp("Sqrt", "Elementwise square root.", MATH_TYPES.unaryComplex, Math.sqrt, null, (op, [g], b) => [b.gen("SqrtGrad", [op.outputs[0], g!])]);

export const Rsqrt = unaryOp("Rsqrt", "Elementwise `1 / sqrt(x)`.", MATH_TYPES.unaryComplex, rsqrt, null, (op, [g], b) => [b.gen("RsqrtGrad", [op.outputs[0], g!])], rsqrtF32);

export const Exp = unaryOp("Exp", "Elementwise `e` to the power `x`.", MATH_TYPES.unaryComplex, Math.exp, null, (op, [g], b) => {
  const y = op.outputs[0];
  return [op.graph.control_dependencies([g!], () => b.py.mul(g!, y))];
});

export const Log = unaryOp(
  "Log",
  "Elementwise natural logarithm.",
  MATH_TYPES.unaryComplex,
  Math.log,
  null,
  (op, [g], b) => {
    const tf = b.tf;
    const x = op.inputs[0];
    return [op.graph.control_dependencies([g!], () => b.py.mul(g!, tf.reciprocal(x)))];
  },
  logF32,
);

export const Log1p = unaryOp("Log1p", "Elementwise `log(1 + x)`, accurate for small `x`.", MATH_TYPES.unaryComplex, Math.log1p, null, (op, [g], b) => {
  const tf = b.tf;
  const rt = b.py;
  const x = op.inputs[0];
  return [op.graph.control_dependencies([g!], () => rt.mul(g!, tf.reciprocal(rt.add(1, x))))];
});

export const Sign = unaryOp("Sign", "Elementwise sign: -1, 0 or 1.", MATH_TYPES.unary, sign, sign, (op, _grads, b) => {
  // TF's _SignGrad: zeros(shape(x)).
  const tf = b.tf;
  const x = op.inputs[0];
  return [tf.zeros(tf.shape(x), x.dtype.base_dtype)];
});

export const Reciprocal = unaryOp(
  "Reciprocal",
  "Elementwise `1 / x`.",
  MATH_TYPES.unary,
  reciprocal,
  reciprocalInt,
  (op, [g], b) => [b.gen("ReciprocalGrad", [op.outputs[0], g!])],
  reciprocal,
  reciprocalInt,
);

export const Sigmoid = unaryOp(
  "Sigmoid",
  "Elementwise logistic function `1 / (1 + exp(-x))`.",
  MATH_TYPES.unaryComplex,
  sigmoid,
  null,
  (op, [g], b) => {
    const y = op.outputs[0];
    return [op.graph.control_dependencies([g!], () => b.gen("SigmoidGrad", [y, g!]))];
  },
  sigmoidF32,
);

export const Tanh = unaryOp(
  "Tanh",
  "Elementwise hyperbolic tangent.",
  MATH_TYPES.unaryComplex,
  Math.tanh,
  null,
  (op, [g], b) => {
    const y = op.outputs[0];
    return [op.graph.control_dependencies([g!], () => b.gen("TanhGrad", [y, g!]))];
  },
  tanhF32,
);

// Floor, Ceil and Round: TF's gradient functions return None.
export const Floor = unaryOp("Floor", "Elementwise largest integer not greater than `x`.", MATH_TYPES.unaryReal, Math.floor, null, () => [null]);

export const Ceil = unaryOp("Ceil", "Elementwise smallest integer not less than `x`.", MATH_TYPES.unaryReal, Math.ceil, null, () => [null]);

export const Round = unaryOp("Round", "Elementwise rounding to the nearest integer, halves to even.", MATH_TYPES.unary, rint, identity, () => [null]);

export const Sin = unaryOp(
  "Sin",
  "Elementwise sine.",
  MATH_TYPES.unaryComplex,
  Math.sin,
  null,
  (op, [g], b) => {
    const tf = b.tf;
    const x = op.inputs[0];
    return [op.graph.control_dependencies([g!], () => b.py.mul(g!, tf.cos(x)))];
  },
  sinF32,
);

export const Cos = unaryOp(
  "Cos",
  "Elementwise cosine.",
  MATH_TYPES.unaryComplex,
  Math.cos,
  null,
  (op, [g], b) => {
    const tf = b.tf;
    const x = op.inputs[0];
    return [op.graph.control_dependencies([g!], () => b.py.mul(tf.negative(g!), tf.sin(x)))];
  },
  cosF32,
);

// ---- the *Grad ops and their own gradients (second derivatives) ----

export const SqrtGrad = gradOp(
  "SqrtGrad",
  "The gradient of sqrt: `dy * 0.5 / y` where `y = sqrt(x)`.",
  (y, dy) => (0.5 * dy) / y,
  (y, dy) => fr(0.5 * dy) / y,
  (op, [g], b) => {
    const tf = b.tf;
    const rt = b.py;
    const a = op.inputs[0];
    const y = op.outputs[0];
    return op.graph.control_dependencies([g!], () => {
      const ga = rt.truediv(g!, a);
      return [rt.mul(tf.negative(ga), y), rt.mul(0.5, ga)];
    });
  },
);

export const RsqrtGrad = gradOp(
  "RsqrtGrad",
  "The gradient of rsqrt: `dy * -0.5 * y^3` where `y = rsqrt(x)`.",
  (y, dy) => -0.5 * (dy * y) * (y * y),
  (y, dy) => fr(fr(-0.5 * fr(dy * y)) * fr(y * y)),
  (op, [g], b) => {
    const tf = b.tf;
    const rt = b.py;
    const [y, dy] = op.inputs;
    return op.graph.control_dependencies([g!], () => {
      const gradA = rt.mul(rt.mul(rt.mul(-1.5, g!), dy), tf.square(y));
      const gradB = b.gen("RsqrtGrad", [y, g!]);
      return [gradA, gradB];
    });
  },
);

export const TanhGrad = gradOp(
  "TanhGrad",
  "The gradient of tanh: `dy * (1 - y * y)` where `y = tanh(x)`.",
  (y, dy) => dy * (1 - y * y),
  (y, dy) => dy * fr(1 - fr(y * y)),
  (op, [g], b) => {
    const rt = b.py;
    const [y, dy] = op.inputs;
    return op.graph.control_dependencies([g!], () => [rt.mul(rt.mul(rt.mul(g!, -2.0), dy), y), b.gen("TanhGrad", [y, g!])]);
  },
);

export const SigmoidGrad = gradOp(
  "SigmoidGrad",
  "The gradient of sigmoid: `dy * y * (1 - y)` where `y = sigmoid(x)`.",
  (y, dy) => dy * y * (1 - y),
  (y, dy) => fr(dy * y) * fr(1 - y),
  (op, [g], b) => {
    const rt = b.py;
    const [y, dy] = op.inputs;
    return op.graph.control_dependencies([g!], () => {
      const gb = rt.mul(g!, dy);
      return [rt.sub(gb, rt.mul(rt.mul(2.0, gb), y)), b.gen("SigmoidGrad", [y, g!])];
    });
  },
);

export const ReciprocalGrad = gradOp(
  "ReciprocalGrad",
  "The gradient of reciprocal: `-dy * y * y` where `y = 1 / x`.",
  (y, dy) => -dy * y * y,
  (y, dy) => fr(-dy * y) * y,
  (op, [g], b) => {
    const rt = b.py;
    const [y, dy] = op.inputs;
    return op.graph.control_dependencies([g!], () => [rt.mul(rt.mul(rt.mul(g!, -2.0), dy), y), b.gen("ReciprocalGrad", [y, g!])]);
  },
);

export type { Tensor };
