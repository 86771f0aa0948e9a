import { describe, expect, it } from "vitest";
import {
  boxMullerDouble,
  boxMullerFloat,
  fillNormalFloat32,
  fillNormalFloat64,
  fillShufflePermutation,
  fillTruncatedNormalFloat32,
  fillTruncatedNormalFloat64,
  fillUniformFloat32,
  fillUniformFloat64,
  fillUniformInt32,
  uint32ToFloat,
  uint64ToDouble,
} from "./distributions.js";
import { Philox } from "./philox.js";

// ---- factories ----

/** The generator a TF kernel starts from for attrs (seed, seed2) on its first run. */
const gen = (seed: number, seed2: number) => Philox.fromSeeds(seed, seed2);

/** float32 values given as exact shortest round-trip decimals. */
const f32 = (...values: number[]) => Float32Array.from(values);

/**
 * A float32 as numpy prints it inside an array (precision=8, floatmode='maxprec'): the shortest
 * decimal that reads back as the same float32, cut to 8 fractional digits when it is longer.
 * Documented outputs are in this form, so comparing strings is exact up to what was printed.
 */
function numpyStr(x: number): string {
  for (let p = 1; p <= 9; p++) {
    const shortest = Number(x.toPrecision(p));
    if (Math.fround(shortest) !== x) continue;
    const text = String(shortest);
    const fraction = text.split(".")[1] ?? "";
    return fraction.length <= 8 ? text : String(Number(x.toFixed(8)));
  }
  throw new Error(`not a float32: ${x}`);
}

/** What numpy would print for each element. */
const printed = (values: ArrayLike<number>) => Array.from(values, numpyStr);

function fill32(fill: (g: Philox, out: Float32Array) => void, seed: number, seed2: number, n: number): Float32Array {
  const out = new Float32Array(n);
  fill(gen(seed, seed2), out);
  return out;
}

function fill64(fill: (g: Philox, out: Float64Array) => void, g: Philox, n: number): Float64Array {
  const out = new Float64Array(n);
  fill(g, out);
  return out;
}

/** The i-th block of a generator, as numbers. */
function block(seed: number, seed2: number, i: number): number[] {
  const g = gen(seed, seed2);
  g.skip(i);
  g.next();
  return [...g.block];
}

// Seeds of the documented examples below:
// - no graph seed, op seed s → attrs (DEFAULT_GRAPH_SEED = 87654321, s);
// - TF 2 eager `tf.random.set_seed(g)` then an op without seed → (g, internal_operation_seed()),
//   which is `random.Random(g).randint(0, 2**31 - 1)` in order: 1097127993 for g = 5 (first op),
//   577090037 then 271041745 for g = 1 (computed with CPython's `random`).
const TF1_SEED1 = [87654321, 1] as const;

describe("uint32ToFloat", () => {
  it("maps the low 23 bits onto [0, 1) in steps of 2^-23", () => {
    expect(uint32ToFloat(0)).toBe(0);
    expect(uint32ToFloat(1)).toBe(2 ** -23);
    expect(uint32ToFloat(0x7fffff)).toBe(1 - 2 ** -23);
  });

  it("ignores the top 9 bits", () => {
    expect(uint32ToFloat(0xff800000)).toBe(0);
    expect(uint32ToFloat(0xff800001)).toBe(2 ** -23);
  });
});

describe("uint64ToDouble", () => {
  it("uses 20 bits of the first word as the high mantissa and the second word as the low", () => {
    expect(uint64ToDouble(0, 0)).toBe(0);
    expect(uint64ToDouble(1, 0)).toBe(2 ** -20);
    expect(uint64ToDouble(0, 1)).toBe(2 ** -52);
    expect(uint64ToDouble(0xfffff, 0xffffffff)).toBe(1 - 2 ** -52);
  });

  it("ignores the top 12 bits of the first word", () => {
    expect(uint64ToDouble(0xfff00000, 0)).toBe(0);
  });
});

