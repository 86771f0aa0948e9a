/** A saved copy of the learner's program, and how the History menu describes it. */
import type { ProgramLanguage } from "../store/editorSlice";

/** What was about to happen when the copy was taken. */
export type SnapshotReason = "run" | "link" | "lesson" | "leave" | "restore" | "reset" | "solution";

export interface Snapshot {
  /** IndexedDB's key (absent until stored). */
  id?: number;
  /** When it was taken (ms since 1970). */
  time: number;
  code: string;
  reason: SnapshotReason;
  /** The lesson whose code it was, or null for the playground's. */
  lesson: string | null;
  /** The program's language (absent in copies taken before Python mode: TypeScript). */
  language?: ProgramLanguage;
}

/** A snapshot in the page's list: a key for the menu, and whether it reached storage. */
export interface HistoryEntry extends Snapshot {
  key: number;
  stored: boolean;
}

export const REASON_TEXT: Record<SnapshotReason, string> = {
  run: "before a run",
  link: "before a link replaced it",
  lesson: "before a lesson replaced it",
  leave: "when the page was closed",
  restore: "before a restore replaced it",
  reset: "before a reset to the starter",
  solution: "before a solution replaced it",
};

/** The program's first line that says something (not blank), shortened for a menu. */
export function firstLine(code: string, max = 60): string {
  for (const raw of code.split("\n", 200)) {
    const line = raw.trim();
    if (line !== "") return line.length > max ? `${line.slice(0, max - 1)}…` : line;
  }
  return "(empty)";
}

/** "14:05" today, "Mon 14:05" this week, "3 Dec 14:05" before, in the reader's locale. */
export function whenText(time: number, now = Date.now()): string {
  const d = new Date(time);
  const hm = d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  const today = new Date(now);
  if (d.toDateString() === today.toDateString()) return hm;
  if (now - time < 6 * 24 * 3600 * 1000 && time <= now) return `${d.toLocaleDateString(undefined, { weekday: "short" })} ${hm}`;
  return `${d.toLocaleDateString(undefined, { day: "numeric", month: "short", ...(d.getFullYear() === today.getFullYear() ? {} : { year: "numeric" }) })} ${hm}`;
}
