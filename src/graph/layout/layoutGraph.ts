/**
 * What layout places, derived from the view: *units* (a leaf, a collapsed scope or series, a
 * rest node — each with its chips beside it — or an expanded series, whose members are laid
 * out on their own in a grid) inside *compounds* (expanded scopes), and the edges between
 * units. Layout engines (ELK, quickLayout) only see this; `placeAll` then puts every drawn
 * node and chip relative to its unit. Pure and iterative (no recursion on depth).
 */
import type { GraphView, ViewNode } from "../model/view";
import type { Scene } from "../render/scene";
import { fingerprint, GROUP_PAD } from "./positions";

export interface Size {
  width: number;
  height: number;
}
export type Point = { x: number; y: number };

export interface LayoutNode {
  id: string;
  /** Enclosing compound, or null at the top. */
  parent: string | null;
  /** An expanded scope: its size follows from its children. */
  compound: boolean;
  width: number;
  height: number;
}

/** An edge between two units, in the direction layers go. */
export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
  /** A reference edge handed over reversed (the variable above the assign that writes it). */
  reversed: boolean;
  /** The view edge it is, when it joins two units directly (ELK's route can then be drawn). */
  viewEdge: string | null;
}

export interface LayoutGraph {
  /** Parents before children. */
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** Per unit: drawn ids (the node, series members, chips) and their offsets from its centre. */
  attached: Map<string, { id: string; dx: number; dy: number }[]>;
  /** Fingerprint of everything layout depends on (the cache key). */
  key: string;
}

const CHIP_GAP = 8;
const CHIP_STACK_GAP = 4;
/** Space between the cells of an expanded series' grid. */
const CELL_GAP_X = 18;
const CELL_GAP_Y = 26;

/** Drawn nodes, and each node's chips with their offsets from the node's centre. */
interface Boxed {
  width: number;
  height: number;
  /** Offsets from the box's centre: the node itself and its chips. */
  parts: { id: string; dx: number; dy: number }[];
}

/** A node with its chips: in-chips stacked on its left, out-chips on its right. */
function boxWithChips(id: string, size: Size, chips: { id: string; side: "in" | "out" }[] | undefined, sizes: ReadonlyMap<string, Size>): Boxed {
  if (chips === undefined || chips.length === 0) return { width: size.width, height: size.height, parts: [{ id, dx: 0, dy: 0 }] };
  const sides = { in: [] as { id: string; w: number; h: number }[], out: [] as { id: string; w: number; h: number }[] };
  for (const c of chips) {
    const s = sizes.get(c.id) ?? { width: 40, height: 18 };
    sides[c.side].push({ id: c.id, w: s.width, h: s.height });
  }
  const columnWidth = (list: { w: number }[]): number => (list.length === 0 ? 0 : Math.max(...list.map((c) => c.w)) + CHIP_GAP);
  const columnHeight = (list: { h: number }[]): number => list.reduce((s, c) => s + c.h, 0) + CHIP_STACK_GAP * Math.max(0, list.length - 1);
  const inW = columnWidth(sides.in);
  const outW = columnWidth(sides.out);
  const width = inW + size.width + outW;
  const height = Math.max(size.height, columnHeight(sides.in), columnHeight(sides.out));
  const nodeX = -width / 2 + inW + size.width / 2;
  const parts = [{ id, dx: nodeX, dy: 0 }];
  for (const side of ["in", "out"] as const) {
    const list = sides[side];
    let y = -columnHeight(list) / 2;
    for (const c of list) {
      const x = side === "in" ? nodeX - size.width / 2 - CHIP_GAP - c.w / 2 : nodeX + size.width / 2 + CHIP_GAP + c.w / 2;
      parts.push({ id: c.id, dx: x, dy: y + c.h / 2 });
      y += c.h + CHIP_STACK_GAP;
    }
  }
  return { width, height, parts };
}

/**
 * An expanded series' members in a grid, in creation order, snaking (left to right, then
 * right to left): a chain of members, the usual loop, stays a chain of neighbours.
 */
function seriesGrid(members: readonly Boxed[]): Boxed {
  const n = members.length;
  const cellW = Math.max(...members.map((m) => m.width)) + CELL_GAP_X;
  const cellH = Math.max(...members.map((m) => m.height)) + CELL_GAP_Y;
  // About twice as wide as tall, as the pane is.
  const cols = Math.max(1, Math.min(n, Math.ceil(Math.sqrt((n * 2 * cellH) / cellW))));
  const rows = Math.ceil(n / cols);
  const inner = { width: cols * cellW - CELL_GAP_X, height: rows * cellH - CELL_GAP_Y };
  const width = inner.width + 2 * GROUP_PAD.side;
  const height = inner.height + GROUP_PAD.top + GROUP_PAD.bottom;
  const parts: { id: string; dx: number; dy: number }[] = [];
  members.forEach((m, i) => {
    const row = Math.floor(i / cols);
    const col = row % 2 === 0 ? i % cols : cols - 1 - (i % cols);
    const cx = -width / 2 + GROUP_PAD.side + col * cellW + (cellW - CELL_GAP_X) / 2;
    const cy = -height / 2 + GROUP_PAD.top + row * cellH + (cellH - CELL_GAP_Y) / 2;
    for (const p of m.parts) parts.push({ id: p.id, dx: cx + p.dx, dy: cy + p.dy });
  });
  return { width, height, parts };
}

