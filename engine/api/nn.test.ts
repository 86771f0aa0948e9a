import { describe, expect, it } from "vitest";
import { createTF } from "../tf.js";
import type { Tensor } from "../graph.js";
import { NDArray } from "../ndarray.js";
import { PyFloat } from "../pyfloat.js";
import { float32Repr } from "../format/floats.js";

// ---- factories ----

const fresh = () => createTF({ seedSource: () => 7 });
const f = (x: number) => new PyFloat(x);

/** Float32 values of a run as numpy prints them. */
function printed(tf: ReturnType<typeof fresh>, t: Tensor, feeds: Map<Tensor, unknown> = new Map()): string[] {
  const v = tf.Session().run(t, feeds);
  return v instanceof NDArray ? Array.from(v.data as Float32Array, float32Repr) : [float32Repr(v as number)];
}

/** Op names created after the first `skip` ops. */
const names = (tf: ReturnType<typeof fresh>, skip = 0) =>
  tf
    .get_default_graph()
    .get_operations()
    .slice(skip)
    .map((o) => o.name);

describe("activations", () => {
  it("computes relu, relu6, elu, softplus and leaky_relu", () => {
    const tf = fresh();
    const x = tf.constant([f(-2), f(0.5), f(7)]);
    expect(printed(tf, tf.nn.relu(x))).toEqual(["0.0", "0.5", "7.0"]);
    expect(printed(tf, tf.nn.relu6(x))).toEqual(["0.0", "0.5", "6.0"]);
    expect(printed(tf, tf.nn.elu(x))).toEqual([float32Repr(Math.fround(Math.expm1(-2))), "0.5", "7.0"]);
    expect(printed(tf, tf.nn.leaky_relu(x))).toEqual([float32Repr(Math.fround(-2 * Math.fround(0.2))), "0.5", "7.0"]);
    expect(printed(tf, tf.nn.softplus(tf.constant([f(0)])))).toEqual([float32Repr(Math.fround(Math.log(2)))]);
  });

  it("names Relu6 and LeakyRelu by their scopes, as TF's Python wrappers do", () => {
    const tf = fresh();
    tf.nn.relu6([f(1)]);
    tf.nn.leaky_relu([1, 2], { alpha: 0.1 });
    expect(names(tf)).toEqual(["Relu6/features", "Relu6", "LeakyRelu/features", "LeakyRelu/Cast", "LeakyRelu"]);
  });

  it("builds ReluGrad for relu's gradient", () => {
    const tf = fresh();
    const x = tf.placeholder(tf.float32, [3]);
    const [g] = tf.gradients(tf.nn.relu(x), [x]);
    expect((g as Tensor).op.type).toBe("ReluGrad");
    expect(printed(tf, g as Tensor, new Map([[x, [-1, 2, 3]]]))).toEqual(["0.0", "1.0", "1.0"]);
  });
});

describe("softmax", () => {
  // TF docs: tf.nn.softmax([-1, 0., 1.]) is [0.09003057, 0.24472848, 0.66524094].
  it("reproduces the documented softmax of [-1, 0, 1]", () => {
    const tf = fresh();
    expect(printed(tf, tf.nn.softmax([f(-1), f(0), f(1)]))).toEqual(["0.09003057", "0.24472848", "0.66524094"]);
  });

  it("normalizes along axis 0 through transposes, keeping the static shape", () => {
    const tf = fresh();
    const s = tf.nn.softmax(tf.constant([[f(0), f(1)], [f(0), f(1)]]), { axis: 0 });
    expect(String(s.shape)).toBe("(2, 2)");
    expect(printed(tf, s)).toEqual(["0.5", "0.5", "0.5", "0.5"]);
    expect(names(tf).filter((n) => n.startsWith("transpose"))).toEqual(["transpose", "transpose_1"]);
  });

  it("rejects an axis out of range when building the graph", () => {
    const tf = fresh();
    expect(() => tf.nn.softmax(tf.zeros([2, 3]), { axis: 2 })).toThrow("Dimension (2) must be in the range [-2, 2) where 2 is the number of dimensions in the input.");
  });

  it("gives log_softmax = logits - log(sum(exp(logits)))", () => {
    const tf = fresh();
    expect(printed(tf, tf.nn.log_softmax([f(0), f(0)]))).toEqual([float32Repr(Math.fround(-Math.log(2))), float32Repr(Math.fround(-Math.log(2)))]);
  });
});

