/**
 * The worker's message handler, free of worker globals: it takes `post`, the clock and the
 * runner as parameters, so Vitest drives it in Node and its messages can be recorded.
 */
import type { EngineFiles } from "../../engine";
import type { EndEvent, ProgramEvent, ValuesMode } from "../runner/events";
import { EventBatcher } from "./batcher";
import type { FromWorker, ToWorker } from "./protocol";
import { workerFiles } from "./files_port";

/** The runner's entry point, as the worker calls it (`runProgram` of src/runner). */
export type RunProgram = (
  source: string,
  options: {
    seed: number;
    emit: (event: ProgramEvent) => void;
    values?: ValuesMode;
    onLoopTick?: (line: number | null) => void;
    buildOnly?: boolean;
    files?: EngineFiles;
  },
) => unknown;

export interface HandlerDeps {
  post(message: FromWorker): void;
  run: RunProgram;
  now(): number;
  schedule?(fn: () => void, ms: number): void;
}

/** Returns the function to call with each message from the page. */
export function createHandler(d: HandlerDeps): (message: ToWorker) => Promise<void> {
  return async (message) => {
    if (message.type !== "start") return;
    const batcher = new EventBatcher({ runId: message.runId, post: d.post, now: d.now, schedule: d.schedule });
    let ended = false;
    const emit = (e: ProgramEvent) => {
      if (e.type === "end") ended = true;
      batcher.push(e);
    };
    let failure: unknown = null;
    try {
      // Fetched values feed the scalar chart (the loss over the steps); every tensor's value
      // of the kept runs feeds the graph's value badges and the step-through.
      const buildOnly = message.buildOnly === true;
      // What the program writes goes to the page at once (the page stores it), not in batches.
      const runId = message.runId;
      const files = workerFiles(message.files ?? [], (path, data) => d.post({ type: "file", runId, path, data }));
      await d.run(message.source, { seed: message.seed, emit, values: buildOnly ? "none" : "kept", onLoopTick: batcher.tick, buildOnly, files });
    } catch (error) {
      failure = error;
    }
    if (ended) return;
    // runProgram always ends with an end event; reaching here is a failure of the runner
    // itself, which the page must still see as the end of the run.
    const end: EndEvent = failure === null
      ? { type: "end", ok: true, seed: message.seed }
      : { type: "end", ok: false, seed: message.seed, error: { type: "InternalError", message: `the playground failed to run the program: ${describeError(failure)}` } };
    emit(end);
  };
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
