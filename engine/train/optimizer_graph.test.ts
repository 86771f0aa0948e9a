/**
 * The graph each optimizer builds, node for node as TF 1.14's optimizer.py, slot_creator.py
 * and the optimizers' `_create_slots` / `_prepare` / `_apply_dense` / `_finish` build it.
 *
 * Over 400 lines because it is a table: one node-for-node listing per optimizer (five), each
 * read against TF's source; split by optimizer, the shared factories would be copied.
 */
import { describe, expect, it } from "vitest";
import { createTF, type TF } from "../tf.js";
import { operatorRuntime } from "../api/operators.js";
import { PyFloat } from "../pyfloat.js";
import type { Operation, Tensor } from "../graph.js";
import type { Variable } from "../variables.js";
import { plain } from "../testing/plain.js";

// --- Factories ----------------------------------------------------------------------------

const f = (x: number) => new PyFloat(x);

/** The seed tutorial's model: `loss = tf.square(y - (m * x + b))`, m and b starting at 0. */
function tutorialModel() {
  const tf = createTF();
  const py = operatorRuntime(tf.get_default_graph().ctx);
  const m = tf.get_variable("m", [], { initializer: tf.constant_initializer(f(0)) });
  const b = tf.get_variable("b", [], { initializer: tf.constant_initializer(f(0)) });
  const x = tf.placeholder(tf.float32);
  const y = tf.placeholder(tf.float32);
  const loss = tf.square(py.sub(y, py.add(py.mul(m, x), b)) as Tensor);
  return { tf, py, m, b, x, y, loss };
}

/** `[name, type]` of every op created after the first `skip` ops. */
function opsAfter(tf: TF, skip: number): [string, string][] {
  return tf
    .get_default_graph()
    .get_operations()
    .slice(skip)
    .map((o): [string, string] => [o.name, o.type]);
}

function opCount(tf: TF): number {
  return tf.get_default_graph().get_operations().length;
}

function inputNames(op: Operation): string[] {
  return op.inputs.map((t) => t.name);
}

function controlNames(op: Operation): string[] {
  return op.control_inputs.map((o) => o.name).sort();
}

function byName(tf: TF, name: string): Operation {
  return tf.get_default_graph().get_operation_by_name(name);
}

// --- Tests --------------------------------------------------------------------------------

