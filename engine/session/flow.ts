/**
 * The generic executor for plans with control flow (TF's dead tensors and frames). It runs the
 * same kernels on the same memory as generic.ts, with two more rules taken from the ops'
 * declarations:
 * - dead tensors: an op whose input (or control input) is dead does not run and its outputs are
 *   dead (`deadInputs: "propagate"`); a Merge runs on any live input (`"any-live"`); a
 *   ControlTrigger runs regardless (`"ignore"`). A Switch's kernel leaves one output `DEAD`.
 * - frames (flow_plan.ts): a while loop's frame runs as a block — its Enters once, then its
 *   body once per iteration while a NextIteration produced a live value; a loop variable's
 *   Enter exists only in the first iteration, a Merge reads the NextIteration of the previous.
 * Every op that ran, every op that stayed dead and every loop's iteration count go into the run
 * record.
 */
import { InternalError } from "../errors.js";
import { NDArray } from "../ndarray.js";
import { DEAD } from "../op.js";
import { readVariables, toResult } from "./generic.js";
import type { PlanRun, StepRun } from "./run_state.js";
import { LoopTracer } from "./loop_trace.js";

/** What a run of a flow plan did, for its record. */
export interface FlowRunState {
  /** 1 for each step whose kernel ran at least once in the last run. */
  readonly ran: Uint8Array;
  /** 1 for each step that is dead (did not run on its latest visit). */
  readonly dead: Uint8Array;
  /** Per frame: iterations run in the last run (summed over its entries), and how often it was entered live. */
  readonly iterations: Float64Array;
  readonly entered: Float64Array;
  /** The last run's op visits, when the session asked for a trace (loop_trace.ts). */
  trace: LoopTracer | null;
}

/** The per-run state of a flow plan (made on first use). */
export function flowStateOf(run: PlanRun): FlowRunState {
  if (run.flowState === null) {
    const n = run.steps.length;
    const f = run.plan.flow!.frames.length;
    run.flowState = { ran: new Uint8Array(n), dead: new Uint8Array(n), iterations: new Float64Array(f), entered: new Float64Array(f), trace: null };
  }
  return run.flowState;
}

