/**
 * A fast layered layout in plain JavaScript, O((nodes + edges) × a few sweeps), for any layout
 * graph, expanded scopes included (each scope is laid out on its own, deepest first, then
 * placed as one box in its parent). It gives a picture at once; ELK's better one replaces it
 * when ELK is done within its budget (see layoutPlan.ts). No recursion anywhere: a 100,000-op
 * chain is just a long loop.
 */
import { longestPathLayers } from "../model/layering";
import { GROUP_PAD } from "./positions";
import type { LayoutGraph, LayoutNode, Point } from "./layoutGraph";

const LAYER_GAP = 40;
const NODE_GAP = 22;
/** Barycentre sweeps (down then up) to reduce crossings. */
const SWEEPS = 4;

interface Item {
  id: string;
  width: number;
  height: number;
}

/** Centres of `items` laid out in layers along `edges` (pairs of item indices), top-left at (0, 0). */
export function layered(items: readonly Item[], edges: readonly [number, number][]): Point[] {
  const n = items.length;
  const preds: number[][] = Array.from({ length: n }, () => []);
  const succs: number[][] = Array.from({ length: n }, () => []);
  const seen = new Set<number>();
  for (const [a, b] of edges) {
    if (a === b || seen.has(a * n + b)) continue;
    seen.add(a * n + b);
    preds[b].push(a);
    succs[a].push(b);
  }

  const layer = longestPathLayers(n, preds, succs);
  const layers: number[][] = [];
  for (let i = 0; i < n; i++) (layers[layer[i]] ??= []).push(i);
  const rows = layers.filter((l) => l !== undefined);
  const pos = new Array<number>(n).fill(0);
  const normalize = (row: number[]): void => row.forEach((i, k) => (pos[i] = (k + 0.5) / row.length));
  rows.forEach(normalize);
  for (let s = 0; s < SWEEPS; s++) {
    const down = s % 2 === 0;
    const list = down ? rows : [...rows].reverse();
    for (const row of list) {
      const key = new Map<number, number>();
      for (const i of row) {
        const adj = down ? preds[i] : succs[i];
        key.set(i, adj.length === 0 ? pos[i] : adj.reduce((sum, j) => sum + pos[j], 0) / adj.length);
      }
      row.sort((a, b) => key.get(a)! - key.get(b)! || a - b);
      normalize(row);
    }
  }

  // x: each node near the mean of its inputs (sources near their readers), without overlaps.
  const x = new Array<number>(n).fill(0);
  const width = (i: number): number => items[i].width;
  const place = (row: number[], desired: (i: number) => number | null): void => {
    const d = row.map((i) => desired(i));
    // Nodes with nothing to follow keep their packed place.
    let cursor = 0;
    const packed = row.map((i) => {
      const c = cursor + width(i) / 2;
      cursor += width(i) + NODE_GAP;
      return c;
    });
    const shift = cursor / 2;
    const want = row.map((_, k) => d[k] ?? packed[k] - shift);
    const a = [...want];
    for (let k = 1; k < row.length; k++) a[k] = Math.max(a[k], a[k - 1] + (width(row[k - 1]) + width(row[k])) / 2 + NODE_GAP);
    const b = [...want];
    for (let k = row.length - 2; k >= 0; k--) b[k] = Math.min(b[k], b[k + 1] - (width(row[k + 1]) + width(row[k])) / 2 - NODE_GAP);
    const mid = row.map((_, k) => (a[k] + b[k]) / 2);
    for (let k = 1; k < row.length; k++) mid[k] = Math.max(mid[k], mid[k - 1] + (width(row[k - 1]) + width(row[k])) / 2 + NODE_GAP);
    row.forEach((i, k) => (x[i] = mid[k]));
  };
  const mean = (list: number[]): number | null => (list.length === 0 ? null : list.reduce((s, j) => s + x[j], 0) / list.length);
  for (const row of rows) place(row, (i) => mean(preds[i]));
  for (let r = rows.length - 1; r >= 0; r--) place(rows[r], (i) => (preds[i].length === 0 ? mean(succs[i]) : x[i]));

  const out = new Array<Point>(n);
  let y = 0;
  let minX = Infinity;
  for (const row of rows) {
    let h = 0;
    for (const i of row) h = Math.max(h, items[i].height);
    for (const i of row) {
      out[i] = { x: x[i], y: y + h / 2 };
      minX = Math.min(minX, x[i] - width(i) / 2);
    }
    y += h + LAYER_GAP;
  }
  if (minX !== Infinity) for (const p of out) p.x -= minX;
  return out;
}

