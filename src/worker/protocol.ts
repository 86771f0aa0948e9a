/**
 * Messages between the page and the program worker: a closed union of plain data, each
 * carrying the run id the page gave the worker.
 *
 * Page → worker: `start` (one per worker: every run gets a fresh worker, see client.ts).
 * Worker → page:
 * - `batch`, about one per animation frame while the program runs (the first events at once);
 *   the last one (`batch.final`) contains the program's end event;
 * - `at`, the learner's line the program is at, a few times a second while it runs without
 *   producing events (a loop), so a Stop or the time limit can say where it was;
 * - `file`, a file the program wrote or deleted (a checkpoint), for the page to store;
 * - `booted` (the Python worker only, without a run id: it may come before `start`): Python is
 *   up and the worker is ready for a program (the page's "Starting Python…" ends).
 *
 * A batch is the runner's SummaryBatch (src/runner/summarize.ts): the loop summarizer's view
 * of the stream — the first/last 1,000 runs in full, per-path aggregates in between,
 * downsampled scalar series, the first 1,000 / last 5,000 console lines. Run events kept in
 * full also carry the session's memory after the run (`memory`).
 *
 * The page trusts nothing it receives: `parseFromWorker` checks a message against the closed
 * schema below before it touches the store (the worker runs the learner's code, which might
 * have found a way to post).
 */
import type { SummaryBatch } from "../runner/summarize";
import { arr, bool, dict, int, lit, nullable, num, obj, oneOf, plainData, str, tagged, type Check } from "./schema";

/** Page → worker: run this program. */
export interface StartMessage {
  type: "start";
  runId: number;
  source: string;
  seed: number;
  /** Build the graph only: stop at the first `sess.run` (the graph pane's preview). */
  buildOnly?: boolean;
  /** The program's files as the page stores them (checkpoints; src/files/). */
  files?: { path: string; data: Uint8Array }[];
  /**
   * Where the worker posts its messages (transferred): the page's end of the channel was made
   * in the page, so a message arrives as the page's own objects. Posted to the worker itself,
   * a message arrives in the sandbox frame's realm and must be copied again (frame.ts), which
   * for a big graph's last batch cost the page more than drawing it.
   */
  port?: MessagePort;
}

/**
 * Page → Python worker, before `start`: what Pyodide needs to boot, from the app's own files
 * (the worker can fetch nothing). The wasm module is compiled once by the page and shared.
 */
export interface BootMessage {
  type: "boot";
  python: PythonAssets;
}

/** Pyodide's compiled CPython and its standard library (python_stdlib.zip). */
export interface PythonAssets {
  wasm: WebAssembly.Module;
  stdlib: ArrayBuffer;
}

export type ToWorker = StartMessage | BootMessage;

/** Worker → page: what the program did since the previous batch. */
export interface BatchMessage {
  type: "batch";
  runId: number;
  batch: SummaryBatch;
  /** The learner's line of the latest event or loop tick, if known. */
  line: number | null;
}

/** Worker → page: the program is at this line (a heartbeat while it produces no events). */
export interface AtMessage {
  type: "at";
  runId: number;
  line: number | null;
}

/**
 * Worker → page: the program wrote a file (`data`) or deleted one (null): the page stores it
 * (the worker has no storage; src/files/files.ts).
 */
export interface FileMessage {
  type: "file";
  runId: number;
  path: string;
  data: Uint8Array | null;
}

/** Python worker → page: Pyodide booted and the playground's modules are in (docs/python.md). */
export interface BootedMessage {
  type: "booted";
}

export type FromWorker = BatchMessage | AtMessage | FileMessage | BootedMessage;

/** The longest path a program may write to. */
export const MAX_PATH = 4096;
/** The largest file a program may write (bytes). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/* ---------- the schema ---------- */

const name = str(10_000);
const names = arr(name);
const line = nullable(int);

const valueSummary: Check = oneOf(
  (v) => (v === null || typeof v === "number" || typeof v === "boolean" ? null : ": expected a value"),
  str(100_000),
  obj({ dtype: name, shape: arr(int, 64), head: arr(oneOf(num, bool, str(10_000)), 10_000), size: int }),
);

const sideEffect = obj(
  { op: name, kind: lit("assign", "print", "random", "update", "init", "save", "restore", "summary", "iterator", "queue") },
  { target: name, before: valueSummary, after: valueSummary, text: str() },
);

const runError = obj({ type: name, message: str(), op: nullable(name), path: names, line });

