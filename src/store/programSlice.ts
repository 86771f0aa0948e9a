/**
 * The program slice: what the current (or last) program run produced. The worker client
 * feeds it batches; everything else only reads it.
 */
import type { StateCreator } from "zustand";
import type { DiagnosticEvent, EndEvent, NodeEvent, ProgramError } from "../runner/events";
import type { ScalarSeries as RunnerSeries, SummaryBatch } from "../runner/summarize";
import type { ConsoleLine, ConsoleState } from "./consoleLines";
import { emptyRuns, mergeAggregates, type RunEntry, type RunsStore } from "./runs";

/** One scalar fetch's values over the runs, downsampled: xs are run indices. */
export interface ScalarSeries {
  key: string;
  tensor: string;
  line: number | null;
  xs: number[];
  ys: number[];
}

export type ProgramStatus = "idle" | "running" | "done" | "error" | "stopped";

export interface ProgramState {
  status: ProgramStatus;
  /** Id of the current run; messages of other runs are dropped. 0 before the first run. */
  runId: number;
  /** The seed of the run (known when it ends, or when it was asked for). */
  seed: number | null;
  /** The program's text as it was run (the editor may have changed since): its lines name things. */
  source: string;
  /** Every op the program created, in creation order (grows while the program runs). */
  nodes: NodeEvent[];
  runs: RunsStore;
  /** True once runs past the first 1,000 were summarized (later full runs are the tail). */
  runsOmitted: boolean;
  runCount: number;
  /** Ops created but not sent (the summarizer caps node events; a bigger graph is unreadable). */
  nodesOmitted: number;
  diagnostics: DiagnosticEvent[];
  error: ProgramError | null;
  /** Session ids in order of first run. */
  sessions: number[];
  /** Downsampled scalar fetch values over the runs (e.g. the loss), by series key. */
  series: Record<string, ScalarSeries>;
  /** Why the run stopped, when status is "stopped" ("Stopped" or the time limit). */
  stopReason: string | null;
  /** Why the page dropped a message of this run's worker (it did not fit the protocol), if it did. */
  dropped: string | null;
  startedAt: number | null;
  endedAt: number | null;
  /**
   * The last earlier program that charted a series (its own `previous` dropped), for the chart
   * to overlay: re-running with another learning rate compares the two losses.
   */
  previous: ProgramState | null;
  /**
   * Before the first Run: the graph the editor's program would build (a build-only pass) and
   * the text it was built from; null once a program runs.
   */
  preview: { nodes: NodeEvent[]; source: string } | null;
}

export interface ProgramSlice {
  program: ProgramState;
}

export function initialProgram(): ProgramState {
  return {
    status: "idle",
    runId: 0,
    seed: null,
    source: "",
    nodes: [],
    runs: emptyRuns(),
    runsOmitted: false,
    runCount: 0,
    nodesOmitted: 0,
    diagnostics: [],
    error: null,
    sessions: [],
    series: {},
    stopReason: null,
    dropped: null,
    startedAt: null,
    endedAt: null,
    previous: null,
    preview: null,
  };
}

export const createProgramSlice: StateCreator<ProgramSlice, [], [], ProgramSlice> = () => ({
  program: initialProgram(),
});

/** A fresh running program (the previous run's results are cleared). */
export function programStarted(runId: number, seed: number | null, now: number, source = "", before: ProgramState | null = null): ProgramState {
  return { ...initialProgram(), status: "running", runId, seed, source, startedAt: now, previous: before === null ? null : previousOf(before) };
}

/** What a new program keeps of `p` for comparison: `p` if it charted a curve, else what `p` kept. */
function previousOf(p: ProgramState): ProgramState | null {
  return Object.values(p.series).some((s) => s.xs.length >= 2) ? { ...p, previous: null } : p.previous;
}

