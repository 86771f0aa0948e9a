/**
 * What the lesson player does, as plain functions over the lesson store and the app store's
 * exported actions: open a lesson, reset, use a solution, load or export a lesson file, and
 * build lesson links. React components and the start-up code call these.
 */
import { takeSnapshot } from "../../history/programHistory";
import { setCode, setLanguage, showBanner, useStore } from "../../store";
import { hasLanguage, languageOf, solutionIn, starterIn } from "../language";
import type { Lesson, LessonLanguage } from "../lesson";
import { lessonHash, type LessonRoute } from "./route";
import { allLessons, codeFor, ensureBuiltInLessons, lessonById, lessonLanguage, loadCustomLesson, openLesson, rememberCode, setLessonLanguage, shownLanguage, showLesson, showList, useLessons } from "./store";
import { exportLessonText } from "./export";

/**
 * Opens a lesson: its text beside the editor, and the learner's code for it in their language
 * (or `code`, a link's, in `codeLanguage`). A lesson without a version in the learner's
 * language opens in TypeScript (the lesson says so).
 */
export function enterLesson(lessonId: string, taskId: string | null = null, code: string | null = null, codeLanguage: LessonLanguage = "typescript"): boolean {
  if (!lessonById(lessonId)) return false;
  // A copy of what the editor holds (the playground's code, or another lesson's) first.
  takeSnapshot("lesson");
  const lesson = showLesson(lessonId, taskId)!;
  const lang = code !== null ? codeLanguage : languageOf(lesson, lessonLanguage());
  // The language first: the code that follows is saved as that language's draft.
  setLanguage(lang);
  // A link's code, or a lesson from a file or link, is not ours to build before it runs; nor
  // is code remembered for a lesson (it may have come with a lesson link): only its starter
  // and its solutions are.
  const text = code ?? codeFor(lesson, lang);
  setCode(text, code === null && isOurs(lesson, text, lang));
  if (code !== null) rememberCode(lesson.id, code, lang);
  return true;
}

/** Whether `text` is the lesson's own starter or a solution in `lang`, from a built-in lesson. */
function isOurs(lesson: Lesson, text: string, lang: LessonLanguage): boolean {
  return isBuiltIn(lesson.id) && (text === starterIn(lesson, lang) || lesson.tasks.some((t) => solutionIn(lesson, t, lang) === text));
}

/**
 * The learner chose `language` with the Language menu. In a lesson, the lesson follows. The draft in the language left is kept (it comes back when they switch back), and
 * the editor gets their draft in the new language, or its starter. A lesson without that
 * language stays in TypeScript (it says so). Returns false outside lessons (the choice is
 * still remembered for the next lesson).
 */
export function chooseLessonLanguage(language: LessonLanguage): boolean {
  // Chosen in or out of a lesson, it is the language of every lesson from now on.
  setLessonLanguage(language);
  const lesson = openLesson();
  if (!lesson) return false;
  const { code, language: before } = useStore.getState().editor;
  if (before === language || !hasLanguage(lesson, language)) return true;
  rememberCode(lesson.id, code, before);
  setLanguage(language);
  const text = codeFor(lesson, language);
  setCode(text, isOurs(lesson, text, language));
  return true;
}

/** Opens the first lesson ("Start the lessons"), once the lessons are loaded. */
export function startLessons(): void {
  void ensureBuiltInLessons().then(() => {
    const first = allLessons()[0];
    if (first) enterLesson(first.id);
    else showList();
  });
}

/** Back to the lesson list; the editor shows the playground's code again (src/history/workspace.ts). */
export function leaveLesson(): void {
  showList();
}

export function resetToStarter(): void {
  const lesson = openLesson();
  if (!lesson) return;
  takeSnapshot("reset");
  const lang = shownLanguage(lesson);
  setLanguage(lang);
  setCode(starterIn(lesson, lang), isBuiltIn(lesson.id));
  rememberCode(lesson.id, null, lang);
}

export function putSolutionInEditor(taskId: string): void {
  const lesson = openLesson();
  const task = lesson?.tasks.find((t) => t.id === taskId);
  if (!lesson || !task) return;
  takeSnapshot("solution");
  const lang = shownLanguage(lesson);
  setLanguage(lang);
  setCode(solutionIn(lesson, task, lang), isBuiltIn(lesson.id));
}

