import { describe, expect, it } from "vitest";
import type { NodeEvent } from "../../runner/events";
import { parseLesson } from "../parse";
import { exportLessonText, suggestedChecks } from "./export";

const node = (name: string, op: string): NodeEvent => ({ type: "node", name, op, inputs: [], control_inputs: [], ref_inputs: [], dtype: null, shape: null, line: 1, effects: [], graph: 0 });
const program = { nodes: [node("Const", "Const"), node("Const_1", "Const"), node("add", "Add")], runCount: 1, error: null, status: "done" as const };

describe("suggestedChecks", () => {
  it("describes the last run's graph and ending", () => {
    expect(suggestedChecks(program)).toEqual(["the graph has 2 Const ops", "the graph has 1 Add op", "there is 1 run", "the program succeeds"]);
  });
});

describe("exportLessonText", () => {
  it("makes a lesson file the parser accepts, with the code as starter and solution", () => {
    const code = "const a = tf.constant(1);\n// ``` inside a comment\nprint(a);";
    const lesson = parseLesson(exportLessonText(code, program), "my-lesson.md");
    expect(lesson.starter).toEqual({ typescript: code, python: null });
    expect(lesson.tasks[0].solution).toEqual({ typescript: code, python: null });
    expect(lesson.tasks[0].checks).toHaveLength(4);
  });
});
