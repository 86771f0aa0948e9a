/**
 * The imperative side of the graph pane: one Cytoscape instance, fed with already laid-out
 * elements. React never re-renders it; the pane calls `sync` when the structure or layout
 * changed, `highlight` when the selected run changed, and `mark` for pointers from elsewhere.
 * Elements are diffed by id, so a growing graph keeps its nodes (and their places).
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from "cytoscape";
import type { Point } from "../layout/elkGraph";
import { BadgeLayer, type Badge } from "./BadgeLayer";
import { graphStyle } from "./cyStyle";
import type { Palette } from "./palette";

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

export type MarkKind = "match" | "hover" | "hint" | "selected";

/** Above this many elements, animations and textures give way to speed. */
const BIG = 900;

export class GraphCanvas {
  readonly cy: Core;
  private readonly base = new Map<string, string>();
  private readonly marks: Record<MarkKind, Set<string>> = { match: new Set(), hover: new Set(), hint: new Set(), selected: new Set() };
  private lit: CanvasHighlight | null = null;
  private animation = 0;
  private readonly badges: BadgeLayer;

  constructor(container: HTMLElement, palette: Palette, callbacks: CanvasCallbacks) {
    this.cy = cytoscape({
      container,
      style: graphStyle(palette),
      layout: { name: "preset" },
      minZoom: 0.04,
      maxZoom: 3,
      wheelSensitivity: 0.4,
      boxSelectionEnabled: false,
      autoungrabify: true,
      autounselectify: true,
      selectionType: "single",
    });
    this.badges = new BadgeLayer(container, this.cy);
    this.cy.on("tap", "node", (e) => callbacks.onTapNode((e.target as NodeSingular).id()));
    this.cy.on("dbltap", "node", (e) => callbacks.onDoubleTapNode((e.target as NodeSingular).id()));
    this.cy.on("tap", (e) => {
      if (e.target === this.cy) callbacks.onTapBackground();
    });
  }

  setTheme(palette: Palette): void {
    this.cy.style(graphStyle(palette));
  }

  /**
   * Makes the drawn elements match `nodes`/`edges` and moves leaves to `centers`. Returns
   * after the next frame is drawn, with the time it took.
   */
  sync(nodes: readonly DrawNode[], edges: readonly DrawEdge[], centers: ReadonlyMap<string, Point>, opts: { animate: boolean; fit: boolean }): Promise<number> {
    const t0 = performance.now();
    const cy = this.cy;
    const big = nodes.length + edges.length > BIG;
    cy.batch(() => {
      const wantNodes = new Map(nodes.map((n) => [n.id, n]));
      const wantEdges = new Set(edges.map((e) => e.id));
      cy.edges().forEach((e) => {
        if (!wantEdges.has(e.id())) e.remove();
      });
      // Children before parents, so removing a group never takes a kept child along.
      cy.nodes()
        .sort((a, b) => b.ancestors().length - a.ancestors().length)
        .forEach((n) => {
          if (n.removed()) return;
          const want = wantNodes.get(n.id());
          if (want === undefined) {
            n.children().move({ parent: null });
            n.remove();
          }
        });
      const add: ElementDefinition[] = [];
      for (const n of nodes) {
        const el = cy.getElementById(n.id);
        this.base.set(n.id, n.classes);
        const data = { id: n.id, label: n.label, w: n.w, h: n.h };
        if (el.nonempty()) {
          el.data(data);
          const parent = el.parent();
          const current = parent.nonempty() ? parent[0].id() : null;
          if (current !== n.parent) el.move({ parent: n.parent });
          el.classes(this.classesOf(n.id));
        } else {
          const p = centers.get(n.id);
          add.push({ group: "nodes", data: n.parent === null ? data : { ...data, parent: n.parent }, classes: this.classesOf(n.id), position: p ? { ...p } : undefined });
        }
      }
      for (const e of edges) {
        this.base.set(e.id, e.classes);
        if (cy.getElementById(e.id).empty()) add.push({ group: "edges", data: { id: e.id, source: e.source, target: e.target }, classes: this.classesOf(e.id) });
      }
      if (add.length > 0) cy.add(add);
      for (const id of [...this.base.keys()]) if (!wantNodes.has(id) && !wantEdges.has(id)) this.base.delete(id);
    });

    const leaves = cy.nodes().filter((n) => !n.isParent());
    const animate = opts.animate && !big && !prefersReducedMotion();
    leaves
      .layout({
        name: "preset",
        positions: (n: NodeSingular) => {
          const p = centers.get(n.id());
          return p ? { ...p } : n.position();
        },
        fit: false,
        animate,
        animationDuration: 260,
        animationEasing: "ease-out-cubic",
      } as cytoscape.LayoutOptions)
      .run();
    // Init-only renderer options, toggled on the renderer itself: big graphs pan as a texture.
    const renderer = (cy as unknown as { renderer(): { textureOnViewport: boolean; hideEdgesOnViewport: boolean } }).renderer();
    renderer.textureOnViewport = big;
    renderer.hideEdgesOnViewport = big;
    if (opts.fit) this.fit();
    if (this.lit !== null) this.applyHighlight(this.lit);
    this.badges.refresh();
    return nextFrame().then(() => performance.now() - t0);
  }

