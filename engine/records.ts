/**
 * Plain-data records the engine hands to its caller: one when a node is created, one per
 * `sess.run`. The engine never does I/O; the runner turns these into trace events.
 */

/** Kinds of side effect an op can have when it runs. */
export type EffectKind = "assign" | "print" | "random" | "update" | "init" | "save" | "restore" | "summary" | "iterator" | "queue";

/** A small, serializable view of a value: the scalar itself, or the head of an array. */
export type ValueSummary = number | boolean | string | null | ArraySummary;

/** The first elements of an array value, enough to show it in a tooltip. */
export interface ArraySummary {
  dtype: string;
  shape: number[];
  /** The first few elements, flattened. */
  head: (number | boolean | string)[];
  size: number;
}

/** Emitted once per op, when the op is added to a graph. */
export interface NodeRecord {
  /** Always "node": the record doubles as the runner's node event. */
  type: "node";
  /** Graph id (0 for the first graph the program uses). */
  graph: number;
  name: string;
  /** TF op type, e.g. `Add`, `VariableV2`. */
  op: string;
  /** Tensor names read (data inputs). */
  inputs: string[];
  /** Op names this op waits for. */
  control_inputs: string[];
  /** Tensor names written, not read (the variable an Assign writes). */
  ref_inputs: string[];
  /** Dtype of output 0 (`float32_ref` for a variable), or null for ops without outputs. */
  dtype: string | null;
  /** Static shape of output 0 as TF prints it (`(?, 3)`, `<unknown>`), or null. */
  shape: string | null;
  /** Learner's source line that created the op. */
  line: number | null;
  /** Declared side effects of the op type. */
  effects: string[];
  /** Key attributes for display (e.g. a Const's value summary, a Print's message). */
  attrs?: Record<string, unknown>;
  /**
   * The control-flow contexts the op was created in, outermost first (absent outside any): a
   * `tf.cond` branch, a `tf.while_loop` body.
   */
  flow?: FlowContextRecord[];
  /** The device `tf.device` asked for, normalized as TF does (`/device:GPU:0`); absent when none. */
  device?: string;
}

/** A control-flow context an op belongs to (TF's CondContext / WhileContext). */
export interface FlowContextRecord {
  /** `cond`: a branch of a `tf.cond`; `while`: the body (and condition) of a `tf.while_loop`. */
  kind: "cond" | "while";
  /** TF's context name: `cond/cond_text` (true branch), `cond/cond_text_1` (false), `while/while_context`. */
  name: string;
  /** The name scope of the construct (`cond`, `while`, `gradients/while`): the box drawn around it. */
  scope: string;
  /** For a cond branch: 1 for `true_fn`'s ops, 0 for `false_fn`'s. */
  branch?: 0 | 1;
}

/** One side effect that fired during a run. */
export interface SideEffectRecord {
  /** Name of the op that fired. */
  op: string;
  kind: EffectKind;
  /** The variable written, for assign/update effects. */
  target?: string;
  before?: ValueSummary;
  after?: ValueSummary;
  /**
   * Printed text, for print effects; the file written or read, for save and restore effects;
   * `scalar` or `histogram` for summary effects (whose `target` is the tag, `after` a scalar's value).
   */
  text?: string;
}

/** Where and why a run failed. */
export interface RunErrorRecord {
  /** Error class name, e.g. `InvalidArgumentError`. */
  type: string;
  message: string;
  /** The failing op (the culprit), if any. */
  op: string | null;
  /** Op names from a fetch down to the culprit. */
  path: string[];
  /** Line that created the culprit op. */
  line: number | null;
}

