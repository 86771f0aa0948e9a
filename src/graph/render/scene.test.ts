import { describe, expect, it } from "vitest";
import { accumulate, assignNodes, computationPathNodes, COMPUTATION_PATH_SOURCE, regressionNodes } from "../model/fixtures";
import { highlightRun } from "../model/highlight";
import { learnerNames } from "../model/learnerNames";
import { buildStructure } from "../model/structure";
import { op, run } from "../model/testing";
import { buildView } from "../model/view";
import { buildScene, canvasHighlight, deviceKind } from "./scene";

describe("buildScene", () => {
  it("colours by device only when asked: GPU, CPU, another device, and none each their own class", () => {
    const s = buildStructure(computationPathNodes());
    const plain = buildScene(buildView(s), new Map());
    expect(plain.nodes.every((n) => !n.classes.includes("by-device"))).toBe(true);
    const devices = new Map([
      ["Placeholder", "/device:CPU:0"],
      ["add", "/job:localhost/device:GPU:0"],
    ]);
    const scene = buildScene(buildView(s), new Map(), new Map(), devices);
    expect(scene.nodes.map((n) => [n.id, n.classes])).toEqual([
      ["n:Placeholder", "leaf cat-placeholder by-device dev-cpu"],
      ["n:Const", "leaf cat-constant by-device dev-none"],
      ["n:add", "leaf cat-op by-device dev-gpu"],
    ]);
    expect([deviceKind("/gpu:0"), deviceKind("/device:CPU:0"), deviceKind("/job:ps/task:1"), deviceKind("/device:TPU:0")]).toEqual(["gpu", "cpu", "other", "other"]);
  });

  it("labels nodes with the op's short name, the learner's name and a glyph for side effects", () => {
    const s = buildStructure(computationPathNodes());
    const scene = buildScene(buildView(s), learnerNames(s, COMPUTATION_PATH_SOURCE));
    expect(scene.nodes.map((n) => [n.id, n.label, n.classes])).toEqual([
      ["n:Placeholder", "Placeholder\ninput_placeholder", "leaf cat-placeholder"],
      ["n:Const", "Const\nthree_node", "leaf cat-constant"],
      ["n:add", "add\nsum_node", "leaf cat-op"],
    ]);
    const a = buildScene(buildView(buildStructure(assignNodes())), new Map());
    expect(a.nodes.map((n) => n.label)).toEqual(["count", "Const", "← Assign"]);
  });

  it("names nodes relative to the scope box they sit in, and in full at the top", () => {
    const scene = buildScene(
      buildView(buildStructure([op("add/y", "Const"), op("layer/W", "VariableV2"), op("layer/b", "VariableV2"), op("add", "Add", { inputs: ["add/y:0", "layer/W:0", "layer/b:0"] })])),
      new Map(),
    );
    expect(scene.nodes.map((n) => [n.id, n.label])).toEqual([
      ["n:add/y", "add/y"],
      ["g:layer", "layer"],
      ["n:layer/W", "W"],
      ["n:layer/b", "b"],
      ["n:add", "add"],
    ]);
  });

  it("draws collapsed scopes with their op count and sizes only what layout places", () => {
    const scene = buildScene(buildView(buildStructure(regressionNodes())), new Map());
    const g = scene.nodes.find((n) => n.id === "g:gradients")!;
    expect(g.label).toBe("⊞ gradients (6)");
    expect(g.classes).toBe("group collapsed role-gradients");
    expect(scene.sizes.has("g:gradients")).toBe(true);
    expect(scene.edges.find((e) => e.id === "g:GradientDescent|n:m|ref")!.classes).toBe("k-ref");
  });
});

