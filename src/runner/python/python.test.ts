/**
 * Python mode in Node: TF 1.x Python programs (the seed tutorial's own, pasted as written)
 * run on the engine through Pyodide and report the same events as TypeScript programs.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { DiagnosticEvent, EndEvent, NodeEvent, ProgramEvent, RunEvent } from "../events";
import { runProgram } from "../run_program";
import { loadPythonNode } from "./load_node";
import type { PythonRuntime } from "./runtime";

// --- Factories ----------------------------------------------------------------------------

let rt: PythonRuntime;

beforeAll(async () => {
  rt = await loadPythonNode();
}, 300_000);

/** Runs Python `source` and sorts its events. */
async function run(source: string, seed = 1) {
  const events: ProgramEvent[] = [];
  const end: EndEvent = await runProgram(source, { seed, emit: (e) => events.push(e), values: "fetches", language: "python", python: rt });
  const lines = (type: "stdout" | "stderr") => events.filter((e) => e.type === type).map((e) => (e as { text: string }).text);
  return {
    end,
    stdout: lines("stdout"),
    stderr: lines("stderr"),
    nodes: events.filter((e): e is NodeEvent => e.type === "node"),
    runs: events.filter((e): e is RunEvent => e.type === "run"),
    hints: events.filter((e): e is DiagnosticEvent => e.type === "diagnostic"),
  };
}

const tutorial = (name: string) => readFileSync(new URL(`../../../examples/tutorial_py/${name}.py`, import.meta.url), "utf8");

/** Python source from indented lines (the first line's indentation is removed from all). */
function py(strings: TemplateStringsArray): string {
  const lines = strings.join("").replace(/^\n/, "").split("\n");
  const indent = /^ */.exec(lines[0])![0].length;
  return lines.map((l) => l.slice(indent)).join("\n");
}

// --- The tutorial ---------------------------------------------------------------------------

