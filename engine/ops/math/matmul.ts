/**
 * MatMul: the product of two matrices, optionally transposed. Shape function TF's
 * `MatMulShape` (common_shape_fns.cc), kernel errors matmul_op.cc, gradient TF 1.14's
 * `_MatMulGrad`. The kernel runs i-k-j loops over typed arrays (rows of `b` stream through
 * the inner loop, a transposed `b` is copied row-major first); float32 products are rounded
 * before they are accumulated, as Eigen's float32 multiply-then-add does.
 */
import { DType, float32, int32 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import { TensorShape } from "../../shape.js";
import type { NDArray } from "../../ndarray.js";
import { MATH_TYPES } from "../support/math_types.js";
import { ShapeFn } from "../support/array_infer.js";

type Num = Float32Array | Float64Array | Int32Array;
type MatMulAttrs = { T: DType; transpose_a: boolean; transpose_b: boolean };

export const MatMul = defineOp<MatMulAttrs>({
  type: "MatMul",
  doc: "The matrix product of `a` and `b` (each optionally transposed first).",
  inputs: [
    { name: "a", typeAttr: "T" },
    { name: "b", typeAttr: "T" },
  ],
  typeAttrs: { T: MATH_TYPES.matmul },
  effects: [],
  inferDtype: (c) => [c.attrs.T],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const a = f.withRank(c.shapes[0], 2).dims!;
    const b = f.withRank(c.shapes[1], 2).dims!;
    const { transpose_a: ta, transpose_b: tb } = c.attrs;
    f.mergeDim(ta ? a[0] : a[1], tb ? b[1] : b[0]);
    return [new TensorShape([ta ? a[1] : a[0], tb ? b[0] : b[1]])];
  },
  kernel: ([a, b], k) => {
    const { transpose_a: ta, transpose_b: tb } = k.attrs;
    if (a.shape.length !== 2) throw new InvalidArgumentError(`In[0] is not a matrix. Instead it has shape [${a.shape.join(",")}]`, k.op.name);
    if (b.shape.length !== 2) throw new InvalidArgumentError(`In[1] is not a matrix. Instead it has shape [${b.shape.join(",")}]`, k.op.name);
    const m = ta ? a.shape[1] : a.shape[0];
    const kk = ta ? a.shape[0] : a.shape[1];
    const kb = tb ? b.shape[1] : b.shape[0];
    const n = tb ? b.shape[0] : b.shape[1];
    if (kk !== kb) {
      throw new InvalidArgumentError(`Matrix size-incompatible: In[0]: [${a.shape.join(",")}], In[1]: [${b.shape.join(",")}]`, k.op.name);
    }
    const out = k.alloc(a.dtype, [m, n]);
    matmulInto(a, 0, b, 0, out, 0, m, kk, n, ta, tb);
    return out;
  },
  gradient: (op, [g], b) => {
    // TF 1.14's _MatMulGrad (conj is the identity for real types).
    const tf = b.tf;
    const ta = op.attrs.transpose_a;
    const tb = op.attrs.transpose_b;
    const [x, y] = op.inputs;
    if (!ta && !tb) return [tf.matmul(g!, y, { transpose_b: true }), tf.matmul(x, g!, { transpose_a: true })];
    if (!ta && tb) return [tf.matmul(g!, y), tf.matmul(g!, x, { transpose_a: true })];
    if (ta && !tb) return [tf.matmul(y, g!, { transpose_b: true }), tf.matmul(x, g!)];
    return [tf.matmul(y, g!, { transpose_a: true, transpose_b: true }), tf.matmul(g!, x, { transpose_a: true, transpose_b: true })];
  },
});

/** Scratch space for a transposed `b`, grown as needed (kernels run one at a time). */
const scratch: { f32: Float32Array; f64: Float64Array; i32: Int32Array } = {
  f32: new Float32Array(0),
  f64: new Float64Array(0),
  i32: new Int32Array(0),
};

/** `b` (k×n after transposition) as a row-major array: `bd` itself, or a transposed copy. */
function rowMajorB(bd: Num, bOff: number, k: number, n: number, tb: boolean): { data: Num; off: number } {
  if (!tb) return { data: bd, off: bOff };
  const key = bd instanceof Float32Array ? "f32" : bd instanceof Float64Array ? "f64" : "i32";
  if (scratch[key].length < k * n) {
    const Ctor = bd.constructor as { new (n: number): Num };
    (scratch as Record<string, Num>)[key] = new Ctor(k * n);
  }
  const t = scratch[key];
  // Stored b is n×k: t[p][j] = b[j][p].
  for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) t[p * n + j] = bd[bOff + j * k + p];
  return { data: t, off: 0 };
}

