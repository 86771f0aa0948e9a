/**
 * The shape of the previous `sess.run` call. A training loop calls `sess.run([loss, train_op],
 * {feed_dict: {[x]: ..., [y]: ...}})` with the same fetch list and the same feed_dict keys
 * 100,000 times; recognizing that takes a few identity and string comparisons, where
 * flattening the fetches, resolving every key and looking the plan up takes Map lookups and
 * array rebuilding on every call. Anything unusual (a Map or pairs as feed_dict, nested
 * fetches, a Variable object as a fetch) simply misses and takes the general path.
 */
import type { Tensor } from "../graph.js";
import type { PlanRun } from "./run_state.js";
import { namedTupleTypeOf } from "../pytuple.js";

/** How the remembered call passed its fetches: not remembered, one element, a flat array. */
const FetchForm = { None: 0, Single: 1, List: 2 } as const;
type FetchForm = (typeof FetchForm)[keyof typeof FetchForm];

export class CallMemo {
  /** The plan (in this session) of the remembered call, or null when nothing is remembered. */
  run: PlanRun | null = null;
  private form: FetchForm = FetchForm.None;
  /** Whether the feed_dict was absent (null/undefined); otherwise a plain object with `keys`. */
  private noFeeds = false;
  private keys: string[] = [];
  /** For each key, the index of its tensor in the plan's (sorted) feeds. */
  private perm = new Int32Array(0);

  /** Forgets the remembered call (before a general-path call, which may fail halfway). */
  clear(): void {
    this.run = null;
    this.form = FetchForm.None;
  }

  /**
   * Remembers a call that the general path resolved to `plan`. `resolveKey` maps a feed_dict
   * key to its tensor exactly as the general path did.
   */
  remember(run: PlanRun, fetches: unknown, feedDict: unknown, resolveKey: (key: string) => Tensor): void {
    const plan = run.plan;
    const leaves = plan.fetchLeaves;
    if (leaves.length === 1 && fetches === leaves[0]) this.form = FetchForm.Single;
    else if (Array.isArray(fetches) && fetches.length === leaves.length && fetches.every((f, i) => f === leaves[i]) && namedTupleTypeOf(fetches) === null) this.form = FetchForm.List;
    else return this.clear();
    if (feedDict === null || feedDict === undefined) {
      this.noFeeds = true;
      this.keys = [];
    } else if (Object.getPrototypeOf(feedDict) === Object.prototype) {
      this.noFeeds = false;
      this.keys = Object.keys(feedDict as object);
      // A SparseTensor key feeds three tensors: such calls take the general path.
      if (this.keys.some((k) => k.startsWith("SparseTensor("))) return this.clear();
      this.perm = new Int32Array(this.keys.map((k) => plan.feedTensors.indexOf(resolveKey(k))));
      if (this.perm.includes(-1)) return this.clear();
    } else {
      return this.clear();
    }
    this.run = run;
  }

  /** True when `fetches` has the remembered form and elements (by identity). */
  sameFetches(fetches: unknown): boolean {
    const leaves = this.run!.plan.fetchLeaves;
    if (this.form === FetchForm.Single) return fetches === leaves[0];
    if (this.form !== FetchForm.List || !Array.isArray(fetches) || fetches.length !== leaves.length) return false;
    for (let i = 0; i < fetches.length; i++) if (fetches[i] !== leaves[i]) return false;
    return true;
  }

  /**
   * When `feedDict` has the remembered keys in the remembered order, writes its values into
   * `values` (in the plan's feed order) and returns true. On false, `values` holds garbage.
   */
  collectFeeds(feedDict: unknown, values: unknown[]): boolean {
    if (feedDict === null || feedDict === undefined) return this.noFeeds;
    if (this.noFeeds || typeof feedDict !== "object" || Object.getPrototypeOf(feedDict) !== Object.prototype) return false;
    const keys = this.keys;
    const perm = this.perm;
    const fd = feedDict as Record<string, unknown>;
    let i = 0;
    for (const k in fd) {
      if (i >= keys.length || k !== keys[i]) return false;
      values[perm[i]] = fd[k];
      i++;
    }
    return i === keys.length;
  }

  /** The `sess.run` result for `results` in the remembered fetch form. */
  result(results: unknown[]): unknown {
    return this.form === FetchForm.Single ? results[0] : results;
  }
}

