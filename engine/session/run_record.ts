/**
 * What a `sess.run` reports: its RunRecord (one literal shape, whichever executor ran it), and
 * a run error completed as TF 1.14 completes it — the culprit, the path from a fetch to it, and
 * the `[[node ...]]` line.
 */
import { Tensor } from "../graph.js";
import { InternalError, OpError } from "../errors.js";
import type { LoopRecord, RunRecord, SideEffectRecord } from "../records.js";
import { pathToCulprit, type Plan } from "./plan.js";
import type { PlanRun } from "./run_state.js";
import { flowStateOf } from "./flow.js";
import { DEAD } from "../op.js";

/** The session a record belongs to. */
interface RecordSession {
  readonly id: number;
  readonly graph: { readonly id: number };
}

/** The run record of a run of `plan`. */
export function runRecord(
  sess: RecordSession,
  plan: Plan,
  index: number,
  line: number | null,
  path: string[],
  effects: SideEffectRecord[] | null,
  error: Error | null,
): RunRecord {
  const record: RunRecord = {
    type: "run",
    index,
    session: sess.id,
    graph: sess.graph.id,
    line,
    plan: plan.id,
    fetches: plan.fetchNames,
    feeds: plan.feedNames,
    path,
    side_effects: effects ?? [],
    ok: error === null,
  };
  if (error) record.error = errorRecord(error);
  return record;
}

/**
 * The record of a run of a plan with control flow: `path` is the ops that ran (and the one
 * that failed), `dead` the ones an untaken branch kept from running, `loops` the iterations.
 */
export function flowRunRecord(
  sess: RecordSession,
  run: PlanRun,
  index: number,
  line: number | null,
  effects: SideEffectRecord[] | null,
  error: Error | null,
): RunRecord {
  const plan = run.plan;
  const state = flowStateOf(run);
  const path: string[] = [];
  const dead: string[] = [];
  const deadOutputs: string[] = [];
  plan.pathOps.forEach((op, i) => {
    if (state.ran[i] === 1 || (error !== null && i === run.failedStep)) {
      path.push(op.name);
      // A failed run's values are cleared: only a finished run says which outputs were dead.
      // An op in a loop's body is dead on the pass that leaves the loop (all its outputs are):
      // only an op live on its last visit says which side its Switch took.
      if (error === null && state.dead[i] === 0 && op.outputs.length > 1) {
        const s = run.steps[i];
        for (let j = 0; j < s.nOut; j++) if (run.values[s.outSlot + j] === DEAD) deadOutputs.push(op.outputs[j].name);
      }
    } else if (state.dead[i] === 1) dead.push(op.name);
  });
  const record = runRecord(sess, plan, index, line, path, effects, error);
  record.dead = dead;
  if (deadOutputs.length > 0) record.dead_outputs = deadOutputs;
  const loops: LoopRecord[] = [];
  plan.flow!.frames.forEach((f, i) => {
    if (i > 0 && state.entered[i] > 0) loops.push({ frame: f.name, iterations: state.iterations[i], entered: state.entered[i] });
  });
  if (loops.length) record.loops = loops;
  const trace = state.trace;
  if (trace !== null) {
    record.trace = trace.visits;
    if (trace.dropped > 0) record.trace_dropped = trace.dropped;
    state.trace = null;
  }
  return record;
}

/** The record of a run that failed before it had a plan (a bad fetch or feed). */
export function failedRunRecord(sess: RecordSession, index: number, line: number | null, e: Error): RunRecord {
  return {
    type: "run",
    index,
    session: sess.id,
    graph: sess.graph.id,
    line,
    plan: -1,
    fetches: [],
    feeds: [],
    path: [],
    side_effects: [],
    ok: false,
    error: errorRecord(e),
  };
}

function errorRecord(error: Error): RunRecord["error"] {
  const site = error as Partial<OpError>;
  return {
    type: error.name,
    message: error.message,
    op: site.op ?? null,
    path: site.path ?? [],
    line: site.line ?? null,
  };
}

/**
 * Adds the culprit, the path to it and TF 1.14's `[[node ...]]` line to a run error. The
 * culprit is the op the error names (an uninitialized variable), else the op that failed.
 */
export function decorateRunError(plan: Plan, e: Error, stepIndex: number): Error {
  const step = plan.steps[stepIndex];
  if (!step) return e;
  const failed = step.op;
  const named = e instanceof OpError && e.op ? plan.pathOps.find((o) => o.name === e.op) : undefined;
  const culprit = named ?? failed;
  const fetchOps = plan.fetchLeaves.map((f) => (f instanceof Tensor ? f.op : f));
  const path = pathToCulprit(fetchOps, culprit, plan.onPath, new Set(plan.feedTensors));
  const where = failed.line !== null ? ` (defined at line ${failed.line})` : "";
  const nodeLine = `\n\t [[node ${failed.name}${where} ]]`;
  if (e instanceof OpError) {
    e.op = culprit.name;
    e.path = path;
    e.line = culprit.line;
    e.message = `${e.message}${nodeLine}`;
    return e;
  }
  // A bug in a kernel or a JS error inside it: report it as TF reports internal failures.
  const wrapped = new InternalError(`${e.message}`, culprit.name, { path, line: culprit.line });
  wrapped.message += nodeLine;
  wrapped.stack = e.stack;
  return wrapped;
}
