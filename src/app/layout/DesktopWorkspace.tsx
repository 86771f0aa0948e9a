/**
 * The wide layout: the lesson (a resizable column, or folded to a rail), then the editor over
 * the console, and the graph over the runs. The graph gets the most room by default.
 *
 * The children of `<main>` keep their places whatever is shown, so opening, folding or closing
 * the lesson never remounts the editor or the graph. When the graph is maximized it covers the
 * workspace and the panes under it are inert (out of the tab order and the accessibility tree).
 */
import { useRef, type ReactNode } from "react";
import { useLessons } from "../../lessons/player/store";
import { useStore } from "../../store";
import type { PageOptions, Pane } from "../pageOptions";
import { useFraction } from "./fractions";
import { PaneBoundary } from "../PaneBoundary";
import { LessonRail } from "./LessonRail";
import { KeptPlace } from "./kept";
import { ConsolePane, LessonArea, RunsPane } from "./panes";
import { SplitHandle } from "./SplitHandle";
import { SplitPane } from "./SplitPane";

/** Default splits: the editor column's share of the workspace, the editor's of its column, the graph's of its. */
export const DEFAULT_SPLITS = { main: 0.38, left: 0.64, right: 0.66, lesson: 0.22 } as const;

const LESSON_LIMITS = { min: 0.15, max: 0.5 };

/** Two panes split, or the one that is not hidden, or nothing. */
function split(id: keyof typeof DEFAULT_SPLITS, direction: "row" | "column", label: string, a: ReactNode, b: ReactNode): ReactNode {
  if (a === null || b === null) return a ?? b;
  return (
    <SplitPane id={id} direction={direction} initial={DEFAULT_SPLITS[id]} label={label}>
      {a}
      {b}
    </SplitPane>
  );
}

export function DesktopWorkspace({ page }: { page: PageOptions }) {
  const shown = (pane: Pane) => !page.hidden.has(pane);
  const lessonOpen = useLessons((s) => s.paneOpen) && shown("lessons");
  const rail = useStore((s) => s.layout.lessonRail);
  const covered = useStore((s) => s.layout.graph === "maximized") && shown("graph");
  const [lessonWidth, setLessonWidth] = useFraction("lesson", DEFAULT_SPLITS.lesson, LESSON_LIMITS);
  const main = useRef<HTMLElement>(null);

  const host = (name: string, child: ReactNode) => (
    <div className="pane-host" data-pane={name} inert={covered}>
      {child}
    </div>
  );
  const editor = shown("editor") ? host("editor", <KeptPlace name="editor" />) : null;
  const console_ = shown("console") ? host("console", <ConsolePane />) : null;
  const runs = shown("runs") ? host("runs", <RunsPane />) : null;
  const graph = shown("graph") ? <KeptPlace name="graph" /> : null;
  const left = split("left", "column", "Resize the editor and the console", editor, console_);
  const right = split("right", "column", "Resize the graph and the runs", graph, runs);

  return (
    <main ref={main} className="app-main app-wide" data-graph={covered ? "maximized" : undefined}>
      {lessonOpen && rail && (
        <div key="rail" className="pane-host lesson-rail-host" inert={covered}>
          <PaneBoundary name="lesson rail">
            <LessonRail />
          </PaneBoundary>
        </div>
      )}
      {lessonOpen && (
        <div key="lesson" className="pane-host lesson-host" hidden={rail} inert={covered} style={{ width: `${(lessonWidth * 100).toFixed(2)}%` }}>
          <LessonArea />
        </div>
      )}
      {lessonOpen && !rail && (
        <SplitHandle
          key="lesson-handle"
          direction="row"
          fraction={lessonWidth}
          initial={DEFAULT_SPLITS.lesson}
          {...LESSON_LIMITS}
          label="Resize the lesson"
          box={() => main.current?.getBoundingClientRect() ?? null}
          onChange={setLessonWidth}
        />
      )}
      <div key="workspace" className="workspace">
        {split("main", "row", "Resize the code and the graph", left, right)}
      </div>
    </main>
  );
}
