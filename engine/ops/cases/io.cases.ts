/**
 * Checkpoint ops: a Saver's SaveV2 writes a checkpoint; its RestoreV2 reads one back (the case
 * saves first, in a session of its own, so the file exists when the test's session restores).
 */
import type { OpCase } from "./types.js";

export const ioCases: OpCase[] = [
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
