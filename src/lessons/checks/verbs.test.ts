import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCheck } from "./grammar";
import { VERBS } from "./verbs";

/** lessons/FORMAT.md's table of what runs do (the rows after "| what they do |"). */
function verbTable(): string {
  const doc = readFileSync(new URL("../../../lessons/FORMAT.md", import.meta.url), "utf8");
  const start = doc.indexOf("| what they do |");
  const end = doc.indexOf("\n\n", start);
  return doc.slice(start, end);
}

/** An argument that each verb's reader accepts, to build a check with it. */
const ARGS: Record<string, string> = {
  succeed: "",
  fail: " with InvalidArgumentError",
  run: " `add`",
  feed: " `x`",
  fetch: " `add`",
  assign: " `v`",
  print: ' "hi"',
  return: " 5",
  compute: " `add` = 5",
  skip: " `cond/Add`",
  loop: " 10 times",
  "use-session": " session #1",
};

describe("VERBS", () => {
  it("has one declaration per verb, each with its own words", () => {
    const words = VERBS.flatMap((v) => v.words);
    expect(new Set(words).size).toBe(words.length);
    expect(new Set(VERBS.map((v) => v.verb)).size).toBe(VERBS.length);
  });

  it("are each documented in the verb table of lessons/FORMAT.md", () => {
    const table = verbTable();
    for (const v of VERBS) expect(table, `FORMAT.md does not document \`${v.listed}\``).toContain(v.listed);
  });

  it("are each read in both persons and with `does not`", () => {
    for (const v of VERBS) {
      const arg = ARGS[v.verb];
      expect(arg, `a test argument for ${v.verb}`).toBeDefined();
      for (const [text, negated] of [
        [`run #0 ${v.words[1]}${arg}`, false],
        [`2 runs ${v.words[0]}${arg}`, false],
        [`some run does not ${v.words[0]}${arg}`, true],
      ] as const) {
        const c = parseCheck(text);
        expect(c.kind === "runs" && c.predicates[0]).toMatchObject({ verb: v.verb, negated });
      }
    }
  });
});
