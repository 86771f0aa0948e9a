import { describe, expect, it } from "vitest";
import { COMPUTATION_PATH_SOURCE, computationPathNodes, assignNodes } from "./fixtures";
import { opStates } from "./highlight";
import { learnerNames } from "./learnerNames";
import { announceRun, outlineItems } from "./outline";
import { buildStructure } from "./structure";
import { run } from "./testing";

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
    expect(outlineItems(s, opStates(s, failed), names)).toEqual([
      { name: "Placeholder", op: "Placeholder", depth: 0, leaf: "Placeholder", state: "path error", text: "Placeholder (Placeholder) = input_placeholder: on the path, failed here" },
      { name: "Const", op: "Const", depth: 0, leaf: "Const", state: "idle", text: "Const (Const) = three_node" },
      { name: "add", op: "Add", depth: 0, leaf: "add", state: "fetched error", text: "add (Add) = sum_node: fetched, on the error path" },
    ]);
  });

  it("keeps folded internals as items of their own, and is idle without a run", () => {
    const s = buildStructure(assignNodes());
    expect(outlineItems(s, null, new Map()).map((i) => [i.name, i.depth, i.state, i.text])).toEqual([
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