describe("GradientDescentOptimizer.minimize", () => {
  it("adds TF's gradient nodes, then one ApplyGradientDescent per variable grouped into a NoOp", () => {
    const { tf, loss } = tutorialModel();
    const before = opCount(tf);
    const train = tf.train.GradientDescentOptimizer(1e-3).minimize(loss);
    expect(opsAfter(tf, before)).toEqual([
      ["gradients/Shape", "Shape"],
      ["gradients/grad_ys_0", "Const"],
      ["gradients/Fill", "Fill"],
      ["gradients/Square_grad/Const", "Const"],
      ["gradients/Square_grad/Mul", "Mul"],
      ["gradients/Square_grad/Mul_1", "Mul"],
      ["gradients/sub_grad/Shape", "Shape"],
      ["gradients/sub_grad/Shape_1", "Shape"],
      ["gradients/sub_grad/BroadcastGradientArgs", "BroadcastGradientArgs"],
      ["gradients/sub_grad/Sum", "Sum"],
      ["gradients/sub_grad/Reshape", "Reshape"],
      ["gradients/sub_grad/Sum_1", "Sum"],
      ["gradients/sub_grad/Neg", "Neg"],
      ["gradients/sub_grad/Reshape_1", "Reshape"],
      ["gradients/sub_grad/tuple/group_deps", "NoOp"],
      ["gradients/sub_grad/tuple/control_dependency", "Identity"],
      ["gradients/sub_grad/tuple/control_dependency_1", "Identity"],
      ["gradients/add_grad/Shape", "Shape"],
      ["gradients/add_grad/Shape_1", "Const"],
      ["gradients/add_grad/BroadcastGradientArgs", "BroadcastGradientArgs"],
      ["gradients/add_grad/Sum", "Sum"],
      ["gradients/add_grad/Reshape", "Reshape"],
      ["gradients/add_grad/Sum_1", "Sum"],
      ["gradients/add_grad/Reshape_1", "Reshape"],
      ["gradients/add_grad/tuple/group_deps", "NoOp"],
      ["gradients/add_grad/tuple/control_dependency", "Identity"],
      ["gradients/add_grad/tuple/control_dependency_1", "Identity"],
      ["gradients/mul_grad/Shape", "Const"],
      ["gradients/mul_grad/Shape_1", "Shape"],
      ["gradients/mul_grad/BroadcastGradientArgs", "BroadcastGradientArgs"],
      ["gradients/mul_grad/Mul", "Mul"],
      ["gradients/mul_grad/Sum", "Sum"],
      ["gradients/mul_grad/Reshape", "Reshape"],
      ["gradients/mul_grad/Mul_1", "Mul"],
      ["gradients/mul_grad/Sum_1", "Sum"],
      ["gradients/mul_grad/Reshape_1", "Reshape"],
      ["gradients/mul_grad/tuple/group_deps", "NoOp"],
      ["gradients/mul_grad/tuple/control_dependency", "Identity"],
      ["gradients/mul_grad/tuple/control_dependency_1", "Identity"],
      ["GradientDescent/learning_rate", "Const"],
      ["GradientDescent/update_m/ApplyGradientDescent", "ApplyGradientDescent"],
      ["GradientDescent/update_b/ApplyGradientDescent", "ApplyGradientDescent"],
      ["GradientDescent", "NoOp"],
    ]);
    expect(train.name).toBe("GradientDescent");
    expect(train.type).toBe("NoOp");
    expect(controlNames(train)).toEqual(["GradientDescent/update_b/ApplyGradientDescent", "GradientDescent/update_m/ApplyGradientDescent"]);
  });

  it("feeds each update its variable's ref, the learning rate and the gated gradient", () => {
    const { tf, loss } = tutorialModel();
    tf.train.GradientDescentOptimizer(1e-3).minimize(loss);
    expect(inputNames(byName(tf, "GradientDescent/update_m/ApplyGradientDescent"))).toEqual([
      "m:0",
      "GradientDescent/learning_rate:0",
      "gradients/mul_grad/tuple/control_dependency:0",
    ]);
    expect(inputNames(byName(tf, "GradientDescent/update_b/ApplyGradientDescent"))).toEqual([
      "b:0",
      "GradientDescent/learning_rate:0",
      "gradients/add_grad/tuple/control_dependency_1:0",
    ]);
  });

  it("returns an op: running it gives null, next to the loss's value", () => {
    const { tf, x, y, loss } = tutorialModel();
    const train = tf.train.GradientDescentOptimizer(1e-3).minimize(loss);
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    expect(sess.run(train, new Map([[x, 1], [y, 2]]))).toBeNull();
    // The first step moved m and b from 0 by -lr·dloss/dv = 0.001·2·(2 - 0)·1 each; the loss
    // fetched with the second step is computed before that step's updates.
    const r = Math.fround;
    const v = r(0 - r(-4 * r(1e-3)));
    expect(plain(sess.run([loss, train], new Map([[x, 1], [y, 2]])))).toEqual([r(r(2 - r(v + v)) ** 2), null]);
  });

  it("adds the train op to the train_op collection", () => {
    const { tf, loss } = tutorialModel();
    const train = tf.train.GradientDescentOptimizer(1e-3).minimize(loss);
    expect(tf.get_collection(tf.GraphKeys.TRAIN_OP)).toEqual([train]);
  });

  it("casts an integer learning rate to the variables' dtype, as math_ops.cast does", () => {
    const { tf, loss } = tutorialModel();
    tf.train.GradientDescentOptimizer(1).minimize(loss);
    expect(byName(tf, "GradientDescent/learning_rate").outputs[0].dtype.name).toBe("int32");
    expect(inputNames(byName(tf, "GradientDescent/update_m/ApplyGradientDescent"))[1]).toBe("GradientDescent/update_m/Cast:0");
  });
});

