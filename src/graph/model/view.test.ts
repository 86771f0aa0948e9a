import { describe, expect, it } from "vitest";
import { assignNodes, regressionNodes } from "./fixtures";
import { buildStructure } from "./structure";
import { ancestorsOf, buildView } from "./view";

const simplify = (edges: { source: string; target: string; kind: string; pairs: number[] }[]) => edges.map((e) => `${e.source} -${e.kind}${e.pairs.length > 1 ? `×${e.pairs.length}` : ""}-> ${e.target}`);

describe("buildView", () => {
  it("draws a folded variable as one node and drops edges inside it", () => {
    const s = buildStructure(assignNodes());
    const v = buildView(s);
    expect(v.nodes.map((n) => n.id)).toEqual(["n:count", "n:Const", "n:Assign"]);
    expect(simplify(v.edges)).toEqual(["n:Const -data-> n:Assign", "n:Assign -ref-> n:count"]);
    expect(v.visibleOf.get("count/read")).toBe("n:count");
  });

  it("draws collapsed scopes as one node and merges their edges by kind", () => {
    const s = buildStructure(regressionNodes());
    const v = buildView(s);
    expect(v.nodes.map((n) => `${n.id}${n.collapsed ? " (collapsed)" : ""}`)).toEqual([
      "n:m",
      "n:b",
      "n:init",
      "n:Placeholder",
      "n:Placeholder_1",
      "n:mul",
      "n:add",
      "n:sub",
      "n:Square",
      "g:gradients (collapsed)",
      "g:GradientDescent (collapsed)",
    ]);
    expect(simplify(v.edges)).toEqual([
      "n:m -control-> n:init",
      "n:b -control-> n:init",
      "n:m -data-> n:mul",
      "n:Placeholder -data-> n:mul",
      "n:mul -data-> n:add",
      "n:b -data-> n:add",
      "n:Placeholder_1 -data-> n:sub",
      "n:add -data-> n:sub",
      "n:sub -data-> n:Square",
      "n:Square -data-> g:gradients",
      "n:sub -data-> g:gradients",
      "n:Placeholder -data-> g:gradients",
      "g:gradients -data×2-> g:GradientDescent",
      "g:GradientDescent -ref-> n:m",
      "g:GradientDescent -ref-> n:b",
    ]);
    expect(v.byId.get("g:gradients")!.members).toEqual([
      "gradients/Shape",
      "gradients/grad_ys_0",
      "gradients/Fill",
      "gradients/Square_grad/Mul",
      "gradients/sub_grad/Neg",
      "gradients/mul_grad/Mul",
    ]);
  });

  it("expands a scope on request, nesting its children", () => {
    const s = buildStructure(regressionNodes());
    const v = buildView(s, new Map([["GradientDescent", false]]));
    const gd = v.nodes.filter((n) => n.name.startsWith("GradientDescent")).map((n) => [n.id, n.parent]);
    expect(gd).toEqual([
      ["g:GradientDescent", null],
      ["n:GradientDescent/learning_rate", "g:GradientDescent"],
      ["g:GradientDescent/update_m", "g:GradientDescent"],
      ["n:GradientDescent/update_m/ApplyGradientDescent", "g:GradientDescent/update_m"],
      ["g:GradientDescent/update_b", "g:GradientDescent"],
      ["n:GradientDescent/update_b/ApplyGradientDescent", "g:GradientDescent/update_b"],
      ["n:GradientDescent", "g:GradientDescent"],
    ]);
    expect(simplify(v.edges.filter((e) => e.kind !== "data" || e.source.includes("GradientDescent")))).toEqual([
      "n:m -control-> n:init",
      "n:b -control-> n:init",
      "n:GradientDescent/learning_rate -data-> n:GradientDescent/update_m/ApplyGradientDescent",
      "n:GradientDescent/update_m/ApplyGradientDescent -ref-> n:m",
      "n:GradientDescent/learning_rate -data-> n:GradientDescent/update_b/ApplyGradientDescent",
      "n:GradientDescent/update_b/ApplyGradientDescent -ref-> n:b",
      "n:GradientDescent/update_m/ApplyGradientDescent -control-> n:GradientDescent",
      "n:GradientDescent/update_b/ApplyGradientDescent -control-> n:GradientDescent",
    ]);
    expect(ancestorsOf(v, "n:GradientDescent/update_m/ApplyGradientDescent")).toEqual(["g:GradientDescent/update_m", "g:GradientDescent"]);
  });

  it("collapses a learner's scope on request, hiding nested scopes too", () => {
    const s = buildStructure(regressionNodes());
    const v = buildView(s, new Map([["gradients", false], ["gradients/mul_grad", true]]));
    expect(v.nodes.filter((n) => n.parent === "g:gradients").map((n) => n.id)).toEqual([
      "n:gradients/Shape",
      "n:gradients/grad_ys_0",
      "n:gradients/Fill",
      "g:gradients/Square_grad",
      "g:gradients/sub_grad",
      "g:gradients/mul_grad",
    ]);
    expect(v.byId.get("g:gradients/mul_grad")!.collapsed).toBe(true);
    expect(v.byId.get("g:gradients/sub_grad")!.collapsed).toBe(false);
  });
});
