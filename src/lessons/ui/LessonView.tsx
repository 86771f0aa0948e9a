/** An open lesson: its text, then its tasks, with the lesson's own tools. */
import { useEffect, useRef } from "react";
import { enterLesson, exportAsLesson, leaveLesson, neighbour, resetToStarter } from "../player/actions";
import { lessonStatus } from "../player/progress";
import { useLessons } from "../player/store";
import type { Lesson } from "../lesson";
import { Markdown } from "./Markdown";
import { TaskCard } from "./TaskCard";
import { FoldButton } from "./FoldButton";

/** Said once every task is done, with the way on. */
function Complete({ lesson, next }: { lesson: Lesson; next: Lesson | undefined }) {
  const done = useLessons((s) => lessonStatus(s.progress, lesson) === "done");
  if (!done) return null;
  return (
    <p className="lesson-complete" role="status">
      <span>✓ Every task of this lesson is done.</span>
      {next && (
        <button type="button" className="btn btn-small" onClick={() => enterLesson(next.id)}>
          Next: {next.title} ›
        </button>
      )}
    </p>
  );
}

export function LessonView({ lesson }: { lesson: Lesson }) {
  const taskId = useLessons((s) => s.open?.taskId ?? null);
  const prev = neighbour(-1);
  const next = neighbour(1);
  const body = useRef<HTMLDivElement>(null);

  // A link to a task (#lesson/<id>/<task>) scrolls to it.
  useEffect(() => {
    if (taskId === null) return;
    body.current?.querySelector(`[data-task="${CSS.escape(taskId)}"]`)?.scrollIntoView?.({ block: "nearest" });
  }, [taskId]);

  return (
    <article className="lesson-view" aria-labelledby="lesson-title">
      <nav className="lesson-nav" aria-label="Lesson navigation">
        <button type="button" className="btn btn-small" onClick={leaveLesson}>
          ← Lessons
        </button>
        <span className="lesson-nav-end">
          <span className="lesson-nav-steps">
            <button type="button" className="btn btn-small" disabled={!prev} onClick={() => prev && enterLesson(prev.id)} title={prev ? `Previous: ${prev.title}` : undefined}>
              ‹ Previous
            </button>
            <button type="button" className="btn btn-small" disabled={!next} onClick={() => next && enterLesson(next.id)} title={next ? `Next: ${next.title}` : undefined}>
              Next ›
            </button>
          </span>
          <FoldButton />
        </span>
      </nav>
      <div className="lesson-body" ref={body}>
        <h2 id="lesson-title">{lesson.title}</h2>
        <Markdown source={lesson.prose.typescript} />
        {lesson.tasks.map((t, i) => (
          <TaskCard key={t.id} lesson={lesson} task={t} index={i} current={t.id === taskId} />
        ))}
        <Complete lesson={lesson} next={next} />
        <div className="lesson-tools">
          <button type="button" className="btn" onClick={resetToStarter}>
            Reset to the starter code
          </button>
          <button type="button" className="btn" onClick={exportAsLesson} title="Download the current code as a lesson file to edit">
            Export as lesson
          </button>
        </div>
      </div>
    </article>
  );
}
