import { describe, expect, it, vi } from "vitest";
import { operatorRuntime, contextOf, createTF } from "../../engine";
import type { EndEvent, OutputEvent, ProgramEvent, RunEvent } from "./events";
import { runProgram } from "./run_program";
import { Summarizer, type SummaryBatch, type SummaryItem } from "./summarize";
import { MinMaxSeries } from "./summarize/downsample";
import { Ring } from "./summarize/ring";
import { RunAggregates } from "./summarize/aggregates";

// --- Factories ----------------------------------------------------------------------------

const PATHS = new Map<number, string[]>();

/** A run event of `plan` (runs of one plan share one path array, as the engine's do). */
function runEvent(index: number, options: { plan?: number; ok?: boolean; loss?: number; errorType?: string } = {}): RunEvent {
  const plan = options.plan ?? 0;
  if (!PATHS.has(plan)) PATHS.set(plan, [`a${plan}`, `b${plan}`, `c${plan}`]);
  const ok = options.ok ?? true;
  const e: RunEvent = {
    type: "run",
    index,
    session: 0,
    line: 7,
    fetches: ["loss:0", "train"],
    feeds: ["x:0"],
    path: ok ? PATHS.get(plan)! : PATHS.get(plan)!.slice(0, 1),
    side_effects: [],
    ok,
    graph: 0,
    plan,
  };
  if (!ok) e.error = { type: options.errorType ?? "InvalidArgumentError", message: "m", op: "a", path: ["a"], line: 1 };
  if (options.loss !== undefined) e.values = { "loss:0": options.loss };
  return e;
}

const line = (n: number, type: "stdout" | "stderr" = "stdout"): OutputEvent => ({ type, text: `line ${n}` });
const END: EndEvent = { type: "end", ok: true, seed: 0 };

/** Pushes events and returns every batch, the last one taken after the end event. */
function summarize(events: Iterable<ProgramEvent>, options: ConstructorParameters<typeof Summarizer>[0] = {}): SummaryBatch[] {
  const batches: SummaryBatch[] = [];
  const s = new Summarizer({ ...options, onBatch: (b) => batches.push(b) });
  for (const e of events) s.push(e);
  if (batches.length === 0 || !batches[batches.length - 1].final) batches.push(s.takeBatch());
  return batches;
}

function allItems(batches: SummaryBatch[]): SummaryItem[] {
  return batches.flatMap((b) => b.items);
}

function* runs(n: number, make: (i: number) => RunEvent = (i) => runEvent(i)): Generator<RunEvent> {
  for (let i = 0; i < n; i++) yield make(i);
}

// --- Tests --------------------------------------------------------------------------------

