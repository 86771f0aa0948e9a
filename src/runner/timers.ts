/**
 * `setTimeout` and friends for the learner's program, tied to the program's lifetime: a
 * callback's error is reported as the program's error instead of escaping into the worker (or
 * killing the CLI), and every pending timer is cancelled when the program ends, so nothing the
 * program scheduled can print after its end event.
 */

/** The timer functions a program sees, plus the runner's handle on them. */
export interface ProgramTimers {
  setTimeout(callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): number;
  setInterval(callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): number;
  clearTimeout(id: number | undefined): void;
  clearInterval(id: number | undefined): void;
  /** Cancels every pending timer (called once the program has ended). */
  dispose(): void;
}

/**
 * @param onError receives an error thrown by a callback
 */
export function programTimers(onError: (error: unknown) => void): ProgramTimers {
  // Ids are ours: the host's handles are numbers in a worker but objects in Node.
  const pending = new Map<number, { handle: unknown; repeat: boolean }>();
  let nextId = 1;
  let disposed = false;

  const schedule = (repeat: boolean, callback: (...args: unknown[]) => void, ms: number | undefined, args: unknown[]): number => {
    if (typeof callback !== "function") throw new TypeError(`The "callback" argument must be of type function. Received ${String(callback)}`);
    const id = nextId++;
    if (disposed) return id;
    const fire = () => {
      if (!repeat) pending.delete(id);
      try {
        callback(...args);
      } catch (error) {
        onError(error);
      }
    };
    const handle = repeat ? globalThis.setInterval(fire, ms) : globalThis.setTimeout(fire, ms);
    pending.set(id, { handle, repeat });
    return id;
  };

  const clear = (id: number | undefined): void => {
    if (id === undefined) return;
    const t = pending.get(id);
    if (!t) return;
    pending.delete(id);
    if (t.repeat) globalThis.clearInterval(t.handle as ReturnType<typeof setInterval>);
    else globalThis.clearTimeout(t.handle as ReturnType<typeof setTimeout>);
  };

  return {
    setTimeout: (callback, ms, ...args) => schedule(false, callback, ms, args),
    setInterval: (callback, ms, ...args) => schedule(true, callback, ms, args),
    clearTimeout: clear,
    clearInterval: clear,
    dispose(): void {
      disposed = true;
      for (const id of [...pending.keys()]) clear(id);
    },
  };
}
