/**
 * tf.layers.conv2d, max_pooling2d, average_pooling2d, flatten and dropout: the variables, node
 * names and shapes TF 1.15's layers build (as in TF's "Build a CNN with tf.layers" guide), what
 * they compute, and Keras' error texts.
 */
import { describe, expect, it } from "vitest";
import { createTF, type TF } from "../tf.js";
import { NDArray } from "../ndarray.js";
import { PyFloat } from "../pyfloat.js";

// ---- factories ----

const fresh = () => createTF({ seedSource: () => 1 });
const f = (x: number) => new PyFloat(x);
const names = (tf: TF) =>
  tf
    .get_default_graph()
    .get_operations()
    .map((o) => o.name);

/** A [1, h, w, c] batch of distinct values. */
function image(h: number, w: number, c: number): number[][][][] {
  let i = 0;
  return [Array.from({ length: h }, () => Array.from({ length: w }, () => Array.from({ length: c }, () => Math.sin(i++) * 2)))];
}

describe("tf.layers.conv2d", () => {
  it("builds the guide's CNN with TF's names and shapes", () => {
    const tf = fresh();
    const input = tf.placeholder(tf.float32, [null, 28, 28, 1]);
    const conv1 = tf.layers.conv2d({ inputs: input, filters: 32, kernel_size: [5, 5], padding: "same", activation: tf.nn.relu });
    const pool1 = tf.layers.max_pooling2d({ inputs: conv1, pool_size: [2, 2], strides: 2 });
    const conv2 = tf.layers.conv2d({ inputs: pool1, filters: 64, kernel_size: [5, 5], padding: "same", activation: tf.nn.relu });
    const pool2 = tf.layers.max_pooling2d({ inputs: conv2, pool_size: [2, 2], strides: 2 });
    const flat = tf.layers.flatten(pool2);
    expect([conv1, pool1, conv2, pool2, flat].map(String)).toEqual([
      'Tensor("conv2d/Relu:0", shape=(?, 28, 28, 32), dtype=float32)',
      'Tensor("max_pooling2d/MaxPool:0", shape=(?, 14, 14, 32), dtype=float32)',
      'Tensor("conv2d_1/Relu:0", shape=(?, 14, 14, 64), dtype=float32)',
      'Tensor("max_pooling2d_1/MaxPool:0", shape=(?, 7, 7, 64), dtype=float32)',
      'Tensor("flatten/Reshape:0", shape=(?, 3136), dtype=float32)',
    ]);
    expect(tf.trainable_variables().map((v) => `${v.name} ${v.shape}`)).toEqual([
      "conv2d/kernel:0 (5, 5, 1, 32)",
      "conv2d/bias:0 (32,)",
      "conv2d_1/kernel:0 (5, 5, 32, 64)",
      "conv2d_1/bias:0 (64,)",
    ]);
    for (const n of ["conv2d/kernel/Initializer/random_uniform", "conv2d/bias/Initializer/zeros", "conv2d/Conv2D", "conv2d/BiasAdd", "flatten/Reshape/shape"]) {
      expect(names(tf)).toContain(n);
    }
  });

  it("builds a dilated layer as TF 1.15's Keras does: SpaceToBatchND, a VALID Conv2D, BatchToSpaceND", () => {
    const tf = fresh();
    const x = tf.constant(image(6, 7, 2), tf.float32);
    const y = tf.layers.conv2d(x, 3, 3, { dilation_rate: 2, padding: "same", use_bias: false });
    expect(String(y)).toBe('Tensor("conv2d/BatchToSpaceND:0", shape=(1, 6, 7, 3), dtype=float32)');
    const ops = names(tf).filter((n) => n.startsWith("conv2d/") && !n.startsWith("conv2d/kernel"));
    expect(ops).toEqual([
      "conv2d/dilation_rate",
      "conv2d/filter_shape",
      "conv2d/stack",
      "conv2d/required_space_to_batch_paddings/input_shape",
      "conv2d/required_space_to_batch_paddings/paddings",
      "conv2d/required_space_to_batch_paddings/crops",
      "conv2d/SpaceToBatchND/block_shape",
      "conv2d/SpaceToBatchND/paddings",
      "conv2d/SpaceToBatchND",
      "conv2d/Conv2D",
      "conv2d/BatchToSpaceND/block_shape",
      "conv2d/BatchToSpaceND/crops",
      "conv2d/BatchToSpaceND",
    ]);
    const [kernel] = tf.trainable_variables();
    const direct = tf.nn.conv2d(x, kernel, { strides: 1, padding: "SAME", dilations: 2 });
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    const [a, b] = sess.run([y, direct]) as NDArray[];
    expect(Array.from(a.data as Float32Array).map((v, i) => Math.abs(v - (b.data as Float32Array)[i]))).toSatisfy((d: number[]) => d.every((e) => e < 1e-5));
    // Unlike a dilated Conv2D, this graph trains on a CPU.
    const [g] = tf.gradients(tf.reduce_sum(y), [kernel]) as unknown as [import("../graph.js").Tensor];
    expect((sess.run(g) as NDArray).shape).toEqual([3, 3, 2, 3]);
  });

  it("makes its dilation_rate Const even when the rate is 1, as Keras' Convolution does", () => {
    const tf = fresh();
    tf.layers.conv2d(tf.zeros([1, 4, 4, 1]), 2, 3);
    expect(names(tf).filter((n) => n.startsWith("conv2d/") && !n.startsWith("conv2d/kernel") && !n.startsWith("conv2d/bias"))).toEqual([
      "conv2d/dilation_rate",
      "conv2d/Conv2D",
      "conv2d/BiasAdd",
    ]);
  });

  it("computes conv2d(inputs, kernel) + bias with glorot-uniform kernels and zero biases", () => {
    const tf = fresh();
    const x = tf.constant(image(5, 5, 2), tf.float32);
    const y = tf.layers.conv2d(x, 3, 3, { strides: [2, 1], bias_initializer: tf.constant_initializer(f(0.5)) });
    const [kernel] = tf.trainable_variables();
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    const k = sess.run(kernel) as NDArray;
    const limit = Math.sqrt(6 / (3 * 3 * 2 + 3 * 3 * 3));
    expect(Array.from(k.data as Float32Array).every((v) => Math.abs(v) <= limit)).toBe(true);
    const ref = tf.add(tf.nn.conv2d(x, kernel, { strides: [1, 2, 1, 1], padding: "VALID" }), f(0.5));
    expect(String(y.shape)).toBe("(1, 2, 3, 3)");
    expect(String(sess.run(y))).toBe(String(sess.run(ref)));
  });

  it("shares its variables: a Conv2D object called twice, or a named layer with reuse", () => {
    const tf = fresh();
    const layer = tf.layers.Conv2D({ filters: 4, kernel_size: 3, padding: "same" });
    const a = layer(tf.placeholder(tf.float32, [null, 8, 8, 1]));
    const b = layer(tf.placeholder(tf.float32, [null, 8, 8, 1]));
    expect([a.name, b.name, layer.name]).toEqual(["conv2d/BiasAdd:0", "conv2d/BiasAdd_1:0", "conv2d"]);
    expect(layer.trainable_weights.map((v) => v.name)).toEqual(["conv2d/kernel:0", "conv2d/bias:0"]);
    tf.layers.conv2d(tf.placeholder(tf.float32, [null, 8, 8, 1]), 2, 3, { name: "shared" });
    tf.layers.conv2d(tf.placeholder(tf.float32, [null, 8, 8, 1]), 2, 3, { name: "shared", reuse: true });
    expect(tf.trainable_variables().map((v) => v.name)).toEqual(["conv2d/kernel:0", "conv2d/bias:0", "shared/kernel:0", "shared/bias:0"]);
    expect(() => layer(tf.placeholder(tf.float32, [null, 8, 8, 3]))).toThrow(
      "Input 0 of layer conv2d is incompatible with the layer: expected axis -1 of input shape to have value 1 but received input with shape (?, 8, 8, 3)",
    );
  });

  it("raises Keras' errors for bad inputs and arguments", () => {
    const tf = fresh();
    const x = tf.placeholder(tf.float32, [null, 28, 28]);
    expect(() => tf.layers.conv2d(x, 8, 5)).toThrow(
      "Input 0 of layer conv2d is incompatible with the layer: expected ndim=4, found ndim=3. Full shape received: [None, 28, 28]",
    );
    expect(() => tf.layers.conv2d(tf.placeholder(tf.float32, [null, 28, 28, null]), 8, 5)).toThrow(
      "The channel dimension of the inputs should be defined. Found `None`.",
    );
    const img = tf.placeholder(tf.float32, [null, 28, 28, 1]);
    expect(() => tf.layers.conv2d(img, 8, [5, 5, 5])).toThrow("The `kernel_size` argument must be a tuple of 2 integers. Received: [5, 5, 5]");
    expect(() => tf.layers.conv2d(img, 8, 5, { padding: "full" })).toThrow(
      'The `padding` argument must be a list/tuple or one of "valid", "same" (or "causal", only for `Conv1D). Received: full',
    );
    expect(() => tf.layers.max_pooling2d(img, 2, 2, { data_format: "nhwc" })).toThrow(
      'The `data_format` argument must be one of "channels_first", "channels_last". Received: nhwc',
    );
    expect(() => tf.layers.conv2d(img, 8, 5, { dilation_rate: 2, strides: 2 })).toThrow("strides > 1 not supported in conjunction with dilation_rate > 1");
  });
});

