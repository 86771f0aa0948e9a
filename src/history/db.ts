/**
 * Where the history of the learner's programs is kept: IndexedDB (more room than localStorage,
 * and off the main thread's critical path). Every call can fail (private windows, a full disk,
 * a browser without IndexedDB): callers get the error and say so.
 */
import type { Snapshot } from "./snapshot";

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

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error("IndexedDB request failed"));
  });
}

/** Resolves when the transaction commits (a quota error shows up here, not on the request). */
function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException("The transaction was aborted", "AbortError"));
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
  });
}

/** The page's snapshot store in IndexedDB. Opening is lazy; a failure to open fails each call. */
export function indexedDbStore(): SnapshotStore {
  let db: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === "undefined") throw new Error("this browser has no IndexedDB");
      const r = indexedDB.open(DB_NAME, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: "id", autoIncrement: true });
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error("IndexedDB could not be opened"));
      r.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
    }));
  return {
    async load() {
      const tx = (await open()).transaction(STORE, "readonly");
      return (await request(tx.objectStore(STORE).getAll())) as Snapshot[];
    },
    async add(snapshot) {
      const tx = (await open()).transaction(STORE, "readwrite");
      const id = request(tx.objectStore(STORE).add(snapshot));
      await done(tx);
      return (await id) as number;
    },
    async remove(ids) {
      if (ids.length === 0) return;
      const tx = (await open()).transaction(STORE, "readwrite");
      const store = tx.objectStore(STORE);
      for (const id of ids) store.delete(id);
      await done(tx);
    },
  };
}
