/**
 * The "Shapes" toggle: each drawn data edge labelled with the shape of the tensor it carries,
 * as TensorBoard labels them (`?×3`, `scalar`). The static shape comes from the graph; where it
 * has unknown dimensions and the shown run recorded the tensor's value, the run's shape fills
 * them in. An edge standing for several tensors of different shapes shows the first and `…`.
 */
import type { ValueSummary } from "../../../engine";
import type { GraphStructure } from "./structure";
import type { GraphView } from "./view";

/** `(?, 3)` → `?×3`, `()` → `scalar`, `<unknown>` → `?`. */
export function shapeLabel(shape: string): string {
  if (shape === "()") return "scalar";
  const m = /^\((.*)\)$/.exec(shape);
  if (m === null) return "?";
  return m[1]
    .split(",")
    .map((d) => d.trim())
    .filter((d) => d !== "")
    .join("×");
}

function runShape(v: ValueSummary | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== "object") return "()";
  return `(${v.shape.join(", ")})`;
}

/** Edge id → label, for the view's data and ref edges drawn as lines. */
export function edgeShapes(structure: GraphStructure, view: GraphView, values?: Readonly<Record<string, ValueSummary>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const edge of view.edges) {
    if (edge.chip !== null || edge.kind === "control") continue;
    const labels: string[] = [];
    for (const i of edge.pairs) {
      const e = structure.edges[i];
      // A ref edge (an assign writing its variable) carries the variable's tensor.
      const tensor = e.tensor ?? `${e.dst}:0`;
      const op = tensor.slice(0, tensor.lastIndexOf(":"));
      const node = structure.ops.get(op)?.node;
      if (node === undefined) continue;
      let shape = tensor.endsWith(":0") ? node.shape : null;
      if (shape === null || shape.includes("?") || shape === "<unknown>") shape = runShape(values?.[tensor]) ?? shape;
      const label = shape === null ? "?" : shapeLabel(shape);
      if (!labels.includes(label)) labels.push(label);
    }
    if (labels.length > 0) out.set(edge.id, labels.length > 1 ? `${labels[0]} …` : labels[0]);
  }
  return out;
}
