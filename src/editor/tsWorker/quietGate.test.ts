import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isQuietMessage, QuietGate, quietChannelName } from "./quietGate";

describe("QuietGate", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const gate = () => new QuietGate(2000, () => Date.now());

  /** Whether `p` has settled after the pending microtasks ran. */
  async function settled(p: Promise<void>): Promise<boolean> {
    let done = false;
    void p.then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    return done;
  }

  it("lets a check through at once while no program runs", async () => {
    const g = gate();
    expect(g.closed).toBe(false);
    expect(await settled(g.wait())).toBe(true);
  });

  it("holds a check while a program runs and releases it when the program ends", async () => {
    const g = gate();
    g.set(true);
    const check = g.wait();
    expect(await settled(check)).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    expect(await settled(check)).toBe(false);
    g.set(false);
    expect(await settled(check)).toBe(true);
    expect(g.closed).toBe(false);
  });

  it("releases every waiting check once the longest wait from the run's start is up", async () => {
    const g = gate();
    g.set(true);
    const first = g.wait();
    await vi.advanceTimersByTimeAsync(1500);
    const second = g.wait();
    await vi.advanceTimersByTimeAsync(499);
    expect(await settled(first)).toBe(false);
    expect(await settled(second)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(first)).toBe(true);
    expect(await settled(second)).toBe(true);
    // The program still runs, but checks no longer wait for it.
    expect(g.closed).toBe(false);
    expect(await settled(g.wait())).toBe(true);
  });

  it("restarts the wait when a new run starts", async () => {
    const g = gate();
    g.set(true);
    await vi.advanceTimersByTimeAsync(1900);
    g.set(true);
    const check = g.wait();
    await vi.advanceTimersByTimeAsync(1000);
    expect(await settled(check)).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await settled(check)).toBe(true);
  });
});

describe("the quiet channel", () => {
  it("is named after the page, so another tab's runs do not hold this tab's checks", () => {
    expect(quietChannelName("a")).not.toBe(quietChannelName("b"));
  });

  it("accepts only well-formed messages", () => {
    expect(isQuietMessage({ busy: true })).toBe(true);
    expect(isQuietMessage({ busy: "yes" })).toBe(false);
    expect(isQuietMessage(null)).toBe(false);
    expect(isQuietMessage("busy")).toBe(false);
  });
});
