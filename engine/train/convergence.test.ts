/**
 * Whole training loops through the public `tf` API: the seed tutorial's linear regression,
 * TF's getting-started model (whose printed result TF documents), and a small classifier.
 */
import { describe, expect, it } from "vitest";
import { createTF } from "../tf.js";
import { operatorRuntime } from "../api/operators.js";
import { PyFloat } from "../pyfloat.js";
import { pyPercentFormat } from "../format/python.js";
import type { Tensor } from "../graph.js";

// --- Factories ----------------------------------------------------------------------------

const f = (x: number) => new PyFloat(x);

/** A small seeded generator (mulberry32) standing in for Python's random.random(). */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function setup() {
  const tf = createTF();
  return { tf, py: operatorRuntime(tf.get_default_graph().ctx) };
}

/** Two interleaved spirals of `n` points (classes alternate), with a little noise. */
function twoSpirals(n: number, random: () => number): { points: number[][]; labels: number[][] } {
  const points: number[][] = [];
  const labels: number[][] = [];
  const turns = 3 * Math.PI;
  for (let i = 0; i < n; i++) {
    const cls = i % 2;
    const t = ((i >> 1) / (n / 2)) * turns + 0.5;
    const r = t / (turns + 0.5);
    const a = t + cls * Math.PI;
    points.push([r * Math.cos(a) + (random() - 0.5) * 0.05, r * Math.sin(a) + (random() - 0.5) * 0.05]);
    labels.push(cls ? [0, 1] : [1, 0]);
  }
  return { points, labels };
}

// --- Tests --------------------------------------------------------------------------------

describe("the seed tutorial's linear regression", () => {
  /** The tutorial's program: 100,000 steps on x = random(), y = trueM·x + trueB. */
  function tutorialLoop(trueM: number, trueB: number, random: () => number, dtype: "float32" | "float64" = "float32") {
    const { tf, py } = setup();
    const dt = dtype === "float32" ? tf.float32 : tf.float64;
    const m = tf.get_variable("m", [], { dtype: dt, initializer: tf.constant_initializer(f(0)) });
    const b = tf.get_variable("b", [], { dtype: dt, initializer: tf.constant_initializer(f(0)) });
    const init = tf.global_variables_initializer();
    const input = tf.placeholder(dt);
    const output = tf.placeholder(dt);
    const yGuess = py.add(py.mul(m, input), b);
    const loss = tf.square(py.sub(output, yGuess) as Tensor);
    const trainOp = tf.train.GradientDescentOptimizer(1e-3).minimize(loss);
    const sess = tf.Session();
    sess.run(init);
    for (let i = 0; i < 100_000; i++) {
      const x = random();
      sess.run([loss, trainOp], new Map([[input, x], [output, trueM * x + trueB]]));
    }
    const [learnedM, learnedB] = (sess.run([m, b]) as number[]).map(Number);
    return { m: learnedM, b: learnedB };
  }

  /**
   * The same loop by hand in float32, each operation rounded as TF's graph computes it:
   * Square_grad = 1·(d·2), sub_grad negates, mul_grad = g·x, ApplyGradientDescent v -= g·lr.
   */
  function handLoop(trueM: number, trueB: number, random: () => number) {
    const r = Math.fround;
    const lr = r(1e-3);
    let m = 0;
    let b = 0;
    for (let i = 0; i < 100_000; i++) {
      const x64 = random();
      const x = r(x64);
      const y = r(trueM * x64 + trueB);
      const d = r(y - r(r(m * x) + b));
      const gGuess = r(-r(1 * r(d * 2)));
      m = r(m - r(r(gGuess * x) * lr));
      b = r(b - r(gGuess * lr));
    }
    return { m, b };
  }

  it.each([1, 2, 3])("follows float32 gradient descent bit for bit over 100,000 steps (seed %i)", (seed) => {
    const random = seededRandom(seed);
    const [trueM, trueB] = [random(), random()];
    const got = tutorialLoop(trueM, trueB, random);
    const hand = seededRandom(seed);
    hand();
    hand();
    expect(got).toEqual(handLoop(trueM, trueB, hand));
  });

  // The tutorial's output: "True parameters: m=0.3519, b=0.3242 / Learned parameters:
  // m=0.3519, b=0.3242".
  it("learns the tutorial's parameters to the 4 decimals it prints", () => {
    const learned = tutorialLoop(0.3519, 0.3242, seededRandom(2018));
    expect(pyPercentFormat("Learned parameters: m=%.4f, b=%.4f", [learned.m, learned.b])).toBe("Learned parameters: m=0.3519, b=0.3242");
  });

  // Why not 4 decimals for every m: once lr·gradient is below half an ulp of m, the float32
  // subtraction leaves m unchanged. With b absorbing the mean error, the gradient for m is at
  // most 2·δ·max x(x - ½) = δ, so m stops when 1e-3·δ < ulp(m)/2, i.e. δ < 500 ulps: ~3e-5 for
  // m in [0.5, 1), which can flip the 4th decimal. TF's float32 kernels round the same way
  // (the loop above is bit-exact float32 arithmetic). In float64 the loop keeps converging: its
  // slow mode (Hessian eigenvalue ≈ 0.066) leaves ~1e-6 after 100,000 steps.
  it("stops within float32's stall band (δm < 500 ulps), where float64 keeps converging", () => {
    const trueM = 0.734251;
    const trueB = 0.324998;
    const f32 = tutorialLoop(trueM, trueB, seededRandom(2));
    const ulp = 2 ** -24; // float32 spacing in [0.5, 1)
    expect(Math.abs(f32.m - trueM)).toBeLessThan(500 * ulp);
    expect(Math.abs(f32.m - trueM)).toBeGreaterThan(250 * ulp);
    const f64 = tutorialLoop(trueM, trueB, seededRandom(2), "float64");
    expect(Math.abs(f64.m - trueM)).toBeLessThan(2e-6);
    expect(Math.abs(f64.b - trueB)).toBeLessThan(2e-6);
  });
});

