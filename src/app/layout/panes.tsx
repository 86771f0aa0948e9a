/**
 * The workspace's panes, each in its own error boundary, shared by the wide layout (splits) and
 * the narrow one (tabs). The graph pane knows where the graph is: in its place, filling the
 * workspace (maximized), or in a window of its own (popped out, rendered there by a portal).
 */
import { lazy, Suspense } from "react";
import { createPortal } from "react-dom";
import { LessonPane } from "../../lessons/ui/LessonPane";
import { ConsolePanel } from "../../panels/ConsolePanel";
import { Hints } from "../../panels/Hints";
import { RunsPanel } from "../../panels/RunsPanel";
import { useStore } from "../../store";
import { GraphSlot } from "../GraphSlot";
import { PaneBoundary } from "../PaneBoundary";
import { EditorKeyHint } from "./EditorKeyHint";
import { dockGraph, popOutGraph, usePopoutRoot } from "./popout";

// Monaco is most of the app's JavaScript: the page paints first, the editor follows.
const CodeEditor = lazy(() => import("../../editor/CodeEditor"));

export function EditorPane() {
  return (
    <section className="panel editor-panel" aria-label="Editor">
      <PaneBoundary name="editor">
        <Suspense fallback={<div className="pane-loading">Loading the editor…</div>}>
          <CodeEditor />
        </Suspense>
        <EditorKeyHint />
      </PaneBoundary>
    </section>
  );
}

function GraphContent() {
  return (
    <PaneBoundary name="graph">
      {/* The pane's own heading, for the outline of headings (the card and inspector are h3). */}
      <h2 className="sr-only">Graph</h2>
      <div className="graph-slot">
        <GraphSlot />
      </div>
      <Hints />
    </PaneBoundary>
  );
}

export function GraphArea() {
  const placement = useStore((s) => s.layout.graph);
  const popout = usePopoutRoot();
  if (placement === "popped" && popout !== null) {
    return (
      <>
        <section className="panel graph-panel graph-away" aria-label="Graph pane" data-testid="graph-away">
          <p>The graph is open in its own window.</p>
          <p className="graph-away-actions">
            <button type="button" className="btn" onClick={popOutGraph}>
              Show its window
            </button>
            <button type="button" className="btn" onClick={dockGraph}>
              Put the graph back here
            </button>
          </p>
        </section>
        {createPortal(
          <div className="app popout-app">
            <section className="panel graph-panel" aria-label="Graph pane">
              <GraphContent />
            </section>
          </div>,
          popout,
        )}
      </>
    );
  }
  return (
    <section className={`panel graph-panel${placement === "maximized" ? " graph-maximized" : ""}`} aria-label="Graph pane">
      <GraphContent />
    </section>
  );
}

export function ConsolePane() {
  return (
    <PaneBoundary name="console">
      <ConsolePanel />
    </PaneBoundary>
  );
}

export function RunsPane() {
  return (
    <PaneBoundary name="runs">
      <RunsPanel />
    </PaneBoundary>
  );
}

export function LessonArea() {
  return (
    <PaneBoundary name="lesson">
      <LessonPane />
    </PaneBoundary>
  );
}
