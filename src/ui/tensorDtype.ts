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
 * @example dtypeIndex(nodes)("loss:0") // "float32"
 */
export function dtypeIndex(nodes: readonly NodeEvent[]): DtypeOf {
  let found = INDEXES.get(nodes);
  if (found === undefined) {
    const byGraph = new Map<string, string | null>();
    const byName = new Map<string, string | null>();
    for (const n of nodes) {
      byGraph.set(`${n.graph}|${n.name}`, n.dtype);
      if (!byName.has(n.name)) byName.set(n.name, n.dtype);
    }
    found = (name, graph) => {
      if (name === undefined) return null;
      const op = name.replace(/:\d+$/, "");
      return (graph === undefined ? undefined : byGraph.get(`${graph}|${op}`)) ?? byName.get(op) ?? null;
    };
    INDEXES.set(nodes, found);
  }
  return found;
}
