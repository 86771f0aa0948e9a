import { describe, expect, it } from "vitest";
import { breakdown, firstSampleIn, type CpuProfile } from "./profileStretches";

const frame = (functionName: string, url = "") => ({ functionName, url, lineNumber: 9 });

/** root → (idle) | apply → buildView | (program) | __mark; a sample every 100 µs from t = 1000. */
function profile(samples: number[]): CpuProfile {
  return {
    nodes: [
      { id: 1, callFrame: frame("(root)"), children: [2, 5, 4, 6] },
      { id: 2, callFrame: frame("(idle)") },
      { id: 5, callFrame: frame("apply", "http://x/assets/index-1.js"), children: [3] },
      { id: 3, callFrame: frame("buildView", "http://x/assets/GraphPane-1.js") },
      { id: 4, callFrame: frame("(program)") },
      { id: 6, callFrame: frame("__mark") },
    ],
    startTime: 1000,
    endTime: 1000 + samples.length * 100,
    samples,
    timeDeltas: samples.map(() => 100),
  };
}

describe("breakdown", () => {
  it("names the functions that took a window's time, by their own code and on the stack, leaving idle time out", () => {
    const p = profile([3, 3, 5, 4, 2, 2, 3, 3, 3, 2]);
    const b = breakdown(p, 1100, 2000);
    expect(b.busyMs).toBeCloseTo(0.7);
    expect(b.self[0]).toEqual({ name: "buildView GraphPane-1.js:10", ms: 0.5 });
    expect(b.inclusive[0].name).toBe("apply index-1.js:10");
    expect(b.inclusive[0].ms).toBeCloseTo(0.6);
  });

  it("counts only the samples inside the window", () => {
    const p = profile([3, 3, 3, 3, 4, 4]);
    expect(breakdown(p, 1500, 1700).self).toEqual([{ name: "(program)", ms: 0.1 }]);
  });
});

describe("firstSampleIn", () => {
  it("finds when the page ran a marker function, to line the page's clock up with the profile's", () => {
    expect(firstSampleIn(profile([2, 2, 6, 6, 3]), "__mark")).toBe(1300);
    expect(firstSampleIn(profile([2, 3]), "__mark")).toBeNull();
  });
});
