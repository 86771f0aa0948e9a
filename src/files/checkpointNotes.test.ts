import { describe, expect, it } from "vitest";
import { emptyRuns } from "../store/runs";
import type { RunEntry } from "../store";
import { checkpointNotes } from "./checkpointNotes";

const run = (index: number, session: number, effects: RunEntry["side_effects"]): RunEntry => ({
  type: "run", index, session, line: 1, fetches: [], feeds: [], path: [], side_effects: effects, ok: true, graph: 0, plan: index,
});

describe("checkpointNotes", () => {
  it("names a session's last save and last restore up to a run, oldest first", () => {
    const runs = {
      ...emptyRuns(),
      head: [
        run(0, 0, [{ op: "save/SaveV2", kind: "save", text: "/a.npz" }]),
        run(1, 1, [{ op: "save/RestoreV2", kind: "restore", text: "/a.npz" }, { op: "save/Assign", kind: "init", target: "w" }]),
        run(2, 0, [{ op: "save/SaveV2", kind: "save", text: "/b.npz" }]),
      ],
    };
    expect(checkpointNotes(runs, 0, 10)).toEqual([{ kind: "save", file: "/b.npz", run: 2 }]);
    expect(checkpointNotes(runs, 0, 1)).toEqual([{ kind: "save", file: "/a.npz", run: 0 }]);
    expect(checkpointNotes(runs, 1, 10)).toEqual([{ kind: "restore", file: "/a.npz", run: 1 }]);
    expect(checkpointNotes(runs, 2, 10)).toEqual([]);
  });
});
