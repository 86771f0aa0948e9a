/**
 * One training step of a small CNN on a batch of 32 28×28×1 images (two 5×5 convolutions of 8
 * and 16 filters, each with ReLU and 2×2 max pooling, dense 10, softmax cross-entropy, Adam),
 * fed a batch and fetching the loss, two ways: the playground as the app runs
 * examples/training/small_cnn.ts, and TensorFlow.js CPU on the same step. Each returns steps
 * per second.
 */
import { runInApp } from "./lib/app";
import { cnnProgram } from "./lib/programs";
import { tfjsCpu } from "./lib/tfjs";

const BATCH = 32;
const CLASSES = 10;

/** Four batches of random images in [0, 1) and one-hot labels, cycled as the example does. */
function batches(): { images: Float32Array; labels: Float32Array }[] {
  return Array.from({ length: 4 }, () => {
    const images = new Float32Array(BATCH * 28 * 28);
    for (let i = 0; i < images.length; i++) images[i] = Math.random();
    const labels = new Float32Array(BATCH * CLASSES);
    for (let i = 0; i < BATCH; i++) labels[i * CLASSES + Math.floor(Math.random() * CLASSES)] = 1;
    return { images, labels };
  });
}

/** Steps per second in the app: the marginal cost of `steps` steps over a 0-step run. */
export async function appCnnRate(steps: number): Promise<number> {
  const base = await runInApp(cnnProgram(0), 1);
  const run = await runInApp(cnnProgram(steps), 1);
  if (!run.ok) throw new Error(`bench: the CNN program failed: ${run.error}`);
  return steps / ((run.ms - base.ms) / 1000);
}

/**
 * TensorFlow.js CPU: the same network with `tf.train.adam(1e-3).minimize`, the batch as new
 * tensors every step and the loss read back.
 */
export async function tfjsCnnRate(steps: number): Promise<number> {
  const tf = await tfjsCpu();
  const data = batches();
  const init = (shape: number[], seed: number) => tf.variable(tf.truncatedNormal(shape, 0, 0.1, "float32", seed));
  const W1 = init([5, 5, 1, 8], 1);
  const b1 = tf.variable(tf.fill([8], 0.1));
  const W2 = init([5, 5, 8, 16], 2);
  const b2 = tf.variable(tf.fill([16], 0.1));
  const W3 = init([7 * 7 * 16, CLASSES], 3);
  const b3 = tf.variable(tf.fill([CLASSES], 0.1));
  const opt = tf.train.adam(1e-3);
  let lossSum = 0;
  const t0 = performance.now();
  for (let s = 0; s < steps; s++) {
    const { images, labels } = data[s % 4];
    const loss = tf.tidy(() => {
      const x = tf.tensor4d(images, [BATCH, 28, 28, 1]);
      const y = tf.tensor2d(labels, [BATCH, CLASSES]);
      return opt.minimize(() => {
        type T4 = import("@tensorflow/tfjs").Tensor4D;
        const h1 = tf.maxPool(tf.relu(tf.add(tf.conv2d(x, W1 as T4, 1, "same"), b1)) as T4, 2, 2, "same");
        const h2 = tf.maxPool(tf.relu(tf.add(tf.conv2d(h1, W2 as T4, 1, "same"), b2)) as T4, 2, 2, "same");
        const logits = tf.add(tf.matMul(tf.reshape(h2, [-1, 7 * 7 * 16]), W3), b3);
        return tf.losses.softmaxCrossEntropy(y, logits) as import("@tensorflow/tfjs").Scalar;
      }, true)!;
    });
    lossSum += loss.dataSync()[0];
    loss.dispose();
  }
  const ms = performance.now() - t0;
  for (const v of [W1, b1, W2, b2, W3, b3]) v.dispose();
  opt.dispose();
  if (!Number.isFinite(lossSum)) throw new Error("bench: the TensorFlow.js CNN step diverged");
  return steps / (ms / 1000);
}
