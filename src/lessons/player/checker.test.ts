import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CheckRequest } from "./check_protocol";
import { LessonChecker, type CheckWorkerLike } from "./checker";

/** A fake worker that records requests and answers when told to. */
class FakeWorker implements CheckWorkerLike {
  requests: CheckRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(m: CheckRequest) {
    this.requests.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  send(data: unknown) {
    this.onmessage?.({ data } as MessageEvent);
  }
  answer(id: number) {
    this.send({ type: "checked", id, outcomes: [{ task: "t", passed: true, failures: [] }], end: { type: "end", ok: true, seed: 1 } });
  }
}

function checker(startsLate = false) {
  const workers: FakeWorker[] = [];
  const c = new LessonChecker(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    { startsLate },
  );
  return { c, workers };
}

describe("LessonChecker", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends the program with its seed and resolves with the worker's reply", async () => {
    const { c, workers } = checker();
    const p = c.check("print(1)", 7, [{ task: "t", checks: [] }]);
    expect(workers[0].requests[0]).toMatchObject({ type: "check", source: "print(1)", seed: 7 });
    workers[0].answer(workers[0].requests[0].id);
    expect((await p)?.outcomes).toEqual([{ task: "t", passed: true, failures: [] }]);
  });

  it("runs every check in a fresh worker and terminates the one that answered", async () => {
    const { c, workers } = checker();
    const p = c.check("a", 1, []);
    workers[0].answer(1);
    await p;
    expect(workers[0].terminated).toBe(true);
    void c.check("b", 1, []);
    expect(workers).toHaveLength(2);
    expect(workers[1].requests).toHaveLength(1);
    expect(workers[0].requests).toHaveLength(1);
  });

  it("replaces a busy worker when a new check starts, and the old check resolves with null", async () => {
    const { c, workers } = checker();
    const first = c.check("while (true) {}", 1, []);
    const second = c.check("print(2)", 1, []);
    expect(await first).toBeNull();
    expect(workers[0].terminated).toBe(true);
    workers[1].answer(workers[1].requests[0].id);
    expect(await second).not.toBeNull();
  });

  it("ignores a reply to another check and a malformed reply", async () => {
    const { c, workers } = checker();
    const p = c.check("x", 1, []);
    workers[0].answer(99);
    workers[0].send({ type: "checked", id: 1, outcomes: [{ task: "t", passed: "yes", failures: [] }], end: { type: "end", ok: true, seed: 1 } });
    workers[0].send({ type: "checked", id: 1, outcomes: [], end: { type: "end", ok: true, seed: 1 }, extra: 1 });
    c.cancel();
    expect(await p).toBeNull();
  });

  it("stops a check that runs past the time limit and fails its tasks saying so", async () => {
    const { c, workers } = checker();
    const p = c.check("while (true) {}", 1, [{ task: "t", checks: [] }], 5);
    vi.advanceTimersByTime(5000);
    const reply = await p;
    expect(workers[0].terminated).toBe(true);
    expect(reply?.outcomes).toEqual([{ task: "t", passed: false, failures: ["The check stopped the program after the time limit of 5 s"] }]);
  });

  it("runs the time limit of a worker that boots first (Python) from its `started` message", async () => {
    const { c, workers } = checker(true);
    const p = c.check("while True: pass", 1, [{ task: "t", checks: [] }], 5);
    // Booting Python takes seconds: that is not the program's time.
    vi.advanceTimersByTime(60_000);
    expect(workers[0].terminated).toBe(false);
    workers[0].send({ type: "started", id: 99 });
    vi.advanceTimersByTime(60_000);
    expect(workers[0].terminated).toBe(false);
    workers[0].send({ type: "started", id: 1 });
    vi.advanceTimersByTime(4999);
    expect(workers[0].terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect((await p)?.outcomes[0].failures).toEqual(["The check stopped the program after the time limit of 5 s"]);
  });
});
