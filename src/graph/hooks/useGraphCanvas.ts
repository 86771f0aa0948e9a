/**
 * Owns the Cytoscape canvas and the layout engine for the pane's lifetime, and pushes model
 * changes into them: structure changes go through layout (cached, off the main thread), run
 * changes only toggle classes. The canvas is never re-created by React.
 */
import { useEffect, useRef, type RefObject } from "react";
import { useStore } from "../../store";
import { reportDrawn } from "../bench";
import { provisional, stabilize } from "../layout/positions";
import { LayoutEngine } from "../layout/layoutEngine";
import { quickLayout, quickLayoutApplies } from "../layout/quickLayout";
import { GraphCanvas, type CanvasCallbacks, type MarkKind } from "../render/GraphCanvas";
import { paletteFor } from "../render/palette";
import { canvasHighlight } from "../render/scene";
import type { GraphModel } from "./useGraphModel";

/** Programs with more runs than this end on their last run without replaying its path. */
const REPLAY_MAX_RUNS = 1000;
/** Nodes from which a new picture is drawn at provisional places before its layout arrives. */
const PROVISIONAL_NEW_MIN = 150;
/** Drawn nodes above which a flat graph is first shown with the quick layout. */
const QUICK_LAYOUT_MIN = 1200;

export interface CanvasHandle {
  fit(): void;
  reveal(id: string): void;
  pagePoint(id: string): { x: number; y: number } | null;
}

export function useGraphCanvas(
  container: RefObject<HTMLDivElement | null>,
  model: GraphModel,
  dark: boolean,
  callbacks: CanvasCallbacks,
  marks: Record<MarkKind, readonly string[]>,
): RefObject<CanvasHandle | null> {
  const canvas = useRef<GraphCanvas | null>(null);
  const engine = useRef<LayoutEngine | null>(null);
  const handle = useRef<CanvasHandle | null>(null);
  const cb = useRef(callbacks);
  cb.current = callbacks;
  /** Fit the view after layouts until the learner pans or zooms. */
  const autoFit = useRef(true);
  const drawnRunId = useRef(-1);
  const lastRun = useRef<number | null | undefined>(undefined);

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
      fit: () => {
        autoFit.current = true;
        c.fit();
      },
      reveal: (id) => c.reveal(id),
      pagePoint: (id) => c.pagePoint(id),
    };
    const stopFit = (): void => {
      autoFit.current = false;
    };
    el.addEventListener("wheel", stopFit, { passive: true });
    el.addEventListener("pointerdown", stopFit);
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      el.removeEventListener("wheel", stopFit);
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

  // Structure → layout → draw.
  const { scene, view, running, runId, opCount, modelMs } = model;
  useEffect(() => {
    const c = canvas.current;
    const e = engine.current;
    if (c === null || e === null) return;
    // A new run starts with no ops: keep the old picture until the new one has something.
    if (running && scene.nodes.length === 0) return;
    const t0 = performance.now();
    let cancelled = false;
    const before = c.centers();
    let drawnAlready = 0;
    for (const n of scene.nodes) if (before.has(n.id)) drawnAlready++;
    // A growing picture (or a big new one, whose layout takes a while) shows newcomers at
    // once next to what they read; the layout then moves them into place. A small new picture
    // waits for its layout (a fraction of a second): drawing it twice, the second time with
    // every node moved, cost two full frames in the middle of the run.
    const growing = drawnAlready >= scene.nodes.length / 2 || scene.nodes.length >= PROVISIONAL_NEW_MIN;
    if (running && scene.nodes.length > 0 && scene.nodes.length < 400 && growing) {
      void c.sync(scene.nodes, scene.edges, provisional(view, before), null, { animate: false, fit: false, progressive: true });
    }
    // Very big flat graphs: a quick JS layout now, ELK's when its worker is done (and only once
    // the program has stopped growing it: two layouts per growth step would move every node twice).
    const quick = quickLayoutApplies(view, QUICK_LAYOUT_MIN) && !e.has(view, scene.sizes);
    const elkNow = !(quick && running);
    if (quick) {
      const positions = quickLayout(view, scene.sizes);
      const layoutMs = modelMs + (performance.now() - t0);
      void c.sync(scene.nodes, scene.edges, positions.centers, null, { animate: false, fit: autoFit.current || drawnRunId.current !== runId }).then((drawMs) => {
        if (!cancelled) reportDrawn({ ops: opCount, nodes: scene.nodes.length, layoutMs, drawMs, cached: false, final: false, sinceStartMs: performance.now() - t0 });
      });
    }
    if (!elkNow) {
      return () => {
        cancelled = true;
      };
    }
    e.layout(view, scene.sizes).then(
      async (result) => {
        if (cancelled || result === null) return;
        const layoutMs = modelMs + (performance.now() - t0);
        // A cached layout is where this structure was drawn before: keep it exactly.
        const positions = result.cached || quick ? result.positions : stabilize(result.positions, before);
        // Re-running a program keeps the learner's viewport; a different program is fitted.
        let shared = false;
        for (const id of positions.centers.keys()) if (before.has(id)) shared = true;
        const fit = autoFit.current || (drawnRunId.current !== runId && !shared);
        // Moving nodes helps the eye follow small changes; a new picture just appears.
        let kept = 0;
        for (const id of positions.centers.keys()) if (before.has(id)) kept++;
        // Not while a program runs: a glide redraws every element on every frame.
        const animate = !quick && !running && kept > 0 && kept >= positions.centers.size * 0.6;
        drawnRunId.current = runId;
        // While a program runs, draw when the page is idle: not in a frame that also applies a batch.
        if (running) await new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 150 }));
        if (cancelled) return;
        const t1 = performance.now();
        // While a program runs, new elements appear over a few frames (keeping each short).
        await c.sync(scene.nodes, scene.edges, positions.centers, positions.routes, { animate, fit, progressive: running });
        if (cancelled) return;
        reportDrawn({ ops: opCount, nodes: scene.nodes.length, layoutMs, drawMs: performance.now() - t1, cached: result.cached, final: true, sinceStartMs: performance.now() - t0 });
      },
      (err: unknown) => console.error("graph layout failed", err),
    );
    return () => {
      cancelled = true;
    };
  }, [scene, view, running, runId, opCount, modelMs]);

  // Run → highlight, animated when the learner picks another run or a short program ends;
  // not while a loop streams, nor when a long one ends (its path was lit all along, and each
  // step of a replay redraws the whole graph).
  const { highlight, structure, run, runIndex, runCount, runPinned } = model;
  useEffect(() => {
    const c = canvas.current;
    if (c === null) return;
    const lit = highlight === null ? null : canvasHighlight(structure, highlight, run?.error ? { op: run.error.op, message: run.error.message } : undefined);
    const changed = lastRun.current !== runIndex;
    lastRun.current = runIndex;
    c.highlight(lit, changed && !running && (runPinned || runCount <= REPLAY_MAX_RUNS));
  }, [highlight, structure, run, runIndex, running, runCount, runPinned]);

  // Pointers from elsewhere.
  useEffect(() => canvas.current?.mark("selected", marks.selected), [marks.selected]);
  useEffect(() => canvas.current?.mark("match", marks.match), [marks.match]);
  useEffect(() => canvas.current?.mark("hover", marks.hover), [marks.hover]);
  useEffect(() => canvas.current?.mark("hint", marks.hint), [marks.hint]);

  return handle;
}
