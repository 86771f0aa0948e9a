/**
 * The public `tf` API's JSDoc feeds the editor's hover help, so every builder in engine/api
 * must have a doc comment with an `@example`.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
/** The operator runtime is what the transpiler calls, not an API learners type. */
const INTERNAL = new Set(["operators.ts"]);

/** Names of namespace members (4-space-indented `name: ...` in an object literal) without an @example. */
function undocumented(file: string): string[] {
  const lines = readFileSync(dir + file, "utf8").split("\n");
  const out: string[] = [];
  lines.forEach((line, i) => {
    const m = /^ {4}(\w+): (pyfunc|callable|\(|<|[A-Za-z_]+\()/.exec(line);
    if (!m || ["type", "doc", "inputs", "effects"].includes(m[1])) return;
    let j = i - 1;
    while (j >= 0 && lines[j].trim() === "") j--;
    let block = "";
    if (lines[j]?.trim().endsWith("*/")) {
      let k = j;
      while (k >= 0 && !lines[k].includes("/**")) k--;
      block = lines.slice(k, j + 1).join("\n");
    }
    if (!block.includes("@example")) out.push(`${file}:${i + 1} ${m[1]}`);
  });
  return out;
}

describe("the public tf API", () => {
  it("documents every builder with an @example for the editor's hover help", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !INTERNAL.has(f));
    expect(files.length).toBeGreaterThan(5);
    expect(files.flatMap(undocumented)).toEqual([]);
  });
});
