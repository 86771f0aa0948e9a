/**
 * The check grammar: one English-like sentence per line, read by a small recursive-descent
 * parser. lessons/FORMAT.md lists every form; this file is its executable twin.
 */
import type { DiagnosticCode } from "../../runner/events";
import type { Check, CheckBody, Count, EdgeKind, OutputTest, RunPredicate, RunSelector, Stream, Value, ValueSpec } from "./ast";
import { CheckSyntaxError, tokenize, type Token } from "./tokens";

/** Every diagnostic the runner can report (a check naming another is a typo). */
export const DIAGNOSTIC_CODES = [
  "print-off-path",
  "assign-off-path",
  "ops-in-loop",
  "variable-after-init",
  "unfed-placeholder",
  "uninitialized-variable",
] as const satisfies readonly DiagnosticCode[];

// Fails to compile when the runner adds a code this list lacks.
type MissingCode = Exclude<DiagnosticCode, (typeof DIAGNOSTIC_CODES)[number]>;
const _allCodesListed: MissingCode extends never ? true : MissingCode = true;
void _allCodesListed;

const CHECK_FORMS =
  "a check starts with `the graph has`, `run #1`, `the first run`, `the last run`, `some run`, `every run`, " +
  "`no run`, `at least 3 runs`, `there are 2 runs`, `the runs use 2 sessions`, `stdout`, `stderr`, `diagnostic`, " +
  "`no diagnostic`, `the program`, or a `node` name (`add` reads `Const`)";

/**
 * Parses one check line.
 * @param line the line's number in the lesson file, kept for messages
 * @throws CheckSyntaxError saying what was expected where, with the column
 */
export function parseCheck(text: string, line = 1): Check {
  const trimmed = text.trim();
  const c = new Cursor(tokenize(trimmed), trimmed);
  if (c.atEnd()) throw new CheckSyntaxError("empty check", 1);
  const body = parseBody(c);
  if (!c.atEnd()) c.fail(`expected \`and\` or the end of the check`);
  return { ...body, text: trimmed, line };
}

