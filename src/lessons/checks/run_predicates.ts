/**
 * One run predicate three ways: does it hold for a run, how to say it (`fails at \`x\``), and
 * what the run actually showed about it (`run 2 succeeded`), for "not yet" messages.
 */
import type { RunEvent } from "../../runner/events";
import type { RunPredicate } from "./ast";
import { listNames, matchesOp, matchesTensor, quote } from "./names";
import { compareValue, showSpec, showSummary } from "./values";

/** The tensor fetches of a run (op fetches such as `init` have no value). */
function tensorFetches(run: RunEvent): string[] {
  return run.fetches.filter((f) => f.includes(":"));
}

/** The compared value of a `returns` predicate: one tensor's summary, or a list of them. */
function returned(run: RunEvent, p: RunPredicate & { verb: "return" }): { ok: boolean; why?: string } {
  const tensors = tensorFetches(run);
  if (run.values === undefined || tensors.length === 0 || !run.ok) return { ok: false };
  const summaries = tensors.map((t) => run.values![t]);
  if (summaries.some((s) => s === undefined)) return { ok: false };
  if (tensors.length === 1) return compareValue(summaries[0]!, p.value);
  const expected = p.value.value;
  if (!Array.isArray(expected) || expected.length !== tensors.length) return { ok: false };
  for (let i = 0; i < tensors.length; i++) {
    const c = compareValue(summaries[i]!, { ...p.value, value: expected[i] });
    if (!c.ok) return c;
  }
  return { ok: true };
}

function computedTensor(run: RunEvent, node: string): string {
  return node.includes(":") ? node : `${node}:0`;
}

function positive(p: RunPredicate, run: RunEvent): boolean {
  switch (p.verb) {
    case "succeed":
      return run.ok;
    case "fail": {
      const e = run.error;
      if (run.ok || e === undefined) return false;
      if (p.error !== undefined && e.type !== p.error) return false;
      if (p.at !== undefined && (e.op === null || !matchesOp(p.at, e.op))) return false;
      return p.saying === undefined || e.message.includes(p.saying);
    }
    case "run":
      return run.path.some((op) => matchesOp(p.node, op));
    case "feed":
      return run.feeds.some((t) => matchesTensor(p.node, t));
    case "fetch":
      return run.fetches.some((t) => matchesTensor(p.node, t));
    case "assign":
      return run.side_effects.some((s) => s.target !== undefined && matchesOp(p.node, s.target));
    case "print":
      return run.side_effects.some((s) => s.kind === "print" && (p.text === undefined || (s.text ?? "").includes(p.text)));
    case "return":
      return returned(run, p).ok;
    case "compute": {
      const v = run.values?.[computedTensor(run, p.node)];
      return v !== undefined && compareValue(v, p.value).ok;
    }
    case "use-session":
      return run.session === p.session;
  }
}

/** Does the predicate hold for the run? */
export function holds(p: RunPredicate, run: RunEvent): boolean {
  return positive(p, run) !== p.negated;
}

/** How the predicate reads after a subject: `base` (to fail), `third` (it fails), `plural` (they fail). */
export type Form = "base" | "third" | "plural";

function verbPhrase(p: RunPredicate): [base: string, third: string, rest: string] {
  switch (p.verb) {
    case "succeed":
      return ["succeed", "succeeds", ""];
    case "fail": {
      let rest = "";
      if (p.error !== undefined) rest += ` with ${p.error}`;
      if (p.at !== undefined) rest += ` at ${quote(p.at)}`;
      if (p.saying !== undefined) rest += ` saying ${JSON.stringify(p.saying)}`;
      return ["fail", "fails", rest];
    }
    case "run":
      return ["run", "runs", ` ${quote(p.node)}`];
    case "feed":
      return ["feed", "feeds", ` ${quote(p.node)}`];
    case "fetch":
      return ["fetch", "fetches", ` ${quote(p.node)}`];
    case "assign":
      return ["assign", "assigns", ` ${quote(p.node)}`];
    case "print":
      return ["print", "prints", p.text === undefined ? "" : ` ${JSON.stringify(p.text)}`];
    case "return":
      return ["return", "returns", ` ${showSpec(p.value)}`];
    case "compute":
      return ["compute", "computes", ` ${quote(p.node)} = ${showSpec(p.value)}`];
    case "use-session":
      return ["use", "uses", ` session #${p.session}`];
  }
}

