/**
 * Teaching hints (diagnostic events) as the panels show them: a failure's hint says in full
 * what the explanation card beside the graph says, so elsewhere it is one line that links to
 * the card; other hints have no card and keep their whole text where there is room for it.
 */
import type { DiagnosticEvent } from "../runner/events";
import type { RunEntry, RunsStore } from "../store";
import { failureHeadline } from "./failure";
import type { ProgramNames } from "./programNames";

/** Hints that explain a failed run (the card explains it in full). */
const FAILURE_CODES: ReadonlySet<string> = new Set(["unfed-placeholder", "uninitialized-variable"]);

export function explainsFailure(d: Pick<DiagnosticEvent, "code">): boolean {
  return FAILURE_CODES.has(d.code);
}

/** The first sentence of a message (the runner's hints lead with what happened). */
export function firstSentence(text: string): string {
  // A sentence ends at a full stop followed by a space and a capital or an opening bracket;
  // `sess.run`, `1.8` and `'Placeholder'.` inside a sentence do not end it.
  const m = /[.!?](?=\s+[A-Z(`"'])/.exec(text);
  return m === null ? text : text.slice(0, m.index + 1);
}

/** The failed run a failure hint is about: the first failed kept run on the hint's line that failed at one of its ops. */
export function failedRunOf(d: Pick<DiagnosticEvent, "line" | "ops">, runs: RunsStore): RunEntry | undefined {
  const matches = (r: RunEntry) => !r.ok && r.line === d.line && (r.error?.op == null || d.ops.includes(r.error.op));
  return runs.head.find(matches) ?? runs.tail.find(matches) ?? (runs.latest && matches(runs.latest) ? runs.latest : undefined);
}

/**
 * A failure hint in one line — "run #1 failed: `x` was not fed" — and the run it is about; the
 * hint's own first sentence when its run is not kept.
 */
export function failureHintLine(d: DiagnosticEvent, runs: RunsStore, names: ProgramNames): { text: string; run: number | undefined } {
  const run = failedRunOf(d, runs);
  const headline = run === undefined ? null : failureHeadline(run, names);
  if (run === undefined || headline === null) return { text: firstSentence(d.message), run: undefined };
  return { text: `run #${run.index} failed: ${headline}`, run: run.index };
}
