/**
 * The verbs of run checks (`some run feeds \`x\``), one declaration each, as ops have: the words
 * that start it, how its arguments are read, whether a run does it, how to say it and what a
 * run showed instead, and which values the runner must record for it. A new verb is one entry
 * in VERBS (and a row in lessons/FORMAT.md's table, which a test holds to this list).
 */
import type { RunEvent, ValuesMode } from "../../runner/events";
import type { ValueSpec } from "./ast";
import { expectErrorType, expectInteger, expectName, expectNodeRef, expectNumber, acceptText, expectText, parseValueSpec, type Cursor } from "./cursor";
import { listNames, matchesOp, matchesTensor, quote } from "./names";
import { compareValue, showSpec, showSummary, type Comparison } from "./values";

export interface VerbDef<V extends string, A extends object> {
  /** The verb in a parsed predicate (`{verb: "fail", ...}`). */
  verb: V;
  /** The word that starts it, plain and third person: `["fail", "fails"]` (`2 runs fail`, `run #2 fails`). */
  words: readonly [base: string, third: string];
  /** How the syntax error that lists the verbs names it. */
  listed: string;
  /** Reads what follows the verb's word (its arguments); throws CheckSyntaxError. */
  parse(c: Cursor): A;
  /** Does the run do it? (`does not` is applied by the caller.) */
  test(p: A, run: RunEvent): boolean;
  /** What follows the verb in messages: `` at `Placeholder` ``. */
  rest(p: A): string;
  /** What the run showed about it, for "not yet" messages: `run #2 fed nothing`. */
  observe(p: A, run: RunEvent): string;
  /** The values the runner must record for this verb to be judged (default: none). */
  values?: ValuesMode;
}

/** Declares a verb; the arguments' type is inferred from `parse`. */
function defineVerb<V extends string, A extends object>(def: VerbDef<V, A>): VerbDef<V, A> {
  return def;
}

/** The first line of a (TF) error message, without its `[[node ...]]` line. */
export function firstLine(message: string): string {
  return message.split("\n")[0];
}

function showError(run: RunEvent): string {
  const e = run.error;
  if (e === undefined) return `run #${run.index} failed`;
  return `run #${run.index} failed with ${e.type}${e.op === null ? "" : ` at ${quote(e.op)}`}`;
}

const who = (run: RunEvent): string => `run #${run.index}`;

/** The tensor fetches of a run (op fetches such as `init` have no value). */
function tensorFetches(run: RunEvent): string[] {
  return run.fetches.filter((f) => f.includes(":"));
}

/** The compared value of a `returns` predicate: one tensor's summary, or a list of them. */
function returned(run: RunEvent, value: ValueSpec): Comparison {
  const tensors = tensorFetches(run);
  if (run.values === undefined || tensors.length === 0 || !run.ok) return { ok: false };
  const summaries = tensors.map((t) => run.values![t]);
  if (summaries.some((s) => s === undefined)) return { ok: false };
  if (tensors.length === 1) return compareValue(summaries[0]!, value);
  const expected = value.value;
  if (!Array.isArray(expected) || expected.length !== tensors.length) return { ok: false };
  for (let i = 0; i < tensors.length; i++) {
    const c = compareValue(summaries[i]!, { ...value, value: expected[i] });
    if (!c.ok) return c;
  }
  return { ok: true };
}

function computedTensor(node: string): string {
  return node.includes(":") ? node : `${node}:0`;
}

const succeed = defineVerb({
  verb: "succeed",
  words: ["succeed", "succeeds"],
  listed: "succeeds",
  parse: (_c: Cursor) => ({}),
  test: (_p, run) => run.ok,
  rest: () => "",
  observe: (_p, run) => (run.ok ? `${who(run)} succeeded` : showError(run)),
});

const fail = defineVerb({
  verb: "fail",
  words: ["fail", "fails"],
  listed: "fails",
  parse(c: Cursor) {
    const p: { error?: string; at?: string; saying?: string } = {};
    for (;;) {
      if (p.error === undefined && c.accept("with")) p.error = expectErrorType(c);
      else if (p.at === undefined && c.accept("at")) p.at = expectNodeRef(c);
      else if (p.saying === undefined && c.accept("saying")) p.saying = expectText(c);
      else return p;
    }
  },
  test(p, run) {
    const e = run.error;
    if (run.ok || e === undefined) return false;
    if (p.error !== undefined && e.type !== p.error) return false;
    if (p.at !== undefined && (e.op === null || !matchesOp(p.at, e.op))) return false;
    return p.saying === undefined || e.message.includes(p.saying);
  },
  rest(p) {
    let rest = "";
    if (p.error !== undefined) rest += ` with ${p.error}`;
    if (p.at !== undefined) rest += ` at ${quote(p.at)}`;
    if (p.saying !== undefined) rest += ` saying ${JSON.stringify(p.saying)}`;
    return rest;
  },
  observe(p, run) {
    if (run.ok) return `${who(run)} succeeded`;
    return p.saying !== undefined && run.error ? `${showError(run)}: ${JSON.stringify(firstLine(run.error.message))}` : showError(run);
  },
});

