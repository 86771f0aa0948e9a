import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { checksIn, lessonIn } from "./language";
import { parseLesson } from "./parse";
import { runAndCheck } from "./run_checks";
import { loadPythonNode } from "../runner/python/load_node";
import type { PythonRuntime } from "../runner/python/runtime";

/** The whole-lesson example in lessons/FORMAT.md (the ````markdown block). */
function formatExample(): string {
  const doc = readFileSync(new URL("../../lessons/FORMAT.md", import.meta.url), "utf8");
  const m = /````markdown\n([\s\S]*?)\n````/.exec(doc);
  if (!m) throw new Error("lessons/FORMAT.md has no ````markdown example");
  return m[1];
}

let python: PythonRuntime;

beforeAll(async () => {
  python = await loadPythonNode();
}, 300_000);

describe("the example in lessons/FORMAT.md", () => {
  it("is a valid lesson in both languages, as the lessons that ship must be", () => {
    const lesson = parseLesson(formatExample(), "FORMAT.md", { bilingual: true });
    expect(lesson.id).toBe("feeding");
    expect(lesson.tasks.map((t) => [t.id, t.starterPasses])).toEqual([
      ["fail", true],
      ["feed", false],
    ]);
    expect(lessonIn(lesson, "python").tasks[1].hints).toEqual(["`sess.run` takes a second argument: `feed_dict={width: ...}`."]);
  });

  for (const language of ["typescript", "python"] as const) {
    it(`works as it says in ${language === "python" ? "Python" : "TypeScript"}: each solution passes, and the starter passes only the look-only task`, async () => {
      const lesson = parseLesson(formatExample(), "FORMAT.md");
      const run = { language, python };
      for (const task of lesson.tasks) {
        expect((await runAndCheck(task.solution[language] ?? "", checksIn(task, language), run)).failures).toEqual([]);
        expect((await runAndCheck(lesson.starter[language] ?? "", checksIn(task, language), run)).passed).toBe(task.starterPasses);
      }
    });
  }
});
