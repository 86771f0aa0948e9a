/**
 * The app's one store, made of typed slices (zustand). Components read it through selectors
 * (`useStore((s) => s.program.status)`); non-React code (the worker client, the editor glue)
 * calls the plain actions exported below; fast streams subscribe with `useStore.subscribe`.
 *
 * Shape:
 *   program.status       'idle' | 'running' | 'done' | 'error' | 'stopped'
 *   program.runId        id of the current run (messages of other runs are dropped)
 *   program.seed         the run's seed (reported when it ends)
 *   program.source       the program's text as it was run
 *   program.nodes        NodeEvent[] in creation order, growing while the program runs
 *   program.runs         RunsStore: full records (RunEntry = RunEvent + memory) of the first
 *                        1,000 (`head`) and last 1,000 (`tail`, from `tailStart`) runs, the
 *                        runner's per-path aggregates of the runs in between (`middle`), and
 *                        `latest` while running; read one with `runAt(program.runs, i)`
 *   program.runCount     total sess.run calls so far
 *   program.diagnostics  DiagnosticEvent[] (teaching hints)
 *   program.error        the program's uncaught error (ProgramError) or null
 *   program.sessions     session ids in order of first run (memory: RunEntry.memory)
 *   program.series       downsampled scalar fetch values by key (for the chart)
 *   program.previous     the last earlier program that charted a curve (the chart overlays it)
 *   program.preview      before the first Run: {nodes, source} of a build-only pass (src/app/preview.ts)
 *   console              { head, tail, total }: first 1,000 / last 5,000 output lines
 *   selection.run        selected run index (default: first failed run, else the last run)
 *   selection.node       selected op name | null
 *   selection.line       the editor's cursor line | null
 *   selection.hoverNode  op name hovered elsewhere (lesson prose) | null
 *   selection.step       the graph stepper's position in the selected run's path | null
 *   editor.code / seed   the program text and the seed to run it with
 *   editor.trusted       whether the text is the learner's own or ours (never a link's)
 *   ui                   theme, time limit, chart scale / smoothing / comparison, the graph's
 *                        Values and Shapes toggles, banner
 *   layout               where the graph is (docked, maximized, popped out), the lesson rail,
 *                        the narrow layout's tab, Tab-moves-focus, the welcome
 *   history              copies of the learner's programs (the History menu) and what could
 *                        not be saved (src/store/historySlice.ts; actions: src/history/)
 *   lessons              the lesson player's state (src/store/lessonsSlice.ts; its actions:
 *                        src/lessons/player/store.ts): open lesson and task, hints, solutions,
 *                        check outcomes, progress
 *
 * Actions: selectRun(i), selectNode(name|null), setCursorLine(n|null), hoverNode(name|null),
 * setStep(i|null),
 * and the run lifecycle (runStarted, applyBatch, runStopped) the worker client calls.
 */
import { create } from "zustand";
import { subscribeWithSelector } from "zustand/middleware";
import type { NodeEvent } from "../runner/events";
import { runSequence } from "../runner/run_sequence";
import type { BatchMessage } from "../worker/protocol";
import { emptyConsole } from "./consoleLines";
import { aggregateAt, runAt } from "./runs";
import { createConsoleSlice, type ConsoleSlice } from "./consoleSlice";
import { createEditorSlice, type EditorSlice } from "./editorSlice";
import { afterBatch, createProgramSlice, programStarted, programStopped, type ProgramSlice } from "./programSlice";
import { clampRun, createSelectionSlice, defaultRun, type SelectionSlice } from "./selectionSlice";
import { createUiSlice, type Banner, type ThemePreference, type UiSlice } from "./uiSlice";
import { createLessonsSlice, type LessonsSlice } from "./lessonsSlice";
import { createLayoutSlice, type CompactTab, type GraphPlacement, type LayoutSlice, type LayoutState } from "./layoutSlice";
import { createHistorySlice, type HistorySlice } from "./historySlice";

export type AppState = ProgramSlice & SelectionSlice & ConsoleSlice & EditorSlice & UiSlice & LessonsSlice & LayoutSlice & HistorySlice;

export const useStore = create<AppState>()(
  subscribeWithSelector((...a) => ({
    ...createProgramSlice(...a),
    ...createSelectionSlice(...a),
    ...createConsoleSlice(...a),
    ...createEditorSlice(...a),
    ...createUiSlice(...a),
    ...createLessonsSlice(),
    ...createLayoutSlice(...a),
    ...createHistorySlice(),
  })),
);

const set = useStore.setState;
const get = useStore.getState;

/* ---------- selection ---------- */

