/**
 * Conformance cases for the sparse ops: a 3×4 SparseTensor with sorted indices; the
 * gradients reach its values and the dense operand (indices and shapes are integers).
 */
import type { OpCase } from "./types.js";

const INDICES = [[0, 1], [1, 3], [2, 0]];

export const sparseCases: OpCase[] = [
  {
    op: "SparseToDense",
    name: "a SparseTensor's dense form, with a default value",
    build: (tf, dt) => {
      const values = tf.placeholder(dt, [3]);
      const dflt = tf.placeholder(dt, []);
      const sp = tf.SparseTensor(INDICES, values, [3, 4]);
      return { y: tf.sparse.to_dense(sp, dflt), feeds: [[values, [1.5, -2, 3]], [dflt, 0.25]] };
    },
  },
  {
    op: "SparseTensorDenseAdd",
    name: "a SparseTensor added to a dense matrix",
    build: (tf, dt) => {
      const values = tf.placeholder(dt, [3]);
      const dense = tf.placeholder(dt, [3, 4]);
      const sp = tf.SparseTensor(INDICES, values, [3, 4]);
      return { y: tf.sparse.add(dense, sp), feeds: [[values, [1.5, -2, 3]], [dense, [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]]] };
    },
  },
  {
    op: "SparseTensorDenseMatMul",
    name: "a sparse 3×4 matrix times a dense 4×2 one",
    build: (tf, dt) => {
      const values = tf.placeholder(dt, [3]);
      const b = tf.placeholder(dt, [4, 2]);
      const sp = tf.SparseTensor(INDICES, values, [3, 4]);
      return { y: tf.sparse.sparse_dense_matmul(sp, b), feeds: [[values, [1.5, -2, 3]], [b, [[1, 2], [3, -4], [0.5, 6], [7, 8]]]] };
    },
  },
  {
    op: "SparseTensorDenseMatMul",
    name: "both operands transposed (adjoint_a, adjoint_b)",
    build: (tf, dt) => {
      const values = tf.placeholder(dt, [3]);
      const b = tf.placeholder(dt, [2, 3]);
      const sp = tf.SparseTensor(INDICES, values, [3, 4]);
      return { y: tf.sparse.sparse_dense_matmul(sp, b, { adjoint_a: true, adjoint_b: true }), feeds: [[values, [1.5, -2, 3]], [b, [[1, 2, 3], [-4, 0.5, 6]]]] };
    },
  },
];