describe("the seed tutorial's programs, pasted as Python 2", () => {
  it("import: an empty graph, no output", async () => {
    const r = await run(tutorial("01_import"));
    expect(r).toMatchObject({ end: { ok: true }, stdout: [], stderr: [], nodes: [], runs: [] });
  });

  it("print two_node shows a pointer to a node, and says once that the print statement was converted", async () => {
    const r = await run(tutorial("02_constant"));
    expect(r.stdout).toEqual(['Tensor("Const:0", shape=(), dtype=int32)']);
    expect(r.hints.map((h) => [h.code, h.line])).toEqual([["python2-print", 3]]);
    expect(r.nodes.map((n) => [n.name, n.line])).toEqual([["Const", 2]]);
  });

  it("every tf.constant call adds a node", async () => {
    const r = await run(tutorial("03_every_call_adds_a_node"));
    expect(r.nodes.map((n) => n.name)).toEqual(["Const", "Const_1", "Const_2", "Const_3"]);
  });

  it("copying a pointer adds nothing", async () => {
    const r = await run(tutorial("04_copying_a_pointer"));
    expect(r.stdout).toEqual(["None", 'Tensor("Const:0", shape=(), dtype=int32)']);
  });

  it("+ on tensors adds an add node and computes nothing", async () => {
    const r = await run(tutorial("05_sum_node"));
    expect(r.nodes.map((n) => [n.name, n.op, n.inputs, n.line])).toEqual([
      ["Const", "Const", [], 2],
      ["Const_1", "Const", [], 3],
      ["add", "Add", ["Const:0", "Const_1:0"], 4],
    ]);
    expect(r.runs).toEqual([]);
  });

  it("sess.run computes along its path, on the learner's line", async () => {
    const r = await run(tutorial("06_session_run"));
    expect(r.stdout).toEqual(["5"]);
    expect(r.runs[0]).toMatchObject({ ok: true, line: 6, fetches: ["add:0"], path: ["Const", "Const_1", "add"] });
  });

  it("sess.run of a list returns a list", async () => {
    expect((await run(tutorial("07_run_a_list"))).stdout).toEqual(["[2, 5]"]);
  });

  it("an unfed placeholder ends the program with TF's error, a traceback and a hint in Python's syntax", async () => {
    const r = await run(tutorial("08_placeholder_not_fed"));
    expect(r.end.error).toMatchObject({ type: "InvalidArgumentError", line: 4 });
    expect(r.end.error!.message).toMatch(/^You must feed a value for placeholder tensor 'Placeholder' with dtype int32\n/);
    expect(r.stderr).toEqual(["Traceback (most recent call last):", '  File "main.py", line 4, in <module>', "    print sess.run(input_placeholder)"]);
    const hint = r.hints.find((h) => h.code === "unfed-placeholder")!;
    expect(hint.message).toContain("sess.run(input_placeholder, feed_dict={input_placeholder: ...})");
    expect(r.runs[0]).toMatchObject({ ok: false, line: 4, error: { op: "Placeholder" } });
  });

  it("a fed placeholder gives its value", async () => {
    expect((await run(tutorial("09_placeholder_fed"))).stdout).toEqual(["2"]);
  });

  it("only the computation path runs: the second run fails for the unfed placeholder", async () => {
    const r = await run(tutorial("10_computation_paths"));
    expect(r.stdout).toEqual(["3"]);
    expect(r.end.error).toMatchObject({ type: "InvalidArgumentError", line: 7 });
  });

  it("reading an uninitialized variable is a FailedPreconditionError", async () => {
    const r = await run(tutorial("11_variable_not_initialized"));
    expect(r.end.error).toMatchObject({ type: "FailedPreconditionError", line: 4 });
    expect(r.end.error!.message).toMatch(/^Attempting to use uninitialized value count/);
  });

  it("an assign is a side effect that sets the variable (numpy prints float32 zero as 0.0)", async () => {
    const r = await run(tutorial("12_assign"));
    expect(r.stdout).toEqual(["0.0"]);
  });

  it("an initializer that did not run leaves the variable empty", async () => {
    const r = await run(tutorial("13_initializer_not_run"));
    expect(r.end.error).toMatchObject({ type: "FailedPreconditionError", line: 5 });
  });

  it("global_variables_initializer initializes every variable", async () => {
    expect((await run(tutorial("14_global_variables_initializer"))).stdout).toEqual(["0.0"]);
  });

  it("the linear regression trains 100,000 steps, printing every loss as numpy prints a float32", async () => {
    const r = await run(tutorial("15_linear_regression"), 7);
    expect(r.end).toMatchObject({ ok: true });
    expect(r.stdout).toHaveLength(100_002);
    r.stdout.slice(0, 100_000).forEach((l, i) => {
      if (i % 9973 === 0) expect(l).toMatch(new RegExp(`^${i} (\\d+\\.\\d+|\\d(\\.\\d+)?e-\\d\\d|0\\.0)$`));
    });
    const [truth, learned] = r.stdout.slice(100_000);
    expect(truth).toMatch(/^True parameters: m=0\.\d{4}, b=0\.\d{4}$/);
    const nums = (l: string) => [...l.matchAll(/\d\.\d{4}/g)].map((m) => Number(m[0]));
    expect(learned).toMatch(/^Learned parameters: m=0\.\d{4}, b=0\.\d{4}$/);
    nums(learned).forEach((v, i) => expect(Math.abs(v - nums(truth)[i])).toBeLessThanOrEqual(0.00011));
    // The loss falls to nothing, as the tutorial shows.
    expect(Number(r.stdout[99_999].split(" ")[1])).toBeLessThan(1e-6);
    expect(r.runs.at(-1)).toMatchObject({ ok: true, line: 34, fetches: ["m:0", "b:0"] });
  }, 300_000);

  it("intermediate values come back in the fetch structure", async () => {
    expect((await run(tutorial("16_inspect_intermediates"))).stdout).toEqual(["[2, 3]", "5"]);
  });

  it("tf.Print writes to stderr when it runs", async () => {
    const r = await run(tutorial("17_tf_print"));
    expect(r).toMatchObject({ stdout: ["5"], stderr: ["[2][3]"] });
  });

  it("a tf.Print off the path prints nothing, and a hint says so", async () => {
    const r = await run(tutorial("18_tf_print_off_path"));
    expect(r).toMatchObject({ stdout: ["5"], stderr: [] });
    expect(r.hints.map((h) => h.code)).toContain("print-off-path");
  });
});

// --- Python's conventions ---------------------------------------------------------------------

