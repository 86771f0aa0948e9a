import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import { assignNodes, regressionNodes } from "../model/fixtures";
import { buildStructure } from "../model/structure";
import { buildView } from "../model/view";
import { fromElk, toElk } from "./elkGraph";
import { nodeLabel, nodeSize } from "./sizes";

function elkInput(nodes: Parameters<typeof buildStructure>[0], overrides = new Map<string, boolean>()) {
  const view = buildView(buildStructure(nodes), overrides);
  const sizes = new Map(view.nodes.map((n) => [n.id, nodeSize(nodeLabel(n, undefined))]));
  return { view, graph: toElk(view, sizes) };
}

describe("toElk", () => {
  it("nests expanded groups and hands reference edges to ELK reversed", () => {
    const { graph } = elkInput(regressionNodes(), new Map([["GradientDescent", false]]));
    const gd = graph.children!.find((c) => c.id === "g:GradientDescent")!;
    expect(gd.children!.map((c) => c.id)).toEqual([
      "n:GradientDescent/learning_rate",
      "g:GradientDescent/update_m",
      "g:GradientDescent/update_b",
      "n:GradientDescent",
    ]);
    expect(graph.edges!.find((e) => e.id === "n:GradientDescent/update_m/ApplyGradientDescent|n:m|ref")).toMatchObject({
      sources: ["n:m"],
      targets: ["n:GradientDescent/update_m/ApplyGradientDescent"],
    });
    expect(graph.layoutOptions!["elk.direction"]).toBe("DOWN");
  });
});

describe("fromElk", () => {
  it("puts every drawn leaf at an absolute centre, variables above the assigns that write them", async () => {
    const { view, graph } = elkInput(assignNodes());
    const laidOut = await new ELK().layout(graph);
    const { centers } = fromElk(laidOut);
    expect([...centers.keys()].sort()).toEqual(view.nodes.map((n) => n.id).sort());
    expect(centers.get("n:count")!.y).toBeLessThan(centers.get("n:Assign")!.y);
    expect(centers.get("n:Const")!.y).toBeLessThan(centers.get("n:Assign")!.y);
  });

  it("returns boxes for expanded groups and centres inside them", async () => {
    const { graph } = elkInput(regressionNodes(), new Map([["GradientDescent", false]]));
    const { centers, boxes } = fromElk(await new ELK().layout(graph));
    const box = boxes.get("g:GradientDescent")!;
    const c = centers.get("n:GradientDescent/learning_rate")!;
    expect(c.x).toBeGreaterThan(box.x);
    expect(c.x).toBeLessThan(box.x + box.width);
    expect(c.y).toBeGreaterThan(box.y);
    expect(c.y).toBeLessThan(box.y + box.height);
  });
});
