/**
 * SparseAdd (`tf.sparse.add` of two SparseTensors) and its gradient op SparseAddGrad. Both walk
 * the operands' indices as TF's kernels do (sparse_add_op.cc, sparse_add_grad_op.cc): in
 * row-major order, which TF assumes and does not check; a sum at a shared index is kept when
 * its magnitude reaches `thresh`. Shape functions: sparse_ops.cc; gradient: sparse_grad.py.
 */
import { DType, int64 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, type TypeAttrSpec } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import { TensorShape } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { allocOutput, intsOf } from "../support/array_kernels.js";
import { summarizeTensorTF1 } from "../../format/tfprint.js";

type Attrs = { T: DType; Treal: DType };
type Buf = { [i: number]: number };

/** TF's `realnumbertype` for the threshold. */
const REAL: TypeAttrSpec = TYPES.real;

/** sparse::DimComparator::cmp: row i of a against row j of b, lexicographically. */
function cmp(a: number[], i: number, b: number[], j: number, dims: number): number {
  for (let d = 0; d < dims; d++) {
    const x = a[i * dims + d];
    const y = b[j * dims + d];
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

/** Float32 sums round to float32; int32 sums wrap, as TF's typed adds do. */
function adder(dtype: DType): (x: number, y: number) => number {
  if (dtype.name === "float32") return (x, y) => Math.fround(x + y);
  if (dtype.name === "int32") return (x, y) => (x + y) | 0;
  return (x, y) => x + y;
}

const isVector = (t: NDArray) => t.shape.length === 1;

export const SparseAdd = defineOp<Attrs>({
  type: "SparseAdd",
  doc: "The sum of two SparseTensors of the same shape (each as indices, values, shape), as a SparseTensor's three parts.",
  inputs: [
    { name: "a_indices", dtype: int64 },
    { name: "a_values", typeAttr: "T" },
    { name: "a_shape", dtype: int64 },
    { name: "b_indices", dtype: int64 },
    { name: "b_values", typeAttr: "T" },
    { name: "b_shape", dtype: int64 },
    { name: "thresh", typeAttr: "Treal" },
  ],
  typeAttrs: { T: TYPES.number, Treal: REAL },
  effects: [],
  inferDtype: (c) => [int64, c.dtypes[1], int64],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const aShape = f.withRank(c.shapes[2], 1);
    return [new TensorShape([null, aShape.dims![0]]), new TensorShape([null]), aShape];
  },
  kernel: ([ai, av, as, bi, bv, bs, thresh], k) => {
    const op = k.op.name;
    if (ai.shape.length !== 2 || bi.shape.length !== 2) {
      throw new InvalidArgumentError(`Input indices should be matrices but received shapes: ${dimsString(ai.shape)} and ${dimsString(bi.shape)}`, op);
    }
    const aN = ai.shape[0];
    const bN = bi.shape[0];
    const dims = ai.shape[1];
    if (bi.shape[1] !== dims) throw new InvalidArgumentError(`Input indices must have the same dimension, got ${dims} and ${bi.shape[1]}`, op);
    if (!isVector(av) || !isVector(bv)) {
      throw new InvalidArgumentError(`Input values should be vectors but received shapes: ${dimsString(av.shape)} and ${dimsString(bv.shape)}`, op);
    }
    if (av.size !== aN || bv.size !== bN) throw new InvalidArgumentError(`Expected ${aN} and ${bN} non-empty input values, got ${av.size} and ${bv.size}`, op);
    if (as.shape.length !== 1 || bs.shape.length !== 1) {
      throw new InvalidArgumentError(`Input shapes should be a vector but received shapes ${dimsString(as.shape)} and ${dimsString(bs.shape)}`, op);
    }
    if (as.size !== dims) throw new InvalidArgumentError(`Second dimension of a_indices and length of a_shape must match, got ${dims} and ${as.size}`, op);
    if (dims <= 0) throw new InvalidArgumentError("Tesors must not be empty", op);
    if (as.size !== bs.size) {
      throw new InvalidArgumentError(`Operands do not have the same ranks; got shapes: ${summarizeTensorTF1(as, 10)} and ${summarizeTensorTF1(bs, 10)}`, op);
    }
    const aShape = intsOf(as);
    const bShape = intsOf(bs);
    aShape.forEach((d, i) => {
      if (d !== bShape[i]) throw new InvalidArgumentError(`Operands' shapes do not match: got ${d} and ${bShape[i]} for dimension ${i}`, op);
    });
    if (thresh.shape.length !== 0) throw new InvalidArgumentError(`The magnitude threshold must be a scalar: got shape ${dimsString(thresh.shape)}`, op);
    const t = Number(thresh.data[0]);
    const a = intsOf(ai);
    const b = intsOf(bi);
    const avd = av.data as unknown as Buf;
    const bvd = bv.data as unknown as Buf;
    const add = adder(av.dtype);
    // (from a?, row) per output entry, and its value.
    const rows: [boolean, number][] = [];
    const values: number[] = [];
    let i = 0;
    let j = 0;
    while (i < aN && j < bN) {
      const c = cmp(a, i, b, j, dims);
      if (c < 0) {
        rows.push([true, i]);
        values.push(avd[i++]);
      } else if (c > 0) {
        rows.push([false, j]);
        values.push(bvd[j++]);
      } else {
        const s = add(avd[i], bvd[j]);
        if (t <= Math.abs(s)) {
          rows.push([true, i]);
          values.push(s);
        }
        i++;
        j++;
      }
    }
    for (; i < aN; i++) rows.push([true, i]), values.push(avd[i]);
    for (; j < bN; j++) rows.push([false, j]), values.push(bvd[j]);
    const n = values.length;
    const outIndices = allocOutput(k, 0, int64, [n, dims]);
    const oi = outIndices.data as Float64Array;
    rows.forEach(([fromA, r], e) => {
      const src = fromA ? a : b;
      for (let d = 0; d < dims; d++) oi[e * dims + d] = src[r * dims + d];
    });
    const outValues = allocOutput(k, 1, av.dtype, [n]);
    values.forEach((v, e) => ((outValues.data as unknown as Buf)[e] = v));
    const outShape = allocOutput(k, 2, int64, [dims]);
    (outShape.data as Float64Array).set(aShape);
    return [outIndices, outValues, outShape];
  },
  // sparse_grad.py's _SparseAddGrad: SparseAddGrad routes the sum's value gradients to a's and b's.
  gradient: (op, grads, b) => {
    const [ga, gb] = b.genOutputs("SparseAddGrad", [grads[1]!, op.inputs[0], op.inputs[3], op.outputs[0]]);
    ga.set_shape(op.inputs[1].shape);
    gb.set_shape(op.inputs[4].shape);
    return [null, ga, null, null, gb, null, null];
  },
});

export const SparseAddGrad = defineOp<{ T: DType }>({
  type: "SparseAddGrad",
  doc: "SparseAdd's gradient: the sum's value gradients handed to the values of a and b at the indices they share with the sum.",
  inputs: [
    { name: "backprop_val_grad", typeAttr: "T" },
    { name: "a_indices", dtype: int64 },
    { name: "b_indices", dtype: int64 },
    { name: "sum_indices", dtype: int64 },
  ],
  typeAttrs: { T: TYPES.number },
  effects: [],
  inferDtype: (c) => [c.dtypes[0], c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const a = f.withRank(c.shapes[1], 2);
    const b = f.withRank(c.shapes[2], 2);
    return [new TensorShape([a.dims![0]]), new TensorShape([b.dims![0]])];
  },
  kernel: ([g, ai, bi, si], k) => {
    const op = k.op.name;
    if (ai.shape.length !== 2 || bi.shape.length !== 2 || si.shape.length !== 2) {
      throw new InvalidArgumentError(
        `Input indices should be matrices but received shapes: ${dimsString(ai.shape)} and ${dimsString(bi.shape)} and ${dimsString(si.shape)}`,
        op,
      );
    }
    if (g.shape.length !== 1) throw new InvalidArgumentError(`Input backprop_val_grad should be a vector but received shape: ${dimsString(g.shape)}`, op);
    const dims = ai.shape[1];
    if (bi.shape[1] !== dims || si.shape[1] !== dims) {
      throw new InvalidArgumentError(`The densified operands should have the same ndims; for A, B, sum got: ${dims}${bi.shape[1]}${si.shape[1]}`, op);
    }
    if (g.size !== si.shape[0]) {
      throw new InvalidArgumentError(`# elements of backprop_val_grad and # rows of sum_indices should match (#nnz of sum): got ${g.size} and ${si.shape[0]}`, op);
    }
    const a = intsOf(ai);
    const b = intsOf(bi);
    const s = intsOf(si);
    const aN = ai.shape[0];
    const bN = bi.shape[0];
    const sN = g.size;
    const ga = allocOutput(k, 0, g.dtype, [aN]);
    const gb = allocOutput(k, 1, g.dtype, [bN]);
    const gd = g.data as unknown as Buf;
    const gad = ga.data as unknown as Buf;
    const gbd = gb.data as unknown as Buf;
    // The kernel's set intersection, step for step (its COMPARE macro).
    let i = 0;
    let j = 0;
    let kk = 0;
    const compare = (ix: number[], at: number, out: Buf): [number, boolean] => {
      const c = cmp(ix, at, s, kk, dims);
      if (c === 0) {
        out[at] = gd[kk];
        return [at + 1, true];
      }
      if (c < 0) return [at + 1, false];
      return [at, true];
    };
    while (i < aN && j < bN && kk < sN) {
      let aGeq: boolean;
      let bGeq: boolean;
      [i, aGeq] = compare(a, i, gad);
      [j, bGeq] = compare(b, j, gbd);
      if (aGeq && bGeq) kk++;
    }
    while (i < aN && kk < sN) {
      let aGeq: boolean;
      [i, aGeq] = compare(a, i, gad);
      if (aGeq) kk++;
    }
    while (j < bN && kk < sN) {
      let bGeq: boolean;
      [j, bGeq] = compare(b, j, gbd);
      if (bGeq) kk++;
    }
    return [ga, gb];
  },
  gradient: null,
});
