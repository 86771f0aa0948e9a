/**
 * The check grammar: one English-like sentence per line, read by a small recursive-descent
 * parser. lessons/FORMAT.md lists every form; this file is its executable twin (the run verbs
 * are declared one by one in verbs.ts, the token readers are in cursor.ts).
 */
import type { DiagnosticCode } from "../../runner/events";
import type { Check, CheckBody, EdgeKind, OutputTest, RunPredicate, RunSelector, Stream } from "./ast";
import { acceptCount, Cursor, expectCount, expectErrorType, expectName, expectNodeRef, expectNumber, expectText, ORDINALS, startsCount } from "./cursor";
import { CheckSyntaxError, tokenize } from "./tokens";
import { VERBS, verbForWord } from "./verbs";

/** Every diagnostic the runner can report (a check naming another is a typo). */
export const DIAGNOSTIC_CODES = [
  "print-off-path",
  "assign-off-path",
  "ops-in-loop",
  "variable-after-init",
  "unfed-placeholder",
  "uninitialized-variable",
  "python2-print",
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

/** The verbs are declared in verbs.ts; this reads `does not`, the verb's word and its arguments. */
function parsePredicate(c: Cursor): RunPredicate {
  const negated = c.accept("does", "not") || c.accept("do", "not");
  const t = c.peek();
  const def = t?.type === "word" ? verbForWord(t.text) : undefined;
  if (def === undefined) {
    c.fail(`expected what the run does: ${VERBS.map((v) => `\`${v.listed}\``).join(", ")} (or \`does not\` before one)`);
  }
  c.next();
  return { negated, verb: def.verb, ...def.parse(c) } as RunPredicate;
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
