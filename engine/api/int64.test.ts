/**
 * int64 as TF 1.x uses it: the dtype of indices (argmax, where), of `out_type`s, of the global
 * step, and of Python ints too big for int32 — checked against TF's documented dtypes, values
 * and error texts.
 */
import { describe, expect, it } from "vitest";
import { evalSetup } from "../testing/session.js";
import { createTF } from "../tf.js";
import { NDArray } from "../ndarray.js";
import type { Tensor } from "../graph.js";

const setup = evalSetup;

function ints(v: unknown): unknown {
  return v instanceof NDArray ? v.toArray() : Number(v);
}

describe("int64 tensors", () => {
  it("prints dtype=int64 and converts Python ints that int32 cannot hold", () => {
    const { tf } = setup();
    expect(String(tf.constant(5, tf.int64))).toBe('Tensor("Const:0", shape=(), dtype=int64)');
    // make_tensor_proto keeps int64 when the int32 downcast would lose the value.
    expect(tf.constant(2 ** 40).dtype.name).toBe("int64");
    expect(tf.constant([1, 2 ** 31]).dtype.name).toBe("int64");
    expect(tf.constant([1, 2 ** 31 - 1]).dtype.name).toBe("int32");
    expect(tf.as_dtype("int64")).toBe(tf.int64);
    expect(String(tf.int64)).toBe("<dtype: 'int64'>");
  });

  it("computes with whole numbers beyond int32's range (exact below 2^53)", () => {
    const { tf, sess, py } = setup();
    const big = tf.constant(3_000_000_000, tf.int64);
    expect(ints(sess.run(py.add(big, big)))).toBe(6_000_000_000);
    expect(ints(sess.run(py.mul(big, 1000)))).toBe(3_000_000_000_000);
    expect(ints(sess.run(tf.floordiv(tf.constant(-7, tf.int64), 2)))).toBe(-4);
    expect(ints(sess.run(tf.floormod(tf.constant(-7, tf.int64), 3)))).toBe(2);
    expect(ints(sess.run(tf.pow(tf.constant(3, tf.int64), 30)))).toBe(205891132094649);
    expect(ints(sess.run(tf.reduce_sum(tf.constant([2 ** 40, 2 ** 40]))))).toBe(2 ** 41);
    // Integer mean truncates, as C++ division does.
    expect(ints(sess.run(tf.reduce_mean(tf.constant([1, 2], tf.int64))))).toBe(1);
    expect(() => sess.run(tf.floordiv(tf.constant(1, tf.int64), tf.constant(0, tf.int64)))).toThrow("Integer division by zero");
  });

  it("divides with / as float64, as TF's _TRUEDIV_TABLE says", () => {
    const { tf, sess, py } = setup();
    const q = py.truediv(tf.constant(7, tf.int64), 2) as Tensor;
    expect(q.dtype.name).toBe("float64");
    expect(Number(sess.run(q))).toBe(3.5);
  });

  it("casts as C++ does: floats truncate toward zero, int64 to int32 keeps the low 32 bits", () => {
    const { tf, sess } = setup();
    expect(ints(sess.run(tf.cast(tf.constant([2.7, -2.7]), tf.int64)))).toEqual([2, -2]);
    expect(ints(sess.run(tf.cast(tf.constant(2 ** 32 + 5, tf.int64), tf.int32)))).toBe(5);
    const t = tf.to_int64(tf.constant(3.9));
    expect(t.op.name).toBe("ToInt64");
    expect(ints(sess.run(t))).toBe(3);
    expect(ints(sess.run(tf.cast(tf.constant(2 ** 40), tf.float32)))).toBe(2 ** 40);
  });

  it("is fed as numpy casts (floats truncate) and names its dtype when unfed", () => {
    const { tf, sess, py } = setup();
    const x = tf.placeholder(tf.int64);
    const y = py.add(x, 1) as Tensor;
    expect(ints(sess.run(y, { feed_dict: { [x.name]: 2.7 } }))).toBe(3);
    expect(ints(sess.run(y, { feed_dict: { [x.name]: [1, 2 ** 40] } }))).toEqual([2, 2 ** 40 + 1]);
    expect(() => sess.run(y)).toThrow("You must feed a value for placeholder tensor 'Placeholder' with dtype int64");
    expect(() => sess.run(y, { feed_dict: { [x.name]: "abc" } })).toThrow("invalid literal for int() with base 10: 'abc'");
  });

  it("prints as numpy prints int64 arrays: no dtype in the repr", () => {
    const { tf, sess } = setup();
    const v = sess.run(tf.constant([1, 22, 333], tf.int64)) as NDArray;
    expect(String(v)).toBe("[  1  22 333]");
    expect(v.__repr__()).toBe("array([  1,  22, 333])");
    const w = sess.run(tf.constant([1, 2])) as NDArray;
    expect(w.__repr__()).toBe("array([1, 2], dtype=int32)");
  });
});

