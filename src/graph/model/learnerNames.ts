/**
 * The learner's own names for ops. `const sum_node = input_placeholder + three_node` creates
 * one op per operator; the variable holds the last one created on that line. Knowing that
 * lets the graph say `sum_node` where TF says `add`, and lets fixes be written in the
 * learner's words.
 */
import type { GraphStructure } from "./structure";

const ASSIGNMENT = /^\s*(?:export\s+)?(?:(?:const|let|var)\s+)?([A-Za-z_$][\w$]*)\s*(?::[^=]*)?=(?![=>])/;

/** The variable a source line assigns to (`const x = ...`, `x = ...`), or null. */
export function assignedName(line: string): string | null {
  const m = ASSIGNMENT.exec(line);
  return m === null ? null : m[1];
}

/** Leaf name → the learner's variable holding it, from the lines that created the ops. */
export function learnerNames(structure: Pick<GraphStructure, "order" | "ops">, source: string | null | undefined): Map<string, string> {
  const names = new Map<string, string>();
  if (!source) return names;
  const lines = source.split("\n");
  // Last op per line, in creation order.
  const lastOnLine = new Map<number, { leaf: string; index: number }>();
  for (const op of structure.order) {
    const info = structure.ops.get(op)!;
    const line = info.node.line;
    if (line !== null) lastOnLine.set(line, { leaf: info.leaf, index: info.index });
  }
  // A name bound on several lines (`two_node = tf.constant(2)` twice) holds the newest op.
  const newest = new Map<string, { leaf: string; index: number }>();
  for (const [line, last] of lastOnLine) {
    const text = lines[line - 1];
    const name = text === undefined ? null : assignedName(text);
    if (name === null) continue;
    const prev = newest.get(name);
    if (prev === undefined || prev.index < last.index) newest.set(name, last);
  }
  for (const [name, { leaf }] of newest) names.set(leaf, name);
  return names;
}
