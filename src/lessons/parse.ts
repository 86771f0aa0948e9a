/**
 * Reads a lesson file (lessons/FORMAT.md): front matter, prose with one ```ts starter block
 * (and one ```py starter if the lesson has Python), then `## Task: Title {#id}` sections, each
 * with a statement, ```check blocks, ```hint blocks and one solution block per language. Every
 * problem is reported with its line; the parser keeps going after one so that an instructor
 * sees all of them at once.
 */
import type { Check } from "./checks/ast";
import { parseCheck } from "./checks/grammar";
import { CheckSyntaxError } from "./checks/tokens";
import { codeLanguage, localizeInline, ProseDraft, SHORT } from "./alternatives";
import { ID, ID_RULE, parseFrontMatter } from "./front_matter";
import { LessonFormatError, type Lesson, type LessonLanguage, type LessonProblem, type Localized, type Task } from "./lesson";

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const TASK_HEADING = /^##\s+Task\b/;
const TASK_FLAGS = ["starterPasses"] as const;

interface Fence {
  marker: string;
  lang: string;
  attrs: string[];
  /** Line of the opening fence (1-based). */
  line: number;
  lines: string[];
}

type PerLanguage<T> = Record<LessonLanguage, T>;

interface TaskDraft {
  id: string;
  title: string;
  line: number;
  starterPasses: boolean;
  prose: ProseDraft;
  checks: Check[];
  checksOnly: PerLanguage<Check[]>;
  checkBlocks: number;
  /** Check lines written (parsed or not), to tell an empty block from a broken one. */
  checkLines: number;
  hints: Localized[];
  solution: PerLanguage<string | null>;
  /** The line of each solution block. */
  solutionLine: PerLanguage<number>;
}

/** How strictly to read a lesson. */
export interface ParseOptions {
  /**
   * The lesson must have both languages, and every ```ts example in its text a ```py
   * alternative (the lessons that ship with the playground: `npm run lessons:check`).
   */
  bilingual?: boolean;
}

/**
 * Parses one lesson file.
 * @param file the file's name, used in messages
 * @throws LessonFormatError listing every problem, each with its line
 */