function addSessions(sessions: number[], runs: readonly { session: number }[]): number[] {
  const missing: number[] = [];
  for (const r of runs) if (!sessions.includes(r.session) && !missing.includes(r.session)) missing.push(r.session);
  return missing.length ? sessions.concat(missing) : sessions;
}

/** The runner's series (by fetched tensor) as the chart keeps them. */
function seriesOf(s: RunnerSeries): ScalarSeries {
  return { key: s.name, tensor: s.name, line: null, xs: s.x, ys: s.y };
}

/** What one batch adds to the program and to the console (pure). */
export function afterBatch(p: ProgramState, c: ConsoleState, b: SummaryBatch, now: number): { program: ProgramState; console: ConsoleState } {
  const nodes: NodeEvent[] = [];
  const head: RunEntry[] = [];
  const tail: RunEntry[] = [];
  const headLines: ConsoleLine[] = [];
  const tailLines: RawLine[] = [];
  const diagnostics: DiagnosticEvent[] = [];
  let runsOmitted = p.runsOmitted;
  let linesOmitted = c.omittedSeen;
  let end: EndEvent | null = null;
  for (const item of b.items) {
    switch (item.type) {
      case "node":
        nodes.push(item);
        break;
      case "run":
        (runsOmitted ? tail : head).push(item as RunEntry);
        break;
      case "stdout":
      case "stderr":
        if (linesOmitted) tailLines.push({ kind: item.type, text: item.text });
        else headLines.push({ n: c.head.length + headLines.length, kind: item.type, text: item.text });
        break;
      case "diagnostic":
        diagnostics.push(item);
        break;
      case "omitted":
        if (item.what === "runs") runsOmitted = true;
        else linesOmitted = true;
        break;
      case "end":
        end = item;
        break;
    }
  }

  const total = b.counts.lines;
  const number = (lines: readonly RawLine[]): ConsoleLine[] => lines.map((l, k) => ({ n: total - lines.length + k, kind: l.kind, text: l.text }));
  // While running, the held-back lines are previewed by the newest few; the final batch has the real tail.
  const consoleTail = b.final ? number(tailLines) : b.recent_lines.length ? number(b.recent_lines.map((l) => ({ kind: l.type, text: l.text }))) : c.tail;
  const console: ConsoleState = {
    head: headLines.length ? c.head.concat(headLines) : c.head,
    tail: consoleTail,
    total,
    omittedSeen: linesOmitted,
  };

  const kept = head.concat(tail);
  const runs: RunsStore = {
    head: head.length ? p.runs.head.concat(head) : p.runs.head,
    tail: tail.length ? p.runs.tail.concat(tail) : p.runs.tail,
    tailStart: p.runs.tail.length ? p.runs.tailStart : tail.length ? tail[0].index : b.counts.runs,
    middle: mergeAggregates(p.runs.middle, b.aggregates),
    latest: b.final ? null : ((b.latest_run as RunEntry | null) ?? p.runs.latest),
  };
  let series = p.series;
  if (b.series.length) {
    series = { ...series };
    for (const s of b.series) series[s.name] = seriesOf(s);
  }
  let program: ProgramState = {
    ...p,
    nodes: nodes.length ? p.nodes.concat(nodes) : p.nodes,
    runs,
    runsOmitted,
    runCount: b.counts.runs,
    diagnostics: diagnostics.length ? p.diagnostics.concat(diagnostics) : p.diagnostics,
    sessions: addSessions(p.sessions, runs.latest ? [...kept, runs.latest] : kept),
    series,
    nodesOmitted: b.counts.nodes_omitted,
  };
  if (end) program = { ...program, status: end.ok ? "done" : "error", seed: end.seed, error: end.error ?? null, endedAt: now };
  return { program, console };
}

interface RawLine {
  kind: ConsoleLine["kind"];
  text: string;
}

/** The program after Stop or the time limit ended it. */
export function programStopped(p: ProgramState, reason: string, now: number): ProgramState {
  return { ...p, status: "stopped", stopReason: reason, endedAt: now };
}
