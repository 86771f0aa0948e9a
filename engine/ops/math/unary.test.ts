import { describe, expect, it } from "vitest";
import { evalSetup } from "../../testing/session.js";

const setup = evalSetup;

describe("unary math", () => {
  it("rounds halves to even (banker's rounding) and keeps -0", () => {
    const { tf, run } = setup();
    expect(run(tf.round(tf.constant([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999])))).toEqual([0, 2, 2, -0, -2, -2, 2]);
    expect(Object.is((run(tf.round(tf.constant([-0.5]))) as number[])[0], -0)).toBe(true);
  });

  it("returns int32 tensors from tf.round unchanged, without an op", () => {
    const { tf } = setup();
    const x = tf.constant([1, 2]);
    expect(tf.round(x)).toBe(x);
  });

  it("gives float32 results of exp and log rounded to float32", () => {
    const { tf, run } = setup();
    expect(run(tf.exp(tf.constant(1, tf.float32)))).toBe(Math.fround(Math.E));
    expect(run(tf.log(tf.constant(10, tf.float32)))).toBe(Math.fround(Math.log(10)));
  });

  it("computes float32 sigmoid and tanh with Eigen's rational approximations, as TF does", () => {
    const { tf, run } = setup();
    // The correctly rounded values would be 0.622459352016449 and 0.0996679961681366.
    expect(run(tf.sigmoid(tf.constant([0, 0.5, 1], tf.float32)))).toEqual([0.5, 0.6224592924118042, 0.7310585975646973]);
    expect(run(tf.tanh(tf.constant([0.1, 1, 20], tf.float32)))).toEqual([0.099667988717556, 0.7615941762924194, 1]);
    // Eigen clamps the input to [-18, 18], where its interpolant reaches 0 and 1.
    expect(run(tf.sigmoid(tf.constant([-100, 100], tf.float32)))).toEqual([0, 1]);
    // float64 keeps the exact formulas.
    expect(run(tf.sigmoid(tf.constant(0.5, tf.float64)))).toBe(1 / (1 + Math.exp(-0.5)));
  });

  it("computes float32 log, sin and cos as glibc's logf, sinf and cosf (not always the correctly rounded value)", () => {
    const { tf, run } = setup();
    // Correctly rounded: 1.5654232501983643, 0.6765685081481934.
    expect(run(tf.log(tf.constant(4.7846999168396, tf.float32)))).toBe(1.5654233694076538);
    expect(run(tf.sin(tf.constant(2.3984999656677246, tf.float32)))).toBe(0.6765685677528381);
    expect(run(tf.cos(tf.constant(0, tf.float32)))).toBe(1);
  });

  it("rounds the square root before the division in float32 rsqrt, as Eigen's scalar rsqrt does", () => {
    const { tf, run } = setup();
    // The once-rounded 1/sqrt(6.66) would be 0.3874921202659607.
    expect(run(tf.rsqrt(tf.constant(6.66, tf.float32)))).toBe(0.3874921500682831);
  });

  it("keeps float64 results in float64", () => {
    const { tf, run } = setup();
    expect(run(tf.sqrt(tf.constant(2, tf.float64)))).toBe(Math.SQRT2);
  });

  it("computes signs, absolute values and negation of ints, wrapping INT32_MIN", () => {
    const { tf, run } = setup();
    expect(run(tf.sign(tf.constant([-3, 0, 7])))).toEqual([-1, 0, 1]);
    expect(run(tf.abs(tf.constant([-3, -2147483648])))).toEqual([3, -2147483648]);
    expect(run(tf.negative(tf.constant(-2147483648)))).toBe(-2147483648);
  });

  it("floors and ceils floats", () => {
    const { tf, run } = setup();
    expect(run(tf.floor(tf.constant([1.5, -1.5])))).toEqual([1, -2]);
    expect(run(tf.ceil(tf.constant([1.5, -1.5])))).toEqual([2, -1]);
  });

  it("refuses ints where TF's list has only floats", () => {
    const { tf } = setup();
    expect(() => tf.sqrt(tf.constant(4))).toThrow(
      "Value passed to parameter 'x' has DataType int32 not in list of allowed values: bfloat16, float16, float32, float64, complex64, complex128",
    );
    expect(() => tf.floor(tf.constant(4))).toThrow("Value passed to parameter 'x' has DataType int32 not in list of allowed values: bfloat16, float16, float32, float64");
  });
});
