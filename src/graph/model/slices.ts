/**
 * Long computations in slices. A model step over a 10,000-op graph takes tens of milliseconds:
 * written as a generator that yields every STEP + 1 items, it can run at once (runNow: tests,
 * small graphs) or spread over short tasks (runInSlices) so the page never freezes a frame
 * for it.
 */

/** A computation that yields now and then and returns T. */
export type Sliced<T> = Generator<void, T, void>;

/** Yield every STEP + 1 items (a power of two minus one, for a cheap `(i & STEP) === STEP`). */
export const STEP = 511;

/** Runs a sliced computation to its end in this task. */
export function runNow<T>(steps: Sliced<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Cancels a sliced run: its promise then resolves null. */
export interface SliceSignal {
  cancelled: boolean;
}

/** A task that runs after pending input and rendering (MessageChannel: no timer clamping). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Runs a sliced computation in tasks of about `budgetMs` each; resolves with its result, or
 * null when `signal.cancelled` was set meanwhile. `stats.workMs` adds up the time spent in it.
 */
export async function runInSlices<T>(steps: Sliced<T>, budgetMs: number, signal: SliceSignal, stats?: { workMs: number }): Promise<T | null> {
  // Not in the caller's task (a React commit, say): every slice is a task of its own.
  await nextTask();
  for (;;) {
    const t0 = performance.now();
    try {
      for (;;) {
        if (signal.cancelled) return null;
        const r = steps.next();
        if (r.done) return r.value;
        if (performance.now() - t0 >= budgetMs) break;
      }
    } finally {
      if (stats !== undefined) stats.workMs += performance.now() - t0;
    }
    await nextTask();
  }
}
