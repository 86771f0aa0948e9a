/**
 * Timing helpers: a warm-up round first (V8 must have optimized the hot loops before we time
 * them), then several timed rounds. Within a round the contenders run back to back, so a
 * busy machine slows them alike and the per-round ratios stay meaningful; we report medians
 * (robust to a GC pause or a noisy neighbour in one round).
 */

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Each contender's samples (steps per second), one per round. */
export type Rounds<K extends string> = Record<K, number[]>;

/**
 * Runs every contender once per round: one untimed warm-up round, then `reps` rounds.
 * @example
 * const r = await rounds({ app: () => appRate(n), tfjs: () => tfjsRate(n) }, 5);
 */
export async function rounds<K extends string>(contenders: Record<K, () => Promise<number> | number>, reps: number, log: (what: string) => void): Promise<Rounds<K>> {
  const keys = Object.keys(contenders) as K[];
  const out = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Rounds<K>;
  for (let round = 0; round <= reps; round++) {
    log(round === 0 ? "warm-up" : `round ${round}/${reps}`);
    for (const k of keys) {
      collectGarbage();
      const v = await contenders[k]();
      if (round > 0) out[k].push(v);
    }
  }
  return out;
}

/** Median over rounds of a / b (each round's own ratio). */
export function medianRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((x, i) => x / b[i]));
}

/** Forces a full collection when Node runs with --expose-gc (false otherwise). */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== "function") return false;
  gc();
  gc();
  return true;
}
