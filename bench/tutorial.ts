/**
 * The seed tutorial's loop — fetch [loss, train_op], feed x and y every step — three ways:
 * the playground as the app runs it, the same arithmetic hand-written in float32 JavaScript
 * (the limit), and TensorFlow.js CPU. Each returns steps per second.
 */
import { runInApp } from "./lib/app";
import { tutorialProgram } from "./lib/programs";
import { tfjsCpu } from "./lib/tfjs";

/**
 * Steps per second of the tutorial program in the app: the marginal cost of `steps` steps over
 * a run of the same program with 0 steps (transpiling, building the graph, the final fetch).
 */
export async function appTutorialRate(steps: number, print: boolean): Promise<number> {
  const base = await runInApp(tutorialProgram(0, print), 1);
  const run = await runInApp(tutorialProgram(steps, print), 1);
  if (!run.ok) throw new Error(`bench: the tutorial program failed: ${run.error}`);
  return steps / ((run.ms - base.ms) / 1000);
}

/**
 * Steps per second of the tutorial program in the app once V8 has warmed it up: the time
 * from step `steps / 5` to the last step (a fresh program's first tens of thousands of steps
 * run before V8 has optimized the learner's loop and the plan's compiled step).
 */
export async function appTutorialSteadyRate(steps: number): Promise<number> {
  const from = Math.floor(steps / 5);
  let t0 = NaN;
  let t1 = NaN;
  const run = await runInApp(tutorialProgram(steps, false), 1, (e) => {
    // Run 0 initializes the variables; run i is step i.
    if (e.type !== "run") return;
    if (e.index === from) t0 = performance.now();
    else if (e.index === steps) t1 = performance.now();
  });
  if (!run.ok || Number.isNaN(t0 + t1)) throw new Error(`bench: the tutorial program failed: ${run.error}`);
  return (steps - from) / ((t1 - t0) / 1000);
}

/**
 * The limit: the tutorial's step in plain JavaScript, float32 rounding after every operation
 * exactly as the graph computes it (forward, Square/Sub/Add/Mul gradients, two updates), with
 * a fresh random x every step and the loss read out.
 */
export function handTutorialRate(steps: number): number {
  const r = Math.fround;
  const lr = r(1e-3);
  const trueM = Math.random();
  const trueB = Math.random();
  let m = 0;
  let b = 0;
  let lossSum = 0;
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) {
    const x64 = Math.random();
    const x = r(x64);
    const y = r(trueM * x64 + trueB);
    const d = r(y - r(r(m * x) + b));
    lossSum += r(d * d);
    const g = r(-r(1 * r(d * 2)));
    m = r(m - r(r(g * x) * lr));
    b = r(b - r(g * lr));
  }
  const ms = performance.now() - t0;
  // Use the results so V8 cannot drop the loop.
  if (!Number.isFinite(lossSum + m + b)) throw new Error("bench: the hand-written loop diverged");
  return steps / (ms / 1000);
}

/**
 * TensorFlow.js CPU: `tf.train.sgd(1e-3).minimize(() => loss)` with x and y as new scalar
 * tensors every step and the loss read back (`dataSync`), as the tutorial fetches it.
 */
export async function tfjsTutorialRate(steps: number): Promise<number> {
  const tf = await tfjsCpu();
  const m = tf.variable(tf.scalar(0));
  const b = tf.variable(tf.scalar(0));
  const opt = tf.train.sgd(1e-3);
  const trueM = Math.random();
  const trueB = Math.random();
  let lossSum = 0;
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) {
    const xv = Math.random();
    const loss = tf.tidy(() => {
      const x = tf.scalar(xv);
      const y = tf.scalar(trueM * xv + trueB);
      return opt.minimize(() => tf.square(tf.sub(y, tf.add(tf.mul(m, x), b))) as import("@tensorflow/tfjs").Scalar, true)!;
    });
    lossSum += loss.dataSync()[0];
    loss.dispose();
  }
  const ms = performance.now() - t0;
  m.dispose();
  b.dispose();
  opt.dispose();
  if (!Number.isFinite(lossSum)) throw new Error("bench: the TensorFlow.js loop diverged");
  return steps / (ms / 1000);
}
