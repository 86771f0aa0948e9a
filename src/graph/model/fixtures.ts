/**
 * Tutorial programs as the engine records them (names and edges as TF 1.14 makes them), for
 * the model's tests.
 */
import type { NodeEvent } from "../../runner/events";
import { op, variable } from "./testing";

/** The tutorial's "computation paths" program. */
export const COMPUTATION_PATH_SOURCE = [
  "const input_placeholder = tf.placeholder(tf.int32);",
  "const three_node = tf.constant(3);",
  "const sum_node = input_placeholder + three_node;",
  "const sess = tf.Session();",
  "print(sess.run(three_node));",
  "print(sess.run(sum_node));",
].join("\n");

export function computationPathNodes(): NodeEvent[] {
  return [
    op("Placeholder", "Placeholder", { line: 1, dtype: "int32", shape: "<unknown>" }),
    op("Const", "Const", { line: 2, dtype: "int32", attrs: { value: 3, dtype: "int32" } }),
    op("add", "Add", { inputs: ["Placeholder:0", "Const:0"], line: 3, dtype: "int32", shape: "<unknown>" }),
  ];
}

/** The tutorial's linear regression, trimmed to a few gradient ops. */
export const REGRESSION_SOURCE = [
  'const m = tf.get_variable("m", [], {initializer: tf.constant_initializer(0.0)});',
  'const b = tf.get_variable("b", [], {initializer: tf.constant_initializer(0.0)});',
  "const init = tf.global_variables_initializer();",
  "const input_placeholder = tf.placeholder(tf.float32);",
  "const output_placeholder = tf.placeholder(tf.float32);",
  "const x = input_placeholder;",
  "const y = output_placeholder;",
  "const y_guess = m * x + b;",
  "const loss = tf.square(y - y_guess);",
  "const optimizer = tf.train.GradientDescentOptimizer(1e-3);",
  "const train_op = optimizer.minimize(loss);",
  "const sess = tf.Session();",
  "sess.run(init);",
  "const [_loss, _] = sess.run([loss, train_op], {feed_dict: {[input_placeholder]: 1.0, [output_placeholder]: 2.0}});",
].join("\n");

export function regressionNodes(): NodeEvent[] {
  return [
    ...variable("m", 1),
    ...variable("b", 2),
    op("init", "NoOp", { control: ["m/Assign", "b/Assign"], line: 3, dtype: null, shape: null }),
    op("Placeholder", "Placeholder", { line: 4, shape: "<unknown>" }),
    op("Placeholder_1", "Placeholder", { line: 5, shape: "<unknown>" }),
    op("mul", "Mul", { inputs: ["m/read:0", "Placeholder:0"], line: 8 }),
    op("add", "Add", { inputs: ["mul:0", "b/read:0"], line: 8 }),
    op("sub", "Sub", { inputs: ["Placeholder_1:0", "add:0"], line: 9 }),
    op("Square", "Square", { inputs: ["sub:0"], line: 9 }),
    op("gradients/Shape", "Shape", { inputs: ["Square:0"], line: 11 }),
    op("gradients/grad_ys_0", "Const", { line: 11 }),
    op("gradients/Fill", "Fill", { inputs: ["gradients/Shape:0", "gradients/grad_ys_0:0"], line: 11 }),
    op("gradients/Square_grad/Mul", "Mul", { inputs: ["gradients/Fill:0", "sub:0"], line: 11 }),
    op("gradients/sub_grad/Neg", "Neg", { inputs: ["gradients/Square_grad/Mul:0"], line: 11 }),
    op("gradients/mul_grad/Mul", "Mul", { inputs: ["gradients/sub_grad/Neg:0", "Placeholder:0"], line: 11 }),
    op("GradientDescent/learning_rate", "Const", { line: 11 }),
    op("GradientDescent/update_m/ApplyGradientDescent", "ApplyGradientDescent", {
      inputs: ["GradientDescent/learning_rate:0", "gradients/mul_grad/Mul:0"],
      ref: ["m:0"],
      line: 11,
    }),
    op("GradientDescent/update_b/ApplyGradientDescent", "ApplyGradientDescent", {
      inputs: ["GradientDescent/learning_rate:0", "gradients/sub_grad/Neg:0"],
      ref: ["b:0"],
      line: 11,
    }),
    op("GradientDescent", "NoOp", {
      control: ["GradientDescent/update_m/ApplyGradientDescent", "GradientDescent/update_b/ApplyGradientDescent"],
      line: 11,
      dtype: null,
      shape: null,
    }),
  ];
}

/** The tutorial's `tf.assign` program. */
export const ASSIGN_SOURCE = [
  'const count_variable = tf.get_variable("count", []);',
  "const zero_node = tf.constant(0.0);",
  "const assign_node = tf.assign(count_variable, zero_node);",
  "const sess = tf.Session();",
  "sess.run(assign_node);",
  "print(sess.run(count_variable));",
].join("\n");

export function assignNodes(): NodeEvent[] {
  return [
    ...variable("count", 1),
    op("Const", "Const", { line: 2 }),
    op("Assign", "Assign", { inputs: ["Const:0"], ref: ["count:0"], line: 3 }),
  ];
}

/** `acc = acc + x * i` over `range(n)` on line 4 (a loop building ops), as the engine names it. */
export function accumulate(n: number): NodeEvent[] {
  const nodes = [op("x", "Placeholder", { line: 1 }), op("Const", "Const", { line: 2 })];
  let acc = "Const:0";
  for (let i = 0; i < n; i++) {
    const k = i === 0 ? "" : `_${i}`;
    nodes.push(op(`mul${k}/y`, "Const", { line: 4 }), op(`mul${k}`, "Mul", { inputs: ["x:0", `mul${k}/y:0`], line: 4 }), op(`add${k}`, "Add", { inputs: [acc, `mul${k}:0`], line: 4 }));
    acc = `add${k}:0`;
  }
  return nodes;
}

/** A loop opening `tf.name_scope("step")` n times (lines 3-4), each with a variable and two ops. */
export function scopedSteps(n: number): NodeEvent[] {
  const nodes = [op("x", "Placeholder", { line: 1 })];
  let h = "x:0";
  for (let i = 0; i < n; i++) {
    const s = i === 0 ? "step" : `step_${i}`;
    nodes.push(...variable(`${s}/w`, 3), op(`${s}/mul`, "Mul", { inputs: [h, `${s}/w/read:0`], line: 4 }), op(`${s}/Relu`, "Relu", { inputs: [`${s}/mul:0`], line: 4 }));
    h = `${s}/Relu:0`;
  }
  return nodes;
}
