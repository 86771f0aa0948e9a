/**
 * Contenders measured in worker threads, one per contender (see bench/contender.ts for why).
 */
import { Worker } from "node:worker_threads";
import type { ContenderName } from "../contender";

/** A contender's worker: `rate(steps)` measures once, `close()` ends the worker. */
export interface Isolated {
  rate(steps: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts the worker of contender `name` (bench/.out/contender.mjs, built next to the bench).
 * @example
 * const app = isolated("appTutorial");
 * const stepsPerSecond = await app.rate(200_000);
 */
export function isolated(name: ContenderName): Isolated {
  const worker = new Worker(new URL("./contender.mjs", import.meta.url), { workerData: { name } });
  worker.unref();
  return {
    rate: (steps) =>
      new Promise((resolve, reject) => {
        const onError = (e: Error) => reject(e);
        worker.once("error", onError);
        worker.once("message", (m: { rate?: number; error?: string }) => {
          worker.off("error", onError);
          if (m.error !== undefined) reject(new Error(`bench: ${name} failed: ${m.error}`));
          else resolve(m.rate!);
        });
        worker.postMessage(steps);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