describe("tf.layers pooling and flatten", () => {
  it("pools with the pool size as the default stride, and averages without counting padding", () => {
    const tf = fresh();
    const x = tf.constant([[[[1], [2], [3]], [[4], [5], [6]], [[7], [8], [9]]]], tf.float32);
    const m = tf.layers.MaxPooling2D({ pool_size: 2, strides: null, padding: "same" })(x);
    const a = tf.layers.average_pooling2d(x, 2, 2, { padding: "same" });
    expect(m.name).toBe("max_pooling2d/MaxPool:0");
    expect(a.name).toBe("average_pooling2d/AvgPool:0");
    const sess = tf.Session();
    expect(Array.from((sess.run(m) as NDArray).data as Float32Array)).toEqual([5, 6, 8, 9]);
    expect(Array.from((sess.run(a) as NDArray).data as Float32Array)).toEqual([3, 4.5, 7.5, 9]);
  });

  it("flattens a batch whose other dims are unknown through the run-time shape", () => {
    const tf = fresh();
    const x = tf.placeholder(tf.float32, [null, null, 2]);
    const y = tf.layers.flatten(x);
    expect(String(y.shape)).toBe("(?, ?)");
    expect(names(tf)).toContain("flatten/strided_slice");
    const out = tf.Session().run(y, new Map([[x, [[[1, 2], [3, 4], [5, 6]]]]])) as NDArray;
    expect(out.shape).toEqual([1, 6]);
  });
});

