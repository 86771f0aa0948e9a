/**
 * When the editor's TypeScript worker starts. Monaco asks for it as soon as the editor shows
 * code; loading TypeScript (7 MB of script) and checking the first text then kept a core busy
 * for about a second. On a two-core machine, a learner who opened a link and pressed Run at
 * once had that second compete with the program's worker and the page's first frames of the
 * run (tasks of 50-106 ms; with the start deferred, no task over 50 ms in 16 runs of the
 * tutorial's 100,000-step program as `npm run bench:ui` runs it).
 *
 * So the worker starts when the learner works in the editor (focus, hover), or once the page
 * has been left alone for START_WHEN_IDLE_MS and no program is running. Monaco takes a promise
 * of a worker and queues its requests until then.
 */
import { programQuiet, TS_WORKER_NAME } from "./bindings/quietChecks";
import TfTsWorker from "./tsWorker/tfTs.worker?worker";

/** Without the learner in the editor, the worker starts this long after Monaco asked. */
export const START_WHEN_IDLE_MS = 1500;

export interface WorkerStart {
  /** The worker for Monaco's `getWorker`: at once when ready, otherwise later (see above). */
  worker(): Promise<Worker>;
  /** The learner works in the editor: a waiting worker starts now, later ones at once. */
  startNow(): void;
}

/**
 * The start policy, around a way to create the worker and the program-quiet gate.
 * @example
 * const start = workerStart(() => new MyWorker(), gate, 1500);
 * getWorker = () => start.worker();   // Monaco accepts a promise of a worker
 */
export function workerStart(create: () => Worker, quiet: { wait(): Promise<void> }, idleMs: number): WorkerStart {
  /** Set once a worker may start at once (one started before, or the learner is in the editor). */
  let ready = false;
  const waking = new Set<() => void>();
  const make = (): Worker => {
    ready = true;
    return create();
  };
  return {
    worker() {
      if (ready) return Promise.resolve(make());
      return new Promise((resolve) => {
        let done = false;
        const go = (): void => {
          if (done) return;
          done = true;
          waking.delete(go);
          clearTimeout(timer);
          resolve(make());
        };
        const timer = setTimeout(() => void quiet.wait().then(go), idleMs);
        waking.add(go);
      });
    },
    startNow() {
      ready = true;
      for (const go of [...waking]) go();
    },
  };
}

const start = workerStart(() => new TfTsWorker({ name: TS_WORKER_NAME }), programQuiet, START_WHEN_IDLE_MS);

/** Monaco's TypeScript worker (see the module comment for when it starts). */
export const typeScriptWorker = (): Promise<Worker> => start.worker();

/** Called when the learner focuses the editor or hovers over its code. */
export const startTypeScriptNow = (): void => start.startNow();
