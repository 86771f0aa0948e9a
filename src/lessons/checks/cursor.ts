/**
 * Reading a check line's tokens: the cursor and the small readers every part of the grammar
 * shares (counts, names, texts, values). The sentence forms are in grammar.ts; the run verbs,
 * each with its own reader, in verbs.ts.
 */
import type { Count, Value, ValueSpec } from "./ast";
import { CheckSyntaxError, type Token } from "./tokens";

export class Cursor {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  peek(k = 0): Token | undefined {
    return this.tokens[this.i + k];
  }
  atEnd(): boolean {
    return this.i >= this.tokens.length;
  }
  next(): Token | undefined {
    return this.tokens[this.i++];
  }
  isWord(word: string, k = 0): boolean {
    const t = this.peek(k);
    return t !== undefined && t.type === "word" && t.text.toLowerCase() === word;
  }
  /** Takes the words if they come next, in order; else takes nothing. */
  accept(...words: string[]): boolean {
    if (!words.every((w, k) => this.isWord(w, k))) return false;
    this.i += words.length;
    return true;
  }
  /** Takes the first of the alternatives that comes next and returns it. */
  acceptOne<W extends string>(...words: W[]): W | undefined {
    const w = words.find((x) => this.isWord(x));
    if (w !== undefined) this.i++;
    return w;
  }
  expect(...words: string[]): void {
    if (!this.accept(...words)) this.fail(`expected \`${words.join(" ")}\``);
  }
  acceptSymbol(...symbols: string[]): string | undefined {
    const t = this.peek();
    if (t && t.type === "symbol" && symbols.includes(t.text)) {
      this.i++;
      return t.text;
    }
    return undefined;
  }
  found(): string {
    const t = this.peek();
    if (t === undefined) return "the end of the check";
    if (t.type === "name") return `\`${t.text}\``;
    if (t.type === "string") return JSON.stringify(t.text);
    return `"${t.text}"`;
  }
  fail(expected: string): never {
    const t = this.peek();
    throw new CheckSyntaxError(`${expected}, found ${this.found()}`, t ? t.col : this.text.length + 1);
  }
}

// ---- counts and values -------------------------------------------------------------------

export function startsCount(c: Cursor): boolean {
  const t = c.peek();
  return (t?.type === "number") || c.isWord("exactly") || (c.isWord("at") && (c.isWord("least", 1) || c.isWord("most", 1)));
}

export function acceptCount(c: Cursor): Count | undefined {
  if (c.accept("exactly")) {
    const n = expectInteger(c, 0);
    return { min: n, max: n, words: `exactly ${n}` };
  }
  if (c.accept("at", "least")) {
    const n = expectInteger(c, 0);
    return { min: n, max: Infinity, words: `at least ${n}` };
  }
  if (c.accept("at", "most")) {
    const n = expectInteger(c, 0);
    return { min: 0, max: n, words: `at most ${n}` };
  }
  if (c.peek()?.type === "number") {
    const n = expectInteger(c, 0);
    return { min: n, max: n, words: String(n) };
  }
  // Messages say "expected none" / "expected at least 1" rather than "expected no" / "expected a".
  if (c.accept("no")) return { min: 0, max: 0, words: "none" };
  if (c.acceptOne("a", "an")) return { min: 1, max: Infinity, words: "at least 1" };
  return undefined;
}

export function expectCount(c: Cursor): Count {
  return acceptCount(c) ?? c.fail("expected a count (`4`, `exactly 4`, `at least 2`, `at most 3`, `no`, `a`)");
}

export function expectInteger(c: Cursor, min: number): number {
  const t = c.peek();
  if (t?.type !== "number" || !Number.isInteger(t.value) || t.value < min) c.fail(`expected a whole number of ${min} or more`);
  c.next();
  return t.value;
}

export function expectName(c: Cursor, what = "a `node` name in backticks"): string {
  const t = c.peek();
  if (t?.type !== "name") c.fail(`expected ${what}`);
  c.next();
  if (t.text.trim() === "") throw new CheckSyntaxError("a `name` cannot be empty", t.col);
  return t.text;
}

/** `node`, or `the variable \`node\`` (the word after `the` is for the reader only). */
export function expectNodeRef(c: Cursor): string {
  if (c.isWord("the") && c.peek(1)?.type === "word" && c.peek(2)?.type === "name") {
    c.next();
    c.next();
  }
  return expectName(c);
}

export function acceptText(c: Cursor): string | undefined {
  const t = c.peek();
  if (t?.type !== "string" && t?.type !== "name") return undefined;
  c.next();
  return t.text;
}

export function expectText(c: Cursor): string {
  return acceptText(c) ?? c.fail('expected a text in "double quotes" or `backticks`');
}

export function expectErrorType(c: Cursor): string {
  const t = c.peek();
  if (t?.type !== "word" || !/(Error|Exception)$/.test(t.text)) c.fail("expected an error type such as `InvalidArgumentError`");
  c.next();
  return t.text;
}

export function parseValue(c: Cursor): Value {
  const t = c.peek();
  if (t?.type === "number") {
    c.next();
    return t.value;
  }
  if (c.accept("true")) return true;
  if (c.accept("false")) return false;
  const text = acceptText(c);
  if (text !== undefined) return text;
  if (c.acceptSymbol("[")) {
    const items: Value[] = [];
    if (c.acceptSymbol("]")) return items;
    do items.push(parseValue(c));
    while (c.acceptSymbol(","));
    if (!c.acceptSymbol("]")) c.fail("expected `,` or `]`");
    return items;
  }
  c.fail("expected a value: a number, `true`, `false`, a \"text\" or a [list]");
}

export function parseValueSpec(c: Cursor, approx: boolean): ValueSpec {
  if (c.accept("about") || c.acceptSymbol("≈", "~")) approx = true;
  const value = parseValue(c);
  if (c.acceptSymbol("±", "+-")) {
    const t = c.peek();
    if (t?.type !== "number" || t.value < 0) c.fail("expected a tolerance (a number of 0 or more) after ±");
    c.next();
    return { value, approx: true, tolerance: t.value };
  }
  return { value, approx };
}

/** `the first run` is run #0. */
export const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/** `#2`: runs and sessions are numbered from #0, as the Runs and Session memory panels show them. */
export function expectNumber(c: Cursor, what: "run" | "session"): number {
  if (!c.acceptSymbol("#")) {
    const t = c.peek();
    const n = t?.type === "number" ? t.text : "N";
    c.fail(`expected \`${what} #${n}\` (${what}s are numbered from #0, as the ${what === "run" ? "Runs" : "Session memory"} panel shows them${what === "run" ? "; or write `the first run`" : ""})`);
  }
  return expectInteger(c, 0);
}
