import { describe, expect, it } from "vitest";
import { createTF } from "./tf.js";
import { PyFloat } from "./pyfloat.js";
import { plain } from "./testing/plain.js";

const f = (x: number) => new PyFloat(x);
const zeroInit = (tf: ReturnType<typeof createTF>) => tf.constant_initializer(f(0));

describe("get_variable", () => {
  it("builds TF's nodes for a variable with a constant initializer", () => {
    const tf = createTF();
    tf.get_variable("count", [], { initializer: zeroInit(tf) });
    expect(tf.get_default_graph().get_operations().map((o) => `${o.name}:${o.type}`)).toEqual([
      "count/Initializer/Const:Const",
      "count:VariableV2",
      "count/Assign:Assign",
      "count/read:Identity",
    ]);
  });

  it("refuses a second variable of the same name with TF's ValueError", () => {
    const tf = createTF({ line: () => 2 });
    tf.get_variable("count", [], { initializer: zeroInit(tf) });
    expect(() => tf.get_variable("count", [])).toThrow(
      "Variable count already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?",
    );
  });

  it("shares a variable under reuse and refuses a missing one", () => {
    const tf = createTF();
    const a = tf.variable_scope("layer", () => tf.get_variable("w", [2], { initializer: zeroInit(tf) }));
    const b = tf.variable_scope("layer", { reuse: true }, () => tf.get_variable("w", [2]));
    expect(b).toBe(a);
    expect(a.name).toBe("layer/w:0");
    expect(() => tf.variable_scope("layer", { reuse: true }, () => tf.get_variable("u", [2]))).toThrow(
      "Variable layer/u does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?",
    );
  });

  it("creates or reuses under AUTO_REUSE", () => {
    const tf = createTF();
    const get = () => tf.variable_scope("s", { reuse: tf.AUTO_REUSE }, () => tf.get_variable("v", [], { initializer: zeroInit(tf) }));
    expect(get()).toBe(get());
  });

  it("refuses to share with a different shape", () => {
    const tf = createTF();
    tf.variable_scope("s", () => tf.get_variable("v", [2], { initializer: zeroInit(tf) }));
    expect(() => tf.variable_scope("s", { reuse: true }, () => tf.get_variable("v", [3]))).toThrow(
      "Trying to share variable s/v, but specified shape (3,) and found shape (2,).",
    );
  });

  it("names variables by variable scope, not by name scope, and ops by name scope", () => {
    const tf = createTF();
    const [v, c] = tf.variable_scope("foo", () => {
      tf.name_scope("bar", () => 0);
      return tf.name_scope("bar", () => [tf.get_variable("v", [], { initializer: zeroInit(tf) }), tf.constant(1)] as const);
    });
    expect(v.name).toBe("foo/v:0");
    expect(c.name).toBe("foo/bar_1/Const:0");
    const again = tf.variable_scope("foo", () => tf.constant(1));
    expect(again.name).toBe("foo_1/Const:0");
  });

  it("uses glorot_uniform for floats and zeros for ints by default", () => {
    const tf = createTF();
    tf.get_variable("w", [2, 3]);
    tf.get_variable("n", [], { dtype: tf.int32 });
    const names = tf.get_default_graph().get_operations().map((o) => o.name);
    expect(names).toContain("w/Initializer/random_uniform/RandomUniform");
    expect(names).toContain("n/Initializer/zeros");
  });

  it("refuses a shape together with a tensor initializer", () => {
    const tf = createTF();
    expect(() => tf.get_variable("v", [], { initializer: tf.constant(f(1)) })).toThrow("If initializer is a constant, do not specify shape.");
    expect(tf.get_variable("v", { initializer: tf.constant(f(1)) }).shape.toString()).toBe("()");
  });
});

describe("tf.Variable", () => {
  it("builds initial_value, the variable, Assign and read, uniquifying names", () => {
    const tf = createTF();
    tf.Variable(f(1));
    new tf.Variable([f(0.3)], { dtype: tf.float32 });
    expect(tf.get_default_graph().get_operations().map((o) => o.name)).toEqual([
      "Variable/initial_value",
      "Variable",
      "Variable/Assign",
      "Variable/read",
      "Variable_1/initial_value",
      "Variable_1",
      "Variable_1/Assign",
      "Variable_1/read",
    ]);
  });

  it("lists global and trainable variables", () => {
    const tf = createTF();
    const a = tf.Variable(f(1), { name: "a" });
    const b = tf.Variable(f(1), { name: "b", trainable: false });
    expect(tf.global_variables()).toEqual([a, b]);
    expect(tf.trainable_variables()).toEqual([a]);
  });

  it("assigns through the variable's methods", () => {
    const tf = createTF();
    const v = tf.Variable(f(1), { name: "v" });
    const sess = tf.Session();
    sess.run(v.initializer);
    sess.run(v.assign(f(4)));
    sess.run(v.assign_sub(f(1)));
    expect(plain(sess.run(v))).toBe(3);
    v.load(f(9), sess);
    expect(plain(sess.run(v))).toBe(9);
  });
});
