/**
 * The dtype of a tensor or op named in run records (`loss:0`, `Variable`), looked up in the
 * program's node records, so a value shown in a panel can be printed as numpy prints a value
 * of that dtype (`7.0` for a float32 7). The index is built once per node list.
 */
import type { NodeEvent } from "../runner/events";

/** Finds the dtype of a tensor or op: the op's first output (`float32_ref` for a variable). */
export type DtypeOf = (tensorOrOp: string | undefined, graph?: number) => string | null;

const INDEXES = new WeakMap<readonly NodeEvent[], DtypeOf>();

/**
 * The last index built. The store's node list grows by a new array per batch whose first
 * elements are the old ones: the index extends with the new nodes only (a 100,000-op graph is
 * not walked again per batch). Older lookups then see later ops too, which never changes the
 * dtype they find for an op they know.
 */
let last: { first: NodeEvent; last: NodeEvent; count: number; byGraph: Map<number, Map<string, string | null>>; byName: Map<string, string | null> } | null = null;

/**
 * @example dtypeIndex(nodes)("loss:0") // "float32"
 */
export function dtypeIndex(nodes: readonly NodeEvent[]): DtypeOf {
  let found = INDEXES.get(nodes);
  if (found === undefined) {
    const grows = last !== null && nodes.length >= last.count && nodes[0] === last.first && nodes[last.count - 1] === last.last;
    const byGraph = grows ? last!.byGraph : new Map<number, Map<string, string | null>>();
    const byName = grows ? last!.byName : new Map<string, string | null>();
    for (let i = grows ? last!.count : 0; i < nodes.length; i++) {
      const n = nodes[i];
      let names = byGraph.get(n.graph);
      if (names === undefined) byGraph.set(n.graph, (names = new Map()));
      names.set(n.name, n.dtype);
      if (!byName.has(n.name)) byName.set(n.name, n.dtype);
    }
    if (nodes.length > 0) last = { first: nodes[0], last: nodes[nodes.length - 1], count: nodes.length, byGraph, byName };
    found = (name, graph) => {
      if (name === undefined) return null;
      const op = name.replace(/:\d+$/, "");
      return (graph === undefined ? undefined : byGraph.get(graph)?.get(op)) ?? byName.get(op) ?? null;
    };
    INDEXES.set(nodes, found);
  }
  return found;
}
