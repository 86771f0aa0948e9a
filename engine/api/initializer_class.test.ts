/**
 * TF 1.x's initializers are classes (`tf.zeros_initializer` is `init_ops.Zeros`): a program may
 * pass the class itself, un-called, where an initializer is expected, as TF's Save/Restore
 * guide does (`tf.get_variable("v1", shape=[3], initializer = tf.zeros_initializer)`).
 */
import { describe, expect, it } from "vitest";
import { createTF } from "../tf.js";
import { pyRepr } from "../format/python.js";
import { plain } from "../testing/plain.js";

describe("initializer classes", () => {
  it("are instantiated by get_variable when passed un-called, building the same nodes as an instance", () => {
    const tf = createTF();
    const v1 = tf.get_variable("v1", [3], { initializer: tf.zeros_initializer });
    const v2 = tf.get_variable("v2", [5], { initializer: tf.zeros_initializer() });
    const names = tf
      .get_default_graph()
      .get_operations()
      .map((o) => o.name);
    expect(names).toEqual(["v1/Initializer/zeros", "v1", "v1/Assign", "v1/read", "v2/Initializer/zeros", "v2", "v2/Assign", "v2/read"]);
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    expect(plain(sess.run(v1))).toEqual([0, 0, 0]);
    expect(plain(sess.run(v2))).toEqual([0, 0, 0, 0, 0]);
  });

  it("take the variable's dtype, since the class is made without arguments", () => {
    const tf = createTF();
    const w = tf.get_variable("w", [2], { dtype: tf.int32, initializer: tf.ones_initializer });
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    expect(pyRepr(sess.run(w))).toBe("array([1, 1], dtype=int32)");
  });

  it("work as a variable scope's default and as a dense layer's kernel and bias initializers", () => {
    const tf = createTF();
    const u = tf.variable_scope("s", { initializer: tf.ones_initializer }, () => tf.get_variable("u", [1]));
    expect(u.initial_value.name).toBe("s/u/Initializer/ones:0");
    const y = tf.layers.dense(tf.ones([1, 2]), 3, { kernel_initializer: tf.ones_initializer, bias_initializer: tf.zeros_initializer });
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    expect(pyRepr(sess.run(y))).toBe("array([[2., 2., 2.]], dtype=float32)");
  });

  it("print as Python prints TF's classes and their instances", () => {
    const tf = createTF();
    expect(pyRepr(tf.zeros_initializer)).toBe("<class 'tensorflow.python.ops.init_ops.Zeros'>");
    expect(pyRepr(tf.random_uniform_initializer)).toBe("<class 'tensorflow.python.ops.init_ops.RandomUniform'>");
    expect(pyRepr(new tf.zeros_initializer())).toBe("<tensorflow.python.ops.init_ops.Zeros object>");
  });
});
