/**
 * The page's side of the program worker.
 *
 * Every run gets a fresh worker, so nothing one program leaves behind (a patched prototype,
 * a listener, a timer, a global) exists in the next: a worker runs one program and is
 * terminated when the program ends or is stopped. Run stays instant because a spare worker is
 * prepared in the background (at start-up and after each run), never while a program runs.
 *
 * The client trusts no message: each one is checked against the protocol's closed schema
 * (protocol.ts) and must carry the run id the page gave that worker; anything else is dropped
 * and reported once per run in the console.
 */
import { applyBatch, reportProtocolError, runStarted, runStopped } from "../store";
import { freshSeed } from "../runner/seeded_random";
import { parseFromWorker, type ToWorker } from "./protocol";
import { BatchCoalescer } from "./coalesce";
import { prepareSandbox, sandboxedWorker, type WorkerLike } from "./sandbox/frame";
import programWorkerUrl from "./program.worker?worker&url";
import { noteRunEnded, noteRunStarted } from "./crashGuard";
import { filesForRun, loadFiles, programWroteFile } from "../files/files";

export type { WorkerLike } from "./sandbox/frame";
export type WorkerFactory = () => WorkerLike<ToWorker>;

/** The run in progress and the worker that runs it (one worker, one run). */
interface ActiveRun {
  runId: number;
  worker: WorkerLike<ToWorker>;
  timer: ReturnType<typeof setTimeout> | null;
  /** The learner's line the program was last reported at (the worker's heartbeat). */
  line: number | null;
  /** Whether a malformed message was reported already. */
  reported: boolean;
  /** The time limit still to start (limitFromStart), in seconds; 0 when started or none. */
  pendingLimit: number;
  /** Whether the worker has posted anything yet. */
  heard: boolean;
  /** The page's end of the channel the worker posts on (protocol.ts StartMessage.port), if any. */
  port: MessagePort | null;
}

/** Run ids are unique across clients (TypeScript and Python share the store). */
let nextRunId = 1;

export class ProgramClient {
  private spare: WorkerLike<ToWorker> | null = null;
  private active: ActiveRun | null = null;
  private readonly batches = new BatchCoalescer({
    apply: (m) => {
      if (applyBatch(m) && m.batch.final && this.active?.runId === m.runId) this.finish(this.active);
    },
    now: () => performance.now(),
    schedule: (fn, ms) => setTimeout(fn, ms),
    cancel: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  });

  /**
   * @param limitFromStart start the time limit when the worker first reports (the Python
   *   worker does once Python has booted), not when Run is clicked: booting is not the program's time
   * @param readiness told when a run waits for its worker to be ready, and when it is (or
   *   stopped); `booted` when the run's worker says it booted (Python: a `booted` message)
   */
  constructor(
    private readonly makeWorker: WorkerFactory,
    private readonly limitFromStart = false,
    private readonly readiness: { waiting?(): void; ready?(): void; booted?(): void } = {},
  ) {}

  /** Prepares the spare worker the next Run will use (no-op if there is one). */
  prepare(): void {
    if (this.spare === null && this.active === null) this.spare = this.makeWorker();
  }

  /** Runs `source` in a fresh worker; a run in progress is stopped first. Returns the new run id. */
  run(source: string, seed: number | null, timeLimitSec: number): number {
    if (this.active) this.stopRun(this.active, "Stopped by a new run");
    const runId = nextRunId++;
    const s = seed ?? freshSeed();
    const worker = this.spare ?? this.makeWorker();
    this.spare = null;
    // The worker posts on a channel made here, so its messages arrive as the page's objects
    // (not the sandbox frame's, which would be copied once more); what it posts to itself
    // (the Python worker) arrives through onmessage.
    const channel = typeof MessageChannel === "function" ? new MessageChannel() : null;
    const run: ActiveRun = { runId, worker, timer: null, line: null, reported: false, pendingLimit: this.limitFromStart ? timeLimitSec : 0, heard: false, port: channel?.port1 ?? null };
    worker.onmessage = (event) => this.receive(run, event.data);
    if (channel !== null) channel.port1.onmessage = (event) => this.receive(run, event.data);
    worker.onerror = (event) => {
      // A worker that failed to load or crashed cannot finish its run.
      event.preventDefault?.();
      this.stopRun(run, `The program worker failed: ${event.message || "unknown error"}`);
    };
    this.active = run;
    noteRunStarted(source);
    this.batches.reset();
    runStarted(runId, s, Date.now(), source);
    // The run starts with the stored files: read once at start-up, which a Run right after
    // loading the page waits for.
    void loadFiles().then(() => {
      if (this.active !== run) return;
      const start = { type: "start" as const, runId, source, seed: s, files: filesForRun() };
      if (channel === null) worker.postMessage(start);
      else worker.postMessage({ ...start, port: channel.port2 }, [channel.port2]);
    });
    if (timeLimitSec > 0 && !this.limitFromStart) this.startLimit(run, timeLimitSec);
    if (this.limitFromStart) this.readiness.waiting?.();
    return runId;
  }

