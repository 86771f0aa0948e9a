/**
 * Conformance cases for the diagonal and band ops (MatrixDiag, MatrixDiagPart, MatrixSetDiag,
 * MatrixBandPart, Diag, DiagPart), DynamicPartition, UniqueWithCounts and the float tests
 * (IsNan, IsInf, IsFinite; not differentiable), and the TensorScatter ops (indices distinct
 * for Update, whose gradient check would otherwise meet the last-write-wins choice).
 */
import type { OpCase } from "./types.js";

const M34 = [
  [1, -2, 3.5, 0.25],
  [4, 5.5, -6, 2],
  [-0.5, 7, 1.5, -3],
];

export const diagonalCases: OpCase[] = [
  {
    op: "MatrixDiag",
    name: "makes a batch of diagonal matrices",
    build: (tf, dt) => {
      const d = tf.placeholder(dt, [2, 3]);
      return { y: tf.linalg.diag(d), feeds: [[d, [[1, -2, 3.5], [4, 5.5, -6]]]] };
    },
  },
  {
    op: "MatrixDiagPart",
    name: "reads the diagonal of a wide matrix",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 4]);
      return { y: tf.linalg.diag_part(x), feeds: [[x, M34]] };
    },
  },
  {
    op: "MatrixDiagPart",
    name: "reads the diagonals of a batch of square matrices",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 2, 2]);
      return { y: tf.linalg.diag_part(x), feeds: [[x, [[[1, 2], [3, 4]], [[-5, 6.5], [7, -8]]]]] };
    },
  },
  {
    op: "MatrixSetDiag",
    name: "replaces the diagonal of a tall matrix",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [4, 3]);
      const d = tf.placeholder(dt, [3]);
      return { y: tf.linalg.set_diag(x, d), feeds: [[x, [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12.5]]], [d, [-1, -2, -3.5]]] };
    },
  },
  {
    op: "MatrixBandPart",
    name: "keeps one subdiagonal and every superdiagonal",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 4]);
      return { y: tf.linalg.band_part(x, 1, -1), feeds: [[x, M34]] };
    },
  },
  {
    op: "Diag",
    name: "puts a vector on the diagonal of a matrix",
    build: (tf, dt) => {
      const d = tf.placeholder(dt, [3]);
      return { y: tf.diag(d), feeds: [[d, [1, -2, 3.5]]] };
    },
  },
  {
    op: "DiagPart",
    name: "reads the diagonal of a rank-4 tensor",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 1, 2, 1]);
      return { y: tf.diag_part(x), feeds: [[x, [[[[1], [2]]], [[[3], [4.5]]]]]] };
    },
  },
  {
    op: "DynamicPartition",
    name: "sends rows to two partitions",
    noGradFor: [1],
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 4]);
      const p = tf.placeholder(tf.int32, [3]);
      const [a, b] = tf.dynamic_partition(x, p, 2);
      return { y: tf.concat([tf.multiply(a, tf.cast(2, dt)), b], 0), feeds: [[x, M34], [p, [1, 0, 1]]] };
    },
  },
  {
    op: "UniqueWithCounts",
    name: "counts each distinct value",
    grad: false,
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [null]);
      return { y: tf.unique_with_counts(x).count, feeds: [[x, [1, 1, 2, 4, 4, 4, 7, 8, 8]]] };
    },
  },
  {
    op: "IsNan",
    name: "finds NaN",
    grad: false,
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [4]);
      return { y: tf.math.is_nan(x), feeds: [[x, [1, NaN, Infinity, -2]]] };
    },
  },
  {
    op: "IsInf",
    name: "finds both infinities",
    grad: false,
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [4]);
      return { y: tf.math.is_inf(x), feeds: [[x, [1, NaN, Infinity, -Infinity]]] };
    },
  },
  {
    op: "IsFinite",
    name: "finds the finite values",
    grad: false,
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [4]);
      return { y: tf.math.is_finite(x), feeds: [[x, [1, NaN, Infinity, -2]]] };
    },
  },
  {
    op: "TensorScatterUpdate",
    name: "replaces two rows of a matrix",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 4]);
      const u = tf.placeholder(dt, [2, 4]);
      return { y: tf.tensor_scatter_nd_update(x, [[2], [0]], u), feeds: [[x, M34], [u, [[9, 8, 7.5, 6], [-1, -2, -3, -4.5]]]] };
    },
  },
  {
    op: "TensorScatterAdd",
    name: "adds to single elements, one twice",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 4]);
      const u = tf.placeholder(dt, [3]);
      return { y: tf.tensor_scatter_nd_add(x, [[0, 1], [2, 3], [0, 1]], u), feeds: [[x, M34], [u, [1.5, -2, 3]]] };
    },
  },
  {
    op: "TensorScatterSub",
    name: "subtracts from a vector",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [5]);
      const u = tf.placeholder(dt, [2]);
      return { y: tf.tensor_scatter_nd_sub(x, [[4], [1]], u), feeds: [[x, [1, -2, 3.5, 0.25, 4]], [u, [2.5, -1]]] };
    },
  },
  {
    op: "AccumulateNV2",
    name: "sums three matrices, one of them twice",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 2]);
      const b = tf.placeholder(dt, [2, 2]);
      return { y: tf.math.accumulate_n([a, b, a]), feeds: [[a, [[1, 2], [3, 4.5]]], [b, [[5, 0], [-1, 6]]]] };
    },
  },
];
