/**
 * Philox4x32-10, bit for bit as TensorFlow's `tensorflow/core/lib/random/philox_random.h`.
 *
 * State is a 128-bit counter (four uint32 words, word 0 least significant) and a 64-bit key
 * (two words). Each call to `next()` runs ten rounds on a copy of the counter, writes the four
 * resulting words to `block` and then increments the counter by one. Every TF random kernel
 * draws its bits from this generator; the distributions live in `distributions.ts`.
 *
 * All arithmetic is on JS numbers kept in [0, 2^32): no BigInt, no allocation per call.
 */

// Round constants of the Random123 paper, as TF names them (kPhiloxW32A/B, kPhiloxM4x32A/B).
const W32A = 0x9e3779b9;
const W32B = 0xbb67ae85;
const M4x32A = 0xd2511f53;
const M4x32B = 0xcd9e8d57;

// The multipliers split into 16-bit halves once, so the 32x32→64 product needs no BigInt.
const MA_LO = M4x32A & 0xffff;
const MA_HI = M4x32A >>> 16;
const MB_LO = M4x32B & 0xffff;
const MB_HI = M4x32B >>> 16;

const TWO_32 = 4294967296;

/**
 * High 32 bits of `m * b` for a multiplier given as 16-bit halves and a uint32 `b`.
 * Every intermediate stays below 2^53, so it is exact in double arithmetic:
 * m*b = (mHi*b)*2^16 + mLo*b, and the low 16 bits of mLo*b cannot carry into bit 32.
 */
function mulHi(mLo: number, mHi: number, b: number): number {
  const t = mLo * b; // < 2^48
  const u = mHi * b + Math.floor(t / 65536); // < 2^48 + 2^32
  return Math.floor(u / 65536);
}

/**
 * The low and high 32-bit words of a 64-bit integer given as a JS safe integer, in two's
 * complement for negatives: how C++ stores an int64 attr such as `seed` into a uint64.
 */
export function splitInt64(x: number): [lo: number, hi: number] {
  if (!Number.isSafeInteger(x)) throw new RangeError(`seed must be an integer in the safe range, got ${x}`);
  return [x >>> 0, Math.floor(x / TWO_32) >>> 0];
}

/**
 * A Philox4x32-10 generator with TF's counter/key layout.
 * @example
 * const g = Philox.fromSeeds(87654321, 1); // what a kernel with seed=87654321, seed2=1 starts from
 * g.next();
 * g.block; // Uint32Array of the four words
 */
export class Philox {
  /** Counter words, least significant first (TF's `counter_[0..3]`). */
  c0 = 0;
  c1 = 0;
  c2 = 0;
  c3 = 0;
  /** Key words (TF's `key_[0..1]`). */
  k0 = 0;
  k1 = 0;
  /** The four words written by the last `next()`. Reused: copy them out before the next call. */
  readonly block = new Uint32Array(4);

  /**
   * TF's `PhiloxRandom(seed_lo, seed_hi)`, which is how `GuardedPhiloxRandom::Init(seed, seed2)`
   * seeds every stateful random kernel: the key is `seed`, counter words 2..3 are `seed2`,
   * counter words 0..1 start at zero.
   */
  static fromSeeds(seed: number, seed2: number): Philox {
    const g = new Philox();
    [g.k0, g.k1] = splitInt64(seed);
    [g.c2, g.c3] = splitInt64(seed2);
    return g;
  }

  /**
   * The generator of TF's stateless ops (`tf.random.stateless_*`) for `seed = [seed0, seed1]`
   * (stateless_random_ops.cc, GenerateKey): one Philox block of counter (seed0, seed1) under the
   * fixed key (0x3ec8f720, 0x02461e29) gives the key (words 0, 1) and counter words 2, 3.
   */
  static fromStatelessSeed(seed0: number, seed1: number): Philox {
    const mix = new Philox();
    [mix.c0, mix.c1] = splitInt64(seed0);
    [mix.c2, mix.c3] = splitInt64(seed1);
    mix.k0 = 0x3ec8f720;
    mix.k1 = 0x02461e29;
    mix.next();
    const [k0, k1, c2, c3] = mix.block;
    return Philox.fromCounterKey([0, 0, c2, c3], [k0, k1]);
  }

