/**
 * The page's side of the lesson-check worker. Like the program client, every check gets a
 * fresh worker (nothing a program patched, scheduled or listened for survives into the next
 * check), a spare is prepared in the background, and a check that runs longer than the time
 * limit is stopped: its tasks fail with a message saying so. A new check, or `cancel`,
 * terminates the check in progress. Replies are checked against the protocol's closed schema.
 */
import { prepareSandbox, sandboxedWorker, type WorkerLike } from "../../worker/sandbox/frame";
import type { TaskChecks } from "../run_checks";
import { parseCheckReply, type CheckReply, type CheckRequest } from "./check_protocol";
import checkWorkerUrl from "./check.worker?worker&url";

export type CheckWorkerLike = Pick<WorkerLike<CheckRequest>, "postMessage" | "terminate" | "onmessage"> & Partial<Pick<WorkerLike<CheckRequest>, "onerror">>;

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

  constructor(private readonly makeWorker: () => CheckWorkerLike) {}

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
      worker.onmessage = (event) => {
        if (this.pending !== pending) return;
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
      if (timeLimitSec > 0) {
        pending.timer = setTimeout(() => {
          if (this.pending === pending) this.settle(pending, failedReply(id, tasks, seed, `The check stopped the program after the time limit of ${timeLimitSec} s`));
        }, timeLimitSec * 1000);
      }
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

let checker: LessonChecker | null = null;

/** The app's checker: each check in a fresh module worker inside the program sandbox. */
export function lessonChecker(): LessonChecker {
  if (checker === null) {
    prepareSandbox(checkWorkerUrl);
    checker = new LessonChecker(() => sandboxedWorker<CheckRequest>(checkWorkerUrl, "lesson-checks"));
  }
  return checker;
}
