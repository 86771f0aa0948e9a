import { describe, expect, it } from "vitest";
import { accumulate, computationPathNodes } from "./fixtures";
import { DECLUTTER_MIN, FANOUT_MIN, LONG_SPAN } from "./chips";
import { buildStructure } from "./structure";
import { op } from "./testing";
import { buildView } from "./view";

const chipsOf = (v: ReturnType<typeof buildView>) => v.chips.map((c) => `${c.node} ${c.side === "in" ? "→" : "←"} ${c.host}`);

describe("assignChips (through buildView)", () => {
  it("leaves a small picture as the tutorial draws it: every constant a node, every edge a line", () => {
    const v = buildView(buildStructure(computationPathNodes()));
    expect(v.chips).toEqual([]);
    expect(v.nodes.some((n) => n.chipOnly)).toBe(false);
  });

  it("draws a series of constants as a chip beside the series that reads it", () => {
    const v = buildView(buildStructure(accumulate(333)));
    expect(chipsOf(v)).toEqual(["g:mul_[*]/y → g:mul_[*]"]);
    expect(v.byId.get("g:mul_[*]/y")!.chipOnly).toBe(true);
    expect(v.edges.find((e) => e.source === "g:mul_[*]/y")!.chip).toBe(v.chips[0].id);
  });

  it("in a big picture, turns constants, much-read nodes and NoOps waiting for many into chips", () => {
    const nodes = [op("x", "Placeholder", { line: 1 }), op("lr", "Const", { line: 2 })];
    // More than DECLUTTER_MIN distinct ops on distinct lines (no series): a big picture.
    for (let i = 0; i < DECLUTTER_MIN; i++) nodes.push(op(`f${i}`, "Neg", { inputs: [i % 2 ? "x:0" : "lr:0"], line: 10 + i }));
    nodes.push(op("init", "NoOp", { control: nodes.slice(2, 2 + FANOUT_MIN).map((n) => n.name), line: 99, dtype: null, shape: null }));
    const v = buildView(buildStructure(nodes));
    const chips = chipsOf(v);
    // `lr` is read by 20 ops: too many for a constant to vanish, so it stays and gets chips too.
    expect(v.byId.get("n:lr")!.chipOnly).toBe(false);
    expect(chips).toContain("n:x → n:f1");
    expect(chips).toContain("n:lr → n:f0");
    expect(chips.filter((c) => c.startsWith("n:init"))).toEqual(nodes.slice(2, 2 + FANOUT_MIN).map((n) => `n:init ← n:${n.name}`));
  });

  it(`in a big picture, turns an edge crossing more than ${LONG_SPAN} layers into a chip on its reader`, () => {
    const nodes = [op("a0", "Placeholder", { line: 1 })];
    for (let i = 1; i < DECLUTTER_MIN + 2; i++) nodes.push(op(`a${i}`, "Neg", { inputs: [`a${i - 1}:0`], line: i + 1 }));
    nodes.push(op("far", "Add", { inputs: [`a${DECLUTTER_MIN + 1}:0`, "a1:0"], line: 99 }));
    const v = buildView(buildStructure(nodes));
    expect(chipsOf(v)).toEqual(["n:a1 → n:far"]);
    expect(v.edges.filter((e) => e.chip === null)).toHaveLength(DECLUTTER_MIN + 2);
  });
});
