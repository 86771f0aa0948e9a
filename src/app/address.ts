/**
 * The page's router: what an address (its query and `#…` hash) asks the page to open. Total by
 * construction: any string, however malformed (`#lesson/%`, a cut UTF-8 escape, a link that
 * expands to megabytes), gives an answer, and a link that cannot be opened says why, so the page
 * always starts and shows a banner instead of going blank.
 */
import { parseLessonRoute, type LessonRoute } from "../lessons/player/route";
import { parseRoute, type SharedProgram } from "../share/codec";

export type Address =
  /** No hash: the learner's own page. */
  | { kind: "none" }
  /** A `#code/` (TypeScript) or `#py/` (Python) share link. */
  | { kind: "code"; program: SharedProgram }
  /** A `#lesson/` or `#custom/` link the lesson player opens. */
  | { kind: "lesson"; route: Exclude<LessonRoute, { kind: "broken" }> }
  /** A link that cannot be opened, and why (a sentence). `lesson`: it was a lesson link. */
  | { kind: "broken"; reason: string; lesson: boolean }
  /** A hash that is no link of ours (`#intro`). */
  | { kind: "unknown"; hash: string };

/**
 * Reads an address.
 * @param search `location.search` (the share link's seed, run and checksum)
 * @param hash `location.hash`
 * @example
 * readAddress("", "#lesson/%"); // { kind: "broken", reason: '"%" is not a lesson id.', lesson: true }
 */
export function readAddress(search: string, hash: string): Address {
  try {
    const lesson = parseLessonRoute(hash);
    if (lesson !== null) return lesson.kind === "broken" ? { kind: "broken", reason: lesson.reason, lesson: true } : { kind: "lesson", route: lesson };
    const route = parseRoute(search, hash);
    switch (route.kind) {
      case "code":
        return { kind: "code", program: route.program };
      case "broken":
        return { kind: "broken", reason: route.reason, lesson: false };
      case "lesson":
        // parseLessonRoute takes every #lesson/ hash; this is only reached if the two disagree.
        return { kind: "broken", reason: "This lesson link could not be read.", lesson: true };
      case "none": {
        const h = hash.replace(/^#/, "");
        return h === "" ? { kind: "none" } : { kind: "unknown", hash: h };
      }
    }
  } catch {
    // The parsers above are meant never to throw; if one does, the page still starts.
    return { kind: "broken", reason: "This address could not be read.", lesson: false };
  }
}

/** The banner text for an address that is not one of our links. */
export function unknownAddressText(hash: string): string {
  const shown = hash.length > 40 ? `${hash.slice(0, 40)}…` : hash;
  return `The address ends in “#${shown}”, which is not a playground link (those start with #code/, #py/, #lesson/ or #custom/). Your own code was kept.`;
}
