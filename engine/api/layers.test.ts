import { describe, expect, it } from "vitest";
import { createTF } from "../tf.js";
import { PyFloat } from "../pyfloat.js";
import { NDArray } from "../ndarray.js";

const f = (x: number) => new PyFloat(x);
const names = (tf: ReturnType<typeof createTF>) => tf.get_default_graph().get_operations().map((o) => o.name);

describe("tf.layers.dense", () => {
  it("builds TF's variables and ops: dense/kernel, dense/bias, dense/MatMul, dense/BiasAdd, dense/Relu", () => {
    const tf = createTF({ seedSource: () => 1 });
    const x = tf.placeholder(tf.float32, [null, 3]);
    const y = tf.layers.dense(x, 2, { activation: tf.nn.relu });
    expect(y.name).toBe("dense/Relu:0");
    expect(String(y.shape)).toBe("(?, 2)");
    const ops = names(tf);
    for (const n of ["dense/kernel", "dense/kernel/Assign", "dense/kernel/read", "dense/bias", "dense/bias/Initializer/zeros", "dense/MatMul", "dense/BiasAdd", "dense/Relu"]) {
      expect(ops).toContain(n);
    }
    expect(tf.trainable_variables().map((v) => v.name)).toEqual(["dense/kernel:0", "dense/bias:0"]);
  });

  it("names a second layer dense_1", () => {
    const tf = createTF({ seedSource: () => 1 });
    const x = tf.placeholder(tf.float32, [null, 3]);
    tf.layers.dense(x, 4);
    const y = tf.layers.dense(x, 1);
    expect(y.name).toBe("dense_1/BiasAdd:0");
  });
});

describe("tf.layers.Dense", () => {
  it("computes x · kernel + bias and trains as TF's low-level guide shows", () => {
    const tf = createTF({ seedSource: () => 1 });
    const x = tf.constant([[1], [2], [3], [4]], { dtype: tf.float32 });
    const yTrue = tf.constant([[0], [-1], [-2], [-3]], { dtype: tf.float32 });
    const linear = tf.layers.Dense({ units: 1, kernel_initializer: tf.constant_initializer(f(0.5)) });
    const yPred = linear(x);
    expect(linear.name).toBe("dense");
    const loss = tf.losses.mean_squared_error({ labels: yTrue, predictions: yPred });
    const train = tf.train.GradientDescentOptimizer(0.01).minimize(loss);
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    expect(String(sess.run(yPred) as NDArray)).toBe("[[0.5]\n [1. ]\n [1.5]\n [2. ]]");
    const losses = [0, 1, 2].map(() => Number((sess.run([train, loss]) as [null, number])[1]));
    expect(losses[0]).toBe(10.375);
    expect(losses[1]).toBeLessThan(losses[0]);
    expect(linear.trainable_weights.map((v) => v.name)).toEqual(["dense/kernel:0", "dense/bias:0"]);
  });

  it("reuses its variables when called again", () => {
    const tf = createTF({ seedSource: () => 1 });
    const layer = tf.layers.Dense({ units: 2 });
    const a = layer(tf.placeholder(tf.float32, [null, 3]));
    const b = layer(tf.placeholder(tf.float32, [null, 3]));
    expect(tf.trainable_variables().length).toBe(2);
    expect(a.name).toBe("dense/BiasAdd:0");
    expect(b.name).toBe("dense/BiasAdd_1:0");
  });
});
