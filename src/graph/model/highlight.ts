/**
 * What a run did to each op, and so to each drawn node and edge: on the computation path,
 * fetched, fed, fired a side effect, or on the failure's path. Pure; the renderer only turns
 * these states into classes.
 */
import type { LoopRecord, RunErrorRecord, SideEffectRecord, TraceVisit, ValueSummary } from "../../../engine";
import { SIDE_EFFECT_CATEGORIES } from "./classify";
import { opOfTensor } from "./names";
import { runSequence } from "../../runner/run_sequence";
import { runNow, STEP, type Sliced } from "./slices";

export { runSequence };
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
  /** Control flow: ops an untaken branch kept from running. */
  dead?: readonly string[];
  /** Control flow: outputs left dead by ops that ran (a Switch's untaken side). */
  dead_outputs?: readonly string[];
  /** While loops: iterations per loop frame. */
  loops?: readonly LoopRecord[];
  /** While loops, for the first runs: every op visit in execution order (the stepper's steps). */
  trace?: readonly TraceVisit[];
  /** Visits inside loops the trace leaves out. */
  trace_dropped?: number;
}

/** The outline's state tokens, in the order they are written. */
export const STATE_TOKENS = ["path", "fetched", "fed", "effect", "error", "dead"] as const;
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
  /** On the plan, but not run: its input was dead (the branch of a `tf.cond` not taken). */
  dead: boolean;
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
  /** Control flow (only for graphs with some): which branches ran, how often loops went round. */
  flow?: FlowHighlight;
}

/** What a run did with a graph's conds and loops, by group name. */
export interface FlowHighlight {
  /** A branch group of a cond on the run's plan: `not-taken` if the run's dead ops show it, else `taken`. */
  branches: Map<string, "taken" | "not-taken">;
  /** A loop's group → iterations of its body in the run (summed over entries of a nested loop). */
  loops: Map<string, number>;
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
  return { path: false, step: -1, fetched: false, fed: false, effect: false, error: false, culprit: false, dead: false, effects: [] };
}

/** Per-op states for a run (ops the run did not touch get no entry). */
export function opStates(structure: GraphStructure, run: RunLike): Map<string, OpState> {
  return runNow(opStatesSteps(structure, run));
}

function* opStatesSteps(structure: GraphStructure, run: RunLike): Sliced<Map<string, OpState>> {
  const states = new Map<string, OpState>();
  const at = (op: string): OpState | undefined => {
    if (!structure.ops.has(op)) return undefined;
    let s = states.get(op);
    if (s === undefined) states.set(op, (s = emptyState()));
    return s;
  };
  // Each op's step is its first visit (the canvas lights the path up to the stepper's step).
  const sequence = runSequence(run);
  for (let i = 0; i < sequence.length; i++) {
    if ((i & STEP) === STEP) yield;
    const op = sequence[i];
    const s = at(op);
    if (s !== undefined && !s.path) {
      s.path = true;
      s.step = i;
      const v = run.values?.[`${op}:0`];
      if (v !== undefined) s.value = v;
    }
  }
  if (run.dead !== undefined) {
    for (const op of run.dead) {
      const s = at(op);
      if (s !== undefined) s.dead = true;
    }
  }
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
  if (s.dead) out.push("dead");
  return out.length === 0 ? "idle" : out.join(" ");
}

/** Lifts op states onto a view's drawn nodes and edges. */
export function highlightRun(structure: GraphStructure, view: GraphView, run: RunLike): RunHighlight {
  return runNow(highlightSteps(structure, view, run));
}

