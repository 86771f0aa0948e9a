/**
 * The drawn graph for a collapse state: which leaves, scopes and series are visible, which
 * group contains which node, and the op edges merged onto visible endpoints. An op inside a
 * collapsed scope or series is drawn as that group; edges that land on the same pair of drawn
 * nodes with the same kind become one edge (its `pairs` remember the op edges it stands for, so
 * a run can light it).
 *
 * Two things keep big pictures readable (see chips.ts): an expanded series shows its first
 * members and one "… more" node for the rest, and edges fanning into one expanded series are
 * bundled onto its box; constants and very high fan-out/fan-in nodes become chips beside the
 * nodes they connect to instead of long edges.
 */
import type { NodeCategory } from "./classify";
import { assignChips, type ViewChip } from "./chips";
import type { SeriesInfo } from "./series";
import type { EdgeKind, GraphStructure, GroupRole } from "./structure";
import { runNow, STEP, type Sliced } from "./slices";

export interface ViewNode {
  /** `n:<op>` for a leaf, `g:<scope or series>` for a group, `r:<series>` for a series' rest. */
  id: string;
  name: string;
  /** `rest`: the members of an expanded series beyond those shown, drawn as one node. */
  kind: "leaf" | "group" | "rest";
  /** Id of the enclosing expanded group, or null at the top. */
  parent: string | null;
  /** The innermost enclosing name scope (not series), which names are shown relative to. */
  scope: string | null;
  /** Leaf category; for a group or a rest, null. */
  category: NodeCategory | null;
  /** For groups: drawn as one node (true) or as a box around its children. */
  collapsed: boolean;
  role: GroupRole | null;
  /** For a series and its rest node: what repeats. */
  series: SeriesInfo | null;
  /** Ops this node stands for (a collapsed group or a rest: all its ops; an expanded group: none). */
  members: string[];
  /** Model order: the smallest creation index inside. */
  order: number;
  /** Drawn only as chips beside the nodes it connects to (chips.ts), not laid out itself. */
  chipOnly: boolean;
  /** For an expanded series: how many members it shows; for its rest node: how many it stands for. */
  shown: number | null;
}

export interface ViewEdge {
  /** `<source>|<target>|<kind>`. */
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  /** Indices into `structure.edges` of the op edges merged into this one. */
  pairs: number[];
  /** Set when the edge is drawn as a chip (its id) instead of a line. */
  chip: string | null;
  /** A while loop's back edge (NextIteration → Merge) is among the op edges it stands for. */
  back?: true;
}

export interface GraphView {
  /** Parents before their children; siblings in model order. */
  nodes: ViewNode[];
  edges: ViewEdge[];
  chips: ViewChip[];
  /** Op name → id of the drawn node that shows it. */
  visibleOf: Map<string, string>;
  byId: Map<string, ViewNode>;
}

/** Collapse choices the user made, by scope or series name; the rest use their default. */
export type CollapseOverrides = ReadonlyMap<string, boolean>;
/** Members shown of each expanded series, by series name (default SERIES_PAGE). */
export type SeriesShown = ReadonlyMap<string, number>;

/** An expanded series shows this many members at first; "… more" shows as many again. */
export const SERIES_PAGE = 48;
/** Edges from one node into at least this many members of an expanded series are bundled. */
const BUNDLE_MIN = 3;

export const leafId = (name: string): string => `n:${name}`;
export const groupId = (name: string): string => `g:${name}`;
export const restId = (series: string): string => `r:${series}`;

export function isCollapsed(structure: GraphStructure, overrides: CollapseOverrides, group: string): boolean {
  return overrides.get(group) ?? structure.groups.get(group)?.defaultCollapsed ?? false;
}

export function buildView(structure: GraphStructure, overrides: CollapseOverrides = new Map(), shown: SeriesShown = new Map()): GraphView {
  return runNow(viewSteps(structure, overrides, shown));
}

