import { describe, expect, it } from "vitest";
import { SessionMemories } from "./memory";
import type { RunEvent } from "../runner/events";
import type { RunEntry } from "../store/runs";

/** A run of session 0 that sets variable `v` to `value`. */
function run(index: number, value: number, session = 0): RunEvent {
  return {
    type: "run",
    index,
    session,
    graph: 0,
    plan: 0,
    line: 1,
    fetches: [],
    feeds: [],
    path: [],
    ok: true,
    side_effects: [{ op: "Assign", kind: "assign", target: "v", before: value - 1, after: value }],
  };
}

describe("SessionMemories", () => {
  it("snapshots the memory of each run kept from the start", () => {
    const m = new SessionMemories(2, 2);
    const a = m.take(run(0, 1)) as RunEntry;
    const b = m.take(run(1, 2)) as RunEntry;
    expect(a.memory).toEqual({ v: 1 });
    expect(b.memory).toEqual({ v: 2 });
  });

  it("leaves later runs without memory until the end, then folds the tail forward", () => {
    const m = new SessionMemories(1, 2);
    m.take(run(0, 10));
    const later = [1, 2, 3, 4, 5].map((i) => m.take(run(i, 10 + i)));
    expect(later.every((e) => (e as RunEntry).memory === undefined)).toBe(true);
    // The page receives the last two runs (4 and 5) at the end.
    const tail = [later[3], later[4]];
    m.fillTail(tail);
    expect((tail[0] as RunEntry).memory).toEqual({ v: 14 });
    expect((tail[1] as RunEntry).memory).toEqual({ v: 15 });
  });

  it("keeps sessions apart and snapshots the newest run for a live view", () => {
    const m = new SessionMemories(0, 4);
    m.take(run(0, 1, 0));
    const last = m.take(run(1, 7, 1));
    expect(m.latest(last)?.memory).toEqual({ v: 7 });
    expect(m.latest(null)).toBeNull();
  });
});