describe("MomentumOptimizer", () => {
  it("creates a zero-filled, non-trainable momentum slot per variable named <var>/Momentum", () => {
    const { tf, m, b, loss } = tutorialModel();
    const opt = tf.train.MomentumOptimizer(0.01, 0.9);
    const before = opCount(tf);
    const train = opt.minimize(loss);
    const names = opsAfter(tf, before).map(([n]) => n).filter((n) => !n.startsWith("gradients/"));
    expect(names).toEqual([
      "m/Momentum/Initializer/zeros",
      "m/Momentum",
      "m/Momentum/Assign",
      "m/Momentum/read",
      "b/Momentum/Initializer/zeros",
      "b/Momentum",
      "b/Momentum/Assign",
      "b/Momentum/read",
      "Momentum/learning_rate",
      "Momentum/momentum",
      "Momentum/update_m/ApplyMomentum",
      "Momentum/update_b/ApplyMomentum",
      "Momentum",
    ]);
    expect(train.name).toBe("Momentum");
    expect(opt.get_slot_names()).toEqual(["momentum"]);
    expect(opt.get_slot(m as Variable, "momentum")!.name).toBe("m/Momentum:0");
    expect(tf.trainable_variables().map((v) => v.name)).toEqual(["m:0", "b:0"]);
    expect(tf.global_variables().map((v) => v.name)).toEqual(["m:0", "b:0", "m/Momentum:0", "b/Momentum:0"]);
    expect(inputNames(byName(tf, "Momentum/update_m/ApplyMomentum"))).toEqual([
      "m:0",
      "m/Momentum:0",
      "Momentum/learning_rate:0",
      "gradients/mul_grad/tuple/control_dependency:0",
      "Momentum/momentum:0",
    ]);
    expect(byName(tf, "Momentum/update_m/ApplyMomentum").get_attr("use_nesterov")).toBe(false);
    void b;
  });

  it("passes use_nesterov to the ApplyMomentum kernel", () => {
    const { tf, loss } = tutorialModel();
    tf.train.MomentumOptimizer(0.01, 0.9, { use_nesterov: true }).minimize(loss);
    expect(byName(tf, "Momentum/update_m/ApplyMomentum").get_attr("use_nesterov")).toBe(true);
  });
});

describe("AdamOptimizer", () => {
  it("creates beta1_power, beta2_power, the m/Adam and m/Adam_1 slots, and advances the powers after the updates", () => {
    const { tf, m, loss } = tutorialModel();
    const opt = tf.train.AdamOptimizer(0.1);
    const before = opCount(tf);
    const train = opt.minimize(loss);
    const names = opsAfter(tf, before).map(([n]) => n).filter((n) => !n.startsWith("gradients/"));
    expect(names).toEqual([
      "beta1_power/initial_value",
      "beta1_power",
      "beta1_power/Assign",
      "beta1_power/read",
      "beta2_power/initial_value",
      "beta2_power",
      "beta2_power/Assign",
      "beta2_power/read",
      "m/Adam/Initializer/zeros",
      "m/Adam",
      "m/Adam/Assign",
      "m/Adam/read",
      "m/Adam_1/Initializer/zeros",
      "m/Adam_1",
      "m/Adam_1/Assign",
      "m/Adam_1/read",
      "b/Adam/Initializer/zeros",
      "b/Adam",
      "b/Adam/Assign",
      "b/Adam/read",
      "b/Adam_1/Initializer/zeros",
      "b/Adam_1",
      "b/Adam_1/Assign",
      "b/Adam_1/read",
      "Adam/learning_rate",
      "Adam/beta1",
      "Adam/beta2",
      "Adam/epsilon",
      "Adam/update_m/ApplyAdam",
      "Adam/update_b/ApplyAdam",
      "Adam/mul",
      "Adam/Assign",
      "Adam/mul_1",
      "Adam/Assign_1",
      "Adam",
    ]);
    expect(opt.get_slot_names()).toEqual(["m", "v"]);
    expect(opt.get_slot(m as Variable, "m")!.name).toBe("m/Adam:0");
    expect(opt.get_slot(m as Variable, "v")!.name).toBe("m/Adam_1:0");
    expect(inputNames(byName(tf, "Adam/update_m/ApplyAdam"))).toEqual([
      "m:0",
      "m/Adam:0",
      "m/Adam_1:0",
      "beta1_power/read:0",
      "beta2_power/read:0",
      "Adam/learning_rate:0",
      "Adam/beta1:0",
      "Adam/beta2:0",
      "Adam/epsilon:0",
      "gradients/mul_grad/tuple/control_dependency:0",
    ]);
    const updates = ["Adam/update_b/ApplyAdam", "Adam/update_m/ApplyAdam"];
    expect(inputNames(byName(tf, "Adam/mul"))).toEqual(["beta1_power/read:0", "Adam/beta1:0"]);
    expect(controlNames(byName(tf, "Adam/mul"))).toEqual(updates);
    expect(inputNames(byName(tf, "Adam/Assign"))).toEqual(["beta1_power:0", "Adam/mul:0"]);
    expect(inputNames(byName(tf, "Adam/Assign_1"))).toEqual(["beta2_power:0", "Adam/mul_1:0"]);
    expect(controlNames(train)).toEqual(["Adam/Assign", "Adam/Assign_1", ...updates]);
  });

  it("starts the beta powers at beta1 and beta2 and multiplies them by beta once per step", () => {
    const { tf, x, y, loss } = tutorialModel();
    const train = tf.train.AdamOptimizer(0.1, 0.5, 0.25).minimize(loss);
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    const powers = () => sess.run(["beta1_power:0", "beta2_power:0"]);
    expect(plain(powers())).toEqual([0.5, 0.25]);
    sess.run(train, new Map([[x, 1], [y, 1]]));
    sess.run(train, new Map([[x, 1], [y, 1]]));
    expect(plain(powers())).toEqual([0.125, 0.015625]);
  });
});

