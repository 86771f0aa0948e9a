import { describe, expect, it } from "vitest";
import type { ProgramEvent, RunEvent } from "../runner/events";
import { runProgram } from "../runner/run_program";
import { EventBatcher } from "./batcher";
import { createHandler } from "./handler";
import { lockDown, NoNetworkError } from "./lockdown";
import { isFromWorker, type BatchMessage, type EndMessage, type FromWorker } from "./protocol";

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
  return { messages, post: (m: FromWorker) => messages.push(m) };
}

const batches = (ms: FromWorker[]) => ms.filter((m): m is BatchMessage => m.type === "batch");
const endOf = (ms: FromWorker[]) => ms.find((m): m is EndMessage => m.type === "end")!;

describe("EventBatcher", () => {
  it("posts the first event at once, then nothing until a frame's time has passed", () => {
    const c = clock();
    const { messages, post } = collect();
    const b = new EventBatcher({ runId: 3, post, now: c.now });
    b.push({ type: "stdout", text: "first" });
    expect(messages).toHaveLength(1);
    b.push({ type: "stdout", text: "a" });
    b.push({ type: "stdout", text: "b" });
    expect(messages).toHaveLength(1);
    c.advance(16);
    b.push({ type: "stdout", text: "c" });
    expect(messages).toHaveLength(2);
    expect((messages[1] as BatchMessage).lines.map((l) => l.text)).toEqual(["a", "b", "c"]);
    expect(messages[1].runId).toBe(3);
  });

  it("turns 100,000 runs and lines into a few hundred messages and a summary", () => {
    const c = clock();
    const { messages, post } = collect();
    const b = new EventBatcher({ runId: 1, post, now: c.now, maxPoints: 1000 });
    for (let i = 0; i < 100_000; i++) {
      b.push(run(i, i < 10 ? 0 : 1, 1 / (i + 1)));
      b.push({ type: "stdout", text: `step ${i}` });
      if (i % 500 === 0) c.advance(16);
    }
    b.push({ type: "end", ok: true, seed: 1 });
    expect(messages.length).toBeLessThan(250);
    const sentRuns = batches(messages).reduce((n, m) => n + m.runs.length, 0);
    expect(sentRuns).toBe(1000);
    const end = endOf(messages);
    expect(end.tail).toHaveLength(1000);
    expect(end.tailStart).toBe(99_000);
    expect(end.tail[999].index).toBe(99_999);
    const middle = end.middle.reduce((n, a) => n + a.count, 0);
    expect(middle).toBe(98_000);
    expect(end.middle).toHaveLength(1);
    expect(end.lineCount).toBe(100_000);
    expect(end.series).toHaveLength(1);
    expect(end.series[0].xs.length).toBeLessThanOrEqual(1000);
    expect(end.series[0].xs[0]).toBe(0);
  });

  it("sends every line that can be among the first 1,000 or last 5,000", () => {
    const c = clock();
    const { messages, post } = collect();
    const b = new EventBatcher({ runId: 1, post, now: c.now });
    for (let i = 0; i < 20_000; i++) b.push({ type: "stdout", text: String(i) });
    b.push({ type: "end", ok: true, seed: 1 });
    const ns = batches(messages).flatMap((m) => m.lines.map((l) => l.n));
    expect(ns.slice(0, 1000)).toEqual([...Array(1000).keys()]);
    expect(ns.slice(-5000)).toEqual([...Array(5000).keys()].map((k) => 15_000 + k));
  });

  it("attaches each session's memory, folded from side effects, to kept runs", () => {
    const c = clock();
    const { messages, post } = collect();
    const b = new EventBatcher({ runId: 1, post, now: c.now });
    b.push({ ...run(0), side_effects: [{ op: "v/Assign", kind: "init", target: "v", before: null, after: 0 }] });
    b.push({ ...run(1), side_effects: [{ op: "AssignAdd", kind: "update", target: "v", before: 0, after: 1 }] });
    b.push(run(2));
    b.push({ type: "end", ok: true, seed: 1 });
    const runs = batches(messages).flatMap((m) => m.runs);
    expect(runs.map((r) => r.memory)).toEqual([{ v: 0 }, { v: 1 }, { v: 1 }]);
  });

  it("flushes from the scheduled timer when the program idles", () => {
    const c = clock();
    const { messages, post } = collect();
    let pending: (() => void) | null = null;
    const b = new EventBatcher({ runId: 1, post, now: c.now, schedule: (fn) => (pending = fn) });
    b.push({ type: "stdout", text: "first" });
    b.push({ type: "stdout", text: "waiting" });
    expect(messages).toHaveLength(1);
    c.advance(20);
    pending!();
    expect(messages).toHaveLength(2);
  });
});

describe("createHandler", () => {
  it("runs a program with the runner and ends with its end event", async () => {
    const { messages, post } = collect();
    const handle = createHandler({ post, run: (s, o) => runProgram(s, { ...o, seed: o.seed ?? 0 }), now: () => 0 });
    await handle({ type: "start", runId: 9, source: 'const a = tf.constant(2);\nconst s = tf.Session();\nprint(s.run(a + 3));', seed: 5 });
    const end = endOf(messages);
    expect(end.end.ok).toBe(true);
    expect(end.end.seed).toBe(5);
    expect(end.runId).toBe(9);
    const lines = batches(messages).flatMap((m) => m.lines.map((l) => l.text));
    expect(lines).toEqual(["5"]);
    expect(batches(messages).flatMap((m) => m.nodes.map((n) => n.name))).toEqual(["Const", "add/y", "add"]);
  });

  it("reports a runner failure as the end of the run", async () => {
    const { messages, post } = collect();
    const handle = createHandler({ post, run: () => { throw new Error("boom"); }, now: () => 0 });
    await handle({ type: "start", runId: 1, source: "", seed: 1 });
    expect(endOf(messages).end.error?.message).toMatch(/boom/);
  });
});

describe("isFromWorker", () => {
  it("accepts the union's messages and rejects anything else", () => {
    expect(isFromWorker({ type: "batch", runId: 1 })).toBe(true);
    expect(isFromWorker({ type: "end", runId: 1 })).toBe(true);
    expect(isFromWorker({ type: "batch" })).toBe(false);
    expect(isFromWorker({ type: "hack", runId: 1 })).toBe(false);
    expect(isFromWorker(null)).toBe(false);
  });
});

describe("lockDown", () => {
  it("makes fetch, XMLHttpRequest and indexedDB throw a clear error, also via prototypes", () => {
    const proto = { fetch: () => "network", postMessage(this: unknown, m: unknown) { sent.push(m); } };
    const sent: unknown[] = [];
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
