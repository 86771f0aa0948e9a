import { describe, expect, it } from "vitest";
import { assignNodes, regressionNodes } from "./fixtures";
import { buildStructure } from "./structure";
import { op, run } from "./testing";
import { ancestorsOf, buildView, SERIES_PAGE } from "./view";
import { accumulate, scopedSteps } from "./fixtures";
import { highlightRun } from "./highlight";

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
      ["n:GradientDescent/update_m/ApplyGradientDescent", "g:GradientDescent"],
      ["n:GradientDescent/update_b/ApplyGradientDescent", "g:GradientDescent"],
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
    expect(ancestorsOf(v, "n:GradientDescent/update_m/ApplyGradientDescent")).toEqual(["g:GradientDescent"]);
  });

  it("collapses a learner's scope on request, hiding nested scopes too", () => {
    const s = buildStructure([
      op("model/in", "Placeholder"),
      op("model/layer/W", "VariableV2"),
      op("model/layer/MatMul", "MatMul", { inputs: ["model/in:0", "model/layer/W:0"] }),
      op("model/out", "Identity", { inputs: ["model/layer/MatMul:0"] }),
    ]);
    expect(buildView(s).nodes.map((n) => [n.id, n.parent])).toEqual([
      ["g:model", null],
      ["n:model/in", "g:model"],
      ["g:model/layer", "g:model"],
      ["n:model/layer/W", "g:model/layer"],
      ["n:model/layer/MatMul", "g:model/layer"],
      ["n:model/out", "g:model"],
    ]);
    const v = buildView(s, new Map([["model", true]]));
    expect(v.nodes.map((n) => [n.id, n.collapsed])).toEqual([["g:model", true]]);
    expect(v.visibleOf.get("model/layer/W")).toBe("g:model");
  });
});

describe("buildView on series", () => {
  it("draws a loop's series as one collapsed node standing for all its members", () => {
    const v = buildView(buildStructure(accumulate(333)));
    expect(v.nodes.filter((n) => !n.chipOnly).map((n) => [n.id, n.kind, n.collapsed])).toEqual([
      ["n:x", "leaf", false],
      ["n:Const", "leaf", false],
      ["g:mul_[*]", "group", true],
      ["g:add_[*]", "group", true],
    ]);
    expect(v.byId.get("g:add_[*]")!.members).toHaveLength(333);
    expect(v.visibleOf.get("add_57")).toBe("g:add_[*]");
    // The chain add → add_1 → ... is inside the series: no edge from the series to itself.
    expect(simplify(v.edges)).toEqual(["n:x -data×333-> g:mul_[*]", "g:mul_[*]/y -data×333-> g:mul_[*]", "n:Const -data-> g:add_[*]", "g:mul_[*] -data×333-> g:add_[*]"]);
  });

  it("opens a series to its first members and one rest node, bundling a fan into it", () => {
    const s = buildStructure(accumulate(100));
    const v = buildView(s, new Map([["add_[*]", false]]));
    const inside = v.nodes.filter((n) => n.parent === "g:add_[*]");
    expect(inside).toHaveLength(SERIES_PAGE + 1);
    expect(inside[0].id).toBe("n:add");
    const rest = inside[SERIES_PAGE];
    expect([rest.id, rest.kind, rest.members.length]).toEqual(["r:add_[*]", "rest", 100 - SERIES_PAGE]);
    expect(v.byId.get("g:add_[*]")!.shown).toBe(SERIES_PAGE);
    // 100 edges from the mul series into the members are drawn as one edge into the box.
    expect(v.edges.find((e) => e.source === "g:mul_[*]")).toMatchObject({ target: "g:add_[*]", kind: "data" });
    expect(v.edges.find((e) => e.source === "g:mul_[*]")!.pairs).toHaveLength(100);
    // The chain between members stays, as does the chain into the rest.
    expect(v.edges.some((e) => e.source === "n:add" && e.target === "n:add_1")).toBe(true);
    expect(v.edges.some((e) => e.source === `n:add_${SERIES_PAGE - 1}` && e.target === "r:add_[*]")).toBe(true);
    const more = buildView(s, new Map([["add_[*]", false]]), new Map([["add_[*]", 2 * SERIES_PAGE]]));
    expect(more.byId.get("r:add_[*]")!.members).toHaveLength(100 - 2 * SERIES_PAGE);
  });
});

describe("buildView on a series of scopes", () => {
  it("draws the series as one node; opened, its scopes folded and a rest past the first page", () => {
    const s = buildStructure(scopedSteps(60));
    expect(buildView(s).nodes.map((n) => n.id)).toEqual(["n:x", "g:step_[*]"]);
    const v = buildView(s, new Map([["step_[*]", false]]));
    const inside = v.nodes.filter((n) => n.parent === "g:step_[*]");
    expect(inside.slice(0, 2).map((n) => [n.id, n.kind, n.collapsed])).toEqual([
      ["g:step", "group", true],
      ["g:step_1", "group", true],
    ]);
    expect(inside).toHaveLength(SERIES_PAGE + 1);
    expect([inside[SERIES_PAGE].id, inside[SERIES_PAGE].shown]).toEqual(["r:step_[*]", 60 - SERIES_PAGE]);
    expect(v.visibleOf.get("step_59/Relu")).toBe("r:step_[*]");
  });

  it("counts the scopes that ran, not the ops inside them", () => {
    const s = buildStructure(scopedSteps(10));
    const v = buildView(s);
    const path = ["x", "step/w", "step/w/read", "step/mul", "step/Relu", "step_1/w", "step_1/w/read", "step_1/mul", "step_1/Relu"];
    const h = highlightRun(s, v, run({ fetches: ["step_1/Relu:0"], feeds: ["x:0"], path }));
    expect(h.nodes.get("g:step_[*]")!.ran).toBe(2);
  });
});
