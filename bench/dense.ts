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
 * out[m×n] = op(a)·b in float32 (every product and sum rounded), four terms of the inner
 * dimension per pass so the running sum stays in a register — the same blocking as the
 * engine's MatMul kernel, so that "the limit" is not beaten by a smarter loop.
 * `aT`: a is stored k×m (a transposed), as for dW = xᵀ·dlogits.
 */
function matmulF32(a: Float32Array, aT: boolean, b: Float32Array, out: Float32Array, m: number, k: number, n: number): void {
  const r = Math.fround;
  const aRow = aT ? 1 : k;
  const aCol = aT ? m : 1;
  out.fill(0);
  for (let i = 0; i < m; i++) {
    const o = i * n;
    const ai = i * aRow;
    let p = 0;
    for (; p + 3 < k; p += 4) {
      const a0 = a[ai + p * aCol];
      const a1 = a[ai + (p + 1) * aCol];
      const a2 = a[ai + (p + 2) * aCol];
      const a3 = a[ai + (p + 3) * aCol];
      const b0 = p * n;
      for (let j = 0; j < n; j++) {
        let acc = out[o + j];
        acc = r(acc + r(a0 * b[b0 + j]));
        acc = r(acc + r(a1 * b[b0 + n + j]));
        acc = r(acc + r(a2 * b[b0 + 2 * n + j]));
        out[o + j] = r(acc + r(a3 * b[b0 + 3 * n + j]));
      }
    }
    for (; p < k; p++) {
      const ap = a[ai + p * aCol];
      for (let j = 0; j < n; j++) out[o + j] = r(out[o + j] + r(ap * b[p * n + j]));
    }
  }
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
    matmulF32(x, false, W, logits, BATCH, FEATURES, CLASSES);
    let loss = 0;
    for (let i = 0; i < BATCH; i++) {
      const o = i * CLASSES;
      let max = -Infinity;
      for (let j = 0; j < CLASSES; j++) {
        logits[o + j] = r(logits[o + j] + b[j]);
        max = Math.max(max, logits[o + j]);
      }
      let sum = 0;
      for (let j = 0; j < CLASSES; j++) sum = r(sum + r(Math.exp(r(logits[o + j] - max))));
      const logSum = r(Math.log(sum));
      // logits becomes dlogits = (softmax - labels) / batch.
      for (let j = 0; j < CLASSES; j++) {
        const shifted = r(logits[o + j] - max);
        loss = r(loss + r(y[o + j] * r(logSum - shifted)));
        logits[o + j] = r(r(r(r(Math.exp(shifted)) / sum) - y[o + j]) * inv);
      }
    }
    lossSum += r(loss * inv);
    matmulF32(x, true, logits, dW, FEATURES, BATCH, CLASSES);
    db.fill(0);
    for (let i = 0; i < BATCH; i++) for (let j = 0; j < CLASSES; j++) db[j] = r(db[j] + logits[i * CLASSES + j]);
    for (let q = 0; q < W.length; q++) W[q] = r(W[q] - r(dW[q] * lr));
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