/** Unit centres for a layout graph. */
export function quickLayout(graph: LayoutGraph): Map<string, Point> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const children = new Map<string | null, LayoutNode[]>();
  for (const n of graph.nodes) (children.get(n.parent) ?? children.set(n.parent, []).get(n.parent)!).push(n);

  // Ancestor chains (outermost first), to project each edge onto the level where it is drawn.
  const chains = new Map<string, string[]>();
  const chainOf = (id: string): string[] => {
    let c = chains.get(id);
    if (c !== undefined) return c;
    c = [];
    for (let p = byId.get(id)?.parent ?? null; p !== null; p = byId.get(p)?.parent ?? null) c.push(p);
    c.reverse();
    chains.set(id, c);
    return c;
  };
  const levelEdges = new Map<string | null, [string, string][]>();
  for (const e of graph.edges) {
    const a = [...chainOf(e.source), e.source];
    const b = [...chainOf(e.target), e.target];
    let d = 0;
    while (d < a.length && d < b.length && a[d] === b[d]) d++;
    if (d === a.length || d === b.length) continue; // one inside the other
    const level = d === 0 ? null : a[d - 1];
    (levelEdges.get(level) ?? levelEdges.set(level, []).get(level)!).push([a[d], b[d]]);
  }

  // Deepest compounds first, so a compound's size is known before its parent is laid out.
  const compounds = graph.nodes.filter((n) => n.compound);
  compounds.sort((p, q) => chainOf(q.id).length - chainOf(p.id).length);
  const local = new Map<string, Point>();
  const size = new Map<string, { width: number; height: number }>();
  for (const n of graph.nodes) if (!n.compound) size.set(n.id, { width: n.width, height: n.height });
  for (const level of [...compounds.map((c) => c.id), null]) {
    const kids = children.get(level) ?? [];
    const index = new Map(kids.map((k, i) => [k.id, i]));
    const items = kids.map((k) => ({ id: k.id, ...(size.get(k.id) ?? { width: 60, height: 34 }) }));
    const edges: [number, number][] = [];
    for (const [s, t] of levelEdges.get(level) ?? []) {
      const a = index.get(s);
      const b = index.get(t);
      if (a !== undefined && b !== undefined) edges.push([a, b]);
    }
    const pts = layered(items, edges);
    let w = 0;
    let h = 0;
    items.forEach((it, i) => {
      local.set(it.id, pts[i]);
      w = Math.max(w, pts[i].x + it.width / 2);
      h = Math.max(h, pts[i].y + it.height / 2);
    });
    if (level !== null) size.set(level, { width: w + 2 * GROUP_PAD.side, height: h + GROUP_PAD.top + GROUP_PAD.bottom });
  }

  // Absolute places, parents first (graph.nodes lists parents before children).
  const topLeft = new Map<string | null, Point>([[null, { x: 0, y: 0 }]]);
  const out = new Map<string, Point>();
  for (const n of graph.nodes) {
    const origin = topLeft.get(n.parent) ?? { x: 0, y: 0 };
    const p = local.get(n.id) ?? { x: 0, y: 0 };
    const c = { x: origin.x + p.x, y: origin.y + p.y };
    if (n.compound) {
      const s = size.get(n.id)!;
      topLeft.set(n.id, { x: c.x - s.width / 2 + GROUP_PAD.side, y: c.y - s.height / 2 + GROUP_PAD.top });
    } else {
      out.set(n.id, c);
    }
  }
  return out;
}
