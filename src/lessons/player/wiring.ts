/**
 * Connects the lesson player to the app at start-up: every Run of a lesson is checked (by the
 * check worker, with the run's seed), a stopped run stops its check, the learner's code is
 * remembered per lesson, and the address bar follows the open lesson and task.
 */
import { shareUrl } from "../../share/codec";
import { useStore } from "../../store";
import { lessonPageUrl, openLessonRoute } from "./actions";
import { lessonChecker } from "./checker";
import { parseLessonRoute } from "./route";
import { checkingStarted, checkingStopped, openLesson, recordOutcomes, rememberCode, useLessons } from "./store";

export function installLessonPlayer(): void {
  checkEveryRun();
  rememberLessonCode();
  followInAddressBar();
  window.addEventListener("hashchange", () => {
    const route = parseLessonRoute(location.hash);
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
      const tasks = lesson.tasks.map((t) => ({ task: t.id, checks: t.checks }));
      void lessonChecker()
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
      lessonChecker().cancel();
      checkingStopped();
    },
  );
}

function rememberLessonCode(): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: (() => void) | null = null;
  let pendingLesson: string | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const save = pending;
    pending = null;
    pendingLesson = null;
    save?.();
  };
  useStore.subscribe(
    (s) => s.editor.code,
    (code) => {
      const lesson = openLesson();
      if (!lesson) return;
      // Typing in one lesson, then opening another within the delay: the first is saved now.
      if (pendingLesson !== lesson.id) flush();
      if (timer !== null) clearTimeout(timer);
      pendingLesson = lesson.id;
      pending = () => rememberCode(lesson.id, code);
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
        url = shareUrl(location.href, { code: s.editor.code, seed: s.program.seed ?? s.editor.seed, run: null });
      }
      if (url !== null && url !== location.href) history.replaceState(null, "", url);
    },
    { equalityFn: (a, b) => a?.lessonId === b?.lessonId && a?.taskId === b?.taskId },
  );
}