const runFields = {
  type: lit("run"),
  index: int,
  session: int,
  graph: int,
  line,
  plan: int,
  fetches: names,
  feeds: names,
  path: names,
  side_effects: arr(sideEffect),
  ok: bool,
};
/** A loop frame's iterations in one run (control flow, engine/records.ts LoopRecord). */
const loopRecord = obj({ frame: name, iterations: int, entered: int });
/** One op visit of a run with while loops (engine/records.ts TraceVisit). */
const traceVisit = obj({ op: name }, { frame: name, iteration: int, value: valueSummary });
const runEntry = obj(runFields, {
  error: runError,
  values: dict(valueSummary),
  memory: dict(nullable(valueSummary)),
  dead: names,
  dead_outputs: names,
  loops: arr(loopRecord),
  trace: arr(traceVisit),
  trace_dropped: int,
});

/** The control-flow context an op was made in (a cond branch, a loop body). */
const flowContext = obj({ kind: lit("cond", "while"), name, scope: name }, { branch: lit(0, 1) });

const nodeEvent = obj(
  {
    type: lit("node"),
    graph: int,
    name,
    op: name,
    inputs: names,
    control_inputs: names,
    ref_inputs: names,
    dtype: nullable(name),
    shape: nullable(name),
    line,
    effects: names,
  },
  { attrs: dict(plainData(4), 1000), flow: arr(flowContext, 1000), device: name },
);

const output = (type: "stdout" | "stderr") => obj({ type: lit(type), text: str() });

const programError = obj({ type: name, message: str() }, { line: int });

const item = tagged({
  node: nodeEvent,
  run: runEntry,
  stdout: output("stdout"),
  stderr: output("stderr"),
  diagnostic: obj({
    type: lit("diagnostic"),
    code: lit("print-off-path", "assign-off-path", "ops-in-loop", "variable-after-init", "unfed-placeholder", "uninitialized-variable", "python2-print"),
    message: str(),
    ops: names,
    line,
  }),
  end: obj({ type: lit("end"), ok: bool, seed: int }, { error: programError }),
  omitted: obj({ type: lit("omitted"), what: lit("runs", "lines"), count: int }),
});

const aggregate = obj({
  plan: nullable(int),
  graph: int,
  session: int,
  fetches: names,
  feeds: names,
  path: names,
  count: int,
  ok: int,
  failed: int,
  errors: dict(int),
  first_index: int,
  last_index: int,
  line,
}, { dead: names, dead_outputs: names, loops: arr(loopRecord) });

const series = obj({
  name,
  count: int,
  x: arr(num),
  y: arr(num),
  last: nullable(obj({ x: num, y: num })),
  non_finite: int,
  first_non_finite: nullable(int),
});

const counts = obj({ runs: int, runs_aggregated: int, lines: int, lines_omitted: int, nodes: int, nodes_omitted: int });

const summaryBatch = obj({
  type: lit("batch"),
  items: arr(item),
  aggregates: arr(aggregate),
  series: arr(series),
  counts,
  latest_run: nullable(runEntry),
  recent_lines: arr(oneOf(output("stdout"), output("stderr"))),
  final: bool,
});

/** A file's bytes: a Uint8Array of the page's realm (the sandbox frame's messages are cloned into it). */
const fileBytes: Check = (v) =>
  !(v instanceof Uint8Array) ? ": expected a Uint8Array" : v.length > MAX_FILE_BYTES ? `: a file larger than ${MAX_FILE_BYTES} bytes` : null;

const fromWorker = tagged({
  batch: obj({ type: lit("batch"), runId: int, batch: summaryBatch, line }),
  at: obj({ type: lit("at"), runId: int, line }),
  file: obj({ type: lit("file"), runId: int, path: str(MAX_PATH), data: nullable(fileBytes) }),
  booted: obj({ type: lit("booted") }),
});

export type Parsed = { ok: true; message: FromWorker } | { ok: false; error: string };

/**
 * Checks a message from the program worker: it must fit the protocol's closed schema and carry
 * `runId`, the id the page gave that worker.
 */
export function parseFromWorker(data: unknown, runId: number): Parsed {
  const error = fromWorker(data);
  if (error !== null) return { ok: false, error: `message${error}` };
  const m = data as FromWorker;
  if (m.type === "booted") return { ok: true, message: m };
  if (m.runId !== runId) return { ok: false, error: `message.runId: ${m.runId} is not this worker's run (${runId})` };
  return { ok: true, message: m };
}

/** True for a message of the known union (shape only; parseFromWorker is the full check). */
export function isFromWorker(data: unknown): data is FromWorker {
  return fromWorker(data) === null;
}
