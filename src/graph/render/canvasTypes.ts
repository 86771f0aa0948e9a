/**
 * What the pane hands the canvas: laid-out elements (from render/scene), a run's highlight,
 * and the callbacks the canvas calls back with. Plain data, so the scene is built and tested
 * without a DOM.
 */
import type { Badge } from "./BadgeLayer";

export interface DrawNode {
  id: string;
  parent: string | null;
  label: string;
  w: number;
  h: number;
  /** Category/kind classes (highlight classes are added on top). */
  classes: string;
}

export interface DrawEdge {
  id: string;
  source: string;
  target: string;
  classes: string;
}

export interface CanvasCallbacks {
  onTapNode(id: string): void;
  onDoubleTapNode(id: string): void;
  onTapBackground(): void;
}

/** Highlight classes per element id; elements missing from both maps are dimmed. */
export interface CanvasHighlight {
  nodes: ReadonlyMap<string, string>;
  edges: ReadonlyMap<string, string>;
  /** Node ids in execution order, for the path animation. */
  sequence: readonly string[];
  badges: readonly Badge[];
}

/** Pointers from elsewhere: the editor's line, hover, a hint, the selection, the stepper's op. */
export type MarkKind = "match" | "hover" | "hint" | "selected" | "current";
