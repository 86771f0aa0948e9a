/**
 * The lesson player's slice. Its state and actions live with the player
 * (src/lessons/player/store.ts); this only places the slice in the app's one store.
 */
import { initialLessonState, type LessonPlayerState } from "../lessons/player/store";

export interface LessonsSlice {
  lessons: LessonPlayerState;
}

export function createLessonsSlice(): LessonsSlice {
  return { lessons: initialLessonState() };
}
