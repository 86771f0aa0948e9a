/**
 * Conformance cases for the sparse ops: a 3×4 SparseTensor with sorted indices; the
 * gradients reach its values and the dense operand (indices and shapes are integers).
 */
import type { Tensor } from "../../graph.js";
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
      return { y: tf.sparse.add(dense, sp) as Tensor, feeds: [[values, [1.5, -2, 3]], [dense, [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]]] };
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
  {
    op: "SparseAdd",
    name: "two SparseTensors summed (shared, a-only and b-only indices), values differentiable",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [3]);
      const b = tf.placeholder(dt, [3]);
      const sum = tf.sparse.add(tf.SparseTensor(INDICES, a, [3, 4]), tf.SparseTensor([[0, 1], [1, 0], [2, 3]], b, [3, 4]));
      return { y: tf.sparse.to_dense(sum as InstanceType<typeof tf.SparseTensor>), feeds: [[a, [1.5, -2, 3]], [b, [0.5, 4, -1]]] };
    },
  },
  {
    op: "SparseAdd",
    name: "drops a shared index whose sum is below the threshold",
    grad: false,
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [3]);
      const sum = tf.sparse.add(tf.SparseTensor(INDICES, a, [3, 4]), tf.SparseTensor([[0, 1], [2, 0]], tf.cast([-1.25, 1], dt), [3, 4]), 0.5) as InstanceType<typeof tf.SparseTensor>;
      return { y: sum.values, feeds: [[a, [1.5, -2, 3]]] };
    },
  },
  {
    op: "SparseAddGrad",
    name: "routes the sum's value gradients to both operands",
    grad: false,
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [3]);
      const sum = tf.sparse.add(tf.SparseTensor(INDICES, a, [3, 4]), tf.SparseTensor([[0, 1], [2, 3]], tf.cast([2, 5], dt), [3, 4])) as InstanceType<typeof tf.SparseTensor>;
      const [g] = tf.gradients(tf.reduce_sum(tf.multiply(sum.values, [1, 2, 3, 4])), [a]) as Tensor[];
      return { y: g, feeds: [[a, [1.5, -2, 3]]] };
    },
  },
  {
    op: "SparseReduceSum",
    name: "sums a SparseTensor's values over one axis, keeping it",
    build: (tf, dt) => {
      const values = tf.placeholder(dt, [3]);
      return { y: tf.sparse.reduce_sum(tf.SparseTensor(INDICES, values, [3, 4]), 1, { keepdims: true }), feeds: [[values, [1.5, -2, 3]]] };
    },
  },
  {
    op: "SparseReduceSum",
    name: "sums a fed SparseTensor over all its axes (range(0, Rank) axes, unknown shape)",
    build: (tf, dt) => {
      const values = tf.placeholder(dt, [3]);
      const shape = tf.placeholder(tf.int64, [null]);
      const y = tf.sparse.reduce_sum(tf.SparseTensor([[0, 1], [1, 1], [1, 3]], values, shape));
      return { y, feeds: [[values, [1.5, -2, 3]], [shape, [2, 4]]] };
    },
    noGradFor: [1],
  },
  {
    op: "SparseReduceMax",
    name: "takes the maximum of the stored values over axis 0 (cells without values are 0)",
    grad: false,
    build: (tf, dt) => {
      const values = tf.placeholder(dt, [3]);
      return { y: tf.sparse.reduce_max(tf.SparseTensor([[0, 1], [1, 1], [2, 0]], values, [3, 4]), 0), feeds: [[values, [-1.5, -2, 3]]] };
    },
  },
];
