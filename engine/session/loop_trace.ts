/**
 * A run's op visits in execution order, for a run with while loops: the run record's `path`
 * names each op once, but a loop's body runs once per iteration, with a new value each time.
 * The trace is what lets a learner step through iteration 1, 2, 3 … of a loop and see each
 * value. Values are summarized at the visit: the next iteration reuses the output buffers.
 */
import type { NDArray } from "../ndarray.js";
import type { TraceVisit } from "../records.js";
import { DEAD } from "../op.js";
import type { StepRun } from "./run_state.js";
import { summarizeValue } from "./summary.js";

/**
 * Visits inside loops a trace lists; the rest are counted (`trace_dropped`). Ops outside loops
 * are always listed (there are as many as the path has), so the steps after a long loop stay.
 */
export const TRACE_LOOP_VISITS = 500;

export class LoopTracer {
  readonly visits: TraceVisit[] = [];
  dropped = 0;
  private inLoops = 0;

  /**
   * Records that `s` ran in loop frame `frame` (null: outside any loop) on pass `iteration`,
   * with `value` (its first output) if it has one that is not a variable's buffer.
   */
  visit(s: StepRun, frame: string | null, iteration: number, value: NDArray | null | typeof DEAD): void {
    if (frame === null) {
      this.visits.push({ op: s.op.name });
      return;
    }
    if (this.inLoops >= TRACE_LOOP_VISITS) {
      this.dropped++;
      return;
    }
    this.inLoops++;
    const v: TraceVisit = { op: s.op.name, frame, iteration };
    // A ref output is the variable's own buffer, which later visits change in place.
    if (value !== null && value !== DEAD && value !== undefined && s.nOut > 0 && !s.op.outputs[0].dtype.is_ref) v.value = summarizeValue(value);
    this.visits.push(v);
  }
}
