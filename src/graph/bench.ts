/**
 * Performance hooks for `npm run bench:ui` (bench/ui/run.ts) and tests, present in production
 * builds:
 * - every picture drawn at laid-out places dispatches `playground:graph-drawn` on window with
 *   `detail: { ops, drawn, layoutMs, drawMs, ... }` (GraphDrawn below; `refined` marks ELK's
 *   picture replacing a quick one);
 * - `window.__graphBench.drawSynthetic(n, flat?)` shows a generated graph of n ops (see
 *   model/synthetic.ts) as a finished program's graph and resolves with that event's detail;
 * - `window.__graphBench.pointOf(op)` gives where an op's node is on screen (e2e clicks), and
 *   `window.__graphBench.zoom()` the canvas' zoom level.
 */
import { showNodes } from "../store";
import { GRAPH_DRAWN, type GraphDrawn } from "./drawnEvent";
import { syntheticFlat, syntheticModel } from "./model/synthetic";

export { GRAPH_DRAWN, reportDrawn, type GraphDrawn } from "./drawnEvent";

export interface GraphBench {
  /** Resolves with the first picture's timings and, when ELK refines it later, that time. */
  drawSynthetic(n: number, flat?: boolean): Promise<GraphDrawn & { firstPictureMs: number }>;
  /**
   * Where the node showing `op` is drawn, in page coordinates (for end-to-end tests that
   * click the canvas as a user would), or null when it is not drawn or out of view.
   */
  pointOf(op: string): { x: number; y: number } | null;
  /** The canvas' zoom level (1: model size), or null without a canvas. */
  zoom(): number | null;
  /** The labels drawn on edges (the "Shapes" toggle): `source op → target op` → label. */
  edgeLabels(): Record<string, string>;
}

/** What the pane tells the hooks about its canvas. */
export interface CanvasProbe {
  pointOf(op: string): { x: number; y: number } | null;
  zoom(): number;
  edgeLabels(): Record<string, string>;
}

let probe: CanvasProbe | null = null;

/** The pane tells the bench hook how to read its canvas (null when it unmounts). */
export function setCanvasProbe(p: CanvasProbe | null): void {
  probe = p;
}

declare global {
  interface Window {
    __graphBench?: GraphBench;
  }
}

export function installGraphBench(): void {
  window.__graphBench = {
    drawSynthetic(n: number, flat = false): Promise<GraphDrawn & { firstPictureMs: number }> {
      const nodes = flat ? syntheticFlat(n) : syntheticModel(n);
      const drawn = new Promise<GraphDrawn & { firstPictureMs: number }>((resolve) => {
        const on = (e: Event): void => {
          const d = (e as CustomEvent<GraphDrawn>).detail;
          if (d.ops !== nodes.length) return;
          window.removeEventListener(GRAPH_DRAWN, on);
          resolve({ ...d, firstPictureMs: d.sinceStartMs });
        };
        window.addEventListener(GRAPH_DRAWN, on);
      });
      showNodes(nodes);
      return drawn;
    },
    pointOf: (op) => (probe === null ? null : probe.pointOf(op)),
    zoom: () => (probe === null ? null : probe.zoom()),
    edgeLabels: () => (probe === null ? {} : probe.edgeLabels()),
  };
}
