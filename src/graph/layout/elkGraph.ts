/**
 * The drawn graph as ELK's JSON, and ELK's answer as node centres. Pure, so it runs the same
 * in the layout worker's caller, in tests and in the bench.
 */
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from "elkjs/lib/elk-api";
import type { GraphView } from "../model/view";

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
 * best picture but costs 5-10x more than laying out each scope on its own; beyond this many
 * drawn nodes the budget (a 1,000-op graph in < 1 s) wins.
 */
export const INCLUDE_CHILDREN_MAX = 120;

/** Crossing minimisation is ELK's costly step; on big graphs fewer sweeps keep it under budget. */
export function thoroughness(nodeCount: number): string {
  return nodeCount > 1500 ? "1" : nodeCount > 400 ? "3" : "7";
}

export interface Size {
  width: number;
  height: number;
}

export type Point = { x: number; y: number };

/**
 * ELK's input for a view. `sizes` gives each leaf's and collapsed group's box. Reference
 * edges are handed to ELK reversed (variable above its writer): they are drawn from the
 * assign to the variable, but computation never flows along them, so they must not push the
 * variable below its writers.
 */
export function toElk(view: GraphView, sizes: ReadonlyMap<string, Size>): ElkNode {
  const n = view.nodes.length;
  const root: ElkNode = {
    id: "root",
    layoutOptions: {
      ...ROOT_OPTIONS,
      "elk.layered.thoroughness": thoroughness(n),
      "elk.hierarchyHandling": n <= INCLUDE_CHILDREN_MAX ? "INCLUDE_CHILDREN" : "SEPARATE_CHILDREN",
    },
    children: [],
    edges: [],
  };
  const elkNodes = new Map<string, ElkNode>();
  for (const node of view.nodes) {
    const expanded = node.kind === "group" && !node.collapsed;
    const size = sizes.get(node.id) ?? { width: 60, height: 34 };
    const elk: ElkNode = expanded ? { id: node.id, layoutOptions: GROUP_OPTIONS, children: [] } : { id: node.id, width: size.width, height: size.height };
    elkNodes.set(node.id, elk);
    const parent = node.parent === null ? root : elkNodes.get(node.parent)!;
    parent.children!.push(elk);
  }
  const edges: ElkExtendedEdge[] = view.edges.map((e) =>
    e.kind === "ref" ? { id: e.id, sources: [e.target], targets: [e.source] } : { id: e.id, sources: [e.source], targets: [e.target] },
  );
  root.edges = edges;
  return root;
}

export interface Positions {
  /** Centres of leaves and collapsed groups, in absolute coordinates. */
  centers: Map<string, Point>;
  /** Boxes of expanded groups (absolute top-left and size). */
  boxes: Map<string, Point & Size>;
  /** Bend points of routed edges, from the drawn source to the drawn target. */
  routes: Map<string, Point[]>;
}

export function fromElk(laidOut: ElkNode): Positions {
  const centers = new Map<string, Point>();
  const boxes = new Map<string, Point & Size>();
  const walk = (node: ElkNode, ox: number, oy: number): void => {
    for (const child of node.children ?? []) {
      const x = ox + (child.x ?? 0);
      const y = oy + (child.y ?? 0);
      const w = child.width ?? 0;
      const h = child.height ?? 0;
      if (child.children !== undefined && child.children.length > 0) {
        boxes.set(child.id, { x, y, width: w, height: h });
        walk(child, x, y);
      } else {
        centers.set(child.id, { x: x + w / 2, y: y + h / 2 });
      }
    }
  };
  walk(laidOut, 0, 0);
  const routes = new Map<string, Point[]>();
  for (const edge of laidOut.edges ?? []) {
    const bends: Point[] = [];
    for (const section of edge.sections ?? []) for (const b of section.bendPoints ?? []) bends.push({ x: b.x, y: b.y });
    if (bends.length === 0) continue;
    // Reference edges were handed to ELK reversed; draw their bends from the writer's end.
    if (edge.id.endsWith("|ref")) bends.reverse();
    routes.set(edge.id, bends);
  }
  return { centers, boxes, routes };
}
