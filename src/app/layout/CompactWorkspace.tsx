/**
 * The narrow layout (phones, narrow windows): one pane at a time — Code · Graph · Output ·
 * Lesson — chosen by tabs. Every pane stays mounted (hidden when not shown), so switching keeps
 * the editor's undo history, the graph's picture and the console's scroll position; the graph
 * and the editor stay mounted across the switch to the wide layout too (kept.tsx).
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";
import { useLessons } from "../../lessons/player/store";
import { COMPACT_TABS, showTab, useStore, type CompactTab } from "../../store";
import type { PageOptions, Pane } from "../pageOptions";
import { KeptPlace } from "./kept";
import { ConsolePane, LessonArea, RunsPane } from "./panes";
import { SplitPane } from "./SplitPane";

const LABEL: Record<CompactTab, string> = { code: "Code", graph: "Graph", output: "Output", lesson: "Lesson" };

/** The tabs a page shows: those whose panes are not hidden (the lesson's only while it is open). */
export function compactTabs(hidden: ReadonlySet<Pane>, lessonOpen: boolean): CompactTab[] {
  return COMPACT_TABS.filter((t) => {
    if (t === "code") return !hidden.has("editor");
    if (t === "graph") return !hidden.has("graph");
    if (t === "output") return !hidden.has("console") || !hidden.has("runs");
    return lessonOpen && !hidden.has("lessons");
  });
}

export function CompactWorkspace({ page }: { page: PageOptions }) {
  const lessonOpen = useLessons((s) => s.paneOpen);
  const tabs = compactTabs(page.hidden, lessonOpen);
  const wanted = useStore((s) => s.layout.tab);
  const tab = tabs.includes(wanted) ? wanted : (tabs[0] ?? "code");
  const list = useRef<HTMLDivElement>(null);

  // Opening the lessons (the toolbar's button, a lesson link) shows them.
  const wasOpen = useRef(lessonOpen);
  useEffect(() => {
    if (lessonOpen && !wasOpen.current) showTab("lesson");
    wasOpen.current = lessonOpen;
  }, [lessonOpen]);
  useEffect(() => {
    // A lesson link opened the page: the lesson comes first.
    if (useLessons.getState().paneOpen && !page.hidden.has("lessons")) showTab("lesson");
  }, [page]);

  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.indexOf(tab);
    const next = e.key === "ArrowRight" ? tabs[(i + 1) % tabs.length] : e.key === "ArrowLeft" ? tabs[(i - 1 + tabs.length) % tabs.length] : e.key === "Home" ? tabs[0] : e.key === "End" ? tabs[tabs.length - 1] : undefined;
    if (next === undefined) return;
    e.preventDefault();
    showTab(next);
    list.current?.querySelector<HTMLElement>(`#ws-tab-${next}`)?.focus();
  };

  const panel = (id: CompactTab, child: ReactNode) =>
    tabs.includes(id) && (
      <div key={id} role="tabpanel" id={`ws-panel-${id}`} aria-labelledby={`ws-tab-${id}`} className="compact-panel" hidden={tab !== id}>
        {child}
      </div>
    );
  const console_ = page.hidden.has("console") ? null : <ConsolePane />;
  const runs = page.hidden.has("runs") ? null : <RunsPane />;

  return (
    <main className="app-main app-compact">
      <div ref={list} className="compact-tabs" role="tablist" aria-label="Workspace" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button key={t} type="button" role="tab" id={`ws-tab-${t}`} aria-selected={t === tab} aria-controls={`ws-panel-${t}`} tabIndex={t === tab ? 0 : -1} onClick={() => showTab(t)}>
            {LABEL[t]}
          </button>
        ))}
      </div>
      {panel("code", <KeptPlace name="editor" />)}
      {panel("graph", <KeptPlace name="graph" />)}
      {panel(
        "output",
        console_ && runs ? (
          <SplitPane id="compact-output" direction="column" initial={0.45} label="Resize the console and the runs">
            {console_}
            {runs}
          </SplitPane>
        ) : (
          (console_ ?? runs)
        ),
      )}
      {panel("lesson", <LessonArea />)}
    </main>
  );
}
