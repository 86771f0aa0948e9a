/**
 * Lesson checks: English-like sentences about a program's event stream (what the graph holds,
 * what each `sess.run` ran, fed, fetched, assigned, printed and where it failed), never about
 * the program's text. lessons/FORMAT.md lists the sentences.
 *
 * @example
 * const checks = ["run 1 fails with InvalidArgumentError at `Placeholder`"].map((t) => parseCheck(t));
 * const { passed, failures } = evaluateChecks(checks, traceOf(events));
 */
import type { ValuesMode } from "../runner/events";
import type { Check } from "./checks/ast";
import { evaluateCheck, type CheckResult } from "./checks/evaluate";
import type { Trace } from "./checks/trace";
import { verbOf } from "./checks/verbs";

export type { Check, CheckBody, Count, RunPredicate, RunSelector, Value, ValueSpec } from "./checks/ast";
export { parseCheck, DIAGNOSTIC_CODES } from "./checks/grammar";
export { CheckSyntaxError } from "./checks/tokens";
export { TraceBuilder, traceOf, type Trace } from "./checks/trace";
export { evaluateCheck, type CheckResult } from "./checks/evaluate";

/** The outcome of a task's checks. */
export interface ChecksOutcome {
  passed: boolean;
  /** One result per check, in order. */
  results: CheckResult[];
  /** The "not yet: ..." messages of the failing checks, in order. */
  failures: string[];
}

/** Evaluates every check (all of them, so the learner can see everything still missing). */
export function evaluateChecks(checks: readonly Check[], trace: Trace): ChecksOutcome {
  const results = checks.map((c) => evaluateCheck(c, trace));
  const failures = results.flatMap((r) => (r.ok ? [] : [r.message]));
  return { passed: failures.length === 0, results, failures };
}

/**
 * Which values the runner must record for these checks: `computes` reads any tensor's value,
 * `returns` only the fetched ones. Recording fewer values keeps long training loops fast.
 */
export function valuesNeeded(checks: readonly Check[]): ValuesMode {
  let mode: ValuesMode = "none";
  for (const c of checks) {
    if (c.kind !== "runs") continue;
    for (const p of c.predicates) {
      const needs = verbOf(p).values;
      if (needs === "all") return "all";
      if (needs === "fetches") mode = "fetches";
    }
  }
  return mode;
}
