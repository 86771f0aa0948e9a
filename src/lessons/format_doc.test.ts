import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLesson } from "./parse";
import { runAndCheck } from "./run_checks";

/** The whole-lesson example in lessons/FORMAT.md (the ````markdown block). */
function formatExample(): string {
  const doc = readFileSync(new URL("../../lessons/FORMAT.md", import.meta.url), "utf8");
  const m = /````markdown\n([\s\S]*?)\n````/.exec(doc);
  if (!m) throw new Error("lessons/FORMAT.md has no ````markdown example");
  return m[1];
}

describe("the example in lessons/FORMAT.md", () => {
  it("is a valid lesson", () => {
    const lesson = parseLesson(formatExample(), "FORMAT.md");
    expect(lesson.id).toBe("feeding");
    expect(lesson.tasks.map((t) => [t.id, t.starterPasses])).toEqual([
      ["fail", true],
      ["feed", false],
    ]);
  });

  it("works as it says: each solution passes, and the starter passes only the look-only task", async () => {
    const lesson = parseLesson(formatExample(), "FORMAT.md");
    for (const task of lesson.tasks) {
      expect((await runAndCheck(task.solution, task.checks)).failures).toEqual([]);
      expect((await runAndCheck(lesson.starter, task.checks)).passed).toBe(task.starterPasses);
    }
  });
});
