/**
 * The page's side of the lesson-check worker. Like the program client, every check gets a
 * fresh worker (nothing a program patched, scheduled or listened for survives into the next
 * check), a spare is prepared in the background, and a check that runs longer than the time
 * limit is stopped: its tasks fail with a message saying so. A new check, or `cancel`,
 * terminates the check in progress. Replies are checked against the protocol's closed schema.
 */
import { DeferredWorker, prepareSandbox, sandboxedWorker, type WorkerLike } from "../../worker/sandbox/frame";
import type { LessonLanguage } from "../lesson";
import type { TaskChecks } from "../run_checks";
import { isCheckStarted, parseCheckReply, type CheckReply, type ToCheckWorker } from "./check_protocol";
import checkWorkerUrl from "./check.worker?worker&url";

export type CheckWorkerLike = Pick<WorkerLike<ToCheckWorker>, "postMessage" | "terminate" | "onmessage"> & Partial<Pick<WorkerLike<ToCheckWorker>, "onerror">>;

export interface CheckerOptions {
  /**
   * The worker says when the check starts (`started`: the Python worker, once Python booted),
   * and the time limit runs from then (default: from the request).
   */
  startsLate?: boolean;
}

interface Pending {
  id: number;
  worker: CheckWorkerLike;
  timer: ReturnType<typeof setTimeout> | null;
  resolve(reply: CheckReply | null): void;
}

export class LessonChecker {
  private spare: CheckWorkerLike | null = null;
  private pending: Pending | null = null;
  private nextId = 1;

  constructor(
    private readonly makeWorker: () => CheckWorkerLike,
    private readonly options: CheckerOptions = {},
  ) {}

  /** Boots the worker the next check will use (no-op if there is one or a check runs). */
  prepare(): void {
    if (this.spare === null && this.pending === null) this.spare = this.makeWorker();
  }

  /**
   * Runs `source` with `seed` in a fresh worker and checks the tasks. Resolves with the reply;
   * with every task failed if the program ran past `timeLimitSec` (0: no limit); or with null
   * if the check was cancelled or replaced by a newer one.
   */
  check(source: string, seed: number, tasks: TaskChecks[], timeLimitSec = 0): Promise<CheckReply | null> {
    this.cancel();
    const id = this.nextId++;
    const worker = this.spare ?? this.makeWorker();
    this.spare = null;
    return new Promise((resolve) => {
      const pending: Pending = { id, worker, timer: null, resolve };
      this.pending = pending;
      const startTimer = () => {
        if (timeLimitSec <= 0 || pending.timer !== null) return;
        pending.timer = setTimeout(() => {
          if (this.pending === pending) this.settle(pending, failedReply(id, tasks, seed, `The check stopped the program after the time limit of ${timeLimitSec} s`));
        }, timeLimitSec * 1000);
      };
      worker.onmessage = (event) => {
        if (this.pending !== pending) return;
        if (this.options.startsLate && isCheckStarted(event.data, id)) return startTimer();
        const reply = parseCheckReply(event.data, id);
        if (reply === null) {
          console.warn("Dropped a malformed message from the lesson-check worker");
          return;
        }
        this.settle(pending, reply);
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        if (this.pending === pending) this.settle(pending, failedReply(id, tasks, seed, `The lesson check failed: ${event.message || "unknown error"}`));
      };
      if (!this.options.startsLate) startTimer();
      worker.postMessage({ type: "check", id, source, seed, tasks });
    });
  }

  private settle(p: Pending, reply: CheckReply | null): void {
    if (p.timer !== null) clearTimeout(p.timer);
    p.worker.onmessage = null;
    if (p.worker.onerror !== undefined) p.worker.onerror = null;
    p.worker.terminate();
    this.pending = null;
    p.resolve(reply);
    this.prepare();
  }

  /** Stops the check in progress, if any (its promise resolves with null). */
  cancel(): void {
    if (this.pending) this.settle(this.pending, null);
  }

  dispose(): void {
    this.cancel();
    this.spare?.terminate();
    this.spare = null;
  }
}

/** Every task failed with `why` (a check that could not finish). */
function failedReply(id: number, tasks: readonly TaskChecks[], seed: number, why: string): CheckReply {
  return {
    type: "checked",
    id,
    outcomes: tasks.map((t) => ({ task: t.task, passed: false, failures: [why] })),
    end: { type: "end", ok: false, seed, error: { type: "TimeoutError", message: why } },
  };
}

const checkers: Partial<Record<LessonLanguage, LessonChecker>> = {};

/**
 * The app's checker for programs in `language`: each check in a fresh module worker inside the
 * program sandbox (Python's is booted with Pyodide's files, loaded only when Python is chosen).
 */
export function lessonChecker(language: LessonLanguage = "typescript"): LessonChecker {
  let checker = checkers[language];
  if (checker === undefined) {
    if (language === "typescript") {
      prepareSandbox(checkWorkerUrl);
      checker = new LessonChecker(() => sandboxedWorker<ToCheckWorker>(checkWorkerUrl, "lesson-checks"));
    } else {
      checker = new LessonChecker(() => pythonCheckWorker(), { startsLate: true });
    }
    checkers[language] = checker;
  }
  return checker;
}

/** Stops the check in progress, whatever its language. */
export function cancelLessonChecks(): void {
  for (const c of Object.values(checkers)) c.cancel();
}

/** A Python check worker, loaded with its code (and Pyodide's files) only once Python is used. */
function pythonCheckWorker(): CheckWorkerLike {
  const worker = new DeferredWorker<ToCheckWorker>(async () => {
    const { pythonCheckWorkerUrl, loadPythonAssets } = await import("./python_check_client");
    const w = sandboxedWorker<ToCheckWorker>(pythonCheckWorkerUrl, "python-lesson-checks");
    loadPythonAssets().then(
      (a) => w.postMessage({ type: "boot", python: { wasm: a.wasm, stdlib: a.stdlib.slice(0) } }),
      (error: unknown) => w.onerror?.({ message: `Python could not be loaded: ${error instanceof Error ? error.message : String(error)}` } as ErrorEvent),
    );
    return w;
  });
  return worker;
}
