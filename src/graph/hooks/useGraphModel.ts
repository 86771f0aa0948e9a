/**
 * Everything the pane shows, derived from the store: the structure of the program's graph,
 * the drawn view for the current collapse state, the selected run's highlight, the failure
 * explanation and the announcement (the outline derives its own, deferred: ui/GraphOutline).
 * Each step is memoized on what it reads, so a new run only recomputes highlights and a new op
 * only recomputes structure; while the program runs, both follow the store a few times a second.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { useStore } from "../../store";
import { explainFailure, type Explanation } from "../model/explain";
import { highlightRun, type RunHighlight, type RunLike } from "../model/highlight";
import { learnerNames } from "../model/learnerNames";
import { buildLayoutGraph, type LayoutGraph } from "../layout/layoutGraph";
import { announceRun } from "../model/outline";
import { runInSlices } from "../model/slices";
import { buildStructure, nodesOfGraph, structureSteps, type GraphStructure } from "../model/structure";
import type { NodeEvent } from "../../runner/events";
import { buildView, type CollapseOverrides, type GraphView, type SeriesShown } from "../model/view";
import { buildScene, constantValues, type Scene } from "../render/scene";
import { memoriesUpTo, selectedRun } from "./selectedRun";
import { useThrottled } from "./useThrottled";

export interface GraphModel {
  runId: number;
  running: boolean;
  graphIds: number[];
  /** Labels of function graphs (by graph id): the traced function's name. */
  graphLabels: Map<number, string>;
  graphId: number;
  opCount: number;
  /** Ops the graph has in all when only the first reached the page (the summarizer's cap); else null. */
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
  announcement: string;
  /** Ops whose structure is being built in slices (the picture shows the last one meanwhile), or 0. */
  building: number;
  /** Time spent deriving structure, view and scene for the current nodes (for the bench). */
  modelMs: number;
  /** Whether the graph is the "not run yet" preview of the editor's program (no program ran). */
  preview: boolean;
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

export function useGraphModel(overrides: CollapseOverrides, graphChoice: number | null, seriesShown: SeriesShown = NO_PAGES, byDevice = false): GraphModel {
  const status = useStore((s) => s.program.status);
  const running = status === "running";
  const runId = useStore((s) => s.program.runId);
  // Redrawing a big graph costs more, so a big growing graph is redrawn less often.
  const lastSize = useRef(0);
  const liveMs = Math.min(MAX_LIVE_MS, LIVE_MS + lastSize.current * LIVE_MS_PER_OP);
  const ran = useThrottled(
    useStore((s) => s.program.nodes),
    liveMs,
    running,
  );
  // Before the first Run: the graph the editor's program would build (src/app/preview.ts).
  const preview = useStore((s) => (s.program.runId === 0 && s.program.status === "idle" ? s.program.preview : null));
  const nodes = preview?.nodes ?? ran;
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
  const source = useMemo(() => preview?.source ?? useStore.getState().editor.code, [runId, preview]);

  const run = useMemo(() => selectedRun(picked.runs, picked.runIndex), [picked]);
  const graphIds = useMemo(() => {
    const ids = new Set<number>();
    for (const n of nodes) ids.add(n.graph);
    return [...ids].sort((a, b) => a - b);
  }, [nodes]);
  // A function graph (a Dataset.map function) is named after its function, from the attr of the op that calls it.
  const graphLabels = useMemo(() => functionGraphLabels(nodes), [nodes]);
  const graphId = graphChoice !== null && graphIds.includes(graphChoice) ? graphChoice : run?.graph ?? graphIds[0] ?? 0;

  const timing = useRef(0);
  const ops = useMemo(() => {
    const all = graphIds.length > 1 ? nodesOfGraph(nodes, graphId) : nodes;
    return all.length > MAX_DRAWN_OPS ? all.slice(0, MAX_DRAWN_OPS) : all;
  }, [nodes, graphIds, graphId]);
  const { structure, pending } = useStructure(ops, runId, graphId, timing);
  lastSize.current = structure.order.length;
  const view = useMemo(() => {
    const t0 = performance.now();
    const v = buildView(structure, overrides, seriesShown);
    timing.current += performance.now() - t0;
    return v;
  }, [structure, overrides, seriesShown]);
  const names = useMemo(() => learnerNames(structure, source), [structure, source]);
  const constants = useMemo(() => constantValues(structure), [structure]);
  const devices = useMemo(() => {
    if (!byDevice) return null;
    const m = new Map<string, string>();
    for (const [name, info] of structure.ops) if (info.node.device !== undefined) m.set(name, info.node.device);
    return m;
  }, [byDevice, structure]);
  const scene = useMemo(() => {
    const t0 = performance.now();
    const sc = buildScene(view, names, constants, devices);
    timing.current += performance.now() - t0;
    return sc;
  }, [view, names, constants, devices]);
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
  const announcement = useMemo(() => {
    if (running) return "";
    return shown === null ? "" : announceRun(structure, shown, names);
  }, [running, shown, structure, names]);

  // Nodes the summarizer did not send (a program stopped by the op cap) count too.
  const omitted = useStore((s) => s.program.nodesOmitted);
  const total = useMemo(() => (graphIds.length > 1 ? nodesOfGraph(nodes, graphId).length : nodes.length) + omitted, [nodes, graphIds, graphId, omitted]);

  return {
    runId,
    truncatedFrom: total > ops.length ? total : null,
    running,
    graphIds,
    graphLabels,
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
    announcement,
    building: pending ? ops.length : 0,
    modelMs: timing.current,
    preview: preview !== null,
  };
}

