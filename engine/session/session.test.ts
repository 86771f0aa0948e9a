import { describe, expect, it } from "vitest";
import { createTF } from "../tf.js";
import { operatorRuntime } from "../api/operators.js";
import { NDArray } from "../ndarray.js";
import { PyFloat } from "../pyfloat.js";
import type { RunRecord } from "../records.js";
import { plain } from "../testing/plain.js";
import { pyRepr } from "../format/python.js";
import type { NpScalar } from "../numpy/scalar.js";

function setup() {
  const runs: RunRecord[] = [];
  const stderr: string[] = [];
  let line = 1;
  const tf = createTF({ onRun: (r) => runs.push(r), stderr: (t) => stderr.push(t), line: () => line });
  const py = operatorRuntime(tf.get_default_graph().ctx);
  return { tf, py, runs, stderr, setLine: (l: number) => (line = l) };
}

const f = (x: number) => new PyFloat(x);

describe("Session.run fetches", () => {
  it("returns a 0-d number as a numpy scalar of its dtype, a bool as a boolean, a string as bytes, arrays as NDArrays", () => {
    const { tf, py } = setup();
    const sess = tf.Session();
    const five = sess.run(py.add(tf.constant(2), tf.constant(3))) as NpScalar;
    expect(pyRepr(five)).toBe("5");
    expect(five.dtype.name).toBe("int32");
    expect(pyRepr(sess.run(tf.constant(7.0, { dtype: tf.float32 })))).toBe("7.0");
    expect(pyRepr(sess.run(tf.constant(0.1, { dtype: tf.float64 })))).toBe("0.1");
    expect(sess.run(tf.constant(true))).toBe(true);
    expect(pyRepr(sess.run(tf.constant("Hello, TensorFlow!")))).toBe("b'Hello, TensorFlow!'");
    const v = sess.run(tf.constant([f(3), f(7)]));
    expect(v).toBeInstanceOf(NDArray);
    expect(String(v)).toBe("[3. 7.]");
  });

  it("returns nested lists and dicts with the same structure", () => {
    const { tf, py } = setup();
    const two = tf.constant(2);
    const three = tf.constant(3);
    const sum = py.add(two, three);
    const sess = tf.Session();
    expect(plain(sess.run([sum, [two, three]]))).toEqual([5, [2, 3]]);
    expect(plain(sess.run({ ab: [two, three], total: sum }))).toEqual({ ab: [2, 3], total: 5 });
  });

  it("returns null for an operation and accepts names", () => {
    const { tf } = setup();
    const c = tf.constant(4, { name: "four" });
    const sess = tf.Session();
    expect(sess.run(tf.no_op())).toBeNull();
    expect(plain(sess.run("four:0"))).toBe(4);
    expect(plain(sess.run(["four:0", "NoOp"]))).toEqual([4, null]);
    void c;
  });

  it("refuses None and non-tensors with TF's TypeError", () => {
    const { tf } = setup();
    tf.constant(1);
    const sess = tf.Session();
    expect(() => sess.run(null)).toThrow("Fetch argument None has invalid type <class 'NoneType'>");
    expect(() => sess.run(2)).toThrow("Fetch argument 2 has invalid type <class 'int'>, must be a string or Tensor. (Can not convert a int into a Tensor or Operation.)");
  });

  it("refuses a tensor of another graph", () => {
    const { tf } = setup();
    const other = tf.Graph().as_default(() => tf.constant(1));
    tf.constant(1);
    expect(() => tf.Session().run(other)).toThrow(
      `Fetch argument <tf.Tensor 'Const:0' shape=() dtype=int32> cannot be interpreted as a Tensor. (Tensor Tensor("Const:0", shape=(), dtype=int32) is not an element of this graph.)`,
    );
  });

  it("refuses to run an empty graph and a closed session", () => {
    const { tf } = setup();
    const sess = tf.Session();
    expect(() => sess.run([])).toThrow("The Session graph is empty.  Add operations to the graph before calling run().");
    tf.constant(1);
    sess.close();
    expect(() => sess.run("Const:0")).toThrow("Attempted to use a closed Session.");
  });
});

