/**
 * A parsed lesson: what lessons/FORMAT.md describes, as data. Plain data throughout, so a
 * lesson can be stored, hashed and sent to a worker as it is.
 */
import type { Check } from "./checks/ast";
import type { ProgramLanguage } from "../runner/run_program";

/** The languages a lesson can be taken in: the editor's language choice. */
export type LessonLanguage = ProgramLanguage;

/** Markdown as each language's learner reads it: the same text unless the lesson gives alternatives. */
export interface Localized {
  typescript: string;
  python: string;
}

/** A program in each language the lesson has (every lesson has TypeScript). */
export interface LessonCode {
  typescript: string;
  /** null when the lesson has no Python version. */
  python: string | null;
}

export interface Lesson {
  /** Lowercase letters, digits and dashes; the `<id>` of `#lesson/<id>`. */
  id: string;
  title: string;
  /** Position in the lesson list (lessons sort by it). */
  order: number;
  /** One sentence for the lesson list. */
  summary: string;
  /** Ids of lessons to take first (shown as advice, never enforced). */
  requires: string[];
  /** The lesson's text (Markdown), without its starter code. */
  prose: Localized;
  /** The code the editor starts with (and returns to on Reset). */
  starter: LessonCode;
  tasks: Task[];
  /** Where the lesson came from (a file name), for messages. */
  file: string;
}

export interface Task {
  /** Unique within the lesson; the `<task>` of `#lesson/<id>/<task>`. */
  id: string;
  title: string;
  /** What to do (Markdown). */
  statement: Localized;
  /** All must pass on the events of the learner's program, whatever its language. */
  checks: Check[];
  /** Checks for one language only (```check py / ```check ts): added to `checks` in that language. */
  checksOnly: Record<LessonLanguage, Check[]>;
  /** Revealed one at a time (Markdown); a hint written for one language only is "" in the other. */
  hints: Localized[];
  /** A complete program that passes the checks. */
  solution: LessonCode;
  /** The starter already passes: the task asks the learner to run and look, not to change. */
  starterPasses: boolean;
  /** The line of the task's heading in the lesson file. */
  line: number;
}

/** One thing wrong with a lesson file. */
export interface LessonProblem {
  line: number;
  message: string;
}

/** A lesson file that cannot be used, with every problem found in it. */
export class LessonFormatError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly LessonProblem[],
  ) {
    super(problems.map((p) => `${file}:${p.line}: ${p.message}`).join("\n"));
    this.name = "LessonFormatError";
  }
}
