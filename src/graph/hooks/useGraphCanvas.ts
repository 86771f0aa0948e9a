/**
 * Owns the Cytoscape canvas and the layout engine for the pane's lifetime, and pushes model
 * changes into them: structure changes go through layout (cached, off the main thread), run
 * changes only toggle classes. The canvas is never re-created by React.
 */
import { useEffect, useMemo, useRef, type RefObject } from "react";
import { useStore } from "../../store";
import { LayoutEngine } from "../layout/layoutEngine";
import { GraphCanvas, type CanvasCallbacks, type MarkKind } from "../render/GraphCanvas";
import { paletteFor } from "../render/palette";
import { canvasHighlight } from "../render/scene";
import { runSequence } from "../model/highlight";
import { paint } from "./painter";
import type { GraphModel } from "./useGraphModel";

/** Programs with more runs than this end on their last run without replaying its path. */
const REPLAY_MAX_RUNS = 1000;

export interface CanvasHandle {
  /** Frames `ids` (or everything) and fits new pictures again until the learner moves the view. */
  fit(ids?: readonly string[]): void;
  zoom(factor: number): void;
  zoomLevel(): number;
  reveal(id: string): void;
  /** Centres on a drawn node now if it is drawn, and again once the picture being laid out is. */
  focus(id: string): void;
  /** Drawn nodes the shown run lights. */
  litIds(): string[];
  pagePoint(id: string): { x: number; y: number } | null;
  /** Edge id → the label drawn on it. */
  edgeLabels(): Map<string, string>;
}

/** What the pane adds over the run's highlight: value badges, the stepper's step, edge shapes. */
export interface CanvasDecor {
  values: boolean;
  /** The stepper's position in the run's path, or null for the whole run. */
  step: number | null;
  /** Drawn ids of the stepper's op. */
  current: readonly string[];
  /** Edge labels (the "Shapes" toggle), or null. */
  shapes: ReadonlyMap<string, string> | null;
}

export function useGraphCanvas(
  container: RefObject<HTMLDivElement | null>,
  model: GraphModel,
  dark: boolean,
  callbacks: CanvasCallbacks,
  marks: Record<Exclude<MarkKind, "current">, readonly string[]>,
  onStatus: (text: string | null) => void,
  decor: CanvasDecor,
): RefObject<CanvasHandle | null> {
  const statusRef = useRef(onStatus);
  statusRef.current = onStatus;
  const canvas = useRef<GraphCanvas | null>(null);
  const engine = useRef<LayoutEngine | null>(null);
  const handle = useRef<CanvasHandle | null>(null);
  const cb = useRef(callbacks);
  cb.current = callbacks;
  /** Fit the view after layouts until the learner pans or zooms. */
  const autoFit = useRef(true);
  const drawnRunId = useRef(-1);
  const lastRun = useRef<number | null | undefined>(undefined);
  /** A node to centre on once the picture being laid out is drawn (Find node). */
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    const el = container.current!;
    const c = new GraphCanvas(el, paletteFor(dark), {
      onTapNode: (id) => cb.current.onTapNode(id),
      onDoubleTapNode: (id) => cb.current.onDoubleTapNode(id),
      onTapBackground: () => cb.current.onTapBackground(),
    });
    canvas.current = c;
    engine.current = new LayoutEngine();
    engine.current.warm();
    const idle = (cb: () => void): number =>
      typeof requestIdleCallback === "function" ? requestIdleCallback(cb, { timeout: 400 }) : window.setTimeout(cb, 300);
    // Not once a program runs: its own graph is about to arrive, and the frame is costly.
    idle(() => {
      if (useStore.getState().program.status !== "running") c.warmUp();
    });
    handle.current = {
      fit: (ids) => {
        autoFit.current = ids === undefined;
        c.fit(ids);
      },
      zoom: (factor) => c.zoomAt(factor),
      zoomLevel: () => c.cy.zoom(),
      reveal: (id) => c.reveal(id),
      focus: (id) => {
        pendingFocus.current = id;
        c.focus(id);
      },
      litIds: () => c.litIds(),
      pagePoint: (id) => c.pagePoint(id),
      edgeLabels: () => c.drawnEdgeLabels(),
    };
    const stopFit = (): void => {
      autoFit.current = false;
    };
    c.onUserViewport = stopFit;
    el.addEventListener("pointerdown", stopFit);
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      el.removeEventListener("pointerdown", stopFit);
      engine.current?.dispose();
      c.destroy();
      canvas.current = null;
    };
    // The canvas lives as long as the pane; theme changes restyle it below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    canvas.current?.setTheme(paletteFor(dark));
  }, [dark]);

  // Structure → layout → draw (painter.ts keeps it within its budget).
  const { scene, graph, running, runId, opCount, modelMs } = model;
  useEffect(() => {
    const c = canvas.current;
    const e = engine.current;
    if (c === null || e === null) return;
    // Nothing to draw (a new run starts with no ops: keep the old picture until it has some).
    if (scene.nodes.length === 0) {
      if (!running) canvas.current?.clear();
      return;
    }
    const before = c.centers();
    let shared = false;
    for (const n of scene.nodes) if (before.has(n.id)) shared = true;
    // Re-running a program keeps the learner's viewport; a different program is fitted.
    const fit = autoFit.current || (drawnRunId.current !== runId && !shared);
    drawnRunId.current = runId;
    return paint(c, e, {
      scene,
      graph,
      running,
      fit: fit && pendingFocus.current === null,
      opCount,
      modelMs,
      onStatus: (t) => statusRef.current(t),
      onDrawn: () => {
        const id = pendingFocus.current;
        if (id === null) return;
        pendingFocus.current = null;
        c.focus(id);
      },
    });
  }, [scene, graph, running, runId, opCount, modelMs]);

  // Run → highlight, animated when the learner picks another run or a short program ends;
  // not while a loop streams, nor when a long one ends (its path was lit all along, and each
  // step of a replay redraws the whole graph).
  const { highlight, structure, run, runIndex, runCount, runPinned, view } = model;
  const { values, step, current, shapes } = decor;
  const lit = useMemo(() => {
    const error = run?.error ? { op: run.error.op, message: run.error.message } : undefined;
    return highlight === null ? null : canvasHighlight(structure, highlight, { error, scene, view, values });
  }, [highlight, structure, run, scene, view, values]);
  useEffect(() => {
    const c = canvas.current;
    if (c === null) return;
    const changed = lastRun.current !== runIndex;
    lastRun.current = runIndex;
    if (step !== null && lit !== null && highlight !== null && run !== null) {
      // A node lights at its first op's step; a chip as the node it stands for.
      const stepOf = (id: string): number => highlight.nodes.get(scene.chipNode.get(id) ?? id)?.step ?? -1;
      c.highlightStep(lit, step >= runSequence(run).length - 1 ? null : stepOf, step + 1, current);
      return;
    }
    c.mark("current", []);
    c.highlight(lit, changed && !running && (runPinned || runCount <= REPLAY_MAX_RUNS));
  }, [lit, highlight, run, runIndex, running, runCount, runPinned, scene, step, current]);

  useEffect(() => canvas.current?.setEdgeLabels(shapes), [shapes]);

  // Pointers from elsewhere.
  useEffect(() => canvas.current?.mark("selected", marks.selected), [marks.selected]);
  useEffect(() => canvas.current?.mark("match", marks.match), [marks.match]);
  useEffect(() => canvas.current?.mark("hover", marks.hover), [marks.hover]);
  useEffect(() => canvas.current?.mark("hint", marks.hint), [marks.hint]);

  return handle;
}