/** highlightRun in steps (slices.ts): a run through 100,000 ops is lifted across short tasks. */
export function* highlightSteps(structure: GraphStructure, view: GraphView, run: RunLike): Sliced<RunHighlight> {
  const ops = yield* opStatesSteps(structure, run);
  const nodes = new Map<string, NodeHighlight>();
  const ranLeaves = new Map<string, Set<string | number>>();
  let step = 0;
  for (const [op, s] of ops) {
    if ((++step & STEP) === STEP) yield;
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
    if (s.dead) h.tokens.add("dead");
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
  // Canonical token order, whichever member op came first. A node that stands for ops that ran
  // and ops that did not (a collapsed cond) ran: `dead` is for what did not run at all.
  for (const [id, h] of nodes) {
    if (h.tokens.has("path")) h.tokens.delete("dead");
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
    step += edge.pairs.length;
    if (step > STEP) {
      step = 0;
      yield;
    }
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
  const flow = structure.flow !== undefined ? flowHighlight(structure, ops, run) : undefined;
  return flow !== undefined ? { ops, nodes, edges, sequence, errorPath, flow } : { ops, nodes, edges, sequence, errorPath };
}

/**
 * Whether a Switch in `branch` is one that brings a value into it: switched on its own cond's
 * predicate (`cond/pred_id`, drawn in the cond's box), so its output `branch` (0 false, 1 true)
 * is the branch's side. A nested cond's own predicate Switch also sits in the branch, but is
 * switched on a value of the branch.
 */
function feedsBranch(structure: GraphStructure, inputs: readonly string[], branch: string): boolean {
  const cond = structure.groups.get(branch)?.parent;
  const pred = inputs.length === 2 ? structure.ops.get(opOfTensor(inputs[1])) : undefined;
  if (cond == null || pred === undefined) return false;
  const chain = structure.leaves.get(pred.leaf)?.groups;
  return chain !== undefined && chain[chain.length - 1] === cond;
}

/** Which branches ran and how often loops went round, for a graph with control flow. */
export function flowHighlight(structure: GraphStructure, ops: ReadonlyMap<string, OpState>, run: RunLike): FlowHighlight {
  const flow = structure.flow!;
  const branches = new Map<string, "taken" | "not-taken">();
  if (flow.branches.size > 0) {
    // A dead op marks its innermost branch not taken, and so does a Switch bringing an outside
    // value into a branch when the branch's side of it is dead (it runs either way: it sends
    // the value to one side, a dead tensor to the other). Whatever else ran was taken.
    const deadOutputs = new Set(run.dead_outputs ?? []);
    const ran: string[] = [];
    for (const [op, s] of ops) {
      if (!s.path && !s.dead) continue;
      const info = structure.ops.get(op)!;
      const chain = structure.leaves.get(info.leaf)?.groups ?? [];
      let inner: string | undefined;
      for (let i = chain.length - 1; i >= 0 && inner === undefined; i--) if (flow.branches.has(chain[i])) inner = chain[i];
      if (inner === undefined) continue;
      const deadSide = info.node.op === "Switch" && feedsBranch(structure, info.node.inputs, inner) && deadOutputs.has(`${op}:${flow.branches.get(inner)!}`);
      if (s.dead || deadSide) branches.set(inner, "not-taken");
      else for (const g of chain) if (flow.branches.has(g)) ran.push(g);
    }
    for (const g of ran) if (!branches.has(g)) branches.set(g, "taken");
  }
  const loops = new Map<string, number>();
  for (const l of run.loops ?? []) {
    const scope = flow.frames.get(l.frame);
    if (scope !== undefined && structure.groups.get(scope)?.role === "while") loops.set(scope, (loops.get(scope) ?? 0) + l.iterations);
  }
  return { branches, loops };
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

/** Members of a series that the shown run ran (null for a scope, or without a run). */
export function seriesRan(structure: GraphStructure, group: string, ops: ReadonlyMap<string, OpState> | undefined): number | null {
  const series = structure.groups.get(group)?.series;
  if (series === undefined || ops === undefined) return null;
  const ran = new Set<number>();
  for (const leaf of series.leaves) {
    const members = structure.leaves.get(leaf)?.members ?? [];
    if (members.some((m) => ops.get(m)?.path)) ran.add(series.leafIndex.get(leaf) ?? -1);
  }
  return ran.size;
}