describe("the tensorflow module speaks Python", () => {
  it("takes keyword arguments and None, and prints shapes and names as TF does", async () => {
    const r = await run(py`
      import tensorflow as tf
      x = tf.placeholder(tf.float32, shape=[None, 3], name="x")
      print(x)
      print(x.shape, x.dtype, x.name, x.op.type)
      print(x.get_shape().as_list())
    `);
    expect(r.stdout).toEqual(['Tensor("x:0", shape=(?, 3), dtype=float32)', "(?, 3) <dtype: 'float32'> x:0 Placeholder", "[None, 3]"]);
  });

  it("opens with-blocks: name and variable scopes, control dependencies, graphs and sessions", async () => {
    const r = await run(py`
      import tensorflow.compat.v1 as tf
      tf.disable_v2_behavior()
      with tf.name_scope("outer"):
          a = tf.constant(1, name="a")
          with tf.name_scope("inner") as scope:
              b = tf.constant(2, name="b")
      print(a.name, b.name, scope)
      with tf.variable_scope("layer"):
          w = tf.get_variable("w", [2], initializer=tf.zeros_initializer())
      with tf.variable_scope("layer", reuse=True):
          w2 = tf.get_variable("w")
      print(w.name, w2 is w)
      v = tf.Variable(0, name="v")
      inc = tf.assign_add(v, 1)
      with tf.control_dependencies([inc]):
          out = tf.identity(v, name="out")
      print([op.name for op in out.op.control_inputs])
      g = tf.Graph()
      with g.as_default():
          c = tf.constant(5)
          print(c.graph is g, tf.get_default_graph() is g)
      print(tf.get_default_graph() is g)
      with tf.Session(graph=g) as sess:
          print(sess.run(c), tf.get_default_session() is sess)
      print(tf.get_default_session())
    `);
    expect(r.end).toMatchObject({ ok: true });
    expect(r.stdout).toEqual(["outer/a:0 outer/inner/b:0 outer/inner/", "layer/w:0 True", "['AssignAdd']", "True True", "False", "5 True", "None"]);
  });

  it("builds TF's ops for operators, reflected ones and slicing", async () => {
    const r = await run(py`
      import tensorflow as tf
      x = tf.constant([[1., 2.], [3., 4.]])
      ops = [x + 1., 2. * x, 1. - x, x / 2., -x, x ** 2, x[0], x[:, 1], x[0, 1], abs(x), x @ x, x > 2.]
      print([t.op.name for t in ops])
      with tf.Session() as s:
          print(s.run(x[:, 1]))
          print(s.run(x @ x))
    `);
    expect(r.stdout).toEqual([
      "['add', 'mul', 'sub', 'truediv', 'Neg', 'pow', 'strided_slice', 'strided_slice_1', 'strided_slice_2', 'Abs', 'MatMul', 'Greater']",
      "[2. 4.]",
      "[[ 7. 10.]",
      " [15. 22.]]",
    ]);
  });

  it("takes tensors as feed_dict keys and returns numpy-like values that print as numpy does", async () => {
    const r = await run(py`
      import tensorflow as tf
      import numpy as np
      x = tf.placeholder(tf.float32, [None, 2])
      y = tf.reduce_sum(x, axis=1)
      sess = tf.Session()
      v = sess.run(y, {x: np.array([[1., 2.], [3., 4.5]])})
      print(v, type(v).__name__, v.dtype, v.shape)
      print(repr(v))
      s = sess.run(tf.reduce_sum(y), feed_dict={x: [[0.1, 0.2]]})
      print(s, type(s).__name__, "%.3f" % s, s * 2)
      d = sess.run({"a": y, "b": [tf.constant(1), tf.constant(True)]}, feed_dict={x: [[1, 1]]})
      print(d)
    `);
    expect(r.end).toMatchObject({ ok: true });
    expect(r.stdout).toEqual([
      "[3.  7.5] ndarray float32 (2,)",
      "array([3. , 7.5], dtype=float32)",
      "0.3 float32 0.300 0.6000000238418579",
      "{'a': array([2.], dtype=float32), 'b': [1, True]}",
    ]);
  });

  it("raises tf.errors as Python exceptions the program can catch", async () => {
    const r = await run(py`
      import tensorflow as tf
      x = tf.placeholder(tf.int32, name="x")
      sess = tf.Session()
      try:
          sess.run(x * 2)
      except tf.errors.InvalidArgumentError as e:
          print("caught", type(e).__name__, isinstance(e, tf.errors.OpError), e.op)
          print(e.message.splitlines()[0])
      try:
          tf.constant(1) + tf.constant(1.0)
      except TypeError as e:
          print("TypeError:", str(e)[:5])
      try:
          tf.placeholder(tf.float32, name=5)
      except TypeError as e:
          print("TypeError")
      try:
          tf.reshape(tf.constant([1, 2, 3]), [2, 2])
      except ValueError as e:
          print("ValueError", str(e)[:30])
    `);
    expect(r.end).toMatchObject({ ok: true });
    expect(r.stdout).toEqual([
      "caught InvalidArgumentError True x",
      "You must feed a value for placeholder tensor 'x' with dtype int32",
      expect.stringMatching(/^TypeError: /),
      expect.stringMatching(/^(TypeError|ValueError)/),
      expect.stringMatching(/^ValueError /),
    ]);
  });

  it("refuses a tensor as a Python bool, in TF's words", async () => {
    const r = await run("import tensorflow as tf\nif tf.constant(True):\n    pass\n");
    expect(r.end.error).toMatchObject({ type: "TypeError", line: 2 });
    expect(r.end.error!.message).toMatch(/^Using a `tf.Tensor` as a Python `bool` is not allowed/);
  });

  it("reports a SyntaxError with its line and column", async () => {
    const r = await run("import tensorflow as tf\nx = (1,\ny = 2 +\n");
    expect(r.end.error?.type).toBe("SyntaxError");
    expect(r.end.error?.message).toMatch(/\(\d+:\d+\)$/);
    expect(r.end.error?.line).toBeGreaterThan(0);
  });

  it("names a tf function the playground lacks", async () => {
    const r = await run("import tensorflow as tf\ntf.no_such_op(1)\n");
    expect(r.end.error).toMatchObject({ type: "AttributeError", line: 2 });
    expect(r.end.error!.message).toContain("no_such_op");
  });

  it("gives Python's own random, math and % formatting, seeded by the run's seed", async () => {
    const src = "import random, math\nprint('%.3f %d %s' % (math.pi, 7, [1, 'a']))\nprint(random.random())\n";
    const a = await run(src, 5);
    const b = await run(src, 5);
    expect(a.stdout[0]).toBe("3.142 7 [1, 'a']");
    expect(a.stdout).toEqual(b.stdout);
  });

  it("converts only print statements, keeping lines: print >>f, trailing commas, print alone", async () => {
    const r = await run(py`
      import sys
      print "a", 1
      print "b",
      print "c"
      print
      print >>sys.stderr, "err"
      x = [1, 2]; print x
      print("d")
    `);
    expect(r.stdout).toEqual(["a 1", "b c", "", "[1, 2]", "d"]);
    expect(r.stderr).toEqual(["err"]);
  });
});

