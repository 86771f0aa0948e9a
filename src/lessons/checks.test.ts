import { describe, expect, it } from "vitest";
import type { NodeEvent, ProgramEvent, RunEvent } from "../runner/events";
import { CheckSyntaxError, evaluateChecks, parseCheck, traceOf, valuesNeeded, type CheckResult } from "./checks";
import { evaluateCheck } from "./checks/evaluate";

// ---- small factories -----------------------------------------------------------------------

function node(name: string, op: string, more: Partial<NodeEvent> = {}): NodeEvent {
  return { type: "node", name, op, inputs: [], control_inputs: [], ref_inputs: [], dtype: "float32", shape: "()", line: 1, effects: [], graph: 0, ...more };
}

let runIndex = 0;
function run(more: Partial<RunEvent> = {}): RunEvent {
  return { type: "run", index: runIndex++, session: 0, line: 1, fetches: [], feeds: [], path: [], side_effects: [], ok: true, graph: 0, plan: runIndex, ...more };
}

function failedRun(type: string, op: string, more: Partial<RunEvent> = {}): RunEvent {
  return run({ ok: false, error: { type, message: `${type} at ${op}\n\t [[node ${op} ]]`, op, path: [op], line: 1 }, ...more });
}

function end(ok = true, error?: { type: string; message: string }): ProgramEvent {
  return ok ? { type: "end", ok, seed: 1 } : { type: "end", ok, error, seed: 1 };
}

/** Evaluates one check line against events (runs are renumbered from 1). */
function check(line: string, events: ProgramEvent[]): CheckResult {
  let i = 0;
  const numbered = events.map((e) => (e.type === "run" ? { ...e, index: i++ } : e));
  return evaluateCheck(parseCheck(line), traceOf(numbered));
}

function passes(line: string, events: ProgramEvent[]): void {
  expect(check(line, events)).toEqual({ ok: true });
}

function notYet(line: string, events: ProgramEvent[]): string {
  const r = check(line, events);
  if (r.ok) throw new Error(`expected "${line}" to fail`);
  expect(r.message).toMatch(/^not yet: /);
  return r.message;
}

// A small program: two constants, a placeholder, an add; a failing run, then a fed one.
const constants: ProgramEvent[] = [
  node("Const", "Const"),
  node("Const_1", "Const"),
  node("Placeholder", "Placeholder", { effects: ["placeholder"] }),
  node("add", "Add", { inputs: ["Placeholder:0", "Const_1:0"] }),
];
const feedProgram: ProgramEvent[] = [
  ...constants,
  run({ fetches: ["Const:0"], path: ["Const"], values: { "Const:0": 2 } }),
  failedRun("InvalidArgumentError", "Placeholder", { fetches: ["add:0"], path: [] }),
  run({ fetches: ["add:0"], feeds: ["Placeholder:0"], path: ["Const_1", "add"], values: { "add:0": 5 } }),
  { type: "stdout", text: "2" },
  end(false, { type: "InvalidArgumentError", message: "You must feed a value for placeholder tensor 'Placeholder'\n\t [[node Placeholder ]]" }),
];

// ---- parseCheck --------------------------------------------------------------------------

