/**
 * Reductions: Sum, Mean, Prod, Max, Min, All, Any (inputs `input`, `reduction_indices`; attr
 * `keep_dims`), all with TF's `ReductionShape` and the kernel of reduce_kernel.ts. Gradients
 * are TF 1.14's `_SumGrad`, `_MeanGrad`, `_MinOrMaxGrad` and `_ProdGrad` (math_grad.py).
 */
import { DType, bool, int32 } from "../../dtypes.js";
import { defineOp, NO_GRADIENT, OpDef, TypeAttrSpec } from "../../op.js";
import type { Operation, Tensor } from "../../graph.js";
import { MATH_TYPES } from "../support/math_types.js";
import { reductionShape } from "../support/reduction_shape.js";
import { ReduceKind, cachedPlan, reduce } from "../support/reduce_kernel.js";
import { safeShapeDiv, reducedShape, sumGrad } from "../support/math_grad.js";
import type { GradientBuilders } from "../../gradients/builders.js";

type RedAttrs = { T: DType; Tidx: DType; keep_dims: boolean };


/** Declares a reduction op of `kind`. */
function reductionOp(type: string, doc: string, types: TypeAttrSpec | null, kind: ReduceKind, gradient: OpDef<RedAttrs>["gradient"]): OpDef<RedAttrs> {
  return defineOp<RedAttrs>({
    type,
    doc,
    inputs: [types === null ? { name: "input", dtype: bool } : { name: "input", typeAttr: "T" }, { name: "reduction_indices", typeAttr: "Tidx" }],
    typeAttrs: types === null ? { Tidx: MATH_TYPES.intIndex } : { T: types, Tidx: MATH_TYPES.intIndex },
    effects: [],
    // A 0-d input reduced over no axis is itself (only the numeric reductions are compiled).
    scalarPassThrough: types === null ? undefined : { input: 0, sameBuffer: true },
    inferDtype: (c) => [types === null ? bool : c.attrs.T],
    inferShape: reductionShape,
    kernel: ([x, axes], k) => reduce(x, cachedPlan(k, x, axes, k.attrs.keep_dims), kind, k),
    gradient,
  });
}

export const Sum = reductionOp("Sum", "The sum of `input`'s elements along the given axes.", MATH_TYPES.numbertype, "sum", (op, [g], b) => [sumGrad(op, g!, b), null]);

export const Mean = reductionOp("Mean", "The mean of `input`'s elements along the given axes.", MATH_TYPES.numbertype, "mean", (op, [g], b) => {
  // TF's _MeanGrad: the Sum gradient divided by the number of elements each output averaged.
  const tf = b.tf;
  const sum = sumGrad(op, g!, b);
  const inDims = op.inputs[0].shape.dims;
  const outDims = op.outputs[0].shape.dims;
  let factor: Tensor;
  if (inDims !== null && outDims !== null && inDims.every((d) => d !== null) && outDims.every((d) => d !== null)) {
    const inSize = (inDims as number[]).reduce((a, b) => a * b, 1);
    const outSize = (outDims as number[]).reduce((a, b) => a * b, 1);
    factor = tf.constant(Math.floor(inSize / Math.max(outSize, 1)), sum.dtype.base_dtype);
  } else {
    const inputShape = tf.shape(op.inputs[0]);
    const outputShape = tf.shape(op.outputs[0]);
    factor = safeShapeDiv(tf.reduce_prod(inputShape), tf.reduce_prod(outputShape), b);
  }
  return [tf.truediv(sum, tf.cast(factor, sum.dtype.base_dtype)), null];
});

/** TF's `_MinOrMaxGrad`: the gradient split evenly between the elements equal to the result. */
function minOrMaxGrad(op: Operation, grad: Tensor, b: GradientBuilders): (Tensor | null)[] {
  const tf = b.tf;
  const x = op.inputs[0];
  const inputShape = tf.shape(x);
  const outputShapeKeptDims = reducedShape(inputShape, op.inputs[1], b);
  const y = tf.reshape(op.outputs[0], outputShapeKeptDims);
  const g = tf.reshape(grad, outputShapeKeptDims);
  const indicators = tf.cast(tf.equal(y, x), g.dtype.base_dtype);
  const numSelected = tf.reshape(tf.reduce_sum(indicators, op.inputs[1]), outputShapeKeptDims);
  return [b.py.mul(tf.divide(indicators, numSelected), g), null];
}

export const Max = reductionOp("Max", "The largest of `input`'s elements along the given axes.", MATH_TYPES.numbertype, "max", (op, [g], b) => minOrMaxGrad(op, g!, b));

export const Min = reductionOp("Min", "The smallest of `input`'s elements along the given axes.", MATH_TYPES.numbertype, "min", (op, [g], b) => minOrMaxGrad(op, g!, b));

export const Prod = reductionOp("Prod", "The product of `input`'s elements along the given axes.", MATH_TYPES.numbertype, "prod", (op, [g], b) => prodGrad(op, g!, b));

/**
 * TF's `_ProdGrad`: the product of all other elements, as an exclusive cumprod from the left
 * times one from the right along the reduced dims packed into one (so zeros are handled).
 */
function prodGrad(op: Operation, gradIn: Tensor, b: GradientBuilders): (Tensor | null)[] {
  const tf = b.tf;
  const rt = b.py;
  const x = op.inputs[0];
  const inputShape = tf.shape(x);
  let reductionIndices = tf.reshape(op.inputs[1], [-1]);
  const outputShapeKeptDims = reducedShape(inputShape, op.inputs[1], b);
  const tileScaling = safeShapeDiv(inputShape, outputShapeKeptDims, b);
  let grad = tf.reshape(gradIn, outputShapeKeptDims);
  grad = tf.tile(grad, tileScaling);
  const rank = tf.rank(x);
  reductionIndices = rt.mod(rt.add(reductionIndices, rank), rank);
  const reduced = tf.cast(reductionIndices, int32);
  const idx = tf.range(0, rank);
  const [other] = tf.setdiff1d(idx, reduced);
  const perm = tf.concat([reduced, other], 0);
  const reducedNum = tf.reduce_prod(tf.gather(inputShape, reduced));
  const otherNum = tf.reduce_prod(tf.gather(inputShape, other));
  const permuted = tf.transpose(x, perm);
  const permutedShape = tf.shape(permuted);
  const reshaped = tf.reshape(permuted, [reducedNum, otherNum]);
  const left = tf.cumprod(reshaped, { axis: 0, exclusive: true });
  const right = tf.cumprod(reshaped, { axis: 0, exclusive: true, reverse: true });
  const y = tf.reshape(rt.mul(left, right), permutedShape);
  const out = rt.mul(grad, tf.transpose(y, tf.invert_permutation(perm)));
  return [tf.reshape(out, inputShape), null];
}

export const All = reductionOp("All", "True where all of `input`'s elements along the given axes are true.", null, "all", NO_GRADIENT);

export const Any = reductionOp("Any", "True where any of `input`'s elements along the given axes is true.", null, "any", NO_GRADIENT);
