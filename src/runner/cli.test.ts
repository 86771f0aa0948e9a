/**
 * The `play` command, run as a child process through tsx as `npm run play` runs it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ProgramEvent } from "./events";

// --- Factories ----------------------------------------------------------------------------

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = join(ROOT, "node_modules/.bin/tsx");
const CLI = join(ROOT, "src/runner/cli.ts");
const dir = mkdtempSync(join(tmpdir(), "play-cli-"));

/** Runs the CLI with `args`; a program given as text is written to a file first. */
function play(args: string[], program?: string) {
  if (program !== undefined) {
    const file = join(dir, `p${Math.random().toString(36).slice(2)}.ts`);
    writeFileSync(file, program);
    args = [file, ...args];
  }
  const r = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, file: args[0] };
}

function example(name: string): string {
  return join(ROOT, "examples/tutorial", `${name}.ts`);
}

function readTrace(path: string): ProgramEvent[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as ProgramEvent);
}

// --- Tests --------------------------------------------------------------------------------

// Each test starts Node processes through tsx (about half a second each, many seconds on a
// loaded machine): no per-test limit here beyond vitest.config.ts's hang guard.
describe("play", () => {
  it("prints to stdout and exits 0 for a program that ends well", () => {
    const r = play([example("07_run_a_list")]);
    expect(r).toMatchObject({ status: 0, stdout: "[2, 5]\n", stderr: "" });
  });

  it("prints an uncaught error as `ErrorName: message` with TF's node line on stderr and exits 1", () => {
    const file = example("10_computation_paths");
    const r = play([file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("3\n");
    expect(r.stderr).toBe(
      `InvalidArgumentError: You must feed a value for placeholder tensor 'Placeholder' with dtype int32\n\t [[node Placeholder (defined at line 1) ]]\n    at ${file}:6\n`,
    );
  });

  it("writes tf.Print lines to stderr and print to stdout", () => {
    const r = play([example("17_tf_print")]);
    expect(r).toMatchObject({ status: 0, stdout: "5\n", stderr: "[2][3]\n" });
  });

  it("prints the teaching hints to stderr only with --hints", () => {
    expect(play([example("18_tf_print_off_path")]).stderr).toBe("");
    const r = play([example("18_tf_print_off_path"), "--hints"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("5\n");
    expect(r.stderr).toMatch(/^hint \[print-off-path\] line 5: tf\.Print 'Print' \(line 5\) never ran, so it printed nothing\./);
  });

  it("writes every event to the --trace file, one JSON object per line, ending with the seed", () => {
    const trace = join(dir, "trace.jsonl");
    const r = play([example("10_computation_paths"), "--trace", trace, "--seed", "77"]);
    expect(r.status).toBe(1);
    const events = readTrace(trace);
    expect(events.map((e) => e.type)).toEqual(["node", "node", "node", "run", "stdout", "run", "diagnostic", "end"]);
    expect(events[3]).toMatchObject({ type: "run", ok: true, path: ["Const"], values: { "Const:0": 3 } });
    expect(events[5]).toMatchObject({ type: "run", ok: false, error: { type: "InvalidArgumentError", path: ["add", "Placeholder"] } });
    expect(events[7]).toEqual({
      type: "end",
      ok: false,
      seed: 77,
      error: {
        type: "InvalidArgumentError",
        message: "You must feed a value for placeholder tensor 'Placeholder' with dtype int32\n\t [[node Placeholder (defined at line 1) ]]",
        line: 6,
      },
    });
  });

  it("repeats Math.random with --seed and picks (and reports) a random seed without it", () => {
    const program = "print(Math.random());";
    expect(play(["--seed", "5"], program).stdout).toBe(play(["--seed", "5"], program).stdout);
    const trace = join(dir, "seed.jsonl");
    play(["--trace", trace], program);
    const end = readTrace(trace).pop()!;
    expect(end.type === "end" && Number.isInteger(end.seed)).toBe(true);
  });

  it("writes NaN and Infinity into the trace as strings rather than null", () => {
    const trace = join(dir, "nan.jsonl");
    play(["--trace", trace], "const x = tf.placeholder(tf.float32);\ntf.Session().run(x, {feed_dict: {[x]: NaN}});");
    const run = readTrace(trace).find((e) => e.type === "run")!;
    expect(run).toMatchObject({ values: { "Placeholder:0": "NaN" } });
  });

  it("writes 100,000 printed lines completely and in order, interleaved with stderr as written", () => {
    const r = play([], "for (const i of range(100000)) print(i);\nconsole.error('done');\nprint('last');");
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines).toHaveLength(100_002);
    expect(lines[0]).toBe("0");
    expect(lines[99_999]).toBe("99999");
    expect(lines[100_000]).toBe("last");
    expect(r.stderr).toBe("done\n");
  });

  it("reports a syntax error with its line and column and exits 1", () => {
    const r = play([], "const a = 1;\nconst b = ;");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`SyntaxError: Unexpected token (2:11)\n    at ${r.file}:2\n`);
  });

  it("exits 2 with the usage for a bad command line", () => {
    const missing = play([]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^play: no program file given\n\nusage: npm run play -- FILE\.ts/);
    expect(play([example("06_session_run"), "--seed", "-3"]).stderr).toMatch(/^play: --seed must be an integer from 0 to 4294967295, got -3/);
    expect(play([join(dir, "nope.ts")]).stderr).toMatch(/^play: cannot read the program: ENOENT/);
    expect(play([example("06_session_run"), "--time-limit", "soon"]).stderr).toMatch(/^play: --time-limit must be a number of seconds \(0 for no limit\), got soon/);
  });
});

/** Every line of stderr is `ErrorName: message` or its `    at FILE:LINE`: never a Node stack. */
function expectNoNodeStack(stderr: string): void {
  expect(stderr).not.toMatch(/node:internal|at async|at Object\.|at Module\.|internal error|\.ts:\d+:\d+\)/);
}

// The reproductions (issue 10, item 7): each once hung the CLI, lost output or printed
// Node's stack.
describe("play, whatever the program does", () => {
  it("stops an endless loop at the time limit, keeping what it printed before, says where it was, and exits 1", () => {
    const r = play(["--time-limit", "1"], 'print("one");\nprint("two");\nprint("three");\nwhile (true) {}\n');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("one\ntwo\nthree\n");
    expect(r.stderr).toBe(`DeadlineExceededError: the program ran longer than the time limit of 1 s and was stopped (--time-limit SECONDS sets another; 0 means none)\n    at ${r.file}:4\n`);
  });

  it("ends when the program does, even with intervals left running and no time limit", () => {
    const r = play(["--time-limit", "0"], 'print("before");\nsetInterval(() => print("tick"), 1);\nglobalThis.setInterval(() => {}, 1);\n');
    expect(r).toMatchObject({ status: 0, stdout: "before\n", stderr: "" });
  });

  it("says that a program awaiting a promise nobody settles can never finish, with its line, and exits 1", () => {
    const r = play(["--time-limit", "0"], 'print("waiting");\nawait new Promise(() => {});\n');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("waiting\n");
    expect(r.stderr).toBe(`RuntimeError: the program is waiting (await) for a promise that nothing will ever settle, so it can never finish\n    at ${r.file}:2\n`);
  });

  it("reports a thrown Proxy whose traps throw as the program's error, not an internal one", () => {
    const r = play([], 'print("x");\nthrow new Proxy({}, { get() { throw new Error("trap"); }, getPrototypeOf() { throw new Error("trap"); } });\n');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("x\n");
    expect(r.stderr).toMatch(/^Error: the program threw a value that cannot be read/);
    expectNoNodeStack(r.stderr);
  });

  it("reports an error thrown in a callback of the real setTimeout as the program's error", () => {
    const r = play([], 'globalThis.setTimeout(() => { throw new TypeError("late"); }, 1);\nawait new Promise((resolve) => globalThis.setTimeout(resolve, 50));\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^TypeError: late\n/);
    expectNoNodeStack(r.stderr);
  });

  it("keeps what was printed before the heap ran out, and exits 1 with a MemoryError", () => {
    const r = play(
      ["--memory-limit", "64"],
      'print("before");\nconst big = new Array(1_000_000).fill(1.5);\nconst copies: number[][] = [];\nwhile (true) { copies.push(big.slice()); if (copies.length === 2) print("still going"); }\n',
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("before\nstill going\n");
    expect(r.stderr).toBe("MemoryError: the program ran out of memory: it used up the 64 MB it may use (--memory-limit MB sets another)\n");
  });

  it("saves checkpoints inside the --files directory, and a later run restores them", () => {
    const files = mkdtempSync(join(tmpdir(), "play-files-"));
    const saved = play(
      ["--files", files],
      'const v = tf.Variable([1.5, 2], {name: "v"});\nconst sess = tf.Session();\nsess.run(v.initializer);\nprint(tf.train.Saver().save(sess, "/tmp/model.ckpt", {global_step: 3}));\n',
    );
    expect(saved).toMatchObject({ status: 0, stdout: "/tmp/model.ckpt-3\n", stderr: "" });
    expect(readFileSync(join(files, "tmp/checkpoint"), "utf8")).toBe('model_checkpoint_path: "/tmp/model.ckpt-3"\nall_model_checkpoint_paths: "/tmp/model.ckpt-3"\n');
    const restored = play(
      ["--files", files],
      'const v = tf.Variable(tf.zeros([2]), {name: "v"});\nconst sess = tf.Session();\ntf.train.Saver().restore(sess, tf.train.latest_checkpoint("/tmp"));\nprint(sess.run(v));\n',
    );
    expect(restored).toMatchObject({ status: 0, stdout: "[1.5 2. ]\n", stderr: "" });
  });

  it("refuses imports, the process object and the network, as the page does", () => {
    const imported = play([], 'const m = await Function("return import(\\"node:child_process\\")")();\nprint(m.execSync("echo reached").toString());\n');
    expect(imported.status).toBe(1);
    expect(imported.stdout).toBe("");
    expect(imported.stderr).toMatch(/^ImportError: import\(\) is not available in the playground/);
    const fs = play([], 'const fs = await Function("return import(\\"fs\\")")();\n');
    expect(fs.stderr).toMatch(/^ImportError: /);
    const globals = play([], "print(typeof process, typeof globalThis.process, typeof require);\nfetch('http://127.0.0.1:9/x');\n");
    expect(globals.stdout).toBe("undefined undefined undefined\n");
    expect(globals.stderr).toMatch(/^NoNetworkError: fetch is not available in the playground/);
  });

  it("caps the trace of a million-step loop: the first and last 1,000 runs, and one line for the runs in between", () => {
    const trace = join(dir, "loop.jsonl");
    const r = play(
      ["--trace", trace, "--time-limit", "0"],
      "const x = tf.placeholder(tf.float32);\nconst y = x * 2.0;\nconst sess = tf.Session();\nfor (let i = 0; i < 1_000_000; i++) sess.run(y, {[x]: i});\nprint('done');\n",
    );
    expect(r).toMatchObject({ status: 0, stdout: "done\n" });
    const items = readTrace(trace) as unknown as { type: string; what?: string; count?: number; aggregates?: { count: number; path: string[] }[] }[];
    expect(items.filter((e) => e.type === "run")).toHaveLength(2000);
    const omitted = items.filter((e) => e.type === "omitted");
    expect(omitted).toEqual([{ type: "omitted", what: "runs", count: 998_000, aggregates: [expect.objectContaining({ count: 998_000, path: ["mul/y", "mul"], ok: 998_000 })] }]);
    // In program order: the marker sits between the first and the last thousand runs.
    const at = items.indexOf(omitted[0]);
    expect(items.slice(0, at).filter((e) => e.type === "run")).toHaveLength(1000);
    expect(items[items.length - 2]).toMatchObject({ type: "stdout", text: "done" });
    expect(items[items.length - 1]).toMatchObject({ type: "end", ok: true });
  });

  it("ends the trace of a stopped program with its error, after what was written so far", () => {
    const trace = join(dir, "stopped.jsonl");
    const r = play(["--trace", trace, "--time-limit", "1", "--seed", "9"], "const a = tf.constant(1);\nprint(tf.Session().run(a));\nwhile (true) {}\n");
    expect(r.status).toBe(1);
    const items = readTrace(trace);
    expect(items.map((e) => e.type)).toEqual(["node", "run", "stdout", "end"]);
    expect(items[3]).toMatchObject({ type: "end", ok: false, seed: 9, error: { type: "DeadlineExceededError", line: 3 } });
  });
});