describe("parseCheck", () => {
  it("reads a run check with error type and culprit", () => {
    expect(parseCheck("run #1 fails with InvalidArgumentError at `Placeholder`", 7)).toMatchObject({
      kind: "runs",
      selector: { kind: "index", index: 1, words: "run #1" },
      predicates: [{ verb: "fail", negated: false, error: "InvalidArgumentError", at: "Placeholder" }],
      line: 7,
    });
  });

  it("joins predicates with and, each with its own negation", () => {
    const c = parseCheck("some run runs `Assign` and does not run `count`");
    expect(c).toMatchObject({ predicates: [{ verb: "run", node: "Assign", negated: false }, { verb: "run", node: "count", negated: true }] });
  });

  it("keeps the line as written for messages", () => {
    expect(parseCheck("  the graph has 4 Const ops  ").text).toBe("the graph has 4 Const ops");
  });

  it("reads ordinals as run numbers from #0", () => {
    expect(parseCheck("the third run succeeds")).toMatchObject({ selector: { kind: "index", index: 2, words: "the third run" } });
  });

  it("refuses an unknown verb, naming the verbs it knows and the column", () => {
    try {
      parseCheck("run #1 fial");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CheckSyntaxError);
      expect((error as CheckSyntaxError).message).toMatch(/expected what the run does: `succeeds`, `fails`.*found "fial"/);
      expect((error as CheckSyntaxError).col).toBe(8);
    }
  });

  it("refuses a sentence that is not a check, listing how checks start", () => {
    expect(() => parseCheck("make sure it works")).toThrow(/a check: it starts with `the graph has`/);
  });

  it("refuses an unknown diagnostic code", () => {
    expect(() => parseCheck("diagnostic print-of-path is reported")).toThrow(/expected a diagnostic code \(print-off-path/);
  });

  it("refuses a node name without its closing backtick", () => {
    expect(() => parseCheck("run #1 runs `add")).toThrow(/no closing backtick/);
  });

  it("refuses words after a complete check", () => {
    expect(() => parseCheck("no run fails please")).toThrow(/expected `and` or the end of the check, found "please"/);
  });

  it("asks for run #N when the # is missing, since the Runs panel numbers runs from #0", () => {
    expect(() => parseCheck("run 2 succeeds")).toThrow("expected `run #2` (runs are numbered from #0, as the Runs panel shows them; or write `the first run`), found \"2\"");
    expect(() => parseCheck("some run uses session 1")).toThrow(/expected `session #1` \(sessions are numbered from #0/);
  });

  it("refuses a bad regular expression", () => {
    expect(() => parseCheck("stdout matches /(/")).toThrow(/not a valid regular expression/);
  });

  it("refuses an empty check", () => {
    expect(() => parseCheck("   ")).toThrow(/empty check/);
  });
});

// ---- the graph -----------------------------------------------------------------------------

describe("graph checks", () => {
  it("count nodes by op type", () => {
    passes("the graph has 2 Const ops", constants);
    expect(notYet("the graph has 4 Const ops", constants)).toBe("not yet: the graph has 2 Const ops (`Const`, `Const_1`); expected 4");
  });

  it("count every node, with at least and at most", () => {
    passes("the graph has 4 nodes", constants);
    passes("the graph has at least 3 ops", constants);
    notYet("the graph has at most 3 nodes", constants);
  });

  it("find nodes by name, with * for any characters", () => {
    passes("the graph has a node named `add`", constants);
    passes("the graph has 2 nodes named `Const*`", constants);
    passes("the graph has no node named `Print`", constants);
    expect(notYet("the graph has a node named `mul`", constants)).toBe("not yet: the graph has no node named `mul`; expected at least 1");
  });

  it("point at a scoped node when the check names it without its scope", () => {
    const scoped = [node("layer1/w", "VariableV2")];
    expect(notYet("the graph has a node named `w`", scoped)).toContain("(it has `layer1/w`)");
  });

  it("combine op type and name", () => {
    const assigns = [node("a/Assign", "Assign"), node("Assign", "Assign"), node("b/Assign", "Const")];
    passes("the graph has 1 Assign op named `*/Assign`", assigns);
  });

  it("mention that the program stopped early when nodes are missing", () => {
    expect(notYet("the graph has 5 nodes", [...constants, end(false, { type: "ValueError", message: "Variable w already exists" })])).toContain(
      "(the program stopped with ValueError: Variable w already exists)",
    );
  });
});

describe("edge checks", () => {
  const assign = [node("count", "VariableV2"), node("Const", "Const"), node("Assign", "Assign", { inputs: ["Const:0"], ref_inputs: ["count:0"] }), node("init", "NoOp", { control_inputs: ["count/Assign"] })];

  it("tell data edges from reference edges", () => {
    passes("`Assign` reads `Const`", assign);
    passes("`Assign` writes `count`", assign);
    passes("`Assign` does not read `count`", assign);
    expect(notYet("`Assign` reads `count`", assign)).toBe("not yet: `Assign` reads `Const:0`; expected it to read `count`");
  });

  it("see control edges", () => {
    passes("`init` waits for `count/Assign`", assign);
    expect(notYet("`init` waits for `Assign`", assign)).toBe("not yet: `init` waits for `count/Assign`; expected it to wait for `Assign`");
  });

  it("match an exact output index only when the check gives one", () => {
    const split = [node("add", "Add", { inputs: ["split:1"] })];
    passes("`add` reads `split`", split);
    passes("`add` reads `split:1`", split);
    notYet("`add` reads `split:0`", split);
  });

  it("say when the first node does not exist", () => {
    expect(notYet("`mul` reads `Const`", assign)).toBe("not yet: the graph has no node named `mul`");
  });
});

describe("order checks", () => {
  it("compare creation order, whatever the reader's words", () => {
    const g = [node("m", "VariableV2"), node("init", "NoOp"), node("b", "VariableV2")];
    passes("the variable `m` is created before `init`", g);
    passes("`b` is created after the op `init`", g);
    expect(notYet("the variable `b` is created before `init`", g)).toBe("not yet: `init` is created before `b`; expected it the other way round");
  });
});

// ---- runs ----------------------------------------------------------------------------------

describe("run checks", () => {
  it("find a run by its number and describe a different failure", () => {
    passes("run #1 fails with InvalidArgumentError at `Placeholder`", feedProgram);
    expect(notYet("run #0 fails at `Placeholder`", feedProgram)).toBe("not yet: run #0 succeeded; expected it to fail at `Placeholder`");
    expect(notYet("run #1 fails with ValueError", feedProgram)).toBe("not yet: run #1 failed with InvalidArgumentError at `Placeholder`; expected it to fail with ValueError");
  });

  it("say how many runs there were when the run does not exist", () => {
    expect(notYet("run #3 succeeds", feedProgram)).toMatch(/^not yet: the program made 3 runs; expected run #3 to succeed \(the program stopped with InvalidArgumentError/);
  });

  it("match a failure's message with saying", () => {
    passes('run #1 fails saying "Placeholder"', feedProgram);
    expect(notYet('run #1 fails saying "uninitialized"', feedProgram)).toContain('"InvalidArgumentError at Placeholder"');
  });

  it("read the first and the last run", () => {
    passes("the first run succeeds", feedProgram);
    passes("the second run fails", feedProgram);
    expect(notYet("the fifth run succeeds", feedProgram)).toMatch(/^not yet: the program made 3 runs; expected the fifth run to succeed/);
    passes("the last run feeds `Placeholder:0`", feedProgram);
    expect(notYet("the last run runs `Const`", feedProgram)).toBe("not yet: run #2 ran `Const_1`, `add`; expected it to run `Const`");
  });

  it("look for some run, describing a few runs when none matches", () => {
    passes("some run feeds `Placeholder` and runs `add`", feedProgram);
    expect(notYet("some run feeds `Const`", feedProgram)).toBe("not yet: no run feeds `Const` (run #0 fed nothing; run #1 fed nothing; run #2 fed `Placeholder:0`)");
  });

  it("require every run, and at least one run, for every run", () => {
    expect(notYet("every run succeeds", feedProgram)).toBe("not yet: run #1 failed with InvalidArgumentError at `Placeholder`; expected every run to succeed");
    passes("every run succeeds", [run({})]);
    expect(notYet("every run succeeds", [end()])).toBe("not yet: the program made no runs; expected every run to succeed");
  });

  it("show the offending run for no run", () => {
    expect(notYet("no run fails", feedProgram)).toBe("not yet: run #1 failed with InvalidArgumentError at `Placeholder`; expected no run to fail");
    passes("no run prints", feedProgram);
  });

  it("count matching runs", () => {
    const loop = [run({ side_effects: [{ op: "GradientDescent", kind: "update", target: "m" }] }), run({ side_effects: [{ op: "GradientDescent", kind: "update", target: "m" }] }), run({})];
    passes("2 runs assign `m`", loop);
    passes("at least 1 run assigns `m`", loop);
    expect(notYet("at least 50 runs assign `m`", loop)).toBe("not yet: 2 of the 3 runs assign `m`; expected at least 50");
    expect(notYet("at least 1 run assigns `b`", loop)).toBe("not yet: none of the 3 runs assigns `b`; expected at least 1");
    expect(notYet("at least 2 runs assign `b`", [end()])).toBe("not yet: the program made no runs; expected at least 2 runs to assign `b`");
  });

  it("see fetches, including op fetches", () => {
    passes("run #0 fetches `Const`", feedProgram);
    passes("some run fetches `init`", [run({ fetches: ["init"] })]);
  });

  it("see assignments by initializers, assigns and optimizers", () => {
    const r = [run({ side_effects: [{ op: "count/Assign", kind: "init", target: "count", before: null, after: 0 }] })];
    passes("run #0 assigns `count`", r);
    expect(notYet("run #0 assigns `total`", r)).toBe("not yet: run #0 assigned `count`; expected it to assign `total`");
  });

  it("see prints and their text", () => {
    const r = [run({ side_effects: [{ op: "Print", kind: "print", text: "[2][3]" }] })];
    passes("run #0 prints", r);
    passes('run #0 prints "[3]"', r);
    expect(notYet('run #0 prints "[4]"', r)).toBe('not yet: run #0 printed "[2][3]"; expected it to print "[4]"');
  });

  it("compare returned values, one fetch as a value and several as a list", () => {
    passes("run #0 returns 2", feedProgram);
    const two = [run({ fetches: ["a:0", "init", "b:0"], values: { "a:0": 0.30000001192092896, "b:0": { dtype: "float32", shape: [2], head: [1, 2], size: 2 } } })];
    passes("run #0 returns [0.3, [1, 2]]", two);
    expect(notYet("run #0 returns [0.3, [1, 3]]", two)).toBe("not yet: run #0 returned [0.3, [1, 2]]; expected it to return [0.3, [1, 3]]");
  });

  it("compare approximately with about and a tolerance", () => {
    const r = [run({ fetches: ["loss:0"], values: { "loss:0": 0.0004 } })];
    passes("run #0 returns about 0", r);
    passes("run #0 returns about 0.01 ± 0.01", r);
    notYet("run #0 returns 0", r);
    notYet("run #0 returns about 1", r);
  });

  it("compare arrays by shape and refuse ones too large to see", () => {
    const matrix = [run({ fetches: ["m:0"], values: { "m:0": { dtype: "int32", shape: [2, 2], head: [1, 2, 3, 4], size: 4 } } })];
    passes("run #0 returns [[1, 2], [3, 4]]", matrix);
    notYet("run #0 returns [[1, 2, 3, 4]]", matrix);
    const big = [run({ fetches: ["m:0"], values: { "m:0": { dtype: "int32", shape: [10], head: [0, 1, 2, 3, 4, 5, 6, 7], size: 10 } } })];
    expect(notYet("run #0 returns [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]", big)).toContain("only the first 8 of its 10 values are recorded");
  });

  it("read any tensor's value with computes", () => {
    const r = [run({ values: { "mul:0": 6, "loss:0": 0.2 } })];
    passes("run #0 computes `mul` = 6", r);
    passes("run #0 computes `loss:0` ≈ 0.2", r);
    expect(notYet("run #0 computes `add` = 1", r)).toBe("not yet: run #0 did not compute `add:0`; expected it to compute `add` = 1");
    expect(notYet("run #0 computes `add` = 1", [run({})])).toBe("not yet: the values of run #0 were not recorded; expected it to compute `add` = 1");
  });

  it("tell sessions apart, numbered from #0 as the Session memory panel shows them", () => {
    const r = [run({ session: 0 }), run({ session: 1, ok: false })];
    passes("run #1 uses session #1", r);
    expect(notYet("run #0 uses session #1", r)).toBe("not yet: run #0 was in session #0; expected it to use session #1");
  });
});

describe("counting runs and sessions", () => {
  it("count runs", () => {
    passes("there are 3 runs", feedProgram);
    passes("there are no runs", constants);
    expect(notYet("there is 1 run", feedProgram)).toBe("not yet: the program made 3 runs; expected 1");
  });

  it("count the sessions that ran something", () => {
    passes("the runs use 2 sessions", [run({ session: 0 }), run({ session: 1 }), run({ session: 1 })]);
    expect(notYet("the runs use 2 sessions", feedProgram)).toBe("not yet: the runs used 1 session; expected 2");
  });
});

// ---- output, diagnostics, the program ------------------------------------------------------

describe("output checks", () => {
  const out: ProgramEvent[] = [
    { type: "stdout", text: "5" },
    { type: "stdout", text: "[2, 5]" },
    { type: "stderr", text: "[2][3]" },
  ];

  it("compare the whole stream, lines joined by newlines", () => {
    passes('stdout is "5\\n[2, 5]"', out);
    expect(notYet('stdout is "5"', out)).toBe('not yet: stdout is "5\\n[2, 5]"; expected "5"');
  });

  it("find whole lines, substrings and patterns", () => {
    passes('stdout has a line "[2, 5]"', out);
    notYet('stdout has a line "[2, 5"', out);
    passes("stderr contains `[2][3]`", out);
    passes("stdout matches /^\\[2, \\d\\]$/m", out);
    passes('stderr does not contain "[4]"', out);
    passes('stdout does not have a line "7"', out);
    passes("stdout does not match /7/", out);
  });

  it("see empty streams and count lines", () => {
    passes("stderr is not empty", out);
    passes("stdout has 2 lines", out);
    expect(notYet("stderr is empty", out)).toBe('not yet: stderr is "[2][3]"; expected it to be empty');
    expect(notYet('stderr contains "x"', [])).toBe('not yet: stderr is empty; expected it to contain "x"');
  });
});

describe("diagnostic checks", () => {
  const hinted: ProgramEvent[] = [{ type: "diagnostic", code: "print-off-path", message: "tf.Print 'Print' never ran", ops: ["Print"], line: 3 }];

  it("see reported and unreported diagnostics", () => {
    passes("diagnostic print-off-path is reported", hinted);
    passes("diagnostic print-off-path is reported for `Print`", hinted);
    passes("diagnostic ops-in-loop is not reported", hinted);
    expect(notYet("diagnostic ops-in-loop is reported", hinted)).toBe("not yet: diagnostic ops-in-loop was not reported (reported: print-off-path)");
    expect(notYet("diagnostic print-off-path is not reported", hinted)).toBe(`not yet: diagnostic print-off-path was reported: "tf.Print 'Print' never ran"`);
    expect(notYet("diagnostic print-off-path is reported for `Print_1`", hinted)).toBe("not yet: diagnostic print-off-path was reported for `Print`; expected it for `Print_1`");
  });

  it("require silence with no diagnostic", () => {
    passes("no diagnostic is reported", []);
    notYet("no diagnostic is reported", hinted);
  });
});

describe("program checks", () => {
  it("see success and failure with the error's type and message", () => {
    passes("the program succeeds", [end()]);
    passes('the program fails with InvalidArgumentError saying "must feed"', feedProgram);
    expect(notYet("the program succeeds", feedProgram)).toBe(
      `not yet: the program failed with InvalidArgumentError: "You must feed a value for placeholder tensor 'Placeholder'"; expected it to succeed`,
    );
    expect(notYet("the program fails", [end()])).toBe("not yet: the program succeeded; expected it to fail");
    expect(notYet("the program succeeds", [])).toBe("not yet: the program has not finished");
  });
});

// ---- the public helpers ---------------------------------------------------------------

describe("evaluateChecks", () => {
  it("evaluates every check and lists each failure", () => {
    const outcome = evaluateChecks(["there are 3 runs", "no run fails", "the graph has 9 nodes"].map((t) => parseCheck(t)), traceOf(feedProgram));
    expect(outcome.passed).toBe(false);
    expect(outcome.results.map((r) => r.ok)).toEqual([true, false, false]);
    expect(outcome.failures).toHaveLength(2);
  });
});

describe("valuesNeeded", () => {
  it("asks for fetched values for returns and all values for computes", () => {
    expect(valuesNeeded([parseCheck("no run fails")])).toBe("none");
    expect(valuesNeeded([parseCheck("run #0 returns 5")])).toBe("fetches");
    expect(valuesNeeded([parseCheck("run #0 returns 5"), parseCheck("run #0 computes `a` = 1")])).toBe("all");
  });
});
