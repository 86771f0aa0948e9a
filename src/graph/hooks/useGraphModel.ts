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
import { highlightSteps, type RunHighlight, type RunLike } from "../model/highlight";
import type { LayoutGraph } from "../layout/layoutGraph";
import { announceRun } from "../model/outline";
import { sharedIndexSteps } from "../model/indexCache";
import { runInSlices, runNow, type Sliced } from "../model/slices";
import { SLICE_MS, SLICED_FROM } from "./useSliced";
import { buildStructure, nodesOfGraph, structureOfIndex, type GraphStructure } from "../model/structure";
import type { NodeEvent } from "../../runner/events";
import type { CollapseOverrides, GraphView, SeriesShown } from "../model/view";
import type { Scene } from "../render/scene";
import { pictureSteps, type Picture } from "./picture";
import { useSliced } from "./useSliced";
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
 * Ops drawn at most: the runner's op cap (src/runner/limits.ts), which the page's worker passes
 * on whole (src/worker/batcher.ts); a loop's repetition folds into series, so all are drawn.
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
  const built = useStructure(ops, runId, graphId, timing);
  lastSize.current = built.structure.order.length;
  // A big graph's picture and highlight are made in slices: until they are, the last ones show.
  const small = ops.length < SLICED_FROM;
  const made = useSliced(() => pictureSteps(built.structure, overrides, seriesShown, source, byDevice), [built.structure, overrides, seriesShown, source, byDevice], small);
  const picture = made.value ?? EMPTY_PICTURE;
  const { structure, view, names, scene, graph } = picture;

  const shown = run !== null && (run.graph === undefined || run.graph === graphId) ? run : null;
  const lit = useSliced(() => (shown === null ? nothing() : highlightSteps(structure, view, shown)), [structure, view, shown], small);
  const highlight = shown === null ? null : lit.value;
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
    building: built.pending || made.pending ? ops.length : 0,
    modelMs: timing.current + made.ms,
    preview: preview !== null,
  };
}

const EMPTY = buildStructure([]);
const EMPTY_PICTURE: Picture = runNow(pictureSteps(EMPTY, new Map(), new Map(), "", false));

// eslint-disable-next-line require-yield
function* nothing(): Sliced<null> {
  return null;
}

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
    const s = runNow(structureAt(ops, graphId));
    timing.current = performance.now() - t0;
    return s;
  }, [ops, small, graphId, timing]);
  const [sliced, setSliced] = useState<{ ops: readonly NodeEvent[]; runId: number; graphId: number; structure: GraphStructure; ms: number } | null>(null);
  useEffect(() => {
    if (small) return;
    const signal = { cancelled: false };
    const stats = { workMs: 0 };
    void runInSlices(structureAt(ops, graphId), SLICE_MS, signal, stats).then((structure) => {
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

/** The structure of a graph's ops: only the ops the shared index (indexCache.ts) lacks are indexed. */
function* structureAt(ops: readonly NodeEvent[], graphId: number): Sliced<GraphStructure> {
  return yield* structureOfIndex(yield* sharedIndexSteps(ops, graphId));
}

/** Function graphs' names: a node's attr `x_graph: id` next to `x: "<function name>"` (engine/node_record.ts). */
export function functionGraphLabels(nodes: readonly { attrs?: Record<string, unknown> }[]): Map<number, string> {
  // A growing node list (a new array per batch, beginning with the old one's nodes) is read
  // from where the last one ended.
  const grows = lastLabels !== null && nodes.length >= lastLabels.count && nodes[0] === lastLabels.first && nodes[lastLabels.count - 1] === lastLabels.last;
  const labels = grows ? new Map(lastLabels!.labels) : new Map<number, string>();
  for (let i = grows ? lastLabels!.count : 0; i < nodes.length; i++) {
    const attrs = nodes[i].attrs;
    if (attrs === undefined) continue;
    for (const k in attrs) {
      const v = attrs[k];
      if (typeof v !== "number" || !k.endsWith("_graph")) continue;
      const name = attrs[k.slice(0, -"_graph".length)];
      if (typeof name === "string") labels.set(v, name);
    }
  }
  if (nodes.length > 0) lastLabels = { first: nodes[0], last: nodes[nodes.length - 1], count: nodes.length, labels };
  return labels;
}

let lastLabels: { first: object; last: object; count: number; labels: Map<number, string> } | null = null;
