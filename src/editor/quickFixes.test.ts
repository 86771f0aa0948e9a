import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import type { NodeEvent, RunEvent } from "../runner/events";
import { runProgram } from "../runner/run_program";
import { programNames } from "../ui/programNames";
import { quickFixes, sampleValue, type TextEdit } from "./quickFixes";

const tutorial = (name: string) => readFileSync(new URL(`../../examples/tutorial/${name}`, import.meta.url), "utf8");

async function run(source: string): Promise<{ nodes: NodeEvent[]; runs: RunEvent[]; ok: boolean }> {
  const nodes: NodeEvent[] = [];
  const runs: RunEvent[] = [];
  const end = await runProgram(source, { seed: 1, emit: (e) => void (e.type === "node" ? nodes.push(e) : e.type === "run" && runs.push(e)) });
  return { nodes, runs, ok: end.ok };
}

function apply(source: string, e: TextEdit): string {
  const lines = source.split("\n");
  const t = lines[e.line - 1];
  lines[e.line - 1] = t.slice(0, e.startColumn - 1) + e.text + t.slice(e.endColumn - 1);
  return lines.join("\n");
}

/** The fixes of the program's first failed run, and the program with the first one applied. */
async function fix(source: string) {
  const { nodes, runs } = await run(source);
  const failed = runs.find((r) => !r.ok)!;
  const fixes = quickFixes(source, nodes, failed, programNames(nodes, source));
  return { fixes, fixed: fixes.length > 0 ? apply(source, fixes[0].edit) : source };
}

describe("quickFixes", () => {
  it("feeds an unfed placeholder in the failing call, and the program then runs", async () => {
    const { fixes, fixed } = await fix(tutorial("10_computation_paths.ts"));
    expect(fixes.map((f) => f.title)).toEqual(["Feed `input_placeholder` in this run"]);
    expect(fixed).toContain("print(sess.run(sum_node, {feed_dict: {[input_placeholder]: 1}}));");
    expect((await run(fixed)).ok).toBe(true);
  });

  it("adds the entry to an existing feed_dict", async () => {
    const source = ["const a = tf.placeholder(tf.float32);", "const b = tf.placeholder(tf.float32, [null, 2]);", "const c = a + b;", "const sess = tf.Session();", "sess.run(c, {feed_dict: {[a]: 2}});"].join("\n");
    const { fixes, fixed } = await fix(source);
    expect(fixes[0].title).toBe("Feed `b` in this run");
    expect(fixed.split("\n")[4]).toBe("sess.run(c, {feed_dict: {[a]: 2, [b]: [[1.0, 1.0]]}});");
    expect((await run(fixed)).ok).toBe(true);
  });

  it("runs the initializer before the failing statement, or before the loop it is in", async () => {
    const inLoop = [
      "const v = tf.get_variable('v', [], {initializer: tf.constant_initializer(1.0)});",
      "const init = tf.global_variables_initializer();",
      "const sess = tf.Session();",
      "for (const i of range(3)) {",
      "  print(sess.run(v));",
      "}",
    ].join("\n");
    const { fixes, fixed } = await fix(inLoop);
    expect(fixes.map((f) => f.title)).toEqual(["Run the initializer first"]);
    expect(fixed.split("\n")[3]).toBe("sess.run(init);");
    expect((await run(fixed)).ok).toBe(true);

    // No initializer in the program: a fresh one, made after the variable.
    const none = await fix(tutorial("13_initializer_not_run.ts"));
    expect(none.fixed.split("\n")[3]).toBe("sess.run(tf.global_variables_initializer());");
    expect((await run(none.fixed)).ok).toBe(true);
  });

  it("offers nothing for a failure it cannot fix by an edit", async () => {
    const { fixes } = await fix(["const x = tf.placeholder(tf.float32);", "const r = tf.reshape(x, [2]);", "const sess = tf.Session();", "sess.run(r, {feed_dict: {[x]: [1, 2, 3]}});"].join("\n"));
    expect(fixes).toEqual([]);
  });
});

describe("sampleValue", () => {
  it("makes a value of the placeholder's dtype and shape, unknown dimensions as 1", () => {
    expect(sampleValue("float32", "<unknown>")).toBe("1.0");
    expect(sampleValue("int32", "()")).toBe("1");
    expect(sampleValue("float32", "(?, 3)")).toBe("[[1.0, 1.0, 1.0]]");
    expect(sampleValue("bool", "(2,)")).toBe("[true, true]");
    expect(sampleValue("float32", "(?, 784)")).toBe("np.ones([1, 784])");
  });
});
