/**
 * Lesson links: the hash names what to open (how to show the page, `?embed=1&hide=...`, is the
 * app's: src/app/pageOptions.ts).
 *
 *   #lesson/<id>                     a built-in lesson
 *   #lesson/<id>/<task>              ... at one of its tasks
 *   #lesson/<id>/<task>/code/<lz>    ... with the learner's code (the Share button in a lesson)
 *   #lesson/<id>/<task>/py/<lz>      ... with the learner's Python code
 *   #custom/<lz>[/<task>][/code/<lz>] a whole lesson file carried in the link (or /py/<lz>)
 *
 * `<lz>` is lz-string's compressToEncodedURIComponent, as in `#code/<lz>` share links; its
 * alphabet has no `/`, so the segments split cleanly.
 */
import { compressToEncodedURIComponent } from "lz-string";
import { MAX_CODE_CHARS } from "../../share/codec";
import { decodeLink } from "../../share/lz";
import { percentDecode } from "../../share/uri";
import type { LessonLanguage } from "../lesson";

/** The segment before a link's code, by the code's language (as `#code/` and `#py/` links). */
const CODE_SEGMENT: Record<LessonLanguage, string> = { typescript: "code", python: "py" };

export type LessonRoute =
  | { kind: "lesson"; id: string; task: string | null; code: string | null; language: LessonLanguage }
  | { kind: "custom"; text: string; task: string | null; code: string | null; language: LessonLanguage }
  | { kind: "broken"; reason: string };

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The most text a lesson may have (a link's or a file's): ten times the longest built-in lesson.
 * A link can expand to much more than its own length, and a lesson is parsed and drawn whole.
 */
export const MAX_LESSON_CHARS = 256 * 1024;

/** What a link segment holds: its text, or why it cannot be read (`what` names it in the reason). */
function decode(segment: string, maxChars: number, what: string): { text: string } | { reason: string } {
  // A link pasted through a mail client or a chat may have its `$` and `+` percent-escaped.
  const payload = percentDecode(segment);
  const d = payload === null ? ({ ok: false, reason: "malformed" } as const) : decodeLink(payload, maxChars);
  if (d.ok) return { text: d.text };
  if (d.reason === "too-large") {
    return { reason: `${what} is larger than ${Math.round(maxChars / 1024)} KB once expanded, more than a link may carry.` };
  }
  return { reason: `${what} could not be decoded: it is probably incomplete.` };
}

/** The lesson a hash asks for, or null if it is not a lesson link. */
export function parseLessonRoute(hash: string): LessonRoute | null {
  const h = hash.startsWith("#") ? hash.slice(1) : hash;
  const parts = h.split("/");
  const kind = parts[0];
  if (kind !== "lesson" && kind !== "custom") return null;
  let rest = parts.slice(1);
  let code: string | null = null;
  let language: LessonLanguage = "typescript";
  // The code comes last (`.../code/<lz>`, `.../py/<lz>`), so a task may itself be called `code`.
  const marker = rest.length >= 3 ? rest[rest.length - 2] : "";
  if (marker === CODE_SEGMENT.typescript || marker === CODE_SEGMENT.python) {
    language = marker === CODE_SEGMENT.python ? "python" : "typescript";
    const c = decode(rest[rest.length - 1], MAX_CODE_CHARS, "The code in this lesson link");
    if ("reason" in c) return { kind: "broken", reason: c.reason };
    code = c.text;
    rest = rest.slice(0, -2);
  }
  if (rest.length < 1 || rest.length > 2 || rest[0] === "") return { kind: "broken", reason: "This lesson link does not name a lesson." };
  const task = rest[1] ?? null;
  if (task !== null && !ID.test(task)) return { kind: "broken", reason: `${quoted(task)} is not a task id.` };
  if (kind === "lesson") {
    const id = percentDecode(rest[0]);
    if (id === null || !ID.test(id)) return { kind: "broken", reason: `${quoted(id ?? rest[0])} is not a lesson id.` };
    return { kind: "lesson", id, task, code, language };
  }
  const lesson = decode(rest[0], MAX_LESSON_CHARS, "The lesson in this link");
  if ("reason" in lesson) return { kind: "broken", reason: lesson.reason };
  return { kind: "custom", text: lesson.text, task, code, language };
}

/** A piece of an address, quoted for a message: shortened, so a huge one cannot flood the page. */
function quoted(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/** The hash for a lesson (built-in: by id; custom: the whole file), a task and code. */
export function lessonHash(target: { id: string } | { text: string }, task: string | null = null, code: string | null = null, language: LessonLanguage = "typescript"): string {
  let h = "id" in target ? `#lesson/${target.id}` : `#custom/${compressToEncodedURIComponent(target.text)}`;
  if (task !== null) h += `/${task}`;
  if (code !== null) h += `/${CODE_SEGMENT[language]}/${compressToEncodedURIComponent(code)}`;
  return h;
}
