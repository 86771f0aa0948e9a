/**
 * One run predicate three ways: does it hold for a run, how to say it (`fails at \`x\``), and
 * what the run actually showed about it (`run 2 succeeded`), for "not yet" messages. Each
 * verb's own answers are in its declaration (verbs.ts); this applies `does not` and the grammar
 * of the subject.
 */
import type { RunEvent } from "../../runner/events";
import type { RunPredicate } from "./ast";
import { verbOf } from "./verbs";

/** Does the predicate hold for the run? */
export function holds(p: RunPredicate, run: RunEvent): boolean {
  return verbOf(p).test(p, run) !== p.negated;
}

/** How the predicate reads after a subject: `base` (to fail), `third` (it fails), `plural` (they fail). */
export type Form = "base" | "third" | "plural";

/** The predicate in words, e.g. `fail at \`Placeholder\``, `does not run \`count\``. */
export function phrase(p: RunPredicate, form: Form): string {
  const def = verbOf(p);
  const [base, third] = def.words;
  const rest = def.rest(p);
  if (!p.negated) return (form === "third" ? third : base) + rest;
  const not = form === "base" ? "not" : form === "third" ? "does not" : "do not";
  return `${not} ${base}${rest}`;
}

/** Several predicates joined with `and`. */
export function phrases(ps: readonly RunPredicate[], form: Form): string {
  return ps.map((p) => phrase(p, form)).join(" and ");
}

/** What the run showed about the predicate's subject, e.g. `run 2 fed nothing`. */
export function observe(p: RunPredicate, run: RunEvent): string {
  return verbOf(p).observe(p, run);
}
