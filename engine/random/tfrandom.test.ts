import { describe, expect, it } from "vitest";
import { fillNormalFloat32, fillShufflePermutation, fillUniformFloat32 } from "./distributions.js";
import { Philox } from "./philox.js";
import { TFRandom } from "./tfrandom.js";

// ---- factories ----

/** The attrs of `tf.random_uniform(..., seed=1)` in a graph without a graph seed. */
const seeded = () => new TFRandom(87654321, 1);

/** Fills a fresh float32 array of n elements with one call of `draw`. */
function run32(rng: TFRandom, draw: (this: TFRandom, out: Float32Array) => void, n: number): Float32Array {
  const out = new Float32Array(n);
  draw.call(rng, out);
  return out;
}

describe("TFRandom", () => {
  // TF 2.x tf.random notes (eager keeps one kernel, hence one GuardedPhiloxRandom, per op):
  // tf.random.uniform([1], seed=1) twice prints 0.2390374 then 0.22267115.
  it("gives TF's second sample on the second run of the same op", () => {
    const rng = seeded();
    expect(run32(rng, rng.uniformFloat32, 1)[0]).toBe(Math.fround(0.2390374));
    expect(run32(rng, rng.uniformFloat32, 1)[0]).toBe(Math.fround(0.22267115));
  });

  // TF 2.x API docs of tf.random.uniform: after tf.random.set_seed(5), calling
  // tf.random.uniform(shape=[], maxval=3, dtype=tf.int32, seed=10) twice gives 2 then 0.
  it("reproduces the documented int32 sequence across two runs", () => {
    const rng = new TFRandom(5, 10);
    const out = new Int32Array(1);
    rng.uniformInt32(out, 0, 3);
    const first = out[0];
    rng.uniformInt32(out, 0, 3);
    expect([first, out[0]]).toEqual([2, 0]);
  });

  it("moves 256 blocks per output element between runs (ReserveRandomOutputs(n, 256))", () => {
    const rng = seeded();
    run32(rng, rng.normalFloat32, 3);
    const expected = Philox.fromSeeds(87654321, 1);
    expected.skip(3 * 256);
    const out = new Float32Array(5);
    fillNormalFloat32(expected, out);
    expect(run32(rng, rng.normalFloat32, 5)).toEqual(out);
  });

  it("reserves the same way for every distribution and dtype", () => {
    const rng = seeded();
    rng.truncatedNormalFloat64(new Float64Array(2));
    rng.uniformInt32(new Int32Array(1), 0, 5);
    const expected = Philox.fromSeeds(87654321, 1);
    expected.skip(3 * 256);
    const out = new Float32Array(2);
    fillUniformFloat32(expected, out);
    expect(run32(rng, rng.uniformFloat32, 2)).toEqual(out);
  });

  it("does not move the state for an empty output", () => {
    const rng = seeded();
    rng.uniformFloat32(new Float32Array(0));
    expect(run32(rng, rng.uniformFloat32, 1)[0]).toBe(Math.fround(0.2390374));
  });

  it("returns an empty int32 output before checking minval < maxval, as TF does", () => {
    const rng = seeded();
    expect(() => rng.uniformInt32(new Int32Array(0), 5, 5)).not.toThrow();
    expect(() => rng.uniformInt32(new Int32Array(2), 5, 5)).toThrow("Need minval < maxval, got 5 >= 5");
  });

  it("refuses seeds (0, 0) without an entropy source, since TF would pick random seeds", () => {
    expect(() => new TFRandom(0, 0)).toThrow(/both 0/);
  });

  it("draws both seeds from the entropy source when the attrs are (0, 0)", () => {
    const values = [87654321, 1];
    const rng = new TFRandom(0, 0, () => values.shift()!);
    expect(rng.seeds).toEqual([87654321, 1]);
    expect(run32(rng, rng.uniformFloat32, 1)[0]).toBe(Math.fround(0.2390374));
  });

  it("does not consult the entropy source when a seed is set", () => {
    const rng = new TFRandom(0, 5, () => {
      throw new Error("entropy used");
    });
    expect(rng.seeds).toEqual([0, 5]);
  });

  it("reserves raw blocks for other kernels and moves on by the reserved count", () => {
    const rng = seeded();
    const reserved = rng.reserveSamples128(10);
    expect([reserved.c0, reserved.c2]).toEqual([0, 1]);
    expect(rng.reserveRandomOutputs(2, 4).c0).toBe(10);
    expect(rng.reserveSamples128(0).c0).toBe(18);
  });

  it("reserves ceil((rows - 1) / 4) blocks per shuffle and shuffles from the reserved start", () => {
    const rng = seeded();
    const perm = new Int32Array(6);
    rng.shufflePermutation(perm, 6);
    expect(rng.reserveSamples128(0).c0).toBe(2);
    const expected = new Int32Array(6);
    fillShufflePermutation(Philox.fromSeeds(87654321, 1), expected);
    expect(perm).toEqual(expected);
  });

  it("leaves a tensor of at most one element or one row unshuffled, without reserving", () => {
    const rng = seeded();
    const perm = new Int32Array(4);
    rng.shufflePermutation(perm, 0); // e.g. shape [4, 0]
    expect([...perm]).toEqual([0, 1, 2, 3]);
    rng.shufflePermutation(new Int32Array(1), 7); // shape [1, 7]
    expect(rng.reserveSamples128(0).c0).toBe(0);
  });

  it("keeps every draw of a run in range for each distribution", () => {
    const rng = seeded();
    const u = run32(rng, rng.uniformFloat32, 4096);
    const t = run32(rng, rng.truncatedNormalFloat32, 4096);
    const d = new Float64Array(4096);
    rng.uniformFloat64(d);
    const i = new Int32Array(4096);
    rng.uniformInt32(i, -3, 4);
    expect(u.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(t.every((x) => Math.abs(x) < 2)).toBe(true);
    expect(d.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(i.every((x) => x >= -3 && x < 4)).toBe(true);
    rng.normalFloat64(d);
    expect(d.every(Number.isFinite)).toBe(true);
  });
});
