/**
 * An input pipeline read to its end, two ways: the playground as the app runs a learner's
 * program (tf.data: from_tensor_slices of N×4 features, map, shuffle, batch 32, an initializable
 * iterator read until OutOfRangeError, each batch's mean fetched), and TensorFlow.js's tf.data
 * doing the same (from an array of rows, map, shuffle, batch, iterated to its end, each batch's
 * mean read back). Each returns elements per second.
 */
import { runInApp } from "./lib/app";
import { tfjsCpu } from "./lib/tfjs";

/** The learner's program, reading `n` rows once. */
export function dataProgram(n: number): string {
  return `
const features = tf.random_uniform([${Math.max(n, 1)}, 4], {seed: 1});
const dataset = tf.data.Dataset.from_tensor_slices(features)
  .take(${n})
  .map((row) => (row - 0.5) * 2.0)
  .shuffle(1000, {seed: 2})
  .batch(32);
const iterator = dataset.make_initializable_iterator();
const batch = iterator.get_next();
const mean = tf.reduce_mean(batch);
const sess = tf.Session();
sess.run(iterator.initializer);
let batches = 0;
while (true) {
  try {
    sess.run(mean);
    batches++;
  } catch (e) {
    if (!(e instanceof tf.errors.OutOfRangeError)) throw e;
    break;
  }
}
print(batches);
`;
}

/** Rows per second in the app: the marginal cost of `n` rows over a 0-row run. */
export async function appDataRate(n: number): Promise<number> {
  const base = await runInApp(dataProgram(0), 1);
  const run = await runInApp(dataProgram(n), 1);
  if (!run.ok) throw new Error(`bench: the data program failed: ${run.error}`);
  return n / ((run.ms - base.ms) / 1000);
}

/** Rows per second through TensorFlow.js's tf.data (CPU backend). */
export async function tfjsDataRate(n: number): Promise<number> {
  const tf = await tfjsCpu();
  const rows = tf.tidy(() => tf.randomUniform([n, 4], 0, 1, "float32", 1).arraySync()) as number[][];
  const t0 = performance.now();
  const ds = tf.data
    .array(rows)
    .map((row) => tf.tidy(() => tf.mul(tf.sub(tf.tensor1d(row as number[]), 0.5), 2)))
    .shuffle(1000, "2")
    .batch(32);
  await ds.forEachAsync((b) => {
    const m = tf.mean(b as import("@tensorflow/tfjs").Tensor);
    m.dataSync();
    m.dispose();
    (b as import("@tensorflow/tfjs").Tensor).dispose();
  });
  return n / ((performance.now() - t0) / 1000);
}
