/** The page's layout: toolbar, banner, and resizable panes. Each pane is its own component. */
import { lazy, Suspense } from "react";
import { Hints } from "../panels/Hints";
import { ConsolePanel } from "../panels/ConsolePanel";
import { RunsPanel } from "../panels/RunsPanel";
import { BannerBar } from "./BannerBar";
import { GraphSlot } from "./GraphSlot";
import { SplitPane } from "./SplitPane";
import { Toolbar } from "./Toolbar";
import { useShortcuts } from "./useShortcuts";
import { useThemeEffect } from "./useThemeEffect";

// Monaco is most of the app's JavaScript: the page paints first, the editor follows.
const CodeEditor = lazy(() => import("../editor/CodeEditor"));

export function App() {
  useThemeEffect();
  useShortcuts();
  return (
    <div className="app">
      <Toolbar />
      <BannerBar />
      <main className="app-main">
        <SplitPane id="main" direction="row" initial={0.45} label="Resize editor and graph">
          <SplitPane id="left" direction="column" initial={0.62} label="Resize editor and console">
            <section className="panel editor-panel" aria-label="Editor">
              <Suspense fallback={<div className="pane-loading">Loading the editor…</div>}>
                <CodeEditor />
              </Suspense>
            </section>
            <ConsolePanel />
          </SplitPane>
          <SplitPane id="right" direction="column" initial={0.55} label="Resize graph and runs">
            <section className="panel graph-panel" aria-label="Graph pane">
              <div className="graph-slot">
                <GraphSlot />
              </div>
              <Hints />
            </section>
            <RunsPanel />
          </SplitPane>
        </SplitPane>
      </main>
    </div>
  );
}
