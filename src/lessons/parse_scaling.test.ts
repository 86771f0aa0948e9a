/**
 * A lesson link can carry up to MAX_LESSON_CHARS of text that anyone wrote, and opening it parses
 * the file and its Markdown at once: both must take time linear in the text's length. These
 * tests feed shapes that made the earlier parsers quadratic (a heading line of `{`s, a run of
 * spaces, thousands of tasks, prose full of unmatched markers) and compare the time for 8x
 * more text with the time for the smaller text. The comparison is a ratio of two CPU times in
 * the same process, so it holds on a slow or busy machine: linear code gives about 8 (up to
 * about 18 measured, when the garbage collector works harder for the bigger output), quadratic
 * code 64.
 */
import { describe, expect, it } from "vitest";
import { parseLesson } from "./parse";
import { MAX_LESSON_CHARS } from "./player/route";
import { parseInline, parseMarkdown } from "./player/markdown";

// --- Factories ----------------------------------------------------------------------------

const FRONT = "---\nid: big\ntitle: Big\norder: 1\nsummary: s\n---\n";
const STARTER = "```ts starter\nprint(1);\n```\n";

function task(i: number): string {
  return `## Task: Step ${i} {#t${i}}\nDo it.\n\`\`\`check\nsome run returns 1\n\`\`\`\n\`\`\`ts solution\nprint(1);\n\`\`\`\n`;
}

/** `unit` repeated to `size` characters. */
function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Lesson files of about `size` characters, each stressing one part of the parser. */
const LESSON_SHAPES: Record<string, (size: number) => string> = {
  "many tasks": (size) => {
    let text = FRONT + STARTER;
    for (let i = 0; text.length < size; i++) text += task(i);
    return text;
  },
  "a task heading full of braces": (size) => `${FRONT}${STARTER}## Task: ${fill("{", size)}\n`,
  "a front matter value with a long run of spaces": (size) => `---\nid: big\ntitle: a${fill(" ", size)}b\norder: 1\nsummary: s\n---\n${STARTER}${task(0)}`,
  "a long prose paragraph": (size) => `${FRONT}${fill("word [link `code *em _u ", size)}\n\n${STARTER}${task(0)}`,
  "prose full of language spans": (size) => `${FRONT}${fill("a [[ts:`x` [[node:n]]]][[py:`y`]] ", size)}\n\n${STARTER}${task(0)}`,
  "a language span full of brackets that never closes": (size) => `${FRONT}[[ts:${fill("[[a [[node:b]] ", size)}\n\n${STARTER}${task(0)}`,
  "many example pairs": (size) => `${FRONT}${fill("```ts\nx;\n```\n\n```py\nx\n```\n", size)}\n\n${STARTER}${task(0)}`,
};

/** Markdown that defeats naive inline parsing: markers that never close. */
const MARKDOWN_SHAPES: Record<string, (size: number) => string> = {
  "unclosed brackets": (size) => fill("[a](b ", size),
  "unclosed node references": (size) => fill("[[node:x ", size),
  "backtick spans": (size) => fill("a ` b ", size),
  "lone stars and underscores": (size) => fill("*a _b **c __d ", size),
  "a heading ending in spaces": (size) => `# a${fill(" ", size)}b`,
  "deeply nested emphasis": (size) => fill("*_", size / 2) + fill("_*", size / 2),
};

/**
 * The CPU time of one call of `f`, in ms. CPU time rather than wall-clock time: on a busy
 * machine a long call is interrupted by other processes more often than a short one, which
 * would make the larger input look slower than it is.
 */
function timed(f: () => void): number {
  const t0 = process.cpuUsage();
  f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/**
 * How much longer 8x the input takes, for input made by `make`. The two sizes are timed in
 * turn, seven times each, and the fastest of each kept: a busy machine slows both alike, and
 * the fastest run is the least disturbed.
 */
function growth(make: (size: number) => string, run: (text: string) => void): number {
  // Both sizes big enough that neither fits a CPU cache nor escapes garbage collection, which
  // would make the small one unfairly fast per character.
  const small = make(MAX_LESSON_CHARS / 4);
  const large = make(MAX_LESSON_CHARS * 2);
  run(large); // warm up the JIT on the same code paths
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let k = 0; k < 7; k++) {
    bestSmall = Math.min(bestSmall, timed(() => run(small)));
    bestLarge = Math.min(bestLarge, timed(() => run(large)));
  }
  // A floor of 0.05 ms keeps a timer's granularity from making the ratio meaningless.
  return bestLarge / Math.max(0.05, bestSmall);
}

function parseOrReport(text: string): void {
  try {
    parseLesson(text);
  } catch {
    // A malformed lesson is reported, which is also work that must be linear.
  }
}

// --- Tests --------------------------------------------------------------------------------

// Each test parses about 4 MB of text: seconds on a busy machine, hence the long timeout (a
// guard against a hang, not a speed requirement).
describe("parseLesson", () => {
  for (const [shape, make] of Object.entries(LESSON_SHAPES)) {
    it(`takes time linear in the text's length for ${shape}`, () => {
      expect(growth(make, parseOrReport)).toBeLessThan(32);
    });
  }

  it("still reads every one of a thousand tasks and reports a repeated id with both lines", () => {
    const lesson = parseLesson(LESSON_SHAPES["many tasks"](MAX_LESSON_CHARS));
    expect(lesson.tasks.length).toBeGreaterThan(1000);
    const twice = FRONT + STARTER + task(1) + task(2) + task(1);
    expect(() => parseLesson(twice)).toThrow(/lesson\.md:26: the task id `t1` is already used on line 10/);
  });
});

describe("parseMarkdown", () => {
  for (const [shape, make] of Object.entries(MARKDOWN_SHAPES)) {
    it(`takes time linear in the text's length for ${shape}`, () => {
      expect(growth(make, (text) => parseMarkdown(text))).toBeLessThan(32);
    });
  }

  it("still reads links, code and emphasis among unclosed markers", () => {
    expect(parseInline("x ``y `z` [d")).toEqual([
      { type: "text", text: "x ``y " },
      { type: "code", text: "z" },
      { type: "text", text: " [d" },
    ]);
    expect(parseInline("*x* and [c](https://x.org) [d")).toEqual([
      { type: "em", children: [{ type: "text", text: "x" }] },
      { type: "text", text: " and " },
      { type: "link", href: "https://x.org", children: [{ type: "text", text: "c" }] },
      { type: "text", text: " [d" },
    ]);
  });
});
