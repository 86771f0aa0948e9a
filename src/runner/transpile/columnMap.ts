/**
 * Maps a column of sucrase's output back to the learner's source.
 *
 * Sucrase keeps every line where it was; within a line it only deletes (types, `!`, `as T`)
 * and, rarely, inserts (enums, constructor parameter properties). So the output line is
 * nearly a subsequence of the source line, and matching its visible characters greedily
 * finds where each output token came from. (Sucrase's own source map would be the obvious
 * tool, but in 3.35 its columns go wrong on every line after a template literal.)
 */

const LINE_BREAK = /\r\n?|[\n\u2028\u2029]/;
const WHITESPACE = /\s/;

/** Line `line` (1-based) of `text`, with line breaks counted the way acorn counts them. */
export function lineOf(text: string, line: number): string {
  return text.split(LINE_BREAK)[line - 1] ?? "";
}

/**
 * @param sourceLine the learner's line
 * @param outputLine the same line after sucrase
 * @param column 0-based column in `outputLine`
 * @returns 0-based column in `sourceLine`
 */
export function originalColumn(sourceLine: string, outputLine: string, column: number): number {
  let next = 0; // where the next output character may be found in the source
  for (let at = 0; at < outputLine.length; at++) {
    const char = outputLine[at]!;
    // Whitespace is what sucrase pads and trims, so it is no evidence of position.
    if (WHITESPACE.test(char)) continue;
    const found = sourceLine.indexOf(char, next);
    if (at >= column) return found < 0 ? Math.min(next, sourceLine.length) : found;
    // A character sucrase inserted has no origin; skip it rather than jump ahead.
    if (found >= 0) next = found + 1;
  }
  // The error is past the last visible character, e.g. an unexpected end of line.
  return Math.min(next + (column - outputLine.trimEnd().length), sourceLine.length);
}
