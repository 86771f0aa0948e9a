/**
 * Reads a V8 CPU profile (DevTools' `.cpuprofile`) for bench/ui/profile.ts: what the main
 * thread did in a window of time (a long task the Long Tasks API reported), as the functions
 * whose own code took the time (self) and the functions that were on the stack (inclusive).
 * Pure.
 */

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Breakdown {
  /** Non-idle time sampled in the window, ms. */
  busyMs: number;
  self: { name: string; ms: number }[];
  inclusive: { name: string; ms: number }[];
}

/** A profile's samples: node id and time (µs, the profile's clock), with parent links. */
function indexProfile(p: CpuProfile) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number): string => {
    const f = byId.get(id)!.callFrame;
    const file = f.url.slice(f.url.lastIndexOf("/") + 1);
    return file ? `${f.functionName || "(anonymous)"} ${file}:${f.lineNumber + 1}` : f.functionName;
  };
  const times: number[] = new Array(p.samples.length);
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) times[i] = t += p.timeDeltas[i];
  return { parent, label, times };
}

/** The profile time (µs) of the first sample inside a function named `name` (a marker the page ran), or null. */
export function firstSampleIn(p: CpuProfile, name: string): number | null {
  const { parent, times } = indexProfile(p);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  for (let i = 0; i < p.samples.length; i++) {
    for (let id: number | undefined = p.samples[i]; id !== undefined; id = parent.get(id)) if (byId.get(id)!.callFrame.functionName === name) return times[i];
  }
  return null;
}

/** What the samples between `fromUs` and `toUs` (profile clock) spent their time in. */
export function breakdown(p: CpuProfile, fromUs: number, toUs: number, topN = 8): Breakdown {
  const { parent, label, times } = indexProfile(p);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  for (let i = 0; i < p.samples.length; i++) {
    if (times[i] < fromUs || times[i] >= toUs) continue;
    // A sample stands for the time until the next one.
    const dt = i + 1 < times.length ? times[i + 1] - times[i] : 0;
    const leaf = label(p.samples[i]);
    if (leaf === "(idle)") continue;
    busy += dt;
    self.set(leaf, (self.get(leaf) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = p.samples[i]; id !== undefined; id = parent.get(id)) {
      const name = label(id);
      if (name === "(root)" || seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
    }
  }
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topN)
      .map(([name, us]) => ({ name, ms: us / 1000 }));
  return { busyMs: busy / 1000, self: top(self), inclusive: top(inclusive) };
}