/** Emitted once per `sess.run` (also when it fails). */
export interface RunRecord {
  /** Always "run": the record doubles as the runner's run event without being copied. */
  type: "run";
  /** 0-based index over all runs of the program. */
  index: number;
  /** Session id (0 for the first session of the program). */
  session: number;
  /** Graph id of the session. */
  graph: number;
  /** Learner's line of the `sess.run` call. */
  line: number | null;
  /** Id of the cached plan: runs with the same plan id have the same fetches, feeds and path. */
  plan: number;
  /** Fetched tensor and op names (shared with the plan: do not mutate). */
  fetches: string[];
  /** Fed tensor names (shared with the plan: do not mutate). */
  feeds: string[];
  /** Op names in execution order (shared with the plan: do not mutate). */
  path: string[];
  side_effects: SideEffectRecord[];
  ok: boolean;
  error?: RunErrorRecord;
  /** Tensor name → value summary, when the listener attaches them (the runner's "values"). */
  values?: Record<string, ValueSummary>;
  /**
   * Only for a run with control flow: the ops of the plan that did not run because their input
   * was dead (the branch of a `tf.cond` not taken, the body of a loop that never iterated), in
   * plan order. `path` then lists only the ops that ran.
   */
  dead?: string[];
  /**
   * Only for a run with control flow: outputs of ops that ran yet left that output without a
   * value (a Switch sends its input down one side; the other output is dead), in plan order. It
   * tells which branch of a `tf.cond` ran when a branch only passes an outside tensor through.
   */
  dead_outputs?: string[];
  /** Only for a run with while loops: each loop frame that was entered, with its iteration count. */
  loops?: LoopRecord[];
  /**
   * Only for a run with while loops, when the listener asked for it (EngineHooks.traceLoops):
   * every op visit in execution order, a loop's body once per iteration (see TraceVisit).
   */
  trace?: TraceVisit[];
  /** Visits inside loops left out of `trace` (it lists at most 500 of them). */
  trace_dropped?: number;
}

/** One op visit in a run's trace. */
export interface TraceVisit {
  op: string;
  /** The loop frame the visit ran in (`while/while_context`), absent outside loops. */
  frame?: string;
  /**
   * Which pass of its loop (0-based): passes 0 … n−1 run the body, pass n (n = the loop's
   * iterations) finds the condition false and leaves. Absent outside loops.
   */
  iteration?: number;
  /** The op's first output at this visit (absent for an op without one, or a variable's). */
  value?: ValueSummary;
}

/** How a `tf.while_loop` ran in one `sess.run`. */
export interface LoopRecord {
  /** TF's frame name (the loop's Enters' `frame_name`): `while/while_context`. */
  frame: string;
  /** Iterations of the body, summed over the times the loop was entered (a nested loop is entered once per outer iteration). */
  iterations: number;
  /** How many times the loop was entered. */
  entered: number;
}

/**
 * Access to a run's live values while the run listener runs. The buffers are reused by the
 * next run, so summaries must be taken inside the listener.
 */
export interface RunLive {
  /** Summaries of every tensor the run produced or was fed, by tensor name. */
  summarize(): Record<string, ValueSummary>;
  /** Summaries of the fetched and the fed tensors' values, by tensor name (ops have none). */
  fetched(): Record<string, ValueSummary>;
  /** Summary of one tensor's value in this run, or undefined if it did not run. */
  valueOf(tensorName: string): ValueSummary | undefined;
  /**
   * The session's memory after the run: every variable the session has touched, by variable
   * op name, with its value summary (null while uninitialized).
   */
  variables(): Record<string, ValueSummary | null>;
}

/**
 * A value a `tf.summary.FileWriter` wrote (`add_summary`): what TensorBoard would show under
 * its tag. Emitted once per value; doubles as the runner's summary event.
 */
export interface SummaryRecord {
  type: "summary";
  /** The writer's log directory. */
  logdir: string;
  tag: string;
  /** The global step given to add_summary (0 without one, as TF writes it). */
  step: number;
  /** A scalar's value; null for a histogram. */
  value: number | null;
  /** A histogram's count, range and mean; absent for a scalar. */
  histogram?: { num: number; min: number; max: number; mean: number };
}
