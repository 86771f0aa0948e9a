/**
 * One training step of a 128×784 → 10 softmax regression (fed batch, loss fetched) three
 * ways: the playground as the app runs examples/training/softmax_regression.ts, the same step
 * hand-written in float32 JavaScript (the limit), and TensorFlow.js CPU. Each returns steps
 * per second.
 */
import { runInApp } from "./lib/app";
import { denseProgram } from "./lib/programs";
import { tfjsCpu } from "./lib/tfjs";

const BATCH = 128;
const FEATURES = 784;
const CLASSES = 10;
const LR = 0.5;

/** Four batches of random images in [0, 1) and one-hot labels, cycled as the example does. */
function batches(): { images: Float32Array; labels: Float32Array }[] {
  return Array.from({ length: 4 }, () => {
    const images = new Float32Array(BATCH * FEATURES);
    for (let i = 0; i < images.length; i++) images[i] = Math.random();
    const labels = new Float32Array(BATCH * CLASSES);
    for (let i = 0; i < BATCH; i++) labels[i * CLASSES + Math.floor(Math.random() * CLASSES)] = 1;
    return { images, labels };
  });
}

/** Steps per second in the app: the marginal cost of `steps` steps over a 0-step run. */
export async function appDenseRate(steps: number): Promise<number> {
  const base = await runInApp(denseProgram(0), 1);
  const run = await runInApp(denseProgram(steps), 1);
  if (!run.ok) throw new Error(`bench: the dense program failed: ${run.error}`);
  return steps / ((run.ms - base.ms) / 1000);
}

/**
 * The limit: the step in plain JavaScript with float32 rounding after every operation —
 * logits = xW + b, softmax cross-entropy and its mean, dlogits = (softmax - labels)/128,
 * dW = xᵀ·dlogits, db = Σ dlogits, then W -= lr·dW, b -= lr·db.
 */
export function handDenseRate(steps: number): number {
  const r = Math.fround;
  const data = batches();
  const W = new Float32Array(FEATURES * CLASSES);
  const b = new Float32Array(CLASSES);
  const logits = new Float32Array(BATCH * CLASSES);
  const dW = new Float32Array(FEATURES * CLASSES);
  const db = new Float32Array(CLASSES);
  const lr = r(LR);
  const inv = r(1 / BATCH);
  let lossSum = 0;
  const t0 = performance.now();
  for (let s = 0; s < steps; s++) {
    const { images: x, labels: y } = data[s % 4];
    // Forward: logits = x·W + b.
    logits.fill(0);
    for (let i = 0; i < BATCH; i++) {
      const o = i * CLASSES;
      for (let p = 0; p < FEATURES; p++) {
        const xv = x[i * FEATURES + p];
        const w = p * CLASSES;
        for (let j = 0; j < CLASSES; j++) logits[o + j] = r(logits[o + j] + r(xv * W[w + j]));
      }
      for (let j = 0; j < CLASSES; j++) logits[o + j] = r(logits[o + j] + b[j]);
    }
    // Softmax cross-entropy; logits becomes dlogits.
    let loss = 0;
    for (let i = 0; i < BATCH; i++) {
      const o = i * CLASSES;
      let max = -Infinity;
      for (let j = 0; j < CLASSES; j++) max = Math.max(max, logits[o + j]);
      let sum = 0;
      for (let j = 0; j < CLASSES; j++) sum = r(sum + r(Math.exp(r(logits[o + j] - max))));
      const logSum = r(Math.log(sum));
      for (let j = 0; j < CLASSES; j++) {
        const shifted = r(logits[o + j] - max);
        loss = r(loss + r(y[o + j] * r(logSum - shifted)));
        logits[o + j] = r(r(r(r(Math.exp(shifted)) / sum) - y[o + j]) * inv);
      }
    }
    lossSum += r(loss * inv);
    // Backward: dW = xᵀ·dlogits, db = column sums.
    dW.fill(0);
    db.fill(0);
    for (let i = 0; i < BATCH; i++) {
      const o = i * CLASSES;
      for (let p = 0; p < FEATURES; p++) {
        const xv = x[i * FEATURES + p];
        const w = p * CLASSES;
        for (let j = 0; j < CLASSES; j++) dW[w + j] = r(dW[w + j] + r(xv * logits[o + j]));
      }
      for (let j = 0; j < CLASSES; j++) db[j] = r(db[j] + logits[o + j]);
    }
    for (let k = 0; k < W.length; k++) W[k] = r(W[k] - r(dW[k] * lr));
    for (let j = 0; j < CLASSES; j++) b[j] = r(b[j] - r(db[j] * lr));
  }
  const ms = performance.now() - t0;
  if (!Number.isFinite(lossSum)) throw new Error("bench: the hand-written dense step diverged");
  return steps / (ms / 1000);
}

/**
 * TensorFlow.js CPU: `tf.train.sgd(0.5).minimize(() => softmaxCrossEntropy(labels, xW + b))`
 * with the batch as new tensors every step and the loss read back.
 */
export async function tfjsDenseRate(steps: number): Promise<number> {
  const tf = await tfjsCpu();
  const data = batches();
  const W = tf.variable(tf.zeros([FEATURES, CLASSES]));
  const b = tf.variable(tf.zeros([CLASSES]));
  const opt = tf.train.sgd(LR);
  let lossSum = 0;
  const t0 = performance.now();
  for (let s = 0; s < steps; s++) {
    const { images, labels } = data[s % 4];
    const loss = tf.tidy(() => {
      const x = tf.tensor2d(images, [BATCH, FEATURES]);
      const y = tf.tensor2d(labels, [BATCH, CLASSES]);
      return opt.minimize(() => tf.losses.softmaxCrossEntropy(y, tf.add(tf.matMul(x, W), b)) as import("@tensorflow/tfjs").Scalar, true)!;
    });
    lossSum += loss.dataSync()[0];
    loss.dispose();
  }
  const ms = performance.now() - t0;
  W.dispose();
  b.dispose();
  opt.dispose();
  if (!Number.isFinite(lossSum)) throw new Error("bench: the TensorFlow.js dense step diverged");
  return steps / (ms / 1000);
}
