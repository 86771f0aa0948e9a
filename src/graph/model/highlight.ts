/**
 * What a run did to each op, and so to each drawn node and edge: on the computation path,
 * fetched, fed, fired a side effect, or on the failure's path. Pure; the renderer only turns
 * these states into classes.
 */
import type { RunErrorRecord, SideEffectRecord, ValueSummary } from "../../../engine";
import { SIDE_EFFECT_CATEGORIES } from "./classify";
import { opOfTensor } from "./names";
import type { GraphStructure } from "./structure";
import type { GraphView } from "./view";

/**
 * The parts of a run the graph needs. A full run record fits; so does a loop's aggregate
 * (one path standing for many runs), which has no side-effect records or values.
 */
export interface RunLike {
  index?: number;
  session?: number;
  graph?: number;
  line?: number | null;
  path: readonly string[];
  fetches: readonly string[];
  feeds: readonly string[];
  side_effects?: readonly SideEffectRecord[];
  ok?: boolean;
  error?: RunErrorRecord;
  values?: Readonly<Record<string, ValueSummary>>;
  /** Set for an aggregate: how many runs took this path. */
  count?: number;
}

/** The outline's state tokens, in the order they are written. */
export const STATE_TOKENS = ["path", "fetched", "fed", "effect", "error"] as const;
export type StateToken = (typeof STATE_TOKENS)[number];

export interface OpState {
  path: boolean;
  /** Position in execution order, or -1. */
  step: number;
  fetched: boolean;
  fed: boolean;
  effect: boolean;
  error: boolean;
  /** The op the run failed at. */
  culprit: boolean;
  effects: SideEffectRecord[];
  /** The value fed into the op's tensor, when the run recorded it. */
  fedValue?: ValueSummary;
  /** The op's output value (`op:0`) in the run, when the run recorded it. */
  value?: ValueSummary;
}

export interface RunHighlight {
  ops: Map<string, OpState>;
  nodes: Map<string, NodeHighlight>;
  edges: Map<string, EdgeHighlight>;
  /** Drawn node ids in the order the run reached them (for the path animation). */
  sequence: string[];
  /** Drawn ids from the fetch to the culprit (empty unless the run failed at an op). */
  errorPath: string[];
}

export interface NodeHighlight {
  tokens: Set<StateToken>;
  culprit: boolean;
  /** Smallest execution step among the node's ops, or -1. */
  step: number;
  effects: SideEffectRecord[];
  /** Fed values by tensor name. */
  fed: { tensor: string; value: ValueSummary | undefined }[];
  /** Members of the node that ran (leaves; a series' members): what "120 of 333 ran" counts. */
  ran: number;
  /**
   * The value the node computed in the run, when the run recorded it: a leaf's own output (a
   * variable's value for a variable with its internals), a folded group's fetched member's.
   */
  value?: { tensor: string; value: ValueSummary };
}

/** How an edge took part in a run; `error` wins over the others. */
export type EdgeHighlight = "path" | "fed" | "effect" | "error";

function emptyState(): OpState {
  return { path: false, step: -1, fetched: false, fed: false, effect: false, error: false, culprit: false, effects: [] };
}

/** Per-op states for a run (ops the run did not touch get no entry). */
export function opStates(structure: GraphStructure, run: RunLike): Map<string, OpState> {
  const states = new Map<string, OpState>();
  const at = (op: string): OpState | undefined => {
    if (!structure.ops.has(op)) return undefined;
    let s = states.get(op);
    if (s === undefined) states.set(op, (s = emptyState()));
    return s;
  };
  run.path.forEach((op, i) => {
    const s = at(op);
    if (s !== undefined && !s.path) {
      s.path = true;
      s.step = i;
      const v = run.values?.[`${op}:0`];
      if (v !== undefined) s.value = v;
    }
  });
  for (const f of run.fetches) {
    const s = at(opOfTensor(f));
    if (s !== undefined) s.fetched = true;
  }
  for (const t of run.feeds) {
    const s = at(opOfTensor(t));
    if (s === undefined) continue;
    s.fed = true;
    const v = run.values?.[t];
    if (v !== undefined) s.fedValue = v;
  }
  if (run.side_effects !== undefined) {
    for (const e of run.side_effects) {
      const s = at(e.op);
      if (s === undefined) continue;
      s.effect = true;
      s.effects.push(e);
    }
  } else if (run.count !== undefined) {
    // An aggregate keeps no effect records, but a plan's effects are fixed by its path: every
    // side-effect op on it fired in each of those runs.
    for (const op of run.path) {
      const info = structure.ops.get(op);
      if (info !== undefined && SIDE_EFFECT_CATEGORIES.has(info.category) && info.category !== "group") at(op)!.effect = true;
    }
  }
  if (run.error !== undefined) {
    for (const op of run.error.path) {
      const s = at(op);
      if (s !== undefined) s.error = true;
    }
    if (run.error.op !== null) {
      const s = at(run.error.op);
      if (s !== undefined) {
        s.error = true;
        s.culprit = true;
      }
    }
  }
  return states;
}

