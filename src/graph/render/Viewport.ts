/**
 * Where the learner looks: zoom (buttons, keys and a wheel step of ZOOM_STEP at the pointer),
 * Fit (framing boxes, never below MIN_FIT_ZOOM), centring on a found node and revealing a
 * selected one. Works on the Cytoscape instance's viewport only; the elements are the
 * canvas's business.
 */
import type cytoscape from "cytoscape";
import type { Core } from "cytoscape";
import type { Box } from "../layout/positions";

const FIT_PADDING = 24;
const MAX_FIT_ZOOM = 1.25;
/**
 * Fit never zooms out further than this: below it nodes are specks. A picture that does not
 * fit at this zoom is framed from its top (where a layered graph starts), and the minimap
 * shows the rest.
 */
export const MIN_FIT_ZOOM = 0.5;
/** One wheel notch (or a zoom button) zooms by this factor. */
export const ZOOM_STEP = 1.25;
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 3;
/** Finding a node zooms in to at least this. */
const FOCUS_ZOOM = 0.9;

/** A laid-out box by its centre and size (model coordinates). */
export interface Placed {
  x: number;
  y: number;
  w: number;
  h: number;
}

export class Viewport {
  private readonly onWheel: (e: WheelEvent) => void;

  constructor(
    private readonly cy: Core,
    private readonly container: HTMLElement,
    /** The element wheel events are caught on (before Cytoscape's own handler sees them). */
    private readonly host: HTMLElement,
    /** Called when the learner zooms or pans. */
    private readonly onUser: () => void,
  ) {
    // Cytoscape's wheel zoom is ~4 % a notch and its sensitivity option only scales that;
    // the wheel is handled here (before Cytoscape sees it): ZOOM_STEP a notch, at the pointer.
    // Trackpad pinches arrive as wheel events with ctrlKey and small deltas: same formula.
    this.onWheel = (e: WheelEvent) => {
      if (!container.contains(e.target as Node)) return;
      e.preventDefault();
      e.stopPropagation();
      const lines = e.deltaMode === 1 ? 33 : e.deltaMode === 2 ? 400 : 1;
      const delta = Math.max(-300, Math.min(300, e.deltaY * lines));
      const factor = Math.pow(ZOOM_STEP, -delta / 100);
      const rect = container.getBoundingClientRect();
      this.zoomAt(factor, { x: e.clientX - rect.left, y: e.clientY - rect.top });
    };
    host.addEventListener("wheel", this.onWheel, { capture: true, passive: false });
  }

