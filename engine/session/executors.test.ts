/**
 * The executors (generic.ts, scalar/) read what an op does from its declaration (op.ts: aliasing,
 * shape-only reads, scalar forms, dead inputs), never from its type: a new op with the same
 * facts runs the same way without touching them.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { OPS } from "../ops/registry.js";
import { inlineScalar } from "./scalar/inline.js";

const dir = fileURLToPath(new URL(".", import.meta.url));

function sources(d: string): string[] {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    if (statSync(p).isDirectory()) return sources(p);
    return n.endsWith(".ts") && !n.endsWith(".test.ts") ? [p] : [];
  });
}

describe("the session's executors", () => {
  it("name no op type: what an op does comes from its declaration", () => {
    const types = new Set(OPS.all().map((d) => d.type));
    const named: string[] = [];
    for (const file of sources(dir)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/["'`]([A-Za-z0-9]+)["'`]/g)) if (types.has(m[1])) named.push(`${file.slice(dir.length)}: ${m[1]}`);
    }
    expect(named).toEqual([]);
  });
});

describe("scalar update forms", () => {
  const SAMPLES = [0, 1, -1, 2.5, -3.75, 0.1, 7, 1e-3, -0, 2 ** 31 - 1];

  it("inline to what their function computes, for every op that declares one", () => {
    let checked = 0;
    for (const def of OPS.all()) {
      const upd = def.scalarUpdate;
      if (!upd) continue;
      for (const f of [upd.f, upd.f32, upd.i32]) {
        if (!f) continue;
        const names = Array.from({ length: Math.max(f.length, 2) }, (_, i) => `a${i}`);
        const expr = inlineScalar(f, names);
        expect(expr, `${def.type} inlines`).not.toBeNull();
        const g = new Function(...names, `"use strict"; return ${expr};`) as (...x: number[]) => number;
        for (const x of SAMPLES)
          for (const y of SAMPLES) {
            const args = names.map((_, i) => (i === 0 ? x : i === 1 ? y : 0.5));
            expect(Object.is(g(...args), f(...(args as [number, ...number[]]))), `${def.type} at ${args}`).toBe(true);
          }
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it("belong to ops that write a variable, and pass-throughs name an existing input", () => {
    for (const def of OPS.all()) {
      if (def.scalarUpdate) expect(def.effects, def.type).toContain("writes-variable");
      if (def.scalarPassThrough) expect(def.scalarPassThrough.input, def.type).toBeLessThan(def.inputs.length);
      if (def.aliasesInput) expect(def.inputs.length, def.type).toBeGreaterThan(0);
    }
  });
});
