/**
 * Evaluates a parsed check against a trace. A failing check says "not yet: " and then what the
 * program actually did, next to what the check expected.
 */
import type { RunEvent } from "../../runner/events";
import type { Check, CheckBody, Count, RunPredicate } from "./ast";
import { listNames, matchesOp, matchesTensor, quote } from "./names";
import { holds, observe, phrases } from "./run_predicates";
import { firstLine } from "./verbs";
import type { Trace } from "./trace";

export type CheckResult = { ok: true } | { ok: false; message: string };

const PASS: CheckResult = { ok: true };

function notYet(message: string): CheckResult {
  return { ok: false, message: `not yet: ${message}` };
}

function inRange(n: number, c: Count): boolean {
  return n >= c.min && n <= c.max;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return n === 0 ? `no ${many}` : `${n} ${n === 1 ? one : many}`;
}

/** Why a program may have made fewer runs or nodes than expected: it stopped with an error. */
function stoppedEarly(trace: Trace): string {
  const e = trace.end?.error;
  return trace.end && !trace.end.ok && e ? ` (the program stopped with ${e.type}: ${firstLine(e.message)})` : "";
}

/** Evaluates one check. */
export function evaluateCheck(check: Check, trace: Trace): CheckResult {
  switch (check.kind) {
    case "graph-count":
      return graphCount(check, trace);
    case "edge":
      return edge(check, trace);
    case "order":
      return order(check, trace);
    case "run-count": {
      const n = trace.runs.length;
      if (inRange(n, check.count)) return PASS;
      return notYet(`the program made ${plural(n, "run")}; expected ${check.count.words}${n < check.count.min ? stoppedEarly(trace) : ""}`);
    }
    case "session-count": {
      const sessions = new Set(trace.runs.map((r) => r.session)).size;
      if (inRange(sessions, check.count)) return PASS;
      return notYet(`the runs used ${plural(sessions, "session")}; expected ${check.count.words}`);
    }
    case "runs":
      return runs(check, trace);
    case "output":
      return output(check, trace);
    case "diagnostic":
      return diagnostic(check, trace);
    case "program":
      return program(check, trace);
  }
}

// ---- the graph ---------------------------------------------------------------------------

type Body<K extends CheckBody["kind"]> = CheckBody & { kind: K };

function graphCount(check: Body<"graph-count">, trace: Trace): CheckResult {
  const found = trace.nodes.filter((n) => (check.op === undefined || n.op === check.op) && (check.named === undefined || matchesOp(check.named, n.name)));
  if (inRange(found.length, check.count)) return PASS;
  const what = check.op === undefined ? "node" : `${check.op} op`;
  const named = check.named === undefined ? "" : ` named ${quote(check.named)}`;
  let has: string;
  if (found.length === 0) has = `the graph has no ${what}${named}`;
  else if (found.length <= 6 && (check.named !== undefined || check.op !== undefined)) {
    has = `the graph has ${plural(found.length, what)}${named} (${listNames(found.map((n) => n.name))})`;
  } else has = `the graph has ${plural(found.length, what)}${named}`;
  // Someone looking for `w` who made `layer/w` wants to hear about it.
  if (found.length === 0 && check.named !== undefined && !check.named.includes("*")) {
    const similar = trace.nodes.filter((n) => n.name.endsWith(`/${check.named}`) || check.named!.endsWith(`/${n.name}`)).map((n) => n.name);
    if (similar.length) has += ` (it has ${listNames(similar)})`;
  }
  return notYet(`${has}; expected ${check.count.words}${found.length < check.count.min ? stoppedEarly(trace) : ""}`);
}

