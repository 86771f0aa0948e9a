/**
 * Diagonals: MatrixDiag, MatrixDiagPart, MatrixSetDiag and MatrixBandPart (batches of
 * matrices in the last two axes: tf.linalg.diag, diag_part, set_diag, band_part, tf.eye,
 * tf.linalg.trace), and Diag / DiagPart (tf.diag: a rank-k tensor to rank 2k and back). Shape
 * functions and errors: array_ops.cc; kernel errors: matrix_diag_op.cc, matrix_set_diag_op.cc,
 * matrix_band_part_op.cc, diag_op.cc. Gradients: array_grad.py.
 */
import { DType, int64 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import { Dim, TensorShape } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";

type Buf = { [i: number]: unknown };
type TAttrs = { T: DType };

/** The element type's zero (false for bool, "" for strings). */
function zeroOf(x: NDArray): unknown {
  return x.dtype.name === "bool" ? 0 : x.dtype.name === "string" ? "" : 0;
}

/** Batch count, rows and columns of a tensor of matrices. */
function matrices(x: NDArray): [number, number, number] {
  const r = x.shape.length;
  const m = x.shape[r - 2];
  const n = x.shape[r - 1];
  return [m * n === 0 ? 0 : x.size / (m * n), m, n];
}

const minDim = (a: Dim, b: Dim): Dim => (a === 0 || b === 0 ? 0 : a === null || b === null ? null : Math.min(a, b));

export const MatrixDiag = defineOp<TAttrs>({
  type: "MatrixDiag",
  doc: "A batch of diagonal matrices whose diagonals are the last axis of `diagonal`.",
  inputs: [{ name: "diagonal", typeAttr: "T" }],
  typeAttrs: { T: TYPES.any },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const s = new ShapeFn(c).withRankAtLeast(c.shapes[0], 1);
    if (s.dims === null) return [TensorShape.unknown()];
    return [new TensorShape([...s.dims, s.dims[s.dims.length - 1]])];
  },
  kernel: ([d], k) => {
    if (d.shape.length < 1) throw new InvalidArgumentError(`input must be at least 1-dim, received shape: ${dimsString(d.shape)}`, k.op.name);
    const n = d.shape[d.shape.length - 1];
    const out = k.alloc(d.dtype, [...d.shape, n]);
    const o = out.data as unknown as Buf;
    const src = d.data as unknown as Buf;
    const zero = zeroOf(d);
    for (let i = 0; i < out.size; i++) o[i] = zero;
    const batches = n === 0 ? 0 : d.size / n;
    for (let b = 0; b < batches; b++) for (let i = 0; i < n; i++) o[b * n * n + i * n + i] = src[b * n + i];
    return out;
  },
  gradient: (_op, grads, b) => [b.tf.matrix_diag_part(grads[0]!)],
});

export const MatrixDiagPart = defineOp<TAttrs>({
  type: "MatrixDiagPart",
  doc: "The main diagonal of each matrix in the last two axes of `input`.",
  inputs: [{ name: "input", typeAttr: "T" }],
  typeAttrs: { T: TYPES.any },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const s = new ShapeFn(c).withRankAtLeast(c.shapes[0], 2);
    if (s.dims === null) return [TensorShape.unknown()];
    const r = s.dims.length;
    return [new TensorShape([...s.dims.slice(0, r - 2), minDim(s.dims[r - 2], s.dims[r - 1])])];
  },
  kernel: ([x], k) => {
    if (x.shape.length < 2) throw new InvalidArgumentError(`input must be at least 2-dim, received shape: ${dimsString(x.shape)}`, k.op.name);
    const [batches, m, n] = matrices(x);
    const p = Math.min(m, n);
    const out = k.alloc(x.dtype, [...x.shape.slice(0, -2), p]);
    const o = out.data as unknown as Buf;
    const src = x.data as unknown as Buf;
    for (let b = 0; b < batches; b++) for (let i = 0; i < p; i++) o[b * p + i] = src[b * m * n + i * n + i];
    return out;
  },
  gradient: (op, grads, b) => {
    const ms = op.inputs[0].shape.dims;
    const square = ms !== null && ms.length >= 2 && ms[ms.length - 1] !== null && ms[ms.length - 2] === ms[ms.length - 1];
    return [square ? b.tf.matrix_diag(grads[0]!) : b.tf.matrix_set_diag(b.tf.zeros_like(op.inputs[0]), grads[0]!)];
  },
});

