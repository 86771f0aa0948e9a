/**
 * A parsed lesson: what lessons/FORMAT.md describes, as data. Plain data throughout, so a
 * lesson can be stored, hashed and sent to a worker as it is.
 */
import type { Check } from "./checks/ast";

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
  prose: string;
  /** The code the editor starts with. */
  starter: string;
  tasks: Task[];
  /** Where the lesson came from (a file name), for messages. */
  file: string;
}

export interface Task {
  /** Unique within the lesson; the `<task>` of `#lesson/<id>/<task>`. */
  id: string;
  title: string;
  /** What to do (Markdown). */
  statement: string;
  /** All must pass on the events of the learner's program. */
  checks: Check[];
  /** Revealed one at a time (Markdown). */
  hints: string[];
  /** A complete program that passes the checks. */
  solution: string;
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
