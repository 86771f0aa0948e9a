/**
 * Summary ops, and checkpoint ops: a Saver's SaveV2 writes a checkpoint; its RestoreV2 reads one back (the case
 * saves first, in a session of its own, so the file exists when the test's session restores).
 */
import type { OpCase } from "./types.js";

export const ioCases: OpCase[] = [
  {
    op: "ScalarSummary",
    name: "summarizes a scalar under its tag",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, []);
      return { y: tf.summary.scalar("x", tf.multiply(x, 2.0)), feeds: [[x, 1.5]] };
    },
    grad: false,
  },
  {
    op: "HistogramSummary",
    name: "summarizes a tensor's values in TF's buckets",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 2]);
      return { y: tf.summary.histogram("h", x), feeds: [[x, [[1, -2], [0.5, 3]]]] };
    },
    grad: false,
  },
  {
    op: "MergeSummary",
    name: "merges summaries into one",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, []);
      tf.summary.scalar("a", x);
      tf.summary.histogram("b", x);
      return { y: tf.summary.merge_all()!, feeds: [[x, 2]] };
    },
    grad: false,
  },
  {
    op: "SaveV2",
    name: "writes the variables of a Saver",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2]);
      const v = tf.Variable(tf.constant([1, 2], dt), { name: "v" });
      tf.train.Saver([v]);
      const save = tf.get_default_graph().get_operation_by_name("save/SaveV2");
      return { y: tf.get_default_graph().control_dependencies([save], () => tf.identity(x)), feeds: [[x, [3, 4]]] };
    },
    grad: false,
  },
  {
    op: "RestoreV2",
    name: "reads back what SaveV2 wrote",
    build: (tf, dt) => {
      const v = tf.Variable(tf.constant([[1, 2, 3]], dt), { name: "v" });
      const saver = tf.train.Saver([v]);
      const sess = tf.Session();
      sess.run(v.initializer);
      saver.save(sess, "model");
      return { y: tf.get_default_graph().get_tensor_by_name("save/RestoreV2:0"), feeds: [] };
    },
    grad: false,
  },
];
