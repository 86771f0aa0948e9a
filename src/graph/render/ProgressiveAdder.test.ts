import { afterEach, describe, expect, it, vi } from "vitest";
import type { Core, ElementDefinition } from "cytoscape";
import { ProgressiveAdder } from "./ProgressiveAdder";

/** A Cytoscape that records the chunks it is given, frames run by hand, and a clock each frame moves. */
function setup(frameMs: (frame: number) => number) {
  const chunks: number[] = [];
  const cy = { add: (defs: ElementDefinition[]) => chunks.push(defs.length), destroyed: () => false } as unknown as Core;
  let t = 0;
  let pending: (() => void) | null = null;
  vi.stubGlobal("requestAnimationFrame", (fn: () => void) => ((pending = fn), 1));
  vi.stubGlobal("cancelAnimationFrame", () => (pending = null));
  const adder = new ProgressiveAdder(cy, () => t);
  const frames = () => {
    for (let i = 0; pending !== null; i++) {
      const fn: () => void = pending;
      pending = null;
      t += frameMs(i);
      fn();
    }
  };
  return { adder, chunks, frames };
}

const defs = (n: number) => Array.from({ length: n }, (_, i): ElementDefinition => ({ group: "nodes", data: { id: `n${i}` } }));

afterEach(() => vi.unstubAllGlobals());

describe("ProgressiveAdder", () => {
  it("adds a big drawing over a few frames, in chunks that shrink while frames are slow and grow while they are quick", async () => {
    const { adder, chunks, frames } = setup((i) => (i < 3 ? 80 : 10));
    const done = adder.add(defs(600));
    expect(adder.busy).toBe(true);
    frames();
    await done;
    expect(adder.busy).toBe(false);
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(600);
    expect(chunks[0]).toBe(80);
    // Three slow frames halve the chunk each time, down to the minimum...
    expect(chunks.slice(1, 4)).toEqual([40, 20, 10]);
    // ...and quick ones let it grow back, never past the maximum.
    expect(chunks[5]).toBeGreaterThan(chunks[4]);
    expect(Math.max(...chunks)).toBeLessThanOrEqual(80);
  });

  it("keeps the chunk of a steady frame rate, and forgets what is queued when dropped", async () => {
    const { adder, chunks, frames } = setup(() => 25);
    const done = adder.add(defs(120));
    adder.drop();
    await done;
    frames();
    expect(chunks).toEqual([20]);
  });
});