describe("Summarizer", () => {
  describe("runs", () => {
    it("keeps the first and last 1,000 runs in full and counts the ones in between", () => {
      const batches = summarize([...runs(5000), END]);
      const items = allItems(batches);
      const kept = items.filter((e): e is RunEvent => e.type === "run").map((e) => e.index);
      expect(kept).toEqual([...Array.from({ length: 1000 }, (_, i) => i), ...Array.from({ length: 1000 }, (_, i) => 4000 + i)]);
      expect(items[1000]).toEqual({ type: "omitted", what: "runs", count: 3000 });
      expect(items[items.length - 1]).toEqual(END);
      const final = batches[batches.length - 1];
      expect(final.final).toBe(true);
      expect(final.counts).toEqual({ runs: 5000, runs_aggregated: 3000, lines: 0, lines_omitted: 0, nodes: 0, nodes_omitted: 0 });
      expect(batches.flatMap((b) => b.aggregates).pop()).toMatchObject({ plan: 0, path: ["a0", "b0", "c0"], count: 3000, ok: 3000, failed: 0, first_index: 1000, last_index: 3999 });
    });

    it("sends everything in full when there are at most 2,000 runs", () => {
      const items = allItems(summarize([...runs(2000), END]));
      expect(items.filter((e) => e.type === "run")).toHaveLength(2000);
      expect(items.some((e) => e.type === "omitted")).toBe(false);
    });

    it("aggregates per plan and executed path, with ok and error counts by type", () => {
      const events = runs(10, (i) =>
        i % 3 === 0 ? runEvent(i, { plan: 1 }) : i % 3 === 1 ? runEvent(i, { plan: 2 }) : runEvent(i, { plan: 2, ok: false, errorType: i === 2 ? "FailedPreconditionError" : "InvalidArgumentError" }),
      );
      const batches = summarize([...events, END], { headRuns: 0, tailRuns: 1 });
      const rows = batches[batches.length - 1].aggregates.sort((a, b) => a.first_index - b.first_index);
      expect(rows.map((r) => [r.plan, r.path, r.count, r.ok, r.failed, r.errors, r.first_index, r.last_index])).toEqual([
        [1, ["a1", "b1", "c1"], 3, 3, 0, {}, 0, 6],
        [2, ["a2", "b2", "c2"], 3, 3, 0, {}, 1, 7],
        [2, ["a2"], 3, 0, 3, { FailedPreconditionError: 1, InvalidArgumentError: 2 }, 2, 8],
      ]);
    });

    it("folds plans beyond the aggregate limit into one row with plan null", () => {
      const batches = summarize([...runs(50, (i) => runEvent(i, { plan: 100 + i })), END], { headRuns: 0, tailRuns: 1, maxAggregates: 10 });
      const rows = batches[batches.length - 1].aggregates;
      expect(rows).toHaveLength(11);
      expect(rows.find((r) => r.plan === null)).toMatchObject({ count: 39, path: [], first_index: 10, last_index: 48 });
    });

    it("shows the newest run in every batch for a live highlight", () => {
      const s = new Summarizer();
      for (const e of runs(3000)) s.push(e);
      expect(s.takeBatch().latest_run?.index).toBe(2999);
    });
  });

  describe("scalar series", () => {
    it("keeps every scalar fetch's values over all runs in at most maxPoints points", () => {
      const batches = summarize([...runs(100_000, (i) => runEvent(i, { loss: 1 / (i + 1) })), END]);
      const series = batches[batches.length - 1].series;
      expect(series).toHaveLength(1);
      const loss = series[0];
      expect(loss).toMatchObject({ name: "loss:0", count: 100_000, last: { x: 99_999, y: 1 / 100_000 }, non_finite: 0 });
      expect(loss.x.length).toBeLessThanOrEqual(4096);
      expect(loss.x.length).toBeGreaterThan(2048);
      expect(loss.x[0]).toBe(0);
      expect(loss.y[0]).toBe(1);
      expect(loss.x.every((x, i) => i === 0 || x > loss.x[i - 1])).toBe(true);
    });

    it("preserves single spikes and dips of a noisy curve", () => {
      const value = (i: number) => (i === 31_337 ? 50 : i === 77_777 ? -50 : Math.sin(i / 1000));
      const batches = summarize([...runs(100_000, (i) => runEvent(i, { loss: value(i) })), END]);
      const s = batches[batches.length - 1].series[0];
      expect(s.y[s.x.indexOf(31_337)]).toBe(50);
      expect(s.y[s.x.indexOf(77_777)]).toBe(-50);
    });

    it("counts NaN and Infinity without drawing them", () => {
      const losses = [1, NaN, 2, Infinity];
      const batches = summarize([...runs(4, (i) => runEvent(i, { loss: losses[i] })), END]);
      expect(batches[batches.length - 1].series[0]).toMatchObject({ count: 2, x: [0, 2], y: [1, 2], non_finite: 2, first_non_finite: 1 });
    });

    it("sends a series only in batches after it changed", () => {
      const s = new Summarizer();
      s.push(runEvent(0, { loss: 1 }));
      expect(s.takeBatch().series.map((x) => x.name)).toEqual(["loss:0"]);
      s.push(runEvent(1));
      expect(s.takeBatch().series).toEqual([]);
    });

    it("sends changed series at most every seriesIntervalMs while running, and always at the end", () => {
      let t = 0;
      const s = new Summarizer({ seriesIntervalMs: 100, now: () => t });
      s.push(runEvent(0, { loss: 1 }));
      expect(s.takeBatch().series).toHaveLength(1);
      s.push(runEvent(1, { loss: 2 }));
      t = 50;
      expect(s.takeBatch().series).toEqual([]);
      t = 120;
      const later = s.takeBatch().series;
      expect(later).toHaveLength(1);
      expect(later[0].count).toBe(2);
      s.push(runEvent(2, { loss: 3 }));
      t = 130;
      s.push(END);
      const last = s.takeBatch();
      expect(last.final).toBe(true);
      expect(last.series[0]?.count).toBe(3);
    });
  });

  describe("console lines", () => {
    it("keeps the first 1,000 and the last 5,000 lines with an omission marker between", () => {
      const events: ProgramEvent[] = [];
      for (let i = 0; i < 10_000; i++) events.push(line(i, i % 2 ? "stderr" : "stdout"));
      const items = allItems(summarize([...events, END]));
      const texts = items.filter((e): e is OutputEvent => e.type === "stdout" || e.type === "stderr").map((e) => e.text);
      expect(texts).toHaveLength(6000);
      expect(texts[999]).toBe("line 999");
      expect(texts[1000]).toBe("line 5000");
      expect(items[1000]).toEqual({ type: "omitted", what: "lines", count: 4000 });
      expect(items[items.length - 2]).toEqual({ type: "stderr", text: "line 9999" });
    });

    it("merges the held-back lines and runs in the order the program produced them", () => {
      const events: ProgramEvent[] = [];
      for (let i = 0; i < 4; i++) events.push(runEvent(i), line(i));
      const items = allItems(summarize([...events, END], { headRuns: 1, tailRuns: 2, headLines: 1, tailLines: 2 }));
      expect(items.map((e) => (e.type === "run" ? `run ${e.index}` : e.type === "stdout" ? e.text : e.type === "omitted" ? `(${e.count} ${e.what} omitted)` : e.type))).toEqual([
        "run 0",
        "line 0",
        "(1 runs omitted)",
        "run 2",
        "(1 lines omitted)",
        "line 2",
        "run 3",
        "line 3",
        "end",
      ]);
    });

    it("cuts a very long line and says how much was cut", () => {
      const [item] = allItems(summarize([{ type: "stdout", text: "x".repeat(25) }], { maxLineLength: 10 }));
      expect(item).toEqual({ type: "stdout", text: "xxxxxxxxxx … [15 more characters]" });
    });

    it("offers the newest held-back lines for a live view while the program runs", () => {
      const s = new Summarizer({ headLines: 1 });
      for (let i = 0; i < 50; i++) s.push(line(i));
      const batch = s.takeBatch();
      expect(batch.recent_lines.map((l) => l.text)).toEqual(Array.from({ length: 20 }, (_, i) => `line ${30 + i}`));
    });
  });

  describe("nodes and diagnostics", () => {
    it("passes nodes on up to the limit and counts the rest; passes diagnostics on", () => {
      const node = (i: number): ProgramEvent => ({ type: "node", name: `c${i}`, op: "Const", inputs: [], control_inputs: [], ref_inputs: [], dtype: "int32", shape: "()", line: 1, effects: [], graph: 0 });
      const hint: ProgramEvent = { type: "diagnostic", code: "ops-in-loop", message: "m", ops: [], line: 1 };
      const batches = summarize([node(0), node(1), node(2), hint, END], { maxNodes: 2 });
      expect(allItems(batches).map((e) => e.type)).toEqual(["node", "node", "diagnostic", "end"]);
      expect(batches[batches.length - 1].counts).toMatchObject({ nodes: 3, nodes_omitted: 1 });
    });
  });

  describe("batching", () => {
    it("calls onBatch when intervalMs passed, and once more, final, at the end", () => {
      let t = 0;
      const batches: SummaryBatch[] = [];
      const s = new Summarizer({ onBatch: (b) => batches.push(b), intervalMs: 100, now: () => t });
      for (let i = 0; i < 1000; i++) {
        t = i; // one millisecond per event
        s.push(line(i));
      }
      s.push(END);
      expect(batches.map((b) => b.final)).toEqual([...Array(batches.length - 1).fill(false), true]);
      expect(batches.length).toBeGreaterThanOrEqual(3);
      expect(batches.length).toBeLessThanOrEqual(5);
      expect(allItems(batches).filter((e) => e.type === "stdout")).toHaveLength(1000);
    });

    it("ignores events after the end", () => {
      const s = new Summarizer();
      s.push(END);
      s.takeBatch();
      s.push(line(1));
      expect(s.takeBatch().items).toEqual([]);
    });
  });

  describe("cost", () => {
    it("holds a bounded amount whatever the stream's length", () => {
      const s = new Summarizer({ headRuns: 10, tailRuns: 10, headLines: 10, tailLines: 10, maxPoints: 64, maxAggregates: 5 });
      let sent = 0;
      let rows = 0;
      for (let i = 0; i < 300_000; i++) {
        s.push(runEvent(i, { plan: i % 50, loss: i }));
        s.push(line(i));
        if (i % 10_000 === 0) {
          const b = s.takeBatch();
          sent += b.items.length;
          rows = Math.max(rows, b.aggregates.length);
          expect(b.series[0]?.x.length ?? 0).toBeLessThanOrEqual(64);
        }
      }
      s.push(END);
      const final = s.takeBatch();
      sent += final.items.length;
      // 10 + 10 runs, 10 + 10 lines, two markers and the end: nothing else was ever queued.
      expect(sent).toBe(43);
      expect(Math.max(rows, final.aggregates.length)).toBeLessThanOrEqual(6);
      expect(final.series[0].x.length).toBeLessThanOrEqual(64);
    });

    it("does a fixed amount of work per run event, however long the stream", () => {
      // Counted, not timed: each run past the head goes through the tail ring once, is
      // aggregated at most once when it leaves the ring, and adds one sample to its series;
      // the series halves its buckets (each halving touches every bucket once) only as the
      // stream doubles. Timing this would depend on the machine's load.
      const counts = { ring: 0, aggregate: 0, sample: 0, halve: 0 };
      const count = <T extends object>(proto: T, method: string, key: keyof typeof counts) => {
        const original = (proto as Record<string, (...a: unknown[]) => unknown>)[method];
        return vi.spyOn(proto as Record<string, (...a: unknown[]) => unknown>, method).mockImplementation(function (this: unknown, ...args: unknown[]) {
          counts[key]++;
          return original.apply(this, args);
        });
      };
      const spies = [
        count(Ring.prototype, "push", "ring"),
        count(RunAggregates.prototype, "add", "aggregate"),
        count(MinMaxSeries.prototype, "add", "sample"),
        count(MinMaxSeries.prototype, "halve", "halve"),
      ];
      try {
        const n = 200_000;
        const s = new Summarizer({ headRuns: 1000, tailRuns: 1000, maxPoints: 4096 });
        for (let i = 0; i < n; i++) s.push(runEvent(i, { plan: i % 3, loss: i }));
        const buckets = 2 * Math.floor(4096 / 4);
        expect(counts.ring).toBe(n - 1000);
        expect(counts.aggregate).toBe(n - 2000);
        expect(counts.sample).toBe(n);
        expect(counts.halve).toBeLessThanOrEqual(Math.ceil(Math.log2(n / buckets)) + 1);
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
    });
  });

  describe("onRun", () => {
    it("summarizes an engine's runs directly, as a benchmark attaches it", () => {
      const s = new Summarizer();
      const tf = createTF({ onRun: s.onRun });
      const py = operatorRuntime(contextOf(tf));
      const x = tf.placeholder(tf.float32, [], "x");
      const y = py.mul(x, 2) as ReturnType<typeof tf.identity>;
      const sess = tf.Session();
      for (let i = 0; i < 3000; i++) sess.run(y, { feed_dict: { [String(x)]: i } });
      const batch = s.takeBatch();
      expect(batch.counts).toMatchObject({ runs: 3000, runs_aggregated: 1000 });
      expect(batch.series[0]).toMatchObject({ name: "mul:0", count: 3000, last: { x: 2999, y: 5998 } });
    });

    it("takes runProgram's events as the worker passes them", async () => {
      const s = new Summarizer();
      await runProgram("const c = tf.constant(2.5);\nconst sess = tf.Session();\nfor (const i of range(1500)) sess.run(c);\nprint('done');", { seed: 1, emit: s.push, values: "fetches" });
      const batch = s.takeBatch();
      expect(batch.final).toBe(true);
      expect(batch.counts).toMatchObject({ runs: 1500, runs_aggregated: 0, lines: 1 });
      expect(batch.series[0]).toMatchObject({ name: "Const:0", count: 1500, last: { x: 1499, y: 2.5 } });
      expect(new Set(batch.series[0].y)).toEqual(new Set([2.5]));
    });
  });
});

describe("MinMaxSeries", () => {
  it("keeps every sample until the buckets fill, then each bucket's min and max", () => {
    const s = new MinMaxSeries(4);
    [5, 1, 4].forEach((y, i) => s.add(i, y));
    expect(s.points()).toEqual({ x: [0, 1, 2], y: [5, 1, 4] });
    [9, 0, 3, 2, 8].forEach((y, i) => s.add(i + 3, y));
    // Buckets of two: (5,1) (4,9) (0,3) (2,8): min and max of each, in x order.
    expect(s.points()).toEqual({ x: [0, 1, 2, 3, 4, 5, 6, 7], y: [5, 1, 4, 9, 0, 3, 2, 8] });
    s.add(8, 7);
    // Buckets of four: (5,1,4,9) (0,3,2,8) (7).
    expect(s.points()).toEqual({ x: [1, 3, 4, 7, 8], y: [1, 9, 0, 8, 7] });
  });
});

describe("Ring", () => {
  it("keeps the newest items and returns what it evicts", () => {
    const r = new Ring<number>(3);
    expect([1, 2, 3].map((n) => r.push(n))).toEqual([undefined, undefined, undefined]);
    expect(r.push(4)).toBe(1);
    expect(r.toArray()).toEqual([2, 3, 4]);
    expect(r.newest(2)).toEqual([3, 4]);
  });
});
