import { describe, expect, it } from "vitest";
import { evalSetup } from "../../testing/session.js";

const setup = evalSetup;

describe("tf.cast", () => {
  it("truncates floats toward zero; NaN and out-of-range values become INT32_MIN as on x86", () => {
    const { tf, run } = setup();
    expect(run(tf.cast(tf.constant([1.9, -1.9, 2147483520, 3e9, -3e9, NaN]), tf.int32))).toEqual([1, -1, 2147483520, -2147483648, -2147483648, -2147483648]);
  });

  it("maps numbers to bools by `!= 0` and bools to 0/1", () => {
    const { tf, run } = setup();
    expect(run(tf.cast(tf.constant([0, 2, -1]), tf.bool))).toEqual([false, true, true]);
    expect(run(tf.cast(tf.constant([true, false]), tf.float32))).toEqual([1, 0]);
  });

  it("rounds to float32", () => {
    const { tf, run } = setup();
    expect(run(tf.cast(tf.constant(0.1, tf.float64), tf.float32))).toBe(Math.fround(0.1));
    expect(run(tf.cast(tf.constant(16777217), tf.float32))).toBe(16777216);
  });

  it("returns a tensor that already has the dtype, and names other casts Cast / ToFloat", () => {
    const { tf } = setup();
    const x = tf.constant([1.5]);
    expect(tf.cast(x, tf.float32)).toBe(x);
    expect(tf.cast(x, tf.int32).name).toBe("Cast:0");
    expect(tf.to_float(tf.constant(1)).name).toBe("ToFloat:0");
    expect(tf.to_int32(x).op.type).toBe("Cast");
  });

  it("refuses strings as TF's kernel does", () => {
    const { tf, sess } = setup();
    expect(() => sess.run(tf.cast(tf.constant("1"), tf.float32))).toThrow(/^Cast string to float is not supported/);
  });
});
