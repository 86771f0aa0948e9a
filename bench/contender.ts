/**
 * One benchmark contender in its own worker thread (its own V8 isolate). The app runs a
 * program in a dedicated worker whose run listener is always the same; measured in one shared
 * isolate instead, the engine's hot call sites would also have seen the other contenders'
 * listeners and programs, and V8 would have optimized them for a mix that never happens in
 * the app. The worker lives across rounds, so the warm-up round warms it as the app's worker
 * is warmed by earlier runs.
 */
import { parentPort, workerData } from "node:worker_threads";
import { appTutorialRate, appTutorialSteadyRate, handTutorialRate, tfjsTutorialRate } from "./tutorial";
import { engineTutorialRate } from "./engine_only";
import { appDenseRate, handDenseRate, tfjsDenseRate } from "./dense";
import { appCnnRate, tfjsCnnRate } from "./cnn";
import { appDataRate, tfjsDataRate } from "./data";
import { collectGarbage } from "./lib/stats";

/** What a contender worker can measure: name → steps per second for `steps` steps. */
export const CONTENDERS = {
  appTutorial: (steps: number) => appTutorialRate(steps, false),
  appTutorialPrint: (steps: number) => appTutorialRate(steps, true),
  appTutorialSteady: (steps: number) => appTutorialSteadyRate(steps),
  engineTutorial: (steps: number) => engineTutorialRate(steps, "summarizer"),
  engineTutorialSteady: (steps: number) => engineTutorialRate(steps, "summarizer", Math.floor(steps / 5)),
  bareTutorial: (steps: number) => engineTutorialRate(steps, "none"),
  handTutorial: (steps: number) => handTutorialRate(steps),
  tfjsTutorial: (steps: number) => tfjsTutorialRate(steps),
  appDense: (steps: number) => appDenseRate(steps),
  handDense: (steps: number) => handDenseRate(steps),
  tfjsDense: (steps: number) => tfjsDenseRate(steps),
  appCnn: (steps: number) => appCnnRate(steps),
  tfjsCnn: (steps: number) => tfjsCnnRate(steps),
  appData: (rows: number) => appDataRate(rows),
  tfjsData: (rows: number) => tfjsDataRate(rows),
} satisfies Record<string, (steps: number) => number | Promise<number>>;

export type ContenderName = keyof typeof CONTENDERS;

if (parentPort !== null) {
  const port = parentPort;
  const name = (workerData as { name: ContenderName }).name;
  port.on("message", async (steps: number) => {
    try {
      collectGarbage();
      port.postMessage({ rate: await CONTENDERS[name](steps) });
    } catch (e) {
      port.postMessage({ error: String((e as Error).stack ?? e) });
    }
  });
}
