/**
 * The pane's "a picture is drawn" event, part of the test contract (docs/app.md):
 * `playground:graph-drawn` on window with `detail: {ops, drawn, layoutMs, drawMs, ...}` each
 * time a picture is drawn at laid-out places.
 */

export interface GraphDrawn {
  /** Ops in the graph. */
  ops: number;
  /** Visible nodes (leaves, collapsed scopes and series; not scope boxes nor chips). */
  drawn: number;
  /** Drawn elements that are nodes (boxes and chips included). */
  nodes: number;
  /** Drawn elements: nodes and edges. */
  elements: number;
  /** From new nodes to positions: model, view and layout (0 ELK time on a cache hit). */
  layoutMs: number;
  /** From positions to the first frame drawn with them. */
  drawMs: number;
  cached: boolean;
  /** Always true: the event is sent for pictures at laid-out places (not provisional ones). */
  final: boolean;
  /** Which layout placed it: ELK, or the quick JS layout (ELK too slow, too big, or failed). */
  layout: "elk" | "quick";
  /** True when ELK's picture replaces a quick one drawn first. */
  refined: boolean;
  /** From new nodes to this picture on screen. */
  sinceStartMs: number;
}

export const GRAPH_DRAWN = "playground:graph-drawn";

export function reportDrawn(detail: GraphDrawn): void {
  window.dispatchEvent(new CustomEvent<GraphDrawn>(GRAPH_DRAWN, { detail }));
}

