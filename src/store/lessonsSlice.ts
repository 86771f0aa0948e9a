/**
 * The lesson player's slice: which lesson and task are open, hints and solutions revealed, the
 * last check outcomes and the learner's progress. The player's actions and its `useLessons`
 * view of this slice live with the player (src/lessons/player/store.ts), which imports the store;
 * the store imports only this state, so loading either first is safe.
 */
import type { Lesson } from "../lessons/lesson";
import type { TaskOutcome } from "../lessons/run_checks";
import { loadProgress, type Progress } from "../lessons/player/progress";
import { loadLessonLanguage } from "../lessons/player/language_choice";
import type { LessonLanguage } from "../lessons/lesson";

export interface CustomLesson {
  lesson: Lesson;
  /** The file's text, for share links (`#custom/<lz>`). */
  text: string;
}

export interface LessonPlayerState {
  /** The lessons that ship, once loaded (src/lessons/player/catalog.ts; empty until then). */
  builtIn: Lesson[];
  /** Whether `builtIn` is loaded (false: not asked for yet, or loading). */
  builtInLoaded: boolean;
  /** Problems with the built-in lesson files (shown, never silently dropped). */
  builtInErrors: string[];
  custom: CustomLesson | null;
  /** Whether the lesson pane is shown. */
  paneOpen: boolean;
  /** The open lesson and task; null shows the lesson list. */
  open: { lessonId: string; taskId: string | null } | null;
  /** Hints revealed, by `lesson/task`. */
  hints: Record<string, number>;
  /** Solutions shown, by `lesson/task`. */
  solutions: Record<string, boolean>;
  /** Outcomes of the last check, by task id, for the lesson that was open then. */
  outcomes: { lessonId: string; byTask: Record<string, TaskOutcome> } | null;
  checking: boolean;
  progress: Progress;
  /** A lesson file that could not be opened: what is wrong with it. */
  fileError: { file: string; message: string } | null;
  /** The language the learner chose for lessons (the Language menu); null: not chosen yet. */
  language: LessonLanguage | null;
}

export interface LessonsSlice {
  lessons: LessonPlayerState;
}

/** The slice's initial state: the saved progress (the lessons load when first needed). */
export function initialLessonState(): LessonPlayerState {
  return {
    builtIn: [],
    builtInLoaded: false,
    builtInErrors: [],
    custom: null,
    paneOpen: false,
    open: null,
    hints: {},
    solutions: {},
    outcomes: null,
    checking: false,
    progress: loadProgress(),
    fileError: null,
    language: loadLessonLanguage(),
  };
}

export function createLessonsSlice(): LessonsSlice {
  return { lessons: initialLessonState() };
}
