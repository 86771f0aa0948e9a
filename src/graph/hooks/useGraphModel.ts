/**
 * Everything the pane shows, derived from the store: the structure of the program's graph,
 * the drawn view for the current collapse state, the selected run's highlight, the failure
 * explanation and the outline. Each step is memoized on what it reads, so a new run only
 * recomputes highlights and a new op only recomputes structure; while the program runs, both
 * follow the store a few times a second.
 */
import { useMemo, useRef } from "react";
import { useStore } from "../../store";
import { explainFailure, type Explanation } from "../model/explain";
import { highlightRun, type RunHighlight, type RunLike } from "../model/highlight";
import { learnerNames } from "../model/learnerNames";
import { buildLayoutGraph, type LayoutGraph } from "../layout/layoutGraph";
import { announceRun, outlineItems, outlineTree, type OutlineEntry, type OutlineItem } from "../model/outline";
import { buildStructure, nodesOfGraph, type GraphStructure } from "../model/structure";
import { buildView, type CollapseOverrides, type GraphView, type SeriesShown } from "../model/view";
import { buildScene, constantValues, type Scene } from "../render/scene";
import { memoriesUpTo, selectedRun } from "./selectedRun";
import { useThrottled } from "./useThrottled";

export interface GraphModel {
  runId: number;
  running: boolean;
  graphIds: number[];
  graphId: number;
  opCount: number;
  /** Ops the graph has in all, when more than MAX_DRAWN_OPS (only the first are drawn); else null. */
  truncatedFrom: number | null;
  structure: GraphStructure;
  view: GraphView;
  scene: Scene;
  /** What layout places (units with their chips and series grids). */
  graph: LayoutGraph;
  names: Map<string, string>;
  source: string;
  run: RunLike | null;
  runIndex: number | null;
  runCount: number;
  /** Whether the learner picked the selected run (rather than the default: the last run). */
  runPinned: boolean;
  highlight: RunHighlight | null;
  explanation: Explanation | null;
  outline: OutlineItem[];
  /** The outline as the folded tree (scopes and series holding their ops). */
  outlineTree: OutlineEntry[];
  announcement: string;
  /** Time spent deriving structure, view and scene for the current nodes (for the bench). */
  modelMs: number;
}

const NO_PAGES: SeriesShown = new Map();

/** While a program runs, the pane follows the store at most this often... */
const LIVE_MS = 250;
/** ...plus this much per op drawn (a redraw of 3,000 ops takes ~0.5 s of main thread)... */
const LIVE_MS_PER_OP = 0.6;
/** ...up to this. */
const MAX_LIVE_MS = 2500;

/**
 * Ops drawn at most. The page receives at most 10,000 node events (the summarizer's cap); a
 * loop's repetition folds into series, so all of them are drawn.
 */
export const MAX_DRAWN_OPS = 100_000;

export function useGraphModel(overrides: CollapseOverrides, graphChoice: number | null, seriesShown: SeriesShown = NO_PAGES): GraphModel {
  const status = useStore((s) => s.program.status);
  const running = status === "running";
  const runId = useStore((s) => s.program.runId);
  // Redrawing a big graph costs more, so a big growing graph is redrawn less often.
  const lastSize = useRef(0);
  const liveMs = Math.min(MAX_LIVE_MS, LIVE_MS + lastSize.current * LIVE_MS_PER_OP);
  const nodes = useThrottled(
    useStore((s) => s.program.nodes),
    liveMs,
    running,
  );
  const runs = useStore((s) => s.program.runs);
  const runIndex = useStore((s) => s.selection.run);
  const runCount = useStore((s) => s.program.runCount);
  const runPinned = useStore((s) => s.selection.runPinned);
  const picked = useThrottled(
    useMemo(() => ({ runs, runIndex, runCount }), [runs, runIndex, runCount]),
    liveMs,
    running,
  );

  // The source the program ran: the editor may change after Run, the program's lines not.
  const source = useMemo(() => useStore.getState().editor.code, [runId]);

  const run = useMemo(() => selectedRun(picked.runs, picked.runIndex), [picked]);
  const graphIds = useMemo(() => {
    const ids = new Set<number>();
    for (const n of nodes) ids.add(n.graph);
    return [...ids].sort((a, b) => a - b);
  }, [nodes]);
  const graphId = graphChoice !== null && graphIds.includes(graphChoice) ? graphChoice : run?.graph ?? graphIds[0] ?? 0;

  const timing = useRef(0);
  const structure = useMemo(() => {
    const t0 = performance.now();
    const ops = graphIds.length > 1 ? nodesOfGraph(nodes, graphId) : nodes;
    const s = buildStructure(ops.length > MAX_DRAWN_OPS ? ops.slice(0, MAX_DRAWN_OPS) : ops);
    timing.current = performance.now() - t0;
    lastSize.current = s.order.length;
    return s;
  }, [nodes, graphIds, graphId]);
  const view = useMemo(() => {
    const t0 = performance.now();
    const v = buildView(structure, overrides, seriesShown);
    timing.current += performance.now() - t0;
    return v;
  }, [structure, overrides, seriesShown]);
  const names = useMemo(() => learnerNames(structure, source), [structure, source]);
  const constants = useMemo(() => constantValues(structure), [structure]);
  const scene = useMemo(() => {
    const t0 = performance.now();
    const sc = buildScene(view, names, constants);
    timing.current += performance.now() - t0;
    return sc;
  }, [view, names, constants]);
  const graph = useMemo(() => {
    const t0 = performance.now();
    const g = buildLayoutGraph(view, scene);
    timing.current += performance.now() - t0;
    return g;
  }, [view, scene]);

  const shown = run !== null && (run.graph === undefined || run.graph === graphId) ? run : null;
  const highlight = useMemo(() => (shown === null ? null : highlightRun(structure, view, shown)), [structure, view, shown]);
  const explanation = useMemo(() => {
    if (shown === null || shown.ok !== false) return null;
    return explainFailure({ structure, names, source, memories: memoriesUpTo(picked.runs, picked.runIndex) }, shown);
  }, [structure, names, source, shown, picked]);
  const outline = useMemo(() => outlineItems(structure, highlight?.ops ?? null, names), [structure, highlight, names]);
  const tree = useMemo(() => outlineTree(structure, outline), [structure, outline]);
  const announcement = useMemo(() => {
    if (running) return "";
    return shown === null ? "" : announceRun(structure, shown, names);
  }, [running, shown, structure, names]);

  const total = useMemo(() => (graphIds.length > 1 ? nodesOfGraph(nodes, graphId).length : nodes.length), [nodes, graphIds, graphId]);

  return {
    runId,
    truncatedFrom: total > MAX_DRAWN_OPS ? total : null,
    running,
    graphIds,
    graphId,
    opCount: structure.order.length,
    structure,
    view,
    scene,
    graph,
    names,
    source,
    run: shown,
    runIndex: picked.runIndex,
    runCount: picked.runCount,
    runPinned,
    highlight,
    explanation,
    outline,
    outlineTree: tree,
    announcement,
    modelMs: timing.current,
  };
}
