/**
 * Runs a learner's program exactly as the app's program worker does
 * (src/worker/program.worker.ts): the worker's message handler, with the runner's
 * `runProgram` (transpiler, seeded globals, the engine's run listener → run events with their
 * fetched values) feeding the EventBatcher (the Summarizer, session memory, a post per frame).
 * Only the transport differs: `post` structured-clones each batch, as postMessage would.
 */
import { createHandler } from "../../src/worker/handler";
import type { FromWorker } from "../../src/worker/protocol";
import type { ProgramEvent } from "../../src/runner/events";
import { runProgram, type RunProgramOptions } from "../../src/runner/run_program";

export interface AppRun {
  /** Wall time of the whole program run, in milliseconds. */
  ms: number;
  /** Batches posted to the page. */
  batches: number;
  /** The end event's verdict and error text, if any. */
  ok: boolean;
  error: string | null;
}

/** Observes every event before the worker's batcher does (heap probes); keep it cheap. */
export type EventProbe = (event: ProgramEvent) => void;

/**
 * Runs `source` through the worker's handler and waits for its final batch (`language`: a
 * Python program and the runtime to run it in).
 * @example
 * const { ms } = await runInApp(source, 1);
 */
export async function runInApp(source: string, seed: number, probe: EventProbe | null = null, language: Pick<RunProgramOptions, "language" | "python"> = {}): Promise<AppRun> {
  let batches = 0;
  let end: { ok: boolean; error: string | null } = { ok: false, error: "no end event" };
  const handle = createHandler({
    post: (message: FromWorker) => {
      const copy = structuredClone(message);
      if (copy.type !== "batch") return;
      batches++;
      for (const item of copy.batch.items) {
        if (item.type === "end") end = { ok: item.ok, error: item.error ? `${item.error.type}: ${item.error.message}` : null };
      }
    },
    run: (src, options) => runProgram(src, { ...options, ...language, emit: probe === null ? options.emit : (e) => (probe(e), options.emit(e)) }),
    now: () => performance.now(),
    // No timer: a synchronous program is posted inline; the final batch comes with the end.
  });
  const t0 = performance.now();
  await handle({ type: "start", runId: 1, source, seed });
  const ms = performance.now() - t0;
  return { ms, batches, ...end };
}
