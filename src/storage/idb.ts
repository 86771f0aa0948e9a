/**
 * The few IndexedDB helpers the page's stores share (History's snapshots, the program's files):
 * promises for a request and for a transaction's commit, and a database opened lazily once.
 * Every call can fail (private windows, a full disk, a browser without IndexedDB): the promise
 * rejects with the browser's error and the caller says so.
 */

/** Resolves with a request's result. */
export function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error("IndexedDB request failed"));
  });
}

/** Resolves when the transaction commits (a quota error shows up here, not on the request). */
export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException("The transaction was aborted", "AbortError"));
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
  });
}

/**
 * A database of one object store, opened on first use and then kept: the function returns a
 * transaction on that store. A failure to open fails each call.
 *
 * @example
 *   const tx = lazyStore("tf-playground", "snapshots", { keyPath: "id", autoIncrement: true });
 *   const all = await request((await tx("readonly")).objectStore("snapshots").getAll());
 */
export function lazyStore(
  dbName: string,
  store: string,
  keys: IDBObjectStoreParameters,
): (mode: IDBTransactionMode) => Promise<IDBTransaction> {
  let db: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === "undefined") throw new Error("this browser has no IndexedDB");
      const r = indexedDB.open(dbName, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(store, keys);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error("IndexedDB could not be opened"));
      r.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
    }));
  return async (mode) => (await open()).transaction(store, mode);
}
