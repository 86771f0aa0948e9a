/**
 * Lesson progress, kept in localStorage: which tasks of which lesson are done, the learner's
 * code for the lesson, and a hash of the lesson's content at the time, so a lesson that changed
 * since it was completed shows as changed rather than done.
 */
import { checksum } from "../../share/codec";
import type { Lesson, Task } from "../lesson";

export interface LessonProgress {
  /** The lesson's content hash when the progress was recorded. */
  hash: string;
  /** Ids of the tasks the learner passed. */
  done: string[];
  /** The learner's code in this lesson, if they changed the starter. */
  code?: string;
}

/** Progress by lesson id. */
export type Progress = Record<string, LessonProgress>;

export type LessonStatus = "new" | "started" | "done" | "changed";

const KEY = "tf-playground:lessons";

/** A hash of everything the learner sees and is checked on (not the file name). */
export function contentHash(lesson: Lesson): string {
  let hash = hashes.get(lesson);
  if (hash === undefined) {
    const { file: _file, ...content } = lesson;
    void _file;
    hash = checksum(JSON.stringify(content));
    hashes.set(lesson, hash);
  }
  return hash;
}

/** Lessons are immutable data: their hashes are kept (panels ask on every store change). */
const hashes = new WeakMap<Lesson, string>();

export function lessonStatus(progress: Progress, lesson: Lesson): LessonStatus {
  const p = progress[lesson.id];
  if (p === undefined || (p.done.length === 0 && p.code === undefined)) return "new";
  if (p.done.length > 0 && p.hash !== contentHash(lesson)) return "changed";
  return lesson.tasks.every((t) => p.done.includes(t.id)) ? "done" : "started";
}

/** How many of the lesson's tasks are done (for a lesson that changed since: none). */
export function tasksDone(progress: Progress, lesson: Lesson): number {
  const p = progress[lesson.id];
  if (p === undefined || p.hash !== contentHash(lesson)) return 0;
  return lesson.tasks.filter((t) => p.done.includes(t.id)).length;
}

/** "3 of 18 done": how many lessons are done, of those listed. */
export function lessonsDone(progress: Progress, lessons: readonly Lesson[]): number {
  return lessons.filter((l) => lessonStatus(progress, l) === "done").length;
}

/**
 * A task about a failure ("run it and watch it fail"): one of its checks wants a run or the
 * program to fail. Once done it stays done — the learner is meant to fix the program next, so
 * later runs no longer fail, and that is not a step back.
 */
export function isFailureTask(task: Pick<Task, "checks">): boolean {
  return task.checks.some((c) => {
    if (c.kind === "program") return !c.ok;
    if (c.kind !== "runs") return false;
    const none = c.selector.kind === "count" && c.selector.count.max === 0;
    return !none && c.predicates.some((p) => p.verb === "fail" && !p.negated);
  });
}

/** Progress with `taskId` of `lesson` done. Done tasks of an older version of the lesson are dropped. */
export function markDone(progress: Progress, lesson: Lesson, taskId: string): Progress {
  const hash = contentHash(lesson);
  const p = progress[lesson.id];
  const done = p && p.hash === hash ? p.done : [];
  if (done.includes(taskId) && p?.hash === hash) return progress;
  return { ...progress, [lesson.id]: { ...p, hash, done: [...done, taskId] } };
}

/** Progress with the learner's code for the lesson (null: back to the starter). */
export function withCode(progress: Progress, lesson: Lesson, code: string | null): Progress {
  const p = progress[lesson.id] ?? { hash: contentHash(lesson), done: [] };
  const next: LessonProgress = { ...p };
  if (code === null || code === lesson.starter.typescript) delete next.code;
  else next.code = code;
  return { ...progress, [lesson.id]: next };
}

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** Reads the saved progress; anything malformed is dropped (the page works without it). */
export function loadProgress(store: Storage | null = storage()): Progress {
  try {
    const v: unknown = JSON.parse(store?.getItem(KEY) ?? "{}");
    if (typeof v !== "object" || v === null) return {};
    const out: Progress = {};
    for (const [id, p] of Object.entries(v as Record<string, unknown>)) {
      const q = p as Partial<LessonProgress> | null;
      if (!q || typeof q.hash !== "string" || !Array.isArray(q.done) || !q.done.every((d) => typeof d === "string")) continue;
      out[id] = { hash: q.hash, done: q.done, ...(typeof q.code === "string" ? { code: q.code } : {}) };
    }
    return out;
  } catch {
    return {};
  }
}

/** Saves the progress. Returns whether it was saved (false: storage full or disabled). */
export function saveProgress(progress: Progress, store: Storage | null = storage()): boolean {
  try {
    if (!store) return false;
    store.setItem(KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}
