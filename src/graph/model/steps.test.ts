import { describe, expect, it } from "vitest";
import { computationPathNodes } from "./fixtures";
import { edgeShapes, shapeLabel } from "./edgeShapes";
import { runStep } from "./steps";
import { buildStructure } from "./structure";
import { run } from "./testing";
import { buildView } from "./view";

describe("runStep", () => {
  const structure = buildStructure(computationPathNodes());

  it("gives the op at a position of the run's path with its type, line, dtype and value", () => {
    const r = run({ fetches: ["add:0"], feeds: [], path: ["Const", "add"], values: { "Const:0": 3, "add:0": 5, "Placeholder:0": 2 } });
    expect(runStep(structure, r, 1)).toMatchObject({ index: 1, total: 2, op: "add", type: "Add", line: 3, dtype: "int32", value: 5, valuesKept: true, culprit: false });
    expect(runStep(structure, r, 2)).toBeNull();
  });

  it("marks the last step of a failed run as the culprit", () => {
    const r = run({
      fetches: ["add:0"],
      path: ["Placeholder"],
      ok: false,
      error: { type: "InvalidArgumentError", message: "You must feed", op: "Placeholder", path: ["add", "Placeholder"], line: 1 },
    });
    expect(runStep(structure, r, 0)).toMatchObject({ op: "Placeholder", culprit: true, valuesKept: false });
  });
});

describe("edgeShapes", () => {
  it("labels data edges as TensorBoard does, filling unknown dimensions from the run's values", () => {
    expect(shapeLabel("(?, 3)")).toBe("?×3");
    expect(shapeLabel("()")).toBe("scalar");
    expect(shapeLabel("(5,)")).toBe("5");
    expect(shapeLabel("<unknown>")).toBe("?");
    const structure = buildStructure(computationPathNodes());
    const view = buildView(structure);
    expect(Object.fromEntries(edgeShapes(structure, view))).toEqual({ "n:Placeholder|n:add|data": "?", "n:Const|n:add|data": "scalar" });
    const fed = edgeShapes(structure, view, { "Placeholder:0": { dtype: "int32", shape: [2], head: [1, 2], size: 2 } });
    expect(fed.get("n:Placeholder|n:add|data")).toBe("2");
  });
});
