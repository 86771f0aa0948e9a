/**
 * The events a program run produces: the single source of truth for the CLI's trace, the
 * worker's messages and the page. Plain data only (no class instances), so that they survive
 * `postMessage` and `JSON.stringify`. docs/events.md documents every field.
 */
import type { NodeRecord, RunErrorRecord, RunLive, RunRecord, SideEffectRecord, ValueSummary } from "../../engine/records";

/** An op was added to a graph (the engine's NodeRecord, tagged). */
export interface NodeEvent {
  type: "node";
  name: string;
  op: string;
  inputs: string[];
  control_inputs: string[];
  ref_inputs: string[];
  dtype: string | null;
  shape: string | null;
  line: number | null;
  effects: string[];
  graph: number;
  attrs?: Record<string, unknown>;
}

/** One `sess.run` finished, successfully or not. */
export interface RunEvent {
  type: "run";
  index: number;
  session: number;
  line: number | null;
  fetches: string[];
  feeds: string[];
  path: string[];
  side_effects: SideEffectRecord[];
  ok: boolean;
  error?: RunErrorRecord;
  graph: number;
  plan: number;
  /** Tensor name → value summary, only when the runner was asked for values. */
  values?: Record<string, ValueSummary>;
}

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

/** The node event for an engine NodeRecord. */
export function nodeEvent(r: NodeRecord): NodeEvent {
  const e: NodeEvent = {
    type: "node",
    name: r.name,
    op: r.op,
    inputs: r.inputs,
    control_inputs: r.control_inputs,
    ref_inputs: r.ref_inputs,
    dtype: r.dtype,
    shape: r.shape,
    line: r.line,
    effects: r.effects,
    graph: r.graph,
  };
  if (r.attrs !== undefined) e.attrs = r.attrs;
  return e;
}

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
