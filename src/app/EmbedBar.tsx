/** The compact header of `?embed=1`: the lesson's title and Run/Stop, nothing else. */
import { runCode, stopCode } from "./actions";
import { openLesson, useLessons } from "../lessons/player/store";
import { useStore } from "../store";
import { StatusBadge } from "../ui/StatusBadge";

export function EmbedBar() {
  const title = useLessons((s) => openLesson(s)?.title ?? "TF Graph Playground");
  const running = useStore((s) => s.program.status === "running");
  return (
    <header className="toolbar embed-bar">
      <h1 className="app-title">{title}</h1>
      <div className="toolbar-actions">
        <button type="button" className="btn btn-primary" onClick={runCode}>
          <span aria-hidden="true">▶ </span>Run
        </button>
        <button type="button" className="btn" onClick={stopCode} disabled={!running}>
          <span aria-hidden="true">■ </span>Stop
        </button>
      </div>
      <StatusBadge />
    </header>
  );
}
