import { describe, expect, it } from "vitest";
import type { NodeEvent, RunEvent } from "../runner/events";
import { runProgram } from "../runner/run_program";
import { ProgramNames } from "./programNames";

async function program(source: string): Promise<{ names: ProgramNames; runs: RunEvent[] }> {
  const nodes: NodeEvent[] = [];
  const runs: RunEvent[] = [];
  await runProgram(source, { seed: 1, emit: (e) => (e.type === "node" ? nodes.push(e) : e.type === "run" ? runs.push({ ...e }) : undefined) });
  return { names: new ProgramNames(nodes, source), runs };
}

const REGRESSION = [
  'const m = tf.get_variable("m", [], {initializer: tf.constant_initializer(0.)});',
  "const x = tf.placeholder(tf.float32);",
  "const loss = tf.square(3.0 - m * x);",
  "const train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss);",
  "const sess = tf.Session();",
  "sess.run(tf.global_variables_initializer());",
  "for (const i of range(3)) {",
  "  const [l, _] = sess.run([loss, train_op], {feed_dict: {[x]: 1.0}});",
  "}",
  "const fetches = [m, loss];",
  "print(sess.run(fetches, {feed_dict: {[x]: 2.0}}));",
  "print(loss.eval({session: sess, feed_dict: {[x]: 1.0}}));",
].join("\n");

describe("ProgramNames.fetchNames", () => {
  it("names a training step's fetches as the learner wrote them, and falls back to their variables or TF's names", async () => {
    const { names, runs } = await program(REGRESSION);
    expect(runs[1].fetches).toEqual(["Square:0", "GradientDescent"]);
    expect(names.fetchNames(runs[1])).toEqual(["loss", "train_op"]);
    expect(names.fetchTitle(runs[1])).toBe("loss = Square:0 · train_op = GradientDescent");
    // An initializer made inside the call has no name in the source: TF's.
    expect(names.fetchNames(runs[0])).toEqual(["init"]);
    // `fetches` is one name for two fetches: each is named by its variable.
    expect(names.fetchNames(runs[4])).toEqual(["m", "loss"]);
    expect(names.fetchNames(runs[5])).toEqual(["loss"]);
  });

  it("tells apart two calls on one line by the ops their names hold", async () => {
    const { names, runs } = await program("const a = tf.constant(1);\nconst b = tf.constant(2);\nconst sess = tf.Session();\nprint(sess.run(b), sess.run(a));\n");
    expect(names.fetchNames(runs[0])).toEqual(["b"]);
    expect(names.fetchNames(runs[1])).toEqual(["a"]);
  });

  it("names each graph's ops on their own", async () => {
    const source = [
      "const g1 = tf.Graph();",
      "g1.as_default(() => {",
      "  const first = tf.constant(1);",
      "  tf.Session((s) => print(s.run(first)));",
      "});",
      "const g2 = tf.Graph();",
      "g2.as_default(() => {",
      "  const second = tf.constant(2);",
      "  tf.Session((s) => print(s.run(second)));",
      "});",
    ].join("\n");
    const { names, runs } = await program(source);
    expect(runs.map((r) => r.fetches[0])).toEqual(["Const:0", "Const:0"]);
    expect(runs.map((r) => names.fetchNames(r)[0])).toEqual(["first", "second"]);
    expect(names.nameOf("Const", runs[1].graph)).toBe("second");
  });
});
