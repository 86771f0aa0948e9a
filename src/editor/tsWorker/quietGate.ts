/**
 * Lets the editor's background type checks wait while a program starts and runs.
 *
 * A check of a fresh text keeps the TypeScript worker busy for about a second of CPU. On a
 * two-core machine, with the program's worker on one core, that check and the page share the
 * other: the page's first frames of a run (the first batch, the graph's first drawing) then
 * took two to three times longer, up to 120 ms. Checks wait instead, for at most `maxWaitMs`
 * from the start of the run, so a long program still gets its squiggles.
 *
 * The page tells the worker over a BroadcastChannel named by `quietChannelName` (the page's own
 * id travels in the worker's name, so another tab's runs do not pause this tab's checks).
 */

/** The message the page posts on the channel. */
export interface QuietMessage {
  busy: boolean;
}

/** How long a check waits at most for a running program, from the run's start. */
export const QUIET_MAX_WAIT_MS = 2000;

/** Prefix of the TypeScript worker's name; the rest is the page's id. */
export const WORKER_NAME_PREFIX = "tf-ts:";

/** The channel between a page and its TypeScript worker. */
export function quietChannelName(pageId: string): string {
  return `tf-playground:quiet:${pageId}`;
}

export function isQuietMessage(data: unknown): data is QuietMessage {
  return typeof data === "object" && data !== null && typeof (data as QuietMessage).busy === "boolean";
}

/**
 * A gate that is open unless the page is busy, and opens by itself `maxWaitMs` after the page
 * became busy.
 * @example
 * const gate = new QuietGate(2000);
 * gate.set(true);            // a program started
 * await gate.wait();         // resolves when it ends, or 2 s after it started
 */
export class QuietGate {
  private busySince: number | null = null;
  private waiters: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly maxWaitMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whether a check asked now would wait. */
  get closed(): boolean {
    return this.busySince !== null && this.now() - this.busySince < this.maxWaitMs;
  }

  set(busy: boolean): void {
    if (!busy) {
      this.busySince = null;
      this.release();
      return;
    }
    // A new run restarts the clock: its first frames are the ones worth keeping short.
    this.busySince = this.now();
    this.arm();
  }

  /** Resolves at once when open; otherwise when the page is done or the wait is up. */
  wait(): Promise<void> {
    if (!this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.arm();
    });
  }

  private arm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.busySince === null) return;
    const left = Math.max(0, this.busySince + this.maxWaitMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.release();
    }, left);
  }

  private release(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const waiting = this.waiters;
    this.waiters = [];
    for (const resolve of waiting) resolve();
  }
}
