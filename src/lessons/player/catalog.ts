/**
 * The lessons that ship with the playground: every lessons/NN-name.md, parsed with the same
 * parser instructors' files go through. Their text (both languages) is loaded with `import()`
 * the first time a lesson is needed (the pane opens, a lesson link, "Start the lessons"), so
 * the page's start-up download does not carry it.
 */
import { parseLessonSet, type LessonSet } from "../collection";

let loading: Promise<LessonSet> | null = null;

/** The built-in lessons (loaded and parsed once; a failed load is retried next time). */
export function loadBuiltInLessons(): Promise<LessonSet> {
  loading ??= import("./catalog_files").then(({ LESSON_FILES }) =>
    parseLessonSet(Object.entries(LESSON_FILES).map(([path, text]) => ({ file: path.replace(/^(\.\.\/)+/, ""), text }))),
  );
  loading.catch(() => (loading = null));
  return loading;
}
