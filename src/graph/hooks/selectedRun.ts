/** The run the graph shows: a kept run in full, or the loop aggregate the index falls in. */
import type { ValueSummary } from "../../../engine";
import type { RunLike } from "../model/highlight";
import { aggregateAt, runAt, type RunEntry, type RunsStore } from "../../store";

export type Memory = Readonly<Record<string, ValueSummary | null>>;

export function selectedRun(runs: RunsStore, index: number | null): RunLike | null {
  if (index === null) return null;
  const full = runAt(runs, index);
  if (full !== undefined) return full;
  const a = aggregateAt(runs, index);
  if (a === undefined) return null;
  return { index, session: a.session, graph: a.graph, line: a.line, path: a.path, fetches: a.fetches, feeds: a.feeds, ok: a.failed === 0, count: a.count };
}

/** Session id → the session's memory after its last kept run up to run `index` (all runs when null). */
export function memoriesUpTo(runs: RunsStore, index: number | null): Map<number, Memory> {
  const out = new Map<number, Memory>();
  const visit = (r: RunEntry): void => {
    if (index !== null && r.index > index) return;
    if (r.memory !== undefined) out.set(r.session, r.memory);
  };
  runs.head.forEach(visit);
  runs.tail.forEach(visit);
  if (runs.latest !== null) visit(runs.latest);
  return out;
}
