/**
 * Conformance cases for the sparse variable writes (ScatterUpdate/Add/Sub/Mul/Div/Min/Max and
 * the Nd forms):
 * static shapes against what the kernels write; NotDifferentiable, so no gradient check. Also
 * SegmentProd, for which TF 1.15 registers no gradient.
 */
import type { OpCase } from "./types.js";

const rows = (op: string, name: string, f: "scatter_update" | "scatter_add" | "scatter_sub" | "scatter_mul" | "scatter_div" | "scatter_min" | "scatter_max"): OpCase => ({
  op,
  name,
  grad: false,
  build: (tf, dt) => {
    const v = tf.Variable(tf.constant([[1, 2], [3, 4], [5, 6]], dt));
    return { y: tf[f](v, [2, 0], tf.constant([[10, 20], [30, 40]], dt)), feeds: [] };
  },
});

const tuples = (op: string, name: string, f: "scatter_nd_update" | "scatter_nd_add" | "scatter_nd_sub"): OpCase => ({
  op,
  name,
  grad: false,
  build: (tf, dt) => {
    const v = tf.Variable(tf.constant([[1, 2], [3, 4], [5, 6]], dt));
    return { y: tf[f](v, [[0, 1], [2, 0]], tf.constant([7, 8], dt)), feeds: [] };
  },
});

export const scatterCases: OpCase[] = [
  rows("ScatterUpdate", "writes two rows of a variable", "scatter_update"),
  rows("ScatterAdd", "adds to two rows of a variable", "scatter_add"),
  rows("ScatterSub", "subtracts from two rows of a variable", "scatter_sub"),
  rows("ScatterMul", "multiplies two rows of a variable", "scatter_mul"),
  rows("ScatterDiv", "divides two rows of a variable", "scatter_div"),
  rows("ScatterMin", "keeps the smaller values in two rows of a variable", "scatter_min"),
  rows("ScatterMax", "keeps the larger values in two rows of a variable", "scatter_max"),
  tuples("ScatterNdUpdate", "writes two elements of a variable", "scatter_nd_update"),
  tuples("ScatterNdAdd", "adds to two elements of a variable", "scatter_nd_add"),
  tuples("ScatterNdSub", "subtracts from two elements of a variable", "scatter_nd_sub"),
  {
    op: "SegmentProd",
    name: "multiplies sorted segments of rows, an empty segment giving 1",
    grad: false,
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 2]);
      return { y: tf.segment_prod(x, [0, 0, 2]), feeds: [[x, [[1, -2], [3.5, 0.5], [4, 2]]]] };
    },
  },
];
