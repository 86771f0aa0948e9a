/**
 * How a plan with control flow runs (TF's executor: frames and dead tensors, done here as a
 * structured walk rather than a dataflow scheduler). Its ops are ordered topologically without
 * the loops' back edges (a NextIteration's value is read in the next iteration), and grouped
 * into frames: the root frame runs once; a while loop's frame runs as a block of its parent —
 * its Enters once, then its other ops once per iteration until no NextIteration is live. Ops
 * are told apart by their declared facts (`frame`), never by their types.
 */
import { InvalidArgumentError } from "../errors.js";
import type { Operation } from "../graph.js";
import { waitsForInput } from "./inputs.js";

/** One frame: the root (index 0) or a while loop's. */
export interface FramePlan {
  /** TF's frame name (the Enters' `frame_name`); `""` for the root. */
  readonly name: string;
  /** The enclosing frame's index (-1 for the root). */
  readonly parent: number;
  /** Positions (in the plan's op order) of the Enters, run once when the frame starts. */
  readonly enters: Int32Array;
  /** The Enters whose value exists only in the first iteration (not `is_constant`). */
  readonly varEnters: Int32Array;
  /** What runs each iteration, in order: an op's position (≥ 0), or `-1 - f` for child frame f. */
  readonly body: Int32Array;
  /** Positions of the NextIterations: another iteration runs while one of them is live. */
  readonly nexts: Int32Array;
}

export interface FlowOrder {
  /** The path's ops in the order they first run (blocks expanded: Enters, then the body). */
  readonly ops: Operation[];
  readonly frames: FramePlan[];
  /** For each op (by position), the positions of its control inputs on the path, or null. */
  readonly controlInputs: (Int32Array | null)[];
}

/** Whether a path needs the flow executor: it has a Switch-like op or a loop frame. */
export function hasControlFlow(ops: readonly Operation[]): boolean {
  for (const op of ops) if (op.def.deadOutputs === true || op.def.frame !== undefined) return true;
  return false;
}

/** The data and control inputs an op waits for, within `onPath` (a NextIteration's edge is a back edge). */
function sourcesOf(op: Operation, onPath: ReadonlySet<Operation>, fed: ReadonlySet<unknown>): Operation[] {
  const out: Operation[] = [];
  op.inputs.forEach((t, i) => {
    if (!waitsForInput(op, i) || fed.has(t) || !onPath.has(t.op) || t.op.def.frame === "next-iteration") return;
    out.push(t.op);
  });
  for (const c of op.control_inputs) if (onPath.has(c) && c.def.frame !== "next-iteration") out.push(c);
  return out;
}

/** Kahn's sort of `nodes` (ties broken by the smallest key: creation order), or null on a cycle. */
function kahn<N>(nodes: readonly N[], edges: Map<N, Set<N>>, key: (n: N) => number): N[] | null {
  const indeg = new Map<N, number>();
  for (const n of nodes) indeg.set(n, 0);
  for (const [, dsts] of edges) for (const d of dsts) indeg.set(d, (indeg.get(d) ?? 0) + 1);
  const ready = nodes.filter((n) => indeg.get(n) === 0).sort((a, b) => key(a) - key(b));
  const out: N[] = [];
  while (ready.length) {
    const n = ready.shift()!;
    out.push(n);
    for (const d of edges.get(n) ?? []) {
      const k = indeg.get(d)! - 1;
      indeg.set(d, k);
      if (k === 0) {
        // Keep `ready` sorted (small graphs; an insertion keeps the order deterministic).
        let i = ready.length;
        while (i > 0 && key(ready[i - 1]) > key(d)) i--;
        ready.splice(i, 0, d);
      }
    }
  }
  return out.length === nodes.length ? out : null;
}

function cycleError(): never {
  throw new InvalidArgumentError("The graph has a cycle other than a while loop's back edge: it cannot be run.");
}

/** The path's ops in a topological order (creation order when it is one, which is the usual case). */
export function topologicalOrder(ops: readonly Operation[], fed: ReadonlySet<unknown>): Operation[] {
  const onPath = new Set(ops);
  const sorted = [...ops].sort((a, b) => a.id - b.id);
  // Contexts rewire ops after creating them (a Switch made after the op that reads it), so
  // creation order is checked, and sorted properly only when it is not topological.
  const seen = new Set<Operation>();
  let ok = true;
  for (const op of sorted) {
    for (const s of sourcesOf(op, onPath, fed)) if (!seen.has(s)) ok = false;
    if (!ok) break;
    seen.add(op);
  }
  if (ok) return sorted;
  const edges = new Map<Operation, Set<Operation>>();
  for (const op of sorted) {
    for (const s of sourcesOf(op, onPath, fed)) {
      let set = edges.get(s);
      if (!set) edges.set(s, (set = new Set()));
      set.add(op);
    }
  }
  return kahn(sorted, edges, (op) => op.id) ?? cycleError();
}

interface FrameBuild {
  name: string;
  parent: number;
  depth: number;
  enters: Operation[];
  members: Operation[];
  children: number[];
}

