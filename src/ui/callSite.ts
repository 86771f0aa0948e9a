/**
 * Reading a `sess.run(...)` (or `x.eval()`, `op.run()`) call in the learner's source: what
 * they wrote for each fetch, in the order TF flattens fetches (`[a, [b, c]]` → a, b, c; an
 * object's values in order). A program's source is the learner's own text, so the reader is
 * careful rather than clever: strings, template literals and comments are skipped, brackets
 * balance across lines, and anything it cannot read gives null (callers then fall back to the
 * names the graph knows).
 */

/** One call found in the source. */
export interface RunCallSite {
  /** `run` or `eval`. */
  method: "run" | "eval";
  /** The receiver as written (`sess`, `loss`, `this.sess`). */
  receiver: string;
  /** The top-level argument texts, trimmed. */
  args: string[];
}

const IDENT = /[A-Za-z_$][\w$]*/y;
const SIMPLE_NAME = /^[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*$/;
const MAX_LINES = 30;

/** Skips a string or template literal starting at `i`; returns the index of its closing quote. */
function skipQuoted(text: string, i: number): number {
  const q = text[i];
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === "\\") j++;
    else if (c === q) return j;
    else if (q === "`" && c === "$" && text[j + 1] === "{") {
      // A template's ${...} may hold strings and braces of its own.
      const end = skipBalanced(text, j + 1);
      if (end < 0) return text.length;
      j = end;
    }
  }
  return text.length;
}

/** Skips a comment starting at `i` (`//` or `/*`); returns the index of its last character. */
function skipComment(text: string, i: number): number {
  if (text[i + 1] === "/") {
    const nl = text.indexOf("\n", i);
    return nl < 0 ? text.length : nl - 1;
  }
  const end = text.indexOf("*/", i + 2);
  return end < 0 ? text.length : end + 1;
}

function isCommentStart(text: string, i: number): boolean {
  return text[i] === "/" && (text[i + 1] === "/" || text[i + 1] === "*");
}

/** From an opening bracket at `i`, the index of its closing one, or -1. */
function skipBalanced(text: string, i: number): number {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '"' || c === "'" || c === "`") j = skipQuoted(text, j);
    else if (isCommentStart(text, j)) j = skipComment(text, j);
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0) return j;
      if (depth < 0) return -1;
    }
  }
  return -1;
}

/** Splits `text` (without its brackets) at top-level commas; null when brackets do not balance. */
export function splitTopLevel(text: string): string[] | null {
  const items: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === "`") i = skipQuoted(text, i);
    else if (isCommentStart(text, i)) i = skipComment(text, i);
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      if (--depth < 0) return null;
    } else if (c === "," && depth === 0) {
      items.push(text.slice(from, i));
      from = i + 1;
    }
  }
  if (depth !== 0) return null;
  items.push(text.slice(from));
  const trimmed = items.map((s) => withoutComments(s).trim());
  // A trailing comma leaves an empty last item.
  if (trimmed.length > 0 && trimmed[trimmed.length - 1] === "") trimmed.pop();
  return trimmed;
}

function withoutComments(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === "`") {
      const end = skipQuoted(text, i);
      out += text.slice(i, end + 1);
      i = end;
    } else if (isCommentStart(text, i)) {
      i = skipComment(text, i);
      out += " ";
    } else out += c;
  }
  return out;
}

/** The receiver expression that ends just before `end` (`sess`, `this.sess`, `model.loss`). */
function receiverBefore(text: string, end: number): string | null {
  let i = end;
  let name = "";
  for (;;) {
    let j = i;
    while (j > 0 && /\s/.test(text[j - 1])) j--;
    let k = j;
    while (k > 0 && /[\w$]/.test(text[k - 1])) k--;
    if (k === j) return name === "" ? null : name;
    IDENT.lastIndex = k;
    if (!IDENT.test(text) || IDENT.lastIndex !== j) return name === "" ? null : name;
    name = name === "" ? text.slice(k, j) : `${text.slice(k, j)}.${name}`;
    let d = k;
    while (d > 0 && /\s/.test(text[d - 1])) d--;
    if (text[d - 1] !== ".") return name;
    i = d - 1;
  }
}

