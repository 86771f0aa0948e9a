/**
 * Graph-building helpers shared by the math gradients, after TF 1.14's math_grad.py and
 * math_ops.py: `reduced_shape`, `_safe_shape_div`, `_SumGrad` (which `_MeanGrad` reuses) and
 * `tensor_util.constant_value` for the cases the gradients look at. They build nodes with the
 * gradient builders `b`, in the same order as TF's Python, so node names match
 * (`gradients/Sum_grad/Tile`).
 */
import { int32 } from "../../dtypes.js";
import type { Operation, Tensor } from "../../graph.js";
import { constValueOf } from "./const_value.js";
import { NDArray } from "../../ndarray.js";
import { castNDArray } from "../../convert.js";
import type { GradientBuilders } from "../../gradients/builders.js";

/**
 * TF's `tensor_util.constant_value`: the value of a tensor computable at graph-construction
 * time (Const, Shape/Size/Rank of a known shape, Range, Cast, Pack and Fill of constants),
 * else null. `_SumGrad` uses it to spot a reduction over every axis.
 */
export function constantValue(t: Tensor): NDArray | null {
  const op = t.op;
  const dims = op.inputs[0]?.shape.dims ?? null;
  const known = dims !== null && dims.every((d) => d !== null);
  switch (op.type) {
    case "Const":
      return constValueOf(t);
    case "Shape":
      return known ? new NDArray(int32, [dims!.length], Int32Array.from(dims as number[])) : null;
    case "Size":
      return known ? new NDArray(int32, [], Int32Array.of((dims as number[]).reduce((a, b) => a * b, 1))) : null;
    case "Rank":
      return dims !== null ? new NDArray(int32, [], Int32Array.of(dims.length)) : null;
    case "Range": {
      const [s, l, d] = op.inputs.map(constantValue);
      if (s === null || l === null || d === null) return null;
      const out: number[] = [];
      const start = Number(s.data[0]);
      const limit = Number(l.data[0]);
      const delta = Number(d.data[0]);
      if (delta === 0) return null;
      for (let v = start; delta > 0 ? v < limit : v > limit; v += delta) out.push(v);
      return t.dtype.base_dtype === int32 ? new NDArray(int32, [out.length], Int32Array.from(out)) : null;
    }
    case "Cast": {
      const v = constantValue(op.inputs[0]);
      return v === null ? null : castNDArray(v, t.dtype.base_dtype);
    }
    case "Pack": {
      if (op.inputs.length === 0 || op.attrs.axis !== 0) return null;
      const parts = op.inputs.map(constantValue);
      if (parts.some((p) => p === null || p.shape.length !== 0) || t.dtype.base_dtype !== int32) return null;
      return new NDArray(int32, [parts.length], Int32Array.from(parts.map((p) => Number(p!.data[0]))));
    }
    case "Fill": {
      const v = constantValue(op.inputs[1]);
      const shape = t.shape;
      if (v === null || !shape.is_fully_defined() || t.dtype.base_dtype !== int32) return null;
      const dimsOut = shape.as_list() as number[];
      return new NDArray(int32, dimsOut, new Int32Array(dimsOut.reduce((a, b) => a * b, 1)).fill(Number(v.data[0])));
    }
    default:
      return null;
  }
}

/**
 * TF's `math_ops.reduced_shape(input_shape, axes)`: `input_shape` with the reduced axes set to
 * 1, as graph nodes (`Size`, `add`, `mod`, `Shape_1`, `range`, `Fill`, `DynamicStitch`).
 * @example reducedShape([2, 3, 5, 7], [1, 2], b) // → [2, 1, 1, 7] when run
 */
export function reducedShape(inputShape: Tensor, axesIn: Tensor, b: GradientBuilders): Tensor {
  const tf = b.tf;
  // to_int32 returns int32 tensors unchanged (no Cast node).
  const input = inputShape.dtype.base_dtype === int32 ? inputShape : tf.cast(inputShape, int32, "ToInt32");
  let axes = axesIn.dtype.base_dtype === int32 ? axesIn : tf.cast(axesIn, int32, "ToInt32");
  const inputRank = tf.size(input);
  const rt = b.py;
  axes = rt.mod(rt.add(axes, inputRank), inputRank);
  const axesShape = tf.shape(axes);
  return tf.dynamic_stitch([tf.range(inputRank), axes], [input, tf.fill(axesShape, 1)]);
}

/** TF's `_safe_shape_div(x, y)`: `x // maximum(y, 1)` (0 / 0 = 0 for shapes). */
export function safeShapeDiv(x: Tensor, y: Tensor, b: GradientBuilders): Tensor {
  return b.py.floordiv(x, b.tf.maximum(y, 1));
}

/**
 * TF 1.14's `_SumGrad`: the incoming gradient reshaped to the kept-dims shape and tiled back
 * to the input's shape. Reducing every axis of an input of known rank takes TF's fast path
 * (`Reshape` to `[1]*rank`, `Tile` by the static shape as a Const, or by `Shape`).
 */
export function sumGrad(op: Operation, gradIn: Tensor, b: GradientBuilders): Tensor {
  const tf = b.tf;
  const x = op.inputs[0];
  let grad = gradIn;
  const dims = x.shape.dims;
  if (dims !== null) {
    const axes = constantValue(op.inputs[1]);
    const rank = dims.length;
    // np.array_equal(axes, np.arange(rank)): the same shape [rank] and values 0..rank-1.
    if (axes !== null && axes.shape.length === 1 && axes.size === rank && (axes.data as Int32Array).every((a, i) => a === i)) {
      grad = tf.reshape(grad, new Array<number>(rank).fill(1));
      const inputShape = dims.every((d) => d !== null) ? tf.constant(dims as number[], int32) : tf.shape(x);
      return tf.tile(grad, inputShape);
    }
  }
  const inputShape = tf.shape(x);
  const outputShapeKeptDims = reducedShape(inputShape, op.inputs[1], b);
  const tileScaling = safeShapeDiv(inputShape, outputShapeKeptDims, b);
  grad = tf.reshape(grad, outputShapeKeptDims);
  return tf.tile(grad, tileScaling);
}
