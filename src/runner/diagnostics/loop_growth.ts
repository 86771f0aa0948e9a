/**
 * Spots a loop that adds ops to the graph between runs (`for (...) sess.run(a * 2)`): the
 * same line creating ops after several different runs. Each such op makes the graph bigger
 * and needs a new plan, so the loop gets slower the longer it runs.
 */
import type { NodeEvent } from "../events";

/** After how many different runs the same line must have created ops to count. */
export const LOOP_GROWTH_RUNS = 3;

/** Names kept per line, to show which ops keep appearing. */
const KEPT_NAMES = 12;

interface Place {
  lastRun: number;
  distinctRuns: number;
  types: string[];
  names: { name: string; op: string }[];
}

/** A detection: the line, the op types it kept creating and some of those ops. */
export interface LoopGrowth {
  line: number | null;
  types: string[];
  names: string[];
}

/** Watches op creation in one graph. */
export class LoopGrowthDetector {
  private readonly places = new Map<string, Place>();
  private readonly reported = new Set<string>();

  /**
   * Records an op created after `runsSoFar` runs of its graph; returns a detection the first
   * time its line crosses the threshold.
   */
  node(e: NodeEvent, runsSoFar: number): LoopGrowth | null {
    if (runsSoFar === 0) return null;
    // Without a line, the op's name without its `_N` suffix stands for where it came from.
    const where = e.line !== null ? `line ${e.line}` : `name ${e.name.replace(/_\d+$/, "")}`;
    if (this.reported.has(where)) return null;
    let p = this.places.get(where);
    if (!p) this.places.set(where, (p = { lastRun: -1, distinctRuns: 0, types: [], names: [] }));
    if (p.lastRun !== runsSoFar) {
      p.lastRun = runsSoFar;
      p.distinctRuns++;
    }
    if (!p.types.includes(e.op)) p.types.push(e.op);
    if (p.names.length < KEPT_NAMES) p.names.push({ name: e.name, op: e.op });
    if (p.distinctRuns < LOOP_GROWTH_RUNS) return null;
    this.reported.add(where);
    this.places.delete(where);
    // Constants are mostly the operands of the op the learner wrote (`mul/y` of `a * 2`):
    // name that op, unless constants are all the line makes.
    const main = p.types.filter((t) => t !== "Const");
    const types = main.length ? main : p.types;
    const names = p.names.filter((n) => types.includes(n.op)).map((n) => n.name);
    return { line: e.line, types, names: names.slice(0, LOOP_GROWTH_RUNS) };
  }
}
