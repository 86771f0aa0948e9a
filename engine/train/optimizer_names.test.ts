import { describe, expect, it } from "vitest";
import { createTF } from "../tf";

function quadratic() {
  const tf = createTF();
  const w = tf.get_variable("w", [], { initializer: tf.constant_initializer(1) });
  return { tf, loss: tf.multiply(w, w) };
}

describe("Optimizer.minimize", () => {
  it("names the train op after the optimizer, as TF 1.x does", () => {
    const { tf, loss } = quadratic();
    const opt = tf.train.GradientDescentOptimizer(0.1);
    expect(opt.minimize(loss).name).toBe("GradientDescent");
    expect(opt.minimize(loss).name).toBe("GradientDescent_1");
  });

  it("names the global-step increment after the optimizer when there is a global step", () => {
    const { tf, loss } = quadratic();
    const step = tf.train.get_or_create_global_step();
    const train = tf.train.AdamOptimizer(0.1).minimize(loss, { global_step: step });
    expect(train.name).toBe("Adam");
    expect(train.type).toBe("AssignAdd");
  });
});
