/**
 * The TF 1.x docstring and r1-guide examples in examples/tf_docs/: each program ends with the
 * output TensorFlow documents for it (TF 1.15, Python 3) in a block comment
 *
 *   /* Output:
 *   [[1 3 3]
 *    [3 3 3]]
 *   *\/
 *
 * and must print exactly that. A program that ends in an error documents the error's first
 * line as its last output line (`FailedPreconditionError: Attempting to use ...`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ProgramEvent } from "./events";
import { runProgram } from "./run_program";

const DIR = new URL("../../examples/tf_docs/", import.meta.url);
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith(".ts"))
  .sort();


/** The documented output: the lines of the trailing `/* Output: ... *\/` block. */
function documentedOutput(source: string): string[] {
  const m = /\/\* Output:\n([\s\S]*?)\*\/\s*$/.exec(source);
  if (!m) throw new Error("no /* Output: ... */ block at the end of the program");
  return m[1].replace(/\n$/, "").split("\n");
}

/** What the program printed, and its uncaught error's first line, as `Name: message`. */
async function printed(source: string): Promise<string[]> {
  const events: ProgramEvent[] = [];
  const end = await runProgram(source, { seed: 1, emit: (e) => events.push(e) });
  const out = events.flatMap((e) => (e.type === "stdout" ? e.text.split("\n") : []));
  if (!end.ok && end.error) out.push(`${end.error.type}: ${end.error.message.split("\n")[0]}`);
  return out;
}

describe("the TF 1.x documentation's examples (examples/tf_docs/)", () => {
  it("has examples", () => {
    expect(FILES.length).toBeGreaterThan(20);
  });

  it.each(FILES)("%s prints what TF documents", async (file) => {
    const source = readFileSync(new URL(file, DIR), "utf8");
    expect((await printed(source)).join("\n")).toBe(documentedOutput(source).join("\n"));
  });
});
