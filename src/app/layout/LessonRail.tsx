/**
 * The lesson folded to a narrow rail: the graph and the editor get its room, the lesson stays
 * open (its title and each task's state stay in view) and one click unfolds it.
 */
import { openLesson, useLessons } from "../../lessons/player/store";
import { setLessonRail } from "../../store";

const NONE: readonly string[] = [];

export function LessonRail() {
  const lesson = useLessons((s) => openLesson(s));
  const done = useLessons((s) => (lesson ? s.progress[lesson.id]?.done ?? NONE : NONE));
  const title = lesson?.title ?? "Lessons";
  return (
    <nav className="lesson-rail" aria-label="Lesson (folded)">
      <button type="button" className="btn btn-small lesson-rail-open" onClick={() => setLessonRail(false)} aria-label={`Unfold the lesson: ${title}`} title="Unfold the lesson">
        <span aria-hidden="true">»</span>
      </button>
      <span className="lesson-rail-title" aria-hidden="true">
        {title}
      </span>
      {lesson && (
        <ol className="lesson-rail-tasks" aria-label="Tasks">
          {lesson.tasks.map((t, i) => {
            const ok = done.includes(t.id);
            return (
              <li key={t.id} title={`Task ${i + 1}: ${t.title}${ok ? " (done)" : ""}`} className={ok ? "rail-task-done" : undefined}>
                <span aria-hidden="true">{ok ? "✓" : i + 1}</span>
                <span className="sr-only">
                  Task {i + 1}: {t.title}, {ok ? "done" : "not done yet"}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </nav>
  );
}
