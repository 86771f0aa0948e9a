/**
 * More elementwise math: Tan, Asin, Acos, Atan, Sinh, Cosh, Asinh, Acosh, Atanh, Expm1, Erf,
 * Softsign (with SoftsignGrad) and the two-input Atan2. Float32 results are the correctly
 * rounded float32 of the double-precision function (TF's Eigen calls the float functions of
 * the C library, which agree but for rare last-bit cases). Gradients: TF 1.15's math_grad.py
 * and nn_grad.py, each built after the incoming gradient (`control_dependencies([grad])`).
 */
import { DType } from "../../dtypes.js";
import { defineOp, type OpDef } from "../../op.js";
import type { Tensor } from "../../graph.js";
import { binaryBroadcast, unaryMap } from "../../kernels/elementwise.js";
import { erf } from "../../kernels/erf.js";
import { broadcastShapeFn, dtypeOfT, sameShapeAsInput0 } from "../support/common.js";
import { MATH_TYPES } from "../support/math_types.js";
import { ShapeFn } from "../support/array_infer.js";
import type { GradientBuilders } from "../../gradients/builders.js";
import type { Operation } from "../../graph.js";

type UAttrs = { T: DType };
type Grad = (x: Tensor, y: Tensor, g: Tensor, b: GradientBuilders) => Tensor;

/** A float-only elementwise op; `grad` builds the input's gradient under `control_dependencies([g])`. */
function floatUnary(type: string, doc: string, f: (x: number) => number, grad: Grad): OpDef<UAttrs> {
  return defineOp<UAttrs>({
    type,
    doc,
    inputs: [{ name: "x", typeAttr: "T" }],
    typeAttrs: { T: MATH_TYPES.unaryComplex },
    effects: [],
    inferDtype: dtypeOfT,
    inferShape: sameShapeAsInput0,
    kernel: ([x], k) => unaryMap(x, x.dtype, k, f),
    scalar: { f, f32: f, i32: f },
    gradient: (op: Operation, [g], b) => [op.graph.control_dependencies([g!], () => grad(op.inputs[0], op.outputs[0], g!, b))],
  });
}

/** `1 / sqrt(1 - x²)` as math_grad.py writes it for Asin and Acos. */
function invSqrtOneMinusSquare(x: Tensor, b: GradientBuilders): Tensor {
  const tf = b.tf;
  const one = tf.constant(1, x.dtype.base_dtype);
  return tf.reciprocal(tf.sqrt(b.py.sub(one, tf.square(x))));
}

export const Tan = floatUnary("Tan", "Elementwise tangent.", Math.tan, (x, _y, g, b) => {
  const secx = b.tf.reciprocal(b.tf.cos(x));
  return b.py.mul(g, b.tf.square(secx));
});

export const Asin = floatUnary("Asin", "Elementwise arcsine.", Math.asin, (x, _y, g, b) => b.py.mul(g, invSqrtOneMinusSquare(x, b)));

export const Acos = floatUnary("Acos", "Elementwise arccosine.", Math.acos, (x, _y, g, b) => b.py.mul(b.py.neg(g), invSqrtOneMinusSquare(x, b)));

export const Atan = floatUnary("Atan", "Elementwise arctangent.", Math.atan, (x, _y, g, b) => {
  const tf = b.tf;
  const one = tf.constant(1, x.dtype.base_dtype);
  return b.py.mul(g, tf.reciprocal(b.py.add(one, tf.square(x))));
});

export const Sinh = floatUnary("Sinh", "Elementwise hyperbolic sine.", Math.sinh, (x, _y, g, b) => b.py.mul(g, b.tf.cosh(x)));

export const Cosh = floatUnary("Cosh", "Elementwise hyperbolic cosine.", Math.cosh, (x, _y, g, b) => b.py.mul(g, b.tf.sinh(x)));

export const Asinh = floatUnary("Asinh", "Elementwise inverse hyperbolic sine.", Math.asinh, (_x, y, g, b) => b.py.truediv(g, b.tf.cosh(y)));

export const Acosh = floatUnary("Acosh", "Elementwise inverse hyperbolic cosine.", Math.acosh, (_x, y, g, b) => b.py.truediv(g, b.tf.sinh(y)));

