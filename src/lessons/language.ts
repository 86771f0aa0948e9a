/**
 * A lesson as the learner of one language takes it: the prose, starter, solutions, hints and
 * checks of that language. A lesson without a Python version is taken in TypeScript by a
 * Python learner too (`missing` says so, and the player shows a note).
 */
import type { Check } from "./checks/ast";
import type { Lesson, LessonLanguage, Task } from "./lesson";

export interface TaskIn {
  id: string;
  title: string;
  statement: string;
  /** Only the hints this language has (a hint written for the other language is left out). */
  hints: string[];
  solution: string;
  checks: Check[];
  starterPasses: boolean;
}

export interface LessonIn {
  /** The language the lesson is shown in: the learner's, or TypeScript when it has no Python. */
  language: LessonLanguage;
  /** The learner asked for a language the lesson does not have. */
  missing: boolean;
  prose: string;
  starter: string;
  tasks: TaskIn[];
}

/** Whether the lesson has a version in `lang` (every lesson has TypeScript). */
export function hasLanguage(lesson: Pick<Lesson, "starter">, lang: LessonLanguage): boolean {
  return lang === "typescript" || lesson.starter.python !== null;
}

/** The language a learner of `lang` takes the lesson in. */
export function languageOf(lesson: Pick<Lesson, "starter">, lang: LessonLanguage): LessonLanguage {
  return hasLanguage(lesson, lang) ? lang : "typescript";
}

/**
 * The task's checks in `lang`: the shared ones and that language's own.
 * @example
 * evaluateChecks(checksIn(task, "python"), trace)
 */
export function checksIn(task: Pick<Task, "checks" | "checksOnly">, lang: LessonLanguage): Check[] {
  const own = task.checksOnly[lang];
  return own.length === 0 ? task.checks : [...task.checks, ...own];
}

/** The starter in `lang` (TypeScript's if the lesson has no version in `lang`). */
export function starterIn(lesson: Pick<Lesson, "starter">, lang: LessonLanguage): string {
  return lesson.starter[languageOf(lesson, lang)] ?? lesson.starter.typescript;
}

/** The task's solution in `lang` (TypeScript's if the lesson has no version in `lang`). */
export function solutionIn(lesson: Pick<Lesson, "starter">, task: Pick<Task, "solution">, lang: LessonLanguage): string {
  return task.solution[languageOf(lesson, lang)] ?? task.solution.typescript;
}

/**
 * The lesson for a learner of `lang`.
 * @example
 * lessonIn(lesson, "python").starter // the ```py starter
 */
export function lessonIn(lesson: Lesson, lang: LessonLanguage): LessonIn {
  const language = languageOf(lesson, lang);
  return {
    language,
    missing: language !== lang,
    prose: lesson.prose[language],
    starter: starterIn(lesson, language),
    tasks: lesson.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      statement: t.statement[language],
      hints: t.hints.map((h) => h[language]).filter((h) => h.trim() !== ""),
      solution: solutionIn(lesson, t, language),
      checks: checksIn(t, language),
      starterPasses: t.starterPasses,
    })),
  };
}
