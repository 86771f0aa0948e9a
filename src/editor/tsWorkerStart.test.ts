import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { QuietGate } from "./tsWorker/quietGate";

// The module's own instance needs Vite's worker import; the policy is tested on its own.
vi.mock("./tsWorker/tfTs.worker?worker", () => ({ default: class {} }));
const { workerStart } = await import("./tsWorkerStart");

describe("the TypeScript worker's start", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup() {
    const gate = new QuietGate(2000, () => Date.now());
    let made = 0;
    const start = workerStart(() => ({ id: ++made }) as unknown as Worker, gate, 1500);
    const created = (p: Promise<Worker>) => {
      let w: Worker | null = null;
      void p.then((x) => (w = x));
      return () => w;
    };
    return { gate, start, created, count: () => made };
  }

  it("waits while the page is left alone, then starts", async () => {
    const { start, created, count } = setup();
    const w = created(start.worker());
    await vi.advanceTimersByTimeAsync(1499);
    expect(w()).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(w()).not.toBeNull();
    expect(count()).toBe(1);
  });

  it("starts at once when the learner reaches for the editor, and at once from then on", async () => {
    const { start, created, count } = setup();
    const w = created(start.worker());
    start.startNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(w()).not.toBeNull();
    // Monaco asks again after stopping an idle worker: no wait this time.
    const again = created(start.worker());
    await vi.advanceTimersByTimeAsync(0);
    expect(again()).not.toBeNull();
    // The timer of the first request does not create a second worker later.
    await vi.advanceTimersByTimeAsync(5000);
    expect(count()).toBe(2);
  });

  it("does not start in the middle of a program the learner just started", async () => {
    const { gate, start, created } = setup();
    const w = created(start.worker());
    await vi.advanceTimersByTimeAsync(1000);
    gate.set(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(w()).toBeNull();
    gate.set(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(w()).not.toBeNull();
  });

  it("starts at the latest when a long program has run for the gate's longest wait", async () => {
    const { gate, start, created } = setup();
    gate.set(true);
    const w = created(start.worker());
    await vi.advanceTimersByTimeAsync(1999);
    expect(w()).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(w()).not.toBeNull();
  });
});