class Cursor {
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

function parseBody(c: Cursor): CheckBody {
  if (c.isWord("the")) {
    if (c.accept("the", "graph")) {
      c.expect("has");
      return parseGraphCount(c);
    }
    if (c.accept("the", "program")) return parseProgram(c);
    if (c.accept("the", "runs")) {
      c.expect("use");
      const count = expectCount(c);
      if (!c.acceptOne("session", "sessions")) c.fail("expected `sessions`");
      return { kind: "session-count", count };
    }
    if (c.isWord("last", 1) || ORDINALS.includes(c.peek(1)?.text.toLowerCase() ?? "")) return parseRuns(c);
    if (c.peek(2)?.type === "name") return parseNodeCheck(c);
  }
  if (c.isWord("there")) {
    c.next();
    if (!c.acceptOne("is", "are")) c.fail("expected `there are N runs`");
    const count = expectCount(c);
    if (!c.acceptOne("run", "runs")) c.fail("expected `runs`");
    return { kind: "run-count", count };
  }
  if (c.isWord("stdout") || c.isWord("stderr")) return parseOutput(c);
  if (c.isWord("diagnostic") || (c.isWord("no") && (c.isWord("diagnostic", 1) || c.isWord("diagnostics", 1)))) return parseDiagnostic(c);
  if (c.isWord("run") || c.isWord("some") || c.isWord("every") || c.isWord("no") || startsCount(c)) return parseRuns(c);
  if (c.peek()?.type === "name") return parseNodeCheck(c);
  c.fail(CHECK_FORMS.replace(/^a check starts/, "expected a check: it starts"));
}

// ---- counts and values -------------------------------------------------------------------

function startsCount(c: Cursor): boolean {
  const t = c.peek();
  return (t?.type === "number") || c.isWord("exactly") || (c.isWord("at") && (c.isWord("least", 1) || c.isWord("most", 1)));
}

function acceptCount(c: Cursor): Count | undefined {
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

function expectCount(c: Cursor): Count {
  return acceptCount(c) ?? c.fail("expected a count (`4`, `exactly 4`, `at least 2`, `at most 3`, `no`, `a`)");
}

function expectInteger(c: Cursor, min: number): number {
  const t = c.peek();
  if (t?.type !== "number" || !Number.isInteger(t.value) || t.value < min) c.fail(`expected a whole number of ${min} or more`);
  c.next();
  return t.value;
}

function expectName(c: Cursor, what = "a `node` name in backticks"): string {
  const t = c.peek();
  if (t?.type !== "name") c.fail(`expected ${what}`);
  c.next();
  if (t.text.trim() === "") throw new CheckSyntaxError("a `name` cannot be empty", t.col);
  return t.text;
}

/** `node`, or `the variable \`node\`` (the word after `the` is for the reader only). */
function expectNodeRef(c: Cursor): string {
  if (c.isWord("the") && c.peek(1)?.type === "word" && c.peek(2)?.type === "name") {
    c.next();
    c.next();
  }
  return expectName(c);
}

function acceptText(c: Cursor): string | undefined {
  const t = c.peek();
  if (t?.type !== "string" && t?.type !== "name") return undefined;
  c.next();
  return t.text;
}

function expectText(c: Cursor): string {
  return acceptText(c) ?? c.fail('expected a text in "double quotes" or `backticks`');
}

function expectErrorType(c: Cursor): string {
  const t = c.peek();
  if (t?.type !== "word" || !/(Error|Exception)$/.test(t.text)) c.fail("expected an error type such as `InvalidArgumentError`");
  c.next();
  return t.text;
}

function parseValue(c: Cursor): Value {
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

function parseValueSpec(c: Cursor, approx: boolean): ValueSpec {
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

// ---- the graph ---------------------------------------------------------------------------

function parseGraphCount(c: Cursor): CheckBody {
  const count = expectCount(c);
  let op: string | undefined;
  if (!c.acceptOne("node", "nodes", "op", "ops")) {
    const t = c.peek();
    if (t?.type !== "word") c.fail("expected `nodes`, `ops` or an op type followed by `ops` (`Const ops`)");
    c.next();
    op = t.text;
    if (!c.acceptOne("op", "ops")) c.fail(`expected \`ops\` after the op type \`${op}\``);
  }
  const named = c.accept("named") ? expectName(c, "a `name` (it may use * for any characters)") : undefined;
  const body: CheckBody = { kind: "graph-count", count };
  if (op !== undefined) body.op = op;
  if (named !== undefined) body.named = named;
  return body;
}

function parseNodeCheck(c: Cursor): CheckBody {
  const from = expectNodeRef(c);
  if (c.accept("is", "created")) {
    const when = c.acceptOne("before", "after") ?? c.fail("expected `before` or `after`");
    const other = expectNodeRef(c);
    return when === "before" ? { kind: "order", first: from, second: other } : { kind: "order", first: other, second: from };
  }
  const negated = c.accept("does", "not");
  let edge: EdgeKind;
  if (c.acceptOne("reads", "read")) edge = "reads";
  else if (c.acceptOne("writes", "write")) edge = "writes";
  else if (c.acceptOne("waits", "wait")) {
    c.expect("for");
    edge = "waits-for";
  } else c.fail(`expected \`reads\`, \`writes\`, \`waits for\`${negated ? "" : ", `does not` or `is created before`"}`);
  return { kind: "edge", from, edge, to: expectNodeRef(c), negated };
}

// ---- runs ------------------------------------------------------------------------------

function parseRuns(c: Cursor): CheckBody {
  const selector = parseSelector(c);
  const predicates = [parsePredicate(c)];
  while (c.accept("and")) predicates.push(parsePredicate(c));
  return { kind: "runs", selector, predicates };
}

/** `the first run` is run #0. */
const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/** `#2`: runs and sessions are numbered from #0, as the Runs and Session memory panels show them. */
function expectNumber(c: Cursor, what: "run" | "session"): number {
  if (!c.acceptSymbol("#")) {
    const t = c.peek();
    const n = t?.type === "number" ? t.text : "N";
    c.fail(`expected \`${what} #${n}\` (${what}s are numbered from #0, as the ${what === "run" ? "Runs" : "Session memory"} panel shows them${what === "run" ? "; or write `the first run`" : ""})`);
  }
  return expectInteger(c, 0);
}

function parseSelector(c: Cursor): RunSelector {
  if (c.accept("run")) {
    const index = expectNumber(c, "run");
    return { kind: "index", index, words: `run #${index}` };
  }
  if (c.isWord("the") && c.isWord("run", 2)) {
    const k = ORDINALS.indexOf(c.peek(1)?.text.toLowerCase() ?? "");
    if (k >= 0) {
      c.next();
      c.next();
      c.next();
      return { kind: "index", index: k, words: `the ${ORDINALS[k]} run` };
    }
  }
  if (c.accept("the", "last", "run")) return { kind: "last" };
  if (c.accept("some", "run")) return { kind: "some" };
  if (c.accept("every", "run")) return { kind: "every" };
  const count = acceptCount(c);
  if (count && c.acceptOne("run", "runs")) return { kind: "count", count };
  c.fail("expected `run #N`, `the first run`, `the last run`, `some run`, `every run`, `no run` or a count of `runs`");
}

type Verb = Exclude<RunPredicate["verb"], "use-session"> | "use";

// Both conjugations: `run 2 fails`, `2 runs fail`, `does not fail`.
const VERBS = new Map<string, Verb>(
  (["succeed", "fail", "run", "feed", "fetch", "assign", "print", "return", "compute", "use"] as const).flatMap((v): [string, Verb][] => [
    [v, v],
    [v === "fetch" ? "fetches" : `${v}s`, v],
  ]),
);

function parsePredicate(c: Cursor): RunPredicate {
  const negated = c.accept("does", "not") || c.accept("do", "not");
  const t = c.peek();
  const verb = t?.type === "word" ? VERBS.get(t.text.toLowerCase()) : undefined;
  if (verb === undefined) {
    c.fail("expected what the run does: `succeeds`, `fails`, `runs`, `feeds`, `fetches`, `assigns`, `prints`, `returns`, `computes`, `uses session` (or `does not` before one)");
  }
  c.next();
  switch (verb) {
    case "succeed":
      return { negated, verb };
    case "fail": {
      const p: RunPredicate & { verb: "fail" } = { negated, verb };
      for (;;) {
        if (p.error === undefined && c.accept("with")) p.error = expectErrorType(c);
        else if (p.at === undefined && c.accept("at")) p.at = expectNodeRef(c);
        else if (p.saying === undefined && c.accept("saying")) p.saying = expectText(c);
        else return p;
      }
    }
    case "run":
    case "feed":
    case "fetch":
    case "assign":
      return { negated, verb, node: expectNodeRef(c) };
    case "print": {
      const text = acceptText(c);
      return text === undefined ? { negated, verb } : { negated, verb, text };
    }
    case "return":
      return { negated, verb, value: parseValueSpec(c, false) };
    case "compute": {
      const node = expectName(c);
      const sign = c.acceptSymbol("=", "≈", "~") ?? c.fail("expected `=` or `≈` after the name");
      return { negated, verb, node, value: parseValueSpec(c, sign !== "=") };
    }
    case "use":
      c.expect("session");
      return { negated, verb: "use-session", session: expectNumber(c, "session") };
  }
}

// ---- output, diagnostics, the program ----------------------------------------------------

function parseOutput(c: Cursor): CheckBody {
  const stream = c.next()!.text.toLowerCase() as Stream;
  const negated = c.accept("does", "not") || c.accept("is", "not", "empty");
  const out = (test: OutputTest, neg = negated): CheckBody => ({ kind: "output", stream, negated: neg, ...test });
  if (negated && c.atEnd()) return out({ test: "is-empty" }); // `is not empty`
  if (!negated && c.accept("is", "empty")) return out({ test: "is-empty" });
  if (!negated && c.accept("is")) return out({ test: "is", expected: expectText(c) });
  if (c.acceptOne("contains", "contain")) return out({ test: "contains", expected: expectText(c) });
  if (c.acceptOne("matches", "match")) {
    const t = c.peek();
    if (t?.type !== "regex") c.fail("expected a /regular expression/");
    c.next();
    return out({ test: "matches", source: t.source, flags: t.flags });
  }
  if (c.acceptOne("has", "have")) {
    if (c.accept("a", "line") || c.accept("line")) return out({ test: "has-line", expected: expectText(c) });
    if (negated) c.fail("expected `a line`");
    const count = expectCount(c);
    if (!c.acceptOne("line", "lines")) c.fail("expected `lines`");
    return out({ test: "line-count", count });
  }
  c.fail(`expected ${negated ? "`contain`, `match` or `have a line`" : "`is`, `is empty`, `is not empty`, `contains`, `has a line`, `has N lines`, `matches` or `does not`"}`);
}

function parseDiagnostic(c: Cursor): CheckBody {
  if (c.accept("no")) {
    if (!c.acceptOne("diagnostic", "diagnostics")) c.fail("expected `diagnostic`");
    if (!(c.accept("is", "reported") || c.accept("are", "reported"))) c.fail("expected `is reported`");
    return { kind: "diagnostic", code: null, reported: false };
  }
  c.expect("diagnostic");
  const t = c.peek();
  if (t?.type !== "word" || !(DIAGNOSTIC_CODES as readonly string[]).includes(t.text)) {
    c.fail(`expected a diagnostic code (${DIAGNOSTIC_CODES.join(", ")})`);
  }
  c.next();
  if (c.accept("is", "not", "reported")) return { kind: "diagnostic", code: t.text, reported: false };
  c.expect("is", "reported");
  const about = c.accept("for") ? expectNodeRef(c) : undefined;
  return about === undefined ? { kind: "diagnostic", code: t.text, reported: true } : { kind: "diagnostic", code: t.text, reported: true, about };
}

function parseProgram(c: Cursor): CheckBody {
  if (c.acceptOne("succeeds", "succeed")) return { kind: "program", ok: true };
  if (!c.acceptOne("fails", "fail")) c.fail("expected `succeeds` or `fails`");
  const body: CheckBody & { kind: "program" } = { kind: "program", ok: false };
  for (;;) {
    if (body.error === undefined && c.accept("with")) body.error = expectErrorType(c);
    else if (body.saying === undefined && c.accept("saying")) body.saying = expectText(c);
    else return body;
  }
}
