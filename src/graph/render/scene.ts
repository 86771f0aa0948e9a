/**
 * From model to drawing: the elements Cytoscape draws (label, size, classes) and the classes
 * and callouts a run's highlight turns into. Pure, so the translation is tested without a DOM.
 */
import { valueText } from "../../ui/valueText";
import type { Size } from "../layout/layoutGraph";
import { chipLabel, chipSize, nodeLabel, nodeSize, relativeName } from "../layout/sizes";
import type { RunHighlight } from "../model/highlight";
import type { SeriesInfo } from "../model/series";
import type { GraphStructure } from "../model/structure";
import type { ViewChip } from "../model/chips";
import { shortName } from "../model/names";
import { groupId, type GraphView, type ViewNode } from "../model/view";
import type { Badge } from "./BadgeLayer";
import type { CanvasHighlight, DrawEdge, DrawNode } from "./canvasTypes";
import { ICONS } from "./palette";

export interface Scene {
  /** Nodes, then chips (class `chip`, parent: their host's parent). */
  nodes: DrawNode[];
  /** Edges drawn as lines, then chip connectors. */
  edges: DrawEdge[];
  /** Boxes of everything drawn as a box (leaves, collapsed groups, rests, chips), for layout. */
  sizes: Map<string, Size>;
  chips: SceneChip[];
  /** Chip id → the view node it stands for (null for a "+N" summary chip). */
  chipNode: Map<string, string | null>;
  /** Connector edge id → the view edge it replaces. */
  connectorEdge: Map<string, string>;
}

/** A chip as drawn: beside `host`, on its `side`. */
export interface SceneChip {
  id: string;
  host: string;
  side: "in" | "out";
  /** The view node it stands for, or null for a "+N" summary of the host's other chips. */
  node: string | null;
}

/** Chips shown per side of a node; more are summed up in one "+N" chip. */
const CHIPS_SHOWN = 5;

/**
 * The device each op asked for (`tf.device`), as the "colour by device" mode colours it:
 * TensorBoard's Color: Device (ops with no device form their own colour).
 */
export type DeviceKind = "cpu" | "gpu" | "other";

/** The fills of the "colour by device" mode (cyStyle.ts draws them, the legend shows them). */
export const DEVICE_COLOURS: Record<DeviceKind | "none", { fill: string; border: string; label: string }> = {
  gpu: { fill: "#76b900", border: "#4a7500", label: "GPU (/device:GPU:0)" },
  cpu: { fill: "#4f8fd6", border: "#2b5f9a", label: "CPU (/device:CPU:0)" },
  other: { fill: "#c98a2b", border: "#8a5a12", label: "another device (a job, a task, a TPU)" },
  none: { fill: "#bdbdbd", border: "#8a8a8a", label: "no device asked for: the session chooses" },
};

/** The colour class of a requested device string (`/device:GPU:0` → gpu). */
export function deviceKind(device: string): DeviceKind {
  const m = /(?:^|\/)(?:device:)?(cpu|gpu)(?::|$)/i.exec(device);
  return m === null ? "other" : (m[1].toLowerCase() as DeviceKind);
}

