import { describe, expect, it } from "vitest";
import { erf } from "./erf.js";

// Reference values: CPython's math.erf (the oracle the kernel was checked against on a fine grid).
const REFERENCE: [number, number][] = [
  [-2.0, -0.9953222650189527],
  [-0.5, -0.5204998778130465],
  [0.3, 0.3286267594591274],
  [1.0, 0.8427007929497149],
  [1.7, 0.9837904585907745],
  [3.2, 0.9999939742388483],
];

describe("erf", () => {
  it("agrees with CPython's math.erf to within one unit in the last place", () => {
    for (const [x, want] of REFERENCE) {
      const ulp = Math.abs(want) * Number.EPSILON;
      expect(Math.abs(erf(x) - want)).toBeLessThanOrEqual(ulp);
    }
  });

  it("is odd, keeps the sign of zero, saturates at ±1 and passes NaN through", () => {
    expect(erf(0.75)).toBe(-erf(-0.75));
    expect(Object.is(erf(-0), -0)).toBe(true);
    expect(erf(7)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erf(NaN)).toBeNaN();
  });

});
