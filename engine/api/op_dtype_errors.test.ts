/**
 * TF 1.15's TypeErrors for inputs whose dtypes disagree: the op definition's text (from
 * op_def_library's _apply_op_helper) for every Python operator and `tf.*` op that builds an
 * op directly, and the wrapper's own text where TF's Python wrapper checks first (`/`,
 * `tf.div`).
 */
import { describe, expect, it } from "vitest";
import { createTF } from "../tf.js";
import { operatorRuntime, type BinaryOperatorName } from "./operators.js";

function setup() {
  const tf = createTF();
  return { tf, py: operatorRuntime(tf.get_default_graph().ctx) };
}

const mismatch = (op: string, x = "x", y = "y") => `Input '${y}' of '${op}' Op has type float32 that does not match type int32 of argument '${x}'.`;

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  return "no error";
}

describe("Python operators on an int32 and a float32 tensor", () => {
  const ops: [BinaryOperatorName, string][] = [
    ["add", "Add"],
    ["sub", "Sub"],
    ["mul", "Mul"],
    ["mod", "FloorMod"],
    ["pow", "Pow"],
    ["lt", "Less"],
    ["le", "LessEqual"],
    ["gt", "Greater"],
    ["ge", "GreaterEqual"],
  ];
  it.each(ops)("`%s` raises the op definition's TypeError for %s", (name, op) => {
    const { tf, py } = setup();
    expect(errorOf(() => py[name](tf.constant(1), tf.constant(2.5)))).toBe(`TypeError: ${mismatch(op)}`);
  });

  it("raises it for `tf.constant(1) + tf.constant(2.5)`, the issue's example", () => {
    const { tf, py } = setup();
    expect(() => py.add(tf.constant(1), tf.constant(2.5))).toThrow("Input 'y' of 'Add' Op has type float32 that does not match type int32 of argument 'x'.");
  });

  it("raises it for a variable operand and for a plain float on the right (converted as a float32)", () => {
    const { tf, py } = setup();
    const v = tf.Variable(2.5);
    expect(errorOf(() => py.mul(tf.constant(1), v))).toBe(`TypeError: ${mismatch("Mul")}`);
    expect(errorOf(() => py.sub(tf.constant(1), 2.5))).toBe(`TypeError: ${mismatch("Sub")}`);
    // The right operand converted before the op refused it: TF leaves its Const in the graph too.
    expect(tf.get_default_graph().get_operation_by_name("sub/y").type).toBe("Const");
  });

  it("keeps converting plain right operands to the tensor's dtype when they fit", () => {
    const { tf, py } = setup();
    expect(String(py.add(tf.constant(1.5), 2))).toBe('Tensor("add:0", shape=(), dtype=float32)');
    expect(String(py.mul(tf.constant(2), 3))).toBe('Tensor("mul:0", shape=(), dtype=int32)');
  });

  it("converts a plain left operand to the tensor's dtype, as Python's reflected operator does", () => {
    const { tf, py } = setup();
    expect(errorOf(() => py.add(2.5, tf.constant(1)))).toBe("TypeError: Expected int32, got 2.5 of type 'float' instead.");
  });

  it("has `/` check the dtypes itself and `&` require bools, as TF's wrappers do", () => {
    const { tf, py } = setup();
    expect(errorOf(() => py.truediv(tf.constant(1), tf.constant(2.5)))).toBe("TypeError: x and y must have the same dtype, got tf.int32 != tf.float32");
    expect(errorOf(() => py.and(tf.constant(1), tf.constant(true)))).toBe("TypeError: Input 'x' of 'LogicalAnd' Op has type int32 that does not match expected type of bool.");
  });
});

describe("tf.* ops on an int32 and a float32 tensor", () => {
  const fns: [string, string][] = [
    ["add", "Add"],
    ["subtract", "Sub"],
    ["multiply", "Mul"],
    ["floordiv", "FloorDiv"],
    ["realdiv", "RealDiv"],
    ["mod", "FloorMod"],
    ["floormod", "FloorMod"],
    ["pow", "Pow"],
    ["maximum", "Maximum"],
    ["minimum", "Minimum"],
    ["squared_difference", "SquaredDifference"],
    ["equal", "Equal"],
    ["not_equal", "NotEqual"],
    ["less", "Less"],
    ["less_equal", "LessEqual"],
    ["greater", "Greater"],
    ["greater_equal", "GreaterEqual"],
  ];
  it.each(fns)("tf.%s raises the op definition's TypeError for %s", (fn, op) => {
    const { tf } = setup();
    const f = (tf as unknown as Record<string, (a: unknown, b: unknown) => unknown>)[fn];
    expect(errorOf(() => f(tf.constant(1), tf.constant(2.5)))).toBe(`TypeError: ${mismatch(op)}`);
  });

  it("names the op's own arguments: MatMul's a and b, AddN's list and its type attr", () => {
    const { tf } = setup();
    expect(errorOf(() => tf.matmul(tf.constant([[1]]), tf.constant([[2.5]])))).toBe(`TypeError: ${mismatch("MatMul", "a", "b")}`);
    expect(errorOf(() => tf.add_n([tf.constant(1), tf.constant(2.5)]))).toBe(`TypeError: ${mismatch("AddN", "T", "inputs")}`);
  });

  it("refuses a float for an int op with TF's conversion TypeError", () => {
    const { tf } = setup();
    expect(errorOf(() => tf.add(tf.constant(1), 2.5))).toBe(
      "TypeError: Expected int32 passed to parameter 'y' of op 'Add', got 2.5 of type 'float' instead. Error: Expected int32, got 2.5 of type 'float' instead.",
    );
  });

  it("keeps TF's own checks in tf.truediv, tf.divide and tf.div (a ValueError from converting y)", () => {
    const { tf } = setup();
    expect(errorOf(() => tf.truediv(tf.constant(1), tf.constant(2.5)))).toBe("TypeError: x and y must have the same dtype, got tf.int32 != tf.float32");
    expect(errorOf(() => tf.divide(tf.constant(1), tf.constant(2.5)))).toBe("TypeError: x and y must have the same dtype, got tf.int32 != tf.float32");
    expect(errorOf(() => tf.div(tf.constant(1), tf.constant(2.5)))).toBe(
      "ValueError: Tensor conversion requested dtype int32 for Tensor with dtype float32: 'Tensor(\"Const_5:0\", shape=(), dtype=float32)'",
    );
  });

  it("reports int64 against int32 the same way", () => {
    const { tf } = setup();
    expect(errorOf(() => tf.add(tf.constant(1), tf.constant(2, { dtype: tf.int64 })))).toBe(
      "TypeError: Input 'y' of 'Add' Op has type int64 that does not match type int32 of argument 'x'.",
    );
  });
});