  /** Lights a run; `animate` replays the path in execution order first. */
  highlight(lit: CanvasHighlight | null, animate: boolean): void {
    cancelAnimationFrame(this.animation);
    this.lit = lit;
    if (lit === null || !animate || prefersReducedMotion() || lit.sequence.length < 2 || this.cy.elements().length > BIG) {
      this.applyHighlight(lit);
      return;
    }
    // Start from everything dim, then light the path node by node (edges with their target).
    const order = new Map(lit.sequence.map((id, i) => [id, i]));
    const total = Math.min(1400, 90 * lit.sequence.length);
    const t0 = performance.now();
    this.applyHighlight(lit, (id) => (order.has(id) ? order.get(id)! : -1), 0);
    let shown = 0;
    const step = (now: number): void => {
      const upTo = Math.min(lit.sequence.length, Math.floor(((now - t0) / total) * lit.sequence.length) + 1);
      if (upTo > shown) {
        shown = upTo;
        this.applyHighlight(lit, (id) => (order.has(id) ? order.get(id)! : -1), shown);
      }
      if (shown < lit.sequence.length) this.animation = requestAnimationFrame(step);
      else this.applyHighlight(lit);
    };
    this.animation = requestAnimationFrame(step);
  }

  /**
   * Sets highlight classes. While animating, `stepOf` gives a node's place in the sequence
   * (-1 when it is not on it): nodes from `shown` on stay dim, as do edges into them, and the
   * failure's red path waits for the end.
   */
  private applyHighlight(lit: CanvasHighlight | null, stepOf?: (id: string) => number, shown = Infinity): void {
    const cy = this.cy;
    const during = (id: string, final: string): string => {
      if (stepOf === undefined || final === "" || final === "dim") return final;
      const step = stepOf(id);
      if (step >= 0) return step < shown ? final : "dim";
      return final.includes("hl-error") ? "dim" : final;
    };
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const id = n.id();
        const final = lit === null ? "" : lit.nodes.get(id) ?? (n.isParent() ? "" : "dim");
        n.classes(this.compose(id, during(id, final)));
      });
      cy.edges().forEach((e) => {
        const id = e.id();
        const final = lit === null ? "" : lit.edges.get(id) ?? "dim";
        let hl = final;
        if (stepOf !== undefined && final !== "dim") {
          const step = stepOf(e.target().id());
          if ((step >= 0 && step >= shown) || final.includes("hl-error")) hl = "dim";
        }
        e.classes(this.compose(id, hl));
      });
    });
    this.badges.set(lit === null || stepOf !== undefined ? [] : lit.badges);
  }

  /** Marks nodes (`match`: the editor's line, `hover`, `hint`, `selected`). */
  mark(kind: MarkKind, ids: readonly string[]): void {
    const before = this.marks[kind];
    const after = new Set(ids);
    this.marks[kind] = after;
    this.cy.batch(() => {
      for (const id of new Set([...before, ...after])) {
        const el = this.cy.getElementById(id);
        if (el.nonempty()) el.toggleClass(kind, after.has(id));
      }
    });
  }

  private classesOf(id: string): string {
    const marks = (Object.keys(this.marks) as MarkKind[]).filter((k) => this.marks[k].has(id));
    return [this.base.get(id) ?? "", ...marks].join(" ");
  }

  private compose(id: string, hl: string): string {
    return hl ? `${this.classesOf(id)} ${hl}` : this.classesOf(id);
  }

  fit(ids?: readonly string[]): void {
    const eles = ids === undefined || ids.length === 0 ? this.cy.elements() : ids.reduce((c, id) => c.union(this.cy.getElementById(id)), this.cy.collection());
    if (eles.empty()) return;
    this.cy.fit(eles, 24);
    if (this.cy.zoom() > 1.4) this.cy.zoom({ level: 1.4, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
    if (ids !== undefined && ids.length > 0) this.cy.center(eles);
  }

  /** Brings a node into view without changing the zoom, unless it is already visible. */
  reveal(id: string): void {
    const n = this.cy.getElementById(id);
    if (n.empty()) return;
    const bb = n.renderedBoundingBox();
    if (bb.x1 >= 0 && bb.y1 >= 0 && bb.x2 <= this.cy.width() && bb.y2 <= this.cy.height()) return;
    this.cy.animate({ center: { eles: n } } as cytoscape.AnimationOptions, { duration: prefersReducedMotion() ? 0 : 250 });
  }

  resize(): void {
    this.cy.resize();
    this.badges.refresh();
  }

  /** Current centres of drawn leaves (to keep them in place across layouts). */
  centers(): Map<string, Point> {
    const out = new Map<string, Point>();
    this.cy.nodes().forEach((n) => {
      if (!n.isParent()) out.set(n.id(), { ...n.position() });
    });
    return out;
  }

  destroy(): void {
    cancelAnimationFrame(this.animation);
    this.badges.destroy();
    this.cy.destroy();
  }
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}

function nextFrame(): Promise<void> {
  return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
}
