/**
 * The learner's language for lessons, kept in localStorage: a learner who chose Python finds
 * every lesson in Python the next time too, even one opened from a link.
 */
import type { LessonLanguage } from "../lesson";

const KEY = "tf-playground:lesson-language";

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** The saved choice, or null (none saved, or storage unavailable). */
export function loadLessonLanguage(store: Storage | null = storage()): LessonLanguage | null {
  try {
    const v = store?.getItem(KEY);
    return v === "python" || v === "typescript" ? v : null;
  } catch {
    return null;
  }
}

/** Saves the choice (quietly: without storage, it lasts for the visit). */
export function saveLessonLanguage(language: LessonLanguage, store: Storage | null = storage()): void {
  try {
    store?.setItem(KEY, language);
  } catch {
    // Storage full or disabled: the choice lives in memory for this visit.
  }
}
