/**
 * TensorFlow.js 4.22 on its CPU backend, in this process. Its CommonJS build registers no
 * gradients unless the umbrella package is loaded, so we require('@tensorflow/tfjs') once
 * (see /work/shared/TOOLCHAIN.md).
 */
import { createRequire } from "node:module";

export type TFJS = typeof import("@tensorflow/tfjs");

let loaded: TFJS | null = null;

/** The tfjs namespace on the CPU backend, loaded on first use. */
export async function tfjsCpu(): Promise<TFJS> {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  // tfjs prints a banner suggesting tfjs-node on first use; this bench deliberately measures
  // the pure-JavaScript CPU backend, so the banner is silenced.
  const { log, warn } = console;
  console.log = console.warn = () => {};
  try {
    const tf = require("@tensorflow/tfjs") as TFJS;
    await tf.setBackend("cpu");
    await tf.ready();
    tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)).dataSync());
    loaded = tf;
  } finally {
    Object.assign(console, { log, warn });
  }
  return loaded;
}
