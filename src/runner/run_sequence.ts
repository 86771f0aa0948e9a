/**
 * The ops of a run in the order a learner steps through them: every op visit when the run has
 * a trace (a while loop's body once per pass), else its path (each op once). One definition
 * for the graph's stepper, the editor's line and the store.
 */
import type { TraceVisit } from "../../engine";

interface Steppable {
  readonly path: readonly string[];
  readonly trace?: readonly TraceVisit[];
}

const sequences = new WeakMap<Steppable, readonly string[]>();

export function runSequence(run: Steppable): readonly string[] {
  if (run.trace === undefined) return run.path;
  let seq = sequences.get(run);
  if (seq === undefined) sequences.set(run, (seq = run.trace.map((v) => v.op)));
  return seq;
}
