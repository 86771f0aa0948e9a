/**
 * Which program the editor holds: the playground's own, or the open lesson's. They are kept
 * apart, so opening a lesson never overwrites the playground's saved code: while a lesson is
 * open its code is the lesson's (saved with the lesson's progress); leaving the lesson puts
 * the playground's code back.
 *
 * The playground's code is saved to localStorage as it is typed; a save that fails is reported
 * (reportSaveProblem), and the code stays in memory for the rest of the visit.
 */
import { saveCode } from "../share/persistence";
import { setCode, setLanguage, useStore } from "../store";
import type { ProgramLanguage } from "../store/editorSlice";
import { reportSaveProblem } from "./programHistory";

/** The playground's code, whatever the editor shows now. */
let playgroundCode = "";
/** Whether it is the learner's own or ours (EditorState.trusted). */
let playgroundTrusted = false;
/** Its language. */
let playgroundLanguage: ProgramLanguage = "typescript";
let saveTimer: ReturnType<typeof setTimeout> | null = null;

const inLesson = (): boolean => useStore.getState().lessons.open !== null;

/**
 * Starts keeping the two apart.
 * @param initialPlaygroundCode the playground's code at start-up (the editor may already hold
 *   a lesson's, when the page was opened on a lesson link)
 * @param initialTrusted whether that code is the learner's own or ours (EditorState.trusted)
 */
export function installWorkspace(initialPlaygroundCode: string, initialTrusted = false, initialLanguage: ProgramLanguage = "typescript"): void {
  playgroundCode = inLesson() ? initialPlaygroundCode : useStore.getState().editor.code;
  playgroundTrusted = inLesson() ? initialTrusted : useStore.getState().editor.trusted;
  playgroundLanguage = inLesson() ? initialLanguage : useStore.getState().editor.language;
  useStore.subscribe(
    (s) => [s.editor.code, s.editor.language] as const,
    ([code, language]) => {
      if (inLesson()) return;
      playgroundCode = code;
      playgroundTrusted = useStore.getState().editor.trusted;
      playgroundLanguage = language;
      if (saveTimer !== null) clearTimeout(saveTimer);
      saveTimer = setTimeout(savePlayground, 250);
    },
    { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
  );
  useStore.subscribe(
    (s) => s.lessons.open?.lessonId ?? null,
    (lesson, before) => {
      // Leaving a lesson (back to the list, or closing the pane): the playground's code returns.
      if (lesson === null && before !== null) {
        setCode(playgroundCode, playgroundTrusted);
        setLanguage(playgroundLanguage);
      }
    },
  );
  window.addEventListener("pagehide", savePlayground);
}

/** Saves the playground's code now (before a Run, or when the page is closed). */
export function savePlayground(): void {
  if (saveTimer !== null) clearTimeout(saveTimer);
  saveTimer = null;
  reportSaveProblem("your code", saveCode(playgroundCode, playgroundTrusted, playgroundLanguage) ? null : "the browser's storage for this page is full or turned off");
}
