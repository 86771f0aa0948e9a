/**
 * A set of lessons: parsed one by one, then checked together (unique ids, `requires` naming
 * lessons that exist) and sorted by `order`.
 */
import { LessonFormatError, type Lesson } from "./lesson";
import { parseLesson, type ParseOptions } from "./parse";

export interface LessonFile {
  file: string;
  text: string;
}

/** The lessons parsed, and the files that could not be. */
export interface LessonSet {
  lessons: Lesson[];
  errors: LessonFormatError[];
}

/** How strictly to read each file (parse.ts). */
export interface SetOptions {
  /** Which files must have both languages (`npm run lessons:check`: the ones that ship). */
  bilingual?: (file: string) => boolean;
}

/** Parses every file; a broken file is reported and left out, the others still load. */
export function parseLessonSet(files: readonly LessonFile[], options: SetOptions = {}): LessonSet {
  const lessons: Lesson[] = [];
  const errors: LessonFormatError[] = [];
  for (const f of files) {
    const strict: ParseOptions = { bilingual: options.bilingual?.(f.file) ?? false };
    try {
      lessons.push(parseLesson(f.text, f.file, strict));
    } catch (error) {
      if (!(error instanceof LessonFormatError)) throw error;
      errors.push(error);
    }
  }
  const byId = new Map<string, Lesson>();
  const kept: Lesson[] = [];
  for (const l of lessons) {
    const twin = byId.get(l.id);
    if (twin) {
      errors.push(new LessonFormatError(l.file, [{ line: 2, message: `the lesson id \`${l.id}\` is already used by ${twin.file}` }]));
      continue;
    }
    byId.set(l.id, l);
    kept.push(l);
  }
  for (const l of kept) {
    const unknown = l.requires.filter((id) => !byId.has(id));
    if (unknown.length) errors.push(new LessonFormatError(l.file, [{ line: 1, message: `\`requires\` names no lesson with the id ${unknown.map((id) => `\`${id}\``).join(", ")}` }]));
  }
  kept.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { lessons: kept, errors };
}
