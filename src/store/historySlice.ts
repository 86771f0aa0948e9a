/**
 * The history slice: the copies of the learner's programs the History menu lists, and what the
 * page could not save (so that a full storage is said, never silent). Its actions live with the
 * history (src/history/programHistory.ts).
 */
import type { HistoryEntry } from "../history/snapshot";

export interface HistoryState {
  /** Newest first. */
  entries: readonly HistoryEntry[];
  /** What could not be saved ("your code", "the history", ...) → why, as a phrase. */
  problems: Readonly<Record<string, string>>;
}

export interface HistorySlice {
  history: HistoryState;
}

export function createHistorySlice(): HistorySlice {
  return { history: { entries: [], problems: {} } };
}