  /** Zooms by `factor` keeping the point `at` (pane coordinates; default: the centre) still. */
  zoomAt(factor: number, at?: { x: number; y: number }): void {
    const level = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, this.cy.zoom() * factor));
    if (Math.abs(level - this.cy.zoom()) < 1e-9) return;
    this.cy.zoom({ level, renderedPosition: at ?? { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
    this.onUser();
  }

  /**
   * Fits the view to laid-out boxes. Cytoscape's own fit measures every element (labels,
   * compound bounds) first, which costs hundreds of ms on a fresh 1,000-op graph; the layout
   * already knows the boxes.
   */
  fitPlaced(place: Iterable<Placed>): void {
    const boxes: Box[] = [];
    for (const p of place) boxes.push({ x1: p.x - p.w / 2, y1: p.y - p.h / 2, x2: p.x + p.w / 2, y2: p.y + p.h / 2 });
    this.frame(boxes);
  }

  /**
   * Frames `ids` (or everything), at most at a comfortable reading zoom and at least at
   * MIN_FIT_ZOOM; what does not fit at that zoom is framed from its top.
   */
  fit(ids?: readonly string[]): void {
    const eles = ids === undefined || ids.length === 0 ? this.cy.nodes() : this.cy.collection(ids.map((id) => this.cy.getElementById(id)).filter((e) => e.nonempty()) as unknown as cytoscape.CollectionArgument);
    const place: Placed[] = [];
    eles.forEach((e) => {
      if (!e.isNode()) return;
      const p = e.position();
      place.push({ x: p.x, y: p.y, w: Number(e.data("w")) || 0, h: Number(e.data("h")) || 0 });
    });
    this.fitPlaced(place);
  }

  /**
   * Frames boxes (model coordinates): all of them when they fit at MIN_FIT_ZOOM or more; else
   * at MIN_FIT_ZOOM, the top of the picture (a layered graph starts there), centred on what
   * is in that top band rather than on the whole width.
   */
  private frame(boxes: readonly Box[]): void {
    if (boxes.length === 0) return;
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const b of boxes) {
      x1 = Math.min(x1, b.x1);
      x2 = Math.max(x2, b.x2);
      y1 = Math.min(y1, b.y1);
      y2 = Math.max(y2, b.y2);
    }
    const w = this.cy.width();
    const h = this.cy.height();
    if (w <= 0 || h <= 0 || !Number.isFinite(x1)) return;
    const zoom = Math.max(MIN_FIT_ZOOM, Math.min(MAX_FIT_ZOOM, (w - 2 * FIT_PADDING) / Math.max(1, x2 - x1), (h - 2 * FIT_PADDING) / Math.max(1, y2 - y1)));
    let pan: { x: number; y: number };
    if ((y2 - y1) * zoom <= h - 2 * FIT_PADDING && (x2 - x1) * zoom <= w - 2 * FIT_PADDING) {
      pan = { x: w / 2 - zoom * ((x1 + x2) / 2), y: h / 2 - zoom * ((y1 + y2) / 2) };
    } else {
      const bandBottom = y1 + (h - 2 * FIT_PADDING) / zoom;
      let bx1 = Infinity;
      let bx2 = -Infinity;
      for (const b of boxes) {
        if (b.y1 > bandBottom) continue;
        bx1 = Math.min(bx1, b.x1);
        bx2 = Math.max(bx2, b.x2);
      }
      const cx = (bx2 - bx1) * zoom <= w - 2 * FIT_PADDING ? (bx1 + bx2) / 2 : bx1 + (w / 2 - FIT_PADDING) / zoom;
      pan = { x: w / 2 - zoom * cx, y: FIT_PADDING - zoom * y1 };
    }
    // Setting the same viewport again still makes Cytoscape re-render every texture.
    const was = this.cy.pan();
    if (Math.abs(this.cy.zoom() - zoom) < 1e-6 && Math.abs(was.x - pan.x) < 0.5 && Math.abs(was.y - pan.y) < 0.5) return;
    this.cy.viewport({ zoom, pan });
  }

  /** Centres on a node at a readable zoom (at least FOCUS_ZOOM). */
  focus(id: string): void {
    const n = this.cy.getElementById(id);
    if (n.empty()) return;
    const zoom = Math.max(this.cy.zoom(), FOCUS_ZOOM);
    this.cy.stop();
    this.cy.animate({ zoom, center: { eles: n } } as cytoscape.AnimationOptions, { duration: prefersReducedMotion() ? 0 : 250 });
  }

  /** Brings a node into view without changing the zoom, unless it is already visible. */
  reveal(id: string): void {
    const n = this.cy.getElementById(id);
    if (n.empty()) return;
    const bb = n.renderedBoundingBox();
    if (bb.x1 >= 0 && bb.y1 >= 0 && bb.x2 <= this.cy.width() && bb.y2 <= this.cy.height()) return;
    this.cy.animate({ center: { eles: n } } as cytoscape.AnimationOptions, { duration: prefersReducedMotion() ? 0 : 250 });
  }

  /** A drawn node's centre in page coordinates, or null when it is not drawn or not in view. */
  pagePoint(id: string): { x: number; y: number } | null {
    const n = this.cy.getElementById(id);
    if (n.empty()) return null;
    const p = n.renderedPosition();
    const rect = this.container.getBoundingClientRect();
    if (p.x < 0 || p.y < 0 || p.x > rect.width || p.y > rect.height) return null;
    return { x: rect.left + p.x, y: rect.top + p.y };
  }

  destroy(): void {
    this.host.removeEventListener("wheel", this.onWheel, { capture: true });
  }
}

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}
