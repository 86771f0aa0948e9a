/**
 * Diagonals and bands of matrices, and tensor diagonals: `tf.linalg.diag` / `tf.matrix_diag`,
 * `diag_part`, `set_diag`, `band_part`, `tf.eye`, `tf.linalg.trace`, `tf.diag` /
 * `tf.diag_part`, and the matrix helpers `tf.linalg.matrix_transpose` and `tf.linalg.matvec`,
 * built as TF 1.15's array_ops.py, linalg_ops_impl.py and math_ops.py build them (only the main
 * diagonal, `k=0`).
 */
import { DTypeLike, asDType, float32 } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { asShape } from "../../shape.js";
import { NotImplementedError, ValueError } from "../../errors.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { op1, type Name } from "../build.js";
import { ones, zeros } from "./filling.js";
import { concat, expand_dims, rank, squeeze, transpose } from "./array.js";
import { matmul } from "./math.js";
import { tensorOperators as T } from "../tensor_ops.js";
import { reduce_sum } from "./reduce.js";
import { minimum } from "./arithmetic.js";

/** The playground's diagonal ops read only the main diagonal (TF 1.15's `k=0`). */
function mainDiagonalOnly(k: unknown): void {
  if (k !== 0) throw new NotImplementedError("Only the main diagonal (k=0) is supported in the playground");
}

/**
 * A batch of diagonal matrices with `diagonal`'s last axis on their diagonals (op MatrixDiag).
 * @example
 * const d = tf.linalg.diag([[1, 2, 3, 4], [5, 6, 7, 8]]); // shape (2, 4, 4)
 */
export const matrix_diag = pyfunc("matrix_diag", ["diagonal", "name", "k"], (ctx: EngineContext, diagonal: unknown, name: Name = "diag", k: number = 0): Tensor => {
  mainDiagonalOnly(k);
  return op1(ctx, "MatrixDiag", [diagonal], {}, name);
});

/**
 * The main diagonal of each matrix in the last two axes (op MatrixDiagPart).
 * @example
 * const p = tf.linalg.diag_part([[1, 2], [3, 4]]); // [1 4]
 */
export const matrix_diag_part = pyfunc("matrix_diag_part", ["input", "name", "k"], (ctx: EngineContext, input: unknown, name: Name = "diag_part", k: number = 0): Tensor => {
  mainDiagonalOnly(k);
  return op1(ctx, "MatrixDiagPart", [input], {}, name);
});

/**
 * `input` with each matrix's main diagonal replaced by `diagonal` (op MatrixSetDiag).
 * @example
 * const s = tf.linalg.set_diag(tf.zeros([2, 2]), [1.0, 2.0]); // [[1. 0.] [0. 2.]]
 */
export const matrix_set_diag = pyfunc(
  "matrix_set_diag",
  ["input", "diagonal", "name", "k"],
  (ctx: EngineContext, input: unknown, diagonal: unknown, name: Name = "set_diag", k: number = 0): Tensor => {
    mainDiagonalOnly(k);
    return op1(ctx, "MatrixSetDiag", [input, diagonal], {}, name);
  },
);

/**
 * Each matrix with everything outside a band set to zero: `num_lower` subdiagonals and
 * `num_upper` superdiagonals kept (negative: all of them). op MatrixBandPart.
 * @example
 * const lower = tf.linalg.band_part(tf.ones([3, 3]), -1, 0); // lower triangle of ones
 */
export const matrix_band_part = pyfunc(
  "matrix_band_part",
  ["input", "num_lower", "num_upper", "name"],
  (ctx: EngineContext, input: unknown, num_lower: unknown, num_upper: unknown, name: Name = null): Tensor =>
    op1(ctx, "MatrixBandPart", [input, num_lower, num_upper], {}, name),
);

/**
 * A tensor of rank 2k with `diagonal` (rank k) on its diagonal (op Diag).
 * @example
 * const d = tf.diag([1, 2, 3, 4]); // 4×4 with 1 2 3 4 on the diagonal
 */
export const diag = pyfunc("diag", ["diagonal", "name"], (ctx: EngineContext, diagonal: unknown, name: Name = null): Tensor => op1(ctx, "Diag", [diagonal], {}, name));

/**
 * The diagonal of a rank-2k tensor (op DiagPart): the inverse of `tf.diag`.
 * @example
 * const p = tf.diag_part([[1, 0], [0, 2]]); // [1 2]
 */
export const diag_part = pyfunc("diag_part", ["input", "name"], (ctx: EngineContext, input: unknown, name: Name = null): Tensor => op1(ctx, "DiagPart", [input], {}, name));

/**
 * The sum of each matrix's main diagonal: `reduce_sum(matrix_diag_part(x), [-1])` in scope `Trace`.
 * @example
 * const t = tf.linalg.trace([[1, 2], [3, 4]]); // 5
 */
