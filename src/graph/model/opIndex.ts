/**
 * The first half of a graph's structure, which only grows while a program runs: every op by
 * name in creation order, the leaf it is drawn as (a variable's internals fold into the
 * variable) and every op-level edge. `indexSteps(prev, nodes)` adds only the ops created since
 * `prev`, so following a program that builds 100,000 ops costs each op once, not once per batch
 * (the scopes, series and chips that depend on the whole graph are derived from it in
 * structure.ts).
 *
 * Sharing: an index extended from `prev` shares `prev`'s `ops` map and adds to it, so the map
 * of an older index (or of a structure built from it) may hold ops newer than its `order`.
 * Iterate `order`; look ops up in `ops`. Nothing already in the map ever changes.
 */
import type { NodeEvent } from "../../runner/events";
import { categoryOf } from "./classify";
import { opOfTensor } from "./names";
import { STEP, type Sliced } from "./slices";
import type { OpEdge, OpInfo } from "./structure";

export interface OpIndex {
  /** How many of the graph's ops it holds (the first `count` of the nodes it was built from). */
  count: number;
  /** The first and the last op event it holds: a longer nodes array extends it if it holds both at their places. */
  first: NodeEvent | null;
  last: NodeEvent | null;
  /** Op names in creation order. */
  order: string[];
  /** Ops by name (possibly more than `order`: see the file's comment). */
  ops: Map<string, OpInfo>;
  edges: OpEdge[];
  /** Variables so far, and every scope prefix of every op name (a variable named like one would fold older ops). */
  variables: Set<string>;
  prefixes: Set<string>;
  /** Edges whose source op is not there yet (a loop's Merge reads its NextIteration), by source op. */
  waiting: Map<string, OpEdge[]>;
}

export const EMPTY_INDEX: OpIndex = { count: 0, first: null, last: null, order: [], ops: new Map(), edges: [], variables: new Set(), prefixes: new Set(), waiting: new Map() };

/** Whether `nodes` begins with exactly the ops `index` holds (so it can be extended with the rest). */
export function extends_(index: OpIndex, nodes: readonly NodeEvent[]): boolean {
  if (index.count === 0) return true;
  return nodes.length >= index.count && nodes[0] === index.first && nodes[index.count - 1] === index.last;
}

/** The index of `nodes` (all of one graph), built at once. */
export function indexOps(nodes: readonly NodeEvent[]): OpIndex {
  const steps = indexSteps(EMPTY_INDEX, nodes);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `prev` extended with the ops of `nodes` past its count (`nodes` must extend it: see
 * `extends_`), yielding every few hundred ops. Starts over when an op would change what is
 * already indexed: a variable created after ops inside its name scope.
 */
export function* indexSteps(prev: OpIndex, nodes: readonly NodeEvent[]): Sliced<OpIndex> {
  let base = prev.count > 0 && extends_(prev, nodes) ? prev : EMPTY_INDEX;
  if (base !== EMPTY_INDEX && nodes.length === base.count) return base;
  // Variables first (an op may come before the variable whose scope it is in, as TF allows).
  const variables: string[] = [];
  for (let i = base.count; i < nodes.length; i++) {
    if (categoryOf(nodes[i]) !== "variable") continue;
    variables.push(nodes[i].name);
    if (base.prefixes.has(nodes[i].name)) base = EMPTY_INDEX;
  }
  if (base === EMPTY_INDEX && prev.count > 0 && variables.length > 0) {
    // Starting over: every variable of the graph folds what it prefixes.
    variables.length = 0;
    for (const n of nodes) if (categoryOf(n) === "variable") variables.push(n.name);
  }
  const fresh = base === EMPTY_INDEX;
  const index: OpIndex = {
    count: nodes.length,
    first: nodes[0] ?? null,
    last: nodes[nodes.length - 1] ?? null,
    order: fresh ? new Array<string>(nodes.length) : base.order.concat(new Array<string>(nodes.length - base.count)),
    ops: fresh ? new Map() : base.ops,
    edges: fresh ? [] : base.edges.slice(),
    variables: fresh ? new Set() : new Set(base.variables),
    prefixes: fresh ? new Set() : new Set(base.prefixes),
    waiting: fresh ? new Map() : new Map([...base.waiting].map(([k, v]) => [k, v.slice()])),
  };
  for (const v of variables) index.variables.add(v);
  for (let i = base.count; i < nodes.length; i++) {
    add(index, nodes[i], i);
    if ((i & STEP) === STEP) yield;
  }
  return index;
}

function add(index: OpIndex, node: NodeEvent, i: number): void {
  const name = node.name;
  const category = categoryOf(node);
  // The outermost variable prefixing the name: `count/Assign`, `m/Adam` (a slot) fold into it.
  let leaf = name;
  for (let j = name.indexOf("/"); j > 0; j = name.indexOf("/", j + 1)) {
    const prefix = name.slice(0, j);
    index.prefixes.add(prefix);
    if (leaf === name && index.variables.has(prefix)) leaf = prefix;
  }
  index.ops.set(name, { node, index: i, category, leaf });
  index.order[i] = name;

  const edges = index.edges;
  for (const t of node.inputs) {
    const src = opOfTensor(t);
    const from = index.ops.get(src);
    if (from === undefined) wait(index, src, { src, dst: name, kind: "data", tensor: t });
    else edges.push(from.node.op === "NextIteration" ? { src, dst: name, kind: "data", tensor: t, back: true } : { src, dst: name, kind: "data", tensor: t });
  }
  for (const c of node.control_inputs) {
    const src = opOfTensor(c);
    if (index.ops.has(src)) edges.push({ src, dst: name, kind: "control" });
    else wait(index, src, { src, dst: name, kind: "control" });
  }
  // The assign writes the variable; computation never flows back along this edge.
  for (const t of node.ref_inputs) {
    const variable = opOfTensor(t);
    if (index.ops.has(variable)) edges.push({ src: name, dst: variable, kind: "ref" });
  }
  // Edges that waited for this op (a loop's back edge: NextIteration comes after its Merge).
  const waiting = index.waiting.get(name);
  if (waiting !== undefined) {
    index.waiting.delete(name);
    for (const e of waiting) edges.push(e.kind === "data" && node.op === "NextIteration" ? { ...e, back: true } : e);
  }
}

function wait(index: OpIndex, src: string, edge: OpEdge): void {
  const list = index.waiting.get(src);
  if (list === undefined) index.waiting.set(src, [edge]);
  else list.push(edge);
}
