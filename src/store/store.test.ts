import { beforeEach, describe, expect, it } from "vitest";
import type { ProgramEvent, RunEvent } from "../runner/events";
import { EventBatcher } from "../worker/batcher";
import type { BatchMessage } from "../worker/protocol";
import { aggregateAt, applyBatch, omittedLines, runAt, runStarted, runStopped, selectFirstError, selectRun, stepRun, useStore } from "./index";

function run(index: number, ok = true, plan = 0, loss?: number): RunEvent {
  const e: RunEvent = { type: "run", index, session: 0, line: 3, fetches: ["y:0"], feeds: [], path: ["y"], side_effects: [], ok, graph: 0, plan };
  if (!ok) e.error = { type: "InvalidArgumentError", message: "bad", op: "x", path: ["y", "x"], line: 1 };
  if (loss !== undefined) e.values = { "y:0": loss };
  return e;
}

/** Streams events through the worker's real batcher into the store; `tick` advances its clock. */
function stream(runId = 1) {
  let t = 0;
  const b = new EventBatcher({ runId, post: (m: BatchMessage) => applyBatch(m), now: () => t });
  return {
    push: (e: ProgramEvent) => b.push(e),
    tick: () => (t += 16),
    end: (ok = true) => b.push(ok ? { type: "end", ok, seed: 7 } : { type: "end", ok, seed: 7, error: { type: "ValueError", message: "bad", line: 2 } }),
  };
}

beforeEach(() => runStarted(1, null, 0));

describe("applyBatch", () => {
  it("appends nodes and runs and follows the last run", () => {
    const s = stream();
    s.push({ type: "node", name: "y", op: "Const", inputs: [], control_inputs: [], ref_inputs: [], dtype: "int32", shape: "()", line: 1, effects: [], graph: 0 });
    s.push(run(0));
    s.push(run(1));
    s.end();
    const st = useStore.getState();
    expect(st.program.nodes.map((n) => n.name)).toEqual(["y"]);
    expect(st.program.runCount).toBe(2);
    expect(st.program.status).toBe("done");
    expect(st.program.seed).toBe(7);
    expect(st.selection.run).toBe(1);
  });

  it("selects the first failed run by default", () => {
    const s = stream();
    for (const [i, ok] of [[0, true], [1, false], [2, false], [3, true]] as const) s.push(run(i, ok));
    s.end();
    expect(useStore.getState().selection.run).toBe(1);
  });

  it("drops a stale run's batches", () => {
    const s = stream(0);
    s.push(run(0));
    expect(useStore.getState().program.runCount).toBe(0);
  });

  it("keeps a run the learner picked while new runs arrive", () => {
    const s = stream();
    s.push(run(0));
    s.tick();
    s.push(run(1));
    selectRun(0);
    s.tick();
    s.push(run(2));
    expect(useStore.getState().program.runCount).toBe(3);
    expect(useStore.getState().selection.run).toBe(0);
  });

  it("keeps the first and last 1,000 runs of a long loop and aggregates the middle", () => {
    const s = stream();
    for (let i = 0; i < 5000; i++) {
      s.push(run(i, true, 0, 1 / (i + 1)));
      if (i % 300 === 0) s.tick();
    }
    s.end();
    const st = useStore.getState();
    expect(st.program.runCount).toBe(5000);
    expect(runAt(st.program.runs, 999)?.index).toBe(999);
    expect(runAt(st.program.runs, 2000)).toBeUndefined();
    expect(aggregateAt(st.program.runs, 2000)?.count).toBe(3000);
    expect(runAt(st.program.runs, 4000)?.index).toBe(4000);
    expect(runAt(st.program.runs, 4999)?.index).toBe(4999);
    expect(st.selection.run).toBe(4999);
    expect(Object.keys(st.program.series)).toEqual(["y:0"]);
  });

  it("reports an uncaught error as status error", () => {
    stream().end(false);
    expect(useStore.getState().program.status).toBe("error");
    expect(useStore.getState().program.error?.line).toBe(2);
  });
});

describe("the console", () => {
  it("keeps the first 1,000 and the last 5,000 lines and counts the rest", () => {
    const s = stream();
    for (let i = 0; i < 100_000; i++) {
      s.push({ type: "stdout", text: `line ${i}` });
      if (i % 700 === 0) s.tick();
    }
    s.end();
    const c = useStore.getState().console;
    expect(c.head).toHaveLength(1000);
    expect(c.tail).toHaveLength(5000);
    expect(c.tail[4999]).toEqual({ n: 99_999, kind: "stdout", text: "line 99999" });
    expect(c.head[999].text).toBe("line 999");
    expect(omittedLines(c)).toBe(94_000);
  });

  it("previews the newest lines while a long program runs", () => {
    const s = stream();
    for (let i = 0; i < 3000; i++) s.push({ type: "stdout", text: `line ${i}` });
    s.tick();
    // While events come fast the batcher reads its clock every 32 events at most.
    let n = 3000;
    do s.push({ type: "stdout", text: `line ${n++}` });
    while (useStore.getState().console.total < n && n < 3032);
    const c = useStore.getState().console;
    expect(c.tail[c.tail.length - 1].text).toBe(`line ${n - 1}`);
    expect(c.total).toBe(n);
  });
});

describe("runStopped", () => {
  it("keeps what arrived and says stopped", () => {
    stream().push(run(0));
    runStopped(1, "Stopped");
    const s = useStore.getState();
    expect(s.program.status).toBe("stopped");
    expect(s.program.runCount).toBe(1);
  });

  it("ignores a stop of a finished run", () => {
    stream().end();
    expect(runStopped(1, "Stopped")).toBe(false);
  });
});

describe("stepRun and selectFirstError", () => {
  it("steps within the runs there are", () => {
    const s = stream();
    for (let i = 0; i < 3; i++) s.push(run(i));
    s.end();
    selectRun(0);
    stepRun(-1);
    expect(useStore.getState().selection.run).toBe(0);
    stepRun(5);
    expect(useStore.getState().selection.run).toBe(2);
  });

  it("jumps to the first error", () => {
    const s = stream();
    s.push(run(0));
    s.push(run(1));
    s.push(run(2, false));
    s.end();
    selectRun(0);
    expect(selectFirstError()).toBe(true);
    expect(useStore.getState().selection.run).toBe(2);
  });
});
