/**
 * Folding repetition. A loop that builds ops makes the same (line, op type) over and over:
 * `acc = acc + x * i` run 333 times gives 333 `Add`s on one line. Drawn one by one they make a
 * picture nobody can read (and a layout nobody can wait for); folded, they are one *series*
 * node, "add ×333 · line 4", as TensorBoard folds `add_[1-333]`.
 *
 * A series is a group of the structure (role `series`, collapsed by default) whose members are
 * leaves of one scope: the run highlight, the outline and the view treat it as they treat a
 * collapsed scope, so a series is lit when any member ran.
 *
 * Two rules, both O(ops):
 * - same scope, same op type, same source line, at least SERIES_MIN leaves (a loop);
 * - TensorBoard's numbered series for what the first rule leaves: same scope and op type, names
 *   that differ only in `_N` suffixes, at least NAME_SERIES_MIN leaves (or SERIES_MIN when the
 *   lines are unknown). A learner who wrote five constants on five lines still sees five nodes.
 */
import { shortName } from "./names";
import { STEP, type Sliced } from "./slices";
import type { GroupInfo, LeafInfo, OpInfo } from "./structure";

/** Leaves of one (scope, op, line) from which they fold. */
export const SERIES_MIN = 5;
/** Numbered leaves written on different lines fold only from this many. */
export const NAME_SERIES_MIN = 20;

export interface SeriesInfo {
  /** `ops`: its members are leaves (one op each, or a variable with its internals); `scopes`:
   * its members are name scopes (`layer`, `layer_1`, ... made by a loop). */
  kind: "ops" | "scopes";
  /** Members folded. */
  count: number;
  /** The op type of the members (`scope` for a series of scopes). */
  op: string;
  /** The line that made them all, or null (numbered series across lines, or unknown). */
  line: number | null;
  /** Members' name relative to the enclosing scope, numbers stripped: `add`, `mul/y`. */
  base: string;
  /** Member names (leaves or scopes) in creation order. */
  members: string[];
  /** Every leaf inside, in creation order (the members themselves for a series of ops). */
  leaves: string[];
  /** Leaf → index of the member it belongs to. */
  leafIndex: Map<string, number>;
}

/** `add_17` → `add`, `mul_3/y` → `mul/y`: a name without the counters TF appended. */
export function stripCounters(name: string): string {
  return name.replace(/_\d+(?=\/|$)/g, "");
}

/** A name relative to a scope (`layer/W` in `layer` → `W`); whole when outside it. */
export function relativeTo(name: string, scope: string | null): string {
  return scope !== null && name.startsWith(`${scope}/`) ? name.slice(scope.length + 1) : name;
}

/**
 * The series' name, in TensorBoard's style (`add_[*]`, `mul_[*]/y`: the part that counts is
 * starred), else `<first>_[*]`. It does not depend on how many members there are, so a series
 * keeps its name (its drawn node, its collapse state) while a loop grows it. Op names cannot
 * contain `[`, so it never clashes with an op or a scope.
 */
export function seriesName(first: string, last: string): string {
  const a = first.split("/");
  const b = last.split("/");
  if (a.length === b.length) {
    let d = 0;
    while (d < a.length && a[d] === b[d]) d++;
    const ma = /^(.*?)(?:_\d+)?$/.exec(a[d] ?? "");
    const mb = /^(.*?)(?:_\d+)?$/.exec(b[d] ?? "");
    if (d < a.length && ma !== null && mb !== null && ma[1] === mb[1] && a.slice(d + 1).join("/") === b.slice(d + 1).join("/")) {
      const out = [...a];
      out[d] = `${ma[1]}_[*]`;
      return out.join("/");
    }
  }
  return `${first}_[*]`;
}

interface Candidate {
  leaves: LeafInfo[];
  line: number | null;
  op: string;
  parent: string | null;
}

/**
 * Finds series among the leaves and records them: a series group per series (added to
 * `groups`, role `series`) and the series appended to each member's `groups` chain.
 */