/** The lesson before or after the open one, in list order. */
export function neighbour(delta: -1 | 1): Lesson | undefined {
  const lesson = openLesson();
  if (!lesson) return undefined;
  const list = allLessons();
  const i = list.findIndex((l) => l.id === lesson.id);
  return i < 0 ? undefined : list[i + delta];
}

/**
 * Opens what a lesson link asks for, once the lessons are loaded (at once if they are).
 * Returns false (and says why) when it cannot; true when it did, or will once they are in.
 */
export function openLessonRoute(route: LessonRoute): boolean {
  if (route.kind === "broken" || useLessons.getState().builtInLoaded) return openLoadedRoute(route);
  void ensureBuiltInLessons().then(() => {
    if (useLessons.getState().builtInLoaded) openLoadedRoute(route);
    else showBanner({ kind: "error", text: "The lessons could not be loaded. Reload the page to try again." });
  });
  return true;
}

/** Opens what a lesson link asks for, the built-in lessons being loaded. */
function openLoadedRoute(route: LessonRoute): boolean {
  if (route.kind === "broken") {
    showBanner({ kind: "error", text: `This lesson link could not be opened. ${route.reason}` });
    return false;
  }
  if (route.kind === "custom") {
    const lesson = loadCustomLesson(route.text, "the lesson in this link");
    if (!lesson) {
      // Said at once, not only when the learner opens the lesson pane (which now lists every problem).
      showList();
      const error = useLessons.getState().fileError;
      showBanner({ kind: "error", text: `The lesson in this link could not be opened: ${firstProblem(error?.message ?? "")} The Lessons pane lists every problem.` });
      return false;
    }
    return enterLesson(lesson.id, route.task, route.code, route.language);
  }
  if (!lessonById(route.id)) {
    showBanner({ kind: "error", text: `There is no lesson "${route.id}". Pick one from the list.` });
    return false;
  }
  return enterLesson(route.id, route.task, route.code, route.language);
}

/** "line 3: the front matter has no `id` (and 2 more problems)." from a LessonFormatError's message. */
function firstProblem(message: string): string {
  const lines = message.split("\n").filter((l) => l !== "");
  if (lines.length === 0) return "it is not a lesson file.";
  // Each line reads "the lesson in this link:LINE: message".
  const m = /:(\d+): (.*)$/.exec(lines[0]);
  const first = m ? `line ${m[1]}: ${m[2]}` : lines[0];
  const more = lines.length - 1;
  return `${first.length > 300 ? `${first.slice(0, 300)}…` : first}${more > 0 ? ` (and ${more} more problem${more === 1 ? "" : "s"})` : ""}.`;
}

/** The hash for the open lesson and task (custom lessons carry their whole file). */
export function currentLessonHash(withCode: boolean): string | null {
  const s = useLessons.getState();
  const lesson = openLesson(s);
  if (!lesson || !s.open) return null;
  const target = s.custom?.lesson.id === lesson.id ? { text: s.custom.text } : { id: lesson.id };
  const editor = useStore.getState().editor;
  return lessonHash(target, s.open.taskId, withCode ? editor.code : null, editor.language);
}

/** The page URL for the open lesson, or null outside lessons. Keeps the page's query (embed, hide). */
export function lessonPageUrl(base: string, withCode: boolean): string | null {
  const hash = currentLessonHash(withCode);
  if (hash === null) return null;
  const url = new URL(base);
  // A code link's parameters describe that code, not the lesson; embed and hide stay.
  for (const p of ["seed", "run", "ck"]) url.searchParams.delete(p);
  url.hash = hash;
  return url.toString();
}

/** Reads a lesson file the learner picked or dropped, and opens it. */
export async function openLessonFile(file: File): Promise<boolean> {
  const text = await file.text();
  const lesson = loadCustomLesson(text, file.name);
  return lesson ? enterLesson(lesson.id) : false;
}

/** Downloads the current code as a lesson file to edit. */
export function exportAsLesson(): void {
  const s = useStore.getState();
  const text = exportLessonText(s.editor.code, s.program, s.editor.language);
  const url = URL.createObjectURL(new Blob([text], { type: "text/markdown" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = "my-lesson.md";
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Whether a lesson is one of ours (not an instructor's file or a #custom/ link). */
function isBuiltIn(id: string): boolean {
  const custom = useLessons.getState().custom;
  return custom === null || custom === undefined || custom.lesson.id !== id;
}
