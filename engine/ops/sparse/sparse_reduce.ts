/**
 * SparseReduceSum and SparseReduceMax (`tf.sparse.reduce_sum` / `reduce_max`): a SparseTensor
 * reduced over `reduction_axes` into a dense tensor. Only the stored values take part (an
 * output cell no value reaches is 0, for max too), as sparse_reduce_op.cc computes it. Shape
 * function: common_shape_fns.cc's SparseReduceShapeFn; gradient (sum only; TF registers none
 * for max): sparse_grad.py.
 */
import { DType, int32, int64 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, NO_GRADIENT, type InferContext, type OpDef } from "../../op.js";
import { Dim, TensorShape, stridesOf } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { intsOf } from "../support/array_kernels.js";
import { reducedShape } from "../support/math_grad.js";

type Attrs = { T: DType; keep_dims: boolean };
type Buf = { [i: number]: number };

/** The reduced axes (each in [0, ndims)) of a constant or run-time `reduction_axes`. */
function axesOf(axes: readonly number[], ndims: number): Set<number> {
  return new Set(axes.map((a) => (((a + ndims) % ndims) + ndims) % ndims));
}

/** SparseReduceShapeFn: known when the dense shape and the axes are constants. */
function reduceShape(c: InferContext<Attrs>): TensorShape[] {
  const f = new ShapeFn(c);
  const shape = f.ints(2);
  const axes = f.ints(3);
  if (shape === null || axes === null) return [TensorShape.unknown()];
  if (shape.length === 0) f.fail("Number of dims in shape tensor must not be 0");
  const reduced = axesOf(axes, shape.length);
  const dims: Dim[] = [];
  shape.forEach((d, i) => {
    if (!reduced.has(i)) dims.push(d);
    else if (c.attrs.keep_dims) dims.push(1);
  });
  return [new TensorShape(dims)];
}

function sparseReduce(type: string, doc: string, max: boolean, types: typeof TYPES.number, gradient: OpDef<Attrs>["gradient"]): OpDef<Attrs> {
  return defineOp<Attrs>({
    type,
    doc,
    inputs: [
      { name: "input_indices", dtype: int64 },
      { name: "input_values", typeAttr: "T" },
      { name: "input_shape", dtype: int64 },
      { name: "reduction_axes", dtype: int32 },
    ],
    typeAttrs: { T: types },
    effects: [],
    inferDtype: (c) => [c.dtypes[1]],
    inferShape: reduceShape,
    kernel: ([indices, values, shapeT, axesT], k) => {
      const op = k.op.name;
      if (shapeT.shape.length !== 1) throw new InvalidArgumentError(`Expected input_shape to be a vector; got shape: ${dimsString(shapeT.shape)}`, op);
      if (axesT.shape.length > 1) throw new InvalidArgumentError(`Expected reduction_axes to be a scalar or a vector; got shape: ${dimsString(axesT.shape)}`, op);
      const shape = intsOf(shapeT);
      const ndims = shape.length;
      const axes = intsOf(axesT);
      for (const a of axes) {
        if (a < -ndims || a >= ndims) throw new InvalidArgumentError(`Invalid reduction dimension ${a}, for input with ${ndims} dimensions.`, op);
      }
      // SparseTensor::Create's checks of the parts.
      if (indices.shape.length !== 2) throw new InvalidArgumentError(`indices must be a matrix.  got: ${dimsString(indices.shape)}`, op);
      if (values.shape.length !== 1) throw new InvalidArgumentError(`values must be a vector.  got: ${dimsString(values.shape)}`, op);
      if (indices.shape[0] !== values.shape[0]) {
        throw new InvalidArgumentError(`indices and values rows (indexing dimension) must match. (indices = ${indices.shape[0]}, values = ${values.shape[0]})`, op);
      }
      if (indices.shape[1] !== ndims) throw new InvalidArgumentError(`Index and shape dimension mismatch: ${indices.shape[1]} vs. ${ndims}`, op);
      const reduced = axesOf(axes, ndims);
      const kept = shape.map((_, d) => d).filter((d) => !reduced.has(d));
      const outShape = k.attrs.keep_dims ? shape.map((d, i) => (reduced.has(i) ? 1 : d)) : kept.map((d) => shape[d]);
      const out = k.alloc(values.dtype, outShape);
      const o = out.data as unknown as Buf;
      (out.data as Float64Array).fill(0);
      const strides = stridesOf(kept.map((d) => shape[d]));
      const ix = intsOf(indices);
      const v = values.data as unknown as Buf;
      const seen = new Uint8Array(out.size);
      const wraps = values.dtype === int32;
      const f32 = values.dtype.name === "float32";
      for (let i = 0; i < values.shape[0]; i++) {
        let at = 0;
        kept.forEach((d, j) => (at += ix[i * ndims + d] * strides[j]));
        if (!seen[at]) {
          seen[at] = 1;
          o[at] = v[i];
        } else if (max) {
          if (v[i] > o[at]) o[at] = v[i];
        } else {
          const s = o[at] + v[i];
          o[at] = wraps ? s | 0 : f32 ? Math.fround(s) : s;
        }
      }
      return out;
    },
    gradient,
  });
}

export const SparseReduceSum = sparseReduce(
  "SparseReduceSum",
  "The sum of a SparseTensor's values over `reduction_axes` (a dense tensor; the implicit zeros add nothing).",
  false,
  TYPES.number,
  // sparse_grad.py's _SparseReduceSumGrad: each value's gradient is the output gradient of its cell.
  (op, [g], b) => {
    const tf = b.tf;
    const [spIndices, , spShape, axes] = op.inputs;
    const keptDims = reducedShape(spShape, axes, b);
    const reshaped = tf.reshape(g!, keptDims);
    const scale = tf.floordiv(spShape, tf.cast(keptDims, int64));
    return [null, tf.gather_nd(reshaped, tf.floordiv(spIndices, scale)), null, null];
  },
);

export const SparseReduceMax = sparseReduce(
  "SparseReduceMax",
  "The maximum of a SparseTensor's stored values over `reduction_axes` (a dense tensor; implicit zeros are not compared, a cell without values is 0).",
  true,
  TYPES.real,
  NO_GRADIENT,
);
