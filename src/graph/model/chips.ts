/**
 * Keeping long edges out of the picture, as TensorBoard does with its annotations. In a big
 * picture, three kinds of edge cross the whole drawing and say little:
 * - a constant's edge to its consumer (the `0.5` a `mul` reads): the constant is drawn as a
 *   small chip beside each consumer instead of a node of its own with an edge;
 * - the edges of a node read by many (a placeholder read by every step, a learning rate read by
 *   every update): the node keeps its place, and each reader gets a chip naming it;
 * - the control edges into a NoOp waiting for many (`init`, a train op): each op it waits for
 *   gets a chip naming it;
 * - any other edge that would cross more than LONG_SPAN layers (a forward activation read by
 *   its gradient far below, an optimizer's update writing a variable far above): its reader
 *   (or, for a write, its writer) gets a chip naming the other end.
 * A chip is drawn, clickable and lit as the node it stands for; its short connector is lit as
 * the edge it replaces. Small pictures keep every node and edge: they are what the tutorial
 * draws, and there is room.
 */
import { longestPathLayers } from "./layering";
import type { GraphView, ViewEdge, ViewNode } from "./view";

export interface ViewChip {
  /** `c:<edge id>`. */
  id: string;
  /** The view node the chip stands for. */
  node: string;
  /** The node it is drawn beside. */
  host: string;
  /** `in`: the chip is an input of its host (drawn on its left); `out`: its host feeds it (right). */
  side: "in" | "out";
  /** The view edge it replaces. */
  edge: string;
}

/** Pictures of more than this many placed nodes get chips (series constants always do). */
export const DECLUTTER_MIN = 40;
/** A constant read by at most this many nodes becomes chips only. */
const CONSTANT_CONSUMERS_MAX = 4;
/** A node read by (or a NoOp waiting for) at least this many nodes gets chips for those edges. */
export const FANOUT_MIN = 6;
/** In a big picture, an edge crossing more layers than this becomes a chip. */
export const LONG_SPAN = 6;

function isConstant(n: ViewNode): boolean {
  if (n.kind === "leaf") return n.category === "constant";
  return n.kind === "group" && n.collapsed && n.series !== null && n.series.op === "Const";
}

/** Marks chip-only nodes and chip edges of `view` and returns the chips. */
export function assignChips(view: GraphView): ViewChip[] {
  let units = 0;
  for (const n of view.nodes) if (n.kind !== "group" || n.collapsed) units++;
  const big = units > DECLUTTER_MIN;

  const outs = new Map<string, ViewEdge[]>();
  const ins = new Map<string, ViewEdge[]>();
  for (const e of view.edges) {
    (outs.get(e.source) ?? outs.set(e.source, []).get(e.source)!).push(e);
    (ins.get(e.target) ?? ins.set(e.target, []).get(e.target)!).push(e);
  }
  const chips: ViewChip[] = [];
  const chip = (e: ViewEdge, side: "in" | "out"): void => {
    if (e.chip !== null) return;
    e.chip = `c:${e.id}`;
    chips.push(side === "in" ? { id: e.chip, node: e.source, host: e.target, side, edge: e.id } : { id: e.chip, node: e.target, host: e.source, side, edge: e.id });
  };
  const expandedGroup = (id: string): boolean => {
    const n = view.byId.get(id);
    return n !== undefined && n.kind === "group" && !n.collapsed && n.series === null;
  };

  for (const n of view.nodes) {
    if (!isConstant(n) || !(big || n.series !== null)) continue;
    const out = outs.get(n.id) ?? [];
    const readers = new Set(out.map((e) => e.target));
    if (out.length === 0 || readers.size > CONSTANT_CONSUMERS_MAX || (ins.get(n.id)?.length ?? 0) > 0) continue;
    if (out.some((e) => expandedGroup(e.target))) continue;
    n.chipOnly = true;
    for (const e of out) chip(e, "in");
  }
  if (!big) return chips;

  for (const n of view.nodes) {
    if (n.chipOnly || (n.kind === "group" && !n.collapsed)) continue;
    const out = (outs.get(n.id) ?? []).filter((e) => e.kind !== "ref" && !expandedGroup(e.target));
    if (new Set(out.map((e) => e.target)).size >= FANOUT_MIN) for (const e of out) chip(e, "in");
    if (n.category === "group") {
      const waits = (ins.get(n.id) ?? []).filter((e) => e.kind === "control" && !expandedGroup(e.source));
      if (new Set(waits.map((e) => e.source)).size >= FANOUT_MIN) for (const e of waits) chip(e, "out");
    }
  }
  for (const e of longEdges(view)) chip(e, e.kind === "ref" ? "out" : "in");
  return chips;
}

/**
 * Edges (not chips yet) that a layered drawing would stretch over more than LONG_SPAN layers,
 * measured on the units layout would place (a member of an expanded series counts as its
 * series; reference edges point up, as layout draws them).
 */
function longEdges(view: GraphView): ViewEdge[] {
  const unitOf = new Map<string, number>();
  let n = 0;
  for (const node of view.nodes) {
    if (node.chipOnly || (node.kind === "group" && !node.collapsed && node.series === null)) continue;
    const parent = node.parent === null ? undefined : view.byId.get(node.parent);
    const box = parent !== undefined && parent.series !== null && !parent.collapsed ? unitOf.get(parent.id) : undefined;
    unitOf.set(node.id, box ?? n++);
  }
  const preds: number[][] = Array.from({ length: n }, () => []);
  const succs: number[][] = Array.from({ length: n }, () => []);
  const live: { e: ViewEdge; a: number; b: number }[] = [];
  for (const e of view.edges) {
    if (e.chip !== null) continue;
    const s = unitOf.get(e.source);
    const t = unitOf.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    const [a, b] = e.kind === "ref" ? [t, s] : [s, t];
    preds[b].push(a);
    succs[a].push(b);
    live.push({ e, a, b });
  }
  const layer = longestPathLayers(n, preds, succs);
  return live.filter(({ a, b }) => layer[b] - layer[a] > LONG_SPAN).map(({ e }) => e);
}
