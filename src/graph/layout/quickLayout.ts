/**
 * A fast layered layout in plain JavaScript for very big flat graphs: longest-path layers and
 * one barycentre sweep, O(nodes + edges). It shows a 3,000-node graph at once while ELK's
 * better layout (seconds at that size) is computed in its worker.
 */
import type { GraphView } from "../model/view";
import type { Point, Positions, Size } from "./elkGraph";

const LAYER_GAP = 40;
const NODE_GAP = 22;

/** True when the quick layout applies: big, and no scope is drawn open (it ignores nesting). */
export function quickLayoutApplies(view: GraphView, threshold: number): boolean {
  if (view.nodes.length <= threshold) return false;
  return !view.nodes.some((n) => n.kind === "group" && !n.collapsed);
}

export function quickLayout(view: GraphView, sizes: ReadonlyMap<string, Size>): Positions {
  const ids = view.nodes.map((n) => n.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const preds: number[][] = ids.map(() => []);
  const succs: number[][] = ids.map(() => []);
  for (const e of view.edges) {
    // As for ELK: a reference edge's variable sits above the assign that writes it.
    const [from, to] = e.kind === "ref" ? [e.target, e.source] : [e.source, e.target];
    const a = index.get(from);
    const b = index.get(to);
    if (a === undefined || b === undefined || a === b) continue;
    preds[b].push(a);
    succs[a].push(b);
  }
  // Kahn's order; anything left in a cycle is placed after, in model order.
  const indegree = preds.map((p) => p.length);
  const queue: number[] = [];
  indegree.forEach((d, i) => {
    if (d === 0) queue.push(i);
  });
  const layer = new Array<number>(ids.length).fill(0);
  const order: number[] = [];
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q];
    order.push(i);
    for (const j of succs[i]) {
      layer[j] = Math.max(layer[j], layer[i] + 1);
      if (--indegree[j] === 0) queue.push(j);
    }
  }
  if (order.length < ids.length) for (let i = 0; i < ids.length; i++) if (indegree[i] > 0) order.push(i);

  const layers: number[][] = [];
  for (const i of order) (layers[layer[i]] ??= []).push(i);
  const x = new Array<number>(ids.length).fill(0);
  const centers = new Map<string, Point>();
  let y = 0;
  for (const members of layers) {
    if (members === undefined) continue;
    // One sweep: order a layer by where its inputs are (model order breaks ties).
    const key = (i: number): number => (preds[i].length === 0 ? i * 1e-6 : preds[i].reduce((s, p) => s + x[p], 0) / preds[i].length);
    const keys = new Map(members.map((i) => [i, key(i)]));
    members.sort((a, b) => keys.get(a)! - keys.get(b)! || a - b);
    const widths = members.map((i) => sizes.get(ids[i])?.width ?? 60);
    const height = Math.max(...members.map((i) => sizes.get(ids[i])?.height ?? 34));
    const total = widths.reduce((s, w) => s + w, 0) + NODE_GAP * (members.length - 1);
    let cursor = -total / 2;
    members.forEach((i, k) => {
      x[i] = cursor + widths[k] / 2;
      cursor += widths[k] + NODE_GAP;
      centers.set(ids[i], { x: x[i], y: y + height / 2 });
    });
    y += height + LAYER_GAP;
  }
  return { centers, boxes: new Map(), routes: new Map() };
}
