import { describe, expect, it } from "vitest";
import { accumulate, assignNodes, computationPathNodes, regressionNodes } from "./fixtures";
import { highlightRun, opStates, stateTokens } from "./highlight";
import { buildStructure } from "./structure";
import { run } from "./testing";
import { buildView } from "./view";

const placeholderFailure = run({
  index: 1,
  line: 6,
  fetches: ["add:0"],
  path: ["Placeholder"],
  ok: false,
  error: {
    type: "InvalidArgumentError",
    message: "You must feed a value for placeholder tensor 'Placeholder' with dtype int32\n\t [[node Placeholder ]]",
    op: "Placeholder",
    path: ["add", "Placeholder"],
    line: 1,
  },
});

const trainingStep = run({
  index: 1,
  fetches: ["Square:0", "GradientDescent"],
  feeds: ["Placeholder:0", "Placeholder_1:0"],
  path: [
    "m",
    "m/read",
    "b",
    "b/read",
    "mul",
    "add",
    "sub",
    "Square",
    "gradients/Shape",
    "gradients/grad_ys_0",
    "gradients/Fill",
    "gradients/Square_grad/Mul",
    "gradients/sub_grad/Neg",
    "gradients/mul_grad/Mul",
    "GradientDescent/learning_rate",
    "GradientDescent/update_m/ApplyGradientDescent",
    "GradientDescent/update_b/ApplyGradientDescent",
    "GradientDescent",
  ],
  side_effects: [
    { op: "GradientDescent/update_m/ApplyGradientDescent", kind: "update", target: "m", before: 0, after: 0.004 },
    { op: "GradientDescent/update_b/ApplyGradientDescent", kind: "update", target: "b", before: 0, after: 0.004 },
  ],
  values: { "Placeholder:0": 1, "Placeholder_1:0": 2 },
});

describe("opStates", () => {
  it("marks the culprit and the path from the fetch to it as errors", () => {
    const s = buildStructure(computationPathNodes());
    const states = opStates(s, placeholderFailure);
    expect(stateTokens(states.get("add"))).toBe("fetched error");
    expect(stateTokens(states.get("Placeholder"))).toBe("path error");
    expect(states.get("Placeholder")!.culprit).toBe(true);
    expect(stateTokens(states.get("Const"))).toBe("idle");
  });

  it("marks fed placeholders with their value and side effects that fired", () => {
    const s = buildStructure(regressionNodes());
    const states = opStates(s, trainingStep);
    expect(stateTokens(states.get("Placeholder"))).toBe("fed");
    expect(states.get("Placeholder")!.fedValue).toBe(1);
    expect(stateTokens(states.get("GradientDescent/update_m/ApplyGradientDescent"))).toBe("path effect");
    expect(stateTokens(states.get("GradientDescent"))).toBe("path fetched");
    expect(stateTokens(states.get("m/Assign"))).toBe("idle");
    expect(stateTokens(states.get("init"))).toBe("idle");
  });

  it("infers the effects of an aggregate's path, which keeps no effect records", () => {
    const s = buildStructure(assignNodes());
    const { side_effects: _, ...bare } = run({ fetches: ["Assign:0"], path: ["Const", "Assign"] });
    const states = opStates(s, { ...bare, count: 99_999 });
    expect(stateTokens(states.get("Assign"))).toBe("path fetched effect");
  });
});

describe("highlightRun", () => {
  it("lights the red path from the fetch to the unfed placeholder", () => {
    const s = buildStructure(computationPathNodes());
    const h = highlightRun(s, buildView(s), placeholderFailure);
    expect(h.errorPath).toEqual(["n:add", "n:Placeholder"]);
    expect([...h.edges]).toEqual([["n:Placeholder|n:add|data", "error"]]);
    expect(h.nodes.get("n:Placeholder")!.culprit).toBe(true);
    expect(h.nodes.has("n:Const")).toBe(false);
  });

  it("lights a folded variable when its internals run, and the effect edge to it", () => {
    const s = buildStructure(assignNodes());
    const h = highlightRun(
      s,
      buildView(s),
      run({ fetches: ["Assign:0"], path: ["Const", "Assign"], side_effects: [{ op: "Assign", kind: "init", target: "count", before: null, after: 0 }] }),
    );
    expect([...h.nodes.keys()]).toEqual(["n:Const", "n:Assign"]);
    expect([...h.nodes.get("n:Assign")!.tokens]).toEqual(["path", "fetched", "effect"]);
    expect([...h.edges]).toEqual([
      ["n:Const|n:Assign|data", "path"],
      ["n:Assign|n:count|ref", "effect"],
    ]);
    expect(h.sequence).toEqual(["n:Const", "n:Assign"]);
  });

  it("lights collapsed groups that contain path ops, in execution order", () => {
    const s = buildStructure(regressionNodes());
    const v = buildView(s);
    const h = highlightRun(s, v, trainingStep);
    expect(h.sequence).toEqual(["n:m", "n:b", "n:mul", "n:add", "n:sub", "n:Square", "g:gradients", "g:GradientDescent"]);
    expect([...h.nodes.get("g:GradientDescent")!.tokens]).toEqual(["path", "fetched", "effect"]);
    expect(h.nodes.get("n:Placeholder")!.fed).toEqual([{ tensor: "Placeholder:0", value: 1 }]);
    expect(h.edges.get("n:Placeholder|n:mul|data")).toBe("fed");
    expect(h.edges.get("g:gradients|g:GradientDescent|data")).toBe("path");
    expect(h.edges.get("g:GradientDescent|n:m|ref")).toBe("effect");
    expect(h.edges.has("n:m|n:init|control")).toBe(false);
  });
});

describe("highlightRun on series", () => {
  it("lights a series when any member ran and counts the members that ran", () => {
    const s = buildStructure(accumulate(333));
    const v = buildView(s);
    // A run fetching add_9 runs the first ten steps of the loop.
    const path = ["x", "Const"];
    for (let i = 0; i < 10; i++) path.push(i ? `mul_${i}/y` : "mul/y", i ? `mul_${i}` : "mul", i ? `add_${i}` : "add");
    const h = highlightRun(s, v, run({ fetches: ["add_9:0"], feeds: ["x:0"], path }));
    expect([...h.nodes.get("g:add_[*]")!.tokens]).toEqual(["path", "fetched"]);
    expect(h.nodes.get("g:add_[*]")!.ran).toBe(10);
    expect(h.nodes.get("g:mul_[*]")!.ran).toBe(10);
    expect(h.edges.get("g:mul_[*]|g:add_[*]|data")).toBe("path");
  });
});
