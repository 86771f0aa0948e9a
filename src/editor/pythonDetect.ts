/**
 * Does pasted text look like Python? Asked when text is pasted into the TypeScript editor, to
 * offer "This looks like Python — switch?". A false alarm on the playground's own TypeScript
 * would be worse than a missed offer, so the test is conservative: lines count as Python only
 * for Python-only syntax (a `def`/`with`/`for … in …:` header, `import x` / `from x import y`,
 * a `#` comment, a Python 2 `print x`, `elif`, `None`/`True`/`False`), any line of TypeScript-
 * only syntax (`const`, `let`, `=>`, `{`…`}` blocks, `;` endings, `//` comments, `[x]:` feed
 * keys) counts against, and the verdict needs two Python lines (or `import tensorflow` alone)
 * and at least three times as many Python lines as TypeScript ones.
 */

const PYTHON_LINE: readonly RegExp[] = [
  /^import\s+[A-Za-z_][\w.]*(\s+as\s+\w+)?\s*(#.*)?$/,
  /^from\s+[\w.]+\s+import\s+/,
  /^(async\s+)?def\s+\w+\s*\(.*\)\s*(->\s*[^:]+)?:\s*(#.*)?$/,
  /^class\s+\w+(\(.*\))?\s*:\s*(#.*)?$/,
  /^(with|for|while|if|elif|else|try|except|finally)\b.*:\s*(#.*)?$/,
  /^#(?!!)/,
  /^print\s+[^(=\s]/,
  /^print\s*$/,
  /\b(None|True|False|elif|lambda\s+\w*:|not\s+in|is\s+not)\b/,
  /^\w+(\s*,\s*\w+)*\s*=\s*[^=;]*[^;{]\s*$/,
];

const TYPESCRIPT_LINE: readonly RegExp[] = [
  /^(const|let|var|function|export|interface|type|enum)\b/,
  /=>/,
  /;\s*(\/\/.*)?$/,
  /[{}]\s*(\/\/.*)?$/,
  /^\s*\/\//,
  /^\s*\/\*|\*\/\s*$/,
  /\[\w+\]\s*:/,
  /\b(null|undefined|new|this)\b/,
  /===|!==/,
];

/** `import tensorflow as tf` and friends: Python's own way to start a TF program. */
const TF_IMPORT = /^(import\s+tensorflow\b|from\s+tensorflow\b)/;

/** How many lines of `text` are Python-only and TypeScript-only syntax (and a TF import?). */
export function languageSignals(text: string): { python: number; typescript: number; tfImport: boolean } {
  let python = 0;
  let typescript = 0;
  let tfImport = false;
  for (const raw of text.split("\n", 2000)) {
    const line = raw.trim();
    if (line === "") continue;
    if (TYPESCRIPT_LINE.some((r) => r.test(line))) typescript++;
    else if (PYTHON_LINE.some((r) => r.test(line))) {
      python++;
      if (TF_IMPORT.test(line)) tfImport = true;
    }
  }
  return { python, typescript, tfImport };
}

/**
 * Whether `text` (pasted into the TypeScript editor) looks like a Python program.
 * @example looksLikePython("import tensorflow as tf\nprint tf.constant(2)\n") // true
 */
export function looksLikePython(text: string): boolean {
  const { python, typescript, tfImport } = languageSignals(text);
  return (python >= 2 || (tfImport && typescript === 0)) && python >= 3 * typescript;
}