describe("TF's getting-started model", () => {
  // https://www.tensorflow.org/versions/r1.0/get_started/get_started prints
  // "W: [-0.9999969] b: [0.9999908] loss: 5.6999738e-11" (numpy's float32 repr).
  it("ends at TF's documented W, b and loss after 1,000 steps", () => {
    const { tf, py } = setup();
    const W = tf.Variable([f(0.3)], { dtype: tf.float32 });
    const b = tf.Variable([f(-0.3)], { dtype: tf.float32 });
    const x = tf.placeholder(tf.float32);
    const linearModel = py.add(py.mul(W, x), b);
    const y = tf.placeholder(tf.float32);
    const loss = tf.reduce_sum(tf.square(py.sub(linearModel, y) as Tensor));
    const train = tf.train.GradientDescentOptimizer(0.01).minimize(loss);
    const feeds = new Map([
      [x, [1, 2, 3, 4]],
      [y, [0, -1, -2, -3]],
    ]);
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    for (let i = 0; i < 1000; i++) sess.run(train, feeds);
    const [currW, currB, currLoss] = sess.run([W, b, loss], feeds) as unknown[];
    expect(pyPercentFormat("W: %s b: %s loss: %s", [currW, currB, currLoss])).toBe("W: [-0.9999969] b: [0.9999908] loss: 5.6999738e-11");
  });
});

// Two trainings of 2,000 steps: seconds of CPU, more on a busy machine. The timeout only
// guards against a hang.
describe("a one-hidden-layer classifier", { timeout: 60_000 }, () => {
  it("separates two spirals with ≥ 95% accuracy in 2,000 Adam steps, the same way every run", () => {
    const run = () => {
      const { tf, py } = setup();
      const { points, labels } = twoSpirals(200, seededRandom(7));
      const x = tf.placeholder(tf.float32, [null, 2], "x");
      const y = tf.placeholder(tf.float32, [null, 2], "y");
      const W1 = tf.get_variable("W1", [2, 16], { initializer: tf.random_normal_initializer({ stddev: 1, seed: 1 }) });
      const b1 = tf.get_variable("b1", [16], { initializer: tf.zeros_initializer() });
      const W2 = tf.get_variable("W2", [16, 2], { initializer: tf.random_normal_initializer({ stddev: 0.5, seed: 2 }) });
      const b2 = tf.get_variable("b2", [2], { initializer: tf.zeros_initializer() });
      const hidden = tf.tanh(py.add(tf.matmul(x, W1), b1) as Tensor);
      const logits = py.add(tf.matmul(hidden, W2), b2) as Tensor;
      const loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2({ labels: y, logits }));
      const train = tf.train.AdamOptimizer(0.01).minimize(loss);
      const accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, 1), tf.argmax(y, 1)), tf.float32));
      const sess = tf.Session();
      sess.run(tf.global_variables_initializer());
      const feeds = new Map([
        [x, points],
        [y, labels],
      ]);
      const before = Number(sess.run(accuracy, feeds));
      for (let i = 0; i < 2000; i++) sess.run([loss, train], feeds);
      return { before, after: Number(sess.run(accuracy, feeds)), loss: Number(sess.run(loss, feeds)) };
    };
    const first = run();
    expect(first.before).toBeLessThan(0.8);
    expect(first.after).toBeGreaterThanOrEqual(0.95);
    // Seeded initializers and data: a second run gives the very same loss.
    expect(run().loss).toBe(first.loss);
  });
});
