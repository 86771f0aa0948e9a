/**
 * The page's layout: toolbar, banner, and resizable panes. Each pane is its own component.
 * `?embed=1` swaps the toolbar for a compact title bar; `?hide=lessons,console,...` leaves
 * panes out (src/app/pageOptions.ts reads both).
 */
import { lazy, Suspense, type ReactNode } from "react";
import { useLessons } from "../lessons/player/store";
import { LessonPane } from "../lessons/ui/LessonPane";
import { Hints } from "../panels/Hints";
import { ConsolePanel } from "../panels/ConsolePanel";
import { RunsPanel } from "../panels/RunsPanel";
import { BannerBar } from "./BannerBar";
import { EmbedBar } from "./EmbedBar";
import { PaneBoundary } from "./PaneBoundary";
import { GraphSlot } from "./GraphSlot";
import { parsePageOptions, type Pane } from "./pageOptions";
import { SplitPane } from "./SplitPane";
import { Toolbar } from "./Toolbar";
import { useShortcuts } from "./useShortcuts";
import { useThemeEffect } from "./useThemeEffect";

// Monaco is most of the app's JavaScript: the page paints first, the editor follows.
const CodeEditor = lazy(() => import("../editor/CodeEditor"));

const PAGE = parsePageOptions(typeof location === "undefined" ? "" : location.search);
const shown = (pane: Pane) => !PAGE.hidden.has(pane);

/** Two panes split, or the one that is not hidden (null), or nothing. */
function split(id: string, direction: "row" | "column", initial: number, label: string, a: ReactNode, b: ReactNode): ReactNode {
  if (a === null || b === null) return a ?? b;
  return (
    <SplitPane id={id} direction={direction} initial={initial} label={label}>
      {a}
      {b}
    </SplitPane>
  );
}

export function App() {
  useThemeEffect();
  useShortcuts();
  const lessonPane = useLessons((s) => s.paneOpen) && shown("lessons");
  const editor = shown("editor") ? (
    <section className="panel editor-panel" aria-label="Editor">
      <PaneBoundary name="editor">
        <Suspense fallback={<div className="pane-loading">Loading the editor…</div>}>
          <CodeEditor />
        </Suspense>
      </PaneBoundary>
    </section>
  ) : null;
  const graph = shown("graph") ? (
    <section className="panel graph-panel" aria-label="Graph pane">
      <PaneBoundary name="graph">
        <div className="graph-slot">
          <GraphSlot />
        </div>
        <Hints />
      </PaneBoundary>
    </section>
  ) : null;
  const left = split("left", "column", 0.62, "Resize editor and console", editor, shown("console") ? <PaneBoundary name="console"><ConsolePanel /></PaneBoundary> : null);
  const right = split("right", "column", 0.55, "Resize graph and runs", graph, shown("runs") ? <PaneBoundary name="runs"><RunsPanel /></PaneBoundary> : null);
  const workspace = split("main", "row", 0.45, "Resize editor and graph", left, right);
  return (
    <div className={`app${PAGE.embed ? " app-embed" : ""}`}>
      <PaneBoundary name="toolbar">{PAGE.embed ? <EmbedBar /> : <Toolbar />}</PaneBoundary>
      {/* Also in an embed: a link that cannot be opened must say so wherever it is shown. */}
      <PaneBoundary name="banner">
        <BannerBar />
      </PaneBoundary>
      {/* The workspace keeps its place in the tree, so showing the lessons never remounts the editor. */}
      <main className="app-main app-with-lessons">
        {lessonPane && (
          <PaneBoundary key="lesson" name="lesson">
            <LessonPane />
          </PaneBoundary>
        )}
        <div key="workspace" className="workspace">
          {workspace}
        </div>
      </main>
    </div>
  );
}
