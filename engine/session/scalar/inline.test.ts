import { describe, expect, it } from "vitest";
import { inlineScalar } from "./inline";
import { OPS } from "../../ops/registry";

/** Evaluates an inlined expression with its arguments bound to `a0`, `a1`, ... */
function evalInlined(expr: string, values: number[]): number {
  const names = values.map((_, i) => `a${i}`);
  return new Function(...names, `"use strict"; return ${expr};`)(...values) as number;
}

const SAMPLES = [0, 1, -1, 2.5, -3.75, 0.1, 7, 1e-3, 1e3, -0, NaN, Infinity, -Infinity, 2 ** 31 - 1, -(2 ** 31)];

describe("inlineScalar", () => {
  it("inlines one-expression arrows and Math functions, with each argument in parens", () => {
    expect(inlineScalar((x, y) => x * y, ["r1", "K[0]"])).toBe("((r1) * (K[0]))");
    expect(inlineScalar(Math.sqrt, ["r2"])).toBe("Math.sqrt(r2)");
    expect(inlineScalar((x) => 1 / Math.sqrt(x), ["r3 + 1"])).toBe("(1 / Math.sqrt((r3 + 1)))");
  });

  it("declines block bodies, free variables, keywords and arity mismatches", () => {
    const helper = (v: number) => v;
    expect(
      inlineScalar(
        (x) => {
          return x;
        },
        ["a"],
      ),
    ).toBeNull();
    expect(inlineScalar((x) => helper(x), ["a"])).toBeNull();
    expect(inlineScalar((x) => (typeof x === "number" ? x : 0), ["a"])).toBeNull();
    expect(inlineScalar((x, y) => x + y, ["a"])).toBeNull();
  });

  it("computes what the function computes, for every scalar form of every op", () => {
    let inlined = 0;
    for (const def of OPS.all()) {
      if (!def.scalar) continue;
      for (const f of [def.scalar.f, def.scalar.f32, def.scalar.i32]) {
        if (!f) continue;
        const arity = f.length || 1;
        const args = Array.from({ length: arity }, (_, i) => `a${i}`);
        const expr = inlineScalar(f, args);
        if (expr === null) continue;
        inlined++;
        for (const x of SAMPLES) {
          for (const y of arity > 1 ? SAMPLES : [0]) {
            const values = arity > 1 ? [x, y] : [x];
            expect(Object.is(evalInlined(expr, values), f(...values)), `${def.type}: ${expr} at ${values}`).toBe(true);
          }
        }
      }
    }
    expect(inlined).toBeGreaterThan(30);
  });
});