/** Selects run `i` (clamped to the runs there are) and stops following new runs. */
export function selectRun(i: number | null): void {
  const s = get();
  const run = i === null ? null : clampRun(i, s.program.runCount);
  set({ selection: { ...s.selection, run, runPinned: i !== null, step: run === s.selection.run ? s.selection.step : null } });
}

/**
 * Shows step `i` of the selected run's path (clamped to it), or the whole run (null).
 * Stepping pins the run, so a program still running does not move it away.
 */
export function setStep(i: number | null): void {
  const s = get();
  const path = selectedPath(s);
  if (i === null || path.length === 0) {
    if (s.selection.step !== null) set({ selection: { ...s.selection, step: null } });
    return;
  }
  const step = Math.min(Math.max(0, Math.trunc(i)), path.length - 1);
  if (step !== s.selection.step || !s.selection.runPinned) set({ selection: { ...s.selection, step, runPinned: s.selection.run !== null } });
}

/**
 * The selected run's ops in the stepper's order (its path, or every visit of a run with a
 * while loop's trace), from its full record or its aggregate; [] if none.
 */
export function selectedPath(s: AppState): readonly string[] {
  const i = s.selection.run;
  if (i === null) return [];
  const run = runAt(s.program.runs, i) ?? aggregateAt(s.program.runs, i);
  return run === undefined ? [] : runSequence(run);
}

/** The op the stepper shows, or null when not stepping. */
export function stepOp(s: AppState): string | null {
  return s.selection.step === null ? null : selectedPath(s)[s.selection.step] ?? null;
}

export function selectNode(name: string | null): void {
  set((s) => (s.selection.node === name ? s : { selection: { ...s.selection, node: name } }));
}

export function setCursorLine(line: number | null): void {
  set((s) => (s.selection.line === line ? s : { selection: { ...s.selection, line } }));
}

export function hoverNode(name: string | null): void {
  set((s) => (s.selection.hoverNode === name ? s : { selection: { ...s.selection, hoverNode: name } }));
}

/** Moves the run selection by `delta` (keyboard / stepper). */
export function stepRun(delta: number): void {
  const s = get();
  const from = s.selection.run ?? (delta > 0 ? -1 : s.program.runCount);
  selectRun(from + delta);
}

/** Selects the first failed run, if any. Returns whether there was one. */
export function selectFirstError(): boolean {
  const s = get();
  const i = defaultRun(s.program.runs, 0);
  if (i === null) return false;
  selectRun(i);
  return true;
}

/* ---------- run lifecycle (called by the worker client) ---------- */

/** A new run of `source` started: previous results are cleared, the selection follows the new runs. */
export function runStarted(runId: number, seed: number | null, now = Date.now(), source = ""): void {
  set((s) => ({
    program: programStarted(runId, seed, now, source, s.program),
    console: emptyConsole(),
    selection: { ...s.selection, run: null, runPinned: false, node: s.selection.node, step: null },
  }));
}

function followRuns(s: AppState, program: AppState["program"]): AppState["selection"] {
  if (s.selection.runPinned) return s.selection;
  const run = defaultRun(program.runs, program.runCount);
  return run === s.selection.run ? s.selection : { ...s.selection, run, step: null };
}

/**
 * Applies a worker batch (the runner's SummaryBatch); stale runs' batches are ignored. The
 * final batch ends the run. Returns whether it applied.
 */
export function applyBatch(m: BatchMessage, now = Date.now()): boolean {
  const s = get();
  if (m.runId !== s.program.runId || s.program.status !== "running") return false;
  const { program, console } = afterBatch(s.program, s.console, m.batch, now);
  set({ program, console, selection: followRuns(s, program) });
  return true;
}

/** Stop or the time limit ended the run; what arrived so far stays. */
export function runStopped(runId: number, reason: string, now = Date.now()): boolean {
  const s = get();
  if (runId !== s.program.runId || s.program.status !== "running") return false;
  set({ program: programStopped(s.program, reason, now) });
  return true;
}

/**
 * The worker of run `runId` sent a message that does not fit the protocol: it was dropped,
 * and the console says so (once per run; the run goes on).
 */
export function reportProtocolError(runId: number, error: string): void {
  const s = get();
  console.warn(`Dropped a message from the program worker: ${error}`);
  if (runId !== s.program.runId || s.program.dropped !== null) return;
  set({ program: { ...s.program, dropped: error } });
}

/**
 * Shows a given graph as if a program had made it (benchmarks and graph demos): a finished
 * program with these nodes and no runs.
 */
export function showNodes(nodes: NodeEvent[], now = Date.now()): void {
  const runId = get().program.runId + 1;
  set((s) => ({
    program: { ...programStarted(runId, null, now), status: "done", nodes, endedAt: now },
    console: emptyConsole(),
    selection: { ...s.selection, run: null, runPinned: false, node: null, step: null },
  }));
}

