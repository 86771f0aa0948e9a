/**
 * The imperative side of the graph pane: one Cytoscape instance, fed with already laid-out
 * elements. React never re-renders it; the pane calls `sync` when the structure or layout
 * changed, `highlight` when the selected run changed, and `mark` for pointers from elsewhere.
 * Elements are diffed by id, so a growing graph keeps its nodes (and their places).
 */
import cytoscape, { type Core, type EdgeSingular, type ElementDefinition, type NodeSingular } from "cytoscape";
import type { Point } from "../layout/layoutGraph";
import { groupBoxes, segments, type Box } from "../layout/positions";
import { BadgeLayer, type Badge } from "./BadgeLayer";
import { graphStyle } from "./cyStyle";
import { Minimap, type MinimapColors } from "./Minimap";
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

export type MarkKind = "match" | "hover" | "hint" | "selected" | "current";

/** An edge's highlight classes for `lit` once lit. */
function edgeHighlight(lit: CanvasHighlight | null, id: string): string {
  return lit === null ? "" : lit.edges.get(id) ?? "dim";
}

/** Above this many elements, animations and textures give way to speed. */
const BIG = 900;
/** Drawings of at most this many elements fade highlight changes in. */
const TRANSITIONS_MAX = 250;
/**
 * A progressive add spreads over about this many frames, at least PROGRESSIVE_MIN and at most
 * PROGRESSIVE_MAX elements a frame (a frame styling, measuring and painting more than ~100 new
 * elements is a long task on a slow machine).
 */
const PROGRESSIVE_FRAMES = 6;
const PROGRESSIVE_MIN = 8;
const PROGRESSIVE_MAX = 80;
/** Additions of more elements than this are progressive even when no program runs. */
const PROGRESSIVE_ALWAYS = 120;
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
const MIN_ZOOM = 0.05;
/** Finding a node zooms in to at least this. */
const FOCUS_ZOOM = 0.9;
const MAX_ZOOM = 3;

function minimapColors(p: Palette): MinimapColors {
  return { node: p.dark ? "#6e7781" : "#afb8c1", lit: p.path, error: p.error, frame: p.dark ? "#e6edf3" : "#1b1f24", background: p.dark ? "rgba(22,27,34,0.92)" : "rgba(255,255,255,0.92)" };
}


export class GraphCanvas {
  readonly cy: Core;
  private readonly base = new Map<string, string>();
  /** Highlight classes per element id, and the full class string last set on each element. */
  private readonly hl = new Map<string, string>();
  private readonly applied = new Map<string, string>();
  /** Edges drawn along ELK's route (the others are straight until their layout arrives). */
  private readonly routed = new Set<string>();
  private readonly marks: Record<MarkKind, Set<string>> = { match: new Set(), hover: new Set(), hint: new Set(), selected: new Set(), current: new Set() };
  private lit: CanvasHighlight | null = null;
  /** While the stepper shows a run up to a step: each node's first step, and how many steps show. */
  private stepping: { stepOf: (id: string) => number; shown: number } | null = null;
  /** Edge id → the shape its label shows (the "Shapes" toggle), or null when off. */
  private edgeLabels: ReadonlyMap<string, string> | null = null;
  private animation = 0;
  private readonly badges: BadgeLayer;
  private palette: Palette;
  /** Whether the drawing is big (no transitions, textures while panning). */
  private big = false;
  /** Whether highlight changes fade (small drawings only). */
  private smooth = true;
  private readonly minimap: Minimap;
  private readonly host: HTMLElement;
  private readonly onWheel: (e: WheelEvent) => void;
  /** Called when the learner zooms or pans (the pane then stops fitting new pictures). */
  onUserViewport: (() => void) | null = null;

  constructor(container: HTMLElement, palette: Palette, callbacks: CanvasCallbacks) {
    this.palette = palette;
    this.cy = cytoscape({
      container,
      style: graphStyle(palette),
      layout: { name: "preset" },
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      boxSelectionEnabled: false,
      autoungrabify: true,
      autounselectify: true,
      selectionType: "single",
    });
    this.badges = new BadgeLayer(container, this.cy);
    this.host = container.parentElement ?? container;
    this.minimap = new Minimap(this.host, this.cy, minimapColors(palette));
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
    this.host.addEventListener("wheel", this.onWheel, { capture: true, passive: false });
    this.cy.on("tap", "node", (e) => callbacks.onTapNode((e.target as NodeSingular).id()));
    this.cy.on("dbltap", "node", (e) => callbacks.onDoubleTapNode((e.target as NodeSingular).id()));
    this.cy.on("tap", (e) => {
      if (e.target === this.cy) callbacks.onTapBackground();
    });
  }

