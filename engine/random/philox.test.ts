import { describe, expect, it } from "vitest";
import { Philox, splitInt64 } from "./philox.js";

/** The next block of a generator, as plain numbers. */
function draw(g: Philox): number[] {
  g.next();
  return [...g.block];
}

describe("Philox", () => {
  // Known-answer tests of Random123 (DEShawResearch/random123, tests/kat_vectors), the three
  // "philox4x32 10" lines: counter[4], key[2] → output[4]. TF's PhiloxRandom(counter, key)
  // takes the state in the same word order.
  it("matches Random123's known answers for an all-zero counter and key", () => {
    expect(draw(Philox.fromCounterKey([0, 0, 0, 0], [0, 0]))).toEqual([0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]);
  });

  it("matches Random123's known answers for an all-ones counter and key", () => {
    const ones = 0xffffffff;
    expect(draw(Philox.fromCounterKey([ones, ones, ones, ones], [ones, ones]))).toEqual([
      0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd,
    ]);
  });

  it("matches Random123's known answers for the digits of pi", () => {
    const g = Philox.fromCounterKey([0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0]);
    expect(draw(g)).toEqual([0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1]);
  });

  it("keys with seed and puts seed2 in counter words 2 and 3, as PhiloxRandom(seed_lo, seed_hi)", () => {
    const g = Philox.fromSeeds(0x1_2345_6789, 0xa_bcde_f012);
    expect([g.k0, g.k1]).toEqual([0x23456789, 0x1]);
    expect([g.c0, g.c1, g.c2, g.c3]).toEqual([0, 0, 0xbcdef012, 0xa]);
  });

  it("derives a stateless op's key and counter from one block under TF's fixed key", () => {
    const mix = Philox.fromCounterKey([8, 0, 9, 0], [0x3ec8f720, 0x02461e29]);
    const [k0, k1, c2, c3] = draw(mix);
    const g = Philox.fromStatelessSeed(8, 9);
    expect([g.k0, g.k1, g.c0, g.c1, g.c2, g.c3]).toEqual([k0, k1, 0, 0, c2, c3]);
  });

  it("increments the 128-bit counter after each block, carrying across words", () => {
    const g = Philox.fromCounterKey([0xffffffff, 0xffffffff, 0xffffffff, 7], [1, 2]);
    g.next();
    expect([g.c0, g.c1, g.c2, g.c3]).toEqual([0, 0, 0, 8]);
  });

  it("gives after skip(n) the block that n calls to next() would have reached", () => {
    // TF's own philox_random_test.cc (SkipMatchTest) checks this same property.
    const skipped = Philox.fromSeeds(87654321, 1);
    skipped.skip(512);
    const walked = Philox.fromSeeds(87654321, 1);
    for (let i = 0; i < 512; i++) walked.next();
    expect(draw(skipped)).toEqual(draw(walked));
  });

  it("skips counts of 2^32 and more into counter word 1", () => {
    const g = Philox.fromCounterKey([0xfffffff0, 5, 0, 0], [0, 0]);
    g.skip(3 * 2 ** 32 + 0x20);
    expect([g.c0, g.c1, g.c2, g.c3]).toEqual([0x10, 9, 0, 0]);
  });

  it("carries a skip out of counter word 1 into words 2 and 3, as TF's Skip does", () => {
    const g = Philox.fromCounterKey([0, 0xffffffff, 0xffffffff, 4], [0, 0]);
    g.skip(2 ** 32);
    expect([g.c0, g.c1, g.c2, g.c3]).toEqual([0, 0, 0, 5]);
  });

  it("refuses a negative or fractional skip", () => {
    expect(() => new Philox().skip(-1)).toThrow(RangeError);
    expect(() => new Philox().skip(1.5)).toThrow(RangeError);
  });

  it("clones into an independent generator in the same state", () => {
    const g = Philox.fromSeeds(3, 4);
    const copy = g.clone();
    const first = draw(g);
    expect(draw(copy)).toEqual(first);
    expect(draw(g)).not.toEqual(first);
  });
});

describe("splitInt64", () => {
  it("splits a non-negative integer into low and high 32-bit words", () => {
    expect(splitInt64(87654321)).toEqual([87654321, 0]);
    expect(splitInt64(2 ** 40 + 5)).toEqual([5, 256]);
  });

  it("uses two's complement for negatives, as an int64 attr cast to uint64", () => {
    expect(splitInt64(-1)).toEqual([0xffffffff, 0xffffffff]);
    expect(splitInt64(-(2 ** 32))).toEqual([0, 0xffffffff]);
  });

  it("refuses values that are not safe integers", () => {
    expect(() => splitInt64(0.5)).toThrow(RangeError);
    expect(() => splitInt64(2 ** 60)).toThrow(RangeError);
  });
});
