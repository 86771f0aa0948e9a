/**
 * Heap over a 1,000,000-step run of the tutorial loop in the app: collected (full GC) and
 * measured while the program runs, at a few run indices, so everything the program, the
 * engine, the Summarizer and the batcher hold is counted, and only that.
 */
import { runInApp } from "./lib/app";
import { tutorialProgram } from "./lib/programs";
import { collectGarbage } from "./lib/stats";

export interface HeapSample {
  step: number;
  mb: number;
}

export interface HeapReport {
  samples: HeapSample[];
  /** False when Node runs without --expose-gc (the samples then include garbage). */
  collected: boolean;
  ms: number;
}

/** Heap used (MB) after a full GC at the given training steps (run index = step, run 0 is init). */
export async function heapOverSteps(steps: number, at: readonly number[], print: boolean): Promise<HeapReport> {
  const wanted = new Set(at.filter((s) => s <= steps));
  const samples: HeapSample[] = [];
  let collected = false;
  const run = await runInApp(tutorialProgram(steps, print), 1, (e) => {
    if (e.type !== "run" || !wanted.has(e.index)) return;
    collected = collectGarbage();
    samples.push({ step: e.index, mb: process.memoryUsage().heapUsed / 2 ** 20 });
  });
  if (!run.ok) throw new Error(`bench: the tutorial program failed: ${run.error}`);
  return { samples, collected, ms: run.ms };
}
