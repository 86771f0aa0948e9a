/**
 * Share links, in the TypeScript Playground's convention: the code goes in the hash as
 * `#code/<lz-string compressToEncodedURIComponent>` (a Python program: `#py/<...>`, so the
 * language travels with the code and older `#code/` links stay TypeScript); the run seed (`seed`), the selected run
 * (`run`) and a checksum of the code (`ck`, CRC-32 in hex) go in the query. The checksum lets
 * us tell a truncated link from a valid one (lz-string often decodes a cut link into garbage
 * rather than failing); links without it (from elsewhere) are still accepted.
 */
import { compressToEncodedURIComponent } from "lz-string";
import { decodeLink } from "./lz";
import { percentDecode } from "./uri";
import type { ProgramLanguage } from "../store/editorSlice";
// A leaf module of the engine (a page door, engine/door.test.ts): the door would bring every op into the page.
import { crc32 } from "../../engine/format/zip";

/**
 * The most code a link may carry once expanded (a few thousand lines). A short link can expand
 * to megabytes; the editor and the transpiler would then freeze the page.
 */
export const MAX_CODE_CHARS = 512 * 1024;

export interface SharedProgram {
  code: string;
  seed: number | null;
  run: number | null;
  /** The program's language (a link read back always has it; absent when writing: TypeScript). */
  language?: ProgramLanguage;
}

/** The hash prefix of a code link in each language. */
const PREFIX: Record<ProgramLanguage, string> = { typescript: "code/", python: "py/" };

/** What a URL asks the app to show. Lessons come later: their route is reserved here. */
export type Route =
  | { kind: "none" }
  | { kind: "code"; program: SharedProgram }
  | { kind: "lesson"; id: string; seed: number | null }
  | { kind: "broken"; reason: string };

/** CRC-32 (ZIP's: engine/format/zip.ts) of the string's UTF-16 code units, low byte first, as 8 hex digits. */
export function checksum(text: string): string {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    bytes[2 * i] = u & 0xff;
    bytes[2 * i + 1] = u >>> 8;
  }
  return crc32(bytes).toString(16).padStart(8, "0");
}

/** The hash and query of a share link (without origin and path). */
export function encodeShare(p: SharedProgram): { search: string; hash: string } {
  const q = new URLSearchParams();
  if (p.seed !== null) q.set("seed", String(p.seed));
  if (p.run !== null) q.set("run", String(p.run));
  q.set("ck", checksum(p.code));
  return { search: `?${q.toString()}`, hash: `#${PREFIX[p.language ?? "typescript"]}${compressToEncodedURIComponent(p.code)}` };
}

/** A full share URL for `base` (e.g. location.href). */
export function shareUrl(base: string, p: SharedProgram): string {
  const url = new URL(base);
  const { search, hash } = encodeShare(p);
  url.search = search;
  url.hash = hash;
  return url.toString();
}

function intParam(q: URLSearchParams, name: string): number | null {
  const v = q.get(name);
  if (v === null || !/^\d{1,10}$/.test(v)) return null;
  return Number(v);
}

/** Reads what `search` and `hash` (as in `location`) ask for. Never throws: a bad link is `broken`. */
export function parseRoute(search: string, hash: string): Route {
  const q = new URLSearchParams(search);
  const h = hash.startsWith("#") ? hash.slice(1) : hash;
  const broken = (reason: string): Route => ({ kind: "broken", reason });
  if (h === "") return { kind: "none" };
  if (h.startsWith("lesson/")) {
    const id = percentDecode(h.slice("lesson/".length));
    return id === null ? broken("The lesson's name in the link is not valid (a stray % sign).") : { kind: "lesson", id, seed: intParam(q, "seed") };
  }
  const language: ProgramLanguage | null = h.startsWith(PREFIX.typescript) ? "typescript" : h.startsWith(PREFIX.python) ? "python" : null;
  if (language === null) return { kind: "none" };
  // A link pasted through a mail client or a chat may have its `$` and `+` percent-escaped.
  const payload = percentDecode(h.slice(PREFIX[language].length));
  if (payload === "") return broken("The link has no code in it.");
  if (payload === null || !/^[A-Za-z0-9+\-$ ]*$/.test(payload)) return broken("The link contains characters a code link cannot have.");
  const decoded = decodeLink(payload, MAX_CODE_CHARS);
  if (!decoded.ok) {
    return broken(
      decoded.reason === "too-large"
        ? `The link's code is larger than ${MAX_CODE_CHARS / 1024} KB once expanded, more than a link may carry.`
        : "The link's code could not be decoded: it is probably incomplete.",
    );
  }
  const code = decoded.text;
  const ck = q.get("ck");
  if (ck !== null && ck !== checksum(code)) return broken("The link's code does not match its checksum: it was probably cut off when it was copied.");
  return { kind: "code", program: { code, seed: intParam(q, "seed"), run: intParam(q, "run"), language } };
}