/** buildView in steps (slices.ts): a 100,000-op graph's view is built across short tasks. */
export function* viewSteps(structure: GraphStructure, overrides: CollapseOverrides = new Map(), shown: SeriesShown = new Map()): Sliced<GraphView> {
  let step = 0;
  const byId = new Map<string, ViewNode>();
  const visibleOf = new Map<string, string>();

  // Where each member stands in its series, for the expanded ones (only those are paged).
  const seriesIndex = new Map<string, number>();
  for (const g of structure.groups.values()) {
    if (g.series === undefined || isCollapsed(structure, overrides, g.name)) continue;
    for (const [leaf, i] of g.series.leafIndex) seriesIndex.set(leaf, i);
  }

  const scopeOf = (chain: readonly string[], upTo: number): string | null => {
    // Series and cond branches are not name scopes: names inside read relative to the scope.
    for (let i = upTo - 1; i >= 0; i--) {
      const role = structure.groups.get(chain[i])?.role;
      if (role !== "series" && role !== "branch") return chain[i];
    }
    return null;
  };

  const addGroup = (name: string, parent: string | null, scope: string | null, collapsed: boolean): ViewNode => {
    const id = groupId(name);
    let node = byId.get(id);
    if (node === undefined) {
      const g = structure.groups.get(name)!;
      node = { id, name, kind: "group", parent, scope, category: null, collapsed, role: g.role, series: g.series ?? null, members: [], order: g.order, chipOnly: false, shown: null };
      if (g.series !== undefined && !collapsed) node.shown = Math.min(g.series.count, shown.get(name) ?? SERIES_PAGE);
      byId.set(id, node);
    }
    return node;
  };

  for (const leaf of structure.leaves.values()) {
    if ((++step & STEP) === STEP) yield;
    const chain = leaf.groups;
    let parent: string | null = null;
    let target: ViewNode | undefined;
    for (let i = 0; i < chain.length && target === undefined; i++) {
      const name = chain[i];
      const scope = scopeOf(chain, i);
      if (isCollapsed(structure, overrides, name)) {
        target = addGroup(name, parent, scope, true);
        break;
      }
      const group = addGroup(name, parent, scope, false);
      parent = group.id;
      // Members of an expanded series past the shown ones are drawn as its rest node.
      if (group.series !== null && (seriesIndex.get(leaf.name) ?? 0) >= (shown.get(name) ?? SERIES_PAGE)) {
        const id = restId(name);
        target = byId.get(id);
        if (target === undefined) {
          target = { id, name, kind: "rest", parent, scope, category: null, collapsed: true, role: null, series: group.series, members: [], order: leaf.order, chipOnly: false, shown: group.series.count - (group.shown ?? 0) };
          byId.set(id, target);
        }
      }
    }
    if (target === undefined) {
      const id = leafId(leaf.name);
      target = { id, name: leaf.name, kind: "leaf", parent, scope: scopeOf(chain, chain.length), category: leaf.category, collapsed: false, role: null, series: null, members: [], order: leaf.order, chipOnly: false, shown: null };
      byId.set(id, target);
    }
    for (const m of leaf.members) {
      target.members.push(m);
      visibleOf.set(m, target.id);
    }
  }

  // Members arrive leaf by leaf; a leaf's internals may be older than ops of earlier leaves.
  const indexOf = (op: string): number => structure.ops.get(op)!.index;
  for (const node of byId.values()) {
    if ((++step & STEP) === STEP) yield;
    if (node.kind === "leaf" || !node.collapsed || node.members.length < 2) continue;
    let sorted = true;
    for (let i = 1; i < node.members.length && sorted; i++) sorted = indexOf(node.members[i - 1]) < indexOf(node.members[i]);
    if (!sorted) node.members.sort((a, b) => indexOf(a) - indexOf(b));
  }

  const edgeById = new Map<string, ViewEdge>();
  const add = (id: string, source: string, target: string, kind: EdgeKind, pairs: number[]): void => {
    const edge = edgeById.get(id);
    if (edge === undefined) edgeById.set(id, { id, source, target, kind, pairs, chip: null });
    else edge.pairs.push(...pairs);
  };
  for (let i = 0; i < structure.edges.length; i++) {
    if ((i & STEP) === STEP) yield;
    const e = structure.edges[i];
    const source = visibleOf.get(e.src);
    const target = visibleOf.get(e.dst);
    if (source === undefined || target === undefined || source === target) continue;
    add(`${source}|${target}|${e.kind}`, source, target, e.kind, [i]);
    if (e.back) edgeById.get(`${source}|${target}|${e.kind}`)!.back = true;
  }
  const edges = bundleIntoSeries([...edgeById.values()], byId);
  const nodes = sortNodes([...byId.values()]);
  const view: GraphView = { nodes, edges, chips: [], visibleOf, byId };
  view.chips = assignChips(view);
  return view;
}

