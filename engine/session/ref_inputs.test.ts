/**
 * Refs handed on by ops: an update returns its variable's ref (TF 1.x), and whatever reads
 * that ref runs after the update — chained updates, and a tf.cond returning an update made
 * outside it (the lesson on conditionals).
 */
import { describe, expect, it } from "vitest";
import { createTF } from "../tf.js";
import { NpScalar } from "../numpy/scalar.js";

const num = (v: unknown) => (v instanceof NpScalar ? v.item() : v);

describe("a ref handed on by an op", () => {
  it("makes a chained update run its inner update first, on the same variable", () => {
    const tf = createTF({});
    const v = tf.Variable(1);
    const a = tf.assign_add(tf.assign(v, 5), 1);
    expect(String(a)).toBe('Tensor("AssignAdd:0", shape=(), dtype=int32_ref)');
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    expect(num(sess.run(a))).toBe(6);
    expect(num(sess.run(v))).toBe(6);
  });

  it("lets a tf.cond return an update made outside it: the update runs whichever branch is taken", () => {
    const tf = createTF({});
    const count = tf.Variable(0, { name: "count" });
    const bump = tf.assign_add(count, 1);
    const x = tf.placeholder(tf.int32, [], "x");
    const result = tf.cond(tf.less(x, 5), () => bump, () => tf.identity(count));
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    expect(num(sess.run(result, { feed_dict: new Map([[x, 1]]) }))).toBe(1);
    expect(num(sess.run(result, { feed_dict: new Map([[x, 9]]) }))).toBe(2);
    expect(num(sess.run(count))).toBe(2);
  });
});
