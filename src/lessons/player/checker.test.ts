import { describe, expect, it } from "vitest";
import type { CheckRequest } from "./check_protocol";
import { LessonChecker, type CheckWorkerLike } from "./checker";

/** A fake worker that records requests and answers when told to. */
class FakeWorker implements CheckWorkerLike {
  requests: CheckRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  postMessage(m: CheckRequest) {
    this.requests.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  answer(id: number) {
    this.onmessage?.({ data: { type: "checked", id, outcomes: [{ task: "t", passed: true, failures: [] }], end: { type: "end", ok: true, seed: 1 } } } as MessageEvent);
  }
}

function checker() {
  const workers: FakeWorker[] = [];
  const c = new LessonChecker(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  return { c, workers };
}

describe("LessonChecker", () => {
  it("sends the program with its seed and resolves with the worker's reply", async () => {
    const { c, workers } = checker();
    const p = c.check("print(1)", 7, [{ task: "t", checks: [] }]);
    expect(workers[0].requests[0]).toMatchObject({ type: "check", source: "print(1)", seed: 7 });
    workers[0].answer(workers[0].requests[0].id);
    expect((await p)?.outcomes).toEqual([{ task: "t", passed: true, failures: [] }]);
  });

  it("reuses an idle worker for the next check", async () => {
    const { c, workers } = checker();
    const p = c.check("a", 1, []);
    workers[0].answer(1);
    await p;
    void c.check("b", 1, []);
    expect(workers).toHaveLength(1);
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

  it("ignores a reply to another check", async () => {
    const { c, workers } = checker();
    const p = c.check("x", 1, []);
    workers[0].answer(99);
    c.cancel();
    expect(await p).toBeNull();
  });
});
