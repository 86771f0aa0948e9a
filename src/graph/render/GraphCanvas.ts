/**
 * The imperative side of the graph pane: one Cytoscape instance, fed with already laid-out
 * elements. React never re-renders it; the pane calls `sync` when the structure or layout
 * changed, `highlight` when the selected run changed, and `mark` for pointers from elsewhere.
 * Elements are diffed by id, so a growing graph keeps its nodes (and their places).
 *
 * Its parts: ElementClasses (each element's composed classes), RunLighting (what a run
 * lights), Viewport (zoom, Fit, focus), ProgressiveAdder (big additions over a few frames),
 * BadgeLayer (value callouts), edgeLabels (the Shapes toggle) and Minimap.
 */
import cytoscape, { type Core, type EdgeSingular, type ElementDefinition, type NodeSingular } from "cytoscape";
import type { Point } from "../layout/layoutGraph";
import { groupBoxes, segments } from "../layout/positions";
import { BadgeLayer } from "./BadgeLayer";
import type { CanvasCallbacks, CanvasHighlight, DrawEdge, DrawNode, MarkKind } from "./canvasTypes";
import { graphStyle } from "./cyStyle";
import { applyEdgeLabels, drawnEdgeLabels } from "./edgeLabels";
import { edgeHighlight, ElementClasses } from "./ElementClasses";
import { Minimap, type MinimapColors } from "./Minimap";
import type { Palette } from "./palette";
import { PROGRESSIVE_MIN, ProgressiveAdder } from "./ProgressiveAdder";
import { RunLighting } from "./RunLighting";
import { MAX_ZOOM, MIN_ZOOM, prefersReducedMotion, Viewport, type Placed } from "./Viewport";

export type { CanvasCallbacks, CanvasHighlight, DrawEdge, DrawNode, MarkKind } from "./canvasTypes";

/** Above this many elements, animations and textures give way to speed. */
const BIG = 900;
/** Drawings of at most this many elements fade highlight changes in. */
const TRANSITIONS_MAX = 250;
/** Additions of more elements than this are progressive even when no program runs. */
const PROGRESSIVE_ALWAYS = 120;

function minimapColors(p: Palette): MinimapColors {
  return { node: p.dark ? "#6e7781" : "#afb8c1", lit: p.path, error: p.error, frame: p.dark ? "#e6edf3" : "#1b1f24", background: p.dark ? "rgba(22,27,34,0.92)" : "rgba(255,255,255,0.92)" };
}

export class GraphCanvas {
  readonly cy: Core;
  private readonly classes = new ElementClasses();
  private readonly lighting: RunLighting;
  private readonly viewport: Viewport;
  private readonly adder: ProgressiveAdder;
  /** Edge id → the shape its label shows (the "Shapes" toggle), or null when off. */
  private edgeLabels: ReadonlyMap<string, string> | null = null;
  private readonly badges: BadgeLayer;
  private palette: Palette;
  /** Whether the drawing is big (no transitions, textures while panning). */
  private big = false;
  /** Whether highlight changes fade (small drawings only). */
  private smooth = true;
  private readonly minimap: Minimap;
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
    const host = container.parentElement ?? container;
    this.minimap = new Minimap(host, this.cy, minimapColors(palette));
    this.viewport = new Viewport(this.cy, container, host, () => this.onUserViewport?.());
    this.adder = new ProgressiveAdder(this.cy);
    this.lighting = new RunLighting(this.cy, this.classes, this.badges, this.minimap);
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
    this.viewport.zoomAt(factor, at);
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

    const place = placeNodes(nodes, leafCenters);

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

    const classes = this.classes;
    classes.resetBase();
    for (const n of nodes) classes.setBase(n.id, n.classes);
    const edgeData = edges.map((e) => {
      classes.setBase(e.id, e.classes);
      // ELK's bends, relative to the end nodes, so they follow the nodes' animation.
      const route = routes?.get(e.id);
      const s = leafCenters.get(e.source);
      const t = leafCenters.get(e.target);
      const seg = route !== undefined && s !== undefined && t !== undefined ? segments(s, t, route) : null;
      if (seg !== null) classes.setRouted(e.id);
      return { id: e.id, source: e.source, target: e.target, sw: seg?.weights ?? [], sd: seg?.distances ?? [] };
    });
    const byId = new Map(nodes.map((n) => [n.id, n]));
    // New elements come with the lit run's classes: added plain and lit a moment later, each
    // faded in over several full redraws (a run's first frames, in the middle of a loop).
    const lit = this.lighting.current();
    const nodeDef = (n: DrawNode): ElementDefinition => {
      const p = place.get(n.id);
      if (lit !== null) classes.setHighlight(n.id, classes.nodeHighlight(lit, n.id));
      return {
        group: "nodes",
        data: { id: n.id, label: n.label, w: p?.w ?? n.w, h: p?.h ?? n.h, z: depthOf(n, byId) },
        classes: classes.record(n.id),
        position: p ? { x: p.x, y: p.y } : undefined,
      };
    };
    const edgeDef = (data: (typeof edgeData)[number]): ElementDefinition => {
      if (lit !== null) classes.setHighlight(data.id, edgeHighlight(lit, data.id));
      return { group: "edges", data, classes: classes.record(data.id) };
    };

    // Highlight transitions are per-element animations: past a few hundred elements each lit
    // run would cost a dozen full redraws. Switched before the new elements come, so they are
    // styled once (a new style sheet restyles every element there is).
    const smooth = nodes.length + edges.length <= TRANSITIONS_MAX;
    if (big !== this.big || smooth !== this.smooth) {
      this.big = big;
      this.smooth = smooth;
      cy.style(graphStyle(this.palette, smooth));
    }

