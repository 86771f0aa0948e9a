import { describe, expect, it } from "vitest";
import { logf, sincosf } from "./libmf.js";

// Reference values were printed by glibc 2.36's logf/sincosf (x86-64, Debian 12, a CPU with
// FMA) from a small C program; inputs and outputs are float32 bit patterns. The cases were
// picked where glibc's answer differs from the correctly rounded one ("cr"), which is exactly
// where Math.fround(Math.log(x)) would be wrong. An exhaustive run over every input TF's
// Box-Muller can produce (2^23 values each for log and sincos) matched glibc bit for bit.
const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);
function f(bits: number): number {
  U32[0] = bits;
  return F32[0];
}
function bitsOf(x: number): number {
  F32[0] = x;
  return U32[0];
}

describe("logf", () => {
  it.each([
    [0x3e884d1c, 0xbfa9670d], // cr 0xbfa9670e
    [0x3f40206c, 0xbe92f4a2], // cr 0xbe92f4a3
    [0x3f4117e4, 0xbe9062ce], // cr 0xbe9062cf
    [0x3f4b3e50, 0xbe6c4fcb], // cr 0xbe6c4fca
    [0x3f62af6e, 0xbdf91135], // cr 0xbdf91136
    [0x3f62ed4c, 0xbdf6e290], // cr 0xbdf6e291
    [0x000116c2, 0xc2b834f2], // a subnormal input
  ])("returns glibc's result for the float with bits %s", (x, expected) => {
    expect(bitsOf(logf(f(x)))).toBe(expected);
  });

  it("stays within one float32 ulp of the exact logarithm across the Box-Muller inputs", () => {
    let worst = 0; // in float32 ulps of the result
    for (let m = 1; m < 2 ** 23; m += 97) {
      const u = m * 2 ** -23;
      const exact = Math.log(u);
      worst = Math.max(worst, Math.abs(logf(u) - exact) / 2 ** (Math.floor(Math.log2(Math.abs(exact))) - 23));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it("handles the special values as C does", () => {
    expect(logf(1)).toBe(0);
    expect(logf(0)).toBe(-Infinity);
    expect(logf(Infinity)).toBe(Infinity);
    expect(logf(-1)).toBeNaN();
    expect(logf(NaN)).toBeNaN();
  });
});

describe("sincosf", () => {
  const out = new Float32Array(2);
  it.each([
    [0x3e72f3e0, 0x3e70ae00, 0x3f78d413], // cr sin 0x3e70adff
    [0x3f859fa6, 0x3f5d489e, 0x3f00b904], // cr cos 0x3f00b905
    [0x3f8ebbfd, 0x3f65e0b6, 0x3ee151c4], // cr cos 0x3ee151c5
    [0x3f9ae1c5, 0x3f6f84e0, 0x3eb4bd21], // cr cos 0x3eb4bd20
    [0x3fdff8ab, 0x3f7be91d, 0xbe364c6b], // cr cos 0xbe364c6a
    [0xc0400000, 0xbe1081c3, 0xbf7d7026], // -3: a negative argument
    [0x447a2000, 0x3f7eca46, 0x3dc6dffc], // 1000.5: the large-argument reduction
  ])("returns glibc's sine and cosine for the float with bits %s", (x, sin, cos) => {
    sincosf(f(x), out);
    expect([bitsOf(out[0]), bitsOf(out[1])]).toEqual([sin, cos]);
  });

  it("stays within one float32 ulp of the exact sine and cosine on [0, 2pi)", () => {
    const ulps = (got: number, exact: number) => Math.abs(got - exact) / 2 ** (Math.floor(Math.log2(Math.abs(exact))) - 23);
    let worst = 0;
    for (let m = 1; m < 2 ** 23; m += 97) {
      const v = Math.fround(2 * Math.PI * m * 2 ** -23);
      sincosf(v, out);
      worst = Math.max(worst, ulps(out[0], Math.sin(v)), ulps(out[1], Math.cos(v)));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it("returns x and 1 for tiny arguments, as glibc does", () => {
    sincosf(2 ** -20, out);
    expect([out[0], out[1]]).toEqual([2 ** -20, 1]);
  });

  it("returns NaN for infinite arguments", () => {
    sincosf(Infinity, out);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeNaN();
  });
});
