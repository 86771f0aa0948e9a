/**
 * TF's random distributions and the way its CPU kernels fill a tensor from a Philox generator.
 *
 * Sources (TF 1.14): `tensorflow/core/lib/random/random_distributions.h` for the per-group
 * conversions, `tensorflow/core/kernels/random_op.cc` (`FillPhiloxRandom<CPUDevice>`,
 * `FillPhiloxRandomTask`) for how groups map to counter values.
 *
 * A "group" is what one distribution call returns: 4 float32/int32 values or 2 float64 values
 * from one 128-bit Philox block. The CPU kernel shards groups over threads, but each shard skips
 * the generator to its first group, so the output is the groups generated in order — which is
 * what these functions do, single-threaded. Truncated normal, whose samples per output vary,
 * instead restarts every group at `group * kGeneratorSkipPerOutputGroup` blocks past the start.
 */
import { sincosf, logf } from "./libmf.js";
import { Philox } from "./philox.js";

const TWO_M23 = 2 ** -23;
const TWO_M52 = 2 ** -52;
const TWO_32 = 4294967296;

/**
 * TF's `Uint32ToFloat`: the low 23 bits as the mantissa of a float in [1, 2), minus 1 —
 * a float32 in [0, 1) with 2^23 equally spaced values. The subtraction is exact.
 */
export function uint32ToFloat(x: number): number {
  return (x & 0x7fffff) * TWO_M23;
}

/**
 * TF's `Uint64ToDouble`: 20 bits of `x0` (high) and all of `x1` (low) as the mantissa of a
 * double in [1, 2), minus 1 — a float64 in [0, 1). The subtraction is exact.
 */
export function uint64ToDouble(x0: number, x1: number): number {
  return ((x0 & 0xfffff) * TWO_32 + (x1 >>> 0)) * TWO_M52;
}

const EPSILON_F = Math.fround(1e-7);
const SINCOS = new Float64Array(2);

/**
 * TF's `BoxMullerFloat`: two uint32 → two standard normal float32 at `out[i]`, `out[i + 1]`.
 * Every step rounds where the C++ rounds: `2.0f * M_PI * u` is computed in double and stored
 * as float; log, sqrt, sin and cos are float functions.
 */
export function boxMullerFloat(x0: number, x1: number, out: Float32Array, i: number): void {
  let u1 = uint32ToFloat(x0);
  if (u1 < EPSILON_F) u1 = EPSILON_F; // do not send a really small number to log()
  const v1 = Math.fround(2 * Math.PI * uint32ToFloat(x1));
  // -2 * logf(u1) is exact in float; sqrt of a float rounded once to float is sqrtf.
  const u2 = Math.fround(Math.sqrt(-2 * logf(u1)));
  sincosf(v1, SINCOS);
  out[i] = SINCOS[0] * u2; // a float product is exact in double; the store rounds it once
  out[i + 1] = SINCOS[1] * u2;
}

/**
 * TF's `BoxMullerDouble`: four uint32 → two standard normal float64 at `out[i]`, `out[i + 1]`.
 * Uses the JS engine's `Math.log`/`sin`/`cos`, which may differ from glibc's in the last bit.
 */
export function boxMullerDouble(x0: number, x1: number, x2: number, x3: number, out: Float64Array, i: number): void {
  let u1 = uint64ToDouble(x0, x1);
  if (u1 < 1e-7) u1 = 1e-7;
  const v1 = 2 * Math.PI * uint64ToDouble(x2, x3);
  const u2 = Math.sqrt(-2.0 * Math.log(u1));
  out[i] = Math.sin(v1) * u2;
  out[i + 1] = Math.cos(v1) * u2;
}

// Partial last groups are generated whole here and copied, as the kernel does.
const TAIL_F32 = new Float32Array(4);
const TAIL_F64 = new Float64Array(2);

/**
 * Fills `out` as TF's CPU `RandomUniform` kernel does for float32 (`UniformDistribution<float>`:
 * 4 values per block), starting at `gen`'s state and advancing it by `ceil(n / 4)` blocks.
 */
export function fillUniformFloat32(gen: Philox, out: Float32Array): void {
  const b = gen.block;
  const n = out.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    gen.next();
    out[i] = uint32ToFloat(b[0]);
    out[i + 1] = uint32ToFloat(b[1]);
    out[i + 2] = uint32ToFloat(b[2]);
    out[i + 3] = uint32ToFloat(b[3]);
  }
  if (i < n) {
    gen.next();
    for (let j = 0; i < n; i++, j++) out[i] = uint32ToFloat(b[j]);
  }
}

/** As `fillUniformFloat32`, for float64 (`UniformDistribution<double>`: 2 values per block). */
export function fillUniformFloat64(gen: Philox, out: Float64Array): void {
  const b = gen.block;
  const n = out.length;
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    gen.next();
    out[i] = uint64ToDouble(b[0], b[1]);
    out[i + 1] = uint64ToDouble(b[2], b[3]);
  }
  if (i < n) {
    gen.next();
    out[i] = uint64ToDouble(b[0], b[1]);
  }
}

/**
 * Fills `out` as TF's `RandomUniformInt` kernel does for int32 (`UniformDistribution<int32>`:
 * `lo + bits % (hi - lo)`, 4 values per block). TF checks `lo < hi` before calling this.
 */
