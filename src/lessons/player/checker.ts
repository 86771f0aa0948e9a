/**
 * The page's side of the lesson-check worker. One check at a time: a new check, or `cancel`,
 * terminates the worker (the only way to stop a program stuck in a loop) and starts a fresh
 * one, like the program client does.
 */
import type { TaskChecks } from "../run_checks";
import { isCheckReply, type CheckReply, type CheckRequest } from "./check_protocol";

export interface CheckWorkerLike {
  postMessage(message: CheckRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

export class LessonChecker {
  private worker: CheckWorkerLike | null = null;
  private busy = false;
  private nextId = 1;
  private pending: { id: number; resolve: (reply: CheckReply | null) => void } | null = null;

  constructor(private readonly makeWorker: () => CheckWorkerLike) {}

  /**
   * Runs `source` with `seed` and checks the tasks. Resolves with the reply, or with null if
   * the check was cancelled or replaced by a newer one.
   */
  check(source: string, seed: number, tasks: TaskChecks[]): Promise<CheckReply | null> {
    this.cancel();
    const id = this.nextId++;
    const worker = this.ready();
    this.busy = true;
    return new Promise((resolve) => {
      this.pending = { id, resolve };
      worker.postMessage({ type: "check", id, source, seed, tasks });
    });
  }

  /** Stops the check in progress, if any (its promise resolves with null). */
  cancel(): void {
    if (this.busy && this.worker) {
      this.worker.onmessage = null;
      this.worker.terminate();
      this.worker = null;
    }
    this.busy = false;
    this.pending?.resolve(null);
    this.pending = null;
  }

  private ready(): CheckWorkerLike {
    if (this.worker) return this.worker;
    const w = this.makeWorker();
    w.onmessage = (event) => {
      const m: unknown = event.data;
      if (!isCheckReply(m) || this.pending?.id !== m.id) return;
      this.busy = false;
      const { resolve } = this.pending;
      this.pending = null;
      resolve(m);
    };
    this.worker = w;
    return w;
  }

  dispose(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = null;
  }
}

let checker: LessonChecker | null = null;

/** The app's checker, with a real module worker. */
export function lessonChecker(): LessonChecker {
  checker ??= new LessonChecker(() => new Worker(new URL("./check.worker.ts", import.meta.url), { type: "module", name: "lesson-checks" }) as unknown as CheckWorkerLike);
  return checker;
}