describe("boxMullerFloat", () => {
  it("clamps a zero uniform to 1e-7 before the log, as TF does", () => {
    const out = new Float32Array(2);
    boxMullerFloat(0, 0, out, 0); // u1 = 0 → 1e-7f; angle 0 → (sin, cos) = (0, 1)
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo(Math.sqrt(-2 * Math.log(1e-7)), 5);
  });

  it("writes the pair at the given offset", () => {
    const out = new Float32Array(4);
    boxMullerFloat(0, 0, out, 2);
    expect(out[0]).toBe(0);
    expect(out[3]).toBeGreaterThan(5);
  });
});

describe("boxMullerDouble", () => {
  it("clamps a zero uniform to 1e-7 before the log, as TF does", () => {
    const out = new Float64Array(2);
    boxMullerDouble(0, 0, 0, 0, out, 0);
    expect(out).toEqual(Float64Array.of(0, Math.sqrt(-2 * Math.log(1e-7))));
  });

  it("takes the radius from the first two words and the angle from the last two", () => {
    const out = new Float64Array(2);
    boxMullerDouble(0x80000, 0, 0x40000, 0, out, 0); // u1 = 1/2, u2 = 1/4 → angle pi/2
    const r = Math.sqrt(-2 * Math.log(0.5));
    expect(out[0]).toBeCloseTo(r, 14);
    expect(out[1]).toBeCloseTo(0, 14);
  });
});

describe("fillUniformFloat32", () => {
  // TF 2.x tf.random notes (eager, same CPU kernel): `tf.random.uniform([1], seed=1)` prints
  // 0.2390374; after `tf.random.set_seed(1)`: seed=1 → 0.05554414, seed=3 → 0.7787856,
  // seed=2 → 0.40639675, no op seed → 0.16513085 then 0.51010704; after
  // `tf.random.set_seed(5)`, `tf.random.uniform([2,3])` prints
  // [[0.6263931, 0.5298432, 0.7584572], [0.5084884, 0.34415376, 0.31959772]].
  it("reproduces documented tf.random.uniform outputs", () => {
    expect(printed(fill32(fillUniformFloat32, ...TF1_SEED1, 1))).toEqual(["0.2390374"]);
    expect(printed(fill32(fillUniformFloat32, 1, 1, 1))).toEqual(["0.05554414"]);
    expect(printed(fill32(fillUniformFloat32, 1, 3, 1))).toEqual(["0.7787856"]);
    expect(printed(fill32(fillUniformFloat32, 1, 2, 1))).toEqual(["0.40639675"]);
    expect(printed(fill32(fillUniformFloat32, 1, 577090037, 1))).toEqual(["0.16513085"]);
    expect(printed(fill32(fillUniformFloat32, 1, 271041745, 1))).toEqual(["0.51010704"]);
    expect(printed(fill32(fillUniformFloat32, 5, 1097127993, 6))).toEqual(
      ["0.6263931", "0.5298432", "0.7584572", "0.5084884", "0.34415376", "0.31959772"],
    );
  });

  it("takes four values per block and a whole block for a partial group", () => {
    const g = gen(7, 8);
    const out = new Float32Array(5);
    fillUniformFloat32(g, out);
    expect(out[4]).toBe(uint32ToFloat(block(7, 8, 1)[0]));
    expect(g.c0).toBe(2); // two blocks consumed
  });
});

describe("fillUniformFloat64", () => {
  // No documented TF output was found for float64; this checks the kernel's layout.
  it("takes two values per block, each from a pair of words", () => {
    const b0 = block(...TF1_SEED1, 0);
    const b1 = block(...TF1_SEED1, 1);
    expect(fill64(fillUniformFloat64, gen(...TF1_SEED1), 3)).toEqual(
      Float64Array.of(uint64ToDouble(b0[0], b0[1]), uint64ToDouble(b0[2], b0[3]), uint64ToDouble(b1[0], b1[1])),
    );
  });
});