export function parseLesson(text: string, file = "lesson.md", options: ParseOptions = {}): Lesson {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const problems: LessonProblem[] = [];
  const { front, bodyStart } = parseFrontMatter(lines, problems);

  const prose = new ProseDraft();
  const starter: PerLanguage<string | null> = { typescript: null, python: null };
  const starterLine: PerLanguage<number> = { typescript: 0, python: 0 };
  /** Lines of ```check py / ```check ts blocks, to refuse a language the lesson lacks. */
  const checkOnlyLines: PerLanguage<number[]> = { typescript: [], python: [] };
  const tasks: TaskDraft[] = [];
  /** The line of each task id's heading (a lookup per heading keeps the parse linear). */
  const taskLines = new Map<string, number>();
  let fence: Fence | null = null;
  const current = (): TaskDraft | undefined => tasks[tasks.length - 1];

  const codeBlock = (f: Fence, lang: LessonLanguage, task: TaskDraft | undefined): void => {
    const body = f.lines.join("\n");
    const short = SHORT[lang];
    const role = f.attrs[0];
    if (f.attrs.length > 1 || (role !== "starter" && role !== "solution")) {
      problems.push({ line: f.line, message: `unknown \`\`\`${[f.lang, ...f.attrs].join(" ")} block: a code block is \`\`\`${short} starter, \`\`\`${short} solution, or plain \`\`\`${short} for an example in the prose` });
    } else if (role === "starter") {
      if (task) problems.push({ line: f.line, message: `the \`\`\`${short} starter block belongs to the lesson: put it before the first \`## Task:\` heading` });
      else if (starter[lang] !== null) problems.push({ line: f.line, message: `a lesson has one \`\`\`${short} starter block; this is the second` });
      else {
        starter[lang] = body;
        starterLine[lang] = f.line;
      }
    } else if (!task) {
      problems.push({ line: f.line, message: `a \`\`\`${short} solution block belongs to a task: put it after a \`## Task:\` heading` });
    } else if (task.solution[lang] !== null) {
      problems.push({ line: f.line, message: `task \`${task.id}\` has one \`\`\`${short} solution block; this is the second` });
    } else {
      task.solution[lang] = body;
      task.solutionLine[lang] = f.line;
    }
  };

  const checkBlock = (f: Fence, task: TaskDraft): void => {
    const only = f.attrs.length === 1 ? codeLanguage(f.attrs[0]) : null;
    if (f.attrs.length > 0 && only === null) {
      problems.push({ line: f.line, message: `a \`\`\`check block takes no attributes but a language, \`\`\`check py or \`\`\`check ts (found ${JSON.stringify(f.attrs.join(" "))}); the task it belongs to is the one whose heading is above it` });
    }
    if (only !== null) checkOnlyLines[only].push(f.line);
    task.checkBlocks++;
    f.lines.forEach((raw, k) => {
      const line = f.line + 1 + k;
      const t = raw.trim();
      if (t === "" || t.startsWith("#")) return;
      task.checkLines++;
      try {
        (only === null ? task.checks : task.checksOnly[only]).push(parseCheck(t, line));
      } catch (error) {
        if (!(error instanceof CheckSyntaxError)) throw error;
        const col = raw.indexOf(t) + error.col;
        problems.push({ line, message: `column ${col}: ${error.message} in the check ${JSON.stringify(t)}` });
      }
    });
  };

  const closeFence = (f: Fence): void => {
    const task = current();
    const lang = codeLanguage(f.lang);
    if (lang !== null && f.attrs.length > 0) return codeBlock(f, lang, task);
    if (f.lang === "check" || f.lang === "hint") {
      if (!task) {
        problems.push({ line: f.line, message: `a \`\`\`${f.lang} block belongs to a task: put it after a \`## Task:\` heading` });
        return;
      }
      if (f.lang === "check") return checkBlock(f, task);
      if (f.attrs.length > 0) problems.push({ line: f.line, message: `a \`\`\`hint block takes no attributes (found ${JSON.stringify(f.attrs.join(" "))}); the task it belongs to is the one whose heading is above it` });
      const body = f.lines.join("\n").trim();
      if (body === "") problems.push({ line: f.line, message: "this hint is empty" });
      else task.hints.push(localizeInline(body, f.line + 1, problems));
      return;
    }
    // Any other block is part of the prose: an example to read, not to run.
    const fenced = [`${f.marker}${f.lang}${f.attrs.length ? " " + f.attrs.join(" ") : ""}`, ...f.lines, f.marker];
    (task ? task.prose : prose).addBlock(fenced, lang, f.line);
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i];
    const n = i + 1;
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1][0] === fence.marker[0] && close[1].length >= fence.marker.length && close[2].trim() === "") {
        closeFence(fence);
        fence = null;
      } else fence.lines.push(line);
      continue;
    }
    const open = FENCE.exec(line);
    if (open) {
      const words = open[2].trim().split(/\s+/).filter((w) => w !== "");
      fence = { marker: open[1], lang: (words[0] ?? "").toLowerCase(), attrs: words.slice(1), line: n, lines: [] };
      continue;
    }
    if (TASK_HEADING.test(line)) {
      const task = taskHeading(line, n, problems);
      const twin = task.id === "" ? undefined : taskLines.get(task.id);
      if (twin !== undefined) problems.push({ line: n, message: `the task id \`${task.id}\` is already used on line ${twin}` });
      else if (task.id !== "") taskLines.set(task.id, n);
      tasks.push(task);
      continue;
    }
    (current()?.prose ?? prose).addLine(line, n);
  }
  if (fence) problems.push({ line: fence.line, message: `this ${fence.marker}${fence.lang} block is never closed: add a ${fence.marker} line after its last line` });

  const hasPython = starter.python !== null;
  if (starter.typescript === null) problems.push({ line: bodyStart + 1, message: "the lesson has no ```ts starter block (the code the editor starts with)" });
  if (!hasPython && options.bilingual) {
    problems.push({ line: starterLine.typescript || bodyStart + 1, message: "the lesson has no ```py starter block (put it next to the ```ts starter): every lesson that ships with the playground has both languages" });
  }
  if (tasks.length === 0) problems.push({ line: lines.length, message: "the lesson has no tasks: add a `## Task: Title {#id}` section" });
  for (const t of tasks) {
    if (t.prose.isBlank()) problems.push({ line: t.line, message: `task \`${t.id}\` has no statement: say what to do under its heading` });
    if (t.checkBlocks === 0) problems.push({ line: t.line, message: `task \`${t.id}\` has no \`\`\`check block` });
    else if (t.checkLines === 0) problems.push({ line: t.line, message: `task \`${t.id}\`'s \`\`\`check block has no checks` });
    if (t.solution.typescript === null) problems.push({ line: t.line, message: `task \`${t.id}\` has no \`\`\`ts solution block` });
    if (hasPython && t.solution.python === null) problems.push({ line: t.line, message: `task \`${t.id}\` has no \`\`\`py solution block (the lesson has a \`\`\`py starter, so each task needs one)` });
    if (!hasPython && t.solution.python !== null) problems.push({ line: t.solutionLine.python, message: "this ```py solution has no ```py starter to go with: add one before the first task (or remove the Python solutions)" });
  }
  if (!hasPython) for (const line of checkOnlyLines.python) problems.push({ line, message: "a ```check py block applies to the lesson's Python version, and it has none (no ```py starter)" });
  if (options.bilingual) {
    for (const line of [prose, ...tasks.map((t) => t.prose)].flatMap((p) => p.typescriptOnlyExamples())) {
      problems.push({ line, message: "this ```ts example has no ```py alternative: put a ```py block right after it (only blank lines between)" });
    }
  }
  const texts = { prose: prose.resolve(problems), statements: tasks.map((t) => t.prose.resolve(problems)) };
  if (problems.length > 0 || front === null) throw new LessonFormatError(file, problems.sort((a, b) => a.line - b.line));

  return {
    ...front,
    prose: texts.prose,
    starter: { typescript: starter.typescript ?? "", python: starter.python },
    tasks: tasks.map(
      (t, k): Task => ({
        id: t.id,
        title: t.title,
        statement: texts.statements[k],
        checks: t.checks,
        checksOnly: t.checksOnly,
        hints: t.hints,
        solution: { typescript: t.solution.typescript ?? "", python: hasPython ? t.solution.python : null },
        starterPasses: t.starterPasses,
        line: t.line,
      }),
    ),
    file,
  };
}

