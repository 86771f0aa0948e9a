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

// Each test starts Node processes through tsx (about half a second each, more under load).
describe("play", { timeout: 30_000 }, () => {
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
  });
});