function edge(check: Body<"edge">, trace: Trace): CheckResult {
  const from = trace.nodes.filter((n) => matchesOp(check.from, n.name));
  if (from.length === 0) return notYet(`the graph has no node named ${quote(check.from)}`);
  const ends = (n: (typeof from)[number]): string[] => (check.edge === "reads" ? n.inputs : check.edge === "writes" ? n.ref_inputs : n.control_inputs);
  const linked = from.some((n) => ends(n).some((t) => matchesTensor(check.to, t)));
  if (linked !== check.negated) return PASS;
  const verb = { reads: ["reads", "read"], writes: ["writes", "write"], "waits-for": ["waits for", "wait for"] }[check.edge];
  const actual = [...new Set(from.flatMap(ends))];
  const subject = from.length === 1 ? quote(from[0].name) : quote(check.from);
  const saw = actual.length ? `${subject} ${verb[0]} ${listNames(actual)}` : `${subject} ${verb[0]} nothing`;
  return notYet(`${saw}; expected it ${check.negated ? "not " : ""}to ${verb[1]} ${quote(check.to)}`);
}

function order(check: Body<"order">, trace: Trace): CheckResult {
  const at = (pattern: string): number => trace.nodes.findIndex((n) => matchesOp(pattern, n.name));
  const a = at(check.first);
  const b = at(check.second);
  if (a < 0) return notYet(`the graph has no node named ${quote(check.first)}`);
  if (b < 0) return notYet(`the graph has no node named ${quote(check.second)}`);
  if (a < b) return PASS;
  return notYet(`${quote(trace.nodes[b].name)} is created before ${quote(trace.nodes[a].name)}; expected it the other way round`);
}

// ---- runs --------------------------------------------------------------------------------

function runs(check: Body<"runs">, trace: Trace): CheckResult {
  const all = trace.runs;
  const ps = check.predicates;
  const ok = (r: RunEvent): boolean => ps.every((p) => holds(p, r));
  const firstMiss = (r: RunEvent): RunPredicate => ps.find((p) => !holds(p, r))!;
  const one = (label: string, run: RunEvent | undefined): CheckResult => {
    if (run === undefined) return notYet(`the program made ${plural(all.length, "run")}; expected ${label} to ${phrases(ps, "base")}${stoppedEarly(trace)}`);
    if (ok(run)) return PASS;
    const p = firstMiss(run);
    return notYet(`${observe(p, run)}; expected it to ${phrases([p], "base")}`);
  };
  const sel = check.selector;
  switch (sel.kind) {
    case "index":
      // Run #i is usually all[i]; a stream that left runs out (a summarized loop) still finds it.
      return one(sel.words, all[sel.index]?.index === sel.index ? all[sel.index] : all.find((r) => r.index === sel.index));
    case "last":
      return one("the last run", all[all.length - 1]);
    case "some": {
      if (all.some(ok)) return PASS;
      if (all.length === 0) return notYet(`the program made no runs; expected some run to ${phrases(ps, "base")}${stoppedEarly(trace)}`);
      return notYet(`no run ${phrases(ps, "third")} (${sampleRuns(all).map((r) => observe(firstMiss(r), r)).join("; ")})`);
    }
    case "every": {
      if (all.length === 0) return notYet(`the program made no runs; expected every run to ${phrases(ps, "base")}${stoppedEarly(trace)}`);
      const bad = all.find((r) => !ok(r));
      if (bad === undefined) return PASS;
      return notYet(`${observe(firstMiss(bad), bad)}; expected every run to ${phrases(ps, "base")}`);
    }
    case "count": {
      const matching = all.filter(ok);
      if (inRange(matching.length, sel.count)) return PASS;
      if (sel.count.max === 0) {
        const r = matching[0];
        const seen = [...new Set(ps.map((p) => observe(p, r)))].join("; ");
        return notYet(`${seen}; expected no run to ${phrases(ps, "base")}`);
      }
      const k = matching.length;
      if (all.length === 0) return notYet(`the program made no runs; expected ${sel.count.words} ${sel.count.max === 1 ? "run" : "runs"} to ${phrases(ps, "base")}${stoppedEarly(trace)}`);
      const subject = k === 0 ? `none of the ${plural(all.length, "run")}` : `${k} of the ${plural(all.length, "run")}`;
      return notYet(`${subject} ${phrases(ps, k === 1 || k === 0 ? "third" : "plural")}; expected ${sel.count.words}`);
    }
  }
}

