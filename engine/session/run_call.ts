/**
 * The shapes of a `sess.run` call, checked on every training step: whether its arguments are
 * keyword arguments, whether its fetches need rebuilding, the results' array, the feeds' order.
 */
import type { Tensor } from "../graph.js";
import { isPlainObject } from "../format/pytypes.js";

/**
 * `n` nulls in a packed array of exactly `n` slots: literals for the usual fetch counts (an
 * array grown by push reserves 17 slots), pushes beyond (`new Array(n).fill` is holey and slow).
 */
export function nullResults(n: number): unknown[] {
  switch (n) {
    case 1:
      return [null];
    case 2:
      return [null, null];
    case 3:
      return [null, null, null];
    case 4:
      return [null, null, null, null];
  }
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) out.push(null);
  return out;
}

/** A list whose every element is itself a fetch leaf (so the results need no rebuilding). */
export function isFlatList(fetches: unknown[], leafCount: number): boolean {
  if (fetches.length !== leafCount) return false;
  for (let i = 0; i < fetches.length; i++) {
    const f = fetches[i];
    if (Array.isArray(f) || f instanceof Map || isPlainObject(f)) return false;
  }
  return true;
}

export function isRunKwargs(o: object): boolean {
  let any = false;
  // Comparisons, not a Set: this runs on every sess.run(fetches, {feed_dict: ...}).
  for (const k in o) {
    if (k !== "feed_dict" && k !== "fetches" && k !== "options" && k !== "run_metadata") return false;
    any = true;
  }
  return any;
}

export function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function sortFeedsById(tensors: Tensor[], values: unknown[]): void {
  for (let i = 1; i < tensors.length; i++) {
    const t = tensors[i];
    const v = values[i];
    let j = i - 1;
    while (j >= 0 && tensors[j].id > t.id) {
      tensors[j + 1] = tensors[j];
      values[j + 1] = values[j];
      j--;
    }
    tensors[j + 1] = t;
    values[j + 1] = v;
  }
}