/** The outline's `data-state` value: the tokens that apply, or `idle`. */
export function stateTokens(s: OpState | undefined): string {
  if (s === undefined) return "idle";
  const out: string[] = [];
  if (s.path) out.push("path");
  if (s.fetched) out.push("fetched");
  if (s.fed) out.push("fed");
  if (s.effect) out.push("effect");
  if (s.error) out.push("error");
  return out.length === 0 ? "idle" : out.join(" ");
}

/** Lifts op states onto a view's drawn nodes and edges. */
export function highlightRun(structure: GraphStructure, view: GraphView, run: RunLike): RunHighlight {
  const ops = opStates(structure, run);
  const nodes = new Map<string, NodeHighlight>();
  const ranLeaves = new Map<string, Set<string | number>>();
  for (const [op, s] of ops) {
    const id = view.visibleOf.get(op);
    if (id === undefined) continue;
    let h = nodes.get(id);
    if (h === undefined) nodes.set(id, (h = { tokens: new Set(), culprit: false, step: -1, effects: [], fed: [], ran: 0 }));
    if (s.path) {
      h.tokens.add("path");
      if (h.step < 0 || s.step < h.step) h.step = s.step;
      // A series counts its members (a series of scopes: the scopes, not the ops inside).
      const leaf = structure.ops.get(op)!.leaf;
      const member = view.byId.get(id)?.series?.leafIndex.get(leaf) ?? leaf;
      const ran = ranLeaves.get(id);
      if (ran === undefined) ranLeaves.set(id, new Set([member]));
      else ran.add(member);
    }
    if (s.fetched) h.tokens.add("fetched");
    if (s.fed) h.tokens.add("fed");
    if (s.effect) h.tokens.add("effect");
    if (s.error) h.tokens.add("error");
    if (s.culprit) h.culprit = true;
    h.effects.push(...s.effects);
    if (run.values !== undefined && (s.path || s.fetched)) {
      const node = view.byId.get(id);
      const tensor = `${op}:0`;
      const v = run.values[tensor];
      // A leaf shows its own op's value; a folded scope or series, what the run fetched from it.
      if (v !== undefined && node !== undefined && (node.name === op || (node.kind !== "leaf" && s.fetched))) h.value = { tensor, value: v };
    }
  }
  // Canonical token order, whichever member op came first.
  for (const [id, h] of nodes) {
    h.tokens = new Set(STATE_TOKENS.filter((t) => h.tokens.has(t)));
    h.ran = ranLeaves.get(id)?.size ?? 0;
  }
  for (const t of run.feeds) {
    const id = view.visibleOf.get(opOfTensor(t));
    const h = id === undefined ? undefined : nodes.get(id);
    if (h !== undefined) h.fed.push({ tensor: t, value: run.values?.[t] });
  }

  const errorPairs = new Set<string>();
  const ePath = run.error?.path ?? [];
  // The error path runs fetch → culprit; each consecutive pair is a consumer and its input.
  for (let i = 0; i + 1 < ePath.length; i++) errorPairs.add(`${ePath[i + 1]}\u0000${ePath[i]}`);

  const edges = new Map<string, EdgeHighlight>();
  for (const edge of view.edges) {
    let best: EdgeHighlight | undefined;
    for (const i of edge.pairs) {
      const e = structure.edges[i];
      const h = edgeState(e.kind, ops.get(e.src), ops.get(e.dst), errorPairs.has(`${e.src}\u0000${e.dst}`));
      if (h !== undefined && rank(h) > rank(best)) best = h;
    }
    if (best !== undefined) edges.set(edge.id, best);
  }

  const sequence = [...nodes.entries()].filter(([, h]) => h.step >= 0).sort((a, b) => a[1].step - b[1].step).map(([id]) => id);
  const errorPath: string[] = [];
  for (const op of ePath) {
    const id = view.visibleOf.get(op);
    if (id !== undefined && errorPath[errorPath.length - 1] !== id) errorPath.push(id);
  }
  return { ops, nodes, edges, sequence, errorPath };
}

function edgeState(kind: string, src: OpState | undefined, dst: OpState | undefined, onErrorPath: boolean): EdgeHighlight | undefined {
  if (onErrorPath) return "error";
  if (kind === "ref") return src?.effect ? "effect" : undefined;
  if (dst === undefined || !dst.path) return undefined;
  if (src?.fed) return "fed";
  if (src?.path) return "path";
  return undefined;
}

const RANKS: Record<EdgeHighlight, number> = { fed: 1, path: 2, effect: 3, error: 4 };
function rank(h: EdgeHighlight | undefined): number {
  return h === undefined ? 0 : RANKS[h];
}