describe("TF's int64 defaults", () => {
  it("argmax and argmin give int64 indices", () => {
    const { tf, sess } = setup();
    const x = tf.constant([
      [1, 9, 3],
      [8, 2, 7],
    ]);
    const a = tf.argmax(x, 1);
    expect(a.dtype.name).toBe("int64");
    expect(ints(sess.run(a))).toEqual([1, 0]);
    expect(ints(sess.run(tf.argmin(x, 0)))).toEqual([0, 1, 0]);
  });

  it("compares int64 indices, as the MNIST tutorial's accuracy does", () => {
    const { tf, sess } = setup();
    const y = tf.constant([
      [0.1, 0.9],
      [0.8, 0.2],
      [0.3, 0.7],
    ]);
    const labels = tf.constant([
      [0.0, 1.0],
      [0.0, 1.0],
      [0.0, 1.0],
    ]);
    const correct = tf.equal(tf.argmax(y, 1), tf.argmax(labels, 1));
    const accuracy = tf.reduce_mean(tf.cast(correct, tf.float32));
    expect(Number(sess.run(accuracy))).toBeCloseTo(2 / 3, 6);
    // int64 labels for the sparse cross-entropy (argmax's output fed straight in).
    const xent = tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: tf.argmax(labels, 1), logits: y });
    expect((sess.run(xent) as NDArray).size).toBe(3);
  });

  it("tf.where(condition) gives int64 coordinates, one row per true element", () => {
    const { tf, sess } = setup();
    const w = tf.where([true, false, true]);
    expect(String(w)).toBe('Tensor("Where:0", shape=(?, 1), dtype=int64)');
    expect(ints(sess.run(w))).toEqual([[0], [2]]);
    expect(
      ints(
        sess.run(
          tf.where([
            [true, false],
            [false, true],
          ]),
        ),
      ),
    ).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it("tf.shape, tf.size and tf.shape_n take out_type int64", () => {
    const { tf, sess } = setup();
    const x = tf.placeholder(tf.float32, [null, 3]);
    const s = tf.shape(x, { out_type: tf.int64 });
    expect(String(s)).toBe('Tensor("Shape:0", shape=(2,), dtype=int64)');
    expect(ints(sess.run(s, { feed_dict: { [x.name]: [[1, 2, 3]] } }))).toEqual([1, 3]);
    // A fully known shape is a Const of out_type.
    const k = tf.shape(tf.zeros([2, 5]), { out_type: tf.int64 });
    expect(k.op.type).toBe("Const");
    expect(k.dtype.name).toBe("int64");
    expect(ints(sess.run(k))).toEqual([2, 5]);
    const n = tf.size(x, { out_type: tf.int64 });
    expect(n.dtype.name).toBe("int64");
    expect(ints(sess.run(n, { feed_dict: { [x.name]: [[1, 2, 3]] } }))).toBe(3);
    const [sn] = tf.shape_n([x], { out_type: tf.int64 });
    expect(ints(sess.run(sn, { feed_dict: { [x.name]: [[1, 2, 3]] } }))).toEqual([1, 3]);
  });

  it("tf.range of int64 inputs is int64 (TF's dtype hierarchy int32 < int64 < float32 < float64)", () => {
    const { tf, sess } = setup();
    const r = tf.range(tf.constant(4, tf.int64));
    expect(r.dtype.name).toBe("int64");
    expect(ints(sess.run(r))).toEqual([0, 1, 2, 3]);
    expect(tf.range(0, 3, { dtype: tf.int64 }).dtype.name).toBe("int64");
    expect(tf.range(tf.constant(0, tf.int64), 2.5).dtype.name).toBe("float32");
  });

  it("the global step is int64 and counts training steps, compiled or not", () => {
    for (const compileScalars of [true, false]) {
      const tf = createTF({ seedSource: () => 7, compileScalars });
      const w = tf.get_variable("w", [], { initializer: tf.zeros_initializer() });
      const loss = tf.square(w);
      const step = tf.train.get_or_create_global_step();
      const train = tf.train.GradientDescentOptimizer(0.1).minimize(loss, { global_step: step });
      const sess = tf.Session();
      sess.run(tf.global_variables_initializer());
      for (let i = 0; i < 5; i++) sess.run(train);
      expect(ints(sess.run(step))).toBe(5);
    }
  });
});
