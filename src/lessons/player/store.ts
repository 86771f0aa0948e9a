/**
 * The lesson player's actions over the `lessons` slice of the app's one store (the slice's
 * state: src/store/lessonsSlice.ts). `useLessons` reads and writes that slice, so the player's
 * components and actions do not need to know where it lives.
 */
import { languageOf } from "../language";
import { LessonFormatError, type Lesson, type LessonLanguage } from "../lesson";
import { parseLesson } from "../parse";
import type { TaskOutcome } from "../run_checks";
import { MAX_LESSON_CHARS } from "./route";
import { CODE_FIELD, markDone, saveProgress, withCode } from "./progress";
import { saveLessonLanguage } from "./language_choice";
import { loadBuiltInLessons } from "./catalog";
import { useStore } from "../../store";
import { reportSaveProblem } from "../../history/programHistory";
import type { LessonPlayerState } from "../../store/lessonsSlice";

type Partial_ = Partial<LessonPlayerState> | ((s: LessonPlayerState) => Partial<LessonPlayerState>);

/**
 * Reads the lesson slice with a selector, as a zustand hook would (`useLessons((s) => s.open)`);
 * `getState`, `setState` and `subscribe` act on the slice too.
 */
export const useLessons = Object.assign(
  <T = LessonPlayerState>(selector?: (s: LessonPlayerState) => T): T =>
    useStore((st) => (selector ? selector(st.lessons) : (st.lessons as unknown as T))),
  {
    getState: (): LessonPlayerState => useStore.getState().lessons,
    setState: (partial: Partial_): void =>
      useStore.setState((st) => ({ lessons: { ...st.lessons, ...(typeof partial === "function" ? partial(st.lessons) : partial) } })),
    subscribe: <T>(selector: (s: LessonPlayerState) => T, listener: (value: T, previous: T) => void, options?: { equalityFn?: (a: T, b: T) => boolean }) =>
      useStore.subscribe((st) => selector(st.lessons), listener, options),
  },
);

const set = useLessons.setState;
const get = useLessons.getState;

const key = (lessonId: string, taskId: string) => `${lessonId}/${taskId}`;

/**
 * Loads the lessons that ship, if they are not yet (the first time a lesson is needed). A load
 * that fails (the network, in an old tab after an update) is said in the list, and retried.
 */
export function ensureBuiltInLessons(): Promise<void> {
  if (get().builtInLoaded) return Promise.resolve();
  return loadBuiltInLessons().then(
    (setOf) => set({ builtIn: setOf.lessons, builtInErrors: setOf.errors.map((e) => e.message), builtInLoaded: true }),
    (error: unknown) => set({ builtInErrors: [`The lessons could not be loaded: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`] }),
  );
}

/** Every lesson the list shows: the built-in ones, then an opened custom one. */
export function allLessons(s: LessonPlayerState = get()): Lesson[] {
  return s.custom ? [...s.builtIn.filter((l) => l.id !== s.custom!.lesson.id), s.custom.lesson] : s.builtIn;
}

export function lessonById(id: string, s: LessonPlayerState = get()): Lesson | undefined {
  if (s.custom?.lesson.id === id) return s.custom.lesson;
  return s.builtIn.find((l) => l.id === id);
}

/** The open lesson, if any. */
export function openLesson(s: LessonPlayerState = get()): Lesson | undefined {
  return s.open ? lessonById(s.open.lessonId, s) : undefined;
}

/** The code a lesson starts with for this learner in `lang`: their saved code, else the starter. */
export function codeFor(lesson: Lesson, lang: LessonLanguage, s: LessonPlayerState = get()): string {
  const shown = languageOf(lesson, lang);
  return s.progress[lesson.id]?.[CODE_FIELD[shown]] ?? lesson.starter[shown] ?? lesson.starter.typescript;
}

/**
 * The language the learner takes lessons in: the one they last chose with the Language menu
 * (kept across visits), else the language of the program in the editor.
 */
export function lessonLanguage(s: LessonPlayerState = get()): LessonLanguage {
  return s.language ?? useStore.getState().editor.language;
}

/** Remembers the learner's choice of language for lessons. */
export function setLessonLanguage(language: LessonLanguage): void {
  saveLessonLanguage(language);
  set({ language });
}

