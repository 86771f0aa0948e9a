/**
 * The sparse ops a `tf.SparseTensor` (indices, values, dense_shape) is used through:
 * SparseToDense (`tf.sparse.to_dense`, `tf.sparse_to_dense`), SparseTensorDenseAdd
 * (`tf.sparse.add` of a sparse and a dense tensor) and SparseTensorDenseMatMul
 * (`tf.sparse.sparse_dense_matmul`). Shape functions from TF 1.15's sparse_ops.cc, kernel
 * checks and messages from its kernels, gradients from sparse_grad.py.
 */
import { DType, int64 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import { TensorShape, stridesOf } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { intsOf } from "../support/array_kernels.js";

const INDEX_TYPES = TYPES.intIndex;

/**
 * SparseTensor::IndicesValid: every index inside `shape`, and (row-major) strictly
 * increasing — TF's messages for the first index that is not.
 */
function checkIndices(ix: number[], n: number, rank: number, shape: readonly number[], op: string): void {
  for (let i = 0; i < n; i++) {
    let valid = true;
    let different = i === 0;
    let increasing = true;
    for (let d = 0; d < rank; d++) {
      const v = ix[i * rank + d];
      if (v < 0 || v >= shape[d]) valid = false;
      if (i > 0) {
        const diff = v - ix[(i - 1) * rank + d];
        if (diff > 0) different = true;
        if (!different && diff < 0) increasing = false;
      }
    }
    if (valid && increasing && different) continue;
    const index = `indices[${i}] = [${ix.slice(i * rank, i * rank + rank).join(",")}]`;
    if (!valid) throw new InvalidArgumentError(`${index} is out of bounds: need 0 <= index < [${shape.join(",")}]`, op);
    if (!increasing) {
      throw new InvalidArgumentError(`${index} is out of order. Many sparse ops require sorted indices.\n    Use \`tf.sparse.reorder\` to create a correctly ordered copy.\n\n`, op);
    }
    throw new InvalidArgumentError(`${index} is repeated`, op);
  }
}

export const SparseToDense = defineOp<{ T: DType; Tindices: DType; validate_indices: boolean }>({
  type: "SparseToDense",
  doc: "A dense tensor of `output_shape` holding `default_value` but at `sparse_indices`, which get `sparse_values`.",
  inputs: [
    { name: "sparse_indices", typeAttr: "Tindices" },
    { name: "output_shape", typeAttr: "Tindices" },
    { name: "sparse_values", typeAttr: "T" },
    { name: "default_value", typeAttr: "T" },
  ],
  typeAttrs: { T: TYPES.any, Tindices: INDEX_TYPES },
  effects: [],
  inferDtype: (c) => [c.dtypes[2]],
  inferShape: (c) => [new ShapeFn(c).shapeFromTensor(1)],
  kernel: ([indices, outputShape, values, defaultValue], k) => {
    const op = k.op.name;
    if (indices.shape.length > 2) throw new InvalidArgumentError(`sparse_indices should be a scalar, vector, or matrix, got shape ${dimsString(indices.shape)}`, op);
    const n = indices.shape.length > 0 ? indices.shape[0] : 1;
    const rank = indices.shape.length > 1 ? indices.shape[1] : 1;
    if (outputShape.shape.length !== 1) throw new InvalidArgumentError(`output_shape should be a vector, got shape ${dimsString(outputShape.shape)}`, op);
    if (outputShape.size !== rank) throw new InvalidArgumentError(`output_shape has incorrect number of elements: ${outputShape.size} should be: ${rank}`, op);
    if (values.shape.length !== 0 && (values.shape.length !== 1 || values.size !== n)) {
      throw new InvalidArgumentError(`sparse_values has incorrect shape ${dimsString(values.shape)}, should be [] or [${n}]`, op);
    }
    if (defaultValue.shape.length !== 0) throw new InvalidArgumentError("default_value should be a scalar.", op);
    const shape = intsOf(outputShape);
    for (const d of shape) if (d < 0) throw new InvalidArgumentError(`Dimension ${d} must be >= 0`, op);
    const ix = intsOf(indices);
    if (k.attrs.validate_indices) checkIndices(ix, n, rank, shape, op);
    const out = k.alloc(values.dtype, shape);
    const o = out.data as unknown as unknown[];
    o.fill((defaultValue.data as unknown as unknown[])[0]);
    const strides = stridesOf(shape);
    const v = values.data as unknown as unknown[];
    for (let i = 0; i < n; i++) {
      let at = 0;
      for (let d = 0; d < rank; d++) {
        const x = ix[i * rank + d];
        if (x < 0 || x >= shape[d]) throw new InvalidArgumentError(`Indices are not valid (out of bounds).  Shape: ${dimsString(shape)}`, op);
        at += x * strides[d];
      }
      o[at] = values.shape.length === 0 ? v[0] : v[i];
    }
    return out;
  },
  // sparse_grad.py's _SparseToDenseGrad: the values get the gradient where they landed, the
  // default value the rest of it.
  gradient: (op, [g], b) => {
    const [indices, outputShape] = op.inputs;
    const valuesGrad = b.tf.gather_nd(g!, indices);
    const defaultGrad = b.py.sub(b.tf.reduce_sum(g!), b.tf.reduce_sum(valuesGrad));
    return [b.tf.zeros_like(indices), b.tf.zeros_like(outputShape), valuesGrad, defaultGrad];
  },
});

export const SparseTensorDenseAdd = defineOp<{ T: DType; Tindices: DType }>({
  type: "SparseTensorDenseAdd",
  doc: "The dense `b` plus a sparse tensor (its indices, values and shape): a dense tensor.",
  inputs: [
    { name: "a_indices", typeAttr: "Tindices" },
    { name: "a_values", typeAttr: "T" },
    { name: "a_shape", typeAttr: "Tindices" },
    { name: "b", typeAttr: "T" },
  ],
  typeAttrs: { T: TYPES.number, Tindices: INDEX_TYPES },
  effects: [],
  inferDtype: (c) => [c.dtypes[3]],
  inferShape: (c) => [c.shapes[3]],
  kernel: ([indices, values, aShape, b], k) => {
    const op = k.op.name;
    if (indices.shape.length !== 2) throw new InvalidArgumentError(`Input a_indices should be a matrix but received shape: ${dimsString(indices.shape)}`, op);
    if (values.shape.length !== 1 || aShape.shape.length !== 1) {
      throw new InvalidArgumentError(`Inputs a_values and a_shape should be vectors but received shapes: ${dimsString(values.shape)} and ${dimsString(aShape.shape)}`, op);
    }
    const shape = intsOf(aShape);
    if (shape.length !== b.shape.length) throw new InvalidArgumentError(`Two operands have different ranks; received: ${shape.length} and ${b.shape.length}`, op);
    shape.forEach((d, i) => {
      if (d !== b.shape[i]) throw new InvalidArgumentError(`Dimension ${i} does not equal (no broadcasting is supported): sparse side ${d} vs dense side ${b.shape[i]}`, op);
    });
    if (shape.length < 1 || shape.length > 5) throw new InvalidArgumentError(`Only tensors with ranks between 1 and 5 are currently supported.  Tensor rank: ${shape.length}`, op);
    const out = k.alloc(b.dtype, b.shape);
    const o = out.data as Float64Array;
    o.set(b.data as Float64Array);
    const rank = shape.length;
    const strides = stridesOf(shape);
    const ix = intsOf(indices);
    const v = values.data as Float64Array;
    const wraps = b.dtype.name === "int32";
    for (let i = 0; i < indices.shape[0]; i++) {
      let at = 0;
      for (let d = 0; d < rank; d++) {
        const x = ix[i * rank + d];
        if (x < 0 || x >= shape[d]) throw new InvalidArgumentError(`Sparse tensor has some invalid index on dimension ${d}; dense tensor shape: ${dimsString(b.shape)}`, op);
        at += x * strides[d];
      }
      o[at] = wraps ? (o[at] + v[i]) | 0 : o[at] + v[i];
    }
    return out;
  },
  // sparse_grad.py's _SparseTensorDenseAddGrad.
  gradient: (op, [g], b) => [null, b.tf.gather_nd(g!, op.inputs[0]), null, g],
});

type MatMulAttrs = { T: DType; Tindices: DType; adjoint_a: boolean; adjoint_b: boolean };

export const SparseTensorDenseMatMul = defineOp<MatMulAttrs>({
  type: "SparseTensorDenseMatMul",
  doc: "The matrix product of a sparse matrix (indices, values, shape) and the dense matrix `b`.",
  inputs: [
    { name: "a_indices", typeAttr: "Tindices" },
    { name: "a_values", typeAttr: "T" },
    { name: "a_shape", dtype: int64 },
    { name: "b", typeAttr: "T" },
  ],
  typeAttrs: { T: TYPES.any, Tindices: INDEX_TYPES },
  effects: [],
  inferDtype: (c) => [c.dtypes[1]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    f.withRank(c.shapes[0], 2);
    f.withRank(c.shapes[1], 1);
    const aShape = f.withRank(f.shapeFromTensor(2), 2);
    const b = f.withRank(c.shapes[3], 2);
    const { adjoint_a: adjA, adjoint_b: adjB } = c.attrs;
    const left = aShape.dims![adjA ? 1 : 0];
    const innerLeft = aShape.dims![adjA ? 0 : 1];
    const innerRight = b.dims![adjB ? 1 : 0];
    const right = b.dims![adjB ? 0 : 1];
    if (innerLeft !== null && innerRight !== null && innerLeft !== innerRight) {
      f.fail(`Dimensions must be equal, but are ${innerLeft} and ${innerRight}`);
    }
    return [new TensorShape([left, right])];
  },
  kernel: ([indices, values, aShape, b], k) => {
    const op = k.op.name;
    if (b.shape.length !== 2) throw new InvalidArgumentError("Tensor 'b' is not a matrix", op);
    if (aShape.shape.length !== 1) throw new InvalidArgumentError("Tensor 'a_shape' is not a vector", op);
    if (aShape.size !== 2) throw new InvalidArgumentError("Tensor 'a_shape' must have 2 elements", op);
    if (values.shape.length !== 1) throw new InvalidArgumentError("Tensor 'a_values' is not a vector", op);
    if (indices.shape.length !== 2) throw new InvalidArgumentError("Tensor 'a_indices' is not a matrix", op);
    const nnz = indices.shape[0];
    if (nnz !== values.size) throw new InvalidArgumentError("Number of rows of a_indices does not match number of entries in a_values", op);
    if (indices.shape[1] !== 2) throw new InvalidArgumentError("Number of columns of a_indices does not match number of entries in a_shape", op);
    const [rowsA, colsA] = intsOf(aShape);
    const { adjoint_a: adjA, adjoint_b: adjB } = k.attrs;
    const outerLeft = adjA ? colsA : rowsA;
    const innerLeft = adjA ? rowsA : colsA;
    const [bRows, bCols] = b.shape;
    const innerRight = adjB ? bCols : bRows;
    const outerRight = adjB ? bRows : bCols;
    if (innerLeft !== innerRight) {
      throw new InvalidArgumentError(
        `Cannot multiply A and B because inner dimension does not match: ${innerLeft} vs. ${innerRight}.  Did you forget a transpose?  Dimensions of A: [${rowsA}, ${colsA}).  Dimensions of B: ${dimsString(b.shape)}`,
        op,
      );
    }
    const out = k.alloc(b.dtype, [outerLeft, outerRight]);
    const o = out.data as Float64Array;
    o.fill(0);
    const ix = intsOf(indices);
    const v = values.data as Float64Array;
    const bd = b.data as Float64Array;
    // As TF's CPU functor: for each nonzero a[m, k] (after the adjoint), out[m, :] += a * b[k, :].
    for (let i = 0; i < nnz; i++) {
      const m = ix[2 * i + (adjA ? 1 : 0)];
      const kk = ix[2 * i + (adjA ? 0 : 1)];
      if (kk < 0 || kk >= innerRight) throw new InvalidArgumentError(`k (${kk}) from index[${i},${adjA ? 0 : 1}] out of bounds (>=${innerRight})`, op);
      if (m < 0 || m >= outerLeft) throw new InvalidArgumentError(`m (${m}) from index[${i},${adjA ? 1 : 0}] out of bounds (>=${outerLeft})`, op);
      const a = v[i];
      for (let n = 0; n < outerRight; n++) o[m * outerRight + n] += a * bd[adjB ? n * bCols + kk : kk * bCols + n];
    }
    return out;
  },
  // sparse_grad.py's _SparseTensorDenseMatMulGrad.
  gradient: (op, [g], b) => {
    const [aIndices, aValues, aShape, dense] = op.inputs;
    const { adjoint_a: adjA, adjoint_b: adjB } = op.attrs as MatMulAttrs;
    let bGrad = b.gen("SparseTensorDenseMatMul", [aIndices, aValues, aShape, g!], { adjoint_a: !adjA, adjoint_b: false });
    if (adjB) bGrad = b.tf.transpose(bGrad);
    const rows = b.slice(aIndices, [{}, 0]);
    const cols = b.slice(aIndices, [{}, 1]);
    const partsA = b.tf.gather(g!, adjA ? cols : rows);
    const partsB = b.tf.gather(adjB ? b.tf.transpose(dense) : dense, adjA ? rows : cols);
    const valuesGrad = b.tf.reduce_sum(b.py.mul(partsA, partsB), 1);
    return [null, valuesGrad, null, bGrad];
  },
});