/** Graphs of at least this many ops are built in slices of SLICE_MS (the last picture stays meanwhile). */
const SLICED_FROM = 1500;
const SLICE_MS = 8;
const EMPTY = buildStructure([]);

/**
 * The structure of `ops`: built at once for a small graph; for a big one, in short slices
 * across tasks (a 10,000-op build would be one long task), showing the last structure of the
 * same run and graph until it is ready.
 */
function useStructure(ops: readonly NodeEvent[], runId: number, graphId: number, timing: RefObject<number>): { structure: GraphStructure; pending: boolean } {
  const small = ops.length < SLICED_FROM;
  const now = useMemo(() => {
    if (!small) return null;
    const t0 = performance.now();
    const s = buildStructure(ops);
    timing.current = performance.now() - t0;
    return s;
  }, [ops, small, timing]);
  const [sliced, setSliced] = useState<{ ops: readonly NodeEvent[]; runId: number; graphId: number; structure: GraphStructure; ms: number } | null>(null);
  useEffect(() => {
    if (small) return;
    const signal = { cancelled: false };
    const stats = { workMs: 0 };
    void runInSlices(structureSteps(ops), SLICE_MS, signal, stats).then((structure) => {
      if (structure !== null) setSliced({ ops, runId, graphId, structure, ms: stats.workMs });
    });
    return () => {
      signal.cancelled = true;
    };
  }, [ops, small, runId, graphId]);
  const last = useRef<{ runId: number; graphId: number; structure: GraphStructure }>({ runId, graphId, structure: EMPTY });
  let structure: GraphStructure;
  if (now !== null) structure = now;
  else if (sliced !== null && sliced.runId === runId && sliced.graphId === graphId) {
    structure = sliced.structure;
    if (sliced.ops === ops) timing.current = sliced.ms;
  } else structure = last.current.runId === runId && last.current.graphId === graphId ? last.current.structure : EMPTY;
  last.current = { runId, graphId, structure };
  return { structure, pending: now === null && sliced?.ops !== ops };
}

/** Function graphs' names: a node's attr `x_graph: id` next to `x: "<function name>"` (engine/node_record.ts). */
export function functionGraphLabels(nodes: readonly { attrs?: Record<string, unknown> }[]): Map<number, string> {
  const labels = new Map<number, string>();
  for (const n of nodes) {
    if (!n.attrs) continue;
    for (const [k, v] of Object.entries(n.attrs)) {
      if (!k.endsWith("_graph") || typeof v !== "number") continue;
      const name = n.attrs[k.slice(0, -"_graph".length)];
      if (typeof name === "string") labels.set(v, name);
    }
  }
  return labels;
}
