/**
 * The top bar: Run, Stop, Share, Lessons, History, the language, the status, a save warning, the graph's view, what Tab does, the time
 * limit and the theme. It stays one row: at narrower widths buttons show their icons only (their
 * names stay for assistive technology), and on a phone the settings move into "More".
 */
import { HistoryMenu } from "../history/HistoryMenu";
import { SaveWarning } from "../history/SaveWarning";
import { LessonsButton } from "../lessons/ui/LessonPane";
import { useStore } from "../store";
import { runCode, shareCode, stopCode } from "./actions";
import { MoreMenu } from "./MoreMenu";
import { ThemeToggle } from "./ThemeToggle";
import { TimeLimit } from "./TimeLimit";
import { LanguageSwitch } from "./LanguageSwitch";
import { ShareIcon } from "../ui/icons";
import { StatusBadge } from "../ui/StatusBadge";
import { GraphViewButtons, TabFocusToggle } from "./ViewButtons";
import { PAGE } from "./pageOptions";

const MOD = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl";

export function Toolbar({ compact }: { compact: boolean }) {
  const running = useStore((s) => s.program.status === "running");
  const settings = (
    <>
      {/* On a phone the toolbar has no room for the language: it joins the settings. */}
      {compact && <LanguageSwitch />}
      {!PAGE.hidden.has("editor") && <TabFocusToggle />}
      <TimeLimit />
      <ThemeToggle />
    </>
  );
  return (
    <header className="toolbar">
      <h1 className="app-title">
        <span className="app-title-short" aria-hidden="true">
          TF Graph
        </span>
        <span className="app-title-full">TF Graph Playground</span>
      </h1>
      <div className="toolbar-actions">
        <button type="button" className="btn btn-primary" onClick={runCode} title={`Run (${MOD}+Enter)`} aria-keyshortcuts="Control+Enter Meta+Enter">
          <span aria-hidden="true">▶ </span>Run
        </button>
        <button type="button" className="btn btn-icon" onClick={stopCode} disabled={!running} title="Stop the running program">
          <span aria-hidden="true">■</span>
          <span className="tb-label">Stop</span>
        </button>
        <button type="button" className="btn btn-icon" onClick={() => void shareCode()} title={`Copy a share link (${MOD}+S)`} aria-keyshortcuts="Control+S Meta+S">
          <ShareIcon />
          <span className="tb-label">Share</span>
        </button>
        {/* `?hide=` takes a pane's buttons away with it. */}
        {!PAGE.hidden.has("lessons") && <LessonsButton />}
        <HistoryMenu />
        {!compact && <LanguageSwitch />}
      </div>
      <StatusBadge />
      <SaveWarning />
      <div className="toolbar-prefs">
        {!compact && !PAGE.hidden.has("graph") && <GraphViewButtons />}
        {compact ? <MoreMenu>{settings}</MoreMenu> : settings}
      </div>
    </header>
  );
}
