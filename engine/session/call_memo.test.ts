import { describe, expect, it } from "vitest";
import { createTF } from "../tf.js";
import type { RunRecord } from "../records.js";
import type { Tensor } from "../graph.js";
import { plain } from "../testing/plain.js";

/** x + y and x * y over two scalar placeholders, with every run's record kept. */
function setup() {
  const records: RunRecord[] = [];
  const tf = createTF({ onRun: (r) => records.push(r) });
  const x = tf.placeholder(tf.float32, [], { name: "x" });
  const y = tf.placeholder(tf.float32, [], { name: "y" });
  const sum = tf.add(x, y);
  const prod = tf.multiply(x, y);
  const sess = tf.Session();
  /** `{[x]: a, [y]: b}` as a learner writes it (tensors as computed keys). */
  const feeds = (a: number, b: number, first: Tensor = x, second: Tensor = y) => ({ [String(first)]: first === x ? a : b, [String(second)]: second === x ? a : b });
  return { tf, x, y, sum, prod, sess, feeds, records };
}

describe("sess.run on a repeated call shape", () => {
  it("gives each step its own values and records, with one plan, as the first call did", () => {
    const { sess, sum, prod, feeds, records } = setup();
    for (let i = 0; i < 50; i++) expect(plain(sess.run([sum, prod], { feed_dict: feeds(i, 2) }))).toEqual([i + 2, i * 2]);
    expect(new Set(records.map((r) => r.plan)).size).toBe(1);
    expect(records.map((r) => r.index)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("follows a change of feed keys, key order, fetch structure or feed container", () => {
    const { sess, x, y, sum, prod, feeds } = setup();
    sess.run([sum, prod], { feed_dict: feeds(1, 2) });
    sess.run([sum, prod], { feed_dict: feeds(1, 2) });
    // The keys in the other order: the same values.
    expect(plain(sess.run([sum, prod], { feed_dict: feeds(3, 4, y, x) }))).toEqual([7, 12]);
    // Names as keys, a Map, [tensor, value] pairs.
    expect(plain(sess.run([sum, prod], { feed_dict: { "x:0": 5, "y:0": 6 } }))).toEqual([11, 30]);
    expect(plain(sess.run([sum, prod], { feed_dict: new Map([[x, 2], [y, 2]]) }))).toEqual([4, 4]);
    expect(plain(sess.run([sum, prod], { feed_dict: [[x, 1], [y, 1]] }))).toEqual([2, 1]);
    // Another fetch structure, then back to the list.
    expect(plain(sess.run({ s: sum, p: [prod] }, { feed_dict: feeds(2, 5) }))).toEqual({ s: 7, p: [10] });
    expect(plain(sess.run(sum, { feed_dict: feeds(2, 5) }))).toBe(7);
    expect(plain(sess.run([sum, prod], { feed_dict: feeds(2, 5) }))).toEqual([7, 10]);
  });

  it("alternates between two call shapes without mixing their feeds", () => {
    const { sess, sum, prod, feeds } = setup();
    for (let i = 0; i < 20; i++) {
      expect(plain(sess.run(sum, { feed_dict: feeds(i, 1) }))).toBe(i + 1);
      expect(plain(sess.run([prod, sum], { feed_dict: feeds(i, 3) }))).toEqual([i * 3, i + 3]);
    }
  });

  it("still raises TF's errors when a repeated call goes wrong", () => {
    const { sess, sum, x, feeds } = setup();
    sess.run(sum, { feed_dict: feeds(1, 2) });
    sess.run(sum, { feed_dict: feeds(1, 2) });
    expect(() => sess.run(sum, { feed_dict: { [String(x)]: 1 } })).toThrow(/You must feed a value for placeholder tensor 'y'/);
    expect(() => sess.run(sum, { feed_dict: { [String(x)]: "a", "y:0": 1 } })).toThrow(/could not convert string to float/);
    sess.close();
    expect(() => sess.run(sum, { feed_dict: feeds(1, 2) })).toThrow("Attempted to use a closed Session.");
  });
});
