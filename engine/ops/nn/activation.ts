/**
 * Activations and their gradient ops: Relu, Relu6, Elu, Softplus, LeakyRelu and the
 * ReluGrad, Relu6Grad, EluGrad, SoftplusGrad, LeakyReluGrad ops TF's nn_grad.py builds for
 * them. Kernels follow tensorflow/core/kernels/{relu_op_functor,softplus_op}.h; float32 math
 * rounds to float32 wherever TF's Eigen code does.
 */
import { DType, float32 } from "../../dtypes.js";
import { defineOp, OpDef, TypeAttrSpec } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import type { Operation, Tensor } from "../../graph.js";
import { TYPES } from "../support/common.js";
import { ShapeFn } from "../support/array_infer.js";
import { dimsString } from "../support/array_infer.js";
import { InvalidArgumentError } from "../../errors.js";
import type { KernelContext } from "../../op.js";
import type { GradientBuilders } from "../../gradients/builders.js";


type Num = Float32Array | Float64Array | Int32Array;

/** TF's `{half, bfloat16, float, double}`. */
const FLOATS: TypeAttrSpec = TYPES.float;

/** Float32 rounding for float32 tensors, identity otherwise. */
function rounder(dtype: DType): (x: number) => number {
  return dtype === float32 ? Math.fround : (x) => x;
}

/** Declares an elementwise activation `y = f(x)`. */
function activation<A extends object = { T: DType }>(
  type: string,
  doc: string,
  types: TypeAttrSpec,
  f: (x: number, r: (v: number) => number, attrs: A) => number,
  gradient: OpDef<A & { T: DType }>["gradient"],
): OpDef<A & { T: DType }> {
  return defineOp<A & { T: DType }>({
    type,
    doc,
    inputs: [{ name: "features", typeAttr: "T" }],
    typeAttrs: { T: types },
    effects: [],
    inferDtype: (c) => [c.dtypes[0]],
    inferShape: (c) => [c.shapes[0]],
    kernel: ([x], k) => {
      const out = k.alloc(x.dtype, x.shape);
      const xd = x.data as Num;
      const od = out.data as Num;
      const r = rounder(x.dtype);
      const attrs = k.attrs;
      for (let i = 0; i < od.length; i++) od[i] = f(xd[i], r, attrs);
      return out;
    },
    gradient,
  });
}

/** Declares an activation's gradient op `(gradients, x) → backprops`, shapes merged as TF's MergeBothInputsShapeFn. */
function activationGrad<A extends object = { T: DType }>(
  type: string,
  doc: string,
  types: TypeAttrSpec,
  second: string,
  f: (g: number, x: number, r: (v: number) => number, attrs: A) => number,
  gradient: OpDef<A & { T: DType }>["gradient"],
): OpDef<A & { T: DType }> {
  return defineOp<A & { T: DType }>({
    type,
    doc,
    inputs: [
      { name: "gradients", typeAttr: "T" },
      { name: second, typeAttr: "T" },
    ],
    typeAttrs: { T: types },
    effects: [],
    inferDtype: (c) => [c.dtypes[0]],
    inferShape: (c) => [new ShapeFn(c).merge(c.shapes[0], c.shapes[1])],
    kernel: ([g, x], k) => sameShapeBinary(g, x, k, f),
    gradient,
  });
}

function sameShapeBinary<A>(g: NDArray, x: NDArray, k: KernelContext<A>, f: (g: number, x: number, r: (v: number) => number, attrs: A) => number): NDArray {
  if (g.shape.length !== x.shape.length || g.shape.some((d, i) => d !== x.shape[i])) {
    throw new InvalidArgumentError(
      `Inputs to operation ${k.op.name} of type ${k.op.type} must have the same size and shape.  Input 0: ${dimsString(g.shape)} != input 1: ${dimsString(x.shape)}`,
      k.op.name,
    );
  }
  const out = k.alloc(g.dtype, g.shape);
  const gd = g.data as Num;
  const xd = x.data as Num;
  const od = out.data as Num;
  const r = rounder(g.dtype);
  const attrs = k.attrs;
  for (let i = 0; i < od.length; i++) od[i] = f(gd[i], xd[i], r, attrs);
  return out;
}

/** TF's second-order gradients of the *Grad ops: `(op(grad, x), zeros(shape(x)))`. */
function gradOfGrad(op: Operation, g: Tensor, again: (g: Tensor, x: Tensor) => Tensor, b: GradientBuilders): (Tensor | null)[] {
  const tf = b.tf;
  const x = op.inputs[1];
  return [again(g, x), tf.zeros(tf.shape(x), x.dtype.base_dtype)];
}

