/**
 * The random state one stateful TF op keeps in one session: TF's `GuardedPhiloxRandom` plus the
 * fills of the kernels that use it (RandomUniform, RandomUniformInt, RandomStandardNormal,
 * TruncatedNormal, RandomShuffle).
 */
import {
  fillNormalFloat32,
  fillNormalFloat64,
  fillTruncatedNormalFloat32,
  fillTruncatedNormalFloat64,
  fillUniformFloat32,
  fillUniformFloat64,
  fillUniformInt32,
  RESERVED_SAMPLES_PER_OUTPUT,
  fillShufflePermutation,
} from "./distributions.js";
import { Philox } from "./philox.js";

/**
 * A random op's generator across `sess.run` calls, as TF's `GuardedPhiloxRandom`.
 *
 * Each call reserves `n * 256` 128-bit blocks for an output of `n` elements
 * (`ReserveRandomOutputs(n, 256)`) and fills from the start of that reservation, so the k-th
 * run of an op gives TF's k-th sample, whatever the dtype or distribution.
 * @example
 * // tf.random_uniform([2], seed=1) with no graph seed → attrs seed=87654321, seed2=1
 * const rng = new TFRandom(87654321, 1);
 * const first = new Float32Array(2);
 * rng.uniformFloat32(first);  // what the first sess.run returns
 * rng.uniformFloat32(first);  // the second sess.run
 */
export class TFRandom {
  /** The (seed, seed2) the generator was keyed with: the attrs, or the drawn pair if both were 0. */
  readonly seeds: readonly [number, number];
  // generator_ of GuardedPhiloxRandom: where the next reservation starts.
  private readonly state: Philox;
  // The reserved copy a kernel fills from; reused across calls.
  private readonly local = new Philox();

  /**
   * Seeds as `GuardedPhiloxRandom::Init(seed, seed2)`. When both are 0, TF draws two random
   * 64-bit seeds; we take them from `entropy` instead (two calls, each an integer in
   * [0, 2^53)), so runs are reproducible under the playground's own seed.
   */
  constructor(seed: number, seed2: number, entropy?: () => number) {
    if (seed === 0 && seed2 === 0) {
      if (entropy === undefined) {
        throw new Error("TFRandom: seed and seed2 are both 0, which TF reads as 'use random seeds'; pass an entropy source");
      }
      seed = entropy();
      seed2 = entropy();
    }
    this.state = Philox.fromSeeds(seed, seed2);
    this.seeds = [seed, seed2];
  }

  /**
   * TF's `ReserveSamples128(samples)`: a generator at the current position (for kernels other
   * than the fills below), after which this state moves `samples` blocks on.
   */
  reserveSamples128(samples: number): Philox {
    const g = this.state.clone();
    this.state.skip(samples);
    return g;
  }

  /** TF's `ReserveRandomOutputs(count, multiplier)`: `reserveSamples128(count * multiplier)`. */
  reserveRandomOutputs(count: number, multiplier: number): Philox {
    return this.reserveSamples128(count * multiplier);
  }

  /** Next `RandomUniform` output for float32: values in [0, 1). */
  uniformFloat32(out: Float32Array): void {
    fillUniformFloat32(this.reserve(out.length), out);
  }

  /** Next `RandomUniform` output for float64: values in [0, 1). */
  uniformFloat64(out: Float64Array): void {
    fillUniformFloat64(this.reserve(out.length), out);
  }

  /** Next `RandomUniformInt` output for int32: values in [lo, hi). Throws unless lo < hi. */
  uniformInt32(out: Int32Array, lo: number, hi: number): void {
    if (out.length === 0) return; // TF returns before checking lo < hi or reserving
    if (!(lo < hi)) throw new RangeError(`Need minval < maxval, got ${lo} >= ${hi}`);
    fillUniformInt32(this.reserve(out.length), out, lo, hi);
  }

  /** Next `RandomStandardNormal` output for float32. */
  normalFloat32(out: Float32Array): void {
    fillNormalFloat32(this.reserve(out.length), out);
  }

  /** Next `RandomStandardNormal` output for float64. */
  normalFloat64(out: Float64Array): void {
    fillNormalFloat64(this.reserve(out.length), out);
  }

  /** Next `TruncatedNormal` output for float32: standard normal values with |x| < 2. */
  truncatedNormalFloat32(out: Float32Array): void {
    fillTruncatedNormalFloat32(this.reserve(out.length), out);
  }

  /** Next `TruncatedNormal` output for float64: standard normal values with |x| < 2. */
  truncatedNormalFloat64(out: Float64Array): void {
    fillTruncatedNormalFloat64(this.reserve(out.length), out);
  }

  /**
   * Next `RandomShuffle` permutation (tensorflow/core/kernels/random_shuffle_op.cc): writes into
   * `perm` (one entry per row, i.e. per index of dimension 0) the order in which the op emits
   * input rows: output row i = input row perm[i]; see `fillShufflePermutation` in distributions.ts.
   * Like TF, a tensor with at most one element or one row is returned as is, without reserving
   * samples; pass the tensor's element count for that check.
   */
  shufflePermutation(perm: Int32Array, numElements: number): void {
    const rows = perm.length;
    if (numElements <= 1 || rows <= 1) {
      for (let i = 0; i < rows; i++) perm[i] = i;
      return;
    }
    // ReserveSamples32(rows - 1) = ReserveSamples128(ceil((rows - 1) / 4)).
    fillShufflePermutation(this.reserveInto(Math.ceil((rows - 1) / 4)), perm);
  }

  /** `ReserveRandomOutputs(n, 256)` into the reused local generator. */
  private reserve(n: number): Philox {
    return this.reserveInto(n * RESERVED_SAMPLES_PER_OUTPUT);
  }

  /** `ReserveSamples128(blocks)` into the reused local generator. */
  private reserveInto(blocks: number): Philox {
    this.local.copyFrom(this.state);
    this.state.skip(blocks);
    return this.local;
  }
}
