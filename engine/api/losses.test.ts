import { describe, expect, it } from "vitest";
import { createTF } from "../tf.js";
import type { Tensor } from "../graph.js";
import { PyFloat } from "../pyfloat.js";
import { NDArray } from "../ndarray.js";
import { plain } from "../testing/plain.js";

// ---- factories ----

const fresh = () => createTF({ seedSource: () => 7 });
const f = (x: number) => new PyFloat(x);
const floats = (xs: number[]) => xs.map(f);

/** Op names created after the first `skip` ops. */
const names = (tf: ReturnType<typeof fresh>, skip = 0) =>
  tf
    .get_default_graph()
    .get_operations()
    .slice(skip)
    .map((o) => o.name);

describe("mean_squared_error", () => {
  it("averages the squared differences over the non-zero weights", () => {
    const tf = fresh();
    const loss = tf.losses.mean_squared_error(floats([1, 2, 3]), floats([1.5, 2, 2]));
    expect(plain(tf.Session().run(loss))).toBe(Math.fround(Math.fround(1.25) / 3));
  });

  it("builds TF 1.14's nodes, from SquaredDifference to value", () => {
    const tf = fresh();
    const y = tf.placeholder(tf.float32, [null, 1]);
    const p = tf.placeholder(tf.float32, [null, 1]);
    const loss = tf.losses.mean_squared_error(y, p);
    expect(loss.name).toBe("mean_squared_error/value:0");
    const s = "mean_squared_error/";
    const np = `${s}num_present/`;
    const bw = `${np}broadcast_weights/`;
    expect(names(tf, 2)).toEqual([
      `${s}SquaredDifference`,
      `${s}assert_broadcastable/weights`,
      `${s}assert_broadcastable/weights/shape`,
      `${s}assert_broadcastable/weights/rank`,
      `${s}assert_broadcastable/values/shape`,
      `${s}assert_broadcastable/values/rank`,
      `${s}assert_broadcastable/static_scalar_check_success`,
      `${s}Cast/x`,
      `${s}Mul`,
      `${s}Const`,
      `${s}Sum`,
      `${np}Equal/y`,
      `${np}Equal`,
      `${np}zeros_like`,
      `${np}ones_like/Shape`,
      `${np}ones_like/Const`,
      `${np}ones_like`,
      `${np}Select`,
      `${bw}assert_broadcastable/weights/shape`,
      `${bw}assert_broadcastable/weights/rank`,
      `${bw}assert_broadcastable/values/shape`,
      `${bw}assert_broadcastable/values/rank`,
      `${bw}assert_broadcastable/static_scalar_check_success`,
      `${bw}ones_like/Shape`,
      `${bw}ones_like/Const`,
      `${bw}ones_like`,
      `${np}broadcast_weights`,
      `${np}Const`,
      `${s}num_present`,
      `${s}Const_1`,
      `${s}Sum_1`,
      `${s}value`,
    ]);
  });

  it("makes the weighting wait for the broadcast check", () => {
    const tf = fresh();
    tf.losses.mean_squared_error(floats([1, 2]), floats([1, 3]));
    const g = tf.get_default_graph();
    // TF's "dominated" rule: the weights' constant is made inside the control block and carries
    // the dependency; the Mul reads it, so it does not repeat it.
    const weights = g.get_operation_by_name("mean_squared_error/Cast_2/x");
    expect(weights.control_inputs.map((o) => o.name)).toEqual(["mean_squared_error/assert_broadcastable/static_scalar_check_success"]);
    expect(g.get_operation_by_name("mean_squared_error/Mul").control_inputs).toEqual([]);
  });

  it("adds the loss to the losses collection, which get_total_loss sums", () => {
    const tf = fresh();
    const a = tf.losses.mean_squared_error(floats([1, 2]), floats([1, 3]));
    const b = tf.losses.absolute_difference(floats([1, 2]), floats([1, 3]));
    expect(tf.losses.get_losses()).toEqual([a, b]);
    const total = tf.losses.get_total_loss();
    expect(total.name).toBe("total_loss:0");
    expect(plain(tf.Session().run(total))).toBe(Math.fround(0.5 + 0.5));
  });

  it("leaves the collection alone when loss_collection is null", () => {
    const tf = fresh();
    tf.losses.mean_squared_error(floats([1]), floats([2]), { loss_collection: null });
    expect(tf.losses.get_losses()).toEqual([]);
  });

  it("keeps per-element losses with Reduction.NONE and sums with Reduction.SUM", () => {
    const tf = fresh();
    const none = tf.losses.mean_squared_error(floats([1, 2]), floats([2, 4]), { reduction: tf.losses.Reduction.NONE });
    const sum = tf.losses.mean_squared_error(floats([1, 2]), floats([2, 4]), { reduction: tf.losses.Reduction.SUM });
    const sess = tf.Session();
    expect(plain((sess.run(none) as NDArray).toArray())).toEqual([1, 4]);
    expect(plain(sess.run(sum))).toBe(5);
    expect(() => tf.losses.mean_squared_error(floats([1]), floats([2]), { reduction: "mean" })).toThrow("Invalid Reduction Key mean.");
  });

  it("divides by the number of non-zero weights", () => {
    const tf = fresh();
    const loss = tf.losses.mean_squared_error([floats([1, 1]), floats([1, 1])], [floats([2, 3]), floats([1, 1])], { weights: [[f(1)], [f(0)]] });
    // (1 + 4) * 1 + 0 over 2 present elements.
    expect(plain(tf.Session().run(loss))).toBe(2.5);
  });

  it("raises TF's errors for shapes that do not match", () => {
    const tf = fresh();
    expect(() => tf.losses.mean_squared_error(floats([1, 2]), floats([1, 2, 3]))).toThrow("Shapes (3,) and (2,) are incompatible");
    expect(() => tf.losses.mean_squared_error([floats([1, 2, 3])], [floats([1, 2, 3])], { weights: [[f(1), f(2)]] })).toThrow(
      "weights can not be broadcast to values. Mismatch at dim 1. values.shape=[1 3] weights.shape=[1 2].",
    );
    expect(() => tf.losses.mean_squared_error(floats([1, 2]), floats([1, 2]), { weights: [[f(1), f(2)]] })).toThrow(
      "weights can not be broadcast to values. values.rank=1. weights.rank=2. values.shape=(2,). weights.shape=(1, 2).",
    );
  });
});

