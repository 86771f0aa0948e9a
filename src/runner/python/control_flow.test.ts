/**
 * tf.cond, tf.case and tf.while_loop from Python: lambdas as branches and bodies, tuples and
 * namedtuples kept as TF 1.x keeps them, and exceptions raised inside them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { EndEvent, ProgramEvent } from "../events";
import { runProgram } from "../run_program";
import { loadPythonNode } from "./load_node";
import type { PythonRuntime } from "./runtime";

let rt: PythonRuntime;

beforeAll(async () => {
  rt = await loadPythonNode();
}, 300_000);

async function run(lines: string[]) {
  const events: ProgramEvent[] = [];
  const end: EndEvent = await runProgram(["import tensorflow as tf", ...lines].join("\n"), {
    seed: 1,
    emit: (e) => events.push(e),
    language: "python",
    python: rt,
  });
  const text = (type: "stdout" | "stderr") => events.filter((e) => e.type === type).map((e) => (e as { text: string }).text);
  return { end, stdout: text("stdout"), stderr: text("stderr") };
}

describe("tf.cond from Python", () => {
  it("runs only the branch the predicate picks, each branch a lambda", async () => {
    const r = await run([
      "x = tf.placeholder(tf.float32, shape=[])",
      "y = tf.cond(x > 0, lambda: x * 2.0, lambda: x - 1.0)",
      "print(y)",
      "with tf.Session() as sess:",
      "    print(sess.run(y, feed_dict={x: 3.0}), sess.run(y, {x: -3.0}))",
    ]);
    expect(r.end.ok).toBe(true);
    expect(r.stdout).toEqual(['Tensor("cond/Merge:0", shape=(), dtype=float32)', "6.0 -4.0"]);
  });

  it("returns a tuple when the branches return tuples, and a single tensor for a list of one", async () => {
    const r = await run([
      "x = tf.constant(2.0)",
      "pair = tf.cond(x > 0, lambda: (x, x + 1), lambda: (x - 1, x))",
      "one = tf.cond(x > 0, lambda: [x], lambda: [x + 1])",
      "print(type(pair).__name__, type(one).__name__)",
      "with tf.Session() as sess:",
      "    print(sess.run(pair))",
    ]);
    expect(r.stdout).toEqual(["tuple Tensor", "(2.0, 3.0)"]);
  });

  it("tf.case picks the first true predicate, else the default", async () => {
    const r = await run([
      "x = tf.placeholder(tf.float32, shape=[])",
      "c = tf.case([(x < 0, lambda: tf.constant(-1.0)), (x > 10, lambda: tf.constant(10.0))], default=lambda: x)",
      "with tf.Session() as sess:",
      "    print(sess.run(c, {x: 5.0}), sess.run(c, {x: -5.0}), sess.run(c, {x: 50.0}))",
    ]);
    expect(r.stdout).toEqual(["5.0 -1.0 10.0"]);
  });
});

describe("tf.while_loop from Python", () => {
  it("a loop over one variable given as a list of one returns the tensor (TF's docstring)", async () => {
    const r = await run([
      "i = tf.constant(0)",
      "c = lambda i: tf.less(i, 10)",
      "b = lambda i: tf.add(i, 1)",
      "r = tf.while_loop(c, b, [i])",
      "print(r)",
      "print(tf.Session().run(r))",
    ]);
    expect(r.stdout).toEqual(['Tensor("while/Exit:0", shape=(), dtype=int32)', "10"]);
  });

  it("nested tuples as loop variables come back as nested tuples, in the graph and from sess.run", async () => {
    const r = await run([
      "def body(i, pair):",
      "    a, b = pair",
      "    return i + 1, (a * 2.0, b + a)",
      "r = tf.while_loop(lambda i, p: i < 5, body, (tf.constant(0), (tf.constant(1.0), tf.constant(0.0))))",
      "print(type(r).__name__, type(r[1]).__name__, r[1][0].name)",
      "with tf.Session() as sess:",
      "    print(sess.run(r))",
    ]);
    expect(r.stdout).toEqual(["tuple tuple while/Exit_1:0", "(5, (32.0, 31.0))"]);
  });

  it("a namedtuple loop variable stays a namedtuple (TF's docstring example)", async () => {
    const r = await run([
      "import collections",
      "Pair = collections.namedtuple('Pair', 'j, k')",
      "ijk_0 = (tf.constant(0), Pair(tf.constant(1), tf.constant(2)))",
      "c = lambda i, p: i < 10",
      "b = lambda i, p: (i + 1, Pair((p.j + p.k), (p.j - p.k)))",
      "ijk_final = tf.while_loop(c, b, ijk_0)",
      "with tf.Session() as sess:",
      "    print(sess.run(ijk_final))",
    ]);
    expect(r.stdout).toEqual(["(10, Pair(j=32, k=64))"]);
  });
});

describe("exceptions inside branch and body functions", () => {
  it("one the program catches prints nothing", async () => {
    const r = await run([
      "try:",
      "    tf.while_loop(lambda i: i < 3, lambda i: undefined_name, [tf.constant(0)])",
      "except NameError as e:",
      "    print('caught:', e)",
    ]);
    expect(r.end.ok).toBe(true);
    expect(r.stdout).toEqual(["caught: name 'undefined_name' is not defined"]);
    expect(r.stderr).toEqual([]);
  });

  it("an uncaught one ends the run with its own type and the learner's frames", async () => {
    const r = await run(["x = tf.constant(1)", "y = tf.cond(x > 0, lambda: 1 / 0, lambda: x)"]);
    expect(r.end.error).toMatchObject({ type: "ZeroDivisionError", message: "division by zero", line: 3 });
    expect(r.stderr).toEqual([
      "Traceback (most recent call last):",
      '  File "main.py", line 3, in <module>',
      "    y = tf.cond(x > 0, lambda: 1 / 0, lambda: x)",
      '  File "main.py", line 3, in <lambda>',
      "    y = tf.cond(x > 0, lambda: 1 / 0, lambda: x)",
    ]);
  });
});
