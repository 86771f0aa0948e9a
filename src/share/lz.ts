/**
 * Reads lz-string's `compressToEncodedURIComponent` format (what `#code/` and `#custom/` links
 * carry) with a limit on the text it expands to.
 *
 * Why not lz-string's own decompressor: it has no limit, and the format's dictionary lets each
 * code stand for a string one character longer than an earlier one, so a link of 37 KB can
 * expand to megabytes (and then freeze the page while they are parsed and drawn). This decoder
 * stops as soon as the text would pass `maxChars`, so its work is bounded by the link's length
 * and the limit, whatever the link holds. The format (LZW over 6-bit characters, codes growing
 * from 2 bits, 0/1 = a literal 8/16-bit character follows, 2 = end) is lz-string's; the code is
 * our own.
 */

/** The URI-safe alphabet: each character carries 6 bits. */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";
const VALUE = (() => {
  const v = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) v[ALPHABET.charCodeAt(i)] = i;
  return v;
})();

export type Decoded =
  | { ok: true; text: string }
  /** `malformed`: not lz-string output (cut off, or other characters); `too-large`: longer than the limit. */
  | { ok: false; reason: "malformed" | "too-large" };

/** Whether every character of `payload` belongs to the link alphabet. */
export function isLinkAlphabet(payload: string): boolean {
  for (let i = 0; i < payload.length; i++) {
    const c = payload.charCodeAt(i);
    if (c >= 128 || VALUE[c] < 0) return false;
  }
  return payload.length > 0;
}

/**
 * Decodes `payload` (lz-string's URI-safe output; a space stands for `+`, as lz-string reads it)
 * into at most `maxChars` characters.
 * @example
 * decodeLink(compressToEncodedURIComponent("print(1)"), 1000); // { ok: true, text: "print(1)" }
 */
export function decodeLink(payload: string, maxChars: number): Decoded {
  const input = payload.replace(/ /g, "+");
  if (!isLinkAlphabet(input)) return { ok: false, reason: "malformed" };

  // Bits are read from the most significant of each 6-bit character down, and a number's bits
  // arrive least significant first.
  let index = 0;
  let val = VALUE[input.charCodeAt(0)];
  let position = 32;
  index = 1;
  const read = (count: number): number => {
    let bits = 0;
    for (let power = 0; power < count; power++) {
      const bit = val & position;
      position >>= 1;
      if (position === 0) {
        position = 32;
        val = index < input.length ? VALUE[input.charCodeAt(index)] : 0;
        index++;
      }
      if (bit) bits |= 1 << power;
    }
    return bits;
  };

  const dictionary: string[] = ["", "", ""];
  let numBits = 3;
  let enlargeIn = 4;
  const parts: string[] = [];
  let length = 0;

  // The first code is a literal (0: 8 bits, 1: 16 bits); 2 would end an empty text, and 3 is
  // no code at all (lz-string itself returns garbage for it).
  const first = read(2);
  if (first > 1) return { ok: false, reason: "malformed" };
  let w = String.fromCharCode(read(first === 0 ? 8 : 16));
  dictionary.push(w);
  parts.push(w);
  length = 1;

  for (;;) {
    if (index > input.length) return { ok: false, reason: "malformed" };
    let code = read(numBits);
    if (code === 2) break;
    if (code === 0 || code === 1) {
      dictionary.push(String.fromCharCode(read(code === 0 ? 8 : 16)));
      code = dictionary.length - 1;
      if (--enlargeIn === 0) {
        enlargeIn = 2 ** numBits;
        numBits++;
      }
    }
    let entry: string;
    if (code < dictionary.length && code > 2) entry = dictionary[code];
    else if (code === dictionary.length) entry = w + w[0];
    else return { ok: false, reason: "malformed" };
    length += entry.length;
    if (length > maxChars) return { ok: false, reason: "too-large" };
    parts.push(entry);
    dictionary.push(w + entry[0]);
    w = entry;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
  return { ok: true, text: parts.join("") };
}
