import { describe, expect, it } from "vitest";
import { freshSeed, isValidSeed, seededMath, seededOpSeeds, seededRandom } from "./seeded_random";

describe("seededRandom", () => {
  it("repeats its sequence for the same seed and differs for another seed", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
  });

  it("gives doubles in [0, 1) with a mean near one half", () => {
    const r = seededRandom(123);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005);
  });
});

describe("seededOpSeeds", () => {
  it("gives repeatable non-negative 31-bit seeds, independent of Math.random's stream", () => {
    const s = seededOpSeeds(5);
    const seeds = [s(), s(), s()];
    expect(seeds.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 31)).toBe(true);
    const again = seededOpSeeds(5);
    expect([again(), again(), again()]).toEqual(seeds);
    expect(seeds[0]).not.toBe(Math.floor(seededRandom(5)() * 2 ** 31));
  });
});

describe("seededMath", () => {
  it("behaves as Math with a seeded random, leaving the real Math alone", () => {
    const realRandom = Math.random;
    const m = seededMath(1);
    expect(m.max(1, 3)).toBe(3);
    expect(m.PI).toBe(Math.PI);
    expect(m.random()).toBe(seededRandom(1)());
    expect(Math.random).toBe(realRandom);
  });
});

describe("seeds", () => {
  it("accepts exactly the 32-bit unsigned integers", () => {
    expect([0, 1, 0xffffffff].every(isValidSeed)).toBe(true);
    expect([-1, 0x100000000, 1.5, NaN, "3"].some(isValidSeed)).toBe(false);
    expect(isValidSeed(freshSeed())).toBe(true);
  });
});