const run = defineVerb({
  verb: "run",
  words: ["run", "runs"],
  listed: "runs",
  parse: (c: Cursor) => ({ node: expectNodeRef(c) }),
  test: (p, r) => r.path.some((op) => matchesOp(p.node, op)),
  rest: (p) => ` ${quote(p.node)}`,
  observe: (_p, r) => (r.path.length ? `${who(r)} ran ${listNames(r.path, 8)}` : `${who(r)} ran no ops`),
});

const feed = defineVerb({
  verb: "feed",
  words: ["feed", "feeds"],
  listed: "feeds",
  parse: (c: Cursor) => ({ node: expectNodeRef(c) }),
  test: (p, r) => r.feeds.some((t) => matchesTensor(p.node, t)),
  rest: (p) => ` ${quote(p.node)}`,
  observe: (_p, r) => (r.feeds.length ? `${who(r)} fed ${listNames(r.feeds)}` : `${who(r)} fed nothing`),
});

const fetch = defineVerb({
  verb: "fetch",
  words: ["fetch", "fetches"],
  listed: "fetches",
  parse: (c: Cursor) => ({ node: expectNodeRef(c) }),
  test: (p, r) => r.fetches.some((t) => matchesTensor(p.node, t)),
  rest: (p) => ` ${quote(p.node)}`,
  observe: (_p, r) => `${who(r)} fetched ${listNames(r.fetches)}`,
});

const assign = defineVerb({
  verb: "assign",
  words: ["assign", "assigns"],
  listed: "assigns",
  parse: (c: Cursor) => ({ node: expectNodeRef(c) }),
  test: (p, r) => r.side_effects.some((s) => s.target !== undefined && matchesOp(p.node, s.target)),
  rest: (p) => ` ${quote(p.node)}`,
  observe(_p, r) {
    const targets = [...new Set(r.side_effects.flatMap((s) => (s.target === undefined ? [] : [s.target])))];
    return targets.length ? `${who(r)} assigned ${listNames(targets)}` : `${who(r)} assigned no variable`;
  },
});

const print = defineVerb({
  verb: "print",
  words: ["print", "prints"],
  listed: "prints",
  parse(c: Cursor): { text?: string } {
    const text = acceptText(c);
    return text === undefined ? {} : { text };
  },
  test: (p, r) => r.side_effects.some((s) => s.kind === "print" && (p.text === undefined || (s.text ?? "").includes(p.text))),
  rest: (p) => (p.text === undefined ? "" : ` ${JSON.stringify(p.text)}`),
  observe(_p, r) {
    const texts = r.side_effects.filter((s) => s.kind === "print").map((s) => JSON.stringify(s.text ?? ""));
    return texts.length ? `${who(r)} printed ${texts.slice(0, 3).join(", ")}${texts.length > 3 ? ", …" : ""}` : `${who(r)} printed nothing`;
  },
});

const returns = defineVerb({
  verb: "return",
  words: ["return", "returns"],
  listed: "returns",
  values: "fetches",
  parse: (c: Cursor) => ({ value: parseValueSpec(c, false) }),
  test: (p, r) => returned(r, p.value).ok,
  rest: (p) => ` ${showSpec(p.value)}`,
  observe(p, r) {
    if (!r.ok) return showError(r);
    const tensors = tensorFetches(r);
    if (tensors.length === 0) return `${who(r)} fetched no tensor`;
    if (r.values === undefined) return `the values of ${who(r)} were not recorded`;
    const shown = tensors.map((t) => (r.values![t] === undefined ? "?" : showSummary(r.values![t]!)));
    const c = returned(r, p.value);
    const why = c.ok ? undefined : c.why;
    return `${who(r)} returned ${tensors.length === 1 ? shown[0] : `[${shown.join(", ")}]`}${why ? ` (${why})` : ""}`;
  },
});

