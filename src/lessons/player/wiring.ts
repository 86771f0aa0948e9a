/**
 * Connects the lesson player to the app at start-up: every Run of a lesson is checked (by the
 * check worker, with the run's seed), a stopped run stops its check, the learner's code is
 * remembered per lesson, and the address bar follows the open lesson and task.
 */
import { warmUpLanguage } from "../../app/actions";
import { shareUrl } from "../../share/codec";
import { useStore } from "../../store";
import { lessonPageUrl, openLessonRoute } from "./actions";
import { checksIn, languageOf } from "../language";
import { cancelLessonChecks, lessonChecker } from "./checker";
import { parseLessonRoute } from "./route";
import { checkingStarted, checkingStopped, openLesson, recordOutcomes, rememberCode, useLessons } from "./store";

export function installLessonPlayer(): void {
  checkEveryRun();
  warmUpPythonInLessons();
  rememberLessonCode();
  followInAddressBar();
  window.addEventListener("hashchange", (event) => {
    // The hash this event is about: the address bar may have been rewritten since (keepInStep).
    const route = parseLessonRoute(hashOf(event));
    if (route) openLessonRoute(route);
  });
}

function checkEveryRun(): void {
  useStore.subscribe(
    (s) => s.program.runId,
    (runId) => {
      const lesson = openLesson();
      const app = useStore.getState();
      if (!lesson || app.program.status !== "running" || app.program.seed === null) return;
      checkingStarted();
      // The checks of the language the program is in (a lesson without it: TypeScript's).
      const language = app.editor.language;
      const tasks = lesson.tasks.map((t) => ({ task: t.id, checks: checksIn(t, languageOf(lesson, language)) }));
      void lessonChecker(language)
        .check(app.editor.code, app.program.seed, tasks, app.ui.timeLimitSec)
        .then((reply) => {
          // A newer run, or another lesson, makes this check's outcome stale.
          if (reply === null || useStore.getState().program.runId !== runId || openLesson()?.id !== lesson.id) return;
          recordOutcomes(lesson.id, reply.outcomes);
        });
    },
  );
  useStore.subscribe(
    (s) => s.program.status,
    (status) => {
      if (status !== "stopped") return;
      cancelLessonChecks();
      checkingStopped();
    },
  );
}

/**
 * A lesson opened in Python starts loading Python at once, for the program and for its check
 * (a Run soon follows, and each boots a Pyodide of its own).
 */
function warmUpPythonInLessons(): void {
  const warm = () => {
    const s = useStore.getState();
    if (s.lessons.open === null || s.editor.language !== "python") return;
    warmUpLanguage("python");
    lessonChecker("python").prepare();
  };
  useStore.subscribe((s) => [s.editor.language, s.lessons.open?.lessonId] as const, warm, { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] });
  warm();
}

function rememberLessonCode(): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: (() => void) | null = null;
  /** The lesson and language of the pending save (a draft is kept per language). */
  let pendingKey: string | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const save = pending;
    pending = null;
    pendingKey = null;
    save?.();
  };
  useStore.subscribe(
    (s) => s.editor.code,
    (code) => {
      const lesson = openLesson();
      if (!lesson) return;
      const language = useStore.getState().editor.language;
      // Typing in one lesson (or language), then opening another within the delay: the first is saved now.
      const key = `${language}:${lesson.id}`;
      if (pendingKey !== key) flush();
      if (timer !== null) clearTimeout(timer);
      pendingKey = key;
      pending = () => rememberCode(lesson.id, code, language);
      // Typing is saved a moment later; a Run or leaving the page saves at once, so a reload
      // right after a quick run cannot lose the code.
      timer = setTimeout(flush, 250);
    },
  );
  useStore.subscribe((s) => s.program.runId, flush);
  window.addEventListener("pagehide", flush);
}

function followInAddressBar(): void {
  useLessons.subscribe(
    (s) => s.open,
    (open) => {
      let url = lessonPageUrl(location.href, false);
      if (url === null && open === null) {
        // Leaving a lesson: the address shows the code again, as outside lessons.
        const s = useStore.getState();
        url = shareUrl(location.href, { code: s.editor.code, seed: s.program.seed ?? s.editor.seed, run: null, language: s.editor.language });
      }
      if (url !== null && url !== location.href) history.replaceState(null, "", url);
    },
    { equalityFn: (a, b) => a?.lessonId === b?.lessonId && a?.taskId === b?.taskId },
  );
}

/** The hash a hashchange event changed to (`location.hash` may have moved on since). */
export function hashOf(event: HashChangeEvent): string {
  try {
    return new URL(event.newURL).hash;
  } catch {
    return location.hash;
  }
}