describe("RMSPropOptimizer", () => {
  it("creates an rms slot of ones (<var>/RMSProp) and a momentum slot of zeros (<var>/RMSProp_1), with a float momentum", () => {
    const { tf, loss } = tutorialModel();
    const before = opCount(tf);
    tf.train.RMSPropOptimizer(0.01).minimize(loss);
    const names = opsAfter(tf, before).map(([n]) => n).filter((n) => !n.startsWith("gradients/") && !n.startsWith("b/"));
    expect(names).toEqual([
      "m/RMSProp/Initializer/ones",
      "m/RMSProp",
      "m/RMSProp/Assign",
      "m/RMSProp/read",
      "m/RMSProp_1/Initializer/zeros",
      "m/RMSProp_1",
      "m/RMSProp_1/Assign",
      "m/RMSProp_1/read",
      "RMSProp/learning_rate",
      "RMSProp/decay",
      "RMSProp/momentum",
      "RMSProp/epsilon",
      "RMSProp/update_m/ApplyRMSProp",
      "RMSProp/update_b/ApplyRMSProp",
      "RMSProp",
    ]);
    // momentum=0.0 is a Python float in TF: a float32 Const fed straight to the kernel (an int
    // Const would need a Cast node that TF's graph does not have).
    expect(byName(tf, "RMSProp/momentum").outputs[0].dtype.name).toBe("float32");
    expect(inputNames(byName(tf, "RMSProp/update_m/ApplyRMSProp"))).toEqual([
      "m:0",
      "m/RMSProp:0",
      "m/RMSProp_1:0",
      "RMSProp/learning_rate:0",
      "RMSProp/decay:0",
      "RMSProp/momentum:0",
      "RMSProp/epsilon:0",
      "gradients/mul_grad/tuple/control_dependency:0",
    ]);
  });
});

describe("AdagradOptimizer", () => {
  it("creates an accumulator slot <var>/Adagrad filled with initial_accumulator_value", () => {
    const { tf, m, loss } = tutorialModel();
    const opt = tf.train.AdagradOptimizer(0.1, { initial_accumulator_value: 0.25 });
    opt.minimize(loss);
    const slot = opt.get_slot(m as Variable, "accumulator")!;
    expect(slot.name).toBe("m/Adagrad:0");
    expect(byName(tf, "m/Adagrad/Initializer/Const").type).toBe("Const");
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    expect(plain(sess.run(slot))).toBe(0.25);
  });
});

describe("global_step", () => {
  it("is created once by get_or_create_global_step as a non-trainable int scalar at 0", () => {
    const { tf } = tutorialModel();
    const step = tf.train.get_or_create_global_step();
    expect(step.name).toBe("global_step:0");
    expect(String(step.dtype)).toBe("<dtype: 'int64_ref'>");
    expect(tf.train.get_or_create_global_step()).toBe(step);
    expect(tf.train.get_global_step()).toBe(step);
    expect(tf.get_collection(tf.GraphKeys.GLOBAL_STEP)).toEqual([step]);
    expect(tf.trainable_variables().map((v) => v.name)).toEqual(["m:0", "b:0"]);
    expect(() => tf.train.create_global_step()).toThrow('"global_step" already exists.');
  });

  it("is incremented by minimize(loss, {global_step}) after the updates, by an AssignAdd named after the optimizer", () => {
    const { tf, x, y, loss } = tutorialModel();
    const step = tf.train.get_or_create_global_step();
    const before = opCount(tf);
    const train = tf.train.GradientDescentOptimizer(1e-3).minimize(loss, { global_step: step });
    const tail = opsAfter(tf, before).filter(([n]) => !n.startsWith("gradients/"));
    expect(tail).toEqual([
      ["GradientDescent/learning_rate", "Const"],
      ["GradientDescent/update_m/ApplyGradientDescent", "ApplyGradientDescent"],
      ["GradientDescent/update_b/ApplyGradientDescent", "ApplyGradientDescent"],
      ["GradientDescent/update", "NoOp"],
      ["GradientDescent/value", "Const"],
      ["GradientDescent", "AssignAdd"],
    ]);
    expect(train).toBe(byName(tf, "GradientDescent"));
    // TF's "dominated" rule: the increment's constant was made inside the control block, so it
    // carries the control input and the AssignAdd, which reads it, does not repeat it.
    expect(controlNames(byName(tf, "GradientDescent/value"))).toEqual(["GradientDescent/update"]);
    expect(controlNames(train)).toEqual([]);
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    for (let i = 0; i < 3; i++) sess.run(train, new Map([[x, 1], [y, 1]]));
    expect(plain(sess.run(step))).toBe(3);
  });
});

