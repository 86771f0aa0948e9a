/**
 * The events a program run produces: the single source of truth for the CLI's trace, the
 * worker's messages and the page. Plain data only (no class instances), so that they survive
 * `postMessage` and `JSON.stringify`. docs/events.md documents every field.
 */
import type { NodeRecord, RunLive, RunRecord, SummaryRecord } from "../../engine";

/** An op was added to a graph: the engine's NodeRecord, which carries the event's tag. */
export type NodeEvent = NodeRecord;

/**
 * One `sess.run` finished, successfully or not: the engine's RunRecord (tagged "run"), with
 * `values` (tensor name → summary) when the runner was asked for values.
 */
export type RunEvent = RunRecord;

/** One line the program wrote (without its newline). */
export interface OutputEvent {
  type: "stdout" | "stderr";
  text: string;
}

/** The teaching hints the runner knows how to give. */
export type DiagnosticCode =
  | "print-off-path"
  | "assign-off-path"
  | "ops-in-loop"
  | "variable-after-init"
  | "unfed-placeholder"
  | "uninitialized-variable"
  | "python2-print";

/** A teaching hint about the program's graph or runs. */
export interface DiagnosticEvent {
  type: "diagnostic";
  code: DiagnosticCode;
  message: string;
  /** The ops the hint is about (to highlight in the graph). */
  ops: string[];
  /** The learner's line the hint points at. */
  line: number | null;
}

/** The program's uncaught error, as the end event reports it. */
export interface ProgramError {
  /** `InvalidArgumentError`, `SyntaxError`, `RecursionError`, ... */
  type: string;
  /** The full message (TF's includes its `\t [[node ...]]` line). */
  message: string;
  /** The learner's line, when known. */
  line?: number;
}

/** Always the last event of a run. */
export interface EndEvent {
  type: "end";
  ok: boolean;
  error?: ProgramError;
  /** The seed of `Math.random` and of unseeded random ops: rerun with it to repeat the run. */
  seed: number;
}

/**
 * A value a `tf.summary.FileWriter` wrote (`add_summary`): the engine's SummaryRecord. The
 * page charts scalars under their tags by step (the summarizer's `summary:<tag>` series).
 */
export type SummaryEvent = SummaryRecord;

/** Everything a program run emits: a closed union, discriminated by `type`. */
export type ProgramEvent = NodeEvent | RunEvent | OutputEvent | DiagnosticEvent | SummaryEvent | EndEvent;

/**
 * Which tensor values run events carry: none, the fetched (and fed) tensors', every tensor's,
 * or `"kept"`: every tensor's for the runs the page keeps to step through (see `keptValues`),
 * the fetched ones otherwise.
 */
export type ValuesMode = "none" | "fetches" | "all" | "kept";

/** Under `"kept"`, the first this many runs carry every tensor's value (the page's head of full runs). */
export const KEPT_VALUES_RUNS = 1000;

/**
 * Under `"kept"`, the first this many runs with while loops carry their trace (every op visit,
 * a loop's body once per pass, with its value: what the stepper steps through). Fewer than
 * KEPT_VALUES_RUNS: a trace can hold hundreds of visits.
 */
export const TRACED_RUNS = 100;

/**
 * `"kept"`'s choice for one run: all values for the first runs, a failed run, and a run whose
 * computation (plan) differs from the previous run's (a program's final `sess.run([m, b])`
 * after a loop); a loop's repeated steps after that carry their fetched values only, because
 * summarizing every tensor of every step would double a 100,000-step loop's time.
 * Returns a function that remembers the previous run.
 */
export function keptValues(): (r: RunRecord) => "all" | "fetches" {
  let lastPlan = Number.NaN;
  return (r) => {
    const changed = r.plan !== lastPlan;
    lastPlan = r.plan;
    return r.index < KEPT_VALUES_RUNS || !r.ok || changed ? "all" : "fetches";
  };
}

/**
 * The run event for an engine RunRecord. Must be called inside the engine's run listener:
 * `live` is only valid there. The path, fetch and feed arrays are shared with the engine's
 * cached plan (runs of one plan share them), so consumers must not mutate them.
 */
export function runEvent(r: RunRecord, live: RunLive, values: Exclude<ValuesMode, "kept">): RunEvent {
  // The engine's record already has the event's shape (type "run" and the same fields): it is
  // used as is, because this runs once per training step and a copy per step shows.
  const e: RunEvent = r;
  if (values === "all") e.values = live.summarize();
  else if (values === "fetches") e.values = live.fetched();
  return e;
}