    const moved: { el: NodeSingular; to: { x: number; y: number } }[] = [];
    // Elements a progressive sync has yet to add are dropped: the diff below sees them as
    // missing and adds them (with their new places).
    this.adder.drop();
    let queued: Promise<void> = Promise.resolve();
    const addAll = (defs: ElementDefinition[]): void => {
      // While a program runs, anything but a few elements; else big additions (Expand all).
      if ((opts.progressive === true && defs.length > PROGRESSIVE_MIN) || defs.length > PROGRESSIVE_ALWAYS) queued = this.adder.add(defs);
      else if (defs.length > 0) cy.add(defs);
    };
    cy.batch(() => {
      if (rebuild) {
        cy.elements().remove();
        classes.forgetApplied();
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
        classes.refresh(el);
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
          classes.refresh(el);
        }
      }
      // New nodes before the edges that may join them.
      addAll([...fresh, ...add]);
    });

    // Init-only renderer options, toggled on the renderer itself: big graphs pan as a texture.
    const renderer = (cy as unknown as { renderer(): { textureOnViewport: boolean; hideEdgesOnViewport: boolean } }).renderer();
    renderer.textureOnViewport = big;
    renderer.hideEdgesOnViewport = big;
    this.lighting.reapply();
    if (this.edgeLabels !== null) applyEdgeLabels(this.cy, this.edgeLabels);
    if (opts.fit) this.viewport.fitPlaced(place.values());

    // Kept nodes that moved glide to their new place (new ones were added there) — unless many
    // elements come over the next frames (Expand all): gliding would restyle the moving nodes
    // in each of those frames too.
    const animate = opts.animate && !big && !this.adder.busy && !prefersReducedMotion();
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

  /** Lights a run; `animate` replays the path in execution order first. */
  highlight(lit: CanvasHighlight | null, animate: boolean): void {
    this.lighting.highlight(lit, animate);
  }

  /**
   * The stepper: lights `lit` as it was after `shown` steps (see RunLighting.highlightStep)
   * and marks the `current` node.
   */
  highlightStep(lit: CanvasHighlight, stepOf: ((id: string) => number) | null, shown: number, current: readonly string[]): void {
    this.lighting.highlightStep(lit, stepOf, shown);
    this.mark("current", current);
  }

  /** Edge id → the label drawn on it (for tests: the canvas itself cannot be read). */
  drawnEdgeLabels(): Map<string, string> {
    return drawnEdgeLabels(this.cy);
  }

  /** Labels edges with the shapes of the tensors they carry (null: no labels). */
  setEdgeLabels(labels: ReadonlyMap<string, string> | null): void {
    this.edgeLabels = labels;
    applyEdgeLabels(this.cy, labels);
  }

  /** Marks nodes (`match`: the editor's line, `hover`, `hint`, `selected`, `current`). */
  mark(kind: MarkKind, ids: readonly string[]): void {
    const touched = this.classes.setMark(kind, ids);
    this.cy.batch(() => {
      for (const id of touched) {
        const el = this.cy.getElementById(id);
        if (el.nonempty()) this.classes.refresh(el);
      }
    });
  }

  /** Frames `ids` (or everything); see Viewport.fit. */
  fit(ids?: readonly string[]): void {
    this.viewport.fit(ids);
  }

  /** Removes every element (a program that built nothing). */
  clear(): void {
    this.adder.drop();
    this.cy.elements().remove();
    this.classes.clear();
    this.badges.set([]);
    this.minimap.schedule(true);
  }

  /** Centres on a node at a readable zoom. */
  focus(id: string): void {
    this.viewport.focus(id);
  }

  /** Brings a node into view without changing the zoom, unless it is already visible. */
  reveal(id: string): void {
    this.viewport.reveal(id);
  }

  /** A drawn node's centre in page coordinates, or null when it is not drawn or not in view. */
  pagePoint(id: string): { x: number; y: number } | null {
    return this.viewport.pagePoint(id);
  }

  resize(): void {
    this.cy.resize();
    this.badges.refresh();
  }

  /** Ids of drawn nodes the lit run lights (path, fetched, fed, effect, error). */
  litIds(): string[] {
    return this.lighting.litIds();
  }

  /** Current centres of drawn leaves (to keep them in place across layouts). */
  centers(): Map<string, Point> {
    const out = new Map<string, Point>();
    this.cy.nodes().forEach((n) => {
      if (!this.classes.isExpanded(n.id())) out.set(n.id(), { ...n.position() });
    });
    return out;
  }

  destroy(): void {
    this.viewport.destroy();
    this.minimap.destroy();
    this.adder.drop();
    this.lighting.stop();
    this.badges.destroy();
    this.cy.destroy();
  }
}

/** Where every drawn node goes: leaves at their centres, groups around their children. */
function placeNodes(nodes: readonly DrawNode[], leafCenters: ReadonlyMap<string, Point>): Map<string, Placed> {
  const boxes = groupBoxes(
    nodes.map((n) => ({ id: n.id, parent: n.parent, w: n.w, h: n.h, expanded: isExpanded(n) })),
    leafCenters,
  );
  const place = new Map<string, Placed>();
  for (const n of nodes) {
    const b = boxes.get(n.id);
    const c = leafCenters.get(n.id);
    if (b !== undefined) place.set(n.id, { x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2, w: b.x2 - b.x1, h: b.y2 - b.y1 });
    else if (c !== undefined) place.set(n.id, { x: c.x, y: c.y, w: n.w, h: n.h });
  }
  return place;
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

function nextFrame(): Promise<void> {
  return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
}
