/**
 * From model to drawing: the elements Cytoscape draws (label, size, classes) and the classes
 * and callouts a run's highlight turns into. Pure, so the translation is tested without a DOM.
 */
import type { ValueSummary } from "../../../engine/records";
import { formatValue } from "../../ui/format";
import type { Size } from "../layout/elkGraph";
import { nodeLabel, nodeSize } from "../layout/sizes";
import type { RunHighlight } from "../model/highlight";
import type { GraphStructure } from "../model/structure";
import type { GraphView } from "../model/view";
import type { Badge } from "./BadgeLayer";
import type { CanvasHighlight, DrawEdge, DrawNode } from "./GraphCanvas";
import { ICONS } from "./palette";

export interface Scene {
  nodes: DrawNode[];
  edges: DrawEdge[];
  /** Boxes of leaves and collapsed groups, for layout. */
  sizes: Map<string, Size>;
}

export function buildScene(view: GraphView, names: ReadonlyMap<string, string>): Scene {
  const sizes = new Map<string, Size>();
  const nodes = view.nodes.map((n): DrawNode => {
    const base = nodeLabel(n, n.kind === "leaf" ? names.get(n.name) : undefined);
    const icon = n.category !== null ? ICONS[n.category] : undefined;
    const label = icon !== undefined ? `${icon} ${base}` : n.kind === "group" && n.collapsed ? `⊞ ${base}` : base;
    // Placeholders are parallelograms and side-effect ops octagons: their labels need the corners.
    const extra = n.category === "placeholder" ? 26 : n.category !== null && n.category !== "op" && n.category !== "constant" && n.category !== "variable" ? 12 : n.category === "constant" ? 10 : 0;
    const size = nodeSize(label, extra);
    if (n.kind === "leaf" || n.collapsed) sizes.set(n.id, size);
    const classes = n.kind === "leaf" ? `leaf cat-${n.category}` : n.collapsed ? `group collapsed role-${n.role}` : `group expanded role-${n.role}`;
    return { id: n.id, parent: n.parent, label, w: size.width, h: size.height, classes };
  });
  const edges = view.edges.map((e): DrawEdge => ({ id: e.id, source: e.source, target: e.target, classes: `k-${e.kind}` }));
  return { nodes, edges, sizes };
}

function value(v: ValueSummary | null | undefined): string {
  return formatValue(v);
}

/** What failed at the culprit, in two or three words. */
function failureWord(structure: GraphStructure, op: string, message: string): string {
  const category = structure.ops.get(op)?.category;
  if (category === "placeholder") return "✕ not fed";
  if (category === "variable" && /uninitialized/i.test(message)) return "✕ not initialized";
  return "✕ failed here";
}

export function canvasHighlight(structure: GraphStructure, h: RunHighlight, error?: { op: string | null; message: string }): CanvasHighlight {
  const nodes = new Map<string, string>();
  const badges: Badge[] = [];
  for (const [id, nh] of h.nodes) {
    const classes = [...nh.tokens].map((t) => `hl-${t}`);
    if (nh.culprit) classes.push("hl-culprit");
    nodes.set(id, classes.join(" "));
  }
  const edges = new Map<string, string>();
  for (const [id, state] of h.edges) edges.set(id, `hl-${state}`);

  // Callouts in path order, then the rest: the first ones are what the run did first.
  const ordered = [...h.nodes.entries()].sort((a, b) => (a[1].step < 0 ? Infinity : a[1].step) - (b[1].step < 0 ? Infinity : b[1].step));
  for (const [id, nh] of ordered) {
    if (nh.culprit && error?.op) badges.push({ id, kind: "error", text: failureWord(structure, error.op, error.message) });
    if (nh.fed.length > 0) badges.push({ id, kind: "fed", text: nh.fed.map((f) => (f.value === undefined ? "fed" : `fed ${value(f.value)}`)).join(", ") });
    const effects = nh.effects.slice(0, 2).map((e) => {
      if (e.kind === "print") return `printed ${e.text ?? ""}`.trim();
      if (e.target !== undefined && ("before" in e || "after" in e)) return `${e.target}: ${value(e.before)} → ${value(e.after)}`;
      return e.kind;
    });
    if (nh.effects.length > 2) effects.push(`+${nh.effects.length - 2} more`);
    if (effects.length > 0) badges.push({ id, kind: "effect", text: effects.join(" · ") });
  }
  return { nodes, edges, sequence: h.sequence, badges };
}
