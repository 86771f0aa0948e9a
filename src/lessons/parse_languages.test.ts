import { describe, expect, it } from "vitest";
import { parseLessonSet } from "./collection";
import { checksIn, lessonIn } from "./language";
import { LessonFormatError } from "./lesson";
import { parseLesson, type ParseOptions } from "./parse";

// ---- factories -----------------------------------------------------------------------------

const FRONT = ["---", "id: feeding", "title: Feeding", "order: 6", "summary: Feed a placeholder.", "---", ""];
const STARTERS = ["```ts starter", "print(0);", "```", "", "```py starter", "print(0)", "```", ""];

function task(id: string, extra: string[] = []): string[] {
  return [`## Task: Feed ${id} {#${id}}`, "", "Feed 2.", "", "```check", "no run fails", "```", "", "```hint", "Use feed_dict.", "```", "", "```ts solution", "print(1);", "```", "", "```py solution", "print(1)", "```", "", ...extra];
}

/** A lesson in both languages: front matter, `prose` lines, both starters, then `tasks`. */
function lesson(prose: string[] = ["Some prose."], tasks: string[] = task("feed")): string {
  return [...FRONT, ...prose, "", ...STARTERS, ...tasks].join("\n");
}

/** The problems of a refused lesson, as `line: message` strings. */
function problems(text: string, options: ParseOptions = {}): string[] {
  try {
    parseLesson(text, "broken.md", options);
  } catch (error) {
    expect(error).toBeInstanceOf(LessonFormatError);
    return (error as LessonFormatError).problems.map((p) => `${p.line}: ${p.message}`);
  }
  throw new Error("expected the lesson to be refused");
}

function lineOf(text: string, needle: string, from = 0): number {
  return text.split("\n").findIndex((l, i) => i >= from && l.includes(needle)) + 1;
}

// ---- reading both languages -----------------------------------------------------------------

