/**
 * How the page keeps a program's runs: full records for the first and the last runs, and one
 * aggregate per distinct path for the runs in between (a 100,000-step loop keeps ~2,000 full
 * records, not 100,000). Pure functions over plain data, so reducers and tests share them.
 */
import type { RunEvent } from "../runner/events";
import type { ValueSummary } from "../../engine";
import type { RunAggregate } from "../runner/summarize";

/** A run as the page keeps it: the runner's event, plus the session's memory when known. */
export interface RunEntry extends RunEvent {
  /** Every variable the session has touched → value after this run (null = uninitialized). */
  memory?: Record<string, ValueSummary | null>;
}

/** The runs between head and tail that took one path (the runner's aggregate row). */
export type PathAggregate = RunAggregate;

export interface RunsStore {
  /** Runs 0 .. head.length - 1, in full. */
  head: RunEntry[];
  /** The last runs in full: tail[k].index === tailStart + k. */
  tail: RunEntry[];
  tailStart: number;
  /** Aggregates of the runs in [head.length, tailStart) (and, while running, of all runs past head). */
  middle: PathAggregate[];
  /** The newest run while a long program runs past the head (its record is not kept otherwise). */
  latest: RunEntry | null;
}

export const HEAD_RUNS = 1000;
export const TAIL_RUNS = 1000;

export function emptyRuns(): RunsStore {
  return { head: [], tail: [], tailStart: 0, middle: [], latest: null };
}

/** The full record of run `index`, if the page kept it. */
export function runAt(runs: RunsStore, index: number): RunEntry | undefined {
  if (index < 0) return undefined;
  if (index < runs.head.length) return runs.head[index];
  const k = index - runs.tailStart;
  if (k >= 0 && k < runs.tail.length) return runs.tail[k];
  if (runs.latest !== null && runs.latest.index === index) return runs.latest;
  return undefined;
}

/** The aggregate a middle run belongs to (runs are attributed by index range), if any. */
export function aggregateAt(runs: RunsStore, index: number): PathAggregate | undefined {
  if (runAt(runs, index) !== undefined) return undefined;
  // Exact attribution needs per-run data we dropped; an aggregate whose range covers the index
  // is the honest answer ("one of these paths"), the first such is shown.
  return runs.middle.find((a) => a.first_index <= index && index <= a.last_index);
}

/** Indices of every run kept in full, ascending (what the runs list shows one row each for). */
export function keptIndices(runs: RunsStore): number[] {
  const out: number[] = [];
  for (const r of runs.head) out.push(r.index);
  for (const r of runs.tail) if (r.index >= runs.head.length) out.push(r.index);
  if (runs.latest !== null && out[out.length - 1] !== runs.latest.index && runs.latest.index >= runs.head.length) out.push(runs.latest.index);
  return out;
}

/** Replaces aggregate rows with their newer versions (same plan and path length, and dead ops if any). */
export function mergeAggregates(rows: readonly PathAggregate[], changed: readonly PathAggregate[]): PathAggregate[] {
  if (changed.length === 0) return rows as PathAggregate[];
  const key = (a: PathAggregate) =>
    (a.dead !== undefined && a.dead.length > 0) || a.dead_outputs !== undefined
      ? `${a.plan}/${a.path.length}/${a.dead?.join(",") ?? ""}/${a.dead_outputs?.join(",") ?? ""}`
      : `${a.plan}/${a.path.length}`;
  const out = new Map(rows.map((a) => [key(a), a]));
  for (const a of changed) out.set(key(a), a);
  return [...out.values()];
}

/** The first failed run among the kept ones, or undefined. */
export function firstFailed(runs: RunsStore): RunEntry | undefined {
  for (const r of runs.head) if (!r.ok) return r;
  for (const r of runs.tail) if (!r.ok) return r;
  if (runs.latest && !runs.latest.ok) return runs.latest;
  return undefined;
}

/** Number of distinct paths over all runs (kept and aggregated). */
export function distinctPaths(runs: RunsStore): number {
  const plans = new Set<number>();
  for (const r of runs.head) plans.add(r.plan);
  for (const r of runs.tail) plans.add(r.plan);
  for (const a of runs.middle) plans.add(a.plan ?? -1);
  if (runs.latest) plans.add(runs.latest.plan);
  return plans.size;
}