export function* detectSeries(leaves: Map<string, LeafInfo>, ops: ReadonlyMap<string, OpInfo>, groups: Map<string, GroupInfo>): Sliced<void> {
  let step = 0;
  const byLine = new Map<string, Candidate>();
  const parentOf = (leaf: LeafInfo): string | null => (leaf.groups.length === 0 ? null : leaf.groups[leaf.groups.length - 1]);
  for (const leaf of leaves.values()) {
    // A leaf named like its scope is that scope's own op (a train op): never a member.
    const parent = parentOf(leaf);
    if (parent === leaf.name) continue;
    const node = ops.get(leaf.name)!.node;
    if (node.line === null) continue;
    const key = `${parent ?? ""}\u0000${node.op}\u0000${node.line}`;
    const c = byLine.get(key);
    if (c === undefined) byLine.set(key, { leaves: [leaf], line: node.line, op: node.op, parent });
    else c.leaves.push(leaf);
    if ((++step & STEP) === STEP) yield;
  }
  const found: Candidate[] = [];
  const taken = new Set<string>();
  for (const c of byLine.values()) {
    if (c.leaves.length < SERIES_MIN) continue;
    found.push(c);
    for (const l of c.leaves) taken.add(l.name);
  }

  const byName = new Map<string, Candidate & { lines: Set<number | null> }>();
  for (const leaf of leaves.values()) {
    const parent = parentOf(leaf);
    if (taken.has(leaf.name) || parent === leaf.name) continue;
    const node = ops.get(leaf.name)!.node;
    const key = `${parent ?? ""}\u0000${node.op}\u0000${stripCounters(relativeTo(leaf.name, parent))}`;
    const c = byName.get(key);
    if (c === undefined) byName.set(key, { leaves: [leaf], line: node.line, op: node.op, parent, lines: new Set([node.line]) });
    else {
      c.leaves.push(leaf);
      c.lines.add(node.line);
    }
    if ((++step & STEP) === STEP) yield;
  }
  for (const c of byName.values()) {
    const unknown = c.lines.size === 1 && c.lines.has(null);
    if (c.leaves.length < (unknown ? SERIES_MIN : NAME_SERIES_MIN)) continue;
    found.push({ ...c, line: c.lines.size === 1 ? c.line : null });
  }

  for (const c of found) {
    c.leaves.sort((x, y) => x.order - y.order);
    const first = c.leaves[0].name;
    const last = c.leaves[c.leaves.length - 1].name;
    const plain = seriesName(first, last);
    let name = groups.has(plain) && c.line !== null ? `${plain}@${c.line}` : plain;
    for (let k = 2; groups.has(name); k++) name = `${plain}@${c.line ?? ""}#${k}`;
    let opCount = 0;
    for (const l of c.leaves) opCount += l.members.length;
    const names = c.leaves.map((l) => l.name);
    const series: SeriesInfo = {
      kind: "ops",
      count: c.leaves.length,
      op: c.op,
      line: c.line,
      base: stripCounters(relativeTo(first, c.parent)),
      members: names,
      leaves: names,
      leafIndex: new Map(names.map((n, i) => [n, i])),
    };
    groups.set(name, { name, parent: c.parent, role: "series", defaultCollapsed: true, opCount, order: c.leaves[0].order, series });
    for (const l of c.leaves) {
      l.groups = l.groups.length === 0 ? [name] : [...l.groups, name];
      if ((++step & STEP) === STEP) yield;
    }
  }
}

/**
 * A loop that opens a name scope per step (`tf.name_scope("step", ...)`, a `tf.layers.dense`
 * per step) makes `step`, `step_1`, ... : sibling scopes named alike whose ops come from the
 * same lines fold into one series of scopes, "step ×50 · line 3" (at least SERIES_MIN of them;
 * scopes whose ops have no known line fold by name alone). Opened, the series shows its scopes
 * collapsed. Runs before the series of ops, which then form inside each scope.
 */