function taskHeading(line: string, n: number, problems: LessonProblem[]): TaskDraft {
  const draft: TaskDraft = {
    id: "",
    title: "",
    line: n,
    starterPasses: false,
    prose: new ProseDraft(),
    checks: [],
    checksOnly: { typescript: [], python: [] },
    checkBlocks: 0,
    checkLines: 0,
    hints: [],
    solution: { typescript: null, python: null },
    solutionLine: { typescript: 0, python: 0 },
  };
  const m = splitTaskHeading(line);
  if (!m) {
    problems.push({ line: n, message: "a task heading reads `## Task: Title {#task-id}` (add `starterPasses` inside the braces if running the starter already passes)" });
    return draft;
  }
  draft.title = m.title;
  if (draft.title === "") problems.push({ line: n, message: "this task heading has no title before its {#id}" });
  for (const word of m.braces.trim().split(/\s+/).filter((w) => w !== "")) {
    if (word.startsWith("#")) {
      if (draft.id !== "") problems.push({ line: n, message: `this task heading has two ids (#${draft.id} and ${word})` });
      else draft.id = word.slice(1);
    } else if ((TASK_FLAGS as readonly string[]).includes(word)) draft.starterPasses = true;
    else problems.push({ line: n, message: `unknown task flag \`${word}\` (the only flag is ${TASK_FLAGS.join(", ")})` });
  }
  if (draft.id === "") problems.push({ line: n, message: "this task heading has no id: `## Task: Title {#task-id}`" });
  else if (!ID.test(draft.id)) problems.push({ line: n, message: `the task id ${JSON.stringify(draft.id)} must be ${ID_RULE}` });
  return draft;
}

/**
 * `## Task: Title {#id flags}` → its title and what is in the braces (the last `{...}` group,
 * at the end of the line), or null. Written out rather than as one regular expression: the
 * obvious one backtracks quadratically on a long line of `{`s.
 */
function splitTaskHeading(line: string): { title: string; braces: string } | null {
  const head = /^##\s+Task:/.exec(line);
  if (!head) return null;
  const rest = line.slice(head[0].length).trimEnd();
  if (!rest.endsWith("}")) return null;
  const open = rest.lastIndexOf("{");
  if (open < 0) return null;
  const braces = rest.slice(open + 1, -1);
  if (braces.includes("}")) return null;
  return { title: rest.slice(0, open).trim(), braces };
}