export const MatrixSetDiag = defineOp<TAttrs>({
  type: "MatrixSetDiag",
  doc: "`input` with the main diagonal of each matrix replaced by `diagonal`.",
  inputs: [
    { name: "input", typeAttr: "T" },
    { name: "diagonal", typeAttr: "T" },
  ],
  typeAttrs: { T: TYPES.any },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const input = f.withRankAtLeast(c.shapes[0], 2);
    const diag = f.withRankAtLeast(c.shapes[1], 1);
    if (input.dims !== null && diag.dims !== null) {
      const r = input.dims.length;
      f.withRank(diag, r - 1);
      const p = minDim(input.dims[r - 2], input.dims[r - 1]);
      f.merge(new TensorShape([...input.dims.slice(0, r - 2), p]), diag);
    }
    return [input];
  },
  kernel: ([x, d], k) => {
    const r = x.shape.length;
    if (r < 2) throw new InvalidArgumentError(`input must be at least 2-dim, received shape: ${dimsString(x.shape)}`, k.op.name);
    const [batches, m, n] = matrices(x);
    const p = Math.min(m, n);
    const want = [...x.shape.slice(0, -2), p];
    if (d.shape.length !== want.length || d.shape.some((v, i) => v !== want[i])) {
      throw new InvalidArgumentError(
        `must have diagonal.shape == input.shape[:-2] + min(input.shape[-2:]), but received input shape: ${dimsString(x.shape)} and diagonal shape: ${dimsString(d.shape)}`,
        k.op.name,
      );
    }
    const out = k.alloc(x.dtype, x.shape);
    const o = out.data as unknown as Buf;
    const src = x.data as unknown as Buf;
    const dd = d.data as unknown as Buf;
    for (let i = 0; i < x.size; i++) o[i] = src[i];
    for (let b = 0; b < batches; b++) for (let i = 0; i < p; i++) o[b * m * n + i * n + i] = dd[b * p + i];
    return out;
  },
  gradient: (_op, grads, b) => {
    const g = grads[0]!;
    const gradDiag = b.tf.matrix_diag_part(g);
    return [b.tf.matrix_set_diag(g, b.tf.zeros_like(gradDiag)), gradDiag];
  },
});

export const MatrixBandPart = defineOp<{ T: DType; Tindex: DType }>({
  type: "MatrixBandPart",
  doc: "Each matrix with everything outside a band around the diagonal set to zero.",
  inputs: [
    { name: "input", typeAttr: "T" },
    { name: "num_lower", typeAttr: "Tindex" },
    { name: "num_upper", typeAttr: "Tindex" },
  ],
  // TF's Tindex defaults to int64: Python ints become int64 Consts.
  typeAttrs: { T: TYPES.any, Tindex: { ...TYPES.intIndex, default: int64 } },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => [new ShapeFn(c).withRankAtLeast(c.shapes[0], 2)],
  kernel: ([x, lowerT, upperT], k) => {
    const r = x.shape.length;
    if (r < 2) throw new InvalidArgumentError(`input must be at least 2-dim, received shape: ${dimsString(x.shape)}`, k.op.name);
    if (lowerT.shape.length !== 0) throw new InvalidArgumentError(`num_lower must be scalar, got shape ${dimsString(lowerT.shape)}`, k.op.name);
    if (upperT.shape.length !== 0) throw new InvalidArgumentError(`num_upper must be scalar, got shape ${dimsString(upperT.shape)}`, k.op.name);
    const [batches, m, n] = matrices(x);
    const lower = Number(lowerT.data[0]);
    const upper = Number(upperT.data[0]);
    if (lower > m) throw new InvalidArgumentError(`num_lower must be negative or less or equal to number of rows (${m}) got: ${lower}`, k.op.name);
    if (upper > n) throw new InvalidArgumentError(`num_upper must be negative or less or equal to number of columns (${n}) got: ${upper}`, k.op.name);
    const out = k.alloc(x.dtype, x.shape);
    const o = out.data as unknown as Buf;
    const src = x.data as unknown as Buf;
    const zero = zeroOf(x);
    for (let b = 0; b < batches; b++) {
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          const at = b * m * n + i * n + j;
          const inBand = (lower < 0 || i - j <= lower) && (upper < 0 || j - i <= upper);
          o[at] = inBand ? src[at] : zero;
        }
      }
    }
    return out;
  },
  gradient: (op, grads, b) => [b.tf.matrix_band_part(grads[0]!, op.inputs[1], op.inputs[2]), null, null],
});

