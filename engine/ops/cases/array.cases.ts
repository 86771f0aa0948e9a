/**
 * Conformance cases for the array ops (shape, join, transpose, slice, pad, gather, select).
 */
import { int32 } from "../../dtypes.js";
import type { Tensor } from "../../graph.js";
import type { OpCase } from "./types.js";

const M23 = [
  [1, -2, 3.5],
  [4, 5.5, -6],
];

export const arrayCases: OpCase[] = [
  {
    op: "Size",
    name: "counts the elements of a partly known shape",
    grad: false,
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [null, 3]);
      return { y: tf.size(x), feeds: [[x, M23]] };
    },
  },
  {
    op: "Rank",
    name: "counts the dimensions of an unknown shape",
    grad: false,
    build: (tf, dt) => {
      const x = tf.placeholder(dt);
      return { y: tf.rank(x), feeds: [[x, M23]] };
    },
  },
  {
    op: "ExpandDims",
    name: "inserts a middle dimension",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.expand_dims(x, 1), feeds: [[x, M23]] };
    },
  },
  {
    op: "ExpandDims",
    name: "inserts a last dimension with a negative axis",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [null, 3]);
      return { y: tf.expand_dims(x, -1), feeds: [[x, M23]] };
    },
  },
  {
    op: "Squeeze",
    name: "removes all dimensions of size 1",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [1, 3, 1]);
      return { y: tf.squeeze(x), feeds: [[x, [[[1], [-2.5], [3]]]]] };
    },
  },
  {
    op: "Squeeze",
    name: "removes only the listed dimension",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [1, 3, 1]);
      return { y: tf.squeeze(x, [2]), feeds: [[x, [[[1], [-2.5], [3]]]]] };
    },
  },
  {
    op: "BroadcastTo",
    name: "repeats a row",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3]);
      return { y: tf.broadcast_to(x, [2, 3]), feeds: [[x, [1, -2, 3.5]]] };
    },
  },
  {
    op: "BroadcastTo",
    name: "repeats a column into a rank-3 shape",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 1]);
      return { y: tf.broadcast_to(x, [2, 2, 3]), feeds: [[x, [[1.5], [-2]]]] };
    },
  },
  {
    op: "ConcatV2",
    name: "joins along the first axis",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 3]);
      const b = tf.placeholder(dt, [1, 3]);
      return { y: tf.concat([a, b], 0), feeds: [[a, M23], [b, [[7, 8.5, -9]]]] };
    },
  },
  {
    op: "ConcatV2",
    name: "joins three tensors along the last axis given as -1",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 3]);
      const b = tf.placeholder(dt, [2, 1]);
      const c = tf.placeholder(dt, [null, 2]);
      return { y: tf.concat([a, b, c], -1), feeds: [[a, M23], [b, [[7], [8]]], [c, [[0.5, 1], [2, -3]]]] };
    },
  },
  {
    op: "ConcatOffset",
    name: "is built by the gradient of concat",
    grad: false,
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 3]);
      const b = tf.placeholder(dt, [2, 2]);
      const [ga] = tf.gradients(tf.concat([a, b], 1), [a]);
      return { y: ga as Tensor, feeds: [[a, M23], [b, [[1, 2], [3, 4]]]] };
    },
  },
  {
    op: "Pack",
    name: "stacks along a middle axis",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 3]);
      const b = tf.placeholder(dt, [2, 3]);
      return { y: tf.stack([a, b], 1), feeds: [[a, M23], [b, [[0.5, 1, 1.5], [2, 2.5, 3]]]] };
    },
  },
  {
    op: "Pack",
    name: "stacks scalars",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, []);
      const b = tf.placeholder(dt, []);
      return { y: tf.stack([a, b, a]), feeds: [[a, 1.5], [b, -2]] };
    },
  },
  {
    op: "Unpack",
    name: "takes one column",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.unstack(x, { axis: 1 })[2], feeds: [[x, M23]] };
    },
  },
  {
    op: "Unpack",
    name: "uses two outputs",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      const [r0, r1] = tf.unstack(x);
      return { y: tf.multiply(r0, r1), feeds: [[x, M23]] };
    },
  },
  {
    op: "Transpose",
    name: "reverses the dimensions by default",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.transpose(x), feeds: [[x, M23]] };
    },
  },
  {
    op: "Transpose",
    name: "permutes a rank-3 tensor",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 1, 3]);
      return { y: tf.transpose(x, [2, 0, 1]), feeds: [[x, [[[1, 2, 3]], [[-4, 5.5, 6]]]]] };
    },
  },
  {
    op: "InvertPermutation",
    name: "inverts a fed permutation",
    grad: false,
    build: (tf) => {
      const p = tf.placeholder(int32, [3]);
      return { y: tf.invert_permutation(p), feeds: [[p, [2, 0, 1]]] };
    },
  },
  {
    op: "Slice",
    name: "takes a block with size -1",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 3]);
      return { y: tf.slice(x, [1, 1], [2, -1]), feeds: [[x, [[1, 2, 3], [4, -5, 6], [7.5, 8, 9]]]] };
    },
  },
  {
    op: "StridedSlice",
    name: "takes every other column in reverse",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 4]);
      return { y: tf.strided_slice(x, [0, -1], [2, 0], [1, -2], { end_mask: 2 }), feeds: [[x, [[1, 2, 3, 4], [5, 6.5, -7, 8]]]] };
    },
  },
  {
    op: "StridedSlice",
    name: "shrinks an index and adds a new axis",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 2]);
      return { y: tf.strided_slice(x, [1, 0], [2, 0], [1, 1], { shrink_axis_mask: 1, new_axis_mask: 2 }), feeds: [[x, [[1, 2], [3.5, -4], [5, 6]]]] };
    },
  },
  {
    op: "StridedSliceGrad",
    name: "scatters a gradient back into the input's shape",
    noGradFor: [0],
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 2]);
      const dy = tf.placeholder(dt, [2, 2]);
      const [gx] = tf.gradients(tf.strided_slice(x, [0, 0], [3, 2], [2, 1]), [x], { grad_ys: [dy] });
      return { y: gx as Tensor, feeds: [[x, [[1, 2], [3, 4], [5, 6]]], [dy, [[0.5, -1], [2, 3]]]] };
    },
  },
  {
    op: "Pad",
    name: "pads with zeros",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.pad(x, [[1, 0], [0, 2]]), feeds: [[x, M23]] };
    },
  },
  {
    op: "PadV2",
    name: "pads with a constant",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.pad(x, [[0, 1], [1, 1]], { constant_values: tf.constant(9, dt) }), feeds: [[x, M23]] };
    },
  },
  {
    op: "Tile",
    name: "repeats a matrix in both dimensions",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.tile(x, [2, 3]), feeds: [[x, M23]] };
    },
  },
  {
    op: "GatherV2",
    name: "gathers rows, one twice",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 2]);
      return { y: tf.gather(x, [2, 0, 2]), feeds: [[x, [[1, 2], [3.5, -4], [5, 6]]]] };
    },
  },
  {
    op: "GatherV2",
    name: "gathers columns with axis 1",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.gather(x, [1, 1, 0], { axis: 1 }), feeds: [[x, M23]] };
    },
  },
  {
    op: "OneHot",
    name: "encodes fed indices",
    grad: false,
    build: (tf, dt) => {
      const i = tf.placeholder(int32, [null]);
      return { y: tf.one_hot(i, 3, { dtype: dt }), feeds: [[i, [0, 2, -1, 1]]] };
    },
  },
  {
    op: "UnsortedSegmentSum",
    name: "sums rows by segment, dropping negative ids",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [4, 2]);
      return { y: tf.unsorted_segment_sum(x, [0, 2, 0, -1], 3), feeds: [[x, [[1, 2], [3, 4], [5.5, -6], [7, 8]]]] };
    },
  },
  {
    op: "Select",
    name: "picks elementwise",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 2]);
      const b = tf.placeholder(dt, [2, 2]);
      return { y: tf.where([[true, false], [false, true]], a, b), feeds: [[a, [[1, 2], [3, 4]]], [b, [[-1, -2.5], [-3, -4]]]] };
    },
  },
  {
    op: "Select",
    name: "picks rows with a vector condition",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 2]);
      const b = tf.placeholder(dt, [2, 2]);
      return { y: tf.where([false, true], a, b), feeds: [[a, [[1, 2], [3, 4]]], [b, [[-1, -2.5], [-3, -4]]]] };
    },
  },
  {
    op: "Where",
    name: "lists the coordinates of non-zero elements",
    grad: false,
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.where(x), feeds: [[x, [[0, 1, 0], [2, 0, 3]]]] };
    },
  },
  {
    op: "ShapeN",
    name: "gives the shapes of tensors with unknown dims",
    grad: false,
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [null, 3]);
      const b = tf.placeholder(dt);
      return { y: tf.shape_n([a, b])[1], feeds: [[a, M23], [b, [1, 2]]] };
    },
  },
  {
    op: "ListDiff",
    name: "keeps the values missing from the second list",
    grad: false,
    build: (tf) => {
      const x = tf.placeholder(int32, [null]);
      return { y: tf.setdiff1d(x, [2, 4])[1], feeds: [[x, [1, 2, 3, 4, 5]]] };
    },
  },
  {
    op: "PreventGradient",
    name: "is built by the sparse cross entropy's gradient",
    grad: false,
    build: (tf, dt) => {
      const logits = tf.placeholder(dt, [2, 3]);
      const loss = tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: [0, 2], logits });
      const [g] = tf.gradients(loss, [logits]);
      return { y: g as Tensor, feeds: [[logits, M23]] };
    },
  },
];
