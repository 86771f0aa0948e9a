/**
 * A value made by a sliced computation (model/slices.ts): at once, in render, like useMemo, when
 * `small`; otherwise across short tasks after the commit (a 10,000-op graph's view or a run's
 * highlight would be one long task), the last finished value staying meanwhile.
 */
import { useEffect, useMemo, useState, type DependencyList } from "react";
import { runInSlices, runNow, type Sliced } from "../model/slices";

/** Slices of work between two yields to the page (input, frames). */
export const SLICE_MS = 8;
/** Graphs of at least this many ops are derived in slices (below, at once: it takes a few ms). */
export const SLICED_FROM = 1500;

export interface SlicedValue<T> {
  /** The value for `deps`, or the last finished one while that is pending (null before any). */
  value: T | null;
  /** Whether `value` is not (yet) the one for `deps`. */
  pending: boolean;
  /** Time spent computing the value shown. */
  ms: number;
}

export function useSliced<T>(make: () => Sliced<T>, deps: DependencyList, small: boolean): SlicedValue<T> {
  const now = useMemo(() => {
    if (!small) return null;
    const t0 = performance.now();
    const value = runNow(make());
    return { value, ms: performance.now() - t0 };
    // `make` is new each render; `deps` say what it reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [small, ...deps]);
  const [done, setDone] = useState<{ deps: DependencyList; value: T; ms: number } | null>(null);
  useEffect(() => {
    if (small) return;
    const signal = { cancelled: false };
    const stats = { workMs: 0 };
    void runInSlices(make(), SLICE_MS, signal, stats).then((value) => {
      if (value !== null) setDone({ deps, value, ms: stats.workMs });
    });
    return () => {
      signal.cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [small, ...deps]);
  if (now !== null) return { value: now.value, pending: false, ms: now.ms };
  return { value: done?.value ?? null, pending: done === null || !sameDeps(done.deps, deps), ms: done?.ms ?? 0 };
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
