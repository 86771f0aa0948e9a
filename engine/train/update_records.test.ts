/**
 * A training step is a side effect: the run record of `sess.run(train_op)` lists each
 * variable update (kind "update", the variable, its value before and after), so the UI can
 * show what a step changed.
 */
import { describe, expect, it } from "vitest";
import { createTF, type TF } from "../tf.js";
import { PyFloat } from "../pyfloat.js";
import type { RunRecord } from "../records.js";
import type { Optimizer } from "./optimizer.js";

// --- Factories ----------------------------------------------------------------------------

const f = (x: number) => new PyFloat(x);

/** One step of `make(tf)` on w = [1, -2] (fed gradient [1, 2]) and s = 3 (gradient 1). */
function oneStep(make: (tf: TF) => Optimizer): RunRecord {
  const runs: RunRecord[] = [];
  const tf = createTF({ onRun: (r) => runs.push(r) });
  const w = tf.Variable([f(1), f(-2)], { name: "w" });
  const s = tf.Variable(f(3), { name: "s" });
  const g = tf.placeholder(tf.float32, [2], "g");
  const train = make(tf).apply_gradients([
    [g, w],
    [tf.constant(f(1)), s],
  ]);
  const sess = tf.Session();
  sess.run(tf.global_variables_initializer());
  sess.run(train, new Map([[g, [1, 2]]]));
  return runs[runs.length - 1];
}

// --- Tests --------------------------------------------------------------------------------

describe("run records of a training step", () => {
  it("list each ApplyGradientDescent as an update of its variable with values before and after", () => {
    const run = oneStep((tf) => tf.train.GradientDescentOptimizer(0.5));
    expect(run.ok).toBe(true);
    expect(run.fetches).toEqual(["GradientDescent"]);
    expect(run.side_effects).toEqual([
      {
        op: "GradientDescent/update_w/ApplyGradientDescent",
        kind: "update",
        target: "w",
        before: { dtype: "float32", shape: [2], head: [1, -2], size: 2 },
        after: { dtype: "float32", shape: [2], head: [0.5, -3], size: 2 },
      },
      { op: "GradientDescent/update_s/ApplyGradientDescent", kind: "update", target: "s", before: 3, after: 2.5 },
    ]);
  });

  it("show Adam's updates of the variables (not of its slots) and its beta-power assigns", () => {
    const run = oneStep((tf) => tf.train.AdamOptimizer(0.1));
    const r = Math.fround;
    expect(run.side_effects.map((e) => [e.op, e.kind, e.target])).toEqual([
      ["Adam/update_w/ApplyAdam", "update", "w"],
      ["Adam/update_s/ApplyAdam", "update", "s"],
      ["Adam/Assign", "assign", "beta1_power"],
      ["Adam/Assign_1", "assign", "beta2_power"],
    ]);
    // Adam's first step moves each coordinate by lr (see update_math.test.ts).
    expect(run.side_effects[1]).toMatchObject({ before: 3, after: r(2.9) });
    expect(run.side_effects[2]).toMatchObject({ before: r(0.9), after: r(r(0.9) * r(0.9)) });
    expect(run.side_effects[3]).toMatchObject({ before: r(0.999), after: r(r(0.999) * r(0.999)) });
  });

  it("put the update ops on the run's path, in the order they ran", () => {
    const run = oneStep((tf) => tf.train.MomentumOptimizer(0.1, 0.9));
    expect(run.path.filter((n) => n.startsWith("Momentum"))).toEqual([
      "Momentum/learning_rate",
      "Momentum/momentum",
      "Momentum/update_w/ApplyMomentum",
      "Momentum/update_s/ApplyMomentum",
      "Momentum",
    ]);
    expect(run.side_effects.map((e) => e.kind)).toEqual(["update", "update"]);
  });
});
