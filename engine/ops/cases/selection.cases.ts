/**
 * Conformance cases for the ops that select, sort, segment and mirror: GatherNd, ScatterNd,
 * TopKV2, Unique, the sorted segment reductions, MirrorPad (and its gradient op) and
 * LinSpace. Values stay distinct where a tie would put finite differences on a kink
 * (TopK, SegmentMax/Min).
 */
import type { Tensor } from "../../graph.js";
import type { OpCase } from "./types.js";

const M34 = [
  [1, -2, 3.5, 0.25],
  [4, 5.5, -6, 2],
  [-0.5, 7, 1.5, -3],
];

export const selectionCases: OpCase[] = [
  {
    op: "GatherNd",
    name: "reads single elements of a matrix",
    noGradFor: [1],
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 4]);
      return { y: tf.gather_nd(x, [[0, 2], [2, 1], [0, 2]]), feeds: [[x, M34]] };
    },
  },
  {
    op: "GatherNd",
    name: "reads whole rows of a matrix, with an unknown batch",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [null, 4]);
      return { y: tf.gather_nd(x, [[[2]], [[0]]]), feeds: [[x, M34]] };
    },
  },
  {
    op: "ScatterNd",
    name: "sums updates into a zero vector, duplicates added",
    build: (tf, dt) => {
      const u = tf.placeholder(dt, [4]);
      return { y: tf.scatter_nd([[4], [3], [1], [4]], u, [6]), feeds: [[u, [9, 10.5, -11, 12]]] };
    },
  },
  {
    op: "ScatterNd",
    name: "writes rows into a matrix",
    build: (tf, dt) => {
      const u = tf.placeholder(dt, [2, 3]);
      return { y: tf.scatter_nd([[0], [2]], u, [3, 3]), feeds: [[u, [[1, -2, 3], [4.5, 5, -6]]]] };
    },
  },
  {
    op: "TopKV2",
    name: "takes the two largest of each row",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 4]);
      return { y: tf.nn.top_k(x, 2).values, feeds: [[x, M34]] };
    },
  },
  {
    op: "TopKV2",
    name: "sorts a vector of unknown length (tf.sort)",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [null]);
      return { y: tf.sort(x), feeds: [[x, [3, -1.5, 2, 7, 0.5]]] };
    },
  },
  {
    op: "TopKV2",
    name: "sorts along the first axis (tf.sort with a transposition)",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 4]);
      return { y: tf.sort(x, { axis: 0, direction: "DESCENDING" }), feeds: [[x, M34]] };
    },
  },
  {
    op: "Unique",
    name: "keeps the first appearance of each value",
    grad: false,
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [null]);
      return { y: tf.unique(x).y, feeds: [[x, [1, 1, 2, 4, 4, 4, 7, 8, 8]]] };
    },
  },
  ...(["segment_sum", "segment_mean", "segment_max", "segment_min"] as const).map(
    (f): OpCase => ({
      op: { segment_sum: "SegmentSum", segment_mean: "SegmentMean", segment_max: "SegmentMax", segment_min: "SegmentMin" }[f],
      name: "reduces sorted segments of rows, with an empty segment between",
      build: (tf, dt) => {
        const x = tf.placeholder(dt, [3, 4]);
        return { y: tf[f](x, [0, 0, 2]), feeds: [[x, M34]] };
      },
    }),
  ),
  {
    op: "MirrorPad",
    name: "reflects a matrix on both axes",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 4]);
      return { y: tf.pad(x, [[1, 2], [2, 1]], "REFLECT"), feeds: [[x, M34]] };
    },
  },
  {
    op: "MirrorPad",
    name: "mirrors a vector including its edges (SYMMETRIC)",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [null]);
      return { y: tf.pad(x, [[3, 2]], "SYMMETRIC"), feeds: [[x, [1, -2, 3.5, 4]]] };
    },
  },
  {
    op: "MirrorPadGrad",
    name: "is built by tf.gradients and differentiates again",
    // The gradient is linear in the upstream gradient and does not depend on x.
    noGradFor: [0],
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 4]);
      const dy = tf.placeholder(dt, [4, 6]);
      const [gx] = tf.gradients(tf.pad(x, [[0, 1], [1, 1]], "REFLECT"), [x], { grad_ys: [dy] });
      const ones = Array.from({ length: 4 }, (_, i) => Array.from({ length: 6 }, (_, j) => (i * 6 + j) / 4 - 2));
      return { y: gx as Tensor, feeds: [[x, M34], [dy, ones]] };
    },
  },
  {
    op: "LinSpace",
    name: "spaces five values between fed ends",
    grad: false,
    build: (tf, dt) => {
      const a = tf.placeholder(dt, []);
      const b = tf.placeholder(dt, []);
      return { y: tf.linspace(a, b, 5), feeds: [[a, -1], [b, 2.5]] };
    },
  },
];
