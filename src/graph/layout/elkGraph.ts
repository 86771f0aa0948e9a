/**
 * The drawn graph as ELK's JSON, and ELK's answer as node centres. Pure, so it runs the same
 * in the layout worker's caller, in tests and in the bench.
 */
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from "elkjs/lib/elk-api";
import type { LayoutGraph, Point } from "./layoutGraph";

/** Group padding: room for the scope's name at the top. */
export const GROUP_PADDING = { top: 30, left: 14, bottom: 14, right: 14 };

export const ROOT_OPTIONS: LayoutOptions = {
  "elk.algorithm": "layered",
  "elk.direction": "DOWN",
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  // Ties are broken by creation order, so re-running or slightly editing a program keeps the
  // picture in place.
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  "elk.layered.spacing.nodeNodeBetweenLayers": "30",
  "elk.spacing.nodeNode": "22",
  "elk.layered.spacing.edgeNodeBetweenLayers": "14",
  "elk.spacing.edgeNode": "10",
  // Cytoscape draws the edges; ELK's routes are unused, so ask for the cheapest.
  "elk.edgeRouting": "POLYLINE",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.layered.nodePlacement.bk.fixedAlignment": "BALANCED",
  "elk.separateConnectedComponents": "false",
  // Edge routes in root coordinates, like node centres after fromElk.
  "elk.json.edgeCoords": "ROOT",
};

const GROUP_OPTIONS: LayoutOptions = {
  "elk.padding": `[top=${GROUP_PADDING.top},left=${GROUP_PADDING.left},bottom=${GROUP_PADDING.bottom},right=${GROUP_PADDING.right}]`,
};

/**
 * Laying out scopes together with the edges that cross them (INCLUDE_CHILDREN) gives the
 * tightest picture but costs 2-3x more than laying out each scope on its own: measured in
 * Node on this (loaded) machine, the 3-layer dense classifier opened with "Expand all" (81
 * units) took 3.4-4.8 s with INCLUDE_CHILDREN and 1.3-1.8 s without; the tutorial regression
 * opened (48 units) 2.2-2.4 s and 1.0-1.1 s, for a picture 1.7x larger. Beyond this many units
 * the budget wins.
 */
export const INCLUDE_CHILDREN_MAX = 60;

/** Crossing minimisation is ELK's costly step; on big graphs fewer sweeps keep it under budget. */
export function thoroughness(nodeCount: number): string {
  return nodeCount > 1500 ? "1" : nodeCount > 400 ? "3" : "7";
}

/**
 * ELK's input for a layout graph: units as sized nodes, expanded scopes as nested nodes.
 * Reference edges arrive reversed already (variable above its writer). With
 * INCLUDE_CHILDREN, edges keep their real endpoints (ELK routes across scope borders); with
 * SEPARATE_CHILDREN each edge is projected onto the scope where it is drawn.
 */
export function toElk(graph: LayoutGraph, includeChildren?: boolean): ElkNode {
  let units = 0;
  for (const n of graph.nodes) if (!n.compound) units++;
  const include = includeChildren ?? units <= INCLUDE_CHILDREN_MAX;
  const root: ElkNode = {
    id: "root",
    layoutOptions: {
      ...ROOT_OPTIONS,
      "elk.layered.thoroughness": thoroughness(units),
      "elk.hierarchyHandling": include ? "INCLUDE_CHILDREN" : "SEPARATE_CHILDREN",
    },
    children: [],
    edges: [],
  };
  const elkNodes = new Map<string, ElkNode>();
  const parentOf = new Map<string, string | null>();
  for (const node of graph.nodes) {
    const elk: ElkNode = node.compound ? { id: node.id, layoutOptions: GROUP_OPTIONS, children: [], edges: [] } : { id: node.id, width: node.width, height: node.height };
    elkNodes.set(node.id, elk);
    parentOf.set(node.id, node.parent);
    const parent = node.parent === null ? root : elkNodes.get(node.parent)!;
    parent.children!.push(elk);
  }
  const chain = (id: string): string[] => {
    const out = [id];
    for (let p = parentOf.get(id) ?? null; p !== null; p = parentOf.get(p) ?? null) out.push(p);
    return out.reverse();
  };
  for (const e of graph.edges) {
    if (include) {
      root.edges!.push({ id: e.id, sources: [e.source], targets: [e.target] });
      continue;
    }
    const a = chain(e.source);
    const b = chain(e.target);
    let d = 0;
    while (d < a.length && d < b.length && a[d] === b[d]) d++;
    if (d === a.length || d === b.length) continue;
    const owner = d === 0 ? root : elkNodes.get(a[d - 1])!;
    const edge: ElkExtendedEdge = { id: e.id, sources: [a[d]], targets: [b[d]] };
    owner.edges!.push(edge);
  }
  return root;
}

export interface Positions {
  /** Centres of units, in absolute coordinates. */
  centers: Map<string, Point>;
  /** Bend points of routed edges (by view edge id), from the drawn source to the drawn target. */
  routes: Map<string, Point[]>;
}

export function fromElk(laidOut: ElkNode, graph: LayoutGraph): Positions {
  const centers = new Map<string, Point>();
  // Depth-first over ELK's answer without recursion.
  const stack: { node: ElkNode; ox: number; oy: number }[] = [{ node: laidOut, ox: 0, oy: 0 }];
  while (stack.length > 0) {
    const { node, ox, oy } = stack.pop()!;
    for (const child of node.children ?? []) {
      const x = ox + (child.x ?? 0);
      const y = oy + (child.y ?? 0);
      if (child.children !== undefined && child.children.length > 0) stack.push({ node: child, ox: x, oy: y });
      else centers.set(child.id, { x: x + (child.width ?? 0) / 2, y: y + (child.height ?? 0) / 2 });
    }
  }
  const byId = new Map(graph.edges.map((e) => [e.id, e]));
  const routes = new Map<string, Point[]>();
  const collect = (edges: ElkExtendedEdge[] | undefined): void => {
    for (const edge of edges ?? []) {
      const e = byId.get(edge.id);
      if (e === undefined || e.viewEdge === null) continue;
      const bends: Point[] = [];
      for (const section of edge.sections ?? []) for (const b of section.bendPoints ?? []) bends.push({ x: b.x, y: b.y });
      if (bends.length === 0) continue;
      // Reference edges were handed to ELK reversed; draw their bends from the writer's end.
      if (e.reversed) bends.reverse();
      routes.set(e.viewEdge, bends);
    }
  };
  // Routes only come with INCLUDE_CHILDREN, where every edge sits at the root.
  collect(laidOut.edges);
  return { centers, routes };
}