describe("a lesson in two languages", () => {
  it("has a starter and a solution per task in each language", () => {
    const l = parseLesson(lesson(["Intro."], [...task("a"), ...task("b")]));
    expect(l.starter).toEqual({ typescript: "print(0);", python: "print(0)" });
    expect(l.tasks.map((t) => t.solution)).toEqual([
      { typescript: "print(1);", python: "print(1)" },
      { typescript: "print(1);", python: "print(1)" },
    ]);
    expect(lessonIn(l, "python")).toMatchObject({ language: "python", missing: false, starter: "print(0)", prose: "Intro." });
    expect(lessonIn(l, "typescript").tasks[0]).toMatchObject({ solution: "print(1);", hints: ["Use feed_dict."] });
  });

  it("accepts ```python and ```typescript as the languages' long names", () => {
    const text = lesson().replace("```py starter", "```python starter").replace("```ts solution", "```typescript solution");
    expect(parseLesson(text).starter.python).toBe("print(0)");
  });

  it("shows a ```ts example followed by a ```py example in the learner's language only", () => {
    const l = parseLesson(lesson(["Before.", "", "```ts", "const x = 1;  // [1]", "```", "", "", "```py", "x = 1  # [1]", "```", "", "1. A number."]));
    expect(l.prose.typescript).toBe("Before.\n\n```ts\nconst x = 1;  // [1]\n```\n\n\n\n1. A number.");
    expect(l.prose.python).toBe("Before.\n\n\n\n```py\nx = 1  # [1]\n```\n\n1. A number.");
  });

  it("shows a lone example, and examples with text between them, to both languages", () => {
    const l = parseLesson(lesson(["```ts", "a;", "```", "Between.", "```py", "b", "```", "", "```text", "c", "```"]));
    for (const lang of ["typescript", "python"] as const) expect(l.prose[lang]).toBe("```ts\na;\n```\nBetween.\n```py\nb\n```\n\n```text\nc\n```");
  });

  it("pairs examples in a task's statement too", () => {
    const t = task("feed");
    t.splice(3, 0, "```ts", "sess.run(y, {feed_dict: {[x]: 2}});", "```", "```py", "sess.run(y, feed_dict={x: 2})", "```");
    const l = parseLesson(lesson(undefined, t));
    expect(l.tasks[0].statement.typescript).toBe("Feed 2.\n```ts\nsess.run(y, {feed_dict: {[x]: 2}});\n```");
    expect(l.tasks[0].statement.python).toBe("Feed 2.\n```py\nsess.run(y, feed_dict={x: 2})\n```");
  });

  it("keeps [[ts:...]] text in TypeScript and [[py:...]] text in Python, code spans and node refs included", () => {
    const prose = ["Feed [[node:Placeholder]] with [[ts:`{feed_dict: {[x]: 25}}`]][[py:`feed_dict={x: 25}`]].", "[[py:In Python, [[node:add|the sum]] is `a + b`.]]"];
    const l = parseLesson(lesson(prose));
    expect(l.prose.typescript).toBe("Feed [[node:Placeholder]] with `{feed_dict: {[x]: 25}}`.");
    expect(l.prose.python).toBe("Feed [[node:Placeholder]] with `feed_dict={x: 25}`.\nIn Python, [[node:add|the sum]] is `a + b`.");
  });

  it("resolves inline text in statements and hints, and leaves a hint for one language out of the other", () => {
    const t = task("feed");
    t[t.indexOf("Feed 2.")] = "Call [[ts:`sess.run(y, {feed_dict})`]][[py:`sess.run(y, feed_dict=...)`]].";
    t.splice(t.indexOf("```ts solution"), 0, "```hint", "[[py:Python's `with` block closes the session.]]", "```");
    const l = parseLesson(lesson(undefined, t));
    expect(l.tasks[0].statement.python).toBe("Call `sess.run(y, feed_dict=...)`.");
    expect(lessonIn(l, "typescript").tasks[0].hints).toEqual(["Use feed_dict."]);
    expect(lessonIn(l, "python").tasks[0].hints).toEqual(["Use feed_dict.", "Python's `with` block closes the session."]);
  });

  it("adds a ```check py block's checks to the Python checks only", () => {
    const t = task("feed");
    t.splice(t.indexOf("```hint"), 0, "```check py", "stdout has a line \"1\"", "```", "```check ts", "there is 1 run", "```");
    const feed = parseLesson(lesson(undefined, t)).tasks[0];
    expect(checksIn(feed, "python").map((c) => c.text)).toEqual(["no run fails", 'stdout has a line "1"']);
    expect(checksIn(feed, "typescript").map((c) => c.text)).toEqual(["no run fails", "there is 1 run"]);
  });
});

describe("a lesson with TypeScript only", () => {
  const tsOnly = [...FRONT, "```ts", "a;", "```", "", "```ts starter", "print(0);", "```", "", ...task("feed").slice(0, -5)].join("\n");

  it("is accepted from a learner's file, and a Python learner takes it in TypeScript", () => {
    const l = parseLesson(tsOnly);
    expect(l.starter.python).toBeNull();
    expect(lessonIn(l, "python")).toMatchObject({ language: "typescript", missing: true, starter: "print(0);", tasks: [{ solution: "print(1);" }] });
  });

  it("is refused for the lessons that ship, which have both languages and pair every example", () => {
    expect(problems(tsOnly, { bilingual: true })).toEqual([
      "8: this ```ts example has no ```py alternative: put a ```py block right after it (only blank lines between)",
      "12: the lesson has no ```py starter block (put it next to the ```ts starter): every lesson that ships with the playground has both languages",
    ]);
    const set = parseLessonSet([{ file: "lessons/01-x.md", text: tsOnly }, { file: "mine.md", text: tsOnly.replace("id: feeding", "id: mine") }], { bilingual: (f) => f.startsWith("lessons/") });
    expect(set.lessons.map((l) => l.id)).toEqual(["mine"]);
    expect(set.errors.map((e) => e.file)).toEqual(["lessons/01-x.md"]);
  });
});

