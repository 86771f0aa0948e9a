/**
 * The generic executor: runs a plan's steps in order on its memory in one session — feeds into
 * their slots, each kernel on its input slots (skipping pure steps whose inputs did not
 * change), fetched values converted as soon as produced. It runs every plan and every op; the
 * scalar program (scalar/) only ever takes over plans it has proven all-scalar.
 */
import { NDArray } from "../ndarray.js";
import { scalarOf } from "../numpy/scalar.js";
import { uninitialized } from "../ops/state/variables.js";
import { sameShape } from "../shape.js";
import { Memo } from "./plan.js";
import type { PlanRun, StepRun } from "./run_state.js";

/**
 * A fetched value as `sess.run` returns it: a 0-d value as TF hands it to Python (a numpy
 * scalar, a boolean, bytes), an array as an NDArray copy.
 */
export function toResult(v: NDArray): unknown {
  if (v.shape.length === 0) return scalarOf(v.dtype, v.data[0]);
  return v.copy();
}

/** Runs the plan with `fed` values; fills `results` in fetch order. On a failure, `run.failedStep` says where. */
export function executeGeneric(run: PlanRun, fed: NDArray[], results: unknown[]): void {
  run.enterGeneric();
  const plan = run.plan;
  const values = run.values;
  const versions = run.versions;
  for (let i = 0; i < fed.length; i++) {
    const slot = plan.feedSlots[i];
    values[slot] = fed[i];
    versions[slot]++;
  }
  const fetchSlots = plan.fetchSlots;
  for (let i = 0; i < plan.fedFetches.length; i++) {
    const f = plan.fedFetches[i];
    results[f] = toResult(values[fetchSlots[f]]!);
  }
  const steps = run.steps;
  const fetchesAfter = plan.fetchesAfterStep;
  let si = 0;
  try {
    for (; si < steps.length; si++) {
      const s = steps[si];
      const slots = s.inSlots;
      if (s.ran && s.memo !== Memo.None && unchanged(s, slots, values, versions)) {
        if (fetchesAfter[si] !== null) deliverFetches(run, si, results);
        continue;
      }
      const ins = s.inputs;
      for (let j = 0; j < slots.length; j++) {
        const slot = slots[j];
        if (slot >= 0) {
          ins[j] = values[slot]!;
          s.lastVersions[j] = versions[slot];
        }
      }
      if (s.varIn !== null) readVariables(s, ins);
      if (s.memo === Memo.Shapes) for (let j = 0; j < ins.length; j++) s.lastShapes[j] = ins[j].shape;
      const out = s.kernel(ins, s);
      const n = s.nOut;
      if (n === 1) {
        values[s.outSlot] = out as NDArray;
        versions[s.outSlot]++;
      } else if (n > 1) {
        const outs = out as NDArray[];
        for (let j = 0; j < n; j++) {
          values[s.outSlot + j] = outs[j];
          versions[s.outSlot + j]++;
        }
      }
      s.ran = true;
      if (fetchesAfter[si] !== null) deliverFetches(run, si, results);
    }
  } catch (e) {
    run.failedStep = si;
    // Later steps did not run: drop their values from earlier runs so nothing stale shows,
    // and make sure they run next time.
    for (let j = si; j < steps.length; j++) {
      steps[j].ran = false;
      for (let o = 0; o < steps[j].nOut; o++) values[steps[j].outSlot + o] = null;
    }
    throw e;
  }
}

/** True when a memoized step's inputs are as they were when it last ran. */
function unchanged(s: StepRun, slots: Int32Array, values: (NDArray | null)[], versions: Uint32Array): boolean {
  if (s.memo === Memo.Versions) {
    for (let j = 0; j < slots.length; j++) if (slots[j] >= 0 && versions[slots[j]] !== s.lastVersions[j]) return false;
    return true;
  }
  for (let j = 0; j < slots.length; j++) {
    const v = values[slots[j]];
    const last = s.lastShapes[j];
    if (v === null || last === null || !sameShape(v.shape, last)) return false;
  }
  return true;
}

/** Converts the fetches a step produced, right after it ran (before later steps change them). */
function deliverFetches(run: PlanRun, si: number, results: unknown[]): void {
  const plan = run.plan;
  const fetched = plan.fetchesAfterStep[si];
  if (fetched === null) return;
  for (let j = 0; j < fetched.length; j++) {
    const v = run.values[plan.fetchSlots[fetched[j]]];
    if (v === null) {
      const s = run.steps[si];
      throw uninitialized(s.cell(-1), s.op.name);
    }
    results[fetched[j]] = toResult(v);
  }
}

/** Fills inputs that read variables from their cells; fails on an uninitialized one. */
/** A step's variable inputs: each cell's value, TF's FailedPreconditionError for one never initialized (the flow executor's too). */
export function readVariables(s: StepRun, ins: NDArray[]): void {
  const cells = s.varIn!;
  for (let j = 0; j < cells.length; j++) {
    const c = cells[j];
    if (c === null) continue;
    if (c.value === null) throw uninitialized(c, c.name);
    ins[j] = c.value;
  }
}