/** Runs a flow plan with `fed` values; fills `results` in fetch order. On a failure, `run.failedStep` says where. */
export function executeFlow(run: PlanRun, fed: NDArray[], results: unknown[]): void {
  run.enterGeneric();
  const plan = run.plan;
  const flow = plan.flow!;
  const values = run.values;
  const versions = run.versions;
  const steps = run.steps;
  const state = flowStateOf(run);
  state.ran.fill(0);
  state.dead.fill(0);
  state.iterations.fill(0);
  state.entered.fill(0);
  const tracer = run.tracing && flow.frames.length > 1 ? new LoopTracer() : null;
  state.trace = tracer;
  // Where the executor is, for the trace: the loop frame (null: the root) and its pass, and
  // those of the enclosing loops (an Exit hands its value to the enclosing frame: it is
  // listed there).
  let frameNow: string | null = null;
  let passNow = 0;
  const outerFrames: (string | null)[] = [];
  const outerPasses: number[] = [];
  for (let i = 0; i < fed.length; i++) {
    values[plan.feedSlots[i]] = fed[i];
    versions[plan.feedSlots[i]]++;
  }
  const fetchSlots = plan.fetchSlots;
  for (let i = 0; i < plan.fedFetches.length; i++) results[plan.fedFetches[i]] = toResult(values[fetchSlots[plan.fedFetches[i]]]!);
  // The root's items that produce each fetch (a fetched Exit is produced by its loop's block).
  const deliverAfter = rootDeliveries(run);

  let current = -1;
  const setOutputs = (s: StepRun, si: number, v: NDArray | NDArray[] | null): void => {
    const n = s.nOut;
    if (n === 1) {
      values[s.outSlot] = v as NDArray;
      versions[s.outSlot]++;
    } else if (n > 1) {
      const outs = v as NDArray[];
      for (let j = 0; j < n; j++) {
        values[s.outSlot + j] = outs[j];
        versions[s.outSlot + j]++;
      }
    }
    state.dead[si] = 0;
  };
  const markDead = (s: StepRun, si: number): void => {
    for (let j = 0; j < s.nOut; j++) {
      values[s.outSlot + j] = DEAD;
      versions[s.outSlot + j]++;
    }
    s.ran = false;
    state.dead[si] = 1;
  };
  const runStep = (si: number): void => {
    current = si;
    const s = steps[si];
    const mode = s.step.def.deadInputs ?? "propagate";
    const slots = s.inSlots;
    const ins = s.inputs;
    let anyDead = false;
    let anyLive = slots.length === 0;
    for (let j = 0; j < slots.length; j++) {
      const slot = slots[j];
      if (slot < 0) continue;
      const v = values[slot]!;
      ins[j] = v;
      if (v === DEAD) anyDead = true;
      else anyLive = true;
    }
    if (mode === "propagate") {
      const ctrl = flow.controlInputs[si];
      if (ctrl !== null) for (let j = 0; j < ctrl.length && !anyDead; j++) if (state.dead[ctrl[j]] === 1) anyDead = true;
      if (anyDead) return markDead(s, si);
    } else if (mode === "any-live" && !anyLive) {
      return markDead(s, si);
    }
    if (s.varIn !== null) readVariables(s, ins);
    setOutputs(s, si, s.kernel(ins, s));
    s.ran = true;
    state.ran[si] = 1;
    if (tracer !== null) {
      const exit = s.step.def.frame === "exit" && outerPasses.length > 0;
      const f = exit ? outerFrames[outerFrames.length - 1] : frameNow;
      tracer.visit(s, f, exit ? outerPasses[outerPasses.length - 1] : passNow, s.nOut > 0 ? values[s.outSlot] : null);
    }
  };
  const runFrame = (fi: number): void => {
    const frame = flow.frames[fi];
    const enters = frame.enters;
    outerFrames.push(frameNow);
    outerPasses.push(passNow);
    frameNow = frame.name;
    passNow = 0;
    let live = false;
    for (let i = 0; i < enters.length; i++) {
      runStep(enters[i]);
      if (state.dead[enters[i]] === 0) live = true;
    }
    // Nothing comes back around before the first iteration.
    for (let i = 0; i < frame.nexts.length; i++) markDead(steps[frame.nexts[i]], frame.nexts[i]);
    let iterations = 0;
    for (;;) {
      passNow = iterations;
      runItems(frame.body);
      let again = false;
      for (let i = 0; i < frame.nexts.length && !again; i++) if (values[steps[frame.nexts[i]].outSlot] !== DEAD) again = true;
      if (!again) break;
      iterations++;
      if (iterations === 1) for (let i = 0; i < frame.varEnters.length; i++) markDead(steps[frame.varEnters[i]], frame.varEnters[i]);
      run.loopTick();
    }
    frameNow = outerFrames.pop()!;
    passNow = outerPasses.pop()!;
    if (live) {
      state.entered[fi]++;
      state.iterations[fi] += iterations;
    }
  };
  const runItems = (items: Int32Array): void => {
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (it >= 0) runStep(it);
      else runFrame(-1 - it);
    }
  };

  try {
    const root = flow.frames[0].body;
    for (let i = 0; i < root.length; i++) {
      const it = root[i];
      if (it >= 0) runStep(it);
      else runFrame(-1 - it);
      const fetched = deliverAfter[i];
      if (fetched !== null) deliver(run, fetched, results);
    }
  } catch (e) {
    run.failedStep = current;
    if (tracer !== null && current >= 0) tracer.visit(steps[current], frameNow, passNow, null);
    // Nothing of this run is kept for the next one.
    for (const s of steps) {
      s.ran = false;
      for (let o = 0; o < s.nOut; o++) values[s.outSlot + o] = null;
    }
    throw e;
  }
}

/** For each item of the root frame, the fetches it produces (converted right after it). */
function rootDeliveries(run: PlanRun): (Int32Array | null)[] {
  if (run.flowDeliveries !== null) return run.flowDeliveries;
  const plan = run.plan;
  const flow = plan.flow!;
  const root = flow.frames[0].body;
  // The root item each step belongs to: itself, or the block of the loop it is in.
  const itemOf = new Int32Array(run.steps.length).fill(-1);
  const mark = (items: Int32Array, rootIndex: number): void => {
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (it >= 0) itemOf[it] = rootIndex;
      else {
        const f = flow.frames[-1 - it];
        for (let e = 0; e < f.enters.length; e++) itemOf[f.enters[e]] = rootIndex;
        mark(f.body, rootIndex);
      }
    }
  };
  for (let i = 0; i < root.length; i++) {
    const it = root[i];
    if (it >= 0) itemOf[it] = i;
    else mark(new Int32Array([it]), i);
  }
  const lists: number[][] = Array.from(root, () => []);
  const producer = new Map<number, number>();
  plan.steps.forEach((s, si) => {
    for (let o = 0; o < s.nOut; o++) producer.set(s.outSlot + o, si);
  });
  plan.fetchLeaves.forEach((_, i) => {
    const slot = plan.fetchSlots[i];
    if (slot < 0) return;
    const si = producer.get(slot);
    if (si !== undefined) lists[itemOf[si]].push(i);
  });
  run.flowDeliveries = lists.map((l) => (l.length ? new Int32Array(l) : null));
  return run.flowDeliveries;
}

function deliver(run: PlanRun, fetched: Int32Array, results: unknown[]): void {
  const plan = run.plan;
  for (let j = 0; j < fetched.length; j++) {
    const v = run.values[plan.fetchSlots[fetched[j]]];
    // A value of the branch not taken: TF's call frame has nothing to return.
    if (v === null || v === DEAD) throw new InternalError(`Retval[${fetched[j]}] does not have value`);
    results[fetched[j]] = toResult(v);
  }
}
