/**
 * Percent-decoding that never throws. `decodeURIComponent` throws a URIError for `%`, `%2` or a
 * cut UTF-8 sequence (`%E0%A4%A`), and addresses come from anywhere: a malformed one must get a
 * message, not a blank page.
 */

/** `text` with its %XX escapes decoded, or null if they are not valid UTF-8 escapes. */
export function percentDecode(text: string): string | null {
  if (!text.includes("%")) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
