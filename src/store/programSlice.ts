/**
 * The program slice: what the current (or last) program run produced. The worker client
 * feeds it batches; everything else only reads it.
 */
import type { StateCreator } from "zustand";
import type { DiagnosticEvent, NodeEvent, ProgramError } from "../runner/events";
import type { BatchMessage, EndMessage, ScalarSeries } from "../worker/protocol";
import { appendHead, emptyRuns, type RunsStore } from "./runs";

export type ProgramStatus = "idle" | "running" | "done" | "error" | "stopped";

export interface ProgramState {
  status: ProgramStatus;
  /** Id of the current run; messages of other runs are dropped. 0 before the first run. */
  runId: number;
  /** The seed of the run (known when it ends, or when it was asked for). */
  seed: number | null;
  /** Every op the program created, in creation order (grows while the program runs). */
  nodes: NodeEvent[];
  runs: RunsStore;
  runCount: number;
  diagnostics: DiagnosticEvent[];
  error: ProgramError | null;
  /** Session ids in order of first run. */
  sessions: number[];
  /** Downsampled scalar fetch values over the runs (e.g. the loss), by series key. */
  series: Record<string, ScalarSeries>;
  /** Why the run stopped, when status is "stopped" ("Stopped" or the time limit). */
  stopReason: string | null;
  startedAt: number | null;
  endedAt: number | null;
}

export interface ProgramSlice {
  program: ProgramState;
}

export function initialProgram(): ProgramState {
  return {
    status: "idle",
    runId: 0,
    seed: null,
    nodes: [],
    runs: emptyRuns(),
    runCount: 0,
    diagnostics: [],
    error: null,
    sessions: [],
    series: {},
    stopReason: null,
    startedAt: null,
    endedAt: null,
  };
}

export const createProgramSlice: StateCreator<ProgramSlice, [], [], ProgramSlice> = () => ({
  program: initialProgram(),
});

/** A fresh running program (the previous run's results are cleared). */
export function programStarted(runId: number, seed: number | null, now: number): ProgramState {
  return { ...initialProgram(), status: "running", runId, seed, startedAt: now };
}

function addSessions(sessions: number[], runs: readonly { session: number }[]): number[] {
  const missing: number[] = [];
  for (const r of runs) if (!sessions.includes(r.session) && !missing.includes(r.session)) missing.push(r.session);
  return missing.length ? sessions.concat(missing) : sessions;
}

function mergeSeries(series: Record<string, ScalarSeries>, incoming: readonly ScalarSeries[]): Record<string, ScalarSeries> {
  if (incoming.length === 0) return series;
  const out = { ...series };
  for (const s of incoming) {
    const prev = out[s.key];
    out[s.key] = prev ? { ...prev, xs: prev.xs.concat(s.xs), ys: prev.ys.concat(s.ys) } : s;
  }
  return out;
}

/** The program after one batch (pure). */
export function programAfterBatch(p: ProgramState, b: BatchMessage): ProgramState {
  const runs = appendHead(p.runs, b.runs);
  const withLatest: RunsStore =
    b.latest !== null || b.middle !== null
      ? { ...runs, latest: b.latest ?? runs.latest, middle: b.middle ?? runs.middle }
      : runs;
  return {
    ...p,
    nodes: b.nodes.length ? p.nodes.concat(b.nodes) : p.nodes,
    runs: withLatest,
    runCount: Math.max(p.runCount, b.runCount),
    diagnostics: b.diagnostics.length ? p.diagnostics.concat(b.diagnostics) : p.diagnostics,
    sessions: addSessions(p.sessions, b.latest ? [...b.runs, b.latest] : b.runs),
    series: mergeSeries(p.series, b.scalars),
  };
}

/** The program after its end message (pure). */
export function programAfterEnd(p: ProgramState, m: EndMessage, now: number): ProgramState {
  const series: Record<string, ScalarSeries> = {};
  for (const s of m.series) series[s.key] = s;
  const runs: RunsStore = { head: p.runs.head, tail: m.tail, tailStart: m.tailStart, middle: m.middle, latest: null };
  return {
    ...p,
    status: m.end.ok ? "done" : "error",
    seed: m.end.seed,
    error: m.end.error ?? null,
    runs,
    sessions: addSessions(p.sessions, m.tail),
    series,
    endedAt: now,
  };
}

/** The program after Stop or the time limit ended it. */
export function programStopped(p: ProgramState, reason: string, now: number): ProgramState {
  return { ...p, status: "stopped", stopReason: reason, runs: { ...p.runs }, endedAt: now };
}