describe("other losses", () => {
  it("computes absolute_difference, huber_loss and log_loss", () => {
    const tf = fresh();
    const sess = tf.Session();
    expect(plain(sess.run(tf.losses.absolute_difference(floats([1, 2]), floats([2, 4]))))).toBe(1.5);
    // |error| = 1 and 3 with delta 1: quadratic parts 1 and 1, linear parts 0 and 2, so
    // (0.5 + 0) and (0.5 + 2), averaged.
    expect(plain(sess.run(tf.losses.huber_loss(floats([1, 2]), floats([2, 5]))))).toBe(1.5);
    const log = sess.run(tf.losses.log_loss(floats([1, 0]), floats([0.5, 0.5]))) as number;
    expect(Math.abs(log - Math.log(2))).toBeLessThan(1e-6);
  });

  it("computes the cross-entropy losses through their tf.nn ops", () => {
    const tf = fresh();
    const logits = [floats([0, 0])];
    const sess = tf.Session();
    expect(plain(sess.run(tf.losses.softmax_cross_entropy([floats([1, 0])], logits)))).toBe(Math.fround(Math.log(2)));
    expect(plain(sess.run(tf.losses.sparse_softmax_cross_entropy([1], logits)))).toBe(Math.fround(Math.log(2)));
    expect(plain(sess.run(tf.losses.sigmoid_cross_entropy(floats([1, 0]), floats([0, 0]))))).toBe(Math.fround(Math.log(2)));
    const graph = tf.get_default_graph();
    expect(graph.get_operation_by_name("softmax_cross_entropy_loss/xentropy").type).toBe("SoftmaxCrossEntropyWithLogits");
    expect(graph.get_operation_by_name("softmax_cross_entropy_loss/labels_stop_gradient").type).toBe("StopGradient");
    expect(graph.get_operation_by_name("sparse_softmax_cross_entropy_loss/xentropy/xentropy").type).toBe("SparseSoftmaxCrossEntropyWithLogits");
    expect(graph.get_operation_by_name("sigmoid_cross_entropy_loss/xentropy").type).toBe("Add");
  });

  it("smooths one-hot labels towards 1 / num_classes", () => {
    const tf = fresh();
    const smoothed = tf.losses.softmax_cross_entropy([floats([1, 0])], [floats([0, 0])], { label_smoothing: 0.5 });
    expect(plain(tf.Session().run(smoothed))).toBe(Math.fround(Math.log(2)));
  });

  it("trains a linear model to the documented optimum with mean_squared_error", () => {
    const tf = fresh();
    const x = tf.constant(floats([1, 2, 3, 4]));
    const y = tf.constant(floats([0, -1, -2, -3]));
    const W = tf.Variable(floats([0.3]));
    const b = tf.Variable(floats([-0.3]));
    const loss = tf.losses.mean_squared_error(y, tf.add(tf.multiply(W, x), b));
    const [gW] = tf.gradients(loss, [W]);
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    // d/dW mean((W x + b - y)^2) at W = 0.3, b = -0.3: 2 * mean(x * (0.3 x - 0.3 - y)).
    const expected = (2 * [1, 2, 3, 4].reduce((acc, xi, i) => acc + xi * (0.3 * xi - 0.3 - [0, -1, -2, -3][i]), 0)) / 4;
    expect(plain(Math.abs(((sess.run(gW as Tensor) as NDArray).data as Float32Array)[0] - expected))).toBeLessThan(1e-5);
  });
});

describe("keyword arguments", () => {
  it("accepts labels and predictions by keyword, as TF 1.x code often passes them", () => {
    const tf = fresh();
    const loss = tf.losses.mean_squared_error({ labels: floats([1, 2]), predictions: floats([1, 4]) });
    expect(plain(tf.Session().run(loss))).toBe(2);
  });
});
