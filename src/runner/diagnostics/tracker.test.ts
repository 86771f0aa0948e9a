import { describe, expect, it } from "vitest";
import type { DiagnosticEvent, ProgramEvent } from "../events";
import { runProgram } from "../run_program";
import { MAX_PER_CODE } from "./tracker";
import { assignedName, runCallOn } from "./source_hints";

// --- Factories ----------------------------------------------------------------------------

/** The program's lines joined (tests read better one statement per array item). */
function program(...lines: string[]): string {
  return lines.join("\n");
}

/** Every event of a run of `source`. */
async function eventsOf(source: string): Promise<ProgramEvent[]> {
  const events: ProgramEvent[] = [];
  await runProgram(source, { seed: 1, emit: (e) => events.push(e) });
  return events;
}

/** The diagnostics a run of `source` reports. */
async function hintsOf(source: string): Promise<DiagnosticEvent[]> {
  return (await eventsOf(source)).filter((e): e is DiagnosticEvent => e.type === "diagnostic");
}

// --- Tests --------------------------------------------------------------------------------

describe("DiagnosticsTracker", () => {
  describe("print-off-path", () => {
    it("says a tf.Print inside a cond branch no run took is in that branch, not off the path", async () => {
      const hints = await hintsOf(
        program(
          "const x = tf.constant(2);",
          "const r = tf.cond(tf.less(x, 5), () => x * 17, () => tf.Print(x, [x], 'big '));",
          "const sess = tf.Session();",
          "print(sess.run(r));",
        ),
      );
      expect(hints).toEqual([
        {
          type: "diagnostic",
          code: "print-off-path",
          message:
            "tf.Print 'cond/Print' (line 2) is in the false branch of 'cond', which no run took, so it printed nothing. " +
            "An op made inside false_fn runs only when the predicate picks that branch; the runs that needed it skipped it as dead. " +
            "An op made outside the branch functions runs whichever branch is taken.",
          ops: ["cond/Print"],
          line: 2,
        },
      ]);
    });

    it("reports a tf.Print that no run went through", async () => {
      const hints = await hintsOf(
        program(
          "const two_node = tf.constant(2);",
          "const three_node = tf.constant(3);",
          "const sum_node = two_node + three_node;",
          "const print_two_node = tf.Print(two_node, [two_node, three_node, sum_node]);",
          "const sess = tf.Session();",
          "print(sess.run(sum_node));",
        ),
      );
      expect(hints).toEqual([
        {
          type: "diagnostic",
          code: "print-off-path",
          message:
            "tf.Print 'Print' (line 4) never ran, so it printed nothing. Printing is a side effect of the Print op: it happens only when a sess.run's computation path goes through that op, and no run's path did (they used 'Const', the op whose output it copies, directly). Use the tensor tf.Print returns in place of the original: build the next ops from it, or fetch it.",
          ops: ["Print"],
          line: 4,
        },
      ]);
    });

    it("says nothing about a tf.Print that ran", async () => {
      expect(await hintsOf(program("const a = tf.constant(2);", "const p = tf.Print(a, [a]);", "tf.Session().run(p);"))).toEqual([]);
    });

    it("says nothing when the program never ran anything", async () => {
      expect(await hintsOf(program("const a = tf.constant(2);", "const p = tf.Print(a, [a]);"))).toEqual([]);
    });
  });

  describe("assign-off-path", () => {
    it("reports an assign that never ran, but not a variable's own initializer", async () => {
      const hints = await hintsOf(
        program("const v = tf.Variable(1, {name: 'v'});", "const reset = tf.assign(v, 0);", "const sess = tf.Session();", "sess.run(v.initializer);", "print(sess.run(v));"),
      );
      expect(hints).toHaveLength(1);
      expect(hints[0]).toMatchObject({ code: "assign-off-path", ops: ["Assign"], line: 2 });
      expect(hints[0].message).toMatch(/^The Assign op 'Assign' \(line 2\) never ran, so it never wrote 'v'\./);
    });

    it("says nothing about a Saver's restore assigns in a program that only saves", async () => {
      const hints = await hintsOf(
        program("const v = tf.Variable(1, {name: 'v'});", "const saver = tf.train.Saver();", "const sess = tf.Session();", "sess.run(v.initializer);", "saver.save(sess, '/tmp/m');"),
      );
      expect(hints).toEqual([]);
    });

    it("reports assign_add and assign_sub as well", async () => {
      const hints = await hintsOf(
        program("const v = tf.Variable(1, {name: 'v'});", "const up = tf.assign_add(v, 1);", "const down = tf.assign_sub(v, 1);", "tf.Session().run(v.initializer);"),
      );
      expect(hints.map((h) => [h.code, h.ops])).toEqual([
        ["assign-off-path", ["AssignAdd"]],
        ["assign-off-path", ["AssignSub"]],
      ]);
    });
  });

  describe("ops-in-loop", () => {
    const loop = (times: number) =>
      program("const c = tf.constant(2);", "const sess = tf.Session();", `for (const i of range(${times})) {`, "  sess.run(c * 2);", "}");

    it("reports a line that adds ops between runs, as soon as it has done so three times", async () => {
      const events = await eventsOf(loop(10));
      const hints = events.filter((e): e is DiagnosticEvent => e.type === "diagnostic");
      expect(hints).toHaveLength(1);
      expect(hints[0]).toMatchObject({ code: "ops-in-loop", line: 4, ops: ["mul_1", "mul_2"] });
      expect(hints[0].message).toMatch(/^Line 4 adds a new 'Mul' op to the graph every time round a loop, after sess.run has started \(mul_1, mul_2, \.\.\.\)\./);
      // Reported during the loop: before the fourth run, not at the end.
      const runsBefore = events.slice(0, events.indexOf(hints[0])).filter((e) => e.type === "run");
      expect(runsBefore).toHaveLength(3);
    });

    it("names the constants when constants are all a line adds", async () => {
      const [hint] = await hintsOf(program("const sess = tf.Session();", "for (const i of range(4)) {", "  print(sess.run(tf.constant(i)));", "}"));
      expect(hint).toMatchObject({ code: "ops-in-loop", line: 3, ops: ["Const_1", "Const_2", "Const_3"] });
    });

    it("says nothing about a loop that builds ops before any run", async () => {
      expect(await hintsOf(program("const cs = [];", "for (const i of range(10)) cs.push(tf.constant(i));", "tf.Session().run(cs);"))).toEqual([]);
    });

    it("says nothing about a line that adds ops after only two runs", async () => {
      expect(await hintsOf(loop(2))).toEqual([]);
    });
  });

  describe("variable-after-init", () => {
    it("reports a variable created after global_variables_initializer and never initialized", async () => {
      const hints = await hintsOf(
        program(
          "const a = tf.Variable(1, {name: 'a'});",
          "const init = tf.global_variables_initializer();",
          "const b = tf.Variable(2, {name: 'b'});",
          "const sess = tf.Session();",
          "sess.run(init);",
          "print(sess.run(a));",
        ),
      );
      expect(hints).toEqual([
        {
          type: "diagnostic",
          code: "variable-after-init",
          message:
            "Variable 'b' (line 3) was created after the initializer 'init' (line 2). tf.global_variables_initializer() covers only the variables that exist when it is created, so running it leaves 'b' uninitialized. Create the initializer after all your variables.",
          ops: ["b", "init"],
          line: 3,
        },
      ]);
    });

    it("says nothing when a later initializer covers the variable", async () => {
      const hints = await hintsOf(
        program("const a = tf.Variable(1);", "tf.global_variables_initializer();", "const b = tf.Variable(2);", "const init = tf.global_variables_initializer();", "tf.Session().run(init);"),
      );
      expect(hints).toEqual([]);
    });

    it("says nothing when the variable was initialized another way", async () => {
      const hints = await hintsOf(
        program("const a = tf.Variable(1);", "const init = tf.global_variables_initializer();", "const b = tf.Variable(2);", "const sess = tf.Session();", "sess.run([init, b.initializer]);"),
      );
      expect(hints).toEqual([]);
    });
  });

  describe("unfed-placeholder", () => {
    it("reports the placeholder, the path to it and the feed_dict fix in the learner's names", async () => {
      const events = await eventsOf(
        program(
          "const input_placeholder = tf.placeholder(tf.int32);",
          "const three_node = tf.constant(3);",
          "const sum_node = input_placeholder + three_node;",
          "const sess = tf.Session();",
          "print(sess.run(three_node));",
          "print(sess.run(sum_node));",
        ),
      );
      const hint = events.find((e): e is DiagnosticEvent => e.type === "diagnostic")!;
      expect(hint).toEqual({
        type: "diagnostic",
        code: "unfed-placeholder",
        message:
          "The sess.run on line 6 failed because placeholder 'Placeholder' (input_placeholder, line 1) was not fed. To compute 'add' the run needs 'Placeholder' (path: add → Placeholder), and a placeholder has no value of its own: every run whose path goes through it must feed one. Fix: sess.run(sum_node, {feed_dict: {[input_placeholder]: ...}}), where ... is the value (an int32 value).",
        ops: ["add", "Placeholder"],
        line: 6,
      });
      // Reported right after the failing run, before the program's end.
      const failed = events.findIndex((e) => e.type === "run" && !e.ok);
      expect(events[failed + 1]).toBe(hint);
    });

    it("asks to extend the feed_dict when the run already feeds something", async () => {
      const [hint] = await hintsOf(
        program("const x = tf.placeholder(tf.float32);", "const y = tf.placeholder(tf.float32);", "const s = x + y;", "const sess = tf.Session();", "sess.run(s, {feed_dict: {[x]: 1}});"),
      );
      expect(hint.message).toMatch(/Fix: add \[y\]: \.\.\. to the feed_dict of sess\.run\(\.\.\.\) on line 5, where \.\.\. is the value \(a float32 value\)\.$/);
    });

    it("falls back to the tensor's name when the placeholder has no variable name", async () => {
      const [hint] = await hintsOf(program("const s = tf.add(tf.placeholder(tf.int32, [], 'x'), 1);", "const sess = tf.Session();", "sess.run(s);"));
      expect(hint.message).toContain('Fix: sess.run(s, {feed_dict: {"x:0": ...}})');
    });

    it("reports one failing line once, however often it fails", async () => {
      const hints = await hintsOf(
        program("const p = tf.placeholder(tf.int32);", "const sess = tf.Session();", "for (const i of range(5)) {", "  try { sess.run(p); } catch (e) {}", "}"),
      );
      expect(hints.map((h) => h.code)).toEqual(["unfed-placeholder"]);
    });
  });

  describe("uninitialized-variable", () => {
    const uninitialized = async (...lines: string[]) => (await hintsOf(program(...lines))).find((h) => h.code === "uninitialized-variable")!;

    it("tells a program without an initializer to create and run one", async () => {
      const hint = await uninitialized("const count = tf.Variable(0., {name: 'count'});", "const sess = tf.Session();", "print(sess.run(count));");
      expect(hint).toEqual({
        type: "diagnostic",
        code: "uninitialized-variable",
        message:
          "The sess.run on line 3 read variable 'count' (line 1) before it held a value. A variable's value lives in the session, and each new session starts with every variable empty. Run tf.global_variables_initializer() first: create it after all your variables (const init = tf.global_variables_initializer();) and call sess.run(init) before this run, or give the variable a value with tf.assign.",
        ops: ["count"],
        line: 3,
      });
    });

    it("points to the initializer that covers the variable but did not run", async () => {
      const hint = await uninitialized("const count = tf.Variable(0., {name: 'count'});", "const init = tf.global_variables_initializer();", "const sess = tf.Session();", "print(sess.run(count));");
      expect(hint.ops).toEqual(["count", "init"]);
      expect(hint.message).toMatch(/The initializer 'init' \(line 2\) covers it: run it in this session first, sess\.run\(init\)\.$/);
    });

    it("explains an initializer created before the variable, and says it once", async () => {
      const hints = await hintsOf(
        program("const init = tf.global_variables_initializer();", "const count = tf.Variable(0., {name: 'count'});", "const sess = tf.Session();", "sess.run(init);", "print(sess.run(count));"),
      );
      expect(hints.map((h) => h.code)).toEqual(["uninitialized-variable"]);
      expect(hints[0].message).toMatch(
        /The initializer 'init' \(line 1\) was created before 'count' \(line 2\), and tf\.global_variables_initializer\(\) covers only the variables that exist when it is created\./,
      );
    });
  });

  it(`reports at most ${MAX_PER_CODE} hints of one code`, async () => {
    const lines = ["const sess = tf.Session();"];
    for (let i = 0; i < MAX_PER_CODE + 5; i++) lines.push(`try { sess.run(tf.placeholder(tf.int32)); } catch (e) {}`);
    const hints = await hintsOf(program(...lines));
    expect(hints).toHaveLength(MAX_PER_CODE);
  });
});

describe("source hints", () => {
  it("finds the variable a line assigns a tf call to", () => {
    expect(assignedName("const input_placeholder = tf.placeholder(tf.int32);", "placeholder")).toBe("input_placeholder");
    expect(assignedName("let x: tf.Tensor = tf.placeholder(tf.float32)", "placeholder")).toBe("x");
    expect(assignedName("this.x = tf.placeholder(tf.float32);", "placeholder")).toBe("this.x");
    expect(assignedName("print(tf.placeholder(tf.int32));", "placeholder")).toBeNull();
  });

  it("finds a run call's receiver and top-level arguments", () => {
    expect(runCallOn("print(sess.run(sum_node));")).toEqual({ receiver: "sess", args: ["sum_node"] });
    expect(runCallOn("const [a, b] = this.sess.run([x, f(y, z)], {feed_dict: {[p]: ')'}});")).toEqual({
      receiver: "this.sess",
      args: ["[x, f(y, z)]", "{feed_dict: {[p]: ')'}}"],
    });
    expect(runCallOn("sess.run(x,")).toBeNull();
    expect(runCallOn("print(x)")).toBeNull();
  });
});
