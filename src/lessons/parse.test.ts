import { describe, expect, it } from "vitest";
import { parseLessonSet } from "./collection";
import { LessonFormatError } from "./lesson";
import { parseLesson } from "./parse";

// ---- small factories -----------------------------------------------------------------------

const FRONT = ["---", "id: feeding", "title: Feeding", "order: 6", "summary: Feed a placeholder.", "---"];

const TASK = ["## Task: Feed it {#feed}", "", "Feed 2.", "", "```check", "no run fails", "```", "", "```hint", "Use feed_dict.", "```", "", "```ts solution", "print(1);", "```"];

/** A valid lesson's lines, with `edit` applied to them. */
function lessonLines(edit: (lines: string[]) => void = () => {}): string {
  const lines = [...FRONT, "", "Some prose.", "", "```ts starter", "print(0);", "```", "", ...TASK];
  edit(lines);
  return lines.join("\n");
}

/** The problems of a broken lesson, as `line: message` strings. */
function problems(text: string): string[] {
  try {
    parseLesson(text, "broken.md");
  } catch (error) {
    expect(error).toBeInstanceOf(LessonFormatError);
    return (error as LessonFormatError).problems.map((p) => `${p.line}: ${p.message}`);
  }
  throw new Error("expected the lesson to be refused");
}

function lineOf(text: string, needle: string): number {
  return text.split("\n").findIndex((l) => l.includes(needle)) + 1;
}

// ---- parseLesson ---------------------------------------------------------------------------

describe("parseLesson", () => {
  it("reads front matter, prose, starter and a task with checks, hints and solution", () => {
    const text = lessonLines();
    const lesson = parseLesson(text, "feeding.md");
    const both = (t: string) => ({ typescript: t, python: t });
    expect(lesson).toMatchObject({ id: "feeding", title: "Feeding", order: 6, summary: "Feed a placeholder.", requires: [], prose: both("Some prose."), starter: { typescript: "print(0);", python: null }, file: "feeding.md" });
    expect(lesson.tasks).toHaveLength(1);
    expect(lesson.tasks[0]).toMatchObject({ id: "feed", title: "Feed it", statement: both("Feed 2."), hints: [both("Use feed_dict.")], solution: { typescript: "print(1);", python: null }, starterPasses: false, line: lineOf(text, "## Task") });
    expect(lesson.tasks[0].checks).toMatchObject([{ kind: "runs", text: "no run fails", line: lineOf(text, "no run fails") }]);
  });

  it("reads several tasks, several hints in order, the starterPasses flag and comments in checks", () => {
    const text = lessonLines((l) =>
      l.push("", "## Task: Look {#look starterPasses}", "Just look.", "```check", "# a comment", "", "the graph has 2 nodes", "there are no runs", "```", "```hint", "First.", "```", "~~~hint", "Second.", "~~~", "```ts solution", "1;", "```"),
    );
    const look = parseLesson(text).tasks[1];
    expect(look).toMatchObject({ id: "look", starterPasses: true, hints: [{ typescript: "First.", python: "First." }, { typescript: "Second.", python: "Second." }] });
    expect(look.checks.map((c) => c.text)).toEqual(["the graph has 2 nodes", "there are no runs"]);
  });

  it("keeps example code blocks in the prose, fences and all", () => {
    const text = lessonLines((l) => l.splice(l.indexOf("Some prose.") + 1, 0, "", "````ts", "const x = 1;   // [1]", "```", "````"));
    expect(parseLesson(text).prose.typescript).toBe("Some prose.\n\n````ts\nconst x = 1;   // [1]\n```\n````");
  });

  it("reads requires as a flow list or a block list, and quoted values", () => {
    expect(parseLesson(lessonLines((l) => l.splice(5, 0, "requires: [sessions, 'the-graph']"))).requires).toEqual(["sessions", "the-graph"]);
    expect(parseLesson(lessonLines((l) => l.splice(5, 0, "requires:", "  - sessions", "  - placeholders"))).requires).toEqual(["sessions", "placeholders"]);
    expect(parseLesson(lessonLines((l) => (l[2] = 'title: "Feeding: \\"it\\""'))).title).toBe('Feeding: "it"');
  });

  it("folds an indented line into the value above, as YAML does", () => {
    expect(parseLesson(lessonLines((l) => l.splice(5, 0, "  and more."))).summary).toBe("Feed a placeholder. and more.");
  });

  it("accepts Windows line endings and a byte order mark", () => {
    expect(parseLesson("\uFEFF" + lessonLines().replace(/\n/g, "\r\n")).tasks[0].solution.typescript).toBe("print(1);");
  });
});

