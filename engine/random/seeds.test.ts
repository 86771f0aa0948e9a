import { describe, expect, it } from "vitest";
import { DEFAULT_GRAPH_SEED, MAXINT32, getSeed } from "./seeds.js";

// Expected pairs follow tensorflow/python/framework/random_seed.py (TF 1.14), get_seed().
describe("getSeed", () => {
  it("returns (None, None) when neither the graph nor the op has a seed", () => {
    expect(getSeed(null, null, 12)).toEqual([null, null]);
  });

  it("pairs an op seed with DEFAULT_GRAPH_SEED when the graph has no seed", () => {
    expect(DEFAULT_GRAPH_SEED).toBe(87654321);
    expect(getSeed(null, 1, 12)).toEqual([87654321, 1]);
  });

  it("uses the graph's last op id as the op seed when only the graph seed is set", () => {
    expect(getSeed(1234, null, 7)).toEqual([1234, 7]);
  });

  it("uses both seeds when both are set, ignoring the last op id", () => {
    expect(getSeed(1, 3, 7)).toEqual([1, 3]);
  });

  it("reduces seeds modulo 2^31 - 1 with Python's non-negative remainder", () => {
    expect(MAXINT32).toBe(2147483647);
    expect(getSeed(2 ** 32, -1, 0)).toEqual([2, 2147483646]);
    expect(getSeed(null, 2147483648, 0)).toEqual([87654321, 1]);
  });

  it("turns (0, 0) into (0, 2^31 - 1) so the kernel does not read it as 'unseeded'", () => {
    expect(getSeed(0, 0, 5)).toEqual([0, MAXINT32]);
    expect(getSeed(0, null, 0)).toEqual([0, MAXINT32]);
    // 2^31 - 1 truncates to 0 too.
    expect(getSeed(MAXINT32, 0, 5)).toEqual([0, MAXINT32]);
  });

  it("keeps (0, n) and (n, 0) pairs as they are", () => {
    expect(getSeed(0, 4, 5)).toEqual([0, 4]);
    expect(getSeed(4, 0, 5)).toEqual([4, 0]);
  });
});