describe("softmax cross entropy", () => {
  const logits = [
    [f(4), f(2), f(1)],
    [f(0), f(5), f(1)],
  ];
  const labels = [
    [f(1), f(0), f(0)],
    [f(0), f(0.8), f(0.2)],
  ];

  // TF docs of tf.nn.softmax_cross_entropy_with_logits: [0.16984604, 0.82474494].
  it("reproduces the documented losses", () => {
    const tf = fresh();
    expect(printed(tf, tf.nn.softmax_cross_entropy_with_logits_v2({ labels, logits }))).toEqual(["0.16984604", "0.82474494"]);
  });

  it("puts the deprecated version's nodes under softmax_cross_entropy_with_logits_sg, labels behind stop_gradient", () => {
    const tf = fresh();
    const y = tf.nn.softmax_cross_entropy_with_logits({ labels: tf.constant(labels), logits: tf.constant(logits) });
    expect(y.name).toBe("softmax_cross_entropy_with_logits_sg/Reshape_2:0");
    expect(names(tf, 2).slice(0, 3)).toEqual([
      "softmax_cross_entropy_with_logits_sg/labels_stop_gradient",
      "softmax_cross_entropy_with_logits_sg/Rank",
      "softmax_cross_entropy_with_logits_sg/Shape",
    ]);
    expect(tf.get_default_graph().get_operation_by_name("softmax_cross_entropy_with_logits_sg").type).toBe("SoftmaxCrossEntropyWithLogits");
  });

  it("accepts keyword arguments only, as TF 1.x's deprecated function does", () => {
    const tf = fresh();
    expect(() => (tf.nn.softmax_cross_entropy_with_logits as (...a: unknown[]) => unknown)(labels, logits)).toThrow(
      "Only call `softmax_cross_entropy_with_logits` with named arguments (labels=..., logits=..., ...)",
    );
  });

  it("gives the gradient softmax - labels for the logits", () => {
    const tf = fresh();
    const x = tf.placeholder(tf.float32, [1, 2]);
    const loss = tf.nn.softmax_cross_entropy_with_logits_v2({ labels: [[f(1), f(0)]], logits: x });
    const [g] = tf.gradients(loss, [x]);
    expect(printed(tf, g as Tensor, new Map([[x, [[0, 0]]]]))).toEqual(["-0.5", "0.5"]);
  });

  // TF docs of tf.nn.sparse_softmax_cross_entropy_with_logits: [0.29750752, 1.1448325, 0.].
  // TF's CPU kernel sums and exponentiates with Eigen's vectorized float code, whose rounding
  // differs from correctly rounded steps in the last bits: compare to within 4 float32 ulps.
  it("reproduces the documented sparse losses to within 4 ulps", () => {
    const tf = fresh();
    const l = tf.constant([
      [f(2), f(-5), f(0.5), f(-0.1)],
      [f(0), f(0), f(1.9), f(1.4)],
      [f(-100), f(100), f(-100), f(-100)],
    ]);
    const y = tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: [0, 3, 1], logits: l });
    const got = (tf.Session().run(y) as NDArray).data as Float32Array;
    const ulp = (x: number) => (x === 0 ? 2 ** -149 : 2 ** (Math.floor(Math.log2(Math.abs(x))) - 23));
    [0.29750752, 1.1448325, 0].forEach((want, i) => expect(Math.abs(got[i] - Math.fround(want))).toBeLessThanOrEqual(4 * ulp(want)));
    expect(y.name).toBe("SparseSoftmaxCrossEntropyWithLogits/SparseSoftmaxCrossEntropyWithLogits:0");
  });

  it("reports a label out of range as TF's kernel does", () => {
    const tf = fresh();
    const y = tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: [0, 3], logits: tf.zeros([2, 3]) });
    expect(() => tf.Session().run(y)).toThrow("Received a label value of 3 which is outside the valid range of [0, 3).  Label values: 0 3");
  });

  it("checks the ranks of labels and logits in Python", () => {
    const tf = fresh();
    expect(() => tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: [[0]], logits: tf.zeros([2, 3]) })).toThrow(
      "Rank mismatch: Rank of labels (received 2) should equal rank of logits minus 1 (received 2).",
    );
  });

  it("refuses a second derivative of the sparse loss (PreventGradient)", () => {
    const tf = fresh();
    const x = tf.placeholder(tf.float32, [1, 2]);
    const [g] = tf.gradients(tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: [0], logits: x }), [x]);
    expect(() => tf.gradients(g as Tensor, [x])).toThrow(/^Gradient explicitly disabled\. Reason: Currently there is no way to take the second derivative/);
  });
});