/** The predicate in words, e.g. `fail at \`Placeholder\``, `does not run \`count\``. */
export function phrase(p: RunPredicate, form: Form): string {
  const [base, third, rest] = verbPhrase(p);
  if (!p.negated) return (form === "third" ? third : base) + rest;
  const not = form === "base" ? "not" : form === "third" ? "does not" : "do not";
  return `${not} ${base}${rest}`;
}

/** Several predicates joined with `and`. */
export function phrases(ps: readonly RunPredicate[], form: Form): string {
  return ps.map((p) => phrase(p, form)).join(" and ");
}

function showError(run: RunEvent): string {
  const e = run.error;
  if (e === undefined) return `run #${run.index} failed`;
  return `run #${run.index} failed with ${e.type}${e.op === null ? "" : ` at ${quote(e.op)}`}`;
}

/** What the run showed about the predicate's subject, e.g. `run 2 fed nothing`. */
export function observe(p: RunPredicate, run: RunEvent): string {
  const r = `run #${run.index}`;
  switch (p.verb) {
    case "succeed":
      return run.ok ? `${r} succeeded` : showError(run);
    case "fail":
      if (run.ok) return `${r} succeeded`;
      return p.saying !== undefined && run.error ? `${showError(run)}: ${JSON.stringify(firstLine(run.error.message))}` : showError(run);
    case "run":
      return run.path.length ? `${r} ran ${listNames(run.path, 8)}` : `${r} ran no ops`;
    case "feed":
      return run.feeds.length ? `${r} fed ${listNames(run.feeds)}` : `${r} fed nothing`;
    case "fetch":
      return `${r} fetched ${listNames(run.fetches)}`;
    case "assign": {
      const targets = [...new Set(run.side_effects.flatMap((s) => (s.target === undefined ? [] : [s.target])))];
      return targets.length ? `${r} assigned ${listNames(targets)}` : `${r} assigned no variable`;
    }
    case "print": {
      const texts = run.side_effects.filter((s) => s.kind === "print").map((s) => JSON.stringify(s.text ?? ""));
      return texts.length ? `${r} printed ${texts.slice(0, 3).join(", ")}${texts.length > 3 ? ", …" : ""}` : `${r} printed nothing`;
    }
    case "return": {
      if (!run.ok) return showError(run);
      const tensors = tensorFetches(run);
      if (tensors.length === 0) return `${r} fetched no tensor`;
      if (run.values === undefined) return `the values of ${r} were not recorded`;
      const shown = tensors.map((t) => (run.values![t] === undefined ? "?" : showSummary(run.values![t]!)));
      const why = returned(run, p).why;
      return `${r} returned ${tensors.length === 1 ? shown[0] : `[${shown.join(", ")}]`}${why ? ` (${why})` : ""}`;
    }
    case "compute": {
      if (run.values === undefined) return `the values of ${r} were not recorded`;
      const tensor = computedTensor(run, p.node);
      const v = run.values[tensor];
      if (v === undefined) return `${r} did not compute ${quote(tensor)}`;
      const why = compareValue(v, p.value);
      return `${r} computed ${quote(tensor)} = ${showSummary(v)}${!why.ok && why.why ? ` (${why.why})` : ""}`;
    }
    case "use-session":
      return `${r} was in session #${run.session}`;
  }
}

/** The first line of a (TF) error message, without its `[[node ...]]` line. */
export function firstLine(message: string): string {
  return message.split("\n")[0];
}
