/**
 * The `tf.` chains in a line of Python that completions and hover docs look up (as the same
 * chains in the dialect: src/editor/bindings/pythonHelp.ts).
 */

/** A dotted chain from `tf` ending at the cursor: `tf.train.Ad` → ["tf.train", "Ad"]. */
export function chainBefore(textBefore: string): { chain: string; partial: string } | null {
  const m = /(?:^|[^\w.])(tf(?:\.[A-Za-z_]\w*)*)\.(\w*)$/.exec(textBefore);
  return m ? { chain: m[1], partial: m[2] } : null;
}

/** The dotted chain from `tf` through the word at `column` (0-based) of `line`, or null. */
export function chainAt(line: string, column: number): string | null {
  let end = column;
  while (end < line.length && /\w/.test(line[end])) end++;
  let start = column;
  while (start > 0 && /[\w.]/.test(line[start - 1])) start--;
  const chain = line.slice(start, end);
  return /^tf(\.[A-Za-z_]\w*)+$/.test(chain) ? chain : null;
}
