/** Every lesson with the learner's progress, and the way to open an instructor's lesson file. */
import { useEffect, useRef } from "react";
import { enterLesson, exportAsLesson, openLessonFile } from "../player/actions";
import { lessonsDone, lessonStatus, tasksDone, type LessonStatus } from "../player/progress";
import { allLessons, closePane, ensureBuiltInLessons, useLessons } from "../player/store";
import { useStore } from "../../store";
import { hasLanguage } from "../language";
import { InlineMarkdown } from "./Markdown";
import { FoldButton } from "./FoldButton";

const STATUS: Record<LessonStatus, { icon: string; text: string }> = {
  new: { icon: "○", text: "not started" },
  started: { icon: "◐", text: "started" },
  done: { icon: "✓", text: "done" },
  changed: { icon: "✎", text: "changed since you did it" },
};

export function LessonList() {
  const s = useLessons();
  const lessons = allLessons(s);
  const picker = useRef<HTMLInputElement>(null);
  const editorLanguage = useStore((st) => st.editor.language);
  const python = (s.language ?? editorLanguage) === "python";
  // The lessons' text loads the first time the list is shown.
  useEffect(() => {
    if (!s.builtInLoaded) void ensureBuiltInLessons();
  }, [s.builtInLoaded]);
  return (
    <nav className="lesson-list" aria-label="Lessons">
      <div className="lesson-list-head">
        <h2>
          Lessons{" "}
          <span className="lesson-count" data-testid="lessons-done">
            · {lessonsDone(s.progress, lessons)} of {lessons.length} done
          </span>
        </h2>
        <span className="lesson-nav-end">
          <FoldButton />
          <button type="button" className="btn btn-small" onClick={closePane} aria-label="Close the lesson pane">
            ✕
          </button>
        </span>
      </div>
      {!s.builtInLoaded && s.builtInErrors.length === 0 && (
        <p className="muted lesson-loading" role="status">
          Loading the lessons…
        </p>
      )}
      <ol>
        {lessons.map((l) => {
          const status = lessonStatus(s.progress, l);
          const done = tasksDone(s.progress, l);
          const tasks = l.tasks.length;
          return (
            <li key={l.id} data-status={status}>
              <button type="button" className="lesson-list-item" onClick={() => enterLesson(l.id)}>
                <span className={`lesson-status lesson-status-${status}`} title={STATUS[status].text} aria-label={STATUS[status].text}>
                  {STATUS[status].icon}
                </span>
                <span className="lesson-list-text">
                  <span className="lesson-list-title">{l.title}</span>
                  <span className="lesson-list-tasks" data-testid="lesson-tasks">
                    {done > 0 && done < tasks ? `${done} of ${tasks} tasks done` : tasks === 1 ? "1 task" : `${tasks} tasks`}
                    {python && !hasLanguage(l, "python") && " · TypeScript only"}
                  </span>
                  <span className="lesson-list-summary">
                    <InlineMarkdown text={l.summary} />
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {s.builtInErrors.map((e, i) => (
        <pre key={i} className="lesson-file-error">
          {e}
        </pre>
      ))}
      <div className="lesson-tools">
        <button type="button" className="btn" onClick={() => picker.current?.click()}>
          Open lesson file…
        </button>
        <button type="button" className="btn" onClick={exportAsLesson} title="Download the current code as a lesson file to edit">
          Export as lesson
        </button>
        <input
          ref={picker}
          type="file"
          accept=".md,.markdown,text/markdown,text/plain"
          hidden
          aria-label="Lesson file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void openLessonFile(f);
            e.target.value = "";
          }}
        />
      </div>
    </nav>
  );
}