describe("parseLesson on broken files", () => {
  it("asks for front matter at the top", () => {
    expect(problems("# Hello\n")).toContain("1: a lesson file starts with a `---` line that opens its front matter (id, title, order, summary)");
  });

  it("points at front matter that is never closed", () => {
    expect(problems("---\nid: x\n")[0]).toBe("1: the front matter opened here is never closed: add a `---` line after its last key");
  });

  it("names missing, unknown, repeated and malformed keys with their lines", () => {
    const text = lessonLines((l) => {
      l[1] = "id: Feeding Lesson";
      l[3] = "order: sixth";
      l[4] = "sumary: typo";
      l.splice(5, 0, "title: again", "just words");
    });
    expect(problems(text)).toEqual([
      "1: the front matter has no `summary`",
      '2: the id "Feeding Lesson" must be lowercase letters, digits and single dashes (it appears in links)',
      '4: `order` must be a number, found "sixth"',
      "5: unknown front matter key `sumary` (the keys are id, title, order, summary, requires)",
      "6: `title` is given twice (first on line 3)",
      '7: expected `key: value`, found "just words"',
    ]);
  });

  it("asks for quotes around a value YAML would read as something else", () => {
    expect(problems(lessonLines((l) => (l[4] = "summary: `x` is fed")))).toEqual(['5: "`x` is fed" needs quotes: a value starting with ` means something else in YAML']);
  });

  it("points at a broken check with its line, column and the check itself", () => {
    const text = lessonLines((l) => (l[l.indexOf("no run fails")] = "  run #0 fial"));
    expect(problems(text)).toEqual([`${lineOf(text, "run #0 fial")}: column 10: expected what the run does: \`succeeds\`, \`fails\`, \`runs\`, \`feeds\`, \`fetches\`, \`assigns\`, \`prints\`, \`returns\`, \`computes\`, \`skips\`, \`loops\`, \`uses session\` (or \`does not\` before one), found "fial" in the check "run #0 fial"`]);
  });

  it("reports every problem at once, in line order", () => {
    const text = lessonLines((l) => {
      l[l.indexOf("no run fails")] = "whatever";
      l[l.indexOf("```ts solution")] = "```ts solutoin";
    });
    const found = problems(text);
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(new RegExp(`^${lineOf(text, "## Task")}: task \`feed\` has no \`\`\`ts solution block`));
    expect(found[1]).toMatch(new RegExp(`^${lineOf(text, "whatever")}: column 1: expected a check`));
    expect(found[2]).toMatch(new RegExp(`^${lineOf(text, "solutoin")}: unknown \`\`\`ts solutoin block`));
  });

  it("wants exactly one starter, before the tasks", () => {
    expect(problems(lessonLines((l) => l.splice(l.indexOf("```ts starter"), 3)))).toEqual(["7: the lesson has no ```ts starter block (the code the editor starts with)"]);
    expect(problems(lessonLines((l) => l.push("```ts starter", "x", "```")))).toEqual(["29: the ```ts starter block belongs to the lesson: put it before the first `## Task:` heading"]);
    expect(problems(lessonLines((l) => l.splice(12, 0, "```ts starter", "x", "```")))).toEqual(["13: a lesson has one ```ts starter block; this is the second"]);
  });

  it("wants checks, hints and solutions inside a task", () => {
    const text = lessonLines((l) => l.splice(7, 0, "```check", "no run fails", "```", "```ts solution", "x", "```"));
    expect(problems(text)).toEqual([
      "8: a ```check block belongs to a task: put it after a `## Task:` heading",
      "11: a ```ts solution block belongs to a task: put it after a `## Task:` heading",
    ]);
    expect(lineOf(text, "```check")).toBe(8);
  });

  it("explains how to write a task heading", () => {
    expect(problems(lessonLines((l) => (l[l.indexOf("## Task: Feed it {#feed}")] = "## Task Feed it")))[0]).toBe(
      "14: a task heading reads `## Task: Title {#task-id}` (add `starterPasses` inside the braces if running the starter already passes)",
    );
    expect(problems(lessonLines((l) => (l[13] = "## Task: Feed it {feed}")))).toContain("14: this task heading has no id: `## Task: Title {#task-id}`");
    expect(problems(lessonLines((l) => (l[13] = "## Task: Feed it {#feed starterpasses}")))).toEqual(["14: unknown task flag `starterpasses` (the only flag is starterPasses)"]);
    expect(problems(lessonLines((l) => (l[13] = "## Task: Feed it {#Feed_It}")))[0]).toMatch(/^14: the task id "Feed_It" must be lowercase/);
  });

  it("refuses a task id used twice", () => {
    expect(problems(lessonLines((l) => l.push(...TASK)))).toContain("29: the task id `feed` is already used on line 14");
  });

  it("wants a statement, a check and a solution in every task", () => {
    expect(problems(lessonLines((l) => l.push("## Task: Empty {#empty}")))).toEqual([
      "29: task `empty` has no statement: say what to do under its heading",
      "29: task `empty` has no ```check block",
      "29: task `empty` has no ```ts solution block",
    ]);
    expect(problems(lessonLines((l) => l.splice(l.indexOf("no run fails"), 1, "# only a comment")))).toEqual(["14: task `feed`'s ```check block has no checks"]);
  });

  it("wants at least one task", () => {
    expect(problems(lessonLines((l) => l.splice(13)))).toEqual(["13: the lesson has no tasks: add a `## Task: Title {#id}` section"]);
  });

  it("points at a code block that is never closed", () => {
    expect(problems(lessonLines((l) => l.push("```ts", "open")))).toContain("29: this ```ts block is never closed: add a ``` line after its last line");
  });

  it("refuses attributes on check and hint blocks", () => {
    expect(problems(lessonLines((l) => (l[l.indexOf("```check")] = "```check task=feed")))[0]).toMatch(/^18: a ```check block takes no attributes but a language, ```check py or ```check ts \(found "task=feed"\)/);
  });

  it("says which file each problem is in", () => {
    expect(() => parseLesson("nothing", "mine.md")).toThrow(/^mine\.md:1: a lesson file starts/);
  });
});

// ---- parseLessonSet ------------------------------------------------------------------------

describe("parseLessonSet", () => {
  const named = (id: string, order: number, extra: string[] = []): string =>
    lessonLines((l) => {
      l[1] = `id: ${id}`;
      l[3] = `order: ${order}`;
      l.splice(5, 0, ...extra);
    });

  it("sorts lessons by order", () => {
    const set = parseLessonSet([
      { file: "b.md", text: named("b", 2) },
      { file: "a.md", text: named("a", 1.5) },
    ]);
    expect(set.lessons.map((l) => l.id)).toEqual(["a", "b"]);
    expect(set.errors).toEqual([]);
  });

  it("keeps the good lessons when one file is broken", () => {
    const set = parseLessonSet([
      { file: "ok.md", text: named("ok", 1) },
      { file: "bad.md", text: "oops" },
    ]);
    expect(set.lessons.map((l) => l.id)).toEqual(["ok"]);
    expect(set.errors.map((e) => e.file)).toEqual(["bad.md"]);
  });

  it("refuses a lesson id used twice and requires naming no lesson", () => {
    const set = parseLessonSet([
      { file: "one.md", text: named("same", 1, ["requires: [missing]"]) },
      { file: "two.md", text: named("same", 2) },
    ]);
    expect(set.errors.map((e) => e.message)).toEqual(["two.md:2: the lesson id `same` is already used by one.md", "one.md:1: `requires` names no lesson with the id `missing`"]);
  });
});
