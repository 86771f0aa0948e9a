import { describe, expect, it } from "vitest";
import { rint } from "./round.js";

describe("rint", () => {
  it("rounds halves to the even neighbour, as TF's Round, numpy's round and Python's round do", () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999999999999996].map(rint)).toEqual([0, 2, 2, -0, -2, -2, 2]);
  });

  it("keeps the sign of zero (numpy prints -0.), which Python's int result drops by adding 0", () => {
    expect(Object.is(rint(-0.4), -0)).toBe(true);
    expect(Object.is(rint(-0), -0)).toBe(true);
    expect(Object.is(rint(-0.4) + 0, 0)).toBe(true);
  });

  it("leaves integers beyond 2**52, infinities and NaN as they are", () => {
    expect(rint(2 ** 53 + 2)).toBe(2 ** 53 + 2);
    expect(rint(-Infinity)).toBe(-Infinity);
    expect(rint(NaN)).toBeNaN();
  });
});
