/**
 * The cheap first question of the paste detector, kept apart from pythonDetect.ts so the page
 * loads the detector only for a paste that could be Python: one line can only count as Python
 * when it imports TensorFlow (looksLikePython needs two Python lines otherwise).
 * @example mayBePython("x = 1") // false
 */
export function mayBePython(text: string): boolean {
  return text.includes("\n") || /^\s*(import|from)\s+tensorflow\b/.test(text);
}