const compute = defineVerb({
  verb: "compute",
  words: ["compute", "computes"],
  listed: "computes",
  values: "all",
  parse(c: Cursor) {
    const node = expectName(c);
    const sign = c.acceptSymbol("=", "≈", "~") ?? c.fail("expected `=` or `≈` after the name");
    return { node, value: parseValueSpec(c, sign !== "=") };
  },
  test(p, r) {
    const v = r.values?.[computedTensor(p.node)];
    return v !== undefined && compareValue(v, p.value).ok;
  },
  rest: (p) => ` ${quote(p.node)} = ${showSpec(p.value)}`,
  observe(p, r) {
    if (r.values === undefined) return `the values of ${who(r)} were not recorded`;
    const tensor = computedTensor(p.node);
    const v = r.values[tensor];
    if (v === undefined) return `${who(r)} did not compute ${quote(tensor)}`;
    const c = compareValue(v, p.value);
    return `${who(r)} computed ${quote(tensor)} = ${showSummary(v)}${!c.ok && c.why ? ` (${c.why})` : ""}`;
  },
});

const skip = defineVerb({
  verb: "skip",
  words: ["skip", "skips"],
  listed: "skips",
  parse: (c: Cursor) => ({ node: expectNodeRef(c) }),
  test: (p, r) => (r.dead ?? []).some((op) => matchesOp(p.node, op)),
  rest: (p) => ` ${quote(p.node)}`,
  observe(_p, r) {
    if (r.dead === undefined) return `${who(r)} had no tf.cond on its path, so it skipped nothing`;
    return r.dead.length ? `${who(r)} skipped ${listNames(r.dead, 8)}` : `${who(r)} skipped nothing`;
  },
});

/** A loop's group name from its frame (`while/while_context` → `while`). */
function loopName(frame: string): string {
  return frame.endsWith("/while_context") ? frame.slice(0, -"/while_context".length) : frame;
}

const loop = defineVerb({
  verb: "loop",
  words: ["loop", "loops"],
  listed: "loops",
  parse(c: Cursor): { loop?: string; times: number } {
    const loop = c.peek()?.type === "name" ? expectName(c) : undefined;
    const times = expectInteger(c, 0);
    if (!c.acceptOne("times", "time")) c.fail("expected `times`");
    return loop === undefined ? { times } : { loop, times };
  },
  test: (p, r) => (r.loops ?? []).some((l) => l.iterations === p.times && (p.loop === undefined || matchesOp(p.loop, loopName(l.frame)))),
  rest: (p) => `${p.loop === undefined ? "" : ` ${quote(p.loop)}`} ${p.times} ${p.times === 1 ? "time" : "times"}`,
  observe(_p, r) {
    const loops = r.loops ?? [];
    if (loops.length === 0) return `${who(r)} ran no while loop`;
    return `${who(r)} looped ${loops.map((l) => `${quote(loopName(l.frame))} ${l.iterations} ${l.iterations === 1 ? "time" : "times"}`).join(", ")}`;
  },
});

const useSession = defineVerb({
  verb: "use-session",
  words: ["use", "uses"],
  listed: "uses session",
  parse(c: Cursor) {
    c.expect("session");
    return { session: expectNumber(c, "session") };
  },
  test: (p, r) => r.session === p.session,
  rest: (p) => ` session #${p.session}`,
  observe: (_p, r) => `${who(r)} was in session #${r.session}`,
});

/** Every verb, in the order the syntax error lists them. */
export const VERBS = [succeed, fail, run, feed, fetch, assign, print, returns, compute, skip, loop, useSession] as const;

type Verbs = (typeof VERBS)[number];
type PredicateOf<D> = D extends VerbDef<infer V, infer A> ? { verb: V } & A : never;

/** One thing a run does or does not do: `{negated, verb, ...its arguments}`. */
export type RunPredicate = { negated: boolean } & PredicateOf<Verbs>;

/** A declaration looked up by name: its own argument type widened to any predicate's. */
type AnyVerb = Omit<VerbDef<RunPredicate["verb"], RunPredicate>, "parse"> & { parse(c: Cursor): object };
const BY_VERB = new Map<string, AnyVerb>(VERBS.map((d) => [d.verb, d as unknown as AnyVerb]));
const BY_WORD = new Map<string, AnyVerb>(VERBS.flatMap((d) => d.words.map((w): [string, AnyVerb] => [w, d as unknown as AnyVerb])));

/** The declaration of a parsed predicate's verb. */
export function verbOf(p: RunPredicate): AnyVerb {
  return BY_VERB.get(p.verb)!;
}

/** The verb a word starts (`fails` → fail), if any. */
export function verbForWord(word: string): AnyVerb | undefined {
  return BY_WORD.get(word.toLowerCase());
}
