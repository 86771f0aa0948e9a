/**
 * The program's graph as a hierarchy: which ops fold into which variable node, which name
 * scopes become (collapsible) groups, and every op-level edge with its kind. Pure: the same
 * node events always give the same structure, so layout can be cached on it.
 */
import type { NodeEvent } from "../../runner/events";
import type { NodeCategory } from "./classify";
import { scopeDepth, scopePrefixes, shortName } from "./names";
import { EMPTY_INDEX, indexSteps, type OpIndex } from "./opIndex";
import { detectScopeSeries, detectSeries, type SeriesInfo } from "./series";
import { runNow, STEP, type Sliced } from "./slices";
import { flowStructure, insertBranchGroups, type FlowStructure } from "./flow";

/** TensorBoard's edge vocabulary. */
export type EdgeKind = "data" | "control" | "ref";

/** One edge between two ops. `ref` edges point from the writer (an assign) to the variable. */
export interface OpEdge {
  src: string;
  dst: string;
  kind: EdgeKind;
  /** The tensor a data or ref edge carries (`add:0`). */
  tensor?: string;
  /** A while loop's back edge (`NextIteration` → `Merge`): the one edge of a cycle. */
  back?: true;
}

/**
 * Why a scope starts collapsed (or not); `series` is a folded repetition (series.ts). Control
 * flow (flow.ts): `cond` is a `tf.cond`'s scope, `branch` one of its two branches (a group
 * the structure adds, named `<cond>/true branch`), `while` a `tf.while_loop`'s frame.
 */
export type GroupRole = "gradients" | "optimizer" | "composite" | "scope" | "series" | "cond" | "branch" | "while";

export interface OpInfo {
  node: NodeEvent;
  /** Creation index among the graph's ops. */
  index: number;
  category: NodeCategory;
  /** The leaf this op is drawn as: itself, or the variable it belongs to. */
  leaf: string;
}

/** A drawn op: an op on its own, or a variable with its internals folded in. */
export interface LeafInfo {
  name: string;
  category: NodeCategory;
  /** Ops drawn as this leaf; the leaf's own op first, then the others in creation order. */
  members: string[];
  /** Enclosing groups, outermost first. */
  groups: string[];
  /** Smallest creation index of a member (the leaf's place in model order). */
  order: number;
}

/** A name scope drawn as a compound node. */
export interface GroupInfo {
  name: string;
  parent: string | null;
  role: GroupRole;
  defaultCollapsed: boolean;
  /** Ops inside, at any depth (folded internals included). */
  opCount: number;
  order: number;
  /** Set for a series (role `series`): what repeats and how often. */
  series?: SeriesInfo;
}

export interface GraphStructure {
  /** Op names in creation order. */
  order: string[];
  /**
   * Ops by name. May hold ops newer than `order` (a structure of the same growing graph built
   * later shares the map, opIndex.ts): iterate `order`, look up here.
   */
  ops: Map<string, OpInfo>;
  leaves: Map<string, LeafInfo>;
  groups: Map<string, GroupInfo>;
  edges: OpEdge[];
  /** Control flow, when the graph has any: which scopes are conds, branches and loops. */
  flow?: FlowStructure;
}

const GRADIENTS_SCOPE = /^gradients(_\d+)?$/;
/** Composite scopes of at most this many ops are drawn as plain ops. */
const SMALL_COMPOSITE = 3;
const OPTIMIZER_SCOPE =
  /^(GradientDescent|Momentum|Adam|RMSProp|Adagrad|AdagradDA|Adadelta|Ftrl|ProximalAdagrad|ProximalGradientDescent)(_\d+)?$/;

/** The ops of one graph (programs may build several; each is drawn on its own). */
export function nodesOfGraph(nodes: readonly NodeEvent[], graph: number): NodeEvent[] {
  return nodes.filter((n) => n.graph === graph);
}

/** The structure of the ops, which must all belong to one graph. */
export function buildStructure(nodes: readonly NodeEvent[]): GraphStructure {
  return runNow(structureSteps(nodes));
}