describe("tf.layers.dropout", () => {
  it("passes inputs through unless training, as tf.layers' default is training=False", () => {
    const tf = fresh();
    const x = tf.ones([4, 250]);
    const off = tf.layers.dropout(x, { rate: 0.4 });
    expect(off.name).toBe("dropout/Identity:0");
    const on = tf.layers.dropout(x, { rate: 0.4, training: true, seed: 3 });
    expect(on.name).toBe("dropout_1/dropout/mul:0");
    const v = (tf.Session().run(on) as NDArray).data as Float32Array;
    const kept = Array.from(v).filter((e) => e !== 0);
    // Kept elements are scaled by 1 / (1 - rate); about 60 % are kept.
    expect(new Set(kept)).toEqual(new Set([Math.fround(1 / Math.fround(0.6))]));
    expect(kept.length / v.length).toBeGreaterThan(0.5);
    expect(kept.length / v.length).toBeLessThan(0.7);
  });

  it("reads a constant training tensor while building, and refuses a predicate that is not one", () => {
    const tf = fresh();
    const x = tf.ones([2, 3]);
    expect(tf.layers.dropout(x, { training: tf.constant(false) }).name).toBe("dropout/Identity:0");
    const drop = tf.layers.Dropout({ rate: 0.5 });
    expect(drop(x, { training: true }).op.type).toBe("Mul");
    expect(() => tf.layers.dropout(x, { training: "yes" })).toThrow("`pred` must be a Tensor, or a Python bool, or 1 or 0. Found instead: yes");
  });

  it("builds a tf.cond on a training tensor fed at run time (Keras' smart_cond)", () => {
    const tf = fresh();
    const x = tf.ones([4, 250]);
    const isTraining = tf.placeholder(tf.bool, [], "is_training");
    const y = tf.layers.dropout(x, { rate: 0.4, training: isTraining, seed: 3 });
    expect(y.name).toBe("dropout/cond/Merge:0");
    expect(String(y.shape)).toBe("(4, 250)");
    const sess = tf.Session();
    const off = (sess.run(y, { feed_dict: { [isTraining.name]: false } }) as NDArray).data as Float32Array;
    expect(new Set(off)).toEqual(new Set([1]));
    const on = (sess.run(y, { feed_dict: { [isTraining.name]: true } }) as NDArray).data as Float32Array;
    expect(new Set(Array.from(on).filter((e) => e !== 0))).toEqual(new Set([Math.fround(1 / Math.fround(0.6))]));
    expect(Array.from(on).filter((e) => e === 0).length).toBeGreaterThan(0);
  });
});