/**
 * `out = op(a) · op(b)` for an m×k by k×n product, each matrix starting at an offset of its
 * array (BatchMatMul multiplies one batch entry at a time). Each output element accumulates
 * its k products in order in a register, four k-steps per pass over the row (the order, and so
 * float32 rounding, is the same as one step at a time; only the loop overhead shrinks).
 */
export function matmulInto(
  a: NDArray,
  aOff: number,
  b: NDArray,
  bOff: number,
  out: NDArray,
  oOff: number,
  m: number,
  k: number,
  n: number,
  ta: boolean,
  tb: boolean,
): void {
  const ad = a.data as Num;
  const od = out.data as Num;
  const { data: bd, off: bo0 } = rowMajorB(b.data as Num, bOff, k, n, tb);
  od.fill(0, oOff, oOff + m * n);
  // Stride of op(a)[i][p] along i and along p in the stored (row-major) array.
  const aRow = ta ? 1 : k;
  const aCol = ta ? m : 1;
  if (a.dtype === float32) mmF32(ad, aOff, aRow, aCol, bd, bo0, od, oOff, m, k, n);
  else if (a.dtype === int32) mmI32(ad, aOff, aRow, aCol, bd, bo0, od, oOff, m, k, n);
  else mmF64(ad, aOff, aRow, aCol, bd, bo0, od, oOff, m, k, n);
}

/** float32: every product and every sum rounded to float32, as Eigen's multiply-then-add. */
function mmF32(ad: Num, aOff: number, aRow: number, aCol: number, bd: Num, bOff: number, od: Num, oOff: number, m: number, k: number, n: number): void {
  const fr = Math.fround;
  for (let i = 0; i < m; i++) {
    const o = oOff + i * n;
    const ai = aOff + i * aRow;
    let p = 0;
    for (; p + 3 < k; p += 4) {
      const a0 = ad[ai + p * aCol];
      const a1 = ad[ai + (p + 1) * aCol];
      const a2 = ad[ai + (p + 2) * aCol];
      const a3 = ad[ai + (p + 3) * aCol];
      const b0 = bOff + p * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        let acc = od[o + j];
        acc = fr(acc + fr(a0 * bd[b0 + j]));
        acc = fr(acc + fr(a1 * bd[b1 + j]));
        acc = fr(acc + fr(a2 * bd[b2 + j]));
        od[o + j] = acc + fr(a3 * bd[b3 + j]);
      }
    }
    for (; p < k; p++) {
      const ap = ad[ai + p * aCol];
      const bp = bOff + p * n;
      for (let j = 0; j < n; j++) od[o + j] += fr(ap * bd[bp + j]);
    }
  }
}

function mmF64(ad: Num, aOff: number, aRow: number, aCol: number, bd: Num, bOff: number, od: Num, oOff: number, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const o = oOff + i * n;
    const ai = aOff + i * aRow;
    let p = 0;
    for (; p + 3 < k; p += 4) {
      const a0 = ad[ai + p * aCol];
      const a1 = ad[ai + (p + 1) * aCol];
      const a2 = ad[ai + (p + 2) * aCol];
      const a3 = ad[ai + (p + 3) * aCol];
      const b0 = bOff + p * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        let acc = od[o + j];
        acc += a0 * bd[b0 + j];
        acc += a1 * bd[b1 + j];
        acc += a2 * bd[b2 + j];
        od[o + j] = acc + a3 * bd[b3 + j];
      }
    }
    for (; p < k; p++) {
      const ap = ad[ai + p * aCol];
      const bp = bOff + p * n;
      for (let j = 0; j < n; j++) od[o + j] += ap * bd[bp + j];
    }
  }
}

/** int32: products and sums wrap as C++ int32 arithmetic does (order does not matter). */
function mmI32(ad: Num, aOff: number, aRow: number, aCol: number, bd: Num, bOff: number, od: Num, oOff: number, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const o = oOff + i * n;
    const ai = aOff + i * aRow;
    for (let p = 0; p < k; p++) {
      const ap = ad[ai + p * aCol];
      const bp = bOff + p * n;
      for (let j = 0; j < n; j++) od[o + j] = (od[o + j] + Math.imul(ap, bd[bp + j])) | 0;
    }
  }
}