  /** TF's `PhiloxRandom(counter, key)`: explicit state, as Random123's known-answer tests give it. */
  static fromCounterKey(counter: ArrayLike<number>, key: ArrayLike<number>): Philox {
    const g = new Philox();
    g.c0 = counter[0] >>> 0;
    g.c1 = counter[1] >>> 0;
    g.c2 = counter[2] >>> 0;
    g.c3 = counter[3] >>> 0;
    g.k0 = key[0] >>> 0;
    g.k1 = key[1] >>> 0;
    return g;
  }

  /** An independent generator in the same state (C++ copies PhiloxRandom by value). */
  clone(): Philox {
    const g = new Philox();
    g.copyFrom(this);
    return g;
  }

  /** Sets this generator's state to `other`'s, without allocating. */
  copyFrom(other: Philox): void {
    this.c0 = other.c0;
    this.c1 = other.c1;
    this.c2 = other.c2;
    this.c3 = other.c3;
    this.k0 = other.k0;
    this.k1 = other.k1;
  }

  /**
   * Runs the ten rounds on the current counter, writes the 128 output bits to `block`
   * (TF's `operator()`), then advances the counter by one.
   */
  next(): void {
    let x0 = this.c0;
    let x1 = this.c1;
    let x2 = this.c2;
    let x3 = this.c3;
    let k0 = this.k0;
    let k1 = this.k1;
    for (let round = 0; round < 10; round++) {
      // TF's ComputeSingleRound: two 32x32→64 products, high words mixed with the key.
      const hi0 = mulHi(MA_LO, MA_HI, x0);
      const lo0 = Math.imul(M4x32A, x0) >>> 0;
      const hi1 = mulHi(MB_LO, MB_HI, x2);
      const lo1 = Math.imul(M4x32B, x2) >>> 0;
      x0 = (hi1 ^ x1 ^ k0) >>> 0;
      x1 = lo1;
      x2 = (hi0 ^ x3 ^ k1) >>> 0;
      x3 = lo0;
      // RaiseKey between rounds; the key after the last round is never used.
      k0 = (k0 + W32A) >>> 0;
      k1 = (k1 + W32B) >>> 0;
    }
    const out = this.block;
    out[0] = x0;
    out[1] = x1;
    out[2] = x2;
    out[3] = x3;
    this.skipOne();
  }

  /** TF's `SkipOne`: a 128-bit increment of the counter. */
  private skipOne(): void {
    this.c0 = (this.c0 + 1) >>> 0;
    if (this.c0 !== 0) return;
    this.c1 = (this.c1 + 1) >>> 0;
    if (this.c1 !== 0) return;
    this.c2 = (this.c2 + 1) >>> 0;
    if (this.c2 !== 0) return;
    this.c3 = (this.c3 + 1) >>> 0;
  }

  /**
   * TF's `Skip(count)`: advances by `count` 128-bit samples (a non-negative safe integer).
   * Like TF, a carry out of word 1 propagates into words 2..3, which hold `seed2`.
   */
  skip(count: number): void {
    if (!(count >= 0) || !Number.isSafeInteger(count)) throw new RangeError(`Philox skip count must be a non-negative safe integer, got ${count}`);
    const lo = count >>> 0;
    let hi = Math.floor(count / TWO_32);
    const s0 = this.c0 + lo;
    this.c0 = s0 >>> 0;
    if (s0 >= TWO_32) hi++;
    const s1 = this.c1 + hi;
    this.c1 = s1 >>> 0;
    if (s1 >= TWO_32) {
      this.c2 = (this.c2 + 1) >>> 0;
      if (this.c2 === 0) this.c3 = (this.c3 + 1) >>> 0;
    }
  }
}
