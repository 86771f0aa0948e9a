/**
 * The lesson pane: the lesson list, or the open lesson. Dropping a lesson file anywhere on the
 * pane opens it; a broken file shows what is wrong with it, line by line.
 */
import { useState, type DragEvent } from "react";
import { openLessonFile } from "../player/actions";
import { closePane, dismissFileError, openLesson, showList, useLessons } from "../player/store";
import { LessonList } from "./LessonList";
import { LessonView } from "./LessonView";
import "./lessons.css";
import { BookIcon } from "../../ui/icons";

function FileError() {
  const error = useLessons((s) => s.fileError);
  if (!error) return null;
  return (
    <div className="lesson-file-error" role="alert">
      <p>
        <strong>{error.file}</strong> could not be opened as a lesson:
      </p>
      <pre>{error.message}</pre>
      <p className="muted">lessons/FORMAT.md in the playground's repository describes the format.</p>
      <button type="button" className="btn btn-small" onClick={dismissFileError}>
        Dismiss
      </button>
    </div>
  );
}

export function LessonPane() {
  const lesson = useLessons((s) => openLesson(s));
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f) void openLessonFile(f);
  };
  return (
    <section
      className={`panel lesson-pane${dragging ? " lesson-drop" : ""}`}
      aria-label="Lesson"
      onDragOver={(e) => {
        if (![...e.dataTransfer.types].includes("Files")) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <FileError />
      {lesson ? <LessonView lesson={lesson} /> : <LessonList />}
    </section>
  );
}

/** The toolbar's button that shows or hides the lesson pane. */
export function LessonsButton() {
  const open = useLessons((s) => s.paneOpen);
  return (
    <button
      type="button"
      className="btn btn-icon"
      aria-pressed={open}
      onClick={() => (open ? closePane() : showList())}
      title={open ? "Hide the lessons" : "Show the lessons"}
    >
      <BookIcon />
      <span className="tb-label">Lessons</span>
    </button>
  );
}
