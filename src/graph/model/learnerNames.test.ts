import { describe, expect, it } from "vitest";
import { COMPUTATION_PATH_SOURCE, computationPathNodes, REGRESSION_SOURCE, regressionNodes } from "./fixtures";
import { assignedName, learnerNames } from "./learnerNames";
import { buildStructure } from "./structure";
import { op } from "./testing";

describe("assignedName", () => {
  it("reads declarations and plain assignments, not comparisons or arrows", () => {
    expect(assignedName("const sum_node = a + b;")).toBe("sum_node");
    expect(assignedName("  let x: Tensor = tf.constant(1)")).toBe("x");
    expect(assignedName("two_node = tf.constant(2)")).toBe("two_node");
    expect(assignedName("if (a == b) {")).toBeNull();
    expect(assignedName("const [a, b] = sess.run([x, y])")).toBeNull();
    expect(assignedName("print(sess.run(x))")).toBeNull();
  });
});

describe("learnerNames", () => {
  it("names the last op each assignment line created", () => {
    const s = buildStructure(computationPathNodes());
    expect([...learnerNames(s, COMPUTATION_PATH_SOURCE)]).toEqual([
      ["Placeholder", "input_placeholder"],
      ["Const", "three_node"],
      ["add", "sum_node"],
    ]);
  });

  it("names a variable, not its internals, and the train op, not the gradients", () => {
    const names = learnerNames(buildStructure(regressionNodes()), REGRESSION_SOURCE);
    expect(names.get("m")).toBe("m");
    expect(names.get("add")).toBe("y_guess");
    expect(names.get("mul")).toBeUndefined();
    expect(names.get("Square")).toBe("loss");
    expect(names.get("GradientDescent")).toBe("train_op");
  });

  it("gives a rebound name to the newest op", () => {
    const s = buildStructure([op("Const", "Const", { line: 1 }), op("Const_1", "Const", { line: 2 })]);
    expect([...learnerNames(s, "two_node = tf.constant(2)\ntwo_node = tf.constant(2)")]).toEqual([["Const_1", "two_node"]]);
  });
});
