/**
 * The drawn graph for a collapse state: which leaves and groups are visible, which group
 * contains which node, and the op edges merged onto visible endpoints. An op inside a
 * collapsed group is drawn as that group; edges that land on the same pair of drawn nodes
 * with the same kind become one edge (its `pairs` remember the op edges it stands for, so a
 * run can light it).
 */
import type { NodeCategory } from "./classify";
import type { EdgeKind, GraphStructure, GroupRole } from "./structure";

export interface ViewNode {
  /** `n:<op>` for a leaf, `g:<scope>` for a group (an op and a scope may share a name). */
  id: string;
  name: string;
  kind: "leaf" | "group";
  /** Id of the enclosing expanded group, or null at the top. */
  parent: string | null;
  /** Leaf category; for a group, null. */
  category: NodeCategory | null;
  /** For groups: drawn as one node (true) or as a compound node around its children. */
  collapsed: boolean;
  role: GroupRole | null;
  /** Ops this node stands for (a collapsed group: all its ops; an expanded group: none). */
  members: string[];
  /** Model order: the smallest creation index inside. */
  order: number;
}

export interface ViewEdge {
  /** `<source>|<target>|<kind>`. */
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  /** Indices into `structure.edges` of the op edges merged into this one. */
  pairs: number[];
}

export interface GraphView {
  /** Parents before their children; siblings in model order. */
  nodes: ViewNode[];
  edges: ViewEdge[];
  /** Op name → id of the drawn node that shows it. */
  visibleOf: Map<string, string>;
  byId: Map<string, ViewNode>;
}

/** Collapse choices the user made, by scope name; scopes not listed use their default. */
export type CollapseOverrides = ReadonlyMap<string, boolean>;

export const leafId = (name: string): string => `n:${name}`;
export const groupId = (name: string): string => `g:${name}`;

export function isCollapsed(structure: GraphStructure, overrides: CollapseOverrides, group: string): boolean {
  return overrides.get(group) ?? structure.groups.get(group)?.defaultCollapsed ?? false;
}

export function buildView(structure: GraphStructure, overrides: CollapseOverrides = new Map()): GraphView {
  const byId = new Map<string, ViewNode>();
  const visibleOf = new Map<string, string>();
  const collapsedGroupOf = new Map<string, string | null>();

  // The first collapsed group on a chain hides everything below it.
  const hiddenBy = (chain: readonly string[]): { parent: string | null; collapsedAt: number } => {
    let parent: string | null = null;
    for (let i = 0; i < chain.length; i++) {
      if (isCollapsed(structure, overrides, chain[i])) return { parent, collapsedAt: i };
      parent = groupId(chain[i]);
    }
    return { parent, collapsedAt: -1 };
  };

  const addGroup = (name: string, parent: string | null, collapsed: boolean): ViewNode => {
    const id = groupId(name);
    let node = byId.get(id);
    if (node === undefined) {
      const g = structure.groups.get(name)!;
      node = { id, name, kind: "group", parent, category: null, collapsed, role: g.role, members: [], order: g.order };
      byId.set(id, node);
    }
    return node;
  };

  for (const leaf of structure.leaves.values()) {
    const chain = leaf.groups;
    const { collapsedAt } = hiddenBy(chain);
    const openDepth = collapsedAt < 0 ? chain.length : collapsedAt;
    let parent: string | null = null;
    for (let i = 0; i < openDepth; i++) {
      addGroup(chain[i], parent, false);
      parent = groupId(chain[i]);
    }
    let target: ViewNode;
    if (collapsedAt >= 0) {
      target = addGroup(chain[collapsedAt], parent, true);
    } else {
      const id = leafId(leaf.name);
      target = { id, name: leaf.name, kind: "leaf", parent, category: leaf.category, collapsed: false, role: null, members: [], order: leaf.order };
      byId.set(id, target);
    }
    for (const m of leaf.members) {
      target.members.push(m);
      visibleOf.set(m, target.id);
    }
    collapsedGroupOf.set(leaf.name, collapsedAt >= 0 ? target.id : null);
  }

  for (const node of byId.values()) if (node.kind === "group" && node.collapsed) node.members.sort((a, b) => structure.ops.get(a)!.index - structure.ops.get(b)!.index);

  const edgeById = new Map<string, ViewEdge>();
  structure.edges.forEach((e, i) => {
    const source = visibleOf.get(e.src);
    const target = visibleOf.get(e.dst);
    if (source === undefined || target === undefined || source === target) return;
    const id = `${source}|${target}|${e.kind}`;
    const edge = edgeById.get(id);
    if (edge === undefined) edgeById.set(id, { id, source, target, kind: e.kind, pairs: [i] });
    else edge.pairs.push(i);
  });

  return { nodes: sortNodes([...byId.values()]), edges: [...edgeById.values()], visibleOf, byId };
}

/** Parents first, then model order: the order ELK's model-order strategy keeps stable. */
function sortNodes(nodes: ViewNode[]): ViewNode[] {
  const children = new Map<string | null, ViewNode[]>();
  for (const n of nodes) {
    const list = children.get(n.parent);
    if (list === undefined) children.set(n.parent, [n]);
    else list.push(n);
  }
  const out: ViewNode[] = [];
  const visit = (parent: string | null): void => {
    const list = children.get(parent);
    if (list === undefined) return;
    list.sort((a, b) => a.order - b.order || (a.kind === b.kind ? 0 : a.kind === "group" ? -1 : 1));
    for (const n of list) {
      out.push(n);
      visit(n.id);
    }
  };
  visit(null);
  return out;
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