export function fillUniformInt32(gen: Philox, out: Int32Array, lo: number, hi: number): void {
  if (!(Number.isInteger(lo) && Number.isInteger(hi) && lo < hi)) throw new RangeError(`Need minval < maxval, got ${lo} >= ${hi}`);
  // The range is taken as uint32, which holds hi - lo even when the int32 difference overflows.
  const range = (hi - lo) >>> 0;
  const b = gen.block;
  const n = out.length;
  for (let i = 0; i < n; i += 4) {
    gen.next();
    const m = Math.min(4, n - i);
    // lo + (bits % range) < hi, so the sum fits int32 (TF's SignedAdd avoids C++ overflow).
    for (let j = 0; j < m; j++) out[i + j] = lo + (b[j] % range);
  }
}

/**
 * Fills `out` as TF's `RandomStandardNormal` kernel does for float32
 * (`NormalDistribution<float>`: Box-Muller on words (0, 1) and (2, 3) of each block).
 */
export function fillNormalFloat32(gen: Philox, out: Float32Array): void {
  const b = gen.block;
  const n = out.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    gen.next();
    boxMullerFloat(b[0], b[1], out, i);
    boxMullerFloat(b[2], b[3], out, i + 2);
  }
  if (i < n) {
    gen.next();
    boxMullerFloat(b[0], b[1], TAIL_F32, 0);
    boxMullerFloat(b[2], b[3], TAIL_F32, 2);
    for (let j = 0; i < n; i++, j++) out[i] = TAIL_F32[j];
  }
}

/** As `fillNormalFloat32`, for float64 (`NormalDistribution<double>`: one Box-Muller pair per block). */
export function fillNormalFloat64(gen: Philox, out: Float64Array): void {
  const b = gen.block;
  const n = out.length;
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    gen.next();
    boxMullerDouble(b[0], b[1], b[2], b[3], out, i);
  }
  if (i < n) {
    gen.next();
    boxMullerDouble(b[0], b[1], b[2], b[3], TAIL_F64, 0);
    out[i] = TAIL_F64[0];
  }
}

/**
 * TF's `FillPhiloxRandomTask<..., true>::kReservedSamplesPerOutput`: each output of a
 * variable-cost distribution is budgeted 256 uint32 samples, so group g starts
 * `groupSize * 256 / 4` blocks after the kernel's base generator.
 */
export const RESERVED_SAMPLES_PER_OUTPUT = 256;

/** TF's truncation threshold: values with |x| >= 2 are rejected and redrawn. */
const TRUNCATE = 2;

// The per-group generator and the SingleSampleAdapter's buffer (module scratch: fills never nest).
const groupGen = new Philox();
const normalPair = new Float32Array(2);
const normalPairF64 = new Float64Array(2);

/**
 * Fills `out` as TF's `TruncatedNormal` kernel does for float32
 * (`TruncatedNormalDistribution<SingleSampleAdapter<PhiloxRandom>, float>`). Group g of 4
 * outputs restarts from `base` skipped by g * 256 blocks, then takes uint32 samples one at a
 * time, two per Box-Muller pair, keeping values with |x| < 2 in order. `base` is not advanced.
 */
export function fillTruncatedNormalFloat32(base: Philox, out: Float32Array): void {
  const skipPerGroup = (4 * RESERVED_SAMPLES_PER_OUTPUT) / 4;
  const b = groupGen.block;
  const n = out.length;
  for (let group = 0, i = 0; i < n; group++) {
    groupGen.copyFrom(base);
    groupGen.skip(group * skipPerGroup);
    // TF's SingleSampleAdapter hands out the block's words one by one; it starts empty and
    // each try takes two words, so the pairs are always words (0, 1) and (2, 3) of a block.
    let used = 4;
    const end = Math.min(i + 4, n);
    while (i < end) {
      if (used === 4) {
        groupGen.next();
        used = 0;
      }
      boxMullerFloat(b[used], b[used + 1], normalPair, 0);
      used += 2;
      if (Math.abs(normalPair[0]) < TRUNCATE) out[i++] = normalPair[0];
      if (i < end && Math.abs(normalPair[1]) < TRUNCATE) out[i++] = normalPair[1];
    }
  }
}

/**
 * As `fillTruncatedNormalFloat32`, for float64: groups of 2 outputs, each restarting
 * g * 128 blocks after `base`, four uint32 per Box-Muller pair.
 */
export function fillTruncatedNormalFloat64(base: Philox, out: Float64Array): void {
  const skipPerGroup = (2 * RESERVED_SAMPLES_PER_OUTPUT) / 4;
  const b = groupGen.block;
  const n = out.length;
  for (let group = 0, i = 0; i < n; group++) {
    groupGen.copyFrom(base);
    groupGen.skip(group * skipPerGroup);
    const end = Math.min(i + 2, n);
    while (i < end) {
      // Each try takes four single samples: exactly one whole block.
      groupGen.next();
      boxMullerDouble(b[0], b[1], b[2], b[3], normalPairF64, 0);
      if (Math.abs(normalPairF64[0]) < TRUNCATE) out[i++] = normalPairF64[0];
      if (i < end && Math.abs(normalPairF64[1]) < TRUNCATE) out[i++] = normalPairF64[1];
    }
  }
}

/**
 * TF's `RandomShuffle` over indices (random_shuffle_op.cc): starting from the identity, swaps
 * entry i with entry `i + sample % (n - i)` for i = 0 .. n - 2, taking uint32 samples one at a
 * time from `gen` (a SingleSampleAdapter), so exactly n - 1 samples are used. The op emits
 * output row i = input row perm[i].
 */
export function fillShufflePermutation(gen: Philox, perm: Int32Array): void {
  const n = perm.length;
  for (let i = 0; i < n; i++) perm[i] = i;
  const b = gen.block;
  let used = 4;
  for (let i = 0; i < n - 1; i++) {
    if (used === 4) {
      gen.next();
      used = 0;
    }
    const j = i + (b[used++] % (n - i));
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
}
