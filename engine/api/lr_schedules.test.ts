/**
 * tf.train's learning-rate schedules: TF 1.15's nodes for exponential_decay, the rates each
 * schedule gives along the global step (against the formulas in double precision), and the
 * ValueError without a step.
 */
import { describe, expect, it } from "vitest";
import { createTF } from "../tf.js";
import type { Tensor } from "../graph.js";

const fresh = () => createTF({ seedSource: () => 7 });

describe("learning-rate schedules", () => {
  it("exponential_decay builds TF's nodes under ExponentialDecay/ and feeds an optimizer", () => {
    const tf = fresh();
    const step = tf.train.get_or_create_global_step();
    const from = tf.get_default_graph().get_operations().length;
    const lr = tf.train.exponential_decay(0.1, step, 100000, 0.96, { staircase: true });
    expect(
      tf
        .get_default_graph()
        .get_operations()
        .slice(from)
        .map((o) => `${o.name}:${o.type}`),
    ).toEqual([
      "ExponentialDecay/initial_learning_rate:Const",
      "ExponentialDecay/Cast/x:Const",
      "ExponentialDecay/Cast:Cast",
      "ExponentialDecay/Cast_1/x:Const",
      "ExponentialDecay/Cast_2:Cast",
      "ExponentialDecay/truediv:RealDiv",
      "ExponentialDecay/Floor:Floor",
      "ExponentialDecay/Pow:Pow",
      "ExponentialDecay:Mul",
    ]);
    expect(lr.dtype.name).toBe("float32");
  });

  it("each schedule follows its formula as the global step grows", () => {
    const tf = fresh();
    const step = tf.Variable(0, { trainable: false });
    const inc = tf.assign_add(step, 3);
    const schedules: [Tensor, (s: number) => number][] = [
      [tf.train.exponential_decay(0.1, step, 2, 0.5), (s) => 0.1 * 0.5 ** (s / 2)],
      [tf.train.exponential_decay(0.1, step, 2, 0.5, { staircase: true }), (s) => 0.1 * 0.5 ** Math.floor(s / 2)],
      [tf.train.natural_exp_decay(0.1, step, 2, 0.5), (s) => 0.1 * Math.exp((-0.5 * s) / 2)],
      [tf.train.inverse_time_decay(0.1, step, 2, 0.5), (s) => 0.1 / (1 + (0.5 * s) / 2)],
      [tf.train.polynomial_decay(0.1, step, 10, 0.01, { power: 2.0 }), (s) => (0.1 - 0.01) * (1 - Math.min(s, 10) / 10) ** 2 + 0.01],
      [tf.train.cosine_decay(0.1, step, 10, { alpha: 0.1 }), (s) => 0.1 * (0.9 * 0.5 * (1 + Math.cos((Math.PI * Math.min(s, 10)) / 10)) + 0.1)],
    ];
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    for (const s of [0, 3, 6, 9, 12]) {
      for (const [t, f] of schedules) expect(Number(sess.run(t))).toBeCloseTo(f(s), 6);
      sess.run(inc);
    }
  });

  it("needs the global step, in TF's words", () => {
    const tf = fresh();
    expect(() => tf.train.exponential_decay(0.1, null, 2, 0.5)).toThrow("global_step is required for exponential_decay.");
    expect(() => tf.train.cosine_decay(0.1, null, 2)).toThrow("global_step is required for cosine_decay.");
  });
});
