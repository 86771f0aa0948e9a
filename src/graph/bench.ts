/**
 * Performance hooks for `npm run bench:ui` (bench/ui/run.ts), present in production builds:
 * - every finished layout + draw dispatches `playground:graph-drawn` on window with
 *   `detail: { ops, nodes, layoutMs, drawMs, cached, final, sinceStartMs }` (`final` is false
 *   for the quick first picture of a very big flat graph, true once ELK's layout is drawn);
 * - `window.__graphBench.drawSynthetic(n, flat?)` shows a generated graph of n ops (see
 *   model/synthetic.ts) as a finished program's graph and resolves with that event's detail;
 * - `window.__graphBench.pointOf(op)` gives where an op's node is on screen (e2e clicks).
 */
import { showNodes } from "../store";
import { syntheticFlat, syntheticModel } from "./model/synthetic";

export interface GraphDrawn {
  /** Ops in the graph. */
  ops: number;
  /** Drawn nodes (after folding and collapsing). */
  nodes: number;
  /** From new nodes to positions: model, view and ELK (0 ELK time on a cache hit). */
  layoutMs: number;
  /** From positions to the first frame drawn with them. */
  drawMs: number;
  cached: boolean;
  /**
   * False for the quick first picture of a very big flat graph (a JS layout shown while ELK
   * works); true once ELK's layout is drawn.
   */
  final: boolean;
  /** From new nodes to this picture on screen. */
  sinceStartMs: number;
}

export const GRAPH_DRAWN = "playground:graph-drawn";

export function reportDrawn(detail: GraphDrawn): void {
  window.dispatchEvent(new CustomEvent<GraphDrawn>(GRAPH_DRAWN, { detail }));
}

export interface GraphBench {
  /** Resolves with the final picture's timings and, when a quick one came first, its time. */
  drawSynthetic(n: number, flat?: boolean): Promise<GraphDrawn & { firstPictureMs: number }>;
  /**
   * Where the node showing `op` is drawn, in page coordinates (for end-to-end tests that
   * click the canvas as a user would), or null when it is not drawn or out of view.
   */
  pointOf(op: string): { x: number; y: number } | null;
}

let probe: ((op: string) => { x: number; y: number } | null) | null = null;

/** The pane tells the bench hook how to find a node on screen (null when it unmounts). */
export function setCanvasProbe(fn: ((op: string) => { x: number; y: number } | null) | null): void {
  probe = fn;
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
      let first: number | null = null;
      const drawn = new Promise<GraphDrawn & { firstPictureMs: number }>((resolve) => {
        const on = (e: Event): void => {
          const d = (e as CustomEvent<GraphDrawn>).detail;
          if (d.ops !== nodes.length) return;
          first ??= d.sinceStartMs;
          if (!d.final) return;
          window.removeEventListener(GRAPH_DRAWN, on);
          resolve({ ...d, firstPictureMs: first });
        };
        window.addEventListener(GRAPH_DRAWN, on);
      });
      showNodes(nodes);
      return drawn;
    },
    pointOf: (op) => (probe === null ? null : probe(op)),
  };
}
