import { describe, expect, it } from "vitest";
import { COMPUTATION_PATH_SOURCE, computationPathNodes, assignNodes } from "./fixtures";
import { opStates } from "./highlight";
import { learnerNames } from "./learnerNames";
import { announceRun, outlineItems, outlineText, outlineTree } from "./outline";
import { buildStructure } from "./structure";
import { op, run } from "./testing";

const failed = run({
  index: 1,
  line: 6,
  fetches: ["add:0"],
  path: ["Placeholder"],
  ok: false,
  error: { type: "InvalidArgumentError", message: "You must feed a value", op: "Placeholder", path: ["add", "Placeholder"], line: 1 },
});

describe("outlineItems", () => {
  it("lists every op with its state in the selected run", () => {
    const s = buildStructure(computationPathNodes());
    const names = learnerNames(s, COMPUTATION_PATH_SOURCE);
    const items = outlineItems(s, opStates(s, failed), names);
    expect(items.map((i) => [i.name, i.op, i.depth, i.leaf, i.state])).toEqual([
      ["Placeholder", "Placeholder", 0, "Placeholder", "path error"],
      ["Const", "Const", 0, "Const", "idle"],
      ["add", "Add", 0, "add", "fetched error"],
    ]);
    expect(items.map(outlineText)).toEqual([
      "Placeholder (Placeholder) = input_placeholder: on the path, failed here",
      "Const (Const) = three_node",
      "add (Add) = sum_node: fetched, on the error path",
    ]);
  });

  it("keeps folded internals as items of their own, and is idle without a run", () => {
    const s = buildStructure(assignNodes());
    expect(outlineItems(s, null, new Map()).map((i) => [i.name, i.depth, i.state, outlineText(i)])).toEqual([
      ["count/Initializer/Const", 2, "idle", "count/Initializer/Const (Const) inside count"],
      ["count", 0, "idle", "count (VariableV2)"],
      ["count/Assign", 1, "idle", "count/Assign (Assign) inside count"],
      ["count/read", 1, "idle", "count/read (Identity) inside count"],
      ["Const", 0, "idle", "Const (Const)"],
      ["Assign", 0, "idle", "Assign (Assign)"],
    ]);
  });
});

describe("announceRun", () => {
  it("says what a failed run fetched and where it failed", () => {
    const s = buildStructure(computationPathNodes());
    expect(announceRun(s, failed, learnerNames(s, COMPUTATION_PATH_SOURCE))).toBe("Run 1 on line 6: fetched sum_node; failed with InvalidArgumentError at input_placeholder.");
  });

  it("counts ops, effects and feeds of a successful run", () => {
    const s = buildStructure(assignNodes());
    const r = run({ index: 0, line: 5, fetches: ["Assign:0"], path: ["Const", "Assign"], side_effects: [{ op: "Assign", kind: "init", target: "count", before: null, after: 0 }] });
    expect(announceRun(s, r, new Map())).toBe("Run 0 on line 5: fetched Assign; 2 ops on the path, 1 side effect.");
  });

  it("speaks of an aggregate as many runs on one path", () => {
    const s = buildStructure(assignNodes());
    const { side_effects: _, index: __, ...r } = run({ line: 9, fetches: ["Assign:0"], path: ["Const", "Assign"] });
    expect(announceRun(s, { ...r, count: 100000 }, new Map())).toBe("100,000 runs took one path on line 9: fetched Assign; 2 ops on the path.");
  });
});

describe("outlineTree", () => {
  it("nests ops in their scopes and series, every op still an item, series lit with their count", () => {
    const s = buildStructure([op("loop/x", "Placeholder", { line: 1 }), ...Array.from({ length: 6 }, (_, i) => op(`loop/add${i ? `_${i}` : ""}`, "Add", { line: 3 }))]);
    const states = opStates(s, run({ fetches: ["loop/add_1:0"], path: ["loop/add", "loop/add_1"] }));
    const tree = outlineTree(s, outlineItems(s, states, new Map()));
    expect(tree).toHaveLength(1);
    const scope = tree[0];
    if (scope.kind === "op") throw new Error("expected the scope");
    expect([scope.kind, scope.name, scope.text]).toEqual(["scope", "loop", "scope loop, 7 ops"]);
    const [x, series] = scope.children;
    expect(x).toMatchObject({ kind: "op", name: "loop/x", state: "idle" });
    if (series.kind === "op") throw new Error("expected the series");
    expect([series.kind, series.name, series.state, series.series]).toEqual(["series", "loop/add_[*]", "path fetched", { count: 6, ran: 2, label: "add ×6 · line 3" }]);
    expect(series.text).toBe("series loop/add_[*], add ×6 · line 3, 6 ops: 2 of 6 ran");
    expect(series.children.map((c) => c.name)).toEqual(["loop/add", "loop/add_1", "loop/add_2", "loop/add_3", "loop/add_4", "loop/add_5"]);
  });

  it("keeps the creation order at the top level and puts a variable's internals under its scope", () => {
    const s = buildStructure(assignNodes());
    expect(outlineTree(s, outlineItems(s, null, new Map())).map((e) => e.name)).toEqual(["count/Initializer/Const", "count", "count/Assign", "count/read", "Const", "Assign"]);
  });
});
