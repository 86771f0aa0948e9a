import { describe, expect, it } from "vitest";
import type { EndEvent, ProgramEvent, RunEvent } from "./events";
import { runProgram, type RunProgramOptions } from "./run_program";

// --- Factories ----------------------------------------------------------------------------

/** Runs `source` and returns every event, the end event, and the output lines by stream. */
async function run(source: string, options: Partial<RunProgramOptions> = {}) {
  const events: ProgramEvent[] = [];
  const end = await runProgram(source, { seed: 1, emit: (e) => events.push(e), ...options });
  const lines = (type: "stdout" | "stderr") => events.filter((e) => e.type === type).map((e) => (e as { text: string }).text);
  return {
    events,
    end,
    stdout: lines("stdout"),
    stderr: lines("stderr"),
    runs: events.filter((e): e is RunEvent => e.type === "run"),
    ofType: <T extends ProgramEvent["type"]>(type: T) => events.filter((e) => e.type === type) as Extract<ProgramEvent, { type: T }>[],
  };
}

/** The end event's error, asserting there is one. */
async function errorOf(source: string) {
  const { end } = await run(source);
  expect(end.ok).toBe(false);
  return end.error!;
}

// --- Tests --------------------------------------------------------------------------------

describe("runProgram", () => {
  describe("events", () => {
    it("emits a node event per op with its inputs, dtype, shape, line and effects", async () => {
      const { ofType } = await run("const a = tf.constant(2);\nconst b = tf.constant(3);\nconst c = a + b;");
      expect(ofType("node")).toEqual([
        { type: "node", name: "Const", op: "Const", inputs: [], control_inputs: [], ref_inputs: [], dtype: "int32", shape: "()", line: 1, effects: [], graph: 0, attrs: { value: 2, dtype: "int32" } },
        { type: "node", name: "Const_1", op: "Const", inputs: [], control_inputs: [], ref_inputs: [], dtype: "int32", shape: "()", line: 2, effects: [], graph: 0, attrs: { value: 3, dtype: "int32" } },
        { type: "node", name: "add", op: "Add", inputs: ["Const:0", "Const_1:0"], control_inputs: [], ref_inputs: [], dtype: "int32", shape: "()", line: 3, effects: [], graph: 0, attrs: { T: "int32" } },
      ]);
    });

    it("emits a run event per sess.run with its fetches, feeds, path, line and plan", async () => {
      const { runs } = await run("const p = tf.placeholder(tf.int32);\nconst s = p + 1;\nconst sess = tf.Session();\nsess.run(s, {feed_dict: {[p]: 2}});\nsess.run(s, {feed_dict: {[p]: 5}});");
      expect(runs).toHaveLength(2);
      expect(runs[0]).toEqual({
        type: "run",
        index: 0,
        session: 0,
        line: 4,
        fetches: ["add:0"],
        feeds: ["Placeholder:0"],
        path: ["add/y", "add"],
        side_effects: [],
        ok: true,
        graph: 0,
        plan: runs[0].plan,
      });
      expect(runs[1]).toMatchObject({ index: 1, line: 5, plan: runs[0].plan });
    });

    it("records a failed run with the error's type, op and the path from the fetch to it", async () => {
      const { runs } = await run("const p = tf.placeholder(tf.int32);\nconst s = p + 3;\ntf.Session().run(s);");
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ ok: false, line: 3, path: ["Placeholder"] });
      expect(runs[0].error).toEqual({
        type: "InvalidArgumentError",
        message: "You must feed a value for placeholder tensor 'Placeholder' with dtype int32\n\t [[node Placeholder (defined at line 1) ]]",
        op: "Placeholder",
        path: ["add", "Placeholder"],
        line: 1,
      });
    });

    it("records an assign's side effect with its target and values", async () => {
      const { runs } = await run("const v = tf.Variable(1, {name: 'v'});\nconst a = tf.assign(v, 5);\nconst sess = tf.Session();\nsess.run(v.initializer);\nsess.run(a);");
      expect(runs[1].side_effects).toEqual([{ op: "Assign", kind: "assign", target: "v", before: 1, after: 5 }]);
    });

    it("adds fetched values to run events when asked for fetches, every value when asked for all", async () => {
      const program = "const a = tf.constant(2);\nconst b = a * 3;\nconst sess = tf.Session();\nsess.run([b, a]);";
      expect((await run(program, { values: "fetches" })).runs[0].values).toEqual({ "mul:0": 6, "Const:0": 2 });
      expect((await run(program, { values: "all" })).runs[0].values).toEqual({ "Const:0": 2, "mul/y:0": 3, "mul:0": 6 });
      expect((await run(program)).runs[0].values).toBeUndefined();
    });

    it("ends with exactly one end event carrying ok and the seed", async () => {
      const { events, end } = await run("print(1);", { seed: 99 });
      expect(events.filter((e) => e.type === "end")).toEqual([{ type: "end", ok: true, seed: 99 }]);
      expect(events[events.length - 1]).toBe(end);
    });

    it("makes events that survive JSON unchanged", async () => {
      const { events } = await run("const p = tf.Print(tf.constant([1.5, 2]), [tf.constant(1)], 'x ');\nconst s = tf.Session();\nprint(s.run(p));\ns.run(tf.placeholder(tf.float32));", { values: "all" });
      expect(JSON.parse(JSON.stringify(events))).toEqual(events);
      expect(new Set(events.map((e) => e.type))).toEqual(new Set(["node", "run", "stdout", "stderr", "diagnostic", "end"]));
    });
  });

  describe("output", () => {
    it("prints as Python 3: tensors, None, lists, floats, booleans and strings", async () => {
      const { stdout } = await run(
        "print(tf.constant(2));\nprint(null, undefined);\nprint([1, 'a', true]);\nprint(2.0, 0.5, 1e21);\nprint(tf.Session().run(tf.constant([1.5, 2.0])));\nprint('a', 'b', {sep: '-'});",
      );
      expect(stdout).toEqual(['Tensor("Const:0", shape=(), dtype=int32)', "None None", "[1, 'a', True]", "2.0 0.5 1e+21", "[1.5 2. ]", "a-b"]);
    });

    it("joins print calls with end='' into one line and flushes an unfinished last line", async () => {
      const { stdout } = await run("print(1, {end: ''});\nprint(2);\nprint('x\\ny', {end: ''});");
      expect(stdout).toEqual(["12", "x", "y"]);
    });

    it("formats console.log as JavaScript but shows engine objects as TF prints them", async () => {
      const { stdout, stderr } = await run("console.log('loss', 0.5, [1, {a: 'x'}], tf.constant(1));\nconsole.error('bad', null);\nconsole.warn('%d steps', 3);");
      expect(stdout).toEqual(["loss 0.5 [ 1, { a: 'x' } ] Tensor(\"Const:0\", shape=(), dtype=int32)"]);
      expect(stderr).toEqual(["bad null", "3 steps"]);
    });

    it("writes tf.Print lines to stderr, between the stdout lines around them", async () => {
      const { events } = await run("const s = tf.constant(5);\nprint('before');\nprint(tf.Session().run(tf.Print(s, [s], 'value: ')));");
      expect(events.filter((e) => e.type === "stdout" || e.type === "stderr")).toEqual([
        { type: "stdout", text: "before" },
        { type: "stderr", text: "value: [5]" },
        { type: "stdout", text: "5" },
      ]);
    });

    it("emits output before a program without await returns", async () => {
      const events: ProgramEvent[] = [];
      const promise = runProgram("print('now');", { seed: 1, emit: (e) => events.push(e) });
      expect(events.map((e) => e.type)).toEqual(["stdout", "end"]);
      await promise;
    });
  });

  describe("globals", () => {
    it("gives the same Math.random sequence for the same seed and another for another seed", async () => {
      const program = "print(Math.random(), Math.random(), Math.floor(Math.random() * 100));";
      const a = (await run(program, { seed: 42 })).stdout[0];
      expect((await run(program, { seed: 42 })).stdout[0]).toBe(a);
      expect((await run(program, { seed: 43 })).stdout[0]).not.toBe(a);
    });

    it("gives numpy as np, its random generator seeded from the run's seed", async () => {
      const program = "print(np.array([1, 2]) * 2);\nprint(np.random.rand(2));";
      const a = await run(program, { seed: 3 });
      expect(a.stdout[0]).toBe("[2 4]");
      expect((await run(program, { seed: 3 })).stdout).toEqual(a.stdout);
      expect((await run(program, { seed: 4 })).stdout[1]).not.toBe(a.stdout[1]);
    });

    it("keeps the real Math and globals untouched", async () => {
      const realRandom = Math.random;
      await run("Math.random();\nprint(typeof Math.max, Math.PI > 3);");
      expect(Math.random).toBe(realRandom);
      expect("print" in globalThis).toBe(false);
      expect("range" in globalThis).toBe(false);
    });

    it("runs in strict mode, so assigning an undeclared name fails instead of making a global", async () => {
      const error = await errorOf("leaked = 5;");
      expect(error).toEqual({ type: "ReferenceError", message: "leaked is not defined", line: 1 });
      expect("leaked" in globalThis).toBe(false);
    });

    it("lets the program declare names that shadow the globals", async () => {
      const { stdout, end } = await run("const sum = 3;\nconst print2 = print;\nlet range = 'mine';\nprint2(sum, range);");
      expect(end.ok).toBe(true);
      expect(stdout).toEqual(["3 mine"]);
    });

    it("supports top-level await", async () => {
      const { stdout, end } = await run("print('a');\nawait new Promise((r) => setTimeout(r, 1));\nprint('b');");
      expect(end.ok).toBe(true);
      expect(stdout).toEqual(["a", "b"]);
    });

    it("cancels the program's timers when it ends, so nothing prints after the end event", async () => {
      const events: ProgramEvent[] = [];
      await runProgram("setTimeout(() => print('late'), 0);\nprint('done');", { seed: 1, emit: (e) => events.push(e) });
      await new Promise((r) => setTimeout(r, 20));
      expect(events.map((e) => e.type)).toEqual(["stdout", "end"]);
    });

    it("reports an error thrown in a timer callback as the program's error", async () => {
      const error = await errorOf("await new Promise((resolve) => setTimeout(() => { resolve(0); throw new Error('in a timer'); }, 0));\nawait new Promise((r) => setTimeout(r, 5));");
      expect(error).toMatchObject({ type: "Error", message: "in a timer" });
    });
  });

  describe("errors", () => {
    it("reports a syntax error with the learner's line and column", async () => {
      const { end, events } = await run("const a = 1;\nconst b = ;\n");
      expect(end.error).toEqual({ type: "SyntaxError", message: "Unexpected token (2:11)", line: 2 });
      expect(events).toEqual([end]);
    });

    it("reports a TF error with TF's message and node line, at the line of the failing sess.run", async () => {
      const error = await errorOf("const input_placeholder = tf.placeholder(tf.int32);\nconst sess = tf.Session();\nprint(sess.run(input_placeholder));");
      expect(error).toEqual({
        type: "InvalidArgumentError",
        message: "You must feed a value for placeholder tensor 'Placeholder' with dtype int32\n\t [[node Placeholder (defined at line 1) ]]",
        line: 3,
      });
    });

    it("reports a JavaScript error at the line inside the function that threw", async () => {
      const error = await errorOf("function f(o) {\n  const x = 1;\n  return o.missing.value;\n}\nf({});");
      expect(error).toEqual({ type: "TypeError", message: "Cannot read properties of undefined (reading 'value')", line: 3 });
    });

    it("reports endless recursion as Python's RecursionError with the line", async () => {
      const error = await errorOf("function f(n) {\n  return f(n + 1) + 1;\n}\nf(0);");
      expect(error).toEqual({ type: "RecursionError", message: "maximum recursion depth exceeded", line: 2 });
    });

    it("reports a recursion that runs sess.run at every level as a RecursionError too", async () => {
      const error = await errorOf("const c = tf.constant(1);\nconst sess = tf.Session();\nfunction f() {\n  sess.run(c);\n  return f();\n}\nf();");
      expect(error.type).toBe("RecursionError");
    });

    it("explains a thrown non-Error value, with the line of the throw", async () => {
      expect(await errorOf("print(1);\nthrow 5;")).toEqual({
        type: "Error",
        message: 'the program threw 5 (a number), which is not an Error, so it has no message or line of its own. Throw an Error instead: throw new Error("what went wrong")',
        line: 2,
      });
      expect((await errorOf("throw 'oops';")).message).toMatch(/^the program threw 'oops' \(a string\)/);
      expect((await errorOf("throw null;")).message).toMatch(/^the program threw null, which is not an Error/);
    });

    it("ends with the program's error, not a rejection, when the thrown value cannot even be read", async () => {
      const trap = "{ get() { throw new Error('trap'); }, getPrototypeOf() { throw new Error('trap'); } }";
      expect(await errorOf(`print(1);\nthrow new Proxy({}, ${trap});`)).toEqual({
        type: "Error",
        message: 'the program threw a value that cannot be read (reading its name or message threw). Throw an Error instead: throw new Error("what went wrong")',
        line: 2,
      });
      expect((await errorOf(`throw new Proxy(new Error("x"), ${trap});`)).type).toBe("Error");
    });

    it("stops a graph that grows past the op limit with ResourceExhaustedError", async () => {
      const { end, ofType } = await run("for (let i = 0; i < 1e7; i++) tf.constant(i);", { limits: { maxOps: 500 } });
      expect(end.error).toEqual({
        type: "ResourceExhaustedError",
        message: "The graph already has 500 ops, the playground's limit. Is a loop creating new ops on every step? Build the graph once and only call sess.run in the loop.",
        line: 1,
      });
      expect(ofType("node")).toHaveLength(500);
    });

    it("refuses a tensor above the element limit with ResourceExhaustedError", async () => {
      const error = await errorOf("const big = tf.constant(0, tf.float32, [100000, 100000]);");
      expect(error).toEqual({
        type: "ResourceExhaustedError",
        message: "A constant of shape [100000,100000] would hold 10000000000 elements; the playground's limit is 16777216 elements per tensor.",
        line: 1,
      });
    });

    it("reports a JavaScript allocation failure as MemoryError", async () => {
      const error = await errorOf("const a = new Float64Array(2 ** 40);");
      expect(error.type).toBe("MemoryError");
      expect(error.message).toMatch(/^the program tried to make a value too large for the playground's memory \(/);
    });

    it("ends with a RunnerError when the event consumer throws, even if the program catches it", async () => {
      const events: ProgramEvent[] = [];
      const end = await runProgram("try { tf.constant(1); } catch (e) { print('caught'); }\nprint('after');", {
        seed: 1,
        emit: (e) => {
          if (e.type === "node") throw new Error("consumer broke");
          events.push(e);
        },
      });
      expect(end).toEqual({ type: "end", ok: false, seed: 1, error: { type: "RunnerError", message: "the event consumer failed: Error: consumer broke", line: 1 } });
      expect(events).toEqual([end]);
    });

    it("ends with a RunnerError when a run hook fails inside a sess.run the program guards", async () => {
      const events: ProgramEvent[] = [];
      const end = await runProgram("const c = tf.constant(1);\nconst sess = tf.Session();\ntry {\n  sess.run(c);\n} catch (e) {\n  print('caught');\n}", {
        seed: 1,
        emit: (e) => {
          if (e.type === "run") throw new TypeError("no room");
          events.push(e);
        },
      });
      expect(end.error).toEqual({ type: "RunnerError", message: "the event consumer failed: TypeError: no room", line: 4 });
      expect(events.map((e) => e.type)).toEqual(["node", "end"]);
    });

    it("keeps a caught TF error the program's business: the program goes on and ends ok", async () => {
      const { end, stdout } = await run(
        "const p = tf.placeholder(tf.int32);\ntry {\n  tf.Session().run(p);\n} catch (e) {\n  print(e instanceof tf.errors.InvalidArgumentError, e.op);\n}",
      );
      expect(end.ok).toBe(true);
      expect(stdout).toEqual(["True Placeholder"]);
    });
  });

  describe("seed", () => {
    it("picks a random seed when none is given and reports it in the end event", async () => {
      const events: ProgramEvent[] = [];
      const end = await runProgram("print(1);", { emit: (e) => events.push(e) });
      expect(Number.isInteger(end.seed) && end.seed >= 0 && end.seed <= 0xffffffff).toBe(true);
      expect((events[events.length - 1] as EndEvent).seed).toBe(end.seed);
    });

    it("rejects a seed that is not a 32-bit unsigned integer", async () => {
      await expect(runProgram("", { seed: -1, emit: () => {} })).rejects.toThrow("seed must be an integer from 0 to 4294967295, got -1");
    });
  });
});