function isExpandedSeries(n: ViewNode | undefined): boolean {
  return n !== undefined && n.kind === "group" && !n.collapsed && n.series !== null;
}

export function buildLayoutGraph(view: GraphView, scene: Pick<Scene, "sizes" | "chips">): LayoutGraph {
  const { sizes } = scene;
  const chipsOf = new Map<string, { id: string; side: "in" | "out" }[]>();
  for (const c of scene.chips) (chipsOf.get(c.host) ?? chipsOf.set(c.host, []).get(c.host)!).push(c);

  // The unit each drawn node belongs to: itself, or the expanded series it is a member of.
  const unitOf = new Map<string, string>();
  const nodes: LayoutNode[] = [];
  const attached = new Map<string, { id: string; dx: number; dy: number }[]>();
  const members = new Map<string, ViewNode[]>();
  for (const n of view.nodes) {
    if (n.chipOnly) continue;
    const parent = n.parent === null ? undefined : view.byId.get(n.parent);
    if (isExpandedSeries(parent)) {
      unitOf.set(n.id, parent!.id);
      (members.get(parent!.id) ?? members.set(parent!.id, []).get(parent!.id)!).push(n);
    }
  }
  for (const n of view.nodes) {
    if (n.chipOnly || unitOf.has(n.id)) continue;
    unitOf.set(n.id, n.id);
    if (n.kind === "group" && !n.collapsed && n.series === null) {
      nodes.push({ id: n.id, parent: n.parent, compound: true, width: 0, height: 0 });
      continue;
    }
    let box: Boxed;
    if (isExpandedSeries(n)) {
      const list = members.get(n.id) ?? [];
      const boxed = list.map((m) => boxWithChips(m.id, sizes.get(m.id) ?? { width: 60, height: 34 }, chipsOf.get(m.id), sizes));
      box = list.length === 0 ? { width: 80, height: 40, parts: [] } : seriesGrid(boxed);
      // The series box itself may carry chips (bundled edges made into chips).
      const own = chipsOf.get(n.id);
      if (own !== undefined) {
        const outer = boxWithChips(n.id, { width: box.width, height: box.height }, own, sizes);
        const at = outer.parts[0];
        box = { width: outer.width, height: outer.height, parts: [...outer.parts.slice(1), ...box.parts.map((p) => ({ id: p.id, dx: p.dx + at.dx, dy: p.dy + at.dy }))] };
      }
    } else {
      box = boxWithChips(n.id, sizes.get(n.id) ?? { width: 60, height: 34 }, chipsOf.get(n.id), sizes);
    }
    nodes.push({ id: n.id, parent: n.parent, compound: false, width: box.width, height: box.height });
    attached.set(n.id, box.parts);
  }

  // Edges between units: members' edges are their series' edges; one edge per pair and
  // direction; none inside a unit.
  const edges: LayoutEdge[] = [];
  const seen = new Set<string>();
  for (const e of view.edges) {
    if (e.chip !== null) continue;
    const a = unitOf.get(e.source);
    const b = unitOf.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    const reversed = e.kind === "ref";
    const [source, target] = reversed ? [b, a] : [a, b];
    const key = `${source}|${target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const direct = a === e.source && b === e.target;
    edges.push({ id: direct ? e.id : `u:${key}`, source, target, reversed, viewEdge: direct ? e.id : null });
  }

  const parts: string[] = [];
  for (const n of nodes) parts.push(`${n.id}<${n.parent ?? ""}${n.compound ? "" : `@${Math.round(n.width)}x${Math.round(n.height)}`}`);
  for (const e of edges) parts.push(`${e.source}>${e.target}`);
  return { nodes, edges, attached, key: fingerprint(parts.join("\n")) };
}

/** Centres of every drawn node and chip, from the units' centres. */
export function placeAll(graph: LayoutGraph, unitCenters: ReadonlyMap<string, Point>): Map<string, Point> {
  const out = new Map<string, Point>();
  for (const [unit, parts] of graph.attached) {
    const c = unitCenters.get(unit);
    if (c === undefined) continue;
    for (const p of parts) out.set(p.id, { x: c.x + p.dx, y: c.y + p.dy });
  }
  return out;
}

/** How many drawn nodes a graph's units hold: what "laying out N nodes…" counts. */
export function unitCount(graph: LayoutGraph): number {
  let n = 0;
  for (const node of graph.nodes) if (!node.compound) n++;
  return n;
}