describe("fillUniformInt32", () => {
  // TF 2.x API docs of tf.random.uniform: after tf.random.set_seed(5),
  // `tf.random.uniform(shape=[], maxval=3, dtype=tf.int32, seed=10)` gives 2 (then 0).
  it("reproduces the documented tf.random.uniform int32 example", () => {
    const out = new Int32Array(1);
    fillUniformInt32(gen(5, 10), out, 0, 3);
    expect(out[0]).toBe(2);
  });

  it("adds bits modulo the range to minval, with the range taken as uint32", () => {
    const b = block(3, 4, 0);
    const out = new Int32Array(4);
    fillUniformInt32(gen(3, 4), out, -(2 ** 31), 2 ** 31 - 1);
    expect([...out]).toEqual(b.map((w) => -(2 ** 31) + (w % (2 ** 32 - 1))));
    fillUniformInt32(gen(3, 4), out, -10, -5);
    expect([...out]).toEqual(b.map((w) => -10 + (w % 5)));
  });

  it("refuses an empty range with TF's message", () => {
    expect(() => fillUniformInt32(gen(1, 1), new Int32Array(1), 3, 3)).toThrow("Need minval < maxval, got 3 >= 3");
  });
});

describe("fillNormalFloat32", () => {
  // TF 1.x tutorial (the forward-propagation example of "TensorFlow实战Google深度学习框架",
  // reproduced in many notebooks): w1 = tf.Variable(tf.random_normal([2, 5], stddev=1, seed=1))
  // prints [[-0.8113182 1.4845988 0.06532937 -2.4427042 0.0992484]
  //         [ 0.5912243 0.59282297 -2.1229296 -0.72289723 -0.05627038]].
  it("reproduces the documented tf.random_normal(seed=1) values", () => {
    expect(printed(fill32(fillNormalFloat32, ...TF1_SEED1, 10))).toEqual(
      ["-0.8113182", "1.4845988", "0.06532937", "-2.4427042", "0.0992484", "0.5912243", "0.59282297", "-2.1229296", "-0.72289723", "-0.05627038"],
    );
  });

  // TF 2.x tf.random notes: tf.random.set_seed(5); tf.random.normal([2, 3]) prints
  // [[-0.18030666, -0.95028627, -0.03964049], [-0.7425406, 1.3231523, -0.61854804]].
  it("reproduces the documented tf.random.normal values under a global seed", () => {
    expect(printed(fill32(fillNormalFloat32, 5, 1097127993, 6))).toEqual(
      ["-0.18030666", "-0.95028627", "-0.03964049", "-0.7425406", "1.3231523", "-0.61854804"],
    );
  });

  it("gives a shorter tensor the prefix of a longer one", () => {
    expect(fill32(fillNormalFloat32, ...TF1_SEED1, 3)).toEqual(fill32(fillNormalFloat32, ...TF1_SEED1, 10).subarray(0, 3));
  });
});

describe("fillNormalFloat64", () => {
  // No documented TF output was found for float64; this checks the kernel's layout against the
  // Box-Muller formula (sin for the first value, cos for the second).
  it("makes one Box-Muller pair per block", () => {
    const b = block(...TF1_SEED1, 0);
    const r = Math.sqrt(-2 * Math.log(uint64ToDouble(b[0], b[1])));
    const angle = 2 * Math.PI * uint64ToDouble(b[2], b[3]);
    const out = fill64(fillNormalFloat64, gen(...TF1_SEED1), 3);
    expect(out[0]).toBeCloseTo(r * Math.sin(angle), 14);
    expect(out[1]).toBeCloseTo(r * Math.cos(angle), 14);
    expect(out[2]).toBe(fill64(fillNormalFloat64, gen(...TF1_SEED1), 4)[2]);
  });
});

