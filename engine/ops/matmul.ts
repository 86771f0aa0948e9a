/**
 * MatMul: the product of two matrices, optionally transposed. Shape function TF's
 * `MatMulShape` (common_shape_fns.cc), kernel errors matmul_op.cc, gradient TF 1.14's
 * `_MatMulGrad`. The kernel runs i-k-j loops over typed arrays (rows of `b` stream through
 * the inner loop); float32 products are rounded before they are accumulated, as Eigen's
 * float32 multiply-then-add does.
 */
import { DType, float32, int32 } from "../dtypes.js";
import { InvalidArgumentError } from "../errors.js";
import { defineOp } from "../op.js";
import { TensorShape } from "../shape.js";
import type { NDArray } from "../ndarray.js";
import { MATH_TYPES } from "./math_types.js";
import { ShapeFn } from "./array_infer.js";

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
    matmulInto(a, b, out, m, kk, n, ta, tb);
    return out;
  },
  gradient: (op, [g]) => {
    // TF 1.14's _MatMulGrad (conj is the identity for real types).
    const tf = op.graph.ctx.tf;
    const ta = op.attrs.transpose_a;
    const tb = op.attrs.transpose_b;
    const [a, b] = op.inputs;
    if (!ta && !tb) return [tf.matmul(g!, b, { transpose_b: true }), tf.matmul(a, g!, { transpose_a: true })];
    if (!ta && tb) return [tf.matmul(g!, b), tf.matmul(g!, a, { transpose_a: true })];
    if (ta && !tb) return [tf.matmul(b, g!, { transpose_b: true }), tf.matmul(a, g!)];
    return [tf.matmul(b, g!, { transpose_a: true, transpose_b: true }), tf.matmul(g!, a, { transpose_a: true, transpose_b: true })];
  },
});

/**
 * `out = op(a) · op(b)` for an m×k by k×n product. Every output element accumulates its k
 * products in order, so float32 results round the same way whatever the loop order.
 */
export function matmulInto(a: NDArray, b: NDArray, out: NDArray, m: number, k: number, n: number, ta: boolean, tb: boolean): void {
  const ad = a.data as Num;
  const bd = b.data as Num;
  const od = out.data as Num;
  od.fill(0);
  // Strides of op(a)[i][p] and op(b)[p][j] in the stored (row-major) arrays.
  const aRow = ta ? 1 : k;
  const aCol = ta ? m : 1;
  const bRow = tb ? 1 : n;
  const bCol = tb ? k : 1;
  if (a.dtype === float32) {
    const fr = Math.fround;
    for (let i = 0; i < m; i++) {
      const o = i * n;
      for (let p = 0; p < k; p++) {
        const aip = ad[i * aRow + p * aCol];
        if (bCol === 1) {
          const bo = p * bRow;
          for (let j = 0; j < n; j++) od[o + j] += fr(aip * bd[bo + j]);
        } else {
          for (let j = 0; j < n; j++) od[o + j] += fr(aip * bd[p * bRow + j * bCol]);
        }
      }
    }
  } else if (a.dtype === int32) {
    for (let i = 0; i < m; i++) {
      const o = i * n;
      for (let p = 0; p < k; p++) {
        const aip = ad[i * aRow + p * aCol];
        for (let j = 0; j < n; j++) od[o + j] = (od[o + j] + Math.imul(aip, bd[p * bRow + j * bCol])) | 0;
      }
    }
  } else {
    for (let i = 0; i < m; i++) {
      const o = i * n;
      for (let p = 0; p < k; p++) {
        const aip = ad[i * aRow + p * aCol];
        for (let j = 0; j < n; j++) od[o + j] += aip * bd[p * bRow + j * bCol];
      }
    }
  }
}