describe("computation paths", () => {
  it("runs only the ancestors of the fetches, in creation order", () => {
    const { tf, py, runs } = setup();
    const input = tf.placeholder(tf.int32);
    const three = tf.constant(3);
    const sum = py.add(input, three);
    const sess = tf.Session();
    expect(plain(sess.run(three))).toBe(3);
    expect(runs[0].path).toEqual(["Const"]);
    expect(() => sess.run(sum)).toThrow("You must feed a value for placeholder tensor 'Placeholder' with dtype int32");
    expect(runs[1]).toMatchObject({ ok: false, fetches: ["add:0"], path: ["Placeholder"] });
    expect(runs[1].error).toMatchObject({ type: "InvalidArgumentError", op: "Placeholder", path: ["add", "Placeholder"] });
  });

  it("adds TF 1.14's node line with the line that created the culprit", () => {
    const { tf, py, setLine } = setup();
    setLine(2);
    const p = tf.placeholder(tf.float32, [null, 3]);
    setLine(3);
    const y = py.mul(p, 2);
    expect(() => tf.Session().run(y)).toThrow(
      "You must feed a value for placeholder tensor 'Placeholder' with dtype float and shape [?,3]\n\t [[node Placeholder (defined at line 2) ]]",
    );
  });

  it("cuts the path at a fed tensor, which may be any tensor", () => {
    const { tf, py, runs } = setup();
    const p = tf.placeholder(tf.int32);
    const mid = py.mul(p, 10);
    const out = py.add(mid, 1);
    const sess = tf.Session();
    expect(plain(sess.run(out, { [String(mid)]: 5 }))).toBe(6);
    expect(runs[0].path).toEqual(["add/y", "add"]);
    expect(runs[0].feeds).toEqual(["mul:0"]);
  });

  it("returns the fed value when a fed tensor is fetched", () => {
    const { tf } = setup();
    const p = tf.placeholder(tf.int32);
    const sess = tf.Session();
    expect(plain(sess.run(p, { feed_dict: { [String(p)]: 2 } }))).toBe(2);
  });

  it("does not follow the reference edge from an assign to its variable", () => {
    const { tf, runs } = setup();
    const count = tf.get_variable("count", [], { initializer: tf.constant_initializer(f(0)) });
    const zero = tf.constant(f(0));
    const assign = tf.assign(count, zero);
    const sess = tf.Session();
    sess.run(assign);
    expect(runs[0].path).toEqual(["Const", "Assign"]);
    expect(runs[0].side_effects).toEqual([{ op: "Assign", kind: "init", target: "count", before: null, after: 0 }]);
    expect(plain(sess.run(count))).toBe(0);
  });

  it("computes each fetched tensor once per run", () => {
    const { tf, stderr } = setup();
    const x = tf.Print(tf.constant(1), [tf.constant(2)]);
    const sess = tf.Session();
    expect(plain(sess.run([x, x, [x]]))).toEqual([1, 1, [1]]);
    expect(stderr).toEqual(["[2]"]);
  });

  it("reuses the cached plan for the same fetches and feeds", () => {
    const { tf, py, runs } = setup();
    const x = tf.placeholder(tf.float32);
    const y = tf.placeholder(tf.float32);
    const z = py.add(x, y);
    const sess = tf.Session();
    sess.run(z, { [String(x)]: 1, [String(y)]: 2 });
    sess.run(z, { [String(y)]: 3, [String(x)]: 4 });
    sess.run([z], { [String(y)]: 3, [String(x)]: 4 });
    expect(runs[0].plan).toBe(runs[1].plan);
    expect(runs[2].plan).toBe(runs[1].plan);
    expect(plain(sess.run(z, new Map([[x, 1.5], [y, 2]])))).toBe(3.5);
  });
});

describe("feeds", () => {
  it("accepts computed keys, names, Maps and [tensor, value] pairs", () => {
    const { tf, py } = setup();
    const x = tf.placeholder(tf.int32, [], "x");
    const y = py.mul(x, 2);
    const sess = tf.Session();
    expect(plain(sess.run(y, { feed_dict: { [String(x)]: 3 } }))).toBe(6);
    expect(plain(sess.run(y, { "x:0": 4 }))).toBe(8);
    expect(plain(sess.run(y, new Map([[x, 5]])))).toBe(10);
    expect(plain(sess.run(y, [[x, 6]]))).toBe(12);
  });

  it("converts values as numpy does and checks shapes as TF does", () => {
    const { tf, py } = setup();
    const x = tf.placeholder(tf.int32, [3]);
    const sess = tf.Session();
    expect(plain(String(sess.run(x, { [String(x)]: [1.9, -1.9, 2] })))).toBe("[ 1 -1  2]");
    expect(() => sess.run(x, { [String(x)]: [1, 2] })).toThrow("Cannot feed value of shape (2,) for Tensor 'Placeholder:0', which has shape '(3,)'");
    const s = tf.placeholder(tf.float32);
    expect(() => sess.run(s, { [String(s)]: "abc" })).toThrow("could not convert string to float: 'abc'");
    expect(() => sess.run(s, { [String(s)]: [[1, 2], [3]] })).toThrow("setting an array element with a sequence.");
    void py;
  });

  it("refuses keys that are not tensors with TF's TypeError", () => {
    const { tf } = setup();
    const x = tf.placeholder(tf.int32);
    const sess = tf.Session();
    expect(() => sess.run(x, { "nope:0": 1 })).toThrow(
      "Cannot interpret feed_dict key as Tensor: The name 'nope:0' refers to a Tensor which does not exist. The operation, 'nope', does not exist in the graph.",
    );
    expect(() => sess.run(x, { Placeholder: 1 })).toThrow(
      `Cannot interpret feed_dict key as Tensor: The name 'Placeholder' refers to an Operation, not a Tensor. Tensor names must be of the form "<op_name>:<output_index>".`,
    );
  });

  it("records a run that fails on a bad feed, with an empty path", () => {
    const { tf, runs } = setup();
    const x = tf.placeholder(tf.int32, [2]);
    expect(() => tf.Session().run(x, { [String(x)]: 1 })).toThrow();
    expect(runs[0]).toMatchObject({ ok: false, path: [], error: { type: "ValueError" } });
  });
});