export const trace = pyfunc("trace", ["x", "name"], (ctx: EngineContext, x: unknown, name: Name = null): Tensor =>
  ctx.defaultGraph().name_scope(name || "Trace", (scope) => {
    const xt = convertToTensor(ctx, x, { name: "x" });
    return reduce_sum(ctx, matrix_diag_part(ctx, xt), [-1], null, scope);
  }),
);

/**
 * An identity matrix (or a batch of them), `num_rows` × `num_columns` (default square).
 * @example
 * const i = tf.eye(2); // [[1. 0.] [0. 1.]]
 * const r = tf.eye(2, { num_columns: 3 }); // [[1. 0. 0.] [0. 1. 0.]]
 */
export const eye = pyfunc(
  "eye",
  ["num_rows", "num_columns", "batch_shape", "dtype", "name"],
  (ctx: EngineContext, num_rows: unknown, num_columns: unknown = null, batch_shape: unknown = null, dtype: DTypeLike = float32, name: Name = null): Tensor =>
    ctx.defaultGraph().name_scope(name || "eye", () => {
      const dt = asDType(dtype);
      const isSquare = num_columns === null || num_columns === undefined;
      const batch = (batch_shape ?? []) as unknown[];
      const cols = isSquare ? num_rows : num_columns;
      const dynamic = num_rows instanceof Tensor || cols instanceof Tensor || batch_shape instanceof Tensor;
      const diagSize = dynamic ? minimum(ctx, num_rows, cols) : Math.min(Number(num_rows), Number(cols));
      // The static shapes are TensorShapes in TF (`batch_shape.concatenate(diag_size)`): a
      // negative size fails there, as "Dimension -1 must be >= 0".
      const diagShape = dynamic || !Array.isArray(batch) ? concat(ctx, [batch, [diagSize]], 0) : asShape([...batch, diagSize]).as_list();
      const diagOnes = ones(ctx, diagShape, dt);
      if (isSquare) return matrix_diag(ctx, diagOnes);
      const shape = dynamic || !Array.isArray(batch) ? concat(ctx, [batch, [num_rows, cols]], 0) : asShape([...batch, num_rows, cols] as number[]).as_list();
      return matrix_set_diag(ctx, zeros(ctx, shape, dt), diagOnes);
    }),
);

/**
 * Swaps the last two axes of `a` (each matrix of a batch transposed), as a Transpose in scope
 * `matrix_transpose`.
 * @example
 * const t = tf.linalg.matrix_transpose([[1, 2, 3], [4, 5, 6]]); // [[1 4] [2 5] [3 6]]
 */
export const matrix_transpose = pyfunc(
  "matrix_transpose",
  ["a", "name", "conjugate"],
  (ctx: EngineContext, a: unknown, name: Name = "matrix_transpose", conjugate: boolean = false): Tensor =>
    ctx.defaultGraph().name_scope(name || "matrix_transpose", () => {
      const at = convertToTensor(ctx, a, { name: "a" });
      const ndims = at.shape.ndims;
      if (ndims !== null) {
        if (ndims < 2) throw new ValueError(`Argument 'a' should be a (batch) matrix, with rank >= 2.  Found: ${at.shape.toString()}`);
        const perm = [...Array.from({ length: ndims - 2 }, (_, i) => i), ndims - 1, ndims - 2];
        return transpose(ctx, at, perm, "transpose", conjugate);
      }
      const r = rank(ctx, at);
      const perm = concat(ctx, [op1(ctx, "Range", [0, T.sub(ctx, r, 2), 1]), [T.sub(ctx, r, 1), T.sub(ctx, r, 2)]], 0);
      return transpose(ctx, at, perm, "transpose", conjugate);
    }),
);

/**
 * The matrix-vector product `a @ b` (a batch of them), as `squeeze(matmul(a, b[..., None]), -1)`
 * in scope `MatVec`.
 * @example
 * const c = tf.linalg.matvec([[1, 2, 3], [4, 5, 6]], [7, 9, 11]); // [ 58 139]
 */
export const matvec = pyfunc(
  "matvec",
  ["a", "b", "transpose_a", "adjoint_a", "a_is_sparse", "b_is_sparse", "name"],
  (
    ctx: EngineContext,
    a: unknown,
    b: unknown,
    transpose_a: boolean = false,
    adjoint_a: boolean = false,
    a_is_sparse: boolean = false,
    b_is_sparse: boolean = false,
    name: Name = null,
  ): Tensor =>
    ctx.defaultGraph().name_scope(name || "MatVec", () => {
      const out = matmul(ctx, a, expand_dims(ctx, b, -1), transpose_a, false, adjoint_a, false, a_is_sparse, b_is_sparse);
      return squeeze(ctx, out, -1);
    }),
);
