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

  it("keeps what only the first runs wrote in the memory of the last runs and of the live view", () => {
    const m = new SessionMemories(1, 2);
    const init: RunEvent = { ...run(0, 0), side_effects: [{ op: "c/Assign", kind: "init", target: "c", before: null, after: 42 }] };
    m.take(init);
    const later = [1, 2, 3, 4].map((i) => m.take(run(i, i)));
    expect(m.latest(later[3])?.memory).toEqual({ c: 42, v: 4 });
    const tail = later.slice(2);
    m.fillTail(tail);
    expect((tail[0] as RunEntry).memory).toEqual({ c: 42, v: 3 });
    expect((tail[1] as RunEntry).memory).toEqual({ c: 42, v: 4 });
  });

  it("folds the live view's memory from the runs still held, for the run's own session", () => {
    const m = new SessionMemories(0, 3);
    const runs = [run(0, 1, 0), run(1, 5, 1), run(2, 2, 0), run(3, 3, 0), run(4, 6, 1)].map((r) => m.take(r));
    expect(m.latest(runs[3])?.memory).toEqual({ v: 3 });
    expect(m.latest(runs[4])?.memory).toEqual({ v: 6 });
  });

  it("keeps sessions apart and snapshots the newest run for a live view", () => {
    const m = new SessionMemories(0, 4);
    m.take(run(0, 1, 0));
    const last = m.take(run(1, 7, 1));
    expect(m.latest(last)?.memory).toEqual({ v: 7 });
    expect(m.latest(null)).toBeNull();
  });
});
