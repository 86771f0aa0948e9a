/**
 * UTF-8 to and from bytes for file contents (the engine's TypeScript has no DOM library, so no
 * TextEncoder; these are small and do the same).
 */
import { utf8 } from "./numpy.js";

/** The UTF-8 bytes of `s`. */
export function encodeUtf8(s: string): Uint8Array {
  return Uint8Array.from(utf8(s));
}

/** The text UTF-8 `bytes` encode (a malformed sequence becomes U+FFFD). */
export function decodeUtf8(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    if (n < 0) {
      out += "\ufffd";
      i++;
      continue;
    }
    let cp = n === 0 ? b : b & (0x3f >> n);
    let ok = true;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (!ok) {
      out += "\ufffd";
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += n + 1;
  }
  return out;
}
