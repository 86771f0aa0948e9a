/**
 * The selection slice: what the learner is looking at. Shared by the editor, the graph pane,
 * the runs list and the lesson prose, so each can highlight what the others point at.
 */
import type { StateCreator } from "zustand";
import { firstFailed, type RunsStore } from "./runs";

export interface SelectionState {
  /** Selected run index; by default the first failed run, else the last run; null if none. */
  run: number | null;
  /** True once the learner picked a run: then new runs no longer move the selection. */
  runPinned: boolean;
  /** Selected op name. */
  node: string | null;
  /** The editor's cursor line (1-based). */
  line: number | null;
  /** Op name hovered elsewhere (e.g. a node name in lesson prose). */
  hoverNode: string | null;
  /**
   * Stepping through the selected run: the position in its path (execution order) shown, or
   * null for the whole run. Selecting another run ends the stepping.
   */
  step: number | null;
}

export interface SelectionSlice {
  selection: SelectionState;
}

export function initialSelection(): SelectionState {
  return { run: null, runPinned: false, node: null, line: null, hoverNode: null, step: null };
}

export const createSelectionSlice: StateCreator<SelectionSlice, [], [], SelectionSlice> = () => ({
  selection: initialSelection(),
});

/** The run selected by default: the first failed one, else the last one. */
export function defaultRun(runs: RunsStore, runCount: number): number | null {
  const failed = firstFailed(runs);
  if (failed !== undefined) return failed.index;
  return runCount > 0 ? runCount - 1 : null;
}

/** Clamps a run index into [0, runCount), or null when there are no runs. */
export function clampRun(i: number, runCount: number): number | null {
  if (runCount <= 0) return null;
  return Math.min(Math.max(0, Math.trunc(i)), runCount - 1);
}