export function buildScene(
  view: GraphView,
  names: ReadonlyMap<string, string>,
  constants: ConstantTexts = new Map(),
  /** When colouring by device: each op's requested device (an op without one is left out). */
  devices: ReadonlyMap<string, string> | null = null,
): Scene {
  const sizes = new Map<string, Size>();
  const nodes: DrawNode[] = [];
  for (const n of view.nodes) {
    if (n.chipOnly) continue;
    const base = nodeLabel(n, n.kind === "leaf" ? names.get(n.name) : undefined);
    const icon = n.category !== null ? ICONS[n.category] : undefined;
    const label = icon !== undefined ? `${icon} ${base}` : n.kind === "group" && n.collapsed && n.series === null ? `⊞ ${base}` : base;
    // Placeholders are parallelograms and side-effect ops octagons: their labels need the corners.
    const extra = n.category === "placeholder" ? 26 : n.category !== null && n.category !== "op" && n.category !== "constant" && n.category !== "variable" ? 12 : n.category === "constant" ? 10 : 0;
    const size = nodeSize(label, extra);
    if (n.kind !== "group" || n.collapsed) sizes.set(n.id, size);
    const dev = devices === null || n.kind !== "leaf" ? "" : ` by-device dev-${devices.has(n.name) ? deviceKind(devices.get(n.name)!) : "none"}`;
    nodes.push({ id: n.id, parent: n.parent, label, w: size.width, h: size.height, classes: classesOf(n) + dev });
  }
  const edges: DrawEdge[] = [];
  for (const e of view.edges) if (e.chip === null) edges.push({ id: e.id, source: e.source, target: e.target, classes: e.back ? `k-${e.kind} back` : `k-${e.kind}` });

  // Chips, grouped by host and side; past CHIPS_SHOWN they are summed up in one "+N" chip.
  const chips: SceneChip[] = [];
  const chipNode = new Map<string, string | null>();
  const connectorEdge = new Map<string, string>();
  const edgeById = new Map(view.edges.map((e) => [e.id, e]));
  const bySide = new Map<string, ViewChip[]>();
  for (const c of view.chips) {
    const key = `${c.host}\u0000${c.side}`;
    (bySide.get(key) ?? bySide.set(key, []).get(key)!).push(c);
  }
  for (const list of bySide.values()) {
    const host = view.byId.get(list[0].host)!;
    const shown = list.length > CHIPS_SHOWN ? list.slice(0, CHIPS_SHOWN - 1) : list;
    for (const c of shown) {
      const node = view.byId.get(c.node)!;
      const label = chipLabel(chipText(node, names, constants));
      const size = chipSize(label);
      sizes.set(c.id, size);
      chips.push({ id: c.id, host: c.host, side: c.side, node: c.node });
      chipNode.set(c.id, c.node);
      nodes.push({ id: c.id, parent: host.parent, label, w: size.width, h: size.height, classes: `chip chip-${c.side} chip-of-${node.kind === "leaf" ? `cat-${node.category}` : "group"}` });
      const edge = edgeById.get(c.edge);
      const connector = `${c.id}|link`;
      connectorEdge.set(connector, c.edge);
      const [source, target] = c.side === "in" ? [c.id, c.host] : [c.host, c.id];
      edges.push({ id: connector, source, target, classes: `chip-link k-${edge?.kind ?? "data"}` });
    }
    if (shown.length < list.length) {
      const id = `c+:${list[0].host}:${list[0].side}`;
      const label = `+${list.length - shown.length} more`;
      const size = chipSize(label);
      sizes.set(id, size);
      chips.push({ id, host: list[0].host, side: list[0].side, node: null });
      chipNode.set(id, null);
      nodes.push({ id, parent: host.parent, label, w: size.width, h: size.height, classes: `chip chip-${list[0].side} chip-more` });
    }
  }
  return { nodes, edges, sizes, chips, chipNode, connectorEdge };
}

function classesOf(n: ViewNode): string {
  if (n.kind === "leaf") return `leaf cat-${n.category}`;
  if (n.kind === "rest") return "group collapsed series-rest";
  const series = n.series !== null ? " series" : "";
  return n.collapsed ? `group collapsed role-${n.role}${series}` : `group expanded role-${n.role}${series}`;
}

/** What a chip says: the node's short name, a constant's value when it is short. */
function chipText(node: ViewNode, names: ReadonlyMap<string, string>, constants: ConstantTexts): string {
  if (node.series !== null && node.collapsed) return `${shortName(node.series.base)} ×${node.series.count.toLocaleString("en-US")}`;
  const short = node.kind === "leaf" ? shortName(node.name) : relativeName(node);
  const learner = names.get(node.name);
  const value = constants.get(node.name);
  if (value !== undefined && value.length <= 8) return `${learner ?? short} ${value}`;
  return learner ?? short;
}

/** The dtype of a tensor (`x:0`) or op's first output, as its node event says. */
function dtypeOf(structure: GraphStructure, name: string): string | null | undefined {
  return structure.ops.get(name.replace(/:\d+$/, ""))?.node.dtype;
}

/** What failed at the culprit, in two or three words. */
function failureWord(structure: GraphStructure, op: string, message: string): string {
  const category = structure.ops.get(op)?.category;
  if (category === "placeholder") return "✕ not fed";
  if (category === "variable" && /uninitialized/i.test(message)) return "✕ not initialized";
  return "✕ failed here";
}

export interface HighlightContext {
  error?: { op: string | null; message: string };
  /** With the scene, chips are lit as the nodes they stand for, connectors as the edges they replace. */
  scene?: Scene;
  view?: GraphView;
  /** Value badges on the path's nodes (the graph's "Values" toggle). */
  values?: boolean;
}

