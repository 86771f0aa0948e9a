/**
 * Conformance cases for the ops that cut and reorder along axes: Split, SplitV, ReverseV2,
 * Roll. A split's outputs are summed with distinct weights, so the gradient check sees every
 * piece and where it came from.
 */
import type { Tensor } from "../../graph.js";
import type { TF } from "../../tf.js";
import type { OpCase } from "./types.js";
import { diagonalCases } from "./diagonal.cases.js";
import { scatterCases } from "./scatter.cases.js";
import { unaryMoreCases } from "./unary_more.cases.js";

const M34 = [
  [1, -2, 3.5, 0.25],
  [4, 5.5, -6, 2],
  [-0.5, 7, 1.5, -3],
];

/** A weighted sum of the pieces' totals: each piece's gradient differs. */
function weighted(tf: TF, parts: Tensor[]): Tensor {
  return tf.add_n(parts.map((p, i) => tf.reduce_sum(tf.multiply(p, tf.cast(i + 1, p.dtype)))));
}

const splitReverseRollCases: OpCase[] = [
  {
    op: "Split",
    name: "cuts the columns of a matrix into two equal halves",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 4]);
      return { y: tf.split(x, 2, 1)[1], feeds: [[x, M34]] };
    },
  },
  {
    op: "Split",
    name: "cuts the rows into three, with a negative axis and all pieces used",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 4]);
      return { y: weighted(tf, tf.split(x, 3, -2)), feeds: [[x, M34]] };
    },
  },
  {
    op: "Split",
    name: "cuts a vector of unknown length",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [null]);
      return { y: tf.split(x, 2)[0], feeds: [[x, [1, 2.5, -3, 4]]] };
    },
  },
  {
    op: "SplitV",
    name: "cuts columns into sizes 1 and 3",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 4]);
      return { y: weighted(tf, tf.split(x, [1, 3], 1)), feeds: [[x, M34]] };
    },
  },
  {
    op: "SplitV",
    name: "infers the size given as -1",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 4]);
      return { y: tf.split(x, [-1, 1], 0)[0], feeds: [[x, M34]] };
    },
  },
  {
    op: "ReverseV2",
    name: "reverses the columns of a matrix",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 4]);
      return { y: tf.reverse(x, [1]), feeds: [[x, M34]] };
    },
  },
  {
    op: "ReverseV2",
    name: "reverses both axes, one given as negative",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 4]);
      return { y: tf.reverse(x, [0, -1]), feeds: [[x, M34]] };
    },
  },
  {
    op: "Roll",
    name: "rolls a vector forward by two",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [5]);
      return { y: tf.roll(x, 2, 0), feeds: [[x, [1, -2, 3.5, 0.25, 4]]] };
    },
  },
  {
    op: "Roll",
    name: "rolls a matrix along both axes, one shift negative",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 4]);
      return { y: tf.roll(x, [1, -3], [0, 1]), feeds: [[x, M34]] };
    },
  },
{
    op: "ReverseSequence",
    name: "reverses each row's first seq_lengths entries along seq_dim 1",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 4]);
      return { y: tf.reverse_sequence(x, [4, 0, 2], 1), feeds: [[x, [[1, -2, 3.5, 4], [5, 6.5, -7, 8], [9, 10, 11.5, -12]]]] };
    },
  },
  {
    op: "ReverseSequence",
    name: "reverses along seq_dim 0 per column of batch_dim 2 (rank 3, unknown batch)",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 1, null]);
      return { y: tf.reverse_sequence(x, tf.constant([3, 1], tf.int32), 0, 2), feeds: [[x, [[[1, 2]], [[3.5, -4]], [[5, 6.5]]]]] };
    },
  },
];

/** This case tables, listed once in index.ts through this one. */
export const reorderCases: OpCase[] = [...splitReverseRollCases, ...diagonalCases, ...scatterCases, ...unaryMoreCases];
