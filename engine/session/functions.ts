/**
 * Calling a traced function (a `Dataset.map` or `filter` function, a one-shot iterator's
 * dataset factory) in a session: a plan of the function's graph from its results back to its
 * parameters, run by the same executors as `sess.run` on the session's memory, once per
 * element. Nothing is recorded for the call itself: it is part of the run of the op calling it
 * (IteratorGetNext), whose side effects include what the function's ops did.
 */
import type { GraphFunction } from "../function_graph.js";
import type { NDArray } from "../ndarray.js";
import { variant } from "../dtypes.js";
import { Plan } from "./plan.js";
import { PlanRun, type SessionPort } from "./run_state.js";
import { executeGeneric } from "./generic.js";
import { executeFlow } from "./flow.js";

export class FunctionCalls {
  /** One plan per function, made on its first call. */
  private readonly runs = new Map<GraphFunction, { run: PlanRun; results: unknown[] }>();

  constructor(private readonly port: SessionPort) {}

  call(fn: GraphFunction, args: readonly NDArray[]): NDArray[] {
    let entry = this.runs.get(fn);
    if (entry === undefined) {
      // Plan id -1: the function's plan is not one of the program's `sess.run` plans.
      const plan = new Plan(-1, [...fn.outputs, ...fn.targets], [...fn.inputs, ...fn.capturedInputs]);
      entry = { run: new PlanRun(plan, this.port), results: plan.fetchLeaves.map(() => null) };
      this.runs.set(fn, entry);
    }
    const { run, results } = entry;
    const fed = args.slice();
    if (run.plan.flow !== null) executeFlow(run, fed, results);
    else executeGeneric(run, fed, results);
    // Copies: the function's buffers are reused by its next call. A variant (a dataset) is
    // immutable, and its identity is what holds the dataset: it is passed on as it is.
    const slots = run.plan.fetchSlots.slice(0, fn.outputs.length);
    return Array.from(slots, (slot) => {
      const v = run.values[slot]!;
      return v.dtype === variant ? v : v.copy();
    });
  }

  clear(): void {
    this.runs.clear();
  }
}