export function canvasHighlight(structure: GraphStructure, h: RunHighlight, ctx: HighlightContext = {}): CanvasHighlight {
  const { error, scene, view, values = false } = ctx;
  const nodes = new Map<string, string>();
  const badges: Badge[] = [];
  for (const [id, nh] of h.nodes) {
    const classes = [...nh.tokens].map((t) => `hl-${t}`);
    if (nh.culprit) classes.push("hl-culprit");
    nodes.set(id, classes.join(" "));
  }
  const edges = new Map<string, string>();
  for (const [id, state] of h.edges) edges.set(id, `hl-${state}`);
  if (scene !== undefined) {
    for (const [chip, node] of scene.chipNode) {
      const classes = node === null ? undefined : nodes.get(node);
      if (classes !== undefined) nodes.set(chip, classes);
    }
    for (const [connector, edge] of scene.connectorEdge) {
      const classes = edges.get(edge);
      if (classes !== undefined) edges.set(connector, classes);
    }
  }

  // Callouts in path order, then the rest: the first ones are what the run did first.
  const ordered = [...h.nodes.entries()].sort((a, b) => (a[1].step < 0 ? Infinity : a[1].step) - (b[1].step < 0 ? Infinity : b[1].step));
  for (const [id, nh] of ordered) {
    // A chip-only node's callouts go under its first chip.
    const at = view?.byId.get(id)?.chipOnly ? scene?.chips.find((c) => c.node === id)?.id : id;
    if (at === undefined) continue;
    if (nh.culprit && error?.op) badges.push({ id: at, kind: "error", text: failureWord(structure, error.op, error.message) });
    if (nh.fed.length > 0) badges.push({ id: at, kind: "fed", text: nh.fed.map((f) => (f.value === undefined ? "fed" : `fed ${valueText(f.value, dtypeOf(structure, f.tensor))}`)).join(", ") });
    const effects = nh.effects.slice(0, 2).map((e) => {
      if (e.kind === "print") return `printed ${e.text ?? ""}`.trim();
      if (e.target !== undefined && ("before" in e || "after" in e)) {
        const after = valueText(e.after, dtypeOf(structure, e.target));
        // A first write (an initializer) has no before.
        return e.before == null ? `${e.target} ← ${after}` : `${e.target}: ${valueText(e.before, dtypeOf(structure, e.target))} → ${after}`;
      }
      return e.kind;
    });
    if (nh.effects.length > 2) effects.push(`+${nh.effects.length - 2} more`);
    if (effects.length > 0) badges.push({ id: at, kind: "effect", text: effects.join(" · ") });
    // What the node computed, unless a fed or side-effect badge already says it.
    else if (values && nh.value !== undefined && nh.fed.length === 0 && !nh.culprit) {
      badges.push({ id: at, kind: "value", text: valueText(nh.value.value, dtypeOf(structure, nh.value.tensor)) });
    }
    // A series (or the rest of one) says how many of its members ran.
    const series = view?.byId.get(id)?.series;
    if (series != null && nh.ran > 0 && at === id) {
      const node = view!.byId.get(id)!;
      const of = node.kind === "rest" ? countMembers(structure, series, node.members) : series.count;
      badges.push({ id: at, kind: "count", text: `${nh.ran.toLocaleString("en-US")} of ${of.toLocaleString("en-US")} ran` });
    }
  }
  if (h.flow !== undefined && view !== undefined) flowClasses(h, view, nodes, badges);
  return { nodes, edges, sequence: h.sequence, badges };
}

/**
 * A cond's branches and a loop's frame after a run: the branch taken lit, the other dimmed and
 * labelled "not taken" (its ops stay dim: they did not run); the loop says how often it went round.
 */
function flowClasses(h: RunHighlight, view: GraphView, nodes: Map<string, string>, badges: Badge[]): void {
  for (const [group, state] of h.flow!.branches) {
    const id = groupId(group);
    const node = view.byId.get(id);
    if (node === undefined) continue;
    const own = nodes.get(id);
    nodes.set(id, own === undefined ? `hl-${state}` : `${own} hl-${state}`);
    if (state === "not-taken") badges.push({ id, kind: "dead", text: "not taken" });
  }
  for (const [group, iterations] of h.flow!.loops) {
    const id = groupId(group);
    if (!view.byId.has(id)) continue;
    badges.push({ id, kind: "count", text: `↻ ${iterations.toLocaleString("en-US")} ${iterations === 1 ? "iteration" : "iterations"}` });
  }
}

/** Members of a series that `ops` belong to (a rest node's share of its series). */
function countMembers(structure: GraphStructure, series: SeriesInfo, ops: readonly string[]): number {
  const members = new Set<number>();
  for (const op of ops) {
    const leaf = structure.ops.get(op)?.leaf ?? op;
    members.add(series.leafIndex.get(leaf) ?? -1);
  }
  return members.size;
}

/** Short texts of constants' values by op name (a chip shows its constant's). */
export type ConstantTexts = Pick<ReadonlyMap<string, string>, "get">;

/**
 * Short text of each constant's value (`0.5`, `True`), for chips: made when a chip asks, not
 * for every constant (a capped loop has 50,000 of them, and printing a float32 as numpy does
 * is not free).
 */
export function constantValues(structure: GraphStructure): ConstantTexts {
  const made = new Map<string, string | undefined>();
  return {
    get(name: string): string | undefined {
      if (made.has(name)) return made.get(name);
      const info = structure.ops.get(name);
      let text: string | undefined;
      if (info !== undefined && info.category === "constant") {
        const v = info.node.attrs?.value;
        if (typeof v === "number" || typeof v === "boolean") text = valueText(v, info.node.dtype);
        else if (typeof v === "string" && v.length <= 8 && !v.includes(" ")) text = v;
      }
      made.set(name, text);
      return text;
    },
  };
}
