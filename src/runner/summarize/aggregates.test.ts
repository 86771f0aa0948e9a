import { describe, expect, it } from "vitest";
import type { RunEvent } from "../events";
import { RunAggregates } from "./aggregates";

const runOf = (index: number, path: string[], dead?: string[], dead_outputs?: string[]): RunEvent => ({
  type: "run",
  index,
  session: 0,
  graph: 0,
  line: 5,
  plan: 0,
  fetches: ["cond/Merge:0"],
  feeds: ["x:0"],
  path,
  side_effects: [],
  ok: true,
  ...(dead !== undefined ? { dead } : {}),
  ...(dead_outputs !== undefined ? { dead_outputs } : {}),
});

describe("RunAggregates", () => {
  it("counts the two branches of a cond apart even when they run as many ops", () => {
    const a = new RunAggregates(100);
    const t = runOf(1, ["Less", "cond/Switch", "cond/Mul"], ["cond/Add"], ["cond/Switch:0"]);
    const f = runOf(2, ["Less", "cond/Switch", "cond/Add"], ["cond/Mul"], ["cond/Switch:1"]);
    for (let i = 0; i < 10; i++) a.add(i % 2 === 0 ? { ...t, index: i } : { ...f, index: i });
    const rows = a.all();
    expect(rows.map((r) => [r.path.at(-1), r.count, r.dead])).toEqual([
      ["cond/Mul", 5, ["cond/Add"]],
      ["cond/Add", 5, ["cond/Mul"]],
    ]);
  });

  it("counts branches that only pass a tensor through apart by their dead outputs", () => {
    const a = new RunAggregates(100);
    a.add(runOf(1, ["cond/Switch_1", "cond/Merge"], [], ["cond/Switch_1:0"]));
    a.add(runOf(2, ["cond/Switch_1", "cond/Merge"], [], ["cond/Switch_1:1"]));
    a.add(runOf(3, ["cond/Switch_1", "cond/Merge"], [], ["cond/Switch_1:1"]));
    expect(a.all().map((r) => [r.dead_outputs, r.count])).toEqual([
      [["cond/Switch_1:0"], 1],
      [["cond/Switch_1:1"], 2],
    ]);
  });
});