/** A few runs worth describing: the first run of each distinct plan (a loop's runs share one). */
function sampleRuns(all: readonly RunEvent[], max = 3): RunEvent[] {
  const seen = new Set<number>();
  const out: RunEvent[] = [];
  for (const r of all) {
    if (seen.has(r.plan)) continue;
    seen.add(r.plan);
    out.push(r);
    if (out.length === max) break;
  }
  return out;
}

// ---- output, diagnostics, the program ----------------------------------------------------

function showText(text: string, max = 120): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

function output(check: Body<"output">, trace: Trace): CheckResult {
  const lines = trace[check.stream];
  const all = lines.join("\n");
  const s = check.stream;
  const saw = lines.length === 0 ? `${s} is empty` : `${s} is ${showText(all)}`;
  const not = check.negated ? "not " : "";
  switch (check.test) {
    case "is": {
      const want = check.expected.replace(/\n$/, "");
      return all === want ? PASS : notYet(`${saw}; expected ${showText(want)}`);
    }
    case "is-empty":
      return (lines.length === 0) !== check.negated ? PASS : notYet(`${saw}; expected it ${check.negated ? "not " : ""}to be empty`);
    case "contains":
      return all.includes(check.expected) !== check.negated ? PASS : notYet(`${saw}; expected it ${not}to contain ${showText(check.expected)}`);
    case "has-line": {
      const want = check.expected.trimEnd();
      return lines.some((l) => l.trimEnd() === want) !== check.negated ? PASS : notYet(`${saw}; expected it ${not}to have the line ${showText(want)}`);
    }
    case "matches":
      return new RegExp(check.source, check.flags).test(all) !== check.negated ? PASS : notYet(`${saw}; expected it ${not}to match /${check.source}/${check.flags}`);
    case "line-count":
      return inRange(lines.length, check.count) ? PASS : notYet(`${s} has ${plural(lines.length, "line")}; expected ${check.count.words}`);
  }
}

function diagnostic(check: Body<"diagnostic">, trace: Trace): CheckResult {
  const ds = trace.diagnostics;
  if (check.code === null) {
    return ds.length === 0 ? PASS : notYet(`diagnostic ${ds[0].code} was reported: ${showText(ds[0].message)}`);
  }
  const mine = ds.filter((d) => d.code === check.code);
  const about = check.about;
  const matching = about === undefined ? mine : mine.filter((d) => d.ops.some((op) => matchesOp(about, op)));
  if ((matching.length > 0) === check.reported) return PASS;
  if (!check.reported) return notYet(`diagnostic ${check.code} was reported: ${showText(matching[0].message)}`);
  if (mine.length > 0) return notYet(`diagnostic ${check.code} was reported for ${listNames([...new Set(mine.flatMap((d) => d.ops))])}; expected it for ${quote(about!)}`);
  const others = [...new Set(ds.map((d) => d.code))];
  return notYet(`diagnostic ${check.code} was not reported${others.length ? ` (reported: ${others.join(", ")})` : ""}`);
}

function program(check: Body<"program">, trace: Trace): CheckResult {
  const end = trace.end;
  if (end === null) return notYet("the program has not finished");
  const e = end.error;
  const failed = e ? `the program failed with ${e.type}: ${showText(firstLine(e.message))}` : "the program failed";
  if (check.ok) return end.ok ? PASS : notYet(`${failed}; expected it to succeed`);
  const expected = `expected it to fail${check.error ? ` with ${check.error}` : ""}${check.saying !== undefined ? ` saying ${showText(check.saying)}` : ""}`;
  if (end.ok) return notYet(`the program succeeded; ${expected}`);
  if (check.error !== undefined && e?.type !== check.error) return notYet(`${failed}; ${expected}`);
  if (check.saying !== undefined && !(e?.message ?? "").includes(check.saying)) return notYet(`${failed}; ${expected}`);
  return PASS;
}