type BatchAttrs = { T: DType; adj_x: boolean; adj_y: boolean };

/** `[2,3]`: TF's C++ `TensorShape::DebugString`. */
const text = (s: readonly number[]) => `[${s.join(",")}]`;

export const BatchMatMul = defineOp<BatchAttrs>({
  type: "BatchMatMul",
  doc: "Matrix products of the last two dimensions of `x` and `y`, batch entry by batch entry.",
  inputs: [
    { name: "x", typeAttr: "T" },
    { name: "y", typeAttr: "T" },
  ],
  typeAttrs: { T: { allowed: MATH_TYPES.matmul.allowed, tfList: "bfloat16, float16, float32, float64, int32, int64, complex64, complex128" } },
  effects: [],
  inferDtype: (c) => [c.attrs.T],
  inferShape: (c) => {
    // TF's BatchMatMulShape.
    const f = new ShapeFn(c);
    const a = f.withRankAtLeast(c.shapes[0], 2);
    const b = f.withRankAtLeast(c.shapes[1], 2);
    if (a.dims === null || b.dims === null) return [TensorShape.unknown()];
    const { adj_x: ax, adj_y: ay } = c.attrs;
    const ad = a.dims;
    const bd = b.dims;
    const rows = ad[ad.length - (ax ? 1 : 2)];
    const cols = bd[bd.length - (ay ? 2 : 1)];
    const batch = f.merge(new TensorShape(ad.slice(0, -2)), new TensorShape(bd.slice(0, -2)));
    f.mergeDim(ad[ad.length - (ax ? 2 : 1)], bd[bd.length - (ay ? 1 : 2)]);
    return [new TensorShape([...batch.dims!, rows, cols])];
  },
  kernel: ([x, y], k) => {
    const { adj_x: ax, adj_y: ay } = k.attrs;
    const r = x.shape.length;
    if (r !== y.shape.length) throw new InvalidArgumentError(`In[0] and In[1] has different ndims: ${text(x.shape)} vs. ${text(y.shape)}`, k.op.name);
    if (r < 2) throw new InvalidArgumentError(`In[0] and In[1] ndims must be >= 2: ${r}`, k.op.name);
    let batch = 1;
    for (let i = 0; i < r - 2; i++) {
      if (x.shape[i] !== y.shape[i]) {
        throw new InvalidArgumentError(`In[0].dim(${i}) and In[1].dim(${i}) must be the same: ${text(x.shape)} vs ${text(y.shape)}`, k.op.name);
      }
      batch *= x.shape[i];
    }
    let [d0, d1] = [x.shape[r - 2], x.shape[r - 1]];
    let [d2, d3] = [y.shape[r - 2], y.shape[r - 1]];
    if (ax) [d0, d1] = [d1, d0];
    if (ay) [d2, d3] = [d3, d2];
    if (d1 !== d2) {
      throw new InvalidArgumentError(`In[0] mismatch In[1] shape: ${d1} vs. ${d2}: ${text(x.shape)} ${text(y.shape)} ${ax} ${ay}`, k.op.name);
    }
    const out = k.alloc(x.dtype, [...x.shape.slice(0, -2), d0, d3]);
    for (let i = 0; i < batch; i++) matmulInto(x, i * d0 * d1, y, i * d2 * d3, out, i * d0 * d3, d0, d1, d3, ax, ay);
    return out;
  },
  gradient: (op, [g], b) => {
    // TF 1.14's _BatchMatMul (adjoint is transpose for real types).
    const tf = b.tf;
    const [x, y] = op.inputs;
    const ax = op.attrs.adj_x;
    const ay = op.attrs.adj_y;
    if (!ax) {
      if (!ay) return [tf.matmul(g!, y, { adjoint_a: false, adjoint_b: true }), tf.matmul(x, g!, { adjoint_a: true, adjoint_b: false })];
      return [tf.matmul(g!, y, { adjoint_a: false, adjoint_b: false }), tf.matmul(g!, x, { adjoint_a: true, adjoint_b: false })];
    }
    if (!ay) return [tf.matmul(y, g!, { adjoint_a: false, adjoint_b: true }), tf.matmul(x, g!, { adjoint_a: false, adjoint_b: false })];
    return [tf.matmul(y, g!, { adjoint_a: true, adjoint_b: true }), tf.matmul(g!, x, { adjoint_a: true, adjoint_b: true })];
  },
});
