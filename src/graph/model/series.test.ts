import { describe, expect, it } from "vitest";
import { accumulate, scopedSteps } from "./fixtures";
import { NAME_SERIES_MIN, SERIES_MIN, seriesLabel, seriesName, stripCounters } from "./series";
import { buildStructure } from "./structure";
import { op } from "./testing";

describe("stripCounters", () => {
  it("drops the _N counters TF appends to names", () => {
    expect(stripCounters("add_17")).toBe("add");
    expect(stripCounters("mul_3/y")).toBe("mul/y");
    expect(stripCounters("layer_2/dense_1/MatMul")).toBe("layer/dense/MatMul");
  });
});

describe("seriesName", () => {
  it("stars the part that counts, in TensorBoard's style, whatever the count", () => {
    expect(seriesName("add", "add_332")).toBe("add_[*]");
    expect(seriesName("mul/y", "mul_332/y")).toBe("mul_[*]/y");
    expect(seriesName("scope/add_1", "scope/add_9")).toBe("scope/add_[*]");
    expect(seriesName("a", "b")).toBe("a_[*]");
  });
});

describe("detectSeries (through buildStructure)", () => {
  it("folds a loop's ops into one series per (scope, op type, line), each member in it", () => {
    const s = buildStructure(accumulate(333));
    const series = [...s.groups.values()].filter((g) => g.role === "series");
    expect(series.map((g) => [g.name, g.series!.count, g.series!.op, g.series!.line, g.defaultCollapsed])).toEqual([
      ["mul_[*]/y", 333, "Const", 4, true],
      ["mul_[*]", 333, "Mul", 4, true],
      ["add_[*]", 333, "Add", 4, true],
    ]);
    expect(s.leaves.get("add_57")!.groups).toEqual(["add_[*]"]);
    expect(s.leaves.get("x")!.groups).toEqual([]);
    expect(seriesLabel(s.groups.get("add_[*]")!.series!)).toBe("add ×333 · line 4");
    expect(seriesLabel(s.groups.get("mul_[*]/y")!.series!)).toBe("mul/y ×333 · line 4");
  });

  it(`leaves fewer than ${SERIES_MIN} repeats alone`, () => {
    const s = buildStructure(accumulate(SERIES_MIN - 1));
    expect([...s.groups.values()].filter((g) => g.role === "series")).toEqual([]);
  });

  it("folds numbered ops written on different lines only from many of them", () => {
    const consts = (n: number) => Array.from({ length: n }, (_, i) => op(i === 0 ? "Const" : `Const_${i}`, "Const", { line: i + 1 }));
    expect(buildStructure(consts(NAME_SERIES_MIN - 1)).groups.size).toBe(0);
    const s = buildStructure(consts(NAME_SERIES_MIN));
    expect([...s.groups.values()].map((g) => [g.name, g.series?.count, g.series?.line])).toEqual([["Const_[*]", NAME_SERIES_MIN, null]]);
  });

  it("folds numbered ops of unknown lines from a few", () => {
    const s = buildStructure(Array.from({ length: SERIES_MIN }, (_, i) => op(`add_${i + 1}`, "Add")));
    expect([...s.groups.keys()]).toEqual(["add_[*]"]);
  });

  it("folds inside a scope, keeping the scope around the series", () => {
    const nodes = Array.from({ length: 6 }, (_, i) => op(`loop/add${i ? `_${i}` : ""}`, "Add", { line: 3 }));
    const s = buildStructure([...nodes, op("loop/out", "Identity", { line: 5 })]);
    const g = s.groups.get("loop/add_[*]")!;
    expect([g.parent, g.series!.base]).toEqual(["loop", "add"]);
    expect(s.leaves.get("loop/add_3")!.groups).toEqual(["loop", "loop/add_[*]"]);
  });

  it("keeps the series' name while the loop grows it", () => {
    expect([...buildStructure(accumulate(6)).groups.keys()]).toEqual([...buildStructure(accumulate(600)).groups.keys()]);
  });
});

describe("detectScopeSeries (through buildStructure)", () => {
  it("folds sibling scopes named alike and made by the same lines into one series of scopes", () => {
    const s = buildStructure(scopedSteps(50));
    const g = s.groups.get("step_[*]")!;
    expect([g.role, g.parent, g.defaultCollapsed, g.series!.kind, g.series!.count, g.series!.line, g.series!.base]).toEqual(["series", null, true, "scopes", 50, null, "step"]);
    expect(seriesLabel(g.series!)).toBe("step ×50");
    // Its scopes sit inside it, folded by default; their leaves' chains go through it.
    expect([s.groups.get("step_7")!.parent, s.groups.get("step_7")!.defaultCollapsed]).toEqual(["step_[*]", true]);
    expect(s.leaves.get("step_7/mul")!.groups).toEqual(["step_[*]", "step_7"]);
    expect(g.series!.leafIndex.get("step_7/Relu")).toBe(7);
    expect(g.opCount).toBe(50 * 6);
  });

  it("leaves scopes written on different lines alone", () => {
    const nodes = Array.from({ length: 6 }, (_, i) => op(`${i ? `layer_${i}` : "layer"}/MatMul`, "MatMul", { line: 10 + i }));
    const s = buildStructure(nodes.flatMap((n, i) => [n, op(`${i ? `layer_${i}` : "layer"}/Relu`, "Relu", { line: 10 + i })]));
    expect([...s.groups.values()].filter((g) => g.role === "series")).toEqual([]);
  });
});
