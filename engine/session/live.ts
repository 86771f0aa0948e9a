/**
 * The run listener's view of a run (RunLive): summaries of its values, made only when the
 * listener asks, and of the session's memory after it.
 */
import type { NDArray } from "../ndarray.js";
import type { RunLive, ValueSummary } from "../records.js";
import type { Plan } from "./plan.js";
import type { PlanRun } from "./run_state.js";
import type { Session } from "./session.js";
import { summarizeValue } from "./summary.js";
import { DEAD } from "../op.js";

/** Summaries of a session's variables (null while uninitialized). */
export function memoryOf(sess: Session): Record<string, ValueSummary | null> {
  const out: Record<string, ValueSummary | null> = {};
  for (const cell of sess.variableCells()) out[cell.name] = cell.value === null ? null : summarizeValue(cell.value);
  return out;
}

/**
 * A function building `fetched()`'s object in one literal of the plan's fixed keys (a
 * training loop asks for it every step; adding keys one by one costs several times more), or
 * returning null when a value is missing (a failed run), for the general loop to handle.
 */
function compileFetched(plan: Plan): (values: readonly (NDArray | null)[]) => Record<string, ValueSummary> | null {
  const entries = new Map<string, number>();
  plan.fetchSlots.forEach((slot, i) => {
    if (slot >= 0) entries.set(plan.fetchNames[i], slot);
  });
  plan.feedSlots.forEach((slot, i) => entries.set(plan.feedNames[i], slot));
  // A key spelled "__proto__" in a literal would set the prototype (tensor names have ":n").
  if (entries.has("__proto__")) return () => null;
  const slots = [...entries.values()];
  const body = [
    '"use strict";',
    ...slots.map((slot, i) => `const a${i} = V[${slot}];`),
    slots.length ? `if (${slots.map((_, i) => `a${i} === null`).join(" || ")}) return null;` : "",
    `return {${[...entries.keys()].map((name, i) => `${JSON.stringify(name)}: S(a${i})`).join(", ")}};`,
  ].join("\n");
  const build = new Function("V", "S", body) as (v: readonly (NDArray | null)[], s: typeof summarizeValue) => Record<string, ValueSummary> | null;
  return (values) => build(values, summarizeValue);
}

/** Summaries of the run's values, computed only when the listener asks. */
export function liveView(run: PlanRun, sess: Session): RunLive {
  const plan = run.plan;
  return {
    variables: () => memoryOf(sess),
    summarize(): Record<string, ValueSummary> {
      const values = run.settledValues();
      const out: Record<string, ValueSummary> = {};
      for (const [t, slot] of plan.slotOf) {
        const v = values[slot];
        if (v && v !== DEAD) out[t.name] = summarizeValue(v);
      }
      return out;
    },
    fetched(): Record<string, ValueSummary> {
      const fast = (run.fetchedBuilder ??= compileFetched(plan))(run.values);
      if (fast !== null) return fast;
      const out: Record<string, ValueSummary> = {};
      const slots = plan.fetchSlots;
      const names = plan.fetchNames;
      for (let i = 0; i < slots.length; i++) {
        const v = slots[i] < 0 ? null : run.values[slots[i]];
        if (v) out[names[i]] = summarizeValue(v);
      }
      // The fed values too: the graph marks a fed placeholder with what was fed.
      const feeds = plan.feedSlots;
      for (let i = 0; i < feeds.length; i++) {
        const v = run.values[feeds[i]];
        if (v) out[plan.feedNames[i]] = summarizeValue(v);
      }
      return out;
    },
    valueOf(name: string): ValueSummary | undefined {
      const slot = plan.slotByName(name);
      const v = slot < 0 ? null : run.settledValues()[slot];
      return v && v !== DEAD ? summarizeValue(v) : undefined;
    },
  };
}