describe("sigmoid_cross_entropy_with_logits", () => {
  // TF docs: logits [1, -1, 0, 1, -1, 0, 0], labels [0, 0, 0, 1, 1, 1, 0.5] give
  // [1.3132617, 0.3132617, 0.6931472, 0.3132617, 1.3132617, 0.6931472, 0.6931472].
  it("reproduces the documented losses", () => {
    const tf = fresh();
    const logits = [1, -1, 0, 1, -1, 0, 0].map(f);
    const labels = [0, 0, 0, 1, 1, 1, 0.5].map(f);
    expect(printed(tf, tf.nn.sigmoid_cross_entropy_with_logits({ labels, logits }))).toEqual([
      "1.3132617",
      "0.3132617",
      "0.6931472",
      "0.3132617",
      "1.3132617",
      "0.6931472",
      "0.6931472",
    ]);
  });

  it("builds TF 1.14's logistic_loss nodes", () => {
    const tf = fresh();
    const x = tf.placeholder(tf.float32, [2]);
    const z = tf.placeholder(tf.float32, [2]);
    tf.nn.sigmoid_cross_entropy_with_logits({ labels: z, logits: x });
    expect(names(tf, 2)).toEqual([
      "logistic_loss/zeros_like",
      "logistic_loss/GreaterEqual",
      "logistic_loss/Select",
      "logistic_loss/Neg",
      "logistic_loss/Select_1",
      "logistic_loss/mul",
      "logistic_loss/sub",
      "logistic_loss/Exp",
      "logistic_loss/Log1p",
      "logistic_loss",
    ]);
  });

  it("raises TF's ValueError for different shapes", () => {
    const tf = fresh();
    expect(() => tf.nn.sigmoid_cross_entropy_with_logits({ labels: tf.zeros([3]), logits: tf.zeros([2]) })).toThrow(
      "logits and labels must have the same shape ((2,) vs (3,))",
    );
  });
});

describe("bias_add and l2_loss", () => {
  it("adds the bias to the last dimension", () => {
    const tf = fresh();
    expect(printed(tf, tf.nn.bias_add([[f(1), f(2)], [f(3), f(4)]], [f(0.5), f(-1)]))).toEqual(["1.5", "1.0", "3.5", "3.0"]);
  });

  it("raises TF's shape error for a bias of the wrong length", () => {
    const tf = fresh();
    expect(() => tf.nn.bias_add(tf.zeros([2, 3]), tf.zeros([2]))).toThrow("Dimensions must be equal, but are 3 and 2 for 'BiasAdd' (op: 'BiasAdd') with input shapes: [2,3], [2].");
  });

  it("halves the sum of squares", () => {
    const tf = fresh();
    expect(printed(tf, tf.nn.l2_loss([f(1.5), f(2.5)]))).toEqual(["4.25"]);
  });
});

describe("dropout", () => {
  it("builds TF 1.14's nodes from a keep_prob placeholder: sub outside, then dropout/...", () => {
    const tf = fresh();
    const x = tf.placeholder(tf.float32, [2, 3]);
    const keep = tf.placeholder(tf.float32);
    tf.nn.dropout(x, keep);
    expect(names(tf, 2)).toEqual([
      "sub/x",
      "sub",
      "dropout/Shape",
      "dropout/sub/x",
      "dropout/sub",
      "dropout/random_uniform/min",
      "dropout/random_uniform/max",
      "dropout/random_uniform/RandomUniform",
      "dropout/random_uniform/sub",
      "dropout/random_uniform/mul",
      "dropout/random_uniform",
      "dropout/add",
      "dropout/Floor",
      "dropout/truediv",
      "dropout/mul",
    ]);
  });

  it("keeps each element scaled by 1 / keep_prob or zeroes it", () => {
    const tf = fresh();
    const d = tf.nn.dropout(tf.ones([1000]), { rate: 0.75, seed: 1 });
    const v = Array.from((tf.Session().run(d) as NDArray).data as Float32Array);
    expect(v.every((e) => e === 0 || e === 4)).toBe(true);
    const kept = v.filter((e) => e === 4).length;
    expect(kept).toBeGreaterThan(200);
    expect(kept).toBeLessThan(300);
  });

  it("returns x itself for keep_prob 1 and rejects a rate outside [0, 1)", () => {
    const tf = fresh();
    const x = tf.zeros([2]);
    expect(tf.nn.dropout(x, f(1))).toBe(x);
    expect(() => tf.nn.dropout(x, { rate: f(1) })).toThrow("rate must be a scalar tensor or a float in the range [0, 1), got 1");
    expect(() => tf.nn.dropout(x)).toThrow("You must provide a rate to dropout.");
  });
});

describe("moments", () => {
  it("gives the mean and the (biased) variance over the axes", () => {
    const tf = fresh();
    const [mean, variance] = tf.nn.moments(tf.constant([f(1), f(2), f(3), f(4)]), [0]);
    expect([...printed(tf, mean), ...printed(tf, variance)]).toEqual(["2.5", "1.25"]);
    expect(mean.name).toBe("moments/Squeeze:0");
  });
});