// ---- problems --------------------------------------------------------------------------------

describe("problems with the second language", () => {
  it("wants a ```py solution in every task once the lesson has a ```py starter", () => {
    const t = task("feed");
    t.splice(t.indexOf("```py solution"), 3);
    const text = lesson(undefined, [...task("ok"), ...t]);
    expect(problems(text)).toEqual([`${lineOf(text, "{#feed}")}: task \`feed\` has no \`\`\`py solution block (the lesson has a \`\`\`py starter, so each task needs one)`]);
  });

  it("wants a ```py starter for ```py solutions and ```check py blocks", () => {
    const t = task("feed");
    t.splice(t.indexOf("```hint"), 0, "```check py", "no run fails", "```");
    const text = lesson(undefined, t).replace("```py starter\nprint(0)\n```", "");
    expect(problems(text)).toEqual([
      `${lineOf(text, "```check py")}: a \`\`\`check py block applies to the lesson's Python version, and it has none (no \`\`\`py starter)`,
      `${lineOf(text, "```py solution")}: this \`\`\`py solution has no \`\`\`py starter to go with: add one before the first task (or remove the Python solutions)`,
    ]);
  });

  it("wants one ```py starter, before the tasks, and one ```py solution per task", () => {
    const text = lesson(["```py starter", "x", "```"], [...task("feed"), "```py solution", "y", "```", "```py starter", "z", "```", "```py start", "w", "```"]);
    const after = (needle: string, n: number) => lineOf(text, needle, n);
    const secondStarter = after("```py starter", lineOf(text, "```py starter"));
    const secondSolution = after("```py solution", lineOf(text, "```py solution"));
    const taskStarter = after("```py starter", secondSolution);
    expect(problems(text)).toEqual([
      `${secondStarter}: a lesson has one \`\`\`py starter block; this is the second`,
      `${secondSolution}: task \`feed\` has one \`\`\`py solution block; this is the second`,
      `${taskStarter}: the \`\`\`py starter block belongs to the lesson: put it before the first \`## Task:\` heading`,
      `${after("```py start", taskStarter)}: unknown \`\`\`py start block: a code block is \`\`\`py starter, \`\`\`py solution, or plain \`\`\`py for an example in the prose`,
    ]);
  });

  it("points at a [[ts: or [[py: that is never closed, on its own line", () => {
    const text = lesson(["First line.", "Then [[py:`feed_dict={x: 1}` and no end.", "", "More."]);
    expect(problems(text)).toEqual([`${lineOf(text, "Then [[py:")}: this [[py: is never closed: end its text with ]]`]);
  });

  it("refuses a language span inside another, in a hint too", () => {
    const t = task("feed");
    t[t.indexOf("Use feed_dict.")] = "Use [[ts:`{feed_dict}` [[py:`feed_dict=`]]]].";
    const text = lesson(undefined, t);
    expect(problems(text)).toEqual([`${lineOf(text, "Use [[ts:")}: a [[py:...]] inside [[ts:...]]: close the first with ]] before starting another`]);
  });

  it("refuses a language span whose code holds ]], which would cut the code in half", () => {
    const text = lesson(["Fetch [[ts:`sess.run([a, [b, c]]);`]][[py:`sess.run([a, [b, c]])`]]."]);
    expect(problems(text)).toEqual([`${lineOf(text, "Fetch [[ts:")}: this [[ts:...]] ends inside a \`code span\`, at its first ]]: the text of [[ts:...]] cannot hold ]] (reword the code)`]);
  });

  it("names the language a check block may carry", () => {
    const t = task("feed");
    t[t.indexOf("```check")] = "```check python3";
    expect(problems(lesson(undefined, t))[0]).toMatch(/a ```check block takes no attributes but a language, ```check py or ```check ts \(found "python3"\)/);
  });
});
