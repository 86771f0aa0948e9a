/**
 * Messages between the page and the program worker: a closed union of plain data, each
 * carrying the run id it belongs to, so the page can drop a stale run's messages.
 *
 * Page → worker: `start` (one per worker in practice: Stop terminates the worker).
 * Worker → page: `batch` (≤ about one per animation frame while the program runs), then
 * exactly one `end` (or none, if the page terminates the worker first).
 */
import type { DiagnosticEvent, EndEvent, NodeEvent } from "../runner/events";
import type { PathAggregate, RunEntry } from "../store/runs";

/** Page → worker: run this program. */
export interface StartMessage {
  type: "start";
  runId: number;
  source: string;
  seed: number | null;
}

export type ToWorker = StartMessage;

/** Which stream a console line came from. */
export type ConsoleKind = "stdout" | "stderr" | "error";

/** One line of program output, numbered from 0 over the whole program run. */
export interface ConsoleLine {
  n: number;
  kind: ConsoleKind;
  text: string;
}

/** One scalar fetch's values over the runs, downsampled: xs are run indices. */
export interface ScalarSeries {
  /** `${line}:${tensor}` — one series per fetched scalar tensor and sess.run line. */
  key: string;
  tensor: string;
  line: number | null;
  xs: number[];
  ys: number[];
}

/** Worker → page: what happened since the previous batch. */
export interface BatchMessage {
  type: "batch";
  runId: number;
  nodes: NodeEvent[];
  /** Full records of runs in the head (index < HEAD_RUNS), in order. */
  runs: RunEntry[];
  /** Total runs so far. */
  runCount: number;
  /** The newest run, when it is past the head (for live highlighting). */
  latest: RunEntry | null;
  /** Current aggregates of the runs past the head, or null if unchanged. */
  middle: PathAggregate[] | null;
  /** New console lines. Lines skipped (they fell between head and tail) are not sent. */
  lines: ConsoleLine[];
  diagnostics: DiagnosticEvent[];
  /** Points appended to scalar series since the last batch (same keys accumulate). */
  scalars: ScalarSeries[];
}

/** Worker → page: the program ended; the final summary of its runs. */
export interface EndMessage {
  type: "end";
  runId: number;
  end: EndEvent;
  /** The last runs in full (tail[0].index = tailStart). */
  tail: RunEntry[];
  tailStart: number;
  middle: PathAggregate[];
  /** Complete downsampled scalar series (replace what batches accumulated). */
  series: ScalarSeries[];
  /** Total console lines the program wrote. */
  lineCount: number;
}

export type FromWorker = BatchMessage | EndMessage;

/** True for a message of the known union (the page ignores anything else). */
export function isFromWorker(data: unknown): data is FromWorker {
  if (typeof data !== "object" || data === null) return false;
  const m = data as { type?: unknown; runId?: unknown };
  return (m.type === "batch" || m.type === "end") && typeof m.runId === "number";
}
