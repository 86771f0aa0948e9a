/**
 * Spots a loop that adds ops to the graph between runs (`for (...) sess.run(a * 2)`): the
 * same line creating the same kind of op after several different runs. Each such op makes the
 * graph bigger and needs a new plan, so the loop gets slower the longer it runs.
 */
import type { NodeEvent } from "../events";

/** After how many different runs the same line must create the same op type to count. */
export const LOOP_GROWTH_RUNS = 3;

interface Signature {
  lastRun: number;
  distinctRuns: number;
  names: string[];
}

/** A detection: the line and the ops it kept creating. */
export interface LoopGrowth {
  line: number | null;
  op: string;
  names: string[];
}

/** Watches op creation in one graph. */
export class LoopGrowthDetector {
  private readonly signatures = new Map<string, Signature>();
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
    const key = `${e.op}|${where}`;
    let s = this.signatures.get(key);
    if (!s) this.signatures.set(key, (s = { lastRun: -1, distinctRuns: 0, names: [] }));
    if (s.lastRun !== runsSoFar) {
      s.lastRun = runsSoFar;
      s.distinctRuns++;
    }
    if (s.names.length < LOOP_GROWTH_RUNS) s.names.push(e.name);
    if (s.distinctRuns < LOOP_GROWTH_RUNS) return null;
    this.reported.add(where);
    return { line: e.line, op: e.op, names: s.names.slice() };
  }
}
