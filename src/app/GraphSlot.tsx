/**
 * Where the graph pane goes: loaded lazily (Cytoscape and its renderer are a large chunk the
 * first paint does not need).
 */
import { lazy, Suspense } from "react";

const GraphPane = lazy(async () => ({ default: (await import("../graph/GraphPane")).GraphPane }));

export function GraphSlot() {
  return (
    <Suspense fallback={<div className="pane-loading">Loading the graph…</div>}>
      <GraphPane />
    </Suspense>
  );
}