describe("canvasHighlight", () => {
  it("turns states into classes and says what each side effect did", () => {
    const s = buildStructure(assignNodes());
    const v = buildView(s);
    const r = run({ fetches: ["Assign:0"], path: ["Const", "Assign"], side_effects: [{ op: "Assign", kind: "init", target: "count", before: null, after: 0 }] });
    const c = canvasHighlight(s, highlightRun(s, v, r));
    expect([...c.nodes]).toEqual([
      ["n:Const", "hl-path"],
      ["n:Assign", "hl-path hl-fetched hl-effect"],
    ]);
    expect([...c.edges]).toEqual([
      ["n:Const|n:Assign|data", "hl-path"],
      ["n:Assign|n:count|ref", "hl-effect"],
    ]);
    expect(c.badges).toEqual([{ id: "n:Assign", kind: "effect", text: "count ← 0.0" }]);
  });

  it("puts each path node's value on it, numpy-printed, when values are on, and leaves fed and effect nodes to their own badges", () => {
    const s = buildStructure(assignNodes());
    const v = buildView(s);
    const r = run({
      fetches: ["Assign:0"],
      path: ["Const", "Assign"],
      side_effects: [{ op: "Assign", kind: "assign", target: "count", before: 1, after: 0 }],
      values: { "Const:0": 0, "Assign:0": 0 },
    });
    const c = canvasHighlight(s, highlightRun(s, v, r), { values: true });
    expect(c.badges).toEqual([
      { id: "n:Const", kind: "value", text: "0.0" },
      { id: "n:Assign", kind: "effect", text: "count: 1.0 → 0.0" },
    ]);
    expect(canvasHighlight(s, highlightRun(s, v, r)).badges.map((b) => b.kind)).toEqual(["effect"]);
  });

  it("marks the culprit and the fed values", () => {
    const s = buildStructure(computationPathNodes());
    const v = buildView(s);
    const error = { type: "InvalidArgumentError", message: "You must feed a value", op: "Placeholder", path: ["add", "Placeholder"], line: 1 };
    const c = canvasHighlight(s, highlightRun(s, v, run({ fetches: ["add:0"], path: ["Placeholder"], ok: false, error })), { error });
    expect(c.nodes.get("n:Placeholder")).toBe("hl-path hl-error hl-culprit");
    expect(c.nodes.get("n:add")).toBe("hl-fetched hl-error");
    expect(c.badges).toEqual([{ id: "n:Placeholder", kind: "error", text: "✕ not fed" }]);
    const fed = canvasHighlight(s, highlightRun(s, v, run({ fetches: ["add:0"], feeds: ["Placeholder:0"], path: ["Const", "add"], values: { "Placeholder:0": 2 } })));
    expect(fed.badges).toEqual([{ id: "n:Placeholder", kind: "fed", text: "fed 2" }]);
  });
});

describe("buildScene and canvasHighlight with chips", () => {
  it("draws a chip and its connector for a chip-only node, lit as the node and the edge they stand for", () => {
    const s = buildStructure(accumulate(20));
    const v = buildView(s);
    const scene = buildScene(v, new Map());
    expect(scene.chips).toEqual([{ id: "c:g:mul_[*]/y|g:mul_[*]|data", host: "g:mul_[*]", side: "in", node: "g:mul_[*]/y" }]);
    const chip = scene.nodes.find((n) => n.id === scene.chips[0].id)!;
    expect([chip.label, chip.classes, chip.parent]).toEqual(["y ×20", "chip chip-in chip-of-group", null]);
    expect(scene.edges.map((e) => e.id)).toContain("c:g:mul_[*]/y|g:mul_[*]|data|link");
    expect(scene.nodes.some((n) => n.id === "g:mul_[*]/y")).toBe(false);
    const path = ["x", "Const", "mul/y", "mul", "add"];
    const c = canvasHighlight(s, highlightRun(s, v, run({ fetches: ["add:0"], feeds: ["x:0"], path })), { scene, view: v });
    expect(c.nodes.get(scene.chips[0].id)).toBe("hl-path");
    expect(c.edges.get("c:g:mul_[*]/y|g:mul_[*]|data|link")).toBe("hl-path");
    expect(c.badges).toContainEqual({ id: "g:add_[*]", kind: "count", text: "1 of 20 ran" });
  });

  it("labels a series with its op, count and line", () => {
    const scene = buildScene(buildView(buildStructure(accumulate(333))), new Map());
    expect(scene.nodes.find((n) => n.id === "g:add_[*]")!.label).toBe("add ×333 · line 4");
  });
});
