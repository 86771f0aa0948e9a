import { describe, expect, it } from "vitest";
import { playOutcome, type ChildExit } from "./outcome";

const LIMITS = { timeLimit: 30, memoryLimit: 1024 };
const exit = (e: Partial<ChildExit>): ChildExit => ({ code: null, signal: null, timedOut: false, noise: "", started: true, ...e });

describe("playOutcome", () => {
  it("passes on the program's own ending, which the child already reported", () => {
    expect(playOutcome(exit({ code: 0 }), LIMITS)).toEqual({ exitCode: 0, error: null, internal: null });
    expect(playOutcome(exit({ code: 1 }), LIMITS)).toEqual({ exitCode: 1, error: null, internal: null });
  });

  it("says a program stopped at the time limit failed with DeadlineExceededError, where it was", () => {
    expect(playOutcome(exit({ signal: "SIGKILL", timedOut: true }), LIMITS)).toMatchObject({ exitCode: 1, error: { type: "DeadlineExceededError", message: expect.stringContaining("time limit of 30 s") } });
    expect(playOutcome(exit({ signal: "SIGKILL", timedOut: true, line: 7 }), LIMITS).error).toMatchObject({ line: 7 });
  });

  it("says a process that V8 aborted for want of heap, or that the system killed, ran out of memory", () => {
    const v8 = "\n<--- Last few GCs --->\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n 1: 0xb78db3 node::OOMErrorHandler";
    expect(playOutcome(exit({ signal: "SIGABRT", noise: v8 }), LIMITS)).toMatchObject({ exitCode: 1, error: { type: "MemoryError", message: expect.stringContaining("1024 MB") } });
    expect(playOutcome(exit({ signal: "SIGKILL" }), LIMITS)).toMatchObject({ exitCode: 1, error: { type: "MemoryError" } });
  });

  it("calls any other ending play's own failure, in one line", () => {
    expect(playOutcome(exit({ code: 70, noise: "play child: boom\n    at x (y.ts:1:2)\n" }), LIMITS)).toEqual({ exitCode: 70, error: null, internal: "the program's process ended unexpectedly (exit code 70): play child: boom" });
    expect(playOutcome(exit({ code: 1, started: false, noise: "Error: Cannot find module" }), LIMITS)).toMatchObject({ exitCode: 70 });
  });
});
