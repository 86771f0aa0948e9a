/**
 * A lesson's front matter: the `---` block at the top of the file. It is a small, strict
 * subset of YAML (`key: value` lines, quoted or plain strings, a list in `[a, b]` or `- a`
 * form), so that a typo gets a message naming its line instead of becoming a silent default.
 */
import type { LessonProblem } from "./lesson";

export interface FrontMatter {
  id: string;
  title: string;
  order: number;
  summary: string;
  requires: string[];
}

const KEYS = ["id", "title", "order", "summary", "requires"] as const;
type Key = (typeof KEYS)[number];

/** Lesson and task ids appear in links (`#lesson/<id>/<task>`). */
export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_RULE = "lowercase letters, digits and single dashes (it appears in links)";

interface RawValue {
  line: number;
  text: string;
  /** Items of a `- item` block list. */
  items?: { line: number; text: string }[];
}

/**
 * Reads the front matter at the start of `lines`.
 * @returns the fields and the index of the first body line, or problems
 */
export function parseFrontMatter(lines: readonly string[], problems: LessonProblem[]): { front: FrontMatter | null; bodyStart: number } {
  if (lines[0]?.trim() !== "---") {
    problems.push({ line: 1, message: "a lesson file starts with a `---` line that opens its front matter (id, title, order, summary)" });
    return { front: null, bodyStart: 0 };
  }
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === "---");
  if (close < 0) {
    problems.push({ line: 1, message: "the front matter opened here is never closed: add a `---` line after its last key" });
    return { front: null, bodyStart: lines.length };
  }
  const raw = new Map<Key, RawValue>();
  let last: RawValue | null = null;
  for (let i = 1; i < close; i++) {
    const line = lines[i];
    const n = i + 1;
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item && last && (last.text === "" || last.items)) {
      (last.items ??= []).push({ line: n, text: item[1].trim() });
      continue;
    }
    if (/^\s/.test(line) && last && !last.items) {
      // An indented line continues the value above it, as in YAML.
      last.text = `${last.text} ${line.trim()}`.trim();
      continue;
    }
    const kv = /^([A-Za-z_][\w-]*)\s*:(.*)$/.exec(line);
    if (!kv) {
      problems.push({ line: n, message: `expected \`key: value\`, found ${JSON.stringify(line.trim())}` });
      continue;
    }
    const key = kv[1];
    if (!(KEYS as readonly string[]).includes(key)) {
      problems.push({ line: n, message: `unknown front matter key \`${key}\` (the keys are ${KEYS.join(", ")})` });
      last = null;
      continue;
    }
    if (raw.has(key as Key)) {
      problems.push({ line: n, message: `\`${key}\` is given twice (first on line ${raw.get(key as Key)!.line})` });
      last = null;
      continue;
    }
    last = { line: n, text: kv[2].trim() };
    raw.set(key as Key, last);
  }
  return { front: fields(raw, problems), bodyStart: close + 1 };
}

function fields(raw: Map<Key, RawValue>, problems: LessonProblem[]): FrontMatter | null {
  const before = problems.length;
  const text = (key: Key): string => {
    const v = raw.get(key);
    if (v === undefined) {
      problems.push({ line: 1, message: `the front matter has no \`${key}\`` });
      return "";
    }
    const known = problems.length;
    const s = scalar(v.text, v.line, problems);
    // A value scalar() refused is already reported; it is not also "empty".
    if (s === "" && problems.length === known) problems.push({ line: v.line, message: `\`${key}\` is empty` });
    return s;
  };
  const id = text("id");
  if (id !== "" && !ID.test(id)) problems.push({ line: raw.get("id")!.line, message: `the id ${JSON.stringify(id)} must be ${ID_RULE}` });
  const title = text("title");
  const summary = text("summary");
  const orderText = text("order");
  const order = Number(orderText);
  if (orderText !== "" && (!Number.isFinite(order) || !/^-?\d+(\.\d+)?$/.test(orderText))) {
    problems.push({ line: raw.get("order")!.line, message: `\`order\` must be a number, found ${JSON.stringify(orderText)}` });
  }
  const requires = list(raw.get("requires"), problems);
  return problems.length > before ? null : { id, title, order, summary, requires };
}

/** A plain, "double-quoted" (JSON escapes) or 'single-quoted' ('' for a quote) string. */
function scalar(text: string, line: number, problems: LessonProblem[]): string {
  if (text.startsWith('"')) {
    try {
      const v: unknown = JSON.parse(text);
      if (typeof v === "string") return v;
    } catch {
      // reported below
    }
    problems.push({ line, message: `${text} is not a valid "quoted string"` });
    return "";
  }
  if (text.startsWith("'")) {
    if (text.length < 2 || !text.endsWith("'")) {
      problems.push({ line, message: `${text} is missing its closing '` });
      return "";
    }
    return text.slice(1, -1).replace(/''/g, "'");
  }
  // YAML would read these as something other than text; say so rather than guess.
  if (/^[[{|>&*!%@`]/.test(text)) {
    problems.push({ line, message: `${JSON.stringify(text)} needs quotes: a value starting with ${text[0]} means something else in YAML` });
    return "";
  }
  // A comment starts at a `#` after whitespace. (Searched for as "whitespace then #": the
  // pattern /\s+#.*$/ backtracks quadratically on a long run of spaces.)
  const comment = /\s#/.exec(text);
  return comment ? text.slice(0, comment.index).trimEnd() : text;
}

function list(v: RawValue | undefined, problems: LessonProblem[]): string[] {
  if (v === undefined) return [];
  let items: { line: number; text: string }[];
  if (v.items) items = v.items;
  else if (v.text === "" || v.text === "[]") items = [];
  else if (v.text.startsWith("[") && v.text.endsWith("]")) {
    items = v.text
      .slice(1, -1)
      .split(",")
      .map((t) => ({ line: v.line, text: t.trim() }));
  } else {
    problems.push({ line: v.line, message: "`requires` is a list of lesson ids: `requires: [sessions, placeholders]`" });
    return [];
  }
  const ids = items.map((it) => scalar(it.text, it.line, problems));
  items.forEach((it, k) => {
    if (!ID.test(ids[k])) problems.push({ line: it.line, message: `${JSON.stringify(ids[k])} in \`requires\` is not a lesson id (${ID_RULE})` });
  });
  return ids;
}
