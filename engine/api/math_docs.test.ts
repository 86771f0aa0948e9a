/**
 * The examples in TF 1.14's math_ops.py docstrings, with the outputs those docstrings give.
 */
import { describe, expect, it } from "vitest";
import { evalSetup } from "../testing/session.js";
import { PyFloat } from "../pyfloat.js";

const f = (x: number) => new PyFloat(x);

const setup = evalSetup;

describe("math_ops.py docstring examples", () => {
  it("reduce_sum", () => {
    const { tf, run } = setup();
    const x = tf.constant([
      [1, 1, 1],
      [1, 1, 1],
    ]);
    expect(run(tf.reduce_sum(x))).toBe(6);
    expect(run(tf.reduce_sum(x, 0))).toEqual([2, 2, 2]);
    expect(run(tf.reduce_sum(x, 1))).toEqual([3, 3]);
    expect(run(tf.reduce_sum(x, 1, true))).toEqual([[3], [3]]);
    expect(run(tf.reduce_sum(x, [0, 1]))).toBe(6);
  });

  it("reduce_mean, including its int32 note", () => {
    const { tf, run } = setup();
    const x = tf.constant([
      [f(1), f(1)],
      [f(2), f(2)],
    ]);
    expect(run(tf.reduce_mean(x))).toBe(1.5);
    expect(run(tf.reduce_mean(x, 0))).toEqual([1.5, 1.5]);
    expect(run(tf.reduce_mean(x, 1))).toEqual([1, 2]);
    expect(run(tf.reduce_mean(tf.constant([1, 0, 1, 0])))).toBe(0);
  });

  it("reduce_all and reduce_any", () => {
    const { tf, run } = setup();
    const x = tf.constant([
      [true, true],
      [false, false],
    ]);
    expect(run(tf.reduce_all(x))).toBe(false);
    expect(run(tf.reduce_all(x, 0))).toEqual([false, false]);
    expect(run(tf.reduce_all(x, 1))).toEqual([true, false]);
    expect(run(tf.reduce_any(x))).toBe(true);
    expect(run(tf.reduce_any(x, 0))).toEqual([true, true]);
    expect(run(tf.reduce_any(x, 1))).toEqual([true, false]);
  });

  it("cast", () => {
    const { tf, run } = setup();
    const x = tf.constant([1.8, 2.2], tf.float32);
    expect(run(tf.cast(x, tf.int32))).toEqual([1, 2]);
  });

  it("round", () => {
    const { tf, run } = setup();
    const x = tf.constant([0.9, 2.5, 2.3, 1.5, -4.5]);
    expect(run(tf.round(x))).toEqual([1, 2, 2, 2, -4]);
  });

  it("pow", () => {
    const { tf, run } = setup();
    const x = tf.constant([
      [2, 2],
      [3, 3],
    ]);
    const y = tf.constant([
      [8, 16],
      [2, 3],
    ]);
    expect(run(tf.pow(x, y))).toEqual([
      [256, 65536],
      [9, 27],
    ]);
  });

  it("matmul of matrices and of batches", () => {
    const { tf, run } = setup();
    const a = tf.constant([1, 2, 3, 4, 5, 6], null, [2, 3]);
    const b = tf.constant([7, 8, 9, 10, 11, 12], null, [3, 2]);
    expect(run(tf.matmul(a, b))).toEqual([
      [58, 64],
      [139, 154],
    ]);
    const a3 = tf.constant(Array.from({ length: 12 }, (_, i) => i + 1), tf.int32, [2, 2, 3]);
    const b3 = tf.constant(Array.from({ length: 12 }, (_, i) => i + 13), tf.int32, [2, 3, 2]);
    expect(run(tf.matmul(a3, b3))).toEqual([
      [
        [94, 100],
        [229, 244],
      ],
      [
        [508, 532],
        [697, 730],
      ],
    ]);
  });

  it("cumsum with exclusive and reverse", () => {
    const { tf, run } = setup();
    const x = tf.constant([1, 2, 3]);
    expect(run(tf.cumsum(x))).toEqual([1, 3, 6]);
    expect(run(tf.cumsum(x, { exclusive: true }))).toEqual([0, 1, 3]);
    expect(run(tf.cumsum(x, { reverse: true }))).toEqual([6, 5, 3]);
    expect(run(tf.cumsum(x, { exclusive: true, reverse: true }))).toEqual([5, 3, 0]);
  });

  it("range", () => {
    const { tf, run } = setup();
    expect(run(tf.range(3, 18, 3))).toEqual([3, 6, 9, 12, 15]);
    expect(run(tf.range(3, 1, -0.5))).toEqual([3, 2.5, 2, 1.5]);
    expect(run(tf.range(5))).toEqual([0, 1, 2, 3, 4]);
  });

  it("add_n", () => {
    const { tf, run } = setup();
    const a = tf.constant([
      [3, 5],
      [4, 8],
    ]);
    const b = tf.constant([
      [1, 6],
      [2, 9],
    ]);
    expect(run(tf.add_n([a, b, a]))).toEqual([
      [7, 16],
      [10, 25],
    ]);
  });

  it("argmax", () => {
    const { tf, run } = setup();
    const a = tf.constant([1, 10, 26.9, 2.8, 166.32, 62.3]);
    expect(run(tf.argmax(a))).toBe(4);
  });
});