/**
 * One node feeding many members of an expanded series (the placeholder every `mul` reads) is
 * drawn as one edge into the series' box, not a fan of hundreds; likewise many members
 * feeding one node. Edges between members of one series stay (a chain reads as a chain).
 */
function bundleIntoSeries(edges: ViewEdge[], byId: ReadonlyMap<string, ViewNode>): ViewEdge[] {
  const boxOf = (id: string): string | null => {
    const parent = byId.get(id)?.parent;
    return parent !== null && parent !== undefined && byId.get(parent)?.series !== null ? parent : null;
  };
  const groups = new Map<string, ViewEdge[]>();
  const out: ViewEdge[] = [];
  for (const e of edges) {
    const sb = boxOf(e.source);
    const tb = boxOf(e.target);
    if ((sb === null && tb === null) || (sb !== null && sb === tb)) {
      out.push(e);
      continue;
    }
    const key = `${sb ?? e.source}|${tb ?? e.target}|${e.kind}`;
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [e]);
    else list.push(e);
  }
  for (const [key, list] of groups) {
    if (list.length < BUNDLE_MIN) {
      out.push(...list);
      continue;
    }
    const [source, target, kind] = key.split("|") as [string, string, EdgeKind];
    out.push({ id: key, source, target, kind, pairs: list.flatMap((e) => e.pairs), chip: null });
  }
  return out;
}

/** Parents first, then model order: the order ELK's model-order strategy keeps stable. */
function sortNodes(nodes: ViewNode[]): ViewNode[] {
  const children = new Map<string | null, ViewNode[]>();
  for (const n of nodes) {
    const list = children.get(n.parent);
    if (list === undefined) children.set(n.parent, [n]);
    else list.push(n);
  }
  for (const list of children.values()) list.sort((a, b) => a.order - b.order || kindRank(a) - kindRank(b));
  // Depth-first without recursion: scopes can nest as deep as a program makes them.
  const out: ViewNode[] = [];
  const stack: ViewNode[] = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push(n);
    const list = children.get(n.id);
    if (list !== undefined) for (let i = list.length - 1; i >= 0; i--) stack.push(list[i]);
  }
  return out;
}

function kindRank(n: ViewNode): number {
  return n.kind === "group" ? 0 : n.kind === "leaf" ? 1 : 2;
}

/** Ids of the groups enclosing a drawn node, innermost first. */
export function ancestorsOf(view: GraphView, id: string): string[] {
  const out: string[] = [];
  let node = view.byId.get(id);
  while (node !== undefined && node.parent !== null) {
    out.push(node.parent);
    node = view.byId.get(node.parent);
  }
  return out;
}

/** The nodes layout places: leaves, collapsed groups and rests that are not chips only. */
export function isUnit(n: ViewNode): boolean {
  return !n.chipOnly && (n.kind !== "group" || n.collapsed);
}