/**
 * buildStructure in steps: it yields every few hundred ops, so a big graph (10,000 ops) can be
 * built across several short tasks (runInSlices) instead of one long one. With `prev`, the
 * index of an earlier, shorter `nodes` of the same graph, only the new ops are indexed.
 */
export function* structureSteps(nodes: readonly NodeEvent[], prev: OpIndex = EMPTY_INDEX): Sliced<GraphStructure> {
  return yield* structureOfIndex(yield* indexSteps(prev, nodes));
}

/** The structure over an op index (opIndex.ts): leaves, scopes, series; the edges are the index's. */
export function* structureOfIndex(index: OpIndex): Sliced<GraphStructure> {
  const { order, ops } = index;
  const leaves = new Map<string, LeafInfo>();
  for (let i = 0; i < order.length; i++) {
    const name = order[i];
    const info = ops.get(name)!;
    let leaf = leaves.get(info.leaf);
    if (leaf === undefined) {
      const own = ops.get(info.leaf)!;
      leaf = { name: info.leaf, category: own.category, members: [info.leaf], groups: info.leaf.includes("/") ? scopePrefixes(info.leaf) : [], order: info.index };
      leaves.set(info.leaf, leaf);
    }
    if (name !== info.leaf) leaf.members.push(name);
    if (info.index < leaf.order) leaf.order = info.index;
    if ((i & STEP) === STEP) yield;
  }

  const flow = flowStructure(order, ops);
  if (flow !== undefined) yield* insertBranchGroups(leaves, ops, flow);
  const groups = yield* buildGroups(leaves, ops, flow);
  // An op named like a scope (`GradientDescent`, the train op, next to `GradientDescent/...`)
  // is drawn inside that scope, as TensorBoard does: collapsing the scope shows it as one node.
  let step = 0;
  for (const leaf of leaves.values()) {
    if ((++step & STEP) === STEP) yield;
    const own = groups.get(leaf.name);
    if (own === undefined) continue;
    leaf.groups = [...leaf.groups, leaf.name];
    own.opCount += leaf.members.length;
    if (leaf.order < own.order) own.order = leaf.order;
  }
  // `x * 2.0` makes `mul` and its operand `mul/y`: a scope of two ops is not worth a box, and
  // the learner should see the constant their literal became. Small composites dissolve.
  const dissolved = new Set<string>();
  for (const g of groups.values()) if (g.role === "composite" && g.opCount <= SMALL_COMPOSITE) dissolved.add(g.name);
  if (dissolved.size > 0) {
    for (const name of dissolved) groups.delete(name);
    for (const g of groups.values()) {
      while (g.parent !== null && dissolved.has(g.parent)) g.parent = scopePrefixes(g.parent).filter((p) => groups.has(p)).pop() ?? null;
    }
    yield;
    let i = 0;
    for (const leaf of leaves.values()) {
      if (leaf.groups.length > 0 && leaf.groups.some((g) => dissolved.has(g))) leaf.groups = leaf.groups.filter((g) => !dissolved.has(g));
      if ((++i & STEP) === STEP) yield;
    }
  }
  yield* dissolveSingleLeafScopes(leaves, groups);
  yield* detectScopeSeries(leaves, ops, groups);
  yield* detectSeries(leaves, ops, groups);

  const edges = index.edges;
  return flow !== undefined ? { order, ops, leaves, groups, edges, flow } : { order, ops, leaves, groups, edges };
}

/**
 * A box around one op is noise (`Adam/update_dense/kernel` around its `ApplyAdam`): a scope
 * holding a single leaf and no other scope is not drawn, deepest first, so a parent left with
 * one leaf goes too. Only plain name scopes: gradients, optimizers and composites keep theirs.
 */
