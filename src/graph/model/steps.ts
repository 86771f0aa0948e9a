/**
 * The run stepper's model: one step of a run's path (execution order) — the op, the line that
 * built it, the value it computed, what its side effects did, whether it is where the run
 * failed. Computed for one step at a time, so stepping a run of thousands of ops costs the
 * same as stepping a small one.
 */
import type { SideEffectRecord, ValueSummary } from "../../../engine";
import { runSequence, type RunLike } from "./highlight";
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
  /** For a visit inside a while loop (a run with a trace): where in the loop it is. */
  loop?: LoopPosition;
}

/** Where a step inside a while loop is: which pass of how many, and the steps of its neighbours. */
export interface LoopPosition {
  /** The loop's frame name (`while/while_context`). */
  frame: string;
  /** 0-based pass: passes 0 … iterations−1 run the body, pass `iterations` leaves the loop. */
  iteration: number;
  /** The loop's iterations in this entry of it (a nested loop is entered once per outer pass); null if the trace was cut before its end. */
  iterations: number | null;
  /** The step this op's visit of the previous / next pass is at (or that pass's first step), or null. */
  previousPass: number | null;
  nextPass: number | null;
  /** Visits inside loops the run's trace left out (it lists the first 500). */
  dropped: number;
}

/** Step `index` of `run`, or null outside its path. */
export function runStep(structure: GraphStructure, run: RunLike, index: number): RunStep | null {
  const sequence = runSequence(run);
  const op = sequence[index];
  if (op === undefined) return null;
  const visit = run.trace?.[index];
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
  const step: RunStep = {
    index,
    total: sequence.length,
    op,
    type: node?.op ?? "?",
    line: node?.line ?? null,
    dtype: node?.dtype ?? null,
    // A visit inside a loop has its own value (that pass's); the run's values hold the last.
    value: visit?.frame !== undefined ? visit.value : values?.[`${op}:0`],
    valuesKept: kept,
    effects,
    culprit: run.ok === false && run.error?.op === op && index === sequence.length - 1,
  };
  if (visit?.frame !== undefined && visit.iteration !== undefined) step.loop = loopPosition(run, index, visit.frame, visit.iteration);
  return step;
}

/** Where visit `index` (in `frame`, on pass `iteration`) is in its loop, and its neighbour passes' steps. */
function loopPosition(run: RunLike, index: number, frame: string, iteration: number): LoopPosition {
  const trace = run.trace!;
  const op = trace[index].op;
  // This entry of the loop: its frame's visits around `index` whose passes do not go back (a
  // nested loop starts again at pass 0 on every pass of the loop around it).
  let start = index;
  let end = index;
  for (let i = index - 1, last = iteration; i >= 0; i--) {
    const v = trace[i];
    if (v.frame !== frame) continue;
    if (v.iteration! > last) break;
    last = v.iteration!;
    start = i;
  }
  for (let i = index + 1, last = iteration; i < trace.length; i++) {
    const v = trace[i];
    if (v.frame !== frame) continue;
    if (v.iteration! < last) break;
    last = v.iteration!;
    end = i;
  }
  // The same op's visit on another pass of this entry, or that pass's first visit.
  const passStep = (pass: number): number | null => {
    let first: number | null = null;
    for (let i = start; i <= end; i++) {
      const v = trace[i];
      if (v.frame !== frame || v.iteration !== pass) continue;
      if (v.op === op) return i;
      first ??= i;
    }
    return first;
  };
  const dropped = run.trace_dropped ?? 0;
  // Cut short when the trace's limit fell inside this entry: no loop visit is listed after it.
  let complete = dropped === 0;
  for (let i = end + 1; i < trace.length && !complete; i++) if (trace[i].frame !== undefined) complete = true;
  const loop = run.loops?.find((l) => l.frame === frame);
  return {
    frame,
    iteration,
    iterations: complete ? trace[end].iteration! : loop !== undefined && loop.entered === 1 ? loop.iterations : null,
    previousPass: iteration > 0 ? passStep(iteration - 1) : null,
    nextPass: passStep(iteration + 1),
    dropped,
  };
}
