/**
 * Internalized strings. V8 keeps one copy of each string used as a property name, and a
 * property lookup by such a string compares pointers; a lookup by a string built at run time
 * (`${op}:${i}`) must first find its internalized twin in a hash table, on every lookup. Op and
 * tensor names are used as keys on every `sess.run` of a training loop (values by tensor
 * name, session memory by variable name), so they are internalized once, when made.
 */

/**
 * The internalized copy of `s` (equal to `s`; the same string for every caller).
 * @example
 * const name = intern(`${opName}:${index}`);
 */
export function intern(s: string): string {
  // A property key is stored internalized, and for-in hands back the stored key.
  const holder: Record<string, true> = { [s]: true };
  for (const k in holder) return k;
  return s;
}
