/**
 * Messages between the page and the program worker: a closed union of plain data, each
 * carrying the run id it belongs to, so the page can drop a stale run's messages.
 *
 * Page → worker: `start` (one per worker in practice: Stop terminates the worker).
 * Worker → page: `batch`, ≤ about one per animation frame while the program runs; the last
 * one (`batch.final`) contains the program's end event.
 *
 * A batch is the runner's SummaryBatch (src/runner/summarize.ts): the loop summarizer's view
 * of the stream — the first/last 1,000 runs in full, per-path aggregates in between,
 * downsampled scalar series, the first 1,000 / last 5,000 console lines. Run events kept in
 * full also carry the session's memory after the run (`memory`).
 */
import type { SummaryBatch } from "../runner/summarize";

/** Page → worker: run this program. */
export interface StartMessage {
  type: "start";
  runId: number;
  source: string;
  seed: number;
}

export type ToWorker = StartMessage;

/** Worker → page: what the program did since the previous batch. */
export interface BatchMessage {
  type: "batch";
  runId: number;
  batch: SummaryBatch;
}

export type FromWorker = BatchMessage;

/** True for a message of the known union (the page ignores anything else). */
export function isFromWorker(data: unknown): data is FromWorker {
  if (typeof data !== "object" || data === null) return false;
  const m = data as { type?: unknown; runId?: unknown; batch?: unknown };
  return m.type === "batch" && typeof m.runId === "number" && typeof m.batch === "object" && m.batch !== null;
}