export const Relu = activation("Relu", "max(features, 0) elementwise.", TYPES.real, (x) => (x > 0 ? x : 0), (op, [g], b) => [
  b.gen("ReluGrad", [g!, op.outputs[0]]),
]);

export const ReluGrad = activationGrad(
  "ReluGrad",
  "The gradient of Relu: `gradients` where `features > 0`, else 0.",
  TYPES.real,
  "features",
  (g, x) => (x > 0 ? g : 0),
  (op, [g], b) => gradOfGrad(op, g!, (a, x) => b.gen("ReluGrad", [a, x]), b),
);

export const Relu6 = activation("Relu6", "min(max(features, 0), 6) elementwise.", TYPES.real, (x) => (x > 0 ? (x < 6 ? x : 6) : 0), (op, [g], b) => [
  b.gen("Relu6Grad", [g!, op.outputs[0]]),
]);

export const Relu6Grad = activationGrad(
  "Relu6Grad",
  "The gradient of Relu6: `gradients` where `0 < features < 6`, else 0.",
  TYPES.real,
  "features",
  (g, x) => (x > 0 && x < 6 ? g : 0),
  (op, [g], b) => gradOfGrad(op, g!, (a, x) => b.gen("Relu6Grad", [a, x]), b),
);

export const Elu = activation("Elu", "exp(features) - 1 where features < 0, else features.", FLOATS, (x, r) => (x < 0 ? r(r(Math.exp(x)) - 1) : x), (op, [g], b) => [
  b.gen("EluGrad", [g!, op.outputs[0]]),
]);

export const EluGrad = activationGrad(
  "EluGrad",
  "The gradient of Elu from its outputs: `gradients * (outputs + 1)` where outputs < 0.",
  FLOATS,
  "outputs",
  (g, y, r) => (y < 0 ? r(g * r(y + 1)) : g),
  // TF's _EluGradGrad.
  (op, [g], b) => {
    const tf = b.tf;
    const py = b.py;
    const eluX = op.inputs[1];
    return [b.gen("EluGrad", [g!, eluX]), tf.where(py.lt(eluX, 0) as Tensor, py.mul(g!, op.inputs[0]) as Tensor, tf.zeros_like(eluX))];
  },
);

/** TF's softplus thresholds: log(epsilon) + 2 for the dtype. */
function softplus(x: number, r: (v: number) => number): number {
  const threshold = r === Math.fround ? Math.log(2 ** -23) + 2 : Math.log(2 ** -52) + 2;
  if (x > -threshold) return x;
  const e = r(Math.exp(x));
  if (x < threshold) return e;
  return r(Math.log1p(e));
}

export const Softplus = activation("Softplus", "log(exp(features) + 1) elementwise.", FLOATS, softplus, (op, [g], b) => [
  b.gen("SoftplusGrad", [g!, op.inputs[0]]),
]);

export const SoftplusGrad = activationGrad(
  "SoftplusGrad",
  "The gradient of Softplus: `gradients / (exp(-features) + 1)`.",
  FLOATS,
  "features",
  (g, x, r) => r(g / r(r(Math.exp(-x)) + 1)),
  // TF's _SoftplusGradGrad: (softplus_grad(ddx, x), ddx * dy / (exp(-x) + 2 + exp(x))).
  (op, [g], b) => {
    const tf = b.tf;
    const py = b.py;
    const [dy, x] = op.inputs;
    return op.graph.control_dependencies([g!], () => {
      const ddy = b.gen("SoftplusGrad", [g!, x]);
      const denom = py.add(py.add(tf.exp(tf.negative(x)), 2.0), tf.exp(x)) as Tensor;
      const d2x = py.truediv(py.mul(g!, dy), denom) as Tensor;
      return [ddy, d2x];
    });
  },
);

export const LeakyRelu = activation<{ alpha: number }>(
  "LeakyRelu",
  "features where features > 0, else alpha * features.",
  FLOATS,
  (x, r, a) => (x > 0 ? x : r(x * r(a.alpha))),
  (op, [g], b) => [b.gen("LeakyReluGrad", [g!, op.inputs[0]], { alpha: op.attrs.alpha })],
);

export const LeakyReluGrad = activationGrad<{ alpha: number }>(
  "LeakyReluGrad",
  "The gradient of LeakyRelu: `gradients` where features > 0, else alpha * gradients.",
  FLOATS,
  "features",
  (g, x, r, a) => (x > 0 ? g : r(g * r(a.alpha))),
  (op, [g], b) => gradOfGrad(op, g!, (a, x) => b.gen("LeakyReluGrad", [a, x], { alpha: op.attrs.alpha }), b),
);