  /**
   * Handles `data` as if the worker of the run in progress had posted it: end-to-end tests
   * check that the page drops forged and malformed messages.
   */
  receiveAsWorker(data: unknown): void {
    if (this.active) this.receive(this.active, data);
  }

  private receive(run: ActiveRun, data: unknown): void {
    if (this.active !== run) return;
    const parsed = parseFromWorker(data, run.runId);
    if (!parsed.ok) {
      if (!run.reported) reportProtocolError(run.runId, parsed.error);
      run.reported = true;
      // A worker sends nothing after its final batch: dropping that one would leave the run
      // "running" until the time limit, so the run ends here, saying why.
      if (claimsFinal(data)) this.stopRun(run, "The run ended, but the page could not read its last message");
      return;
    }
    const m = parsed.message;
    if (m.type === "booted") {
      // Not the program's yet: its time limit starts with the worker's first word about it.
      this.readiness.booted?.();
      return;
    }
    if (this.limitFromStart && !run.heard) this.readiness.ready?.();
    run.heard = true;
    if (run.pendingLimit > 0) {
      this.startLimit(run, run.pendingLimit);
      run.pendingLimit = 0;
    }
    if (m.type === "file") {
      programWroteFile(m.path, m.data);
      return;
    }
    if (m.line !== null) run.line = m.line;
    if (m.type === "batch") this.batches.push(m);
  }

  private startLimit(run: ActiveRun, sec: number): void {
    run.timer = setTimeout(() => this.stopRun(run, `Stopped after the time limit of ${sec} s`), sec * 1000);
  }

  /** The program ended: its worker is spent (terminated), and a spare is prepared. */
  private finish(run: ActiveRun): void {
    if (run.timer !== null) clearTimeout(run.timer);
    run.worker.onmessage = null;
    run.worker.onerror = null;
    run.worker.terminate();
    if (run.port !== null) {
      run.port.onmessage = null;
      run.port.close();
    }
    this.active = null;
    noteRunEnded();
    // Not in this task: it also applies the program's last batch (a big graph's), and starting
    // a worker takes the main thread a while.
    if (typeof requestIdleCallback === "function") requestIdleCallback(() => this.prepare(), { timeout: 500 });
    else setTimeout(() => this.prepare(), 0);
  }

  /** Whether a program of this client is running. */
  get running(): boolean {
    return this.active !== null;
  }

  /**
   * Stops the current run: terminates its worker (the only way to stop a synchronous loop).
   * What the run sent so far stays, and the stop says where the program was.
   */
  stop(reason = "Stopped"): void {
    if (this.active) this.stopRun(this.active, reason);
  }

  private stopRun(run: ActiveRun, reason: string): void {
    if (this.active !== run) return;
    if (this.limitFromStart && !run.heard) this.readiness.ready?.();
    this.finish(run);
    this.batches.flush();
    runStopped(run.runId, run.line === null ? reason : `${reason} at line ${run.line}`);
  }

  dispose(): void {
    if (this.active) this.finish(this.active);
    this.spare?.terminate();
    this.spare = null;
  }
}

/** Whether a message that failed the schema still says it is a run's final batch. */
function claimsFinal(data: unknown): boolean {
  if (typeof data !== "object" || data === null) return false;
  const batch = (data as { batch?: unknown }).batch;
  return typeof batch === "object" && batch !== null && (batch as { final?: unknown }).final === true;
}

let client: ProgramClient | null = null;

/** The app's client: each run in a fresh module worker inside the program sandbox. */
export function programClient(): ProgramClient {
  client ??= new ProgramClient(() => sandboxedWorker<ToWorker>(programWorkerUrl, "program"));
  return client;
}

/** Fetches the worker's code and boots the first spare once the page is idle. */
export function warmUpProgramClient(): void {
  prepareSandbox(programWorkerUrl);
  const boot = () => programClient().prepare();
  if (typeof requestIdleCallback === "function") requestIdleCallback(boot, { timeout: 1000 });
  else setTimeout(boot, 200);
}