export const Diag = defineOp<TAttrs>({
  type: "Diag",
  doc: "A rank-2k tensor with `diagonal` (rank k) on its diagonal and zeros elsewhere.",
  inputs: [{ name: "diagonal", typeAttr: "T" }],
  typeAttrs: { T: { allowed: TYPES.number.allowed, tfList: "bfloat16, float16, float32, float64, int32, int64, complex64, complex128" } },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const s = new ShapeFn(c).withRankAtLeast(c.shapes[0], 1);
    return [s.dims === null ? TensorShape.unknown() : new TensorShape([...s.dims, ...s.dims])];
  },
  kernel: ([d], k) => {
    if (d.shape.length < 1) throw new InvalidArgumentError(`Input must be at least rank 1, got 0`, k.op.name);
    const n = d.size;
    const out = k.alloc(d.dtype, [...d.shape, ...d.shape]);
    const o = out.data as unknown as Buf;
    const src = d.data as unknown as Buf;
    for (let i = 0; i < out.size; i++) o[i] = 0;
    for (let i = 0; i < n; i++) o[i * n + i] = src[i];
    return out;
  },
  gradient: (_op, grads, b) => [b.tf.diag_part(grads[0]!)],
});

export const DiagPart = defineOp<TAttrs>({
  type: "DiagPart",
  doc: "The diagonal of a rank-2k tensor (the elements at `[i, j, ..., i, j, ...]`).",
  inputs: [{ name: "input", typeAttr: "T" }],
  typeAttrs: { T: { allowed: TYPES.number.allowed, tfList: "bfloat16, float16, float32, float64, int32, int64, complex64, complex128" } },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const s = c.shapes[0];
    if (s.dims === null) return [TensorShape.unknown()];
    const r = s.dims.length;
    if (r % 2 !== 0) f.fail(`Input must have even rank <= 6, input rank is ${r}`);
    const half = r / 2;
    const out: Dim[] = [];
    for (let i = 0; i < half; i++) out.push(f.mergeDim(s.dims[i], s.dims[i + half]));
    return [new TensorShape(out)];
  },
  kernel: ([x], k) => {
    const r = x.shape.length;
    if (r % 2 !== 0) throw new InvalidArgumentError(`The rank of the tensor should be even and positive, got shape ${dimsString(x.shape)}`, k.op.name);
    const half = r / 2;
    for (let i = 0; i < half; i++) {
      if (x.shape[i] !== x.shape[i + half]) {
        throw new InvalidArgumentError(`Invalid shape ${dimsString(x.shape)}: dimensions ${i} and ${i + half} do not match.`, k.op.name);
      }
    }
    const outShape = x.shape.slice(0, half);
    const out = k.alloc(x.dtype, outShape);
    const n = out.size;
    const o = out.data as unknown as Buf;
    const src = x.data as unknown as Buf;
    for (let i = 0; i < n; i++) o[i] = src[i * n + i];
    return out;
  },
  gradient: (_op, grads, b) => [b.tf.diag(grads[0]!)],
});
