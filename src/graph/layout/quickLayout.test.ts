import { describe, expect, it } from "vitest";
import { regressionNodes } from "../model/fixtures";
import { buildStructure } from "../model/structure";
import { syntheticFlat } from "../model/synthetic";
import { op } from "../model/testing";
import { buildView } from "../model/view";
import { buildScene } from "../render/scene";
import { buildLayoutGraph, type LayoutGraph } from "./layoutGraph";
import { layered, quickLayout } from "./quickLayout";

function graphOf(nodes: Parameters<typeof buildStructure>[0], overrides = new Map<string, boolean>()): LayoutGraph {
  const view = buildView(buildStructure(nodes), overrides);
  return buildLayoutGraph(view, buildScene(view, new Map()));
}

describe("quickLayout", () => {
  it("puts every node below all of its inputs, and variables above their writers", () => {
    const centers = quickLayout(graphOf([op("a", "Const"), op("b", "Neg", { inputs: ["a:0"] }), op("c", "Add", { inputs: ["a:0", "b:0"] }), op("v", "VariableV2"), op("w", "Assign", { inputs: ["c:0"], ref: ["v:0"] })]));
    const y = (id: string) => centers.get(id)!.y;
    expect(y("n:a")).toBeLessThan(y("n:b"));
    expect(y("n:b")).toBeLessThan(y("n:c"));
    expect(y("n:c")).toBeLessThan(y("n:w"));
    expect(y("n:v")).toBeLessThan(y("n:w"));
  });

  it("places 3,000 nodes of a flat graph without overlaps in a layer", () => {
    const graph = graphOf(syntheticFlat(3000));
    const centers = quickLayout(graph);
    const width = new Map(graph.nodes.map((n) => [n.id, n.width]));
    const rows = new Map<number, { x: number; w: number }[]>();
    for (const [id, p] of centers) (rows.get(p.y) ?? rows.set(p.y, []).get(p.y)!).push({ x: p.x, w: width.get(id)! });
    for (const xs of rows.values()) {
      xs.sort((a, b) => a.x - b.x);
      for (let i = 1; i < xs.length; i++) expect(xs[i].x - xs[i - 1].x).toBeGreaterThanOrEqual((xs[i].w + xs[i - 1].w) / 2);
    }
  });

  it("lays out an expanded scope as a box its children stay inside, apart from the nodes beside it", () => {
    const graph = graphOf(regressionNodes(), new Map([["gradients", false]]));
    const centers = quickLayout(graph);
    const inside = graph.nodes.filter((n) => n.parent === "g:gradients").map((n) => centers.get(n.id)!);
    const outside = graph.nodes.filter((n) => n.parent === null && !n.compound).map((n) => ({ c: centers.get(n.id)!, n }));
    const x1 = Math.min(...inside.map((c) => c.x));
    const x2 = Math.max(...inside.map((c) => c.x));
    const y1 = Math.min(...inside.map((c) => c.y));
    const y2 = Math.max(...inside.map((c) => c.y));
    for (const { c, n } of outside) {
      const overlaps = c.x + n.width / 2 > x1 && c.x - n.width / 2 < x2 && c.y + n.height / 2 > y1 && c.y - n.height / 2 < y2;
      expect(overlaps).toBe(false);
    }
  });

  // Deeper than any JavaScript stack: a recursive walk would throw RangeError here.
  it("lays out a 50,000-node chain (no recursion on its depth)", () => {
    const n = 50_000;
    const items = Array.from({ length: n }, (_, i) => ({ id: String(i), width: 60, height: 34 }));
    const edges = Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as [number, number]);
    const pts = layered(items, edges);
    expect(pts[n - 1].y).toBeGreaterThan(pts[n - 2].y);
  });

  it("breaks a cycle instead of looping", () => {
    const pts = layered([{ id: "a", width: 10, height: 10 }, { id: "b", width: 10, height: 10 }], [[0, 1], [1, 0]]);
    expect(pts[0].y).toBeLessThan(pts[1].y);
  });
});
