/**
 * What a lesson says differently in each language (lessons/FORMAT.md, "Two languages"):
 * - inline `[[ts:TEXT]]` / `[[py:TEXT]]` show TEXT only in that language;
 * - a ```ts example followed (only blank lines between) by a ```py example are alternatives:
 *   each learner sees the one in their language.
 * The parser collects a Markdown text as pieces (ProseDraft) and resolves it once per language,
 * so the player just picks the string for the learner's language.
 */
import type { LessonLanguage, LessonProblem, Localized } from "./lesson";

export const LANGUAGES: readonly LessonLanguage[] = ["typescript", "python"];

/** The short names lessons use (```ts, [[py:...]]). */
export const SHORT: Record<LessonLanguage, string> = { typescript: "ts", python: "py" };

/** A fence's language word → the language it is code in, if it is one of ours. */
export function codeLanguage(word: string): LessonLanguage | null {
  if (word === "ts" || word === "typescript") return "typescript";
  if (word === "py" || word === "python") return "python";
  return null;
}

const OPEN = /\[\[(ts|py):/g;
const NODE = "[[node:";

interface Span {
  /** Where `[[ts:` starts and where its TEXT starts and ends (before `]]`). */
  start: number;
  from: number;
  to: number;
  lang: LessonLanguage;
}

/**
 * The `[[ts:...]]` / `[[py:...]]` spans of `text`, in order. TEXT may hold [[node:...]] refs
 * (their `]]` does not close the span). Problems are reported with their offset in `text`.
 * Linear: every character is looked at a bounded number of times.
 */
function spans(text: string, problem: (offset: number, message: string) => void): Span[] {
  const out: Span[] = [];
  OPEN.lastIndex = 0;
  for (let m = OPEN.exec(text); m !== null; m = OPEN.exec(text)) {
    const word = m[1];
    const from = m.index + m[0].length;
    let to = -1;
    for (let i = from; i < text.length - 1; i++) {
      if (text[i] === "]" && text[i + 1] === "]") {
        to = i;
        break;
      }
      if (text[i] !== "[" || text[i + 1] !== "[") continue;
      if (text.startsWith(NODE, i)) {
        const end = text.indexOf("]]", i + NODE.length);
        if (end < 0) break;
        i = end + 1;
      } else if (text.startsWith("[[ts:", i) || text.startsWith("[[py:", i)) {
        problem(i, `a [[${text.slice(i + 2, i + 4)}:...]] inside [[${word}:...]]: close the first with ]] before starting another`);
        return out;
      }
    }
    if (to < 0) {
      // Nothing after an unclosed span can be read for sure: one problem, not one per line.
      problem(m.index, `this [[${word}: is never closed: end its text with ]]`);
      return out;
    }
    if (countBackticks(text, from, to) % 2 === 1) {
      // `[[ts:`a[b[c]]`]]` closes at the code's own `]]`: say so rather than show half of it.
      problem(m.index, `this [[${word}:...]] ends inside a \`code span\`, at its first ]]: the text of [[${word}:...]] cannot hold ]] (reword the code)`);
      return out;
    }
    out.push({ start: m.index, from, to, lang: word === "ts" ? "typescript" : "python" });
    OPEN.lastIndex = to + 2;
  }
  return out;
}

function countBackticks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("`", from); i >= 0 && i < to; i = text.indexOf("`", i + 1)) n++;
  return n;
}

/** `text` as a learner of `lang` reads it (spans given by `spans`). */
function resolveSpans(text: string, found: readonly Span[], lang: LessonLanguage): string {
  if (found.length === 0) return text;
  let out = "";
  let at = 0;
  for (const s of found) {
    out += text.slice(at, s.start);
    if (s.lang === lang) out += text.slice(s.from, s.to);
    at = s.to + 2;
  }
  return out + text.slice(at);
}

/**
 * `text` in both languages: each `[[ts:...]]` / `[[py:...]]` kept (without its brackets) in its
 * language and dropped in the other.
 * @param line the line `text` starts on, for problems
 * @example
 * localizeInline("Feed it [[ts:`{feed_dict: ...}`]][[py:`feed_dict=...`]].", 1, problems).python
 * // "Feed it `feed_dict=...`."
 */
export function localizeInline(text: string, line: number, problems: LessonProblem[]): Localized {
  const found = spans(text, (offset, message) => problems.push({ line: line + countLines(text, offset), message }));
  return { typescript: resolveSpans(text, found, "typescript"), python: resolveSpans(text, found, "python") };
}

function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

type Piece = { kind: "text"; line: number; lines: string[] } | { kind: "block"; line: number; lines: string[]; lang: LessonLanguage | null; only: LessonLanguage | null };

/**
 * A Markdown text (the lesson's prose, a task's statement) read line by line and code block by
 * code block, resolved into both languages at the end.
 */
export class ProseDraft {
  private readonly pieces: Piece[] = [];

  /** A line outside code blocks. */
  addLine(line: string, n: number): void {
    const last = this.pieces[this.pieces.length - 1];
    if (last?.kind === "text") last.lines.push(line);
    else this.pieces.push({ kind: "text", line: n, lines: [line] });
  }

  /**
   * A code block, with its fences (`lines`). `lang` is the language it is code in; a ```py
   * block right after a ```ts block (blank lines between) makes the two alternatives.
   */
  addBlock(lines: string[], lang: LessonLanguage | null, n: number): void {
    const block: Piece = { kind: "block", line: n, lines, lang, only: null };
    if (lang === "python") {
      const before = this.previousBlock();
      if (before && before.lang === "typescript" && before.only === null) {
        before.only = "typescript";
        block.only = "python";
      }
    }
    this.pieces.push(block);
  }

  /** The block before the blank lines at the end, if nothing else is between. */
  private previousBlock(): (Piece & { kind: "block" }) | null {
    for (let i = this.pieces.length - 1; i >= 0; i--) {
      const p = this.pieces[i];
      if (p.kind === "block") return p;
      if (p.lines.some((l) => l.trim() !== "")) return null;
    }
    return null;
  }

  isBlank(): boolean {
    return this.pieces.every((p) => p.kind === "text" && p.lines.every((l) => l.trim() === ""));
  }

  /** The lines of ```ts examples that have no ```py alternative after them. */
  typescriptOnlyExamples(): number[] {
    return this.pieces.filter((p) => p.kind === "block" && p.lang === "typescript" && p.only === null).map((p) => p.line);
  }

  /** The text in both languages, without leading and trailing blank lines. */
  resolve(problems: LessonProblem[]): Localized {
    const out: Record<LessonLanguage, string[]> = { typescript: [], python: [] };
    for (const p of this.pieces) {
      if (p.kind === "block") {
        for (const lang of LANGUAGES) if (p.only === null || p.only === lang) out[lang].push(...p.lines);
        continue;
      }
      const text = localizeInline(p.lines.join("\n"), p.line, problems);
      for (const lang of LANGUAGES) out[lang].push(text[lang]);
    }
    return { typescript: trimBlank(out.typescript), python: trimBlank(out.python) };
  }
}

/** The lines joined, without leading and trailing blank lines. */
export function trimBlank(lines: readonly string[]): string {
  return lines.join("\n").replace(/^\s*\n/, "").trimEnd();
}
