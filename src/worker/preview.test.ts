import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ToWorker } from "./protocol";
import { buildOnly, CANCEL_CHECK_MS } from "./preview";
import type { WorkerLike } from "./sandbox/frame";

/** A worker that says nothing (a program busy building its graph) and records being stopped. */
function silentWorker() {
  const w = { terminated: false, started: [] as ToWorker[] };
  const worker: WorkerLike<ToWorker> = {
    postMessage: (m) => void w.started.push(m),
    terminate: () => void (w.terminated = true),
    onmessage: null,
    onerror: null,
  };
  return { w, worker };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the build-only pass behind the 'not run yet' picture", () => {
  it("stops its worker soon after it is cancelled, even while the worker says nothing", async () => {
    const { w, worker } = silentWorker();
    const signal = { cancelled: false };
    const result = buildOnly("for (const i of range(100000)) tf.constant(i);", signal, () => worker);
    expect(w.started).toEqual([expect.objectContaining({ type: "start", buildOnly: true })]);
    await vi.advanceTimersByTimeAsync(CANCEL_CHECK_MS * 4);
    expect(w.terminated).toBe(false);
    signal.cancelled = true;
    await vi.advanceTimersByTimeAsync(CANCEL_CHECK_MS + 1);
    expect(w.terminated).toBe(true);
    await expect(result).resolves.toBeNull();
  });
});
