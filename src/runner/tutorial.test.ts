/**
 * Every code example of the seed tutorial ("TensorFlow: The Confusing Parts"), in the
 * playground's dialect (examples/tutorial/*.ts), with the output the tutorial shows (in
 * Python 3: `print(x)`; a float32 scalar prints `0` where numpy prints `0.0`) and the paths,
 * feeds, side effects and errors it describes.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DiagnosticEvent, NodeEvent, ProgramEvent, RunEvent } from "./events";
import { runProgram } from "./run_program";

// --- Factories ----------------------------------------------------------------------------

const EXAMPLES = new URL("../../examples/tutorial/", import.meta.url);

/** Runs examples/tutorial/<name>.ts and sorts its events. */
async function runExample(name: string, seed = 1) {
  const source = readFileSync(new URL(`${name}.ts`, EXAMPLES), "utf8");
  const events: ProgramEvent[] = [];
  const end = await runProgram(source, { seed, emit: (e) => events.push(e), values: "fetches" });
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

// --- Tests --------------------------------------------------------------------------------

describe("the tutorial's examples", () => {
  it("import: an empty graph, no output", async () => {
    const r = await runExample("01_import");
    expect(r).toMatchObject({ end: { ok: true }, stdout: [], stderr: [], nodes: [], runs: [] });
  });

  it("tf.constant: printing the tensor shows a pointer to a node, not a value", async () => {
    const r = await runExample("02_constant");
    expect(r.stdout).toEqual(['Tensor("Const:0", shape=(), dtype=int32)']);
    expect(r.nodes.map((n) => [n.name, n.op, n.attrs?.value])).toEqual([["Const", "Const", 2]]);
  });

  it("every tf.constant call adds a node, even an identical or unassigned one", async () => {
    const r = await runExample("03_every_call_adds_a_node");
    expect(r.nodes.map((n) => n.name)).toEqual(["Const", "Const_1", "Const_2", "Const_3"]);
    expect(r.stdout).toEqual([]);
  });

  it("copying a pointer adds nothing to the graph", async () => {
    const r = await runExample("04_copying_a_pointer");
    expect(r.stdout).toEqual(["None", 'Tensor("Const:0", shape=(), dtype=int32)']);
    expect(r.nodes.map((n) => n.name)).toEqual(["Const"]);
  });

  it("+ on tensors adds an add node with the two constants as inputs, and computes nothing", async () => {
    const r = await runExample("05_sum_node");
    expect(r.nodes.map((n) => [n.name, n.op, n.inputs])).toEqual([
      ["Const", "Const", []],
      ["Const_1", "Const", []],
      ["add", "Add", ["Const:0", "Const_1:0"]],
    ]);
    expect(r.runs).toEqual([]);
  });

  // Also the first example of "Debugging with tf.Print", which is the same program.
  it("sess.run computes the sum along its computation path", async () => {
    const r = await runExample("06_session_run");
    expect(r.stdout).toEqual(["5"]);
    expect(r.runs).toHaveLength(1);
    expect(r.runs[0]).toMatchObject({ ok: true, line: 5, fetches: ["add:0"], feeds: [], path: ["Const", "Const_1", "add"], values: { "add:0": 5 } });
  });

  it("sess.run of a list returns a list", async () => {
    const r = await runExample("07_run_a_list");
    expect(r.stdout).toEqual(["[2, 5]"]);
    expect(r.runs[0]).toMatchObject({ fetches: ["Const:0", "add:0"], path: ["Const", "Const_1", "add"] });
  });

  it("an unfed placeholder fails the run with InvalidArgumentError", async () => {
    const r = await runExample("08_placeholder_not_fed");
    expect(r.stdout).toEqual([]);
    expect(r.end.error).toEqual({
      type: "InvalidArgumentError",
      message: "You must feed a value for placeholder tensor 'Placeholder' with dtype int32\n\t [[node Placeholder (defined at line 1) ]]",
      line: 3,
    });
    expect(r.runs[0]).toMatchObject({ ok: false, path: ["Placeholder"], error: { type: "InvalidArgumentError", op: "Placeholder", path: ["Placeholder"] } });
    expect(r.hints.map((h) => h.code)).toEqual(["unfed-placeholder"]);
  });

  it("feed_dict gives the placeholder its value", async () => {
    const r = await runExample("09_placeholder_fed");
    expect(r.stdout).toEqual(["2"]);
    expect(r.runs[0]).toMatchObject({ ok: true, fetches: ["Placeholder:0"], feeds: ["Placeholder:0"], path: [], values: { "Placeholder:0": 2 } });
  });

  it("computation paths: three_node runs, sum_node fails at the placeholder it needs", async () => {
    const r = await runExample("10_computation_paths");
    expect(r.stdout).toEqual(["3"]);
    expect(r.runs.map((x) => [x.ok, x.line, x.path])).toEqual([
      [true, 5, ["Const"]],
      [false, 6, ["Placeholder"]],
    ]);
    expect(r.runs[1].error).toMatchObject({ type: "InvalidArgumentError", op: "Placeholder", path: ["add", "Placeholder"] });
    expect(r.end.error).toMatchObject({ type: "InvalidArgumentError", line: 6 });
    expect(r.hints).toEqual([expect.objectContaining({ code: "unfed-placeholder", ops: ["add", "Placeholder"], line: 6 })]);
  });

  it("reading a new variable fails with FailedPreconditionError", async () => {
    const r = await runExample("11_variable_not_initialized");
    expect(r.end.error).toEqual({
      type: "FailedPreconditionError",
      message: "Attempting to use uninitialized value count\n\t [[node count (defined at line 1) ]]",
      line: 3,
    });
    expect(r.runs[0]).toMatchObject({ ok: false, error: { op: "count" } });
    expect(r.hints.map((h) => h.code)).toEqual(["uninitialized-variable"]);
  });

  it("tf.assign writes the variable as a side effect of running it", async () => {
    const r = await runExample("12_assign");
    // A float32 variable prints as numpy prints a float32: `0.0`.
    expect(r.stdout).toEqual(["0.0"]);
    expect(r.runs[0]).toMatchObject({ ok: true, fetches: ["Assign:0"], path: ["Const", "Assign"] });
    // The first write of a variable is recorded as its initialization.
    expect(r.runs[0].side_effects).toEqual([{ op: "Assign", kind: "init", target: "count", before: null, after: 0 }]);
    expect(r.runs[1]).toMatchObject({ ok: true, fetches: ["count:0"], path: ["count"] });
  });

  it("an initializer does nothing until a run goes through it", async () => {
    const r = await runExample("13_initializer_not_run");
    expect(r.stdout).toEqual([]);
    expect(r.end.error).toEqual({
      type: "FailedPreconditionError",
      message: "Attempting to use uninitialized value count\n\t [[node count (defined at line 2) ]]",
      line: 4,
    });
    expect(r.hints.map((h) => h.code)).toEqual(["uninitialized-variable"]);
  });

  it("running global_variables_initializer initializes the variable", async () => {
    const r = await runExample("14_global_variables_initializer");
    // A float32 variable prints as numpy prints a float32: `0.0`.
    expect(r.stdout).toEqual(["0.0"]);
    expect(r.runs[0]).toMatchObject({ ok: true, fetches: ["init"], path: ["count/Initializer/Const", "count/Assign", "init"] });
    expect(r.runs[0].side_effects).toEqual([{ op: "count/Assign", kind: "init", target: "count", before: null, after: 0 }]);
    expect(r.hints).toEqual([]);
  });

  it(
    "the optimizer loop learns the true parameters",
    async () => {
      const r = await runExample("15_linear_regression", 2018);
      expect(r.end).toMatchObject({ ok: true });
      expect(r.stdout).toHaveLength(100_002);
      expect(r.stdout[0]).toMatch(/^0 \d/);
      expect(r.stdout[99_999]).toMatch(/^99999 \d/);
      const [, trueM, trueB] = /^True parameters: m=(\d\.\d{4}), b=(\d\.\d{4})$/.exec(r.stdout[100_000])!.map(Number);
      const [, learnedM, learnedB] = /^Learned parameters: m=(\d\.\d{4}), b=(\d\.\d{4})$/.exec(r.stdout[100_001])!.map(Number);
      // The tutorial's run printed equal digits; float32 SGD lands within a unit of the 4th.
      expect(Math.abs(learnedM - trueM)).toBeLessThanOrEqual(0.00015);
      expect(Math.abs(learnedB - trueB)).toBeLessThanOrEqual(0.00015);
      const lastLoss = Number(r.stdout[99_999].split(" ")[1]);
      expect(lastLoss).toBeLessThan(1e-6);
      // One init run, 100,000 training runs through one plan, one final fetch of [m, b].
      expect(r.runs).toHaveLength(100_002);
      expect(new Set(r.runs.slice(1, 100_001).map((x) => x.plan)).size).toBe(1);
      const step = r.runs[1];
      expect(step.feeds).toEqual(["Placeholder:0", "Placeholder_1:0"]);
      expect(step.side_effects.map((s) => s.target).sort()).toEqual(["b", "m"]);
    },
    60_000,
  );

  it("fetching intermediate nodes inspects them", async () => {
    const r = await runExample("16_inspect_intermediates");
    expect(r.stdout).toEqual(["[2, 3]", "5"]);
    expect(r.runs[0].fetches).toEqual(["add:0", "Const:0", "Const_1:0"]);
  });

  it("tf.Print on the path prints to stderr as a side effect", async () => {
    const r = await runExample("17_tf_print");
    expect(r.stderr).toEqual(["[2][3]"]);
    expect(r.stdout).toEqual(["5"]);
    expect(r.runs[0].path).toEqual(["Const", "Const_1", "add", "Print"]);
    expect(r.runs[0].side_effects).toEqual([{ op: "Print", kind: "print", text: "[2][3]" }]);
    expect(r.hints).toEqual([]);
  });

  it("tf.Print off the path prints nothing, and the playground says why", async () => {
    const r = await runExample("18_tf_print_off_path");
    expect(r.stdout).toEqual(["5"]);
    expect(r.stderr).toEqual([]);
    expect(r.runs[0].path).toEqual(["Const", "Const_1", "add"]);
    expect(r.hints).toEqual([expect.objectContaining({ code: "print-off-path", ops: ["Print"], line: 5 })]);
  });
});