/**
 * The `.run(` and `.eval(` calls of the statement that starts on 1-based `line`, in source
 * order (a statement may span lines; a line may hold several calls).
 */
export function runCallsAt(source: string, line: number): RunCallSite[] {
  const lines = source.split(/\r\n?|\n/);
  if (line < 1 || line > lines.length) return [];
  const text = lines.slice(line - 1, line - 1 + MAX_LINES).join("\n");
  const calls: RunCallSite[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === "`") {
      i = skipQuoted(text, i);
      continue;
    }
    if (isCommentStart(text, i)) {
      i = skipComment(text, i);
      continue;
    }
    if (c === ";" && depth <= 0) break;
    // Without semicolons, a call already found and a new line at the top level end the statement.
    if (c === "\n" && depth <= 0 && calls.length > 0) break;
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    if (c !== ".") continue;
    const m = /^\.\s*(run|eval)\s*\(/.exec(text.slice(i, i + 16));
    if (m === null) continue;
    const open = i + m[0].length - 1;
    const close = skipBalanced(text, open);
    if (close < 0) break;
    const receiver = receiverBefore(text, i);
    const args = splitTopLevel(text.slice(open + 1, close));
    if (receiver !== null && args !== null) calls.push({ method: m[1] as "run" | "eval", receiver, args });
  }
  return calls;
}

function unparenthesized(expr: string): string {
  let e = expr.trim();
  while (e.startsWith("(") && skipBalanced(e, 0) === e.length - 1) e = e.slice(1, -1).trim();
  return e;
}

/** An options object (`{feed_dict: ...}`, `{session: s}`) rather than a fetch. */
function isOptions(arg: string): boolean {
  if (!arg.startsWith("{")) return false;
  const items = splitTopLevel(arg.slice(1, -1));
  return items !== null && items.some((item) => /^["']?(feed_dict|session|options|run_metadata)["']?\s*:/.test(item));
}

/** A fetch structure's leaves in TF's order, or null when it cannot be read (spreads, computed keys). */
export function flattenFetches(expr: string): string[] | null {
  const e = unparenthesized(expr);
  if ((e.startsWith("[") || e.startsWith("{")) && skipBalanced(e, 0) === e.length - 1) {
    const items = splitTopLevel(e.slice(1, -1));
    if (items === null) return null;
    const out: string[] = [];
    for (const item of items) {
      if (item.startsWith("...")) return null;
      let value = item;
      if (e.startsWith("{")) {
        const colon = topLevelColon(item);
        if (colon < 0) {
          // `{loss}` is `{loss: loss}`; anything else (a method, a computed key) is not a fetch we read.
          if (!SIMPLE_NAME.test(item)) return null;
        } else value = item.slice(colon + 1);
      }
      const leaves = flattenFetches(value);
      if (leaves === null) return null;
      out.push(...leaves);
    }
    return out;
  }
  return [e.replace(/\s+/g, " ")];
}

function topLevelColon(item: string): number {
  let depth = 0;
  for (let i = 0; i < item.length; i++) {
    const c = item[i];
    if (c === '"' || c === "'" || c === "`") i = skipQuoted(item, i);
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === ":" && depth === 0) return i;
  }
  return -1;
}

/** What a call fetches, as written: `sess.run([a, b])` → a, b; `loss.eval()` and `op.run()` → the receiver. */
export function fetchTexts(call: RunCallSite): string[] | null {
  if (call.method === "eval") return [call.receiver];
  const first = call.args[0];
  if (first === undefined || isOptions(first)) return [call.receiver];
  return flattenFetches(first);
}

/** A fetch text worth showing as its name: a variable (`loss`, `model.loss`), or a short expression without calls (`a + b`). */
export function labelOf(text: string): string | null {
  if (SIMPLE_NAME.test(text)) return text.replace(/\s+/g, "");
  if (text.length <= 24 && !text.includes("(")) return text;
  return null;
}

export function isSimpleName(text: string): boolean {
  return SIMPLE_NAME.test(text);
}
