/**
 * The graph as text: one item per op (folded internals included) with its state in the
 * selected run, and the sentence a screen reader hears when a run is selected.
 */
import { runNow, STEP, type Sliced } from "./slices";
import type { ValueSummary } from "../../../engine";
import { valueText } from "../../ui/valueText";
import type { FlowHighlight, OpState, RunLike } from "./highlight";
import { STATE_TOKENS, stateTokens } from "./highlight";
import { opOfTensor, scopeDepth, shortName } from "./names";
import { seriesLabel } from "./series";
import type { GraphStructure } from "./structure";

export interface OutlineItem {
  name: string;
  op: string;
  depth: number;
  /** The drawn node this op belongs to (itself, or its variable). */
  leaf: string;
  /** `data-state`: tokens from `path fetched fed effect error dead`, or `idle`. */
  state: string;
  /** The learner's name for the op, when it differs from the op's. */
  learner: string | null;
  /** The run failed at this op. */
  culprit: boolean;
  /** The value the op computed in the run (when recorded), numpy-printed when drawn. */
  value?: { summary: ValueSummary; dtype: string | null };
}

const WORDS: Record<string, string> = {
  path: "on the path",
  fetched: "fetched",
  fed: "fed",
  effect: "side effect fired",
  error: "on the error path",
  dead: "not run (its branch was not taken)",
};

/**
 * Items of every op, in creation order. Cheap (no text): a 10,000-op outline is recomputed
 * for every run shown; the sentence of an item (outlineText) is made when it is drawn.
 */
export function outlineItems(structure: GraphStructure, states: ReadonlyMap<string, OpState> | null, names: ReadonlyMap<string, string>): OutlineItem[] {
  return runNow(outlineItemsSteps(structure, states, names));
}

function* outlineItemsSteps(structure: GraphStructure, states: ReadonlyMap<string, OpState> | null, names: ReadonlyMap<string, string>): Sliced<OutlineItem[]> {
  const out = new Array<OutlineItem>(structure.order.length);
  for (let i = 0; i < structure.order.length; i++) {
    if ((i & STEP) === STEP) yield;
    const name = structure.order[i];
    const info = structure.ops.get(name)!;
    const s = states?.get(name);
    const learner = names.get(name);
    out[i] = {
      name,
      op: info.node.op,
      depth: scopeDepth(name),
      leaf: info.leaf,
      state: stateTokens(s),
      learner: learner !== undefined && learner !== name ? learner : null,
      culprit: s?.culprit === true,
      value: s?.value !== undefined ? { summary: s.value, dtype: info.node.dtype } : undefined,
    };
  }
  return out;
}

/** What an item reads as: `add (Add) = sum_node: fetched, on the error path` (`; value 7.0`). */
export function outlineText(item: Pick<OutlineItem, "name" | "op" | "leaf" | "state" | "learner" | "culprit" | "value">): string {
  let text = `${item.name} (${item.op})`;
  if (item.learner !== null) text += ` = ${item.learner}`;
  if (item.leaf !== item.name) text += ` inside ${item.leaf}`;
  if (item.state === "idle") return text;
  const words = item.state.split(" ").map((t) => (t === "error" && item.culprit ? "failed here" : WORDS[t]));
  const value = item.value === undefined ? "" : `; value ${valueText(item.value.summary, item.value.dtype)}`;
  return `${text}: ${words.join(", ")}${value}`;
}

/** A scope or a series in the outline's tree, with its items in creation order. */
export interface OutlineGroup {
  kind: "scope" | "series";
  name: string;
  /** Control flow: a `tf.cond`, one of its branches, or a `tf.while_loop`. */
  flow: "cond" | "branch" | "while" | null;
  /** For a branch in the selected run: whether any of its ops ran. */
  taken: boolean | null;
  /** For a loop in the selected run: how many times its body ran. */
  iterations: number | null;
  /** Ops inside, at any depth. */
  opCount: number;
  /** For a series: members (drawn leaves) and how many ran in the selected run. */
  series: { count: number; ran: number; label: string } | null;
  /** Tokens of any op inside (a series is lit when a member ran), or `idle`. */
  state: string;
  text: string;
  children: OutlineEntry[];
}

export type OutlineEntry = ({ kind: "op" } & OutlineItem) | OutlineGroup;

/**
 * The outline as a tree: scopes and series hold their ops (the folded structure a screen
 * reader can walk), every op still an item of its own. Built without recursion.
 */
export function outlineTree(structure: GraphStructure, items: readonly OutlineItem[], flow: FlowHighlight | null = null): OutlineEntry[] {
  return runNow(outlineTreeSteps(structure, items, flow));
}

/** The outline's items and tree in steps (slices.ts): a 100,000-op outline is made across short tasks. */
export function* outlineSteps(structure: GraphStructure, states: ReadonlyMap<string, OpState> | null, names: ReadonlyMap<string, string>, flow: FlowHighlight | null): Sliced<OutlineEntry[]> {
  return yield* outlineTreeSteps(structure, yield* outlineItemsSteps(structure, states, names), flow);
}

