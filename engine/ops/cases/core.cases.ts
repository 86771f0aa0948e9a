/**
 * Conformance cases for core, state and logging ops.
 */
import type { OpCase } from "./types.js";

export const coreCases: OpCase[] = [
  {
    op: "Const",
    name: "holds a matrix",
    build: (tf, dt) => ({ y: tf.constant([[1, 2], [3, 4]], dt), feeds: [] }),
  },
  {
    op: "Placeholder",
    name: "passes the fed value",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [null, 2]);
      return { y: tf.identity(x), feeds: [[x, [[1, 2], [3, 4], [5, 6]]]] };
    },
  },
  {
    op: "PlaceholderWithDefault",
    name: "uses its default when not fed",
    build: (tf, dt) => ({ y: tf.placeholder_with_default(tf.constant([1, 2, 3], dt), [null]), feeds: [] }),
  },
  {
    op: "Identity",
    name: "passes a vector through",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3]);
      return { y: tf.identity(x), feeds: [[x, [1, -2, 3]]] };
    },
  },
  {
    op: "StopGradient",
    name: "passes a value through",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2]);
      return { y: tf.stop_gradient(x), feeds: [[x, [1, 2]]] };
    },
  },
  {
    op: "NoOp",
    name: "runs its control inputs",
    build: (tf) => ({ y: tf.no_op(), feeds: [] }),
  },
  {
    op: "VariableV2",
    name: "holds its initial value",
    build: (tf, dt) => {
      const v = tf.Variable(tf.constant([1, 2], dt));
      return { y: tf.identity(v), feeds: [] };
    },
  },
  {
    op: "Assign",
    name: "writes a value",
    build: (tf, dt) => {
      const v = tf.Variable(tf.constant([1, 2], dt));
      return { y: tf.assign(v, tf.constant([3, 4], dt)), feeds: [] };
    },
  },
  {
    op: "StridedSliceAssign",
    name: "writes a slice of a variable (v[1:3].assign)",
    build: (tf, dt) => {
      const v = tf.Variable(tf.constant([1, 2, 3, 4], dt));
      return { y: v.slice(1, 3).assign(tf.constant([7, 8], dt)), feeds: [] };
    },
  },
  {
    op: "AssignAdd",
    name: "adds in place",
    build: (tf, dt) => {
      const v = tf.Variable(tf.constant([1, 2], dt));
      return { y: tf.assign_add(v, tf.constant([3, 4], dt)), feeds: [] };
    },
  },
  {
    op: "AssignSub",
    name: "subtracts in place",
    build: (tf, dt) => {
      const v = tf.Variable(tf.constant([1, 2], dt));
      return { y: tf.assign_sub(v, tf.constant([3, 4], dt)), feeds: [] };
    },
  },
  {
    op: "IsVariableInitialized",
    name: "reports initialization",
    build: (tf, dt) => {
      const v = tf.Variable(tf.constant([1, 2], dt));
      return { y: tf.is_variable_initialized(v), feeds: [] };
    },
  },
  {
    op: "Print",
    name: "passes its input through",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2]);
      return { y: tf.Print(x, [x], "x: "), feeds: [[x, [1.5, 2]]] };
    },
  },
  {
    op: "Add",
    name: "broadcasts a row over a matrix",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 3]);
      const b = tf.placeholder(dt, [3]);
      return { y: tf.add(a, b), feeds: [[a, [[1, 2, 3], [4, 5, 6]]], [b, [0.5, -1, 2]]] };
    },
  },
  {
    op: "Add",
    name: "adds scalars",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, []);
      const b = tf.placeholder(dt, []);
      return { y: tf.add(a, b), feeds: [[a, 1.5], [b, -2]] };
    },
  },
  {
    op: "Sub",
    name: "broadcasts a column",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 3]);
      const b = tf.placeholder(dt, [2, 1]);
      return { y: tf.subtract(a, b), feeds: [[a, [[1, 2, 3], [4, 5, 6]]], [b, [[0.5], [-1]]]] };
    },
  },
  {
    op: "Mul",
    name: "uses one input twice",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [3]);
      return { y: tf.multiply(a, a), feeds: [[a, [1.5, -2, 3]]] };
    },
  },
  {
    op: "Mul",
    name: "broadcasts a scalar",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 2]);
      const b = tf.placeholder(dt, []);
      return { y: tf.multiply(a, b), feeds: [[a, [[1, 2], [3, 4]]], [b, 0.5]] };
    },
  },
];
