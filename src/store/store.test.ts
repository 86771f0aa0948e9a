import { beforeEach, describe, expect, it } from "vitest";
import type { BatchMessage, EndMessage } from "../worker/protocol";
import type { RunEntry } from "./runs";
import { applyBatch, applyEnd, runAt, runStarted, runStopped, selectRun, stepRun, useStore, selectFirstError, omittedLines, aggregateAt } from "./index";
import { appendLines, emptyConsole, HEAD_LINES, TAIL_LINES } from "./consoleLines";

function run(index: number, ok = true, plan = 0): RunEntry {
  return { type: "run", index, session: 0, line: 3, fetches: ["y:0"], feeds: [], path: ["y"], side_effects: [], ok, graph: 0, plan };
}

function batch(runId: number, over: Partial<BatchMessage> = {}): BatchMessage {
  return { type: "batch", runId, nodes: [], runs: [], runCount: 0, latest: null, middle: null, lines: [], diagnostics: [], scalars: [], ...over };
}

function end(runId: number, over: Partial<EndMessage> = {}): EndMessage {
  return { type: "end", runId, end: { type: "end", ok: true, seed: 7 }, tail: [], tailStart: 0, middle: [], series: [], lineCount: 0, ...over };
}

beforeEach(() => runStarted(1, null, 0));

describe("applyBatch", () => {
  it("appends nodes and runs and follows the last run", () => {
    applyBatch(batch(1, { runs: [run(0), run(1)], runCount: 2, nodes: [{ type: "node", name: "y", op: "Const", inputs: [], control_inputs: [], ref_inputs: [], dtype: "int32", shape: "()", line: 1, effects: [], graph: 0 }] }));
    const s = useStore.getState();
    expect(s.program.nodes.map((n) => n.name)).toEqual(["y"]);
    expect(s.program.runCount).toBe(2);
    expect(s.selection.run).toBe(1);
  });

  it("selects the first failed run by default", () => {
    applyBatch(batch(1, { runs: [run(0), run(1, false), run(2, false), run(3)], runCount: 4 }));
    expect(useStore.getState().selection.run).toBe(1);
  });

  it("drops a stale run's batches", () => {
    expect(applyBatch(batch(0, { runs: [run(0)], runCount: 1 }))).toBe(false);
    expect(useStore.getState().program.runCount).toBe(0);
  });

  it("keeps a run the learner picked while new runs arrive", () => {
    applyBatch(batch(1, { runs: [run(0), run(1)], runCount: 2 }));
    selectRun(0);
    applyBatch(batch(1, { runs: [run(2)], runCount: 3 }));
    expect(useStore.getState().selection.run).toBe(0);
  });
});

describe("applyEnd", () => {
  it("sets done, the seed and the tail of a long loop", () => {
    applyBatch(batch(1, { runs: [run(0)], runCount: 5000 }));
    const middle = [{ plan: 0, session: 0, line: 3, fetches: ["y:0"], feeds: [], path: ["y"], count: 3998, okCount: 3998, firstIndex: 1, lastIndex: 3998 }];
    applyEnd(end(1, { tail: [run(3999)], tailStart: 3999, middle }));
    const s = useStore.getState();
    expect(s.program.status).toBe("done");
    expect(s.program.seed).toBe(7);
    expect(runAt(s.program.runs, 3999)?.index).toBe(3999);
    expect(runAt(s.program.runs, 2000)).toBeUndefined();
    expect(aggregateAt(s.program.runs, 2000)?.count).toBe(3998);
    expect(s.selection.run).toBe(4999);
  });

  it("reports an uncaught error as status error", () => {
    applyEnd(end(1, { end: { type: "end", ok: false, seed: 1, error: { type: "ValueError", message: "bad", line: 2 } } }));
    expect(useStore.getState().program.status).toBe("error");
    expect(useStore.getState().program.error?.line).toBe(2);
  });
});

describe("runStopped", () => {
  it("keeps what arrived and says stopped", () => {
    applyBatch(batch(1, { runs: [run(0)], runCount: 1 }));
    runStopped(1, "Stopped");
    const s = useStore.getState();
    expect(s.program.status).toBe("stopped");
    expect(s.program.runCount).toBe(1);
  });

  it("ignores a stop of a finished run", () => {
    applyEnd(end(1));
    expect(runStopped(1, "Stopped")).toBe(false);
  });
});

describe("stepRun and selectFirstError", () => {
  it("steps within the runs there are", () => {
    applyBatch(batch(1, { runs: [run(0), run(1), run(2)], runCount: 3 }));
    selectRun(0);
    stepRun(-1);
    expect(useStore.getState().selection.run).toBe(0);
    stepRun(5);
    expect(useStore.getState().selection.run).toBe(2);
  });

  it("jumps to the first error", () => {
    applyBatch(batch(1, { runs: [run(0), run(1), run(2, false)], runCount: 3 }));
    selectRun(0);
    expect(selectFirstError()).toBe(true);
    expect(useStore.getState().selection.run).toBe(2);
  });
});

describe("appendLines", () => {
  const line = (n: number) => ({ n, kind: "stdout" as const, text: `line ${n}` });

  it("keeps the first 1,000 and the last 5,000 lines and counts the rest", () => {
    let c = emptyConsole();
    for (let start = 0; start < 100_000; start += 700) {
      const lines = [];
      for (let n = start; n < Math.min(start + 700, 100_000); n++) lines.push(line(n));
      c = appendLines(c, lines);
    }
    expect(c.head.length).toBe(HEAD_LINES);
    expect(c.tail.length).toBe(TAIL_LINES);
    expect(c.tail[TAIL_LINES - 1].n).toBe(99_999);
    expect(omittedLines(c)).toBe(100_000 - HEAD_LINES - TAIL_LINES);
  });

  it("counts lines the worker skipped", () => {
    const c = appendLines(emptyConsole(), [line(0), line(50)]);
    expect(c.head.map((l) => l.n)).toEqual([0]);
    expect(c.tail.map((l) => l.n)).toEqual([50]);
    expect(omittedLines(c)).toBe(49);
  });
});
