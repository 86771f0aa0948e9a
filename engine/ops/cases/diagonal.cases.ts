/**
 * Conformance cases for the diagonal and band ops (MatrixDiag, MatrixDiagPart, MatrixSetDiag,
 * MatrixBandPart, Diag, DiagPart), DynamicPartition, UniqueWithCounts and the float tests
 * (IsNan, IsInf, IsFinite; not differentiable), and the TensorScatter ops (indices distinct
 * for Update, whose gradient check would otherwise meet the last-write-wins choice),
 * AccumulateNV2, the counting ops (HistogramFixedWidth, Bincount, LowerBound, UpperBound) and the
 * unsorted segment reductions (max, min, prod; distinct values so max/min have no ties).
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
  {
    op: "HistogramFixedWidth",
    name: "counts values into five bins, outliers at the ends",
    grad: false,
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [6]);
      return { y: tf.histogram_fixed_width(x, tf.constant([0, 5], dt), 5), feeds: [[x, [-1, 0, 1.5, 2, 5, 15]]] };
    },
  },
  {
    op: "Bincount",
    name: "counts the occurrences of each value",
    grad: false,
    build: (tf) => {
      const x = tf.placeholder(tf.int32, [null]);
      return { y: tf.math.bincount(x), feeds: [[x, [1, 1, 3, 0]]] };
    },
  },
  {
    op: "LowerBound",
    name: "finds insertion points before equal entries",
    grad: false,
    build: (tf, dt) => {
      const s = tf.placeholder(dt, [2, 5]);
      return { y: tf.searchsorted(s, tf.constant([[2, 4, 9], [0, 2, 6]], dt)), feeds: [[s, [[0, 3, 9, 9, 10], [1, 2, 3, 4, 5]]]] };
    },
  },
  {
    op: "UpperBound",
    name: "finds insertion points after equal entries",
    grad: false,
    build: (tf, dt) => {
      const s = tf.placeholder(dt, [2, 5]);
      return { y: tf.searchsorted(s, tf.constant([[2, 4, 9], [0, 2, 6]], dt), { side: "right" }), feeds: [[s, [[0, 3, 9, 9, 10], [1, 2, 3, 4, 5]]]] };
    },
  },
  {
    op: "UnsortedSegmentMax",
    name: "takes the largest row per segment, ids unsorted, one dropped",
    noGradFor: [1],
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [4, 3]);
      const ids = tf.placeholder(tf.int32, [4]);
      return { y: tf.unsorted_segment_max(x, ids, 2), feeds: [[x, [[1, -2, 3.5], [4, 5.5, -6], [-0.5, 7, 1.5], [2, 0.25, -3]]], [ids, [1, 0, 1, -1]]] };
    },
  },
  {
    op: "UnsortedSegmentMin",
    name: "takes the smallest row per segment",
    noGradFor: [1],
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [4, 3]);
      const ids = tf.placeholder(tf.int32, [4]);
      return { y: tf.unsorted_segment_min(x, ids, 2), feeds: [[x, [[1, -2, 3.5], [4, 5.5, -6], [-0.5, 7, 1.5], [2, 0.25, -3]]], [ids, [1, 0, 1, 0]]] };
    },
  },
  {
    op: "UnsortedSegmentProd",
    name: "multiplies the rows per segment",
    noGradFor: [1],
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [4, 2]);
      const ids = tf.placeholder(tf.int32, [4]);
      return { y: tf.unsorted_segment_prod(x, ids, 3), feeds: [[x, [[1, -2], [4, 5.5], [-0.5, 3], [2, 0.25]]], [ids, [0, 2, 0, 2]]] };
    },
  },
  {
    op: "InTopKV2",
    name: "finds targets among the top two, a tie at the boundary counted in",
    grad: false,
    build: (tf) => {
      const p = tf.placeholder(tf.float32, [3, 4]);
      return { y: tf.nn.in_top_k(p, [1, 3, 0], 2), feeds: [[p, [[0.1, 0.8, 0.05, 0.05], [0.4, 0.3, 0.2, 0.1], [0.3, 0.3, 0.3, 0.1]]]] };
    },
  },
];
