/**
 * Where the graph pane goes. src/graph/GraphPane.tsx is the graph engineer's; until it exists
 * the glob below is empty and a placeholder shows (no import of a missing file breaks the build).
 */
import { lazy, Suspense, type ComponentType } from "react";

const modules = import.meta.glob<{ GraphPane?: ComponentType; default?: ComponentType }>("../graph/GraphPane.tsx");
const loader = modules["../graph/GraphPane.tsx"];

const GraphPane = loader
  ? lazy(async () => {
      const m = await loader();
      const C = m.GraphPane ?? m.default;
      if (!C) throw new Error("src/graph/GraphPane.tsx exports no GraphPane");
      return { default: C };
    })
  : null;

export function GraphSlot() {
  if (!GraphPane) {
    return (
      <section className="graph-placeholder" aria-label="Graph">
        <p>The graph view is on its way.</p>
      </section>
    );
  }
  return (
    <Suspense fallback={<div className="pane-loading">Loading the graph…</div>}>
      <GraphPane />
    </Suspense>
  );
}
