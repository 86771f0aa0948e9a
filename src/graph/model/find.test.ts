import { describe, expect, it } from "vitest";
import { accumulate, COMPUTATION_PATH_SOURCE, computationPathNodes, regressionNodes } from "./fixtures";
import { findNode, openFor } from "./find";
import { learnerNames } from "./learnerNames";
import { buildStructure } from "./structure";
import { SERIES_PAGE } from "./view";

describe("findNode", () => {
  it("finds an op by its TF name, the learner's name, or part of a name", () => {
    const s = buildStructure(computationPathNodes());
    const names = learnerNames(s, COMPUTATION_PATH_SOURCE);
    expect(findNode(s, names, "add")).toEqual({ kind: "op", name: "add" });
    expect(findNode(s, names, "sum_node")).toEqual({ kind: "op", name: "add" });
    expect(findNode(s, names, "PLACE")).toEqual({ kind: "op", name: "Placeholder" });
    expect(findNode(s, names, "nothing like it")).toBeNull();
  });

  it("finds a scope or a series by name", () => {
    expect(findNode(buildStructure(regressionNodes()), new Map(), "gradients")).toEqual({ kind: "group", name: "gradients" });
    expect(findNode(buildStructure(accumulate(10)), new Map(), "add_[*]")).toEqual({ kind: "group", name: "add_[*]" });
  });
});

describe("openFor", () => {
  it("opens the scopes and the series around an op, and enough of the series to show it", () => {
    const s = buildStructure(accumulate(300));
    expect(openFor(s, "add_200")).toEqual({ open: ["add_[*]"], shown: new Map([["add_[*]", Math.ceil(201 / SERIES_PAGE) * SERIES_PAGE]]) });
    expect(openFor(s, "add_3")).toEqual({ open: ["add_[*]"], shown: new Map() });
    expect(openFor(buildStructure(regressionNodes()), "gradients/Fill")).toEqual({ open: ["gradients"], shown: new Map() });
  });
});