describe("compute_gradients and apply_gradients", () => {
  it("split minimize in two: (gradient, variable) pairs, then the same update nodes", () => {
    const { tf, m, b, loss } = tutorialModel();
    const opt = tf.train.GradientDescentOptimizer(1e-3);
    const gvs = opt.compute_gradients(loss);
    expect(gvs.map(([g, v]) => [g!.name, v.name])).toEqual([
      ["gradients/mul_grad/tuple/control_dependency:0", "m:0"],
      ["gradients/add_grad/tuple/control_dependency_1:0", "b:0"],
    ]);
    expect(gvs.map(([, v]) => v)).toEqual([m, b]);
    const train = opt.apply_gradients(gvs);
    expect(train.name).toBe("GradientDescent");
    expect(inputNames(byName(tf, "GradientDescent/update_m/ApplyGradientDescent"))[2]).toBe("gradients/mul_grad/tuple/control_dependency:0");
  });

  it("limits the variables to var_list and skips pairs whose gradient is null", () => {
    const { tf, m, loss } = tutorialModel();
    const opt = tf.train.GradientDescentOptimizer(1e-3);
    const gvs = opt.compute_gradients(loss, { var_list: [m] });
    expect(gvs.map(([, v]) => v.name)).toEqual(["m:0"]);
    const unused = tf.get_variable("unused", [], { initializer: tf.constant_initializer(f(0)) });
    const train = opt.apply_gradients([...gvs, [null, unused as Variable]], { name: "step" });
    expect(train.name).toBe("step");
    expect(controlNames(train)).toEqual(["step/update_m/ApplyGradientDescent"]);
  });
});

describe("optimizer errors", () => {
  it("refuses a graph without trainable variables: No variables to optimize.", () => {
    const tf = createTF();
    expect(() => tf.train.GradientDescentOptimizer(0.1).minimize(tf.constant(f(1.5)))).toThrow(
      expect.objectContaining({ name: "ValueError", message: "No variables to optimize." }),
    );
  });

  it("reports a loss that reaches the variables only through argmax and an int cast in TF's words", () => {
    const tf = createTF();
    const py = operatorRuntime(tf.get_default_graph().ctx);
    tf.get_variable("m", [2], { initializer: tf.constant_initializer(f(0.5)) });
    const w = tf.trainable_variables()[0];
    const loss = tf.cast(tf.argmax(py.mul(w, 2) as Tensor), tf.float32);
    expect(() => tf.train.GradientDescentOptimizer(0.1).minimize(loss)).toThrow(
      expect.objectContaining({
        name: "ValueError",
        message:
          "No gradients provided for any variable, check your graph for ops that do not support gradients, between variables " +
          `["<tf.Variable 'm:0' shape=(2,) dtype=float32_ref>"] and loss Tensor("Cast:0", shape=(), dtype=float32).`,
      }),
    );
  });

  it("reports a loss computed through a cast to int in TF's words", () => {
    const { tf, py, m } = tutorialModel();
    // Integer tensors carry no gradient: the path from m stops at the int32 Cast.
    const loss = tf.cast(tf.cast(py.mul(m, 2) as Tensor, tf.int32), tf.float32);
    expect(() => tf.train.GradientDescentOptimizer(0.1).minimize(loss, { var_list: [m] })).toThrow(
      "No gradients provided for any variable, check your graph for ops that do not support gradients, between variables " +
        `["<tf.Variable 'm:0' shape=() dtype=float32_ref>"] and loss Tensor("Cast_1:0", shape=(), dtype=float32).`,
    );
  });

  it("reports apply_gradients without any gradient in TF's words", () => {
    const { tf, m, b } = tutorialModel();
    const opt = tf.train.GradientDescentOptimizer(0.1);
    expect(() => opt.apply_gradients([[null, m as Variable], [null, b as Variable]])).toThrow(
      expect.objectContaining({
        name: "ValueError",
        message: `No gradients provided for any variable: ["<tf.Variable 'm:0' shape=() dtype=float32_ref>", "<tf.Variable 'b:0' shape=() dtype=float32_ref>"].`,
      }),
    );
    expect(() => opt.apply_gradients([])).toThrow("No variables provided.");
  });
});