function* dissolveSingleLeafScopes(leaves: Map<string, LeafInfo>, groups: Map<string, GroupInfo>): Sliced<void> {
  if (groups.size === 0) return;
  const leafCount = new Map<string, number>();
  const childCount = new Map<string, number>();
  let step = 0;
  for (const leaf of leaves.values()) {
    if ((++step & STEP) === STEP) yield;
    const g = leaf.groups[leaf.groups.length - 1];
    if (g !== undefined) leafCount.set(g, (leafCount.get(g) ?? 0) + 1);
  }
  for (const g of groups.values()) if (g.parent !== null) childCount.set(g.parent, (childCount.get(g.parent) ?? 0) + 1);
  const byDepth = [...groups.values()].sort((a, b) => scopeDepth(b.name) - scopeDepth(a.name));
  const dissolved = new Set<string>();
  for (const g of byDepth) {
    if (g.role !== "scope" || (leafCount.get(g.name) ?? 0) !== 1 || (childCount.get(g.name) ?? 0) !== 0) continue;
    dissolved.add(g.name);
    if (g.parent !== null) {
      leafCount.set(g.parent, (leafCount.get(g.parent) ?? 0) + 1);
      childCount.set(g.parent, (childCount.get(g.parent) ?? 0) - 1);
    }
  }
  if (dissolved.size === 0) return;
  for (const name of dissolved) groups.delete(name);
  for (const leaf of leaves.values()) {
    if ((++step & STEP) === STEP) yield;
    if (leaf.groups.length > 0 && leaf.groups.some((g) => dissolved.has(g))) leaf.groups = leaf.groups.filter((g) => !dissolved.has(g));
  }
}

function* buildGroups(leaves: Map<string, LeafInfo>, ops: Map<string, OpInfo>, flow: FlowStructure | undefined): Sliced<Map<string, GroupInfo>> {
  const groups = new Map<string, GroupInfo>();
  const hasUpdate = new Set<string>();
  let step = 0;
  for (const leaf of leaves.values()) {
    if ((++step & STEP) === STEP) yield;
    let parent: string | null = null;
    for (const g of leaf.groups) {
      let group = groups.get(g);
      if (group === undefined) {
        group = { name: g, parent, role: "scope", defaultCollapsed: false, opCount: 0, order: leaf.order };
        groups.set(g, group);
      }
      group.opCount += leaf.members.length;
      if (leaf.order < group.order) group.order = leaf.order;
      if (leaf.category === "update") hasUpdate.add(g);
      parent = g;
    }
  }
  for (const group of groups.values()) {
    const role = roleOf(group.name, ops, hasUpdate);
    // A gradient loop's frame is named after `gradients`: that scope stays the gradients' box.
    group.role = role === "scope" || role === "composite" ? (flow?.roles.get(group.name) ?? role) : role;
    // Control flow is what the learner came to see: its boxes start open.
    group.defaultCollapsed = !OPEN_ROLES.has(group.role);
    if ((++step & STEP) === STEP) yield;
  }
  return groups;
}

const OPEN_ROLES: ReadonlySet<GroupRole> = new Set(["scope", "cond", "branch", "while"]);

function roleOf(name: string, ops: Map<string, OpInfo>, hasUpdate: Set<string>): GroupRole {
  const short = shortName(name);
  if (GRADIENTS_SCOPE.test(short)) return "gradients";
  if (OPTIMIZER_SCOPE.test(short)) return "optimizer";
  // An op named like its own scope was made by a composite function (`random_uniform`, a
  // custom-named optimizer's train op): TensorBoard draws it as one node with internals.
  const same = ops.get(name);
  if (same !== undefined && same.category !== "variable") return hasUpdate.has(name) ? "optimizer" : "composite";
  return "scope";
}

/** The ops inside a scope or series (a scope's own-named op included), in creation order. */
export function groupOps(structure: GraphStructure, group: string): string[] {
  const out: string[] = [];
  for (const op of structure.order) {
    const leaf = structure.leaves.get(structure.ops.get(op)!.leaf);
    if (leaf !== undefined && leaf.groups.includes(group)) out.push(op);
  }
  return out;
}
