import { describe, expect, it } from "vitest";
import { hexFloat } from "./hexfloat.js";

describe("hexFloat", () => {
  it("reads C hex float literals exactly", () => {
    expect(hexFloat("0x1p+0")).toBe(1);
    expect(hexFloat("0x1.8p1")).toBe(3);
    expect(hexFloat("-0x1p-2")).toBe(-0.25);
    expect(hexFloat("0x1.921fb54442d18p+1")).toBe(Math.PI);
    expect(hexFloat("0x1.62e42fefa39efp-1")).toBe(Math.LN2);
    expect(hexFloat("0x0p+0")).toBe(0);
  });

  it("refuses text that is not a hex float literal", () => {
    expect(() => hexFloat("1.5")).toThrow(SyntaxError);
    expect(() => hexFloat("0x1.8")).toThrow(SyntaxError);
  });

  it("refuses a literal with more bits than a double holds", () => {
    expect(() => hexFloat("0x1.00000000000001p0")).toThrow(RangeError);
  });
});
