import { describe, expect, it } from "vitest";
import { BatchCoalescer, mergeBatches } from "./coalesce";
import type { SummaryBatch } from "../runner/summarize";
import type { BatchMessage } from "./protocol";

function batch(text: string, final = false, runs = 1): SummaryBatch {
  return {
    type: "batch",
    items: [{ type: "stdout", text }],
    aggregates: [],
    series: [],
    counts: { runs, runs_aggregated: 0, lines: runs, lines_omitted: 0, nodes: 0, nodes_omitted: 0 },
    latest_run: null,
    recent_lines: [],
    final,
  };
}

const msg = (b: SummaryBatch, runId = 1): BatchMessage => ({ type: "batch", runId, batch: b, line: null });

/** A coalescer with a manual clock and timer. */
function setup() {
  let t = 0;
  let due: (() => void) | null = null;
  const applied: BatchMessage[] = [];
  const c = new BatchCoalescer({
    apply: (m) => applied.push(m),
    now: () => t,
    schedule: (fn) => (due = fn),
    cancel: () => (due = null),
    intervalMs: 100,
  });
  return { c, applied, advance: (ms: number) => (t += ms), fire: () => due?.() };
}

describe("mergeBatches", () => {
  it("concatenates items in order and takes the later counts and flags", () => {
    const m = mergeBatches(batch("a"), batch("b", true, 2));
    expect(m.items.map((i) => (i as { text: string }).text)).toEqual(["a", "b"]);
    expect(m.counts.runs).toBe(2);
    expect(m.final).toBe(true);
  });
});

describe("BatchCoalescer", () => {
  it("applies the first batch at once and merges the ones that arrive within the interval", () => {
    const { c, applied, advance, fire } = setup();
    c.push(msg(batch("a")));
    expect(applied.length).toBe(1);
    advance(16);
    c.push(msg(batch("b")));
    advance(16);
    c.push(msg(batch("c")));
    expect(applied.length).toBe(1);
    advance(70);
    fire();
    expect(applied.length).toBe(2);
    expect(applied[1].batch.items.map((i) => (i as { text: string }).text)).toEqual(["b", "c"]);
  });

  it("applies the final batch at once, with what was pending before it", () => {
    const { c, applied, advance } = setup();
    c.push(msg(batch("a")));
    advance(10);
    c.push(msg(batch("b")));
    c.push(msg(batch("end", true)));
    expect(applied.length).toBe(2);
    expect(applied[1].batch.final).toBe(true);
    expect(applied[1].batch.items.length).toBe(2);
  });

  it("flushes what is pending on demand (a stop keeps what arrived)", () => {
    const { c, applied, advance } = setup();
    c.push(msg(batch("a")));
    advance(10);
    c.push(msg(batch("b")));
    c.flush();
    expect(applied.map((m) => m.batch.items.length)).toEqual([1, 1]);
  });

  it("drops a pending batch of an older run", () => {
    const { c, applied, advance } = setup();
    c.push(msg(batch("a"), 1));
    advance(10);
    c.push(msg(batch("b"), 1));
    c.push(msg(batch("x"), 2));
    c.flush();
    expect(applied[applied.length - 1].runId).toBe(2);
    expect(applied[applied.length - 1].batch.items.length).toBe(1);
  });
});
