/**
 * The events a program run produces: the single source of truth for the CLI's trace, the
 * worker's messages and the page. Plain data only (no class instances), so that they survive
 * `postMessage` and `JSON.stringify`. docs/events.md documents every field.
 */
import type { NodeRecord, RunLive, RunRecord } from "../../engine";

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
  | "uninitialized-variable";

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

/** Everything a program run emits: a closed union, discriminated by `type`. */
export type ProgramEvent = NodeEvent | RunEvent | OutputEvent | DiagnosticEvent | EndEvent;

/** Which tensor values run events carry: none, the fetched tensors', or every tensor's. */
export type ValuesMode = "none" | "fetches" | "all";

/**
 * The run event for an engine RunRecord. Must be called inside the engine's run listener:
 * `live` is only valid there. The path, fetch and feed arrays are shared with the engine's
 * cached plan (runs of one plan share them), so consumers must not mutate them.
 */
export function runEvent(r: RunRecord, live: RunLive, values: ValuesMode): RunEvent {
  // The engine's record already has the event's shape (type "run" and the same fields): it is
  // used as is, because this runs once per training step and a copy per step shows.
  const e: RunEvent = r;
  if (values === "all") e.values = live.summarize();
  else if (values === "fetches") e.values = live.fetched();
  return e;
}
