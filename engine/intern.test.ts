import { describe, expect, it } from "vitest";
import { intern } from "./intern";

describe("intern", () => {
  it("returns a string equal to its argument, for names, integer-like names and the empty string", () => {
    for (const s of ["add:0", `${"gradients/Square_grad"}/Mul:${0}`, "0", "12", "", "__proto__", "constructor"]) expect(intern(s)).toBe(s);
  });
});
