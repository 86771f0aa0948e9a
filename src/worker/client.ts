/**
 * The page's side of the program worker. Starts runs, forwards the worker's batches to the
 * store (dropping stale runs'), and stops runs by terminating the worker: a fresh one is
 * created at once, so the next Run starts without waiting for a worker to boot.
 */
import { applyBatch, runStarted, runStopped, useStore } from "../store";
import { freshSeed } from "../runner/seeded_random";
import { isFromWorker, type ToWorker } from "./protocol";
import { BatchCoalescer } from "./coalesce";

/** What the client needs from a Worker (a fake in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type WorkerFactory = () => WorkerLike;

export class ProgramClient {
  private worker: WorkerLike;
  private nextRunId = 1;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly batches = new BatchCoalescer({
    apply: (m) => {
      if (applyBatch(m) && m.batch.final) this.clearTimer();
    },
    now: () => performance.now(),
    schedule: (fn, ms) => setTimeout(fn, ms),
    cancel: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  });

  constructor(private readonly makeWorker: WorkerFactory) {
    this.worker = this.spawn();
  }

  private spawn(): WorkerLike {
    const w = this.makeWorker();
    w.onmessage = (event) => {
      const m: unknown = event.data;
      if (!isFromWorker(m)) return;
      this.batches.push(m);
    };
    w.onerror = (event) => {
      // A worker that failed to load or crashed: the run cannot finish, so it is stopped.
      const runId = useStore.getState().program.runId;
      this.stop(`The program worker failed: ${event.message || "unknown error"}`, runId);
    };
    return w;
  }

  /** Runs `source`; a run in progress is stopped first. Returns the new run id. */
  run(source: string, seed: number | null, timeLimitSec: number): number {
    if (useStore.getState().program.status === "running") this.stop("Stopped by a new run");
    const runId = this.nextRunId++;
    const s = seed ?? freshSeed();
    this.batches.reset();
    runStarted(runId, s);
    this.worker.postMessage({ type: "start", runId, source, seed: s });
    this.clearTimer();
    if (timeLimitSec > 0) {
      this.timer = setTimeout(() => this.stop(`Stopped after the time limit of ${timeLimitSec} s`, runId), timeLimitSec * 1000);
    }
    return runId;
  }

  /**
   * Stops the current run: terminate the worker (the only way to stop a synchronous loop) and
   * start a fresh one. What the run sent so far stays in the store.
   */
  stop(reason = "Stopped", runId = useStore.getState().program.runId): void {
    if (runId !== useStore.getState().program.runId) return;
    this.clearTimer();
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    this.worker = this.spawn();
    this.batches.flush();
    runStopped(runId, reason);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  dispose(): void {
    this.clearTimer();
    this.worker.terminate();
  }
}

let client: ProgramClient | null = null;

/** The app's client, with a real module worker. */
export function programClient(): ProgramClient {
  client ??= new ProgramClient(
    () => new Worker(new URL("./program.worker.ts", import.meta.url), { type: "module", name: "program" }) as unknown as WorkerLike,
  );
  return client;
}