describe("the numpy module", () => {
  it("makes arrays, seeded random numbers and reductions, printing as numpy", async () => {
    const src = py`
      import numpy as np
      a = np.array([[1., 2.], [3., 4.]], dtype=np.float32)
      print(a)
      print(a.shape, a.dtype, np.mean(a), a.sum(axis=0), np.argmax([1, 5, 2]))
      print(np.zeros((2, 3)).shape, np.ones(2), np.arange(3), np.linspace(0, 1, 3))
      np.random.seed(0)
      print(np.random.rand())
      print(np.reshape(np.arange(4), (2, 2)).tolist(), np.dot([1, 2], [3, 4]))
    `;
    const r = await run(src);
    expect(r.end).toMatchObject({ ok: true });
    expect(r.stdout).toEqual([
      "[[1. 2.]",
      " [3. 4.]]",
      "(2, 2) float32 2.5 [4. 6.] 1",
      "(2, 3) [1. 1.] [0 1 2] [0.  0.5 1. ]",
      "0.5488135039273248",
      "[[0, 1], [2, 3]] 11",
    ]);
  });

  it("names a function it does not have", async () => {
    const r = await run("import numpy as np\nnp.fft(1)\n");
    expect(r.end.error).toMatchObject({ type: "AttributeError", line: 2 });
    expect(r.end.error!.message).toMatch(/^module 'numpy' has no attribute 'fft' \(the playground's numpy is a small subset/);
  });
});
