/**
 * Where the history of the learner's programs is kept: IndexedDB (more room than localStorage,
 * and off the main thread's critical path). Every call can fail (private windows, a full disk,
 * a browser without IndexedDB): callers get the error and say so.
 */
import type { Snapshot } from "./snapshot";
import { done, lazyStore, request } from "../storage/idb";

/** What the history needs from its storage (IndexedDB in the page, a Map in tests). */
export interface SnapshotStore {
  /** Every stored snapshot, in any order. */
  load(): Promise<Snapshot[]>;
  /** Stores a snapshot; resolves with its id. */
  add(snapshot: Omit<Snapshot, "id">): Promise<number>;
  remove(ids: readonly number[]): Promise<void>;
}

const DB_NAME = "tf-playground";
const STORE = "snapshots";

/** The page's snapshot store in IndexedDB. Opening is lazy; a failure to open fails each call. */
export function indexedDbStore(): SnapshotStore {
  const tx = lazyStore(DB_NAME, STORE, { keyPath: "id", autoIncrement: true });
  return {
    async load() {
      return (await request((await tx("readonly")).objectStore(STORE).getAll())) as Snapshot[];
    },
    async add(snapshot) {
      const t = await tx("readwrite");
      const id = request(t.objectStore(STORE).add(snapshot));
      await done(t);
      return (await id) as number;
    },
    async remove(ids) {
      if (ids.length === 0) return;
      const t = await tx("readwrite");
      const store = t.objectStore(STORE);
      for (const id of ids) store.delete(id);
      await done(t);
    },
  };
}