export function* detectScopeSeries(leaves: Map<string, LeafInfo>, ops: ReadonlyMap<string, OpInfo>, groups: Map<string, GroupInfo>): Sliced<void> {
  let step = 0;
  const byName = new Map<string, GroupInfo[]>();
  for (const g of groups.values()) {
    if (g.role !== "scope" && g.role !== "composite" && g.role !== "cond" && g.role !== "while") continue;
    const key = `${g.parent ?? ""}\u0000${g.role}\u0000${stripCounters(relativeTo(g.name, g.parent))}`;
    (byName.get(key) ?? byName.set(key, []).get(key)!).push(g);
  }
  const candidate = new Set<string>();
  for (const list of byName.values()) if (list.length >= SERIES_MIN) for (const g of list) candidate.add(g.name);
  if (candidate.size === 0) return;

  // The lines that made each candidate's ops, and its leaves in creation order.
  const lines = new Map<string, Set<number | null>>();
  const inside = new Map<string, LeafInfo[]>();
  for (const leaf of leaves.values()) {
    if ((++step & STEP) === STEP) yield;
    for (const g of leaf.groups) {
      if (!candidate.has(g)) continue;
      const set = lines.get(g) ?? lines.set(g, new Set()).get(g)!;
      for (const m of leaf.members) set.add(ops.get(m)!.node.line);
      (inside.get(g) ?? inside.set(g, []).get(g)!).push(leaf);
    }
  }

  for (const list of byName.values()) {
    if (list.length < SERIES_MIN) continue;
    const bySignature = new Map<string, GroupInfo[]>();
    for (const g of list) {
      const sig = [...(lines.get(g.name) ?? [])].sort().join(",");
      (bySignature.get(sig) ?? bySignature.set(sig, []).get(sig)!).push(g);
    }
    for (const [sig, members] of bySignature) {
      if (members.length < SERIES_MIN) continue;
      members.sort((a, b) => a.order - b.order);
      const parent = members[0].parent;
      const plain = seriesName(members[0].name, members[members.length - 1].name);
      let name = plain;
      for (let k = 2; groups.has(name); k++) name = `${plain}#${k}`;
      const only = sig.split(",");
      const line = only.length === 1 && only[0] !== "" && only[0] !== "null" ? Number(only[0]) : null;
      const all: string[] = [];
      const leafIndex = new Map<string, number>();
      members.forEach((m, i) => {
        for (const leaf of inside.get(m.name) ?? []) {
          // A leaf of a nested candidate belongs to its outermost member here.
          if (leafIndex.has(leaf.name)) continue;
          leafIndex.set(leaf.name, i);
          all.push(leaf.name);
        }
      });
      let opCount = 0;
      for (const m of members) opCount += m.opCount;
      const series: SeriesInfo = {
        kind: "scopes",
        count: members.length,
        op: "scope",
        line,
        base: stripCounters(relativeTo(members[0].name, parent)),
        members: members.map((m) => m.name),
        leaves: all,
        leafIndex,
      };
      groups.set(name, { name, parent, role: "series", defaultCollapsed: true, opCount, order: members[0].order, series });
      const memberSet = new Set(series.members);
      for (const m of members) {
        m.parent = name;
        // Opened, the series shows its scopes folded: one box each, not all their insides.
        m.defaultCollapsed = true;
      }
      for (const leafName of all) {
        const leaf = leaves.get(leafName)!;
        const at = leaf.groups.findIndex((g) => memberSet.has(g));
        if (at >= 0) leaf.groups = [...leaf.groups.slice(0, at), name, ...leaf.groups.slice(at)];
        if ((++step & STEP) === STEP) yield;
      }
    }
  }
}

/** What a collapsed series node says: `add ×333 · line 4`. */
export function seriesLabel(s: SeriesInfo): string {
  const base = s.base.includes("/") ? s.base : shortName(s.base);
  return `${base} ×${s.count.toLocaleString("en-US")}${s.line !== null ? ` · line ${s.line}` : ""}`;
}
