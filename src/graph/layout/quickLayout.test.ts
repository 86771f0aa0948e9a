import { describe, expect, it } from "vitest";
import { regressionNodes } from "../model/fixtures";
import { buildStructure } from "../model/structure";
import { syntheticFlat } from "../model/synthetic";
import { op } from "../model/testing";
import { buildView } from "../model/view";
import { quickLayout, quickLayoutApplies } from "./quickLayout";

const sizes = new Map<string, { width: number; height: number }>();

describe("quickLayout", () => {
  it("puts every node below all of its inputs, and variables above their writers", () => {
    const view = buildView(buildStructure([op("a", "Const"), op("b", "Neg", { inputs: ["a:0"] }), op("c", "Add", { inputs: ["a:0", "b:0"] }), op("v", "VariableV2"), op("w", "Assign", { inputs: ["c:0"], ref: ["v:0"] })]));
    const { centers } = quickLayout(view, sizes);
    const y = (id: string) => centers.get(id)!.y;
    expect(y("n:a")).toBeLessThan(y("n:b"));
    expect(y("n:b")).toBeLessThan(y("n:c"));
    expect(y("n:c")).toBeLessThan(y("n:w"));
    expect(y("n:v")).toBeLessThan(y("n:w"));
  });

  it("places 3,000 nodes without overlaps in a layer", () => {
    const view = buildView(buildStructure(syntheticFlat(3000)));
    const t0 = performance.now();
    const { centers } = quickLayout(view, sizes);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(centers.size).toBe(3000);
    const rows = new Map<number, number[]>();
    for (const p of centers.values()) (rows.get(p.y) ?? rows.set(p.y, []).get(p.y)!).push(p.x);
    for (const xs of rows.values()) {
      xs.sort((a, b) => a - b);
      for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(60 + 22);
    }
  });

  it("applies only to big graphs without open scopes", () => {
    const view = buildView(buildStructure(regressionNodes()));
    expect(quickLayoutApplies(view, 5)).toBe(true);
    expect(quickLayoutApplies(view, 100)).toBe(false);
    expect(quickLayoutApplies(buildView(buildStructure(regressionNodes()), new Map([["gradients", false]])), 5)).toBe(false);
  });
});