/**
 * The language the open lesson is shown in: the program's (the editor's language), or
 * TypeScript for a lesson that has no version in it.
 */
export function shownLanguage(lesson: Lesson): LessonLanguage {
  return languageOf(lesson, useStore.getState().editor.language);
}

/** Opens a lesson (at a task). Returns the lesson, or undefined if there is none with that id. */
export function showLesson(lessonId: string, taskId: string | null = null): Lesson | undefined {
  const lesson = lessonById(lessonId);
  if (!lesson) return undefined;
  const task = taskId !== null && lesson.tasks.some((t) => t.id === taskId) ? taskId : (lesson.tasks[0]?.id ?? null);
  const keepOutcomes = get().outcomes?.lessonId === lessonId;
  set({ paneOpen: true, open: { lessonId, taskId: task }, outcomes: keepOutcomes ? get().outcomes : null });
  return lesson;
}

export function showList(): void {
  set({ paneOpen: true, open: null });
}

/** Hides the lesson pane and leaves the lesson: the editor shows the playground's code again. */
export function closePane(): void {
  set({ paneOpen: false, open: null });
}

export function selectTask(taskId: string): void {
  const open = get().open;
  if (open) set({ open: { ...open, taskId } });
}

export function revealHint(lessonId: string, taskId: string): void {
  const k = key(lessonId, taskId);
  set((s) => ({ hints: { ...s.hints, [k]: (s.hints[k] ?? 0) + 1 } }));
}

export function hintsShown(s: LessonPlayerState, lessonId: string, taskId: string): number {
  return s.hints[key(lessonId, taskId)] ?? 0;
}

export function showSolution(lessonId: string, taskId: string, shown = true): void {
  set((s) => ({ solutions: { ...s.solutions, [key(lessonId, taskId)]: shown } }));
}

export function solutionShown(s: LessonPlayerState, lessonId: string, taskId: string): boolean {
  return s.solutions[key(lessonId, taskId)] ?? false;
}

export function checkingStarted(): void {
  set({ checking: true });
}

export function checkingStopped(): void {
  set({ checking: false });
}

/** Records a check's outcomes for a lesson; passed tasks become done in the saved progress. */
export function recordOutcomes(lessonId: string, outcomes: readonly TaskOutcome[]): void {
  const lesson = lessonById(lessonId);
  if (!lesson) return;
  let progress = get().progress;
  for (const o of outcomes) if (o.passed) progress = markDone(progress, lesson, o.task);
  if (progress !== get().progress) reportSaved(saveProgress(progress));
  set({ outcomes: { lessonId, byTask: Object.fromEntries(outcomes.map((o) => [o.task, o])) }, checking: false, progress });
}

/** Remembers the learner's code in `lang` for the lesson (null: back to the starter). */
export function rememberCode(lessonId: string, code: string | null, lang: LessonLanguage): void {
  const lesson = lessonById(lessonId);
  if (!lesson) return;
  const progress = withCode(get().progress, lesson, code, languageOf(lesson, lang));
  reportSaved(saveProgress(progress));
  set({ progress });
}

/** Says when the lessons' progress (and the code written in them) could not be saved. */
function reportSaved(saved: boolean): void {
  reportSaveProblem("your lesson code and progress", saved ? null : "the browser's storage for this page is full or turned off");
}

/**
 * Reads an instructor's lesson file. On success it becomes the custom lesson (replacing any
 * earlier one) and is returned; on failure `fileError` says what is wrong and where.
 */
export function loadCustomLesson(text: string, file: string): Lesson | undefined {
  if (text.length > MAX_LESSON_CHARS) {
    const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;
    set({ fileError: { file, message: `${file}:1: the file has ${kb(text.length)}; a lesson may have at most ${kb(MAX_LESSON_CHARS)}` } });
    return undefined;
  }
  try {
    const lesson = parseLesson(text, file);
    set({ custom: { lesson, text }, fileError: null });
    return lesson;
  } catch (error) {
    if (!(error instanceof LessonFormatError)) throw error;
    set({ fileError: { file, message: error.message } });
    return undefined;
  }
}

export function dismissFileError(): void {
  set({ fileError: null });
}