/** Orders a path with control flow and groups it into frames. */
export function flowOrder(pathOps: readonly Operation[], fed: ReadonlySet<unknown>): FlowOrder {
  const onPath = new Set(pathOps);
  const global = topologicalOrder(pathOps, fed);
  // Each op's frame (TF's BuildControlFlowInfo): an Enter's outputs live in the child frame its
  // `frame_name` names, an Exit's in its frame's parent, everything else's where its inputs are.
  const frames: FrameBuild[] = [{ name: "", parent: -1, depth: 0, enters: [], members: [], children: [] }];
  const childByKey = new Map<string, number>();
  const home = new Map<Operation, number>();
  const outFrame = (op: Operation): number => {
    const h = home.get(op)!;
    return op.def.frame === "exit" ? Math.max(frames[h].parent, 0) : h;
  };
  for (const op of global) {
    const srcs = sourcesOf(op, onPath, fed);
    let f = 0;
    for (const s of srcs) {
      if (home.has(s)) {
        f = outFrame(s);
        break;
      }
    }
    if (op.def.frame === "enter") {
      const name = String(op.attrs.frame_name);
      const key = `${f}\u0000${name}`;
      let child = childByKey.get(key);
      if (child === undefined) {
        child = frames.length;
        childByKey.set(key, child);
        frames.push({ name, parent: f, depth: frames[f].depth + 1, enters: [], members: [], children: [] });
        frames[f].children.push(child);
      }
      home.set(op, child);
      frames[child].enters.push(op);
    } else {
      home.set(op, f);
      frames[f].members.push(op);
    }
  }
  const order = (op: Operation) => op.id;
  // A frame's items: its own ops (not its Enters, which run first) and its child frames.
  type Item = Operation | number;
  const ancestorIn = (frame: number, target: number): number => {
    // The child of `target` on the way from `frame` up to it (or `frame` itself when equal).
    let f = frame;
    while (f !== -1 && frames[f].parent !== target && f !== target) f = frames[f].parent;
    return f;
  };
  const lca = (a: number, b: number): number => {
    while (frames[a].depth > frames[b].depth) a = frames[a].parent;
    while (frames[b].depth > frames[a].depth) b = frames[b].parent;
    while (a !== b) {
      a = frames[a].parent;
      b = frames[b].parent;
    }
    return a;
  };
  const itemIn = (op: Operation, frame: number): Item | null => {
    const h = home.get(op)!;
    if (h === frame) return op.def.frame === "enter" ? null : op;
    const c = ancestorIn(h, frame);
    return c === -1 || c === frame || frames[c].parent !== frame ? null : c;
  };
  const edgesOf = frames.map(() => new Map<Item, Set<Item>>());
  for (const op of global) {
    for (const s of sourcesOf(op, onPath, fed)) {
      const f = lca(home.get(s)!, home.get(op)!);
      const a = itemIn(s, f);
      const b = itemIn(op, f);
      if (a === null || b === null || a === b) continue;
      let set = edgesOf[f].get(a);
      if (!set) edgesOf[f].set(a, (set = new Set()));
      set.add(b);
    }
  }
  const firstId = new Map<number, number>();
  const minId = (f: number): number => {
    let m = firstId.get(f);
    if (m === undefined) {
      m = Infinity;
      for (const op of frames[f].enters) m = Math.min(m, op.id);
      for (const op of frames[f].members) m = Math.min(m, op.id);
      for (const c of frames[f].children) m = Math.min(m, minId(c));
      firstId.set(f, m);
    }
    return m;
  };
  const itemKey = (it: Item) => (typeof it === "number" ? minId(it) : order(it));
  const bodies = frames.map((fr, f) => {
    const items: Item[] = [...fr.members, ...fr.children];
    return kahn(items, edgesOf[f], itemKey) ?? cycleError();
  });

  // The ops in first-run order, and each frame's lists as positions in it.
  const ops: Operation[] = [];
  const pos = new Map<Operation, number>();
  const place = (f: number): void => {
    for (const op of [...frames[f].enters].sort((a, b) => a.id - b.id)) {
      pos.set(op, ops.length);
      ops.push(op);
    }
    for (const it of bodies[f]) {
      if (typeof it === "number") place(it);
      else {
        pos.set(it, ops.length);
        ops.push(it);
      }
    }
  };
  place(0);
  const plans: FramePlan[] = frames.map((fr, f) => {
    const enters = [...fr.enters].sort((a, b) => a.id - b.id);
    return {
      name: fr.name,
      parent: fr.parent,
      enters: new Int32Array(enters.map((op) => pos.get(op)!)),
      varEnters: new Int32Array(enters.filter((op) => op.attrs.is_constant !== true).map((op) => pos.get(op)!)),
      body: new Int32Array(bodies[f].map((it) => (typeof it === "number" ? -1 - it : pos.get(it)!))),
      nexts: new Int32Array(fr.members.filter((op) => op.def.frame === "next-iteration").map((op) => pos.get(op)!)),
    };
  });
  const controlInputs = ops.map((op) => {
    const cs = op.control_inputs.filter((c) => pos.has(c)).map((c) => pos.get(c)!);
    return cs.length ? new Int32Array(cs) : null;
  });
  return { ops, frames: plans, controlInputs };
}
