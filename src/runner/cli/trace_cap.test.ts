import { describe, expect, it } from "vitest";
import type { ProgramEvent, RunEvent } from "../events";
import { TraceCap, type TraceCapLimits } from "./trace_cap";

// --- Factories ----------------------------------------------------------------------------

const SMALL: TraceCapLimits = { headRuns: 2, tailRuns: 2, headLines: 2, tailLines: 2, maxNodes: 2, maxAggregates: 10 };

function run(index: number, plan = 0): RunEvent {
  return { type: "run", index, session: 0, line: 3, fetches: ["a:0"], feeds: [], path: ["a"], side_effects: [], ok: true, graph: 0, plan } as unknown as RunEvent;
}
const out = (text: string): ProgramEvent => ({ type: "stdout", text });
const node = (name: string) => ({ type: "node", name }) as unknown as ProgramEvent;
const END: ProgramEvent = { type: "end", ok: true, seed: 1 };

/** The trace's lines (as objects) for `events` under `limits`, and when folding began. */
function capped(events: ProgramEvent[], limits = SMALL) {
  const lines: unknown[] = [];
  let foldedAfter: number | null = null;
  const cap = new TraceCap((item) => lines.push(item), () => (foldedAfter = lines.length), limits);
  for (const e of events) cap.push(e);
  return { lines, foldedAfter };
}

const brief = (x: unknown) => {
  const e = x as { type: string; index?: number; text?: string; what?: string; count?: number; name?: string };
  return e.type === "run" ? `run ${e.index}` : e.type === "omitted" ? `omitted ${e.what} ${e.count}` : e.type === "stdout" ? `"${e.text}"` : e.type === "node" ? `node ${e.name}` : e.type;
};

// --- Tests --------------------------------------------------------------------------------

describe("TraceCap", () => {
  it("passes a small program's events through unchanged and in order", () => {
    const events = [node("a"), run(0), out("x"), END];
    expect(capped(events).lines).toEqual(events);
  });

  it("keeps the first and last runs, and folds those in between into one line with their count and computation", () => {
    const events = [...[0, 1, 2, 3, 4, 5, 6].map((i) => run(i, i < 5 ? 0 : 1)), END];
    const { lines, foldedAfter } = capped(events);
    expect(lines.map(brief)).toEqual(["run 0", "run 1", "omitted runs 3", "run 5", "run 6", "end"]);
    expect(lines[2]).toMatchObject({ aggregates: [{ plan: 0, count: 3, ok: 3, first_index: 2, last_index: 4, path: ["a"] }] });
    expect(foldedAfter).toBe(2);
  });

  it("keeps the trace in program order when events kept in full come after held-back runs", () => {
    const events = [run(0), run(1), run(2), out("after the runs"), run(3), run(4), out("done"), END];
    expect(capped(events).lines.map(brief)).toEqual(["run 0", "run 1", "omitted runs 1", '"after the runs"', "run 3", "run 4", '"done"', "end"]);
  });

  it("caps output lines and nodes the same way, saying how many were left out", () => {
    const events = [node("a"), node("b"), node("c"), ...["1", "2", "3", "4", "5", "6"].map(out), END];
    expect(capped(events).lines.map(brief)).toEqual(["node a", "node b", '"1"', '"2"', "omitted lines 2", '"5"', '"6"', "omitted nodes 1", "end"]);
  });

  it("writes nothing after the end", () => {
    const { lines } = capped([out("a"), END, out("late")]);
    expect(lines.map(brief)).toEqual(['"a"', "end"]);
  });
});