describe("variables in sessions", () => {
  it("fails on an uninitialized variable, naming it", () => {
    const { tf, py, runs } = setup();
    const count = tf.get_variable("count", []);
    const sess = tf.Session();
    expect(() => sess.run(count)).toThrow("Attempting to use uninitialized value count");
    const doubled = py.mul(count, f(2));
    expect(() => sess.run(doubled)).toThrow("Attempting to use uninitialized value count\n\t [[node count/read (defined at line 1) ]]");
    expect(runs[1].error).toMatchObject({ type: "FailedPreconditionError", op: "count", path: ["mul", "count/read", "count"] });
  });

  it("initializes every variable that exists when global_variables_initializer is created", () => {
    const { tf } = setup();
    const a = tf.get_variable("a", [], { initializer: tf.constant_initializer(f(1)) });
    const init = tf.global_variables_initializer();
    const b = tf.get_variable("b", [], { initializer: tf.constant_initializer(f(2)) });
    expect(init.control_inputs.map((o) => o.name)).toEqual(["a/Assign"]);
    const sess = tf.Session();
    sess.run(init);
    expect(plain(sess.run(a))).toBe(1);
    expect(() => sess.run(b)).toThrow("Attempting to use uninitialized value b");
  });

  it("keeps separate memories in two sessions", () => {
    const { tf } = setup();
    const v = tf.Variable(f(1), { name: "v" });
    const inc = tf.assign_add(v, f(1));
    const s1 = tf.Session();
    const s2 = tf.Session();
    s1.run(v.initializer);
    s2.run(v.initializer);
    s1.run(inc);
    s1.run(inc);
    expect(plain(s1.run(v))).toBe(3);
    expect(plain(s2.run(v))).toBe(1);
  });

  it("reads a variable after an earlier assign in the same run", () => {
    const { tf } = setup();
    const v = tf.Variable(f(1), { name: "v" });
    const set = tf.assign(v, f(5));
    const sess = tf.Session();
    sess.run(v.initializer);
    const after = tf.control_dependencies([set], () => tf.identity(v));
    expect(plain(sess.run(after))).toBe(5);
  });

  it("lets one variable's initial value read another's", () => {
    const { tf, py } = setup();
    const w = tf.Variable(f(3), { name: "w" });
    const w2 = tf.Variable(py.mul(w, f(2)), { name: "w2" });
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    expect(plain(sess.run(w2))).toBe(6);
  });

  it("supports eval and run with a default session", () => {
    const { tf } = setup();
    const c = tf.constant(7);
    expect(() => c.eval()).toThrow("Cannot evaluate tensor using `eval()`: No default session is registered.");
    const sess = tf.Session();
    expect(plain(sess.as_default(() => c.eval()))).toBe(7);
    expect(plain(tf.Session((s) => s.run(c)))).toBe(7);
    expect(plain(c.eval({ session: sess }))).toBe(7);
  });
});

describe("tf.Print", () => {
  it("prints when on the path and not when off it", () => {
    const { tf, py, stderr } = setup();
    const two = tf.constant(2);
    const three = tf.constant(3);
    const sum = py.add(two, three);
    const printed = tf.Print(sum, [two, three]);
    tf.Print(two, [two, three, sum]);
    const sess = tf.Session();
    expect(plain(sess.run(printed))).toBe(5);
    expect(plain(sess.run(sum))).toBe(5);
    expect(stderr).toEqual(["[2][3]"]);
  });

  it("honours message, first_n and summarize", () => {
    const { tf, stderr } = setup();
    const v = tf.constant([1, 2, 3, 4, 5]);
    const p = tf.Print(v, [v], { message: "v: ", first_n: 2, summarize: 2 });
    const sess = tf.Session();
    sess.run(p);
    sess.run(p);
    sess.run(p);
    expect(stderr).toEqual(["v: [1 2...]", "v: [1 2...]"]);
  });
});
