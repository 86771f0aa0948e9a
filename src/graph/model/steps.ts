/**
 * The run stepper's model: one step of a run's path (execution order) — the op, the line that
 * built it, the value it computed, what its side effects did, whether it is where the run
 * failed. Computed for one step at a time, so stepping a run of thousands of ops costs the
 * same as stepping a small one.
 */
import type { SideEffectRecord, ValueSummary } from "../../../engine";
import type { RunLike } from "./highlight";
import type { GraphStructure } from "./structure";

export interface RunStep {
  /** Position in the run's path (0-based). */
  index: number;
  /** Steps in the run. */
  total: number;
  op: string;
  /** TF op type (`Add`). */
  type: string;
  line: number | null;
  /** Dtype of the op's first output as TF prints it, or null. */
  dtype: string | null;
  /** The op's output value (`op:0`) in the run, when the run recorded it. */
  value?: ValueSummary;
  /** Whether the run recorded values beyond its fetches and feeds (the first 1,000 runs do). */
  valuesKept: boolean;
  /** Side effects the op fired (a variable's before → after, a printed line). */
  effects: SideEffectRecord[];
  /** The op the run failed at (the last step of a failed run). */
  culprit: boolean;
}

/** Step `index` of `run`, or null outside its path. */
export function runStep(structure: GraphStructure, run: RunLike, index: number): RunStep | null {
  const op = run.path[index];
  if (op === undefined) return null;
  const node = structure.ops.get(op)?.node;
  const values = run.values;
  // More values than fetches and feeds: the run kept every tensor's (counted up to that).
  let kept = false;
  let n = 0;
  if (values !== undefined) {
    for (const _ in values) {
      if (++n > run.fetches.length + run.feeds.length) {
        kept = true;
        break;
      }
    }
  }
  const effects = (run.side_effects ?? []).filter((e) => e.op === op);
  return {
    index,
    total: run.path.length,
    op,
    type: node?.op ?? "?",
    line: node?.line ?? null,
    dtype: node?.dtype ?? null,
    value: values?.[`${op}:0`],
    valuesKept: kept,
    effects,
    culprit: run.ok === false && run.error?.op === op && index === run.path.length - 1,
  };
}
