import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import { assignNodes, regressionNodes } from "../model/fixtures";
import { buildStructure } from "../model/structure";
import { buildView } from "../model/view";
import { buildScene } from "../render/scene";
import { fromElk, toElk } from "./elkGraph";
import { buildLayoutGraph } from "./layoutGraph";

function graphOf(nodes: Parameters<typeof buildStructure>[0], overrides = new Map<string, boolean>()) {
  const view = buildView(buildStructure(nodes), overrides);
  return { view, graph: buildLayoutGraph(view, buildScene(view, new Map())) };
}

describe("toElk", () => {
  it("nests expanded scopes and hands reference edges to ELK reversed", () => {
    const { graph } = graphOf(regressionNodes(), new Map([["GradientDescent", false]]));
    const elk = toElk(graph);
    const gd = elk.children!.find((c) => c.id === "g:GradientDescent")!;
    expect(gd.children!.map((c) => c.id)).toEqual([
      "n:GradientDescent/learning_rate",
      "n:GradientDescent/update_m/ApplyGradientDescent",
      "n:GradientDescent/update_b/ApplyGradientDescent",
      "n:GradientDescent",
    ]);
    expect(elk.edges!.find((e) => e.id === "n:GradientDescent/update_m/ApplyGradientDescent|n:m|ref")).toMatchObject({
      sources: ["n:m"],
      targets: ["n:GradientDescent/update_m/ApplyGradientDescent"],
    });
    expect(elk.layoutOptions!["elk.direction"]).toBe("DOWN");
  });
});

describe("fromElk", () => {
  it("puts every unit at an absolute centre, variables above the assigns that write them", async () => {
    const { view, graph } = graphOf(assignNodes());
    const { centers } = fromElk(await new ELK().layout(toElk(graph)), graph);
    expect([...centers.keys()].sort()).toEqual(view.nodes.map((n) => n.id).sort());
    expect(centers.get("n:count")!.y).toBeLessThan(centers.get("n:Assign")!.y);
    expect(centers.get("n:Const")!.y).toBeLessThan(centers.get("n:Assign")!.y);
  });

  it("places the children of an expanded scope inside its box", async () => {
    const { graph } = graphOf(regressionNodes(), new Map([["GradientDescent", false]]));
    const laidOut = await new ELK().layout(toElk(graph));
    const box = laidOut.children!.find((c) => c.id === "g:GradientDescent")!;
    const { centers } = fromElk(laidOut, graph);
    const c = centers.get("n:GradientDescent/learning_rate")!;
    expect(c.x).toBeGreaterThan(box.x!);
    expect(c.x).toBeLessThan(box.x! + box.width!);
    expect(c.y).toBeGreaterThan(box.y!);
    expect(c.y).toBeLessThan(box.y! + box.height!);
  });
});