  /**
   * Cytoscape's first frame with elements sets up its caches, fonts and textures (~150 ms,
   * once). Doing it while the page is idle keeps that cost out of the learner's first Run,
   * where it would land in the middle of a training loop. The elements are all but invisible
   * and gone a frame later.
   */
  warmUp(): void {
    if (this.cy.elements().nonempty()) return;
    const shapes = ["constant", "placeholder", "variable", "op", "assign", "group"];
    const els: ElementDefinition[] = shapes.map((c, i) => ({
      group: "nodes",
      data: { id: `warm:${i}`, label: `warm ${c}\nwarm`, w: 80, h: 40, z: 0 },
      classes: `leaf cat-${c} warm`,
      position: { x: i * 100, y: 0 },
    }));
    els.push({ group: "edges", data: { id: "warm:e", source: "warm:0", target: "warm:1", sw: [], sd: [] }, classes: "k-data warm" });
    const added = this.cy.add(els);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (!this.cy.destroyed()) this.cy.remove(added);
      }),
    );
  }

  setTheme(palette: Palette): void {
    this.palette = palette;
    this.cy.style(graphStyle(palette, this.smooth));
    this.minimap.setColors(minimapColors(palette));
  }

  /** Zooms by `factor` keeping the point `at` (pane coordinates; default: the centre) still. */
  zoomAt(factor: number, at?: { x: number; y: number }): void {
    const level = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, this.cy.zoom() * factor));
    if (Math.abs(level - this.cy.zoom()) < 1e-9) return;
    this.cy.zoom({ level, renderedPosition: at ?? { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
    this.onUserViewport?.();
  }

  /**
   * Makes the drawn elements match `nodes`/`edges`, leaves at `centers` and expanded groups as
   * boxes around their children. Returns after the next frame is drawn, with the time it took.
   */
  sync(
    nodes: readonly DrawNode[],
    edges: readonly DrawEdge[],
    leafCenters: ReadonlyMap<string, Point>,
    routes: ReadonlyMap<string, readonly Point[]> | null,
    opts: { animate: boolean; fit: boolean; progressive?: boolean },
  ): Promise<number> {
    const t0 = performance.now();
    const cy = this.cy;
    const big = nodes.length + edges.length > BIG;

    // Where every drawn node goes: leaves at their centres, groups around their children.
    const boxes = groupBoxes(
      nodes.map((n) => ({ id: n.id, parent: n.parent, w: n.w, h: n.h, expanded: isExpanded(n) })),
      leafCenters,
    );
    const place = new Map<string, { x: number; y: number; w: number; h: number }>();
    for (const n of nodes) {
      const b = boxes.get(n.id);
      const c = leafCenters.get(n.id);
      if (b !== undefined) place.set(n.id, { x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2, w: b.x2 - b.x1, h: b.y2 - b.y1 });
      else if (c !== undefined) place.set(n.id, { x: c.x, y: c.y, w: n.w, h: n.h });
    }

    const existingNodes = new Map<string, NodeSingular>();
    cy.nodes().forEach((n) => {
      existingNodes.set(n.id(), n);
    });
    const existingEdges = new Map<string, EdgeSingular>();
    cy.edges().forEach((e) => {
      existingEdges.set(e.id(), e);
    });
    let kept = 0;
    for (const n of nodes) if (existingNodes.has(n.id)) kept++;
    // Diffing pays off when most of the picture stays; otherwise rebuilding is cheaper.
    const rebuild = kept < nodes.length / 2;

    this.base.clear();
    this.routed.clear();
    for (const n of nodes) this.base.set(n.id, n.classes);
    const edgeData = edges.map((e) => {
      this.base.set(e.id, e.classes);
      // ELK's bends, relative to the end nodes, so they follow the nodes' animation.
      const route = routes?.get(e.id);
      const s = leafCenters.get(e.source);
      const t = leafCenters.get(e.target);
      const seg = route !== undefined && s !== undefined && t !== undefined ? segments(s, t, route) : null;
      if (seg !== null) this.routed.add(e.id);
      return { id: e.id, source: e.source, target: e.target, sw: seg?.weights ?? [], sd: seg?.distances ?? [] };
    });
    const byId = new Map(nodes.map((n) => [n.id, n]));
    // New elements come with the lit run's classes: added plain and lit a moment later, each
    // faded in over several full redraws (a run's first frames, in the middle of a loop).
    const lit = this.lit;
    const nodeDef = (n: DrawNode): ElementDefinition => {
      const p = place.get(n.id);
      if (lit !== null) this.hl.set(n.id, this.nodeHighlight(lit, n.id));
      return {
        group: "nodes",
        data: { id: n.id, label: n.label, w: p?.w ?? n.w, h: p?.h ?? n.h, z: depthOf(n, byId) },
        classes: this.record(n.id),
        position: p ? { x: p.x, y: p.y } : undefined,
      };
    };
    const edgeDef = (data: (typeof edgeData)[number]): ElementDefinition => {
      if (lit !== null) this.hl.set(data.id, edgeHighlight(lit, data.id));
      return { group: "edges", data, classes: this.record(data.id) };
    };

    const moved: { el: NodeSingular; to: { x: number; y: number } }[] = [];
    // Elements a progressive sync has yet to add are dropped: the diff below sees them as
    // missing and adds them (with their new places).
    this.dropQueued();
    let queued: Promise<void> = Promise.resolve();
    const addAll = (defs: ElementDefinition[]): void => {
      // While a program runs, anything but a few elements; else big additions (Expand all).
      if ((opts.progressive === true && defs.length > PROGRESSIVE_MIN) || defs.length > PROGRESSIVE_ALWAYS) queued = this.addProgressively(defs);
      else if (defs.length > 0) cy.add(defs);
    };
    cy.batch(() => {
      if (rebuild) {
        cy.elements().remove();
        this.applied.clear();
        addAll([...nodes.map(nodeDef), ...edgeData.map(edgeDef)]);
        return;
      }
      const wantNodes = new Set(nodes.map((n) => n.id));
      const wantEdges = new Set(edges.map((e) => e.id));
      // One collection from an array: growing one with union() per element is quadratic.
      const gone: (NodeSingular | EdgeSingular)[] = [];
      for (const [id, e] of existingEdges) if (!wantEdges.has(id)) gone.push(e);
      for (const [id, n] of existingNodes) if (!wantNodes.has(id)) gone.push(n);
      // Cytoscape takes an array of elements here; its types only list collections.
      if (gone.length > 0) cy.remove(cy.collection(gone as unknown as cytoscape.CollectionArgument));
      const fresh = nodes.filter((n) => !existingNodes.has(n.id)).map(nodeDef);
      for (const n of nodes) {
        const el = existingNodes.get(n.id);
        if (el === undefined) continue;
        const p = place.get(n.id);
        const w = p?.w ?? n.w;
        const h = p?.h ?? n.h;
        if (el.data("label") !== n.label || el.data("w") !== w || el.data("h") !== h) el.data({ label: n.label, w, h });
        this.refresh(el);
        if (p === undefined) continue;
        const q = el.position();
        if (Math.abs(p.x - q.x) > 0.5 || Math.abs(p.y - q.y) > 0.5) moved.push({ el, to: { x: p.x, y: p.y } });
      }
      const add: ElementDefinition[] = [];
      for (const data of edgeData) {
        const el = existingEdges.get(data.id);
        if (el === undefined || el.removed()) add.push(edgeDef(data));
        else {
          if (!sameNumbers(el.data("sw") as number[], data.sw) || !sameNumbers(el.data("sd") as number[], data.sd)) el.data({ sw: data.sw, sd: data.sd });
          this.refresh(el);
        }
      }
      // New nodes before the edges that may join them.
      addAll([...fresh, ...add]);
    });

    // Init-only renderer options, toggled on the renderer itself: big graphs pan as a texture.
    const renderer = (cy as unknown as { renderer(): { textureOnViewport: boolean; hideEdgesOnViewport: boolean } }).renderer();
    renderer.textureOnViewport = big;
    renderer.hideEdgesOnViewport = big;
    // Highlight transitions are per-element animations: past a few hundred elements each lit
    // run would cost a dozen full redraws.
    const smooth = nodes.length + edges.length <= TRANSITIONS_MAX;
    if (big !== this.big || smooth !== this.smooth) {
      this.big = big;
      this.smooth = smooth;
      cy.style(graphStyle(this.palette, smooth));
    }
    if (this.lit !== null) {
      if (this.stepping !== null) this.applyHighlight(this.lit, this.stepping.stepOf, this.stepping.shown, true);
      else this.applyHighlight(this.lit);
    }
    if (this.edgeLabels !== null) this.applyEdgeLabels();
    if (opts.fit) this.fitTo(place);

    // Kept nodes that moved glide to their new place (new ones were added there).
    const animate = opts.animate && !big && !prefersReducedMotion();
    let settle: Promise<unknown> = Promise.resolve();
    if (animate && moved.length > 0) {
      settle = Promise.all(moved.map(({ el, to }) => el.animation({ position: to, duration: 260, easing: "ease-out-cubic" } as unknown as cytoscape.SingularAnimationOptionsPos).play().promise()));
    } else if (moved.length > 0) {
      cy.batch(() => {
        for (const { el, to } of moved) el.position(to);
      });
    }
    return Promise.all([settle, queued])
      .then(() => {
        this.badges.refresh();
        this.minimap.schedule(true);
        return nextFrame();
      })
      .then(() => performance.now() - t0);
  }

  /** Definitions a progressive sync has yet to add, and its frame. */
  private queue: ElementDefinition[] = [];
  private queueFrame = 0;
  private queueDone: (() => void) | null = null;

  /**
   * Adds new elements over a few frames. Cytoscape's first frame with an element styles it,
   * measures its label and paints its texture: a 150-element graph appearing at once cost a
   * 150 ms frame in the middle of a training loop; in chunks, each frame stays short and the
   * graph still appears within a few frames. Nodes come before the edges that join them.
   */
  private addProgressively(defs: ElementDefinition[]): Promise<void> {
    this.queue = defs;
    const perFrame = Math.min(PROGRESSIVE_MAX, Math.max(PROGRESSIVE_MIN, Math.ceil(defs.length / PROGRESSIVE_FRAMES)));
    return new Promise((resolve) => {
      this.queueDone = resolve;
      const step = (): void => {
        const chunk = this.queue.splice(0, perFrame);
        // Elements come with the lit run's classes (nodeDef/edgeDef): no restyling of the rest.
        if (chunk.length > 0 && !this.cy.destroyed()) this.cy.add(chunk);
        if (this.queue.length > 0) this.queueFrame = requestAnimationFrame(step);
        else this.finishQueue();
      };
      step();
    });
  }

  /** Forgets what a progressive sync still holds (the next sync adds what is missing). */
  private dropQueued(): void {
    cancelAnimationFrame(this.queueFrame);
    this.queue = [];
    this.finishQueue();
  }

  private finishQueue(): void {
    const done = this.queueDone;
    this.queueDone = null;
    done?.();
  }

  /**
   * Fits the view to the laid-out boxes. Cytoscape's own fit measures every element (labels,
   * compound bounds) first, which costs hundreds of ms on a fresh 1,000-op graph; the layout
   * already knows the boxes.
   */
  private fitTo(place: ReadonlyMap<string, { x: number; y: number; w: number; h: number }>): void {
    const boxes: Box[] = [];
    for (const p of place.values()) boxes.push({ x1: p.x - p.w / 2, y1: p.y - p.h / 2, x2: p.x + p.w / 2, y2: p.y + p.h / 2 });
    this.frame(boxes);
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

  /** Lights a run; `animate` replays the path in execution order first. */
  highlight(lit: CanvasHighlight | null, animate: boolean): void {
    cancelAnimationFrame(this.animation);
    this.lit = lit;
    this.stepping = null;
    if (lit === null || !animate || prefersReducedMotion() || lit.sequence.length < 2 || this.cy.elements().length > BIG || this.showsAlready(lit)) {
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
   * The stepper: lights `lit` as it was after `shown` steps — nodes whose first step (`stepOf`)
   * came before, the edges into them, their badges — and marks the `current` node. With
   * `stepOf` null (the last step) the whole run shows, the failure's red path included. Only
   * the elements whose classes change are restyled, so a step costs little on a big graph.
   */
  highlightStep(lit: CanvasHighlight, stepOf: ((id: string) => number) | null, shown: number, current: readonly string[]): void {
    cancelAnimationFrame(this.animation);
    this.lit = lit;
    this.stepping = stepOf === null ? null : { stepOf, shown };
    if (stepOf === null) this.applyHighlight(lit);
    else this.applyHighlight(lit, stepOf, shown, true);
    this.mark("current", current);
  }

  /** Edge id → the label drawn on it (for tests: the canvas itself cannot be read). */
  drawnEdgeLabels(): Map<string, string> {
    const out = new Map<string, string>();
    this.cy.edges().forEach((e) => {
      const label = e.data("shape") as string | undefined;
      if (label !== undefined) out.set(e.id(), label);
    });
    return out;
  }

  /** Labels edges with the shapes of the tensors they carry (null: no labels). */
  setEdgeLabels(labels: ReadonlyMap<string, string> | null): void {
    this.edgeLabels = labels;
    this.applyEdgeLabels();
  }

  private applyEdgeLabels(): void {
    const labels = this.edgeLabels;
    this.cy.batch(() => {
      this.cy.edges().forEach((e) => {
        const want = labels?.get(e.id());
        if (e.data("shape") === want) return;
        if (want === undefined) e.removeData("shape");
        else e.data("shape", want);
      });
    });
  }

  /**
   * Whether `lit` would light exactly what is lit now (another run of the same path, such as
   * a loop's last run after the loop streamed its runs): replaying the path would only redraw
   * the whole graph once per step to end where it started.
   */
  private showsAlready(lit: CanvasHighlight): boolean {
    let same = true;
    this.cy.nodes().forEach((n) => {
      if (same && this.hl.get(n.id()) !== this.nodeHighlight(lit, n.id())) same = false;
    });
    this.cy.edges().forEach((e) => {
      if (same && this.hl.get(e.id()) !== edgeHighlight(lit, e.id())) same = false;
    });
    return same;
  }

  /** A node's highlight classes for `lit` once lit (an expanded group is never dimmed). */
  private nodeHighlight(lit: CanvasHighlight | null, id: string): string {
    return lit === null ? "" : lit.nodes.get(id) ?? (this.base.get(id)?.includes("expanded") ? "" : "dim");
  }

  /**
   * Sets highlight classes. While animating, `stepOf` gives a node's place in the sequence
   * (-1 when it is not on it): nodes from `shown` on stay dim, as do edges into them, and the
   * failure's red path waits for the end.
   */
  private applyHighlight(lit: CanvasHighlight | null, stepOf?: (id: string) => number, shown = Infinity, stepBadges = false): void {
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
        const final = this.nodeHighlight(lit, id);
        this.hl.set(id, during(id, final));
        this.refresh(n);
      });
      cy.edges().forEach((e) => {
        const id = e.id();
        const final = edgeHighlight(lit, id);
        let hl = final;
        if (stepOf !== undefined && final !== "dim") {
          const step = stepOf(e.target().id());
          if ((step >= 0 && step >= shown) || final.includes("hl-error")) hl = "dim";
        }
        this.hl.set(id, hl);
        this.refresh(e);
      });
    });
    // The path animation shows no callouts; the stepper shows those of the nodes lit so far.
    if (lit === null || (stepOf !== undefined && !stepBadges)) this.badges.set([]);
    else if (stepOf === undefined) this.badges.set(lit.badges);
    else this.badges.set(lit.badges.filter((b) => this.hl.get(b.id) !== "dim"));
    this.minimap.schedule(true);
  }

  /** Marks nodes (`match`: the editor's line, `hover`, `hint`, `selected`). */
  mark(kind: MarkKind, ids: readonly string[]): void {
    const before = this.marks[kind];
    const after = new Set(ids);
    this.marks[kind] = after;
    this.cy.batch(() => {
      for (const id of new Set([...before, ...after])) {
        const el = this.cy.getElementById(id);
        if (el.nonempty()) this.refresh(el);
      }
    });
  }

  private classesOf(id: string): string {
    const marks = (Object.keys(this.marks) as MarkKind[]).filter((k) => this.marks[k].has(id));
    return [this.base.get(id) ?? "", this.routed.has(id) ? "routed" : "", ...marks].join(" ");
  }

  /** The full class list of an element: kind, routing, marks and the run's highlight. */
  private compose(id: string): string {
    const hl = this.hl.get(id) ?? "";
    return hl ? `${this.classesOf(id)} ${hl}` : this.classesOf(id);
  }

  /** The classes an element is added with, remembered so later refreshes can skip it. */
  private record(id: string): string {
    const cls = this.compose(id);
    this.applied.set(id, cls);
    return cls;
  }

  /** Sets an element's classes if they changed: restyling 3,000 unchanged nodes per run is what made highlights slow. */
  private refresh(el: NodeSingular | EdgeSingular): void {
    const id = el.id();
    const cls = this.compose(id);
    if (this.applied.get(id) === cls) return;
    el.classes(cls);
    this.applied.set(id, cls);
  }

  /**
   * Frames `ids` (or everything), at most at a comfortable reading zoom and at least at
   * MIN_FIT_ZOOM; what does not fit at that zoom is framed from its top.
   */
  fit(ids?: readonly string[]): void {
    const eles = ids === undefined || ids.length === 0 ? this.cy.nodes() : this.cy.collection(ids.map((id) => this.cy.getElementById(id)).filter((e) => e.nonempty()) as unknown as cytoscape.CollectionArgument);
    const boxes: Box[] = [];
    eles.forEach((e) => {
      if (!e.isNode()) return;
      const p = e.position();
      const w = Number(e.data("w")) || 0;
      const h = Number(e.data("h")) || 0;
      boxes.push({ x1: p.x - w / 2, y1: p.y - h / 2, x2: p.x + w / 2, y2: p.y + h / 2 });
    });
    this.frame(boxes);
  }

  /** Removes every element (a program that built nothing). */
  clear(): void {
    this.dropQueued();
    this.cy.elements().remove();
    this.applied.clear();
    this.hl.clear();
    this.base.clear();
    this.badges.set([]);
    this.minimap.schedule(true);
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
    const rect = this.cy.container()!.getBoundingClientRect();
    if (p.x < 0 || p.y < 0 || p.x > rect.width || p.y > rect.height) return null;
    return { x: rect.left + p.x, y: rect.top + p.y };
  }

  resize(): void {
    this.cy.resize();
    this.badges.refresh();
  }

  /** Ids of drawn nodes the lit run lights (path, fetched, fed, effect, error). */
  litIds(): string[] {
    const out: string[] = [];
    if (this.lit === null) return out;
    for (const [id, cls] of this.lit.nodes) if (cls !== "" && !this.cy.getElementById(id).empty()) out.push(id);
    return out;
  }

  /** Current centres of drawn leaves (to keep them in place across layouts). */
  centers(): Map<string, Point> {
    const out = new Map<string, Point>();
    this.cy.nodes().forEach((n) => {
      if (!this.base.get(n.id())?.includes("expanded")) out.set(n.id(), { ...n.position() });
    });
    return out;
  }

  destroy(): void {
    this.host.removeEventListener("wheel", this.onWheel, { capture: true });
    this.minimap.destroy();
    cancelAnimationFrame(this.queueFrame);
    this.finishQueue();
    cancelAnimationFrame(this.animation);
    this.badges.destroy();
    this.cy.destroy();
  }
}

/** Nesting depth of a node (scope boxes stack by it, outermost lowest). */
function depthOf(n: DrawNode, byId: ReadonlyMap<string, DrawNode>): number {
  let d = 0;
  for (let p = n.parent; p !== null; p = byId.get(p)?.parent ?? null) d++;
  return d;
}

function sameNumbers(a: readonly number[] | undefined, b: readonly number[]): boolean {
  if (a === undefined || a.length !== b.length) return false;
  for (let i = 0; i < b.length; i++) if (Math.abs(a[i] - b[i]) > 1e-6) return false;
  return true;
}

function isExpanded(n: DrawNode): boolean {
  return n.classes.includes("expanded");
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}

function nextFrame(): Promise<void> {
  return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
}
