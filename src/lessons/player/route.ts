/**
 * Lesson links: the hash names what to open (how to show the page, `?embed=1&hide=...`, is the
 * app's: src/app/pageOptions.ts).
 *
 *   #lesson/<id>                     a built-in lesson
 *   #lesson/<id>/<task>              ... at one of its tasks
 *   #lesson/<id>/<task>/code/<lz>    ... with the learner's code (the Share button in a lesson)
 *   #custom/<lz>[/<task>][/code/<lz>] a whole lesson file carried in the link
 *
 * `<lz>` is lz-string's compressToEncodedURIComponent, as in `#code/<lz>` share links; its
 * alphabet has no `/`, so the segments split cleanly.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from "lz-string";

export type LessonRoute =
  | { kind: "lesson"; id: string; task: string | null; code: string | null }
  | { kind: "custom"; text: string; task: string | null; code: string | null }
  | { kind: "broken"; reason: string };

const LZ = /^[A-Za-z0-9+\-$]+$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function decode(payload: string): string | null {
  if (!LZ.test(payload)) return null;
  try {
    const text = decompressFromEncodedURIComponent(payload);
    return text === null || text === "" ? null : text;
  } catch {
    return null;
  }
}

/** The lesson a hash asks for, or null if it is not a lesson link. */
export function parseLessonRoute(hash: string): LessonRoute | null {
  const h = hash.startsWith("#") ? hash.slice(1) : hash;
  const parts = h.split("/");
  const kind = parts[0];
  if (kind !== "lesson" && kind !== "custom") return null;
  let rest = parts.slice(1);
  let code: string | null = null;
  // The code comes last (`.../code/<lz>`), so a task may itself be called `code`.
  if (rest.length >= 3 && rest[rest.length - 2] === "code") {
    code = decode(rest[rest.length - 1]);
    if (code === null) return { kind: "broken", reason: "The code in this lesson link could not be decoded: it is probably incomplete." };
    rest = rest.slice(0, -2);
  }
  if (rest.length < 1 || rest.length > 2 || rest[0] === "") return { kind: "broken", reason: "This lesson link does not name a lesson." };
  const task = rest[1] ?? null;
  if (task !== null && !ID.test(task)) return { kind: "broken", reason: `"${task}" is not a task id.` };
  if (kind === "lesson") {
    const id = decodeURIComponent(rest[0]);
    if (!ID.test(id)) return { kind: "broken", reason: `"${id}" is not a lesson id.` };
    return { kind: "lesson", id, task, code };
  }
  const text = decode(rest[0]);
  if (text === null) return { kind: "broken", reason: "The lesson in this link could not be decoded: it is probably incomplete." };
  return { kind: "custom", text, task, code };
}

/** The hash for a lesson (built-in: by id; custom: the whole file), a task and code. */
export function lessonHash(target: { id: string } | { text: string }, task: string | null = null, code: string | null = null): string {
  let h = "id" in target ? `#lesson/${target.id}` : `#custom/${compressToEncodedURIComponent(target.text)}`;
  if (task !== null) h += `/${task}`;
  if (code !== null) h += `/code/${compressToEncodedURIComponent(code)}`;
  return h;
}
