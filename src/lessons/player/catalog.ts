/**
 * The lessons that ship with the playground: every lessons/NN-name.md, bundled as text by Vite
 * and parsed at start-up with the same parser instructors' files go through.
 */
import { parseLessonSet, type LessonSet } from "../collection";

const files = import.meta.glob<string>("../../../lessons/[0-9]*.md", { query: "?raw", import: "default", eager: true });

export function builtInLessons(): LessonSet {
  return parseLessonSet(Object.entries(files).map(([path, text]) => ({ file: path.replace(/^(\.\.\/)+/, ""), text })));
}