/* ---------- editor and ui ---------- */

/**
 * Sets the program text. `trusted` says where it came from (see EditorState.trusted): not
 * trusted unless said; `"typed"` (the learner's typing) keeps the trust of the text it was
 * edited from — text typed into an empty editor is the learner's own.
 */
export function setCode(code: string, trusted: boolean | "typed" = false): void {
  set((s) => {
    const t = trusted === "typed" ? s.editor.trusted || s.editor.code.trim() === "" : trusted;
    return s.editor.code === code && s.editor.trusted === t ? s : { editor: { ...s.editor, code, trusted: t } };
  });
}

/** The graph a program would build, shown before the first Run (null: none). */
export function setPreview(preview: { nodes: NodeEvent[]; source: string } | null): void {
  set((s) => (s.program.runId !== 0 || s.program.preview === preview ? s : { program: { ...s.program, preview } }));
}

/** The program's language (the toolbar's switch). */
export function setLanguage(language: "typescript" | "python"): void {
  set((s) => (s.editor.language === language ? s : { editor: { ...s.editor, language } }));
}

export function setSeed(seed: number | null): void {
  set((s) => ({ editor: { ...s.editor, seed } }));
}

export function setTheme(theme: ThemePreference): void {
  set((s) => ({ ui: { ...s.ui, theme } }));
}

export function setTimeLimit(sec: number): void {
  set((s) => ({ ui: { ...s.ui, timeLimitSec: Math.max(0, sec) } }));
}

export function setSystemDark(systemDark: boolean): void {
  set((s) => (s.ui.systemDark === systemDark ? s : { ui: { ...s.ui, systemDark } }));
}

export function setChartLog(chartLog: boolean): void {
  set((s) => ({ ui: { ...s.ui, chartLog } }));
}

/** TensorBoard's smoothing weight, clamped to [0, 0.99]. */
export function setChartSmoothing(w: number): void {
  const chartSmoothing = Number.isFinite(w) ? Math.min(0.99, Math.max(0, w)) : 0;
  set((s) => ({ ui: { ...s.ui, chartSmoothing } }));
}

export function setChartCompare(chartCompare: boolean): void {
  set((s) => ({ ui: { ...s.ui, chartCompare } }));
}

export function setGraphValues(graphValues: boolean): void {
  set((s) => ({ ui: { ...s.ui, graphValues } }));
}

export function setGraphShapes(graphShapes: boolean): void {
  set((s) => ({ ui: { ...s.ui, graphShapes } }));
}

export function showBanner(banner: Banner | null): void {
  set((s) => ({ ui: { ...s.ui, banner } }));
}

/* ---------- layout ---------- */

function setLayout(patch: Partial<LayoutState>): void {
  set((s) => (Object.entries(patch).every(([k, v]) => s.layout[k as keyof LayoutState] === v) ? s : { layout: { ...s.layout, ...patch } }));
}

export function setGraphPlacement(graph: GraphPlacement): void {
  setLayout({ graph });
}

/** The `G` key and the toolbar's toggle: the graph fills the workspace, or goes back to its pane. */
export function toggleMaximizedGraph(): void {
  const now = get().layout.graph;
  if (now !== "popped") setGraphPlacement(now === "maximized" ? "docked" : "maximized");
}

export function setLessonRail(lessonRail: boolean): void {
  setLayout({ lessonRail });
}

export function showTab(tab: CompactTab): void {
  setLayout({ tab });
}

export function setTabMovesFocus(tabMovesFocus: boolean): void {
  setLayout({ tabMovesFocus });
}

export function setWelcome(welcome: boolean): void {
  setLayout({ welcome });
}

/** Asks the failed run's explanation card to open and take focus (and shows the graph on a phone). */
export function requestExplanation(): void {
  set((s) => ({ layout: { ...s.layout, explainRequest: s.layout.explainRequest + 1, tab: "graph" } }));
}

export { runAt, aggregateAt, keptIndices, distinctPaths, firstFailed, HEAD_RUNS, TAIL_RUNS } from "./runs";
export type { RunEntry, PathAggregate, RunsStore } from "./runs";
export { omittedLines } from "./consoleLines";
export type { ConsoleKind, ConsoleLine, ConsoleState } from "./consoleLines";
export type { ProgramState, ProgramStatus, ScalarSeries } from "./programSlice";
export type { SelectionState } from "./selectionSlice";
export type { Banner, ThemePreference } from "./uiSlice";
export { COMPACT_TABS } from "./layoutSlice";
export type { CompactTab, GraphPlacement, LayoutState } from "./layoutSlice";
export { isDark } from "./uiSlice";