export const Atanh = floatUnary("Atanh", "Elementwise inverse hyperbolic tangent.", Math.atanh, (x, _y, g, b) => {
  const tf = b.tf;
  const one = tf.constant(1, x.dtype.base_dtype);
  return b.py.mul(g, tf.reciprocal(b.py.sub(one, tf.square(x))));
});

export const Expm1 = floatUnary("Expm1", "Elementwise `exp(x) - 1`, accurate for small x.", Math.expm1, (x, _y, g, b) => b.py.mul(g, b.tf.exp(x)));

export const Erf = defineOp<UAttrs>({
  type: "Erf",
  doc: "Elementwise Gauss error function `2/√π ∫₀ˣ e^(−t²) dt`.",
  inputs: [{ name: "x", typeAttr: "T" }],
  typeAttrs: { T: MATH_TYPES.unaryReal },
  effects: [],
  inferDtype: dtypeOfT,
  inferShape: sameShapeAsInput0,
  kernel: ([x], k) => unaryMap(x, x.dtype, k, erf),
  scalar: { f: erf, f32: erf, i32: erf },
  // math_grad.py's _ErfGrad: the constant is made before control_dependencies([grad]), then
  // `grad * two_over_root_pi * exp(-square(x))` in Python's evaluation order.
  gradient: (op, [g], b) => {
    const tf = b.tf;
    const twoOverRootPi = tf.constant(2 / Math.sqrt(Math.PI), g!.dtype);
    return [
      op.graph.control_dependencies([g!], () => {
        const scaled = b.py.mul(g!, twoOverRootPi);
        return b.py.mul(scaled, tf.exp(b.py.neg(tf.square(op.inputs[0]))));
      }),
    ];
  },
});

const softsign = (x: number) => x / (1 + Math.abs(x));

export const Softsign = defineOp<UAttrs>({
  type: "Softsign",
  doc: "Elementwise `x / (1 + |x|)`.",
  inputs: [{ name: "features", typeAttr: "T" }],
  typeAttrs: { T: MATH_TYPES.unaryReal },
  effects: [],
  inferDtype: dtypeOfT,
  inferShape: sameShapeAsInput0,
  kernel: ([x], k) => unaryMap(x, x.dtype, k, softsign),
  scalar: { f: softsign, f32: softsign, i32: softsign },
  gradient: (op, [g], b) => [b.gen("SoftsignGrad", [g!, op.inputs[0]])],
});

export const SoftsignGrad = defineOp<UAttrs>({
  type: "SoftsignGrad",
  doc: "The gradient of softsign: `gradients / (1 + |features|)²`.",
  inputs: [
    { name: "gradients", typeAttr: "T" },
    { name: "features", typeAttr: "T" },
  ],
  typeAttrs: { T: MATH_TYPES.unaryReal },
  effects: [],
  inferDtype: dtypeOfT,
  inferShape: (c) => [new ShapeFn(c).merge(c.shapes[0], c.shapes[1])],
  kernel: ([g, x], k) => binaryBroadcast(g, x, g.dtype, k, (dy, v) => dy / ((1 + Math.abs(v)) * (1 + Math.abs(v)))),
  // nn_grad.py's _SoftsignGradGrad is not registered in TF 1.15: no second derivative.
  gradient: null,
});

export const Atan2 = defineOp<UAttrs>({
  type: "Atan2",
  doc: "Elementwise arctangent of `y / x`, using both signs for the quadrant (broadcasting).",
  inputs: [
    { name: "y", typeAttr: "T" },
    { name: "x", typeAttr: "T" },
  ],
  typeAttrs: { T: MATH_TYPES.unaryReal },
  effects: [],
  inferDtype: dtypeOfT,
  inferShape: broadcastShapeFn,
  kernel: ([y, x], k) => binaryBroadcast(y, x, y.dtype, k, Math.atan2),
  // math_grad.py's _Atan2Grad: no reduction over broadcast axes, as in TF 1.15.
  gradient: (op, [g], b) => {
    const [y, x] = op.inputs;
    return op.graph.control_dependencies([g!], () => {
      const gradInv = b.py.truediv(g!, b.py.add(b.tf.square(x), b.tf.square(y)));
      return [b.py.mul(x, gradInv), b.py.mul(b.py.neg(y), gradInv)];
    });
  },
});
