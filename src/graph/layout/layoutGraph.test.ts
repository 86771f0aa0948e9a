import { describe, expect, it } from "vitest";
import { accumulate, regressionNodes } from "../model/fixtures";
import { buildStructure } from "../model/structure";
import { buildView, SERIES_PAGE } from "../model/view";
import { buildScene } from "../render/scene";
import { buildLayoutGraph, placeAll } from "./layoutGraph";

function graphOf(nodes: Parameters<typeof buildStructure>[0], overrides = new Map<string, boolean>()) {
  const view = buildView(buildStructure(nodes), overrides);
  const scene = buildScene(view, new Map());
  return { view, scene, graph: buildLayoutGraph(view, scene) };
}

describe("buildLayoutGraph", () => {
  it("makes an expanded series one unit and its edges edges of that unit, once per pair", () => {
    const { graph } = graphOf(accumulate(100), new Map([["add_[*]", false]]));
    // Opened, the picture is big: the constant `Const` becomes a chip beside `add`, its reader.
    expect(graph.nodes.map((n) => n.id)).toEqual(["n:x", "g:mul_[*]", "g:add_[*]"]);
    expect(graph.edges.map((e) => `${e.source}>${e.target}`)).toEqual(["n:x>g:mul_[*]", "g:mul_[*]>g:add_[*]"]);
    // The box holds its members (and its rest node, and their chips): what placeAll puts inside it.
    const parts = graph.attached.get("g:add_[*]")!.map((p) => p.id);
    expect(parts.filter((id) => !id.startsWith("c:"))).toHaveLength(SERIES_PAGE + 1);
    expect(parts.slice(0, 2)).toEqual(["n:add", "c:n:Const|n:add|data"]);
  });

  it("snakes a series' members through its grid, so a chain stays a chain of neighbours", () => {
    const { graph } = graphOf(accumulate(30), new Map([["add_[*]", false]]));
    const placed = placeAll(graph, new Map([["g:add_[*]", { x: 0, y: 0 }]]));
    const box = graph.nodes.find((n) => n.id === "g:add_[*]")!;
    for (let i = 1; i < 30; i++) {
      const a = placed.get(i === 1 ? "n:add" : `n:add_${i - 1}`)!;
      const b = placed.get(`n:add_${i}`)!;
      // Next to each other: same row, or one row down in the same column.
      expect(a.x === b.x || a.y === b.y).toBe(true);
      expect(Math.abs(b.x) <= box.width / 2 && Math.abs(b.y) <= box.height / 2).toBe(true);
    }
  });

  it("puts a node's chips beside it and counts them in its unit's size", () => {
    const { scene, graph } = graphOf(accumulate(10));
    const unit = graph.nodes.find((n) => n.id === "g:mul_[*]")!;
    const node = scene.sizes.get("g:mul_[*]")!;
    const chip = scene.chips.find((c) => c.host === "g:mul_[*]")!;
    expect(unit.width).toBeGreaterThan(node.width + scene.sizes.get(chip.id)!.width);
    const placed = placeAll(graph, new Map([["g:mul_[*]", { x: 0, y: 0 }]]));
    expect(placed.get(chip.id)!.x).toBeLessThan(placed.get("g:mul_[*]")!.x - node.width / 2);
  });

  it("changes its key when a scope opens, not when the same view is built again", () => {
    const a = graphOf(regressionNodes()).graph.key;
    expect(graphOf(regressionNodes()).graph.key).toBe(a);
    expect(graphOf(regressionNodes(), new Map([["gradients", false]])).graph.key).not.toBe(a);
  });
});
