/**
 * A minimap for pictures bigger than the pane: every node as a dot-sized box (the lit run's
 * nodes in the path colour), and the part in view as a frame. Clicking or dragging on it moves
 * the view there. It shows only while the picture does not fit the pane. Decoration for
 * pointer users (aria-hidden): the outline is the accessible view.
 */
import type { Core } from "cytoscape";

const WIDTH = 168;
const HEIGHT = 120;
const PAD = 6;

export interface MinimapColors {
  node: string;
  lit: string;
  error: string;
  frame: string;
  background: string;
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
  kind: 0 | 1 | 2;
}

export class Minimap {
  private readonly canvas: HTMLCanvasElement;
  private rects: Rect[] = [];
  private bounds = { x1: 0, y1: 0, x2: 1, y2: 1 };
  private frame = 0;
  private stale = true;
  private dragging = false;
  private readonly onViewport = (): void => this.schedule(false);
  private readonly onChange = (): void => this.schedule(true);

  constructor(
    /** The element the canvas is placed in (beside Cytoscape's container, not inside it). */
    host: HTMLElement,
    private readonly cy: Core,
    private colors: MinimapColors,
  ) {
    this.canvas = document.createElement("canvas");
    this.canvas.className = "gp-minimap";
    this.canvas.setAttribute("aria-hidden", "true");
    this.canvas.dataset.testid = "graph-minimap";
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    this.canvas.width = WIDTH * ratio;
    this.canvas.height = HEIGHT * ratio;
    this.canvas.style.width = `${WIDTH}px`;
    this.canvas.style.height = `${HEIGHT}px`;
    this.canvas.getContext("2d")?.scale(ratio, ratio);
    this.canvas.hidden = true;
    host.appendChild(this.canvas);
    cy.on("viewport resize", this.onViewport);
    cy.on("add remove position", this.onChange);
    const move = (e: PointerEvent): void => {
      const r = this.canvas.getBoundingClientRect();
      this.centreOn(e.clientX - r.left, e.clientY - r.top);
    };
    this.canvas.addEventListener("pointerdown", (e) => {
      this.dragging = true;
      this.canvas.setPointerCapture(e.pointerId);
      move(e);
      e.stopPropagation();
    });
    this.canvas.addEventListener("pointermove", (e) => {
      if (this.dragging) move(e);
    });
    this.canvas.addEventListener("pointerup", () => {
      this.dragging = false;
    });
  }

  setColors(colors: MinimapColors): void {
    this.colors = colors;
    this.schedule(true);
  }

  /** Redraws on the next frame; `changed` when nodes or their classes changed. */
  schedule(changed = true): void {
    if (changed) this.stale = true;
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private collect(): void {
    const rects: Rect[] = [];
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    this.cy.nodes().forEach((n) => {
      const p = n.position();
      const w = Number(n.data("w")) || 20;
      const h = Number(n.data("h")) || 20;
      const cls = n.classes() as unknown as string[];
      const expanded = cls.includes("expanded");
      const kind = cls.includes("hl-error") ? 2 : cls.some((c) => c.startsWith("hl-")) ? 1 : 0;
      x1 = Math.min(x1, p.x - w / 2);
      y1 = Math.min(y1, p.y - h / 2);
      x2 = Math.max(x2, p.x + w / 2);
      y2 = Math.max(y2, p.y + h / 2);
      if (!expanded) rects.push({ x: p.x - w / 2, y: p.y - h / 2, w, h, kind });
    });
    this.rects = rects;
    this.bounds = x1 === Infinity ? { x1: 0, y1: 0, x2: 1, y2: 1 } : { x1, y1, x2, y2 };
    this.stale = false;
  }

  /** Model → minimap scale and offset (the whole picture fits, centred). */
  private transform(): { s: number; ox: number; oy: number } {
    const { x1, y1, x2, y2 } = this.bounds;
    const s = Math.min((WIDTH - 2 * PAD) / Math.max(1, x2 - x1), (HEIGHT - 2 * PAD) / Math.max(1, y2 - y1));
    return { s, ox: (WIDTH - s * (x2 - x1)) / 2 - s * x1, oy: (HEIGHT - s * (y2 - y1)) / 2 - s * y1 };
  }

  private draw(): void {
    if (this.cy.destroyed()) return;
    if (this.stale) this.collect();
    const zoom = this.cy.zoom();
    const { x1, y1, x2, y2 } = this.bounds;
    const fits = (x2 - x1) * zoom <= this.cy.width() + 1 && (y2 - y1) * zoom <= this.cy.height() + 1;
    const show = this.rects.length > 0 && !fits;
    this.canvas.hidden = !show;
    if (!show) return;
    const ctx = this.canvas.getContext("2d");
    if (ctx === null) return;
    const { s, ox, oy } = this.transform();
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    ctx.fillStyle = this.colors.background;
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
    const fills = [this.colors.node, this.colors.lit, this.colors.error];
    for (const kind of [0, 1, 2] as const) {
      ctx.fillStyle = fills[kind];
      for (const r of this.rects) if (r.kind === kind) ctx.fillRect(ox + s * r.x, oy + s * r.y, Math.max(1.5, s * r.w), Math.max(1.5, s * r.h));
    }
    // The part in view.
    const pan = this.cy.pan();
    const vx = -pan.x / zoom;
    const vy = -pan.y / zoom;
    ctx.strokeStyle = this.colors.frame;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(ox + s * vx, oy + s * vy, (s * this.cy.width()) / zoom, (s * this.cy.height()) / zoom);
  }

  private centreOn(mx: number, my: number): void {
    const { s, ox, oy } = this.transform();
    const x = (mx - ox) / s;
    const y = (my - oy) / s;
    const zoom = this.cy.zoom();
    this.cy.pan({ x: this.cy.width() / 2 - x * zoom, y: this.cy.height() / 2 - y * zoom });
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.cy.removeListener("viewport resize", this.onViewport);
    this.cy.removeListener("add remove position", this.onChange);
    this.canvas.remove();
  }
}