function* outlineTreeSteps(structure: GraphStructure, items: readonly OutlineItem[], flow: FlowHighlight | null): Sliced<OutlineEntry[]> {
  let step = 0;
  const top: OutlineEntry[] = [];
  const groups = new Map<string, OutlineGroup>();
  const tokens = new Map<OutlineGroup, Set<string>>();
  const ranLeaves = new Map<OutlineGroup, Set<string | number>>();
  const groupFor = (name: string): OutlineGroup => {
    let g = groups.get(name);
    if (g !== undefined) return g;
    const info = structure.groups.get(name)!;
    const s = info.series;
    const role = info.role;
    const isFlow = role === "cond" || role === "branch" || role === "while";
    const branch = role === "branch" ? flow?.branches.get(name) : undefined;
    g = {
      kind: s !== undefined ? "series" : "scope",
      name,
      flow: isFlow && s === undefined ? role : null,
      taken: branch === undefined ? null : branch === "taken",
      iterations: role === "while" ? (flow?.loops.get(name) ?? null) : null,
      opCount: info.opCount,
      series: s !== undefined ? { count: s.count, ran: 0, label: seriesLabel(s) } : null,
      state: "idle",
      text: "",
      children: [],
    };
    groups.set(name, g);
    tokens.set(g, new Set());
    // Chains list groups outermost first, so the parent exists by now.
    const parent = info.parent === null ? top : groups.get(info.parent)?.children ?? top;
    parent.push(g);
    return g;
  };
  for (const item of items) {
    if ((++step & STEP) === STEP) yield;
    const chain = structure.leaves.get(item.leaf)?.groups ?? [];
    const entry = { kind: "op" as const, ...item };
    if (chain.length === 0) {
      top.push(entry);
      continue;
    }
    for (const name of chain) groupFor(name);
    groupFor(chain[chain.length - 1]).children.push(entry);
    if (item.state === "idle") continue;
    for (const name of chain) {
      const g = groups.get(name)!;
      const t = tokens.get(g)!;
      for (const tok of item.state.split(" ")) t.add(tok);
      if (g.series !== null && item.state.split(" ").includes("path")) {
        const member = structure.groups.get(name)?.series?.leafIndex.get(item.leaf) ?? item.leaf;
        (ranLeaves.get(g) ?? ranLeaves.set(g, new Set()).get(g)!).add(member);
      }
    }
  }
  for (const g of groups.values()) {
    if ((++step & STEP) === STEP) yield;
    const t = tokens.get(g)!;
    g.state = t.size === 0 ? "idle" : STATE_TOKENS.filter((k) => t.has(k)).join(" ");
    const ops = plural(g.opCount, "op");
    if (g.series !== null) {
      g.series.ran = ranLeaves.get(g)?.size ?? 0;
      const ran = g.state === "idle" ? "" : `: ${g.series.ran.toLocaleString("en-US")} of ${g.series.count.toLocaleString("en-US")} ran`;
      g.text = `series ${g.name}, ${g.series.label}, ${ops}${ran}`;
    } else if (g.flow === "branch") {
      g.text = `${shortName(g.name)} of ${g.name.slice(0, g.name.lastIndexOf("/"))}, ${ops}${g.taken === null ? "" : g.taken ? ": taken" : ": not taken"}`;
    } else if (g.flow === "cond") {
      g.text = `tf.cond ${g.name}, ${ops}`;
    } else if (g.flow === "while") {
      g.text = `tf.while_loop ${g.name}, ${ops}${g.iterations === null ? "" : `: ${plural(g.iterations, "iteration")}`}`;
    } else {
      g.text = `scope ${g.name}, ${ops}`;
    }
  }
  return top;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** The live region's sentence for a selected run. */
export function announceRun(structure: GraphStructure, run: RunLike, names: ReadonlyMap<string, string>): string {
  const label = (op: string): string => {
    const leaf = structure.ops.get(op)?.leaf ?? op;
    return names.get(leaf) ?? leaf;
  };
  const fetched = run.fetches.map((f) => label(opOfTensor(f))).join(", ");
  const where = run.line ? ` on line ${run.line}` : "";
  const head =
    run.count !== undefined
      ? `${plural(run.count, "run")} took one path${where}`
      : `Run${run.index !== undefined ? ` ${run.index}` : ""}${where}`;
  const steps = plural(run.path.length, "op");
  if (run.ok === false && run.error !== undefined) {
    const culprit = run.error.op !== null ? ` at ${label(run.error.op)}` : "";
    return `${head}: fetched ${fetched}; failed with ${run.error.type}${culprit}.`;
  }
  const effects = run.side_effects?.length ?? 0;
  return `${head}: fetched ${fetched}; ${steps} on the path${effects ? `, ${plural(effects, "side effect")}` : ""}${run.feeds.length ? `, ${plural(run.feeds.length, "feed")}` : ""}.`;
}
