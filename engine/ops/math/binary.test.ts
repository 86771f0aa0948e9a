import { describe, expect, it } from "vitest";
import { evalSetup } from "../../testing/session.js";
import type { Tensor } from "../../graph.js";

const setup = evalSetup;

describe("int32 arithmetic", () => {
  it("wraps around on overflow as C++ int32 does", () => {
    const { tf, run } = setup();
    expect(run(tf.add(tf.constant(2147483647), 1))).toBe(-2147483648);
    expect(run(tf.subtract(tf.constant(-2147483648), 1))).toBe(2147483647);
    expect(run(tf.multiply(tf.constant(65536), 65536))).toBe(0);
    expect(run(tf.multiply(tf.constant(46341), 46341))).toBe(-2147479015);
  });

  it("floors quotients toward negative infinity, like Python's //", () => {
    const { tf, run } = setup();
    expect(run(tf.floordiv(tf.constant([7, -7, 7, -7]), tf.constant([2, 2, -2, -2])))).toEqual([3, -4, -4, 3]);
  });

  it("gives remainders the divisor's sign, like Python's %", () => {
    const { tf, run } = setup();
    expect(run(tf.floormod(tf.constant([7, -7, 7, -7, -6]), tf.constant([3, 3, -3, -3, 3])))).toEqual([1, 2, -2, -1, 0]);
  });

  it("reports TF's error for an integer division by zero", () => {
    const { tf, sess } = setup();
    expect(() => sess.run(tf.floordiv(tf.constant([7, 1]), tf.constant([0, 1])))).toThrow(/^Integer division by zero/);
    expect(() => sess.run(tf.floormod(tf.constant(7), 0))).toThrow(/^Integer division by zero/);
  });

  it("raises ints to powers by squaring and refuses negative exponents", () => {
    const { tf, sess, run } = setup();
    expect(run(tf.pow(tf.constant([2, 3, -2]), tf.constant([10, 3, 31])))).toEqual([1024, 27, -2147483648]);
    expect(() => sess.run(tf.pow(tf.constant(2), -1))).toThrow(/^Integers to negative integer powers are not allowed/);
  });

  it("squares int differences with wrapping", () => {
    const { tf, run } = setup();
    expect(run(tf.squared_difference(tf.constant([5, -3]), tf.constant(2)))).toEqual([9, 25]);
  });
});

describe("float arithmetic", () => {
  it("rounds float32 results to float32", () => {
    const { tf, run } = setup();
    expect(run(tf.add(tf.constant(0.1), tf.constant(0.2)))).toBe(Math.fround(Math.fround(0.1) + Math.fround(0.2)));
    expect(run(tf.realdiv(tf.constant(1.5), tf.constant(3.5)))).toBe(Math.fround(1.5 / 3.5));
  });

  it("floors float quotients and keeps the divisor's sign for float remainders", () => {
    const { tf, run } = setup();
    expect(run(tf.floordiv(tf.constant([7.5, -7.5]), 2.5))).toEqual([3, -3]);
    expect(run(tf.floormod(tf.constant([7.5, -7.5, -0.5]), tf.constant([2, 2, 3], tf.float32)))).toEqual([1.5, 0.5, 2.5]);
  });

  it("follows std::max and std::min with NaN (the first operand wins unless the second compares larger)", () => {
    const { tf, run } = setup();
    expect(run(tf.maximum(tf.constant([NaN, 1], tf.float32), tf.constant([1, NaN], tf.float32)))).toEqual([NaN, 1]);
    expect(run(tf.minimum(tf.constant([NaN, 1], tf.float32), tf.constant([1, NaN], tf.float32)))).toEqual([NaN, 1]);
  });

  it("divides by zero to 0 in div_no_nan", () => {
    const { tf, run } = setup();
    expect(run(tf.div_no_nan(tf.constant([1, 6], tf.float32), tf.constant([0, 4], tf.float32)))).toEqual([0, 1.5]);
  });
});

describe("true division", () => {
  it("casts int32 operands to float64 in truediv/Cast and truediv/Cast_1", () => {
    const { tf, run } = setup();
    const q = tf.truediv(tf.constant(7), tf.constant(2));
    expect(String(q)).toBe('Tensor("truediv:0", shape=(), dtype=float64)');
    expect(q.op.type).toBe("RealDiv");
    expect(q.op.inputs.map((t) => t.name)).toEqual(["truediv/Cast:0", "truediv/Cast_1:0"]);
    expect(run(q)).toBe(3.5);
  });

  it("divides floats without casts, and names the operator's op `truediv`", () => {
    const { tf, py } = setup();
    const x = tf.placeholder(tf.float32, [], "x");
    const q = py.truediv(x, 2) as Tensor;
    expect(q.op.name).toBe("truediv");
    expect(q.op.inputs.map((t) => t.name)).toEqual(["x:0", "truediv/y:0"]);
  });

  it("refuses operands of different dtypes with TF's TypeError", () => {
    const { tf } = setup();
    expect(() => tf.truediv(tf.constant(1), tf.constant(2.5))).toThrow("x and y must have the same dtype, got tf.int32 != tf.float32");
    expect(() => tf.truediv(tf.constant(true), tf.constant(false))).toThrow("Invalid dtype tf.bool in __truediv__");
  });

  it("keeps Python division for two plain numbers in tf.divide", () => {
    const { tf } = setup();
    expect(tf.divide(1, 4)).toBe(0.25);
  });
});

describe("dtype checks at graph construction", () => {
  it("raises TF's TypeError for a dtype outside the op's list", () => {
    const { tf } = setup();
    expect(() => tf.subtract(tf.constant(true), tf.constant(false))).toThrow(
      "Value passed to parameter 'x' has DataType bool not in list of allowed values: bfloat16, float16, float32, float64, uint8, int8, uint16, int16, int32, int64, complex64, complex128",
    );
    expect(() => tf.floormod(tf.constant(true), tf.constant(false))).toThrow(
      "Value passed to parameter 'x' has DataType bool not in list of allowed values: int32, int64, bfloat16, float16, float32, float64",
    );
  });
});
