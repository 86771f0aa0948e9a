/**
 * Conformance cases for the sparse variable writes (ScatterUpdate/Add/Sub and the Nd forms):
 * static shapes against what the kernels write; NotDifferentiable, so no gradient check.
 */
import type { OpCase } from "./types.js";

const rows = (op: string, name: string, f: "scatter_update" | "scatter_add" | "scatter_sub"): OpCase => ({
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
  tuples("ScatterNdUpdate", "writes two elements of a variable", "scatter_nd_update"),
  tuples("ScatterNdAdd", "adds to two elements of a variable", "scatter_nd_add"),
  tuples("ScatterNdSub", "subtracts from two elements of a variable", "scatter_nd_sub"),
];
