import { describe, expect, it } from "vitest";
import type { ProgramEvent, RunEvent } from "../runner/events";
import { runProgram } from "../runner/run_program";
import type { SummaryBatch } from "../runner/summarize";
import { EventBatcher } from "./batcher";
import { createHandler } from "./handler";
import { lockDown, NoNetworkError } from "./lockdown";
import type { FromWorker } from "./protocol";

/** A clock the test moves by hand. */
function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

function run(index: number, plan = 0, loss?: number): RunEvent {
  const e: RunEvent = { type: "run", index, session: 0, line: 5, fetches: ["loss:0"], feeds: [], path: ["loss"], side_effects: [], ok: true, graph: 0, plan };
  if (loss !== undefined) e.values = { "loss:0": loss };
  return e;
}

function collect() {
  const messages: FromWorker[] = [];
  return { messages, post: (m: FromWorker) => messages.push(m), batches: () => messages.flatMap((m) => (m.type === "batch" ? [m.batch] : [])) };
}

const items = (bs: SummaryBatch[]) => bs.flatMap((b) => b.items);
const texts = (bs: SummaryBatch[]) => items(bs).flatMap((i) => (i.type === "stdout" || i.type === "stderr" ? [i.text] : []));

describe("EventBatcher", () => {
  it("posts each event at once while events are few, then batches them until a frame's time has passed", () => {
    const c = clock();
    const { messages, post, batches } = collect();
    const b = new EventBatcher({ runId: 3, post, now: c.now });
    b.push({ type: "stdout", text: "one" });
    b.push({ type: "stdout", text: "two" });
    b.push({ type: "stdout", text: "three" });
    // A program that hangs now has shown all three.
    expect(texts(batches())).toEqual(["one", "two", "three"]);
    for (let i = 0; i < 20; i++) b.push({ type: "stdout", text: `fast ${i}` });
    const posted = messages.length;
    expect(posted).toBeLessThan(3 + 20);
    c.advance(16);
    b.tick(null);
    expect(messages.length).toBe(posted + 1);
    expect(texts(batches())).toEqual(["one", "two", "three", ...Array.from({ length: 20 }, (_, i) => `fast ${i}`)]);
    expect(messages.every((m) => m.type !== "booted" && m.runId === 3)).toBe(true);
  });

  it("posts what is pending from a loop tick once a batch is due, and reports the line of a loop without events", () => {
    const c = clock();
    const { messages, post, batches } = collect();
    const b = new EventBatcher({ runId: 1, post, now: c.now });
    for (let i = 0; i < 40; i++) b.push({ type: "stdout", text: `${i}` });
    const posted = messages.length;
    expect(texts(batches())).not.toHaveLength(40);
    b.tick(7);
    expect(messages.length).toBe(posted); // not due yet
    c.advance(16);
    b.tick(7);
    expect(texts(batches())).toHaveLength(40);
    c.advance(100);
    b.tick(8);
    expect(messages[messages.length - 1]).toEqual({ type: "at", runId: 1, line: 8 });
    const count = messages.length;
    c.advance(100);
    b.tick(8);
    expect(messages.length).toBe(count); // the same line is not reported again
  });

  it("reads the clock rarely while events come fast, and posts within 32 events once they slow down", () => {
    let t = 0;
    let reads = 0;
    const { messages, post } = collect();
    const b = new EventBatcher({ runId: 1, post, now: () => (reads++, t) });
    for (let i = 0; i < 10_000; i++) {
      b.push(run(i));
      t += 0.001; // a microsecond per run
    }
    expect(reads).toBeLessThan(10_000 / 16);
    const before = messages.length;
    let events = 0;
    while (messages.length === before) {
      b.push({ type: "stdout", text: "slow" });
      t += 20; // now every event takes longer than a batch interval
      events++;
    }
    expect(events).toBeLessThanOrEqual(32);
  });

  it("turns 100,000 runs and lines into a few hundred messages, ending with a final batch", () => {
    const c = clock();
    const { messages, post, batches } = collect();
    const b = new EventBatcher({ runId: 1, post, now: c.now });
    for (let i = 0; i < 100_000; i++) {
      b.push(run(i, 0, 1 / (i + 1)));
      b.push({ type: "stdout", text: `step ${i}` });
      if (i % 500 === 0) c.advance(16);
    }
    b.push({ type: "end", ok: true, seed: 1 });
    expect(messages.length).toBeLessThan(250);
    const all = batches();
    const last = all[all.length - 1];
    expect(last.final).toBe(true);
    expect(last.counts.runs).toBe(100_000);
    expect(last.counts.lines).toBe(100_000);
    const runs = items(all).filter((i) => i.type === "run");
    expect(runs).toHaveLength(2000);
    expect(texts(all)).toHaveLength(6000);
  });

  it("attaches each session's memory, folded from side effects, to the runs it keeps", () => {
    const { post, batches } = collect();
    const b = new EventBatcher({ runId: 1, post, now: () => 0 });
    b.push({ ...run(0), side_effects: [{ op: "v/Assign", kind: "init", target: "v", before: null, after: 0 }] });
    b.push({ ...run(1), side_effects: [{ op: "AssignAdd", kind: "update", target: "v", before: 0, after: 1 }] });
    b.push(run(2));
    b.push({ type: "end", ok: true, seed: 1 });
    const runs = items(batches()).filter((i) => i.type === "run") as (RunEvent & { memory?: unknown })[];
    expect(runs.map((r) => r.memory)).toEqual([{ v: 0 }, { v: 1 }, { v: 1 }]);
  });

  it("sends the last run once in the final batch, not a second time as the latest run", () => {
    const c = clock();
    const { post, batches } = collect();
    const b = new EventBatcher({ runId: 1, post, now: c.now });
    for (let i = 0; i < 40; i++) b.push(run(i));
    c.advance(16);
    b.tick(null);
    expect(batches().at(-1)!.latest_run?.index).toBe(39);
    b.push(run(40));
    b.push({ type: "end", ok: true, seed: 1 });
    const last = batches().at(-1)!;
    expect(last.final).toBe(true);
    expect(last.latest_run).toBeNull();
    expect(items([last]).filter((i) => i.type === "run").map((r) => (r as RunEvent).index)).toEqual([40]);
  });

  it("flushes from the scheduled timer when the program idles", () => {
    const c = clock();
    const { messages, post } = collect();
    let pending: (() => void) | null = null;
    const b = new EventBatcher({ runId: 1, post, now: c.now, schedule: (fn) => (pending = fn) });
    for (let i = 0; i < 20; i++) b.push({ type: "stdout", text: `${i}` });
    const posted = messages.length;
    c.advance(20);
    pending!();
    expect(messages.length).toBe(posted + 1);
  });
});

