/**
 * The page's history of the learner's programs (ProgramHistory over IndexedDB), wired to the
 * store: copies are taken before a Run, before a link or a lesson replaces the editor's text,
 * before a restore, and when the page is closed; the History menu restores any of them.
 *
 * Closing the page leaves no time for IndexedDB, so the last copy is also written to
 * localStorage at once and moved into the history on the next visit.
 */
import { setCode, setLanguage, showBanner, useStore } from "../store";
import type { ProgramLanguage } from "../store/editorSlice";
import { indexedDbStore } from "./db";
import { ProgramHistory } from "./history";
import type { Snapshot, SnapshotReason } from "./snapshot";

const PENDING_KEY = "tf-playground:pending-snapshot";

let history: ProgramHistory | null = null;

function instance(): ProgramHistory {
  return (history ??= new ProgramHistory(indexedDbStore(), {
    entries: (entries) => useStore.setState((s) => ({ history: { ...s.history, entries } })),
    problem: (message) => reportSaveProblem("the history of your programs", message),
  }));
}

/** The lesson whose code the editor holds, or null for the playground. */
function currentLesson(): string | null {
  return useStore.getState().lessons.open?.lessonId ?? null;
}

/**
 * Takes a copy of the editor's text (or of `code`) before something replaces it.
 * @example
 * takeSnapshot("run");
 */
export function takeSnapshot(
  reason: SnapshotReason,
  code = useStore.getState().editor.code,
  lesson = currentLesson(),
  language: ProgramLanguage = useStore.getState().editor.language,
): void {
  instance().take(code, reason, lesson, undefined, language);
}

/** Puts a copy back in the editor, after taking a copy of what is there. */
export function restoreSnapshot(key: number): void {
  const entry = instance().find(key);
  if (!entry) return;
  takeSnapshot("restore");
  // An entry may be a link's code: it is not built before it runs.
  setCode(entry.code, false);
  setLanguage(entry.language ?? "typescript");
}

/**
 * Records that something could not be saved (`message`: why), or that it can again (null).
 * A new problem shows a banner once; the toolbar's warning stays while any problem lasts.
 */
export function reportSaveProblem(what: string, message: string | null): void {
  const problems = useStore.getState().history.problems;
  if ((problems[what] ?? null) === message) return;
  const next = { ...problems };
  if (message === null) delete next[what];
  else next[what] = message;
  useStore.setState((s) => ({ history: { ...s.history, problems: next } }));
  if (message !== null) showBanner({ kind: "warning", text: saveProblemText(what, message) });
}

/** The sentence for a save problem: what, why, and what the learner can do. */
export function saveProblemText(what: string, why: string): string {
  return `Could not save ${what}: ${why}. What is in the editor is kept while this page is open; copy it (Share) before closing the page, or free some storage in the browser's site settings.`;
}

/** Loads the stored history, takes in the copy left by the last visit, and copies on closing. */
export function installHistory(): void {
  const h = instance();
  const pending = readPending();
  if (pending) h.take(pending.code, pending.reason, pending.lesson, pending.time, pending.language ?? "typescript");
  void h.load();
  // The page may be discarded after this without another chance (mobile): a copy goes to
  // IndexedDB while there is time, and one to localStorage in case there is not.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") takeSnapshot("leave");
  });
  window.addEventListener("pagehide", () => writePending());
}

function writePending(): void {
  const s = useStore.getState();
  const snapshot: Snapshot = { time: Date.now(), code: s.editor.code, reason: "leave", lesson: currentLesson(), language: s.editor.language };
  try {
    localStorage.setItem(PENDING_KEY, JSON.stringify(snapshot));
  } catch {
    // Nowhere to put it: the code itself was saved as it was typed (or its problem shown).
  }
}

function readPending(): Snapshot | null {
  try {
    const raw = localStorage.getItem(PENDING_KEY);
    localStorage.removeItem(PENDING_KEY);
    const v = raw === null ? null : (JSON.parse(raw) as Partial<Snapshot>);
    if (!v || typeof v.code !== "string" || typeof v.time !== "number") return null;
    return { time: v.time, code: v.code, reason: "leave", lesson: typeof v.lesson === "string" ? v.lesson : null, language: v.language === "python" ? "python" : "typescript" };
  } catch {
    return null;
  }
}
