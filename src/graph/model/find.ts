/**
 * Finding a node by name, as TensorBoard's search does: the op's TF name, the learner's own
 * variable name, a scope or series name, or failing those the first op whose name contains
 * the text. And what must open so the op is drawn on its own: its scopes, its series, and
 * enough of the series' members.
 */
import { SERIES_PAGE } from "./view";
import type { GraphStructure } from "./structure";

export type Found = { kind: "op"; name: string } | { kind: "group"; name: string };

export function findNode(structure: GraphStructure, names: ReadonlyMap<string, string>, query: string): Found | null {
  const q = query.trim();
  if (q === "") return null;
  if (structure.ops.has(q)) return { kind: "op", name: q };
  for (const [leaf, learner] of names) if (learner === q) return { kind: "op", name: leaf };
  if (structure.groups.has(q)) return { kind: "group", name: q };
  const lower = q.toLowerCase();
  for (const op of structure.order) if (op.toLowerCase() === lower) return { kind: "op", name: op };
  for (const op of structure.order) if (op.toLowerCase().includes(lower)) return { kind: "op", name: op };
  for (const g of structure.groups.keys()) if (g.toLowerCase().includes(lower)) return { kind: "group", name: g };
  return null;
}

/** The scopes and series to open for `op` to be drawn on its own, and the series pages to show. */
export function openFor(structure: GraphStructure, op: string): { open: string[]; shown: Map<string, number> } {
  const info = structure.ops.get(op);
  const leaf = info === undefined ? undefined : structure.leaves.get(info.leaf);
  if (leaf === undefined) return { open: [], shown: new Map() };
  const shown = new Map<string, number>();
  for (const g of leaf.groups) {
    const series = structure.groups.get(g)?.series;
    if (series === undefined) continue;
    const index = series.leafIndex.get(leaf.name) ?? 0;
    if (index >= SERIES_PAGE) shown.set(g, Math.ceil((index + 1) / SERIES_PAGE) * SERIES_PAGE);
  }
  return { open: [...leaf.groups], shown };
}