describe("createHandler", () => {
  it("runs a program with the runner and ends with its end event", async () => {
    const { messages, post, batches } = collect();
    const handle = createHandler({ post, run: runProgram, now: () => 0 });
    await handle({ type: "start", runId: 9, source: "const a = tf.constant(2);\nconst s = tf.Session();\nprint(s.run(a + 3));", seed: 5 });
    const all = batches();
    expect(all[all.length - 1].final).toBe(true);
    const end = items(all).find((i): i is Extract<ProgramEvent, { type: "end" }> => i.type === "end")!;
    expect(end.ok).toBe(true);
    expect(end.seed).toBe(5);
    expect(messages.every((m) => m.type !== "booted" && m.runId === 9)).toBe(true);
    expect(texts(all)).toEqual(["5"]);
    expect(items(all).flatMap((i) => (i.type === "node" ? [i.name] : []))).toEqual(["Const", "add/y", "add"]);
  });

  it("reports a runner failure as the end of the run", async () => {
    const { post, batches } = collect();
    const handle = createHandler({ post, run: () => { throw new Error("boom"); }, now: () => 0 });
    await handle({ type: "start", runId: 1, source: "", seed: 1 });
    const end = items(batches()).find((i) => i.type === "end") as { error?: { message: string } };
    expect(end.error?.message).toMatch(/boom/);
  });
});

describe("lockDown", () => {
  it("makes fetch, XMLHttpRequest and indexedDB throw a clear error, also via prototypes", () => {
    const sent: unknown[] = [];
    const proto = { fetch: () => "network", postMessage(this: unknown, m: unknown) { sent.push(m); } };
    const scope = Object.create(proto, {
      XMLHttpRequest: { value: class {}, configurable: true, writable: true },
      indexedDB: { get: () => ({}), configurable: true },
      navigator: { value: { sendBeacon: () => true }, configurable: true },
    }) as typeof globalThis & Record<string, unknown>;
    const post = lockDown(scope);
    expect(() => (scope.fetch as unknown as () => void)()).toThrow(NoNetworkError);
    expect(() => proto.fetch()).toThrow(/not available in the playground/);
    expect(() => new (scope.XMLHttpRequest as new () => unknown)()).toThrow(NoNetworkError);
    expect(() => scope.indexedDB).toThrow(NoNetworkError);
    expect(() => (scope.navigator as unknown as { sendBeacon(): void }).sendBeacon()).toThrow(NoNetworkError);
    expect(() => (scope.postMessage as (m: unknown) => void)("forged")).toThrow(NoNetworkError);
    post("real");
    expect(sent).toEqual(["real"]);
  });
});
