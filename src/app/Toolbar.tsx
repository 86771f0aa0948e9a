/** The top bar: Run, Stop, Share, the status, the time limit and the theme. */
import { LessonsButton } from "../lessons/ui/LessonPane";
import { useStore } from "../store";
import { runCode, shareCode, stopCode } from "./actions";
import { ThemeToggle } from "./ThemeToggle";
import { TimeLimit } from "./TimeLimit";
import { ShareIcon } from "../ui/icons";
import { StatusBadge } from "../ui/StatusBadge";

const MOD = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl";

export function Toolbar() {
  const running = useStore((s) => s.program.status === "running");
  return (
    <header className="toolbar">
      <h1 className="app-title">TF Graph Playground</h1>
      <div className="toolbar-actions">
        <button type="button" className="btn btn-primary" onClick={runCode} title={`Run (${MOD}+Enter)`} aria-keyshortcuts="Control+Enter Meta+Enter">
          <span aria-hidden="true">▶ </span>Run
        </button>
        <button type="button" className="btn" onClick={stopCode} disabled={!running} title="Stop the running program">
          <span aria-hidden="true">■ </span>Stop
        </button>
        <button type="button" className="btn" onClick={() => void shareCode()} title={`Copy a share link (${MOD}+S)`} aria-keyshortcuts="Control+S Meta+S">
          <ShareIcon /> Share
        </button>
        <LessonsButton />
      </div>
      <StatusBadge />
      <div className="toolbar-prefs">
        <TimeLimit />
        <ThemeToggle />
      </div>
    </header>
  );
}
