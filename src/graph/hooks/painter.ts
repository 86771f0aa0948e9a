/**
 * The layout budget: from a structure change to a picture on screen in well under a second,
 * whatever the size.
 *
 * 1. The view is already folded (series, chips), so what is laid out is small.
 * 2. A cached ELK layout of the same layout graph is drawn at once.
 * 3. Otherwise the quick JS layout is computed at once (milliseconds), and ELK starts in its
 *    worker. ELK's picture is drawn if it comes within FINE_WAIT_MS; else the quick picture is
 *    drawn then, and ELK's replaces it when it comes (a refinement), unless it fails or times
 *    out (the quick picture stays). Graphs too big for ELK keep the quick picture.
 * 4. Whenever a layout is still running after STATUS_AFTER_MS, the pane says "Laying out N
 *    nodes…" until the final places are known: not while the canvas then draws them (a draw
 *    waits for idle time and frames, which a resizing or hidden window holds back, and the
 *    status would stay with nothing being laid out).
 *
 * Every picture at laid-out places is reported with `playground:graph-drawn`.
 */
import { reportDrawn, type GraphDrawn } from "../drawnEvent";
import type { Positions } from "../layout/elkGraph";
import { type LayoutGraph, placeAll, type Point, unitCount } from "../layout/layoutGraph";
import type { LayoutEngine } from "../layout/layoutEngine";
import { stabilize } from "../layout/positions";
import { quickLayout } from "../layout/quickLayout";
import type { GraphCanvas } from "../render/GraphCanvas";
import type { Scene } from "../render/scene";

/** How long a fresh picture waits for ELK before the quick layout is shown instead. */
export const FINE_WAIT_MS = 350;
/** From this many units ELK is not waited for: the quick picture comes first. */
export const ELK_WAIT_MAX_UNITS = 250;
/** Above this many units ELK is not asked at all (seconds, and a refinement nobody waits for). */
export const ELK_MAX_UNITS = 1500;
/** Pictures of more elements than this jump to new places (a glide redraws them all each frame). */
const ANIMATE_MAX = 300;
/** A layout still running after this long is announced. */
export const STATUS_AFTER_MS = 200;

export interface PaintRequest {
  scene: Scene;
  graph: LayoutGraph;
  running: boolean;
  /** Fit the viewport to the picture. */
  fit: boolean;
  /** Ops in the graph and time spent building the model, for the report. */
  opCount: number;
  modelMs: number;
  /** Called with a status text while a layout takes long, and null when it is done. */
  onStatus(text: string | null): void;
  /** Called when a picture is drawn (to stop auto-fitting and the like). */
  onDrawn?(): void;
  /** Where the picture's report goes (default: the `playground:graph-drawn` event). */
  report?(detail: GraphDrawn): void;
}

/** What painting needs of the canvas and of the layout engine. */
export type PaintCanvas = Pick<GraphCanvas, "centers" | "sync">;
export type PaintEngine = Pick<LayoutEngine, "has" | "layout">;

/** Draws one request; the returned function cancels what is still pending. */
export function paint(canvas: PaintCanvas, engine: PaintEngine, req: PaintRequest): () => void {
  const { scene, graph, running } = req;
  const t0 = performance.now();
  let cancelled = false;
  let drawnFinal = false;
  /** Whether the final places are known (the status is then cleared, whatever the draw does). */
  let laidOut = false;
  const units = unitCount(graph);
  const before = canvas.centers();
  const drawnCount = scene.nodes.filter((n) => !n.classes.includes("expanded") && !n.classes.includes("chip")).length;

  const statusTimer = setTimeout(() => {
    if (!cancelled && !laidOut) req.onStatus(`Laying out ${units.toLocaleString("en-US")} nodes…`);
  }, STATUS_AFTER_MS);
  const done = (): void => {
    laidOut = true;
    clearTimeout(statusTimer);
    req.onStatus(null);
  };

  const draw = async (positions: Positions, how: { kind: "elk" | "quick"; cached: boolean; refine: boolean; layoutMs: number }, final: boolean): Promise<void> => {
    // The last layout of this request is done: what follows is drawing, not laying out.
    if (final) done();
    let placed: Positions = { centers: placeAll(graph, positions.centers), routes: positions.routes };
    // A cached layout is where this structure was drawn before: keep it exactly.
    if (!how.cached) placed = stabilize(placed, before);
    // While a program runs, draw when the page is idle: not in a frame that also applies a batch.
    if (running) await new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 150 }));
    if (cancelled) return;
    let kept = 0;
    for (const id of placed.centers.keys()) if (before.has(id)) kept++;
    // Moving nodes helps the eye follow small changes; a new picture just appears. Not while
    // a program runs: a glide redraws every element on every frame.
    const animate = !running && scene.nodes.length + scene.edges.length <= ANIMATE_MAX && (how.refine || (kept > 0 && kept >= placed.centers.size * 0.6));
    const t1 = performance.now();
    await canvas.sync(scene.nodes, scene.edges, placed.centers, how.kind === "elk" ? placed.routes : null, {
      animate,
      fit: req.fit,
      progressive: running,
    });
    if (cancelled) return;
    drawnFinal = true;
    req.onDrawn?.();
    (req.report ?? reportDrawn)({
      ops: req.opCount,
      drawn: drawnCount,
      nodes: scene.nodes.length,
      elements: scene.nodes.length + scene.edges.length,
      layoutMs: req.modelMs + how.layoutMs,
      drawMs: performance.now() - t1,
      cached: how.cached,
      final: true,
      layout: how.kind,
      refined: how.refine,
      sinceStartMs: performance.now() - t0,
    });
  };

  const cachedOrElk = units <= ELK_MAX_UNITS || engine.has(graph) ? engine.layout(graph) : null;
  if (cachedOrElk === null) {
    const q0 = performance.now();
    const centers = quickLayout(graph);
    void draw({ centers, routes: new Map() }, { kind: "quick", cached: false, refine: false, layoutMs: performance.now() - q0 }, true);
    return () => {
      cancelled = true;
      done();
    };
  }

  let quickShown = false;
  /** The quick picture: before ELK's (`final` false), or instead of it. */
  const showQuick = (final: boolean): void => {
    if (cancelled || quickShown || drawnFinal) return;
    quickShown = true;
    const q0 = performance.now();
    const centers = quickLayout(graph);
    void draw({ centers, routes: new Map() }, { kind: "quick", cached: false, refine: false, layoutMs: performance.now() - q0 + (q0 - t0) }, final);
  };
  const wait = engine.has(graph) ? null : setTimeout(() => showQuick(false), units >= ELK_WAIT_MAX_UNITS ? 0 : FINE_WAIT_MS);
  cachedOrElk.then(
    (result) => {
      if (wait !== null) clearTimeout(wait);
      if (cancelled || result === null) return done();
      void draw(result.positions, { kind: "elk", cached: result.cached, refine: quickShown, layoutMs: performance.now() - t0 }, true);
    },
    (err: unknown) => {
      // ELK failed or gave up: the quick picture is the picture.
      console.warn("graph layout: ELK failed, keeping the quick layout", err);
      if (wait !== null) clearTimeout(wait);
      showQuick(true);
      done();
    },
  );
  return () => {
    cancelled = true;
    if (wait !== null) clearTimeout(wait);
    done();
  };
}

export type { Point };