describe("fillTruncatedNormalFloat32", () => {
  it("drops values with |x| >= 2 and keeps the rest in order", () => {
    // The documented normals above are -0.8113182, 1.4845988, 0.06532937, -2.4427042, 0.0992484:
    // the first group of four skips -2.4427042.
    expect(printed(fill32(fillTruncatedNormalFloat32, ...TF1_SEED1, 4))).toEqual(["-0.8113182", "1.4845988", "0.06532937", "0.0992484"]);
  });

  // A TF 1.x blog post (jianshu, "tf.truncated_normal与tf.random_normal"): 
  // tf.truncated_normal([2,2], seed=2) printed [[-0.85811085 -0.19662298] [0.13895047 -1.22127688]].
  // Its last two values are one float32 ulp away from ours, and the same post prints
  // tf.random_normal(seed=1)'s -2.4427042 as -2.44270396: both come from that machine's log(),
  // so only the first pair is compared exactly.
  it("reproduces the documented tf.truncated_normal(seed=2) values", () => {
    const out = fill32(fillTruncatedNormalFloat32, 87654321, 2, 4);
    expect(out.subarray(0, 2)).toEqual(f32(-0.85811085, -0.19662298));
    expect(Math.abs(out[2] - 0.13895047)).toBeLessThanOrEqual(2 ** -26 * 2); // ≤ 2 ulp
    expect(Math.abs(out[3] - -1.22127688)).toBeLessThanOrEqual(2 ** -23 * 2);
  });

  it("starts group g of four outputs 256 blocks per group after the base generator", () => {
    const out = fill32(fillTruncatedNormalFloat32, 11, 12, 12);
    const third = gen(11, 12);
    third.skip(2 * 256);
    const group = new Float32Array(4);
    fillTruncatedNormalFloat32(third, group);
    expect(out.subarray(8, 12)).toEqual(group);
  });

  it("keeps every value strictly inside (-2, 2) and leaves the base generator where it was", () => {
    const base = gen(13, 14);
    const out = new Float32Array(1000);
    fillTruncatedNormalFloat32(base, out);
    expect(out.every((x) => Math.abs(x) < 2)).toBe(true);
    expect([base.c0, base.c1]).toEqual([0, 0]);
  });

  it("gives a partial last group the prefix of the full group", () => {
    expect(fill32(fillTruncatedNormalFloat32, 11, 12, 6)).toEqual(fill32(fillTruncatedNormalFloat32, 11, 12, 8).subarray(0, 6));
  });
});

describe("fillTruncatedNormalFloat64", () => {
  it("starts group g of two outputs 128 blocks per group after the base generator", () => {
    const out = fill64(fillTruncatedNormalFloat64, gen(11, 12), 6);
    const third = gen(11, 12);
    third.skip(2 * 128);
    expect(out.subarray(4, 6)).toEqual(fill64(fillTruncatedNormalFloat64, third, 2));
  });

  it("equals the normal values when none is rejected, and stays inside (-2, 2)", () => {
    const normal = fill64(fillNormalFloat64, gen(...TF1_SEED1), 2);
    expect(fill64(fillTruncatedNormalFloat64, gen(...TF1_SEED1), 2)).toEqual(normal);
    expect(fill64(fillTruncatedNormalFloat64, gen(3, 3), 500).every((x) => Math.abs(x) < 2)).toBe(true);
  });
});

describe("fillShufflePermutation", () => {
  // TF 2.13 API docs of tf.random.experimental.stateless_shuffle: shuffling
  // [[1, 2], [3, 4], [5, 6]] with seed=[8, 9] prints [[5 6] [1 2] [3 4]], i.e. rows (2, 0, 1).
  // That op runs the same shuffle as RandomShuffle on the stateless generator of the seed.
  it("reproduces the documented stateless_shuffle permutation", () => {
    const perm = new Int32Array(3);
    fillShufflePermutation(Philox.fromStatelessSeed(8, 9), perm);
    expect([...perm]).toEqual([2, 0, 1]);
  });

  it("swaps entry i with entry i + sample % (n - i), one uint32 sample per step", () => {
    const b = block(5, 6, 0);
    const expected = [0, 1, 2, 3, 4];
    for (let i = 0; i < 4; i++) {
      const j = i + (b[i] % (5 - i));
      [expected[i], expected[j]] = [expected[j], expected[i]];
    }
    const perm = new Int32Array(5);
    fillShufflePermutation(gen(5, 6), perm);
    expect([...perm]).toEqual(expected);
  });

  it("uses n - 1 samples, reading a new block only after four", () => {
    const g = gen(5, 6);
    fillShufflePermutation(g, new Int32Array(6)); // 5 samples: two blocks
    expect(g.c0).toBe(2);
  });
});
