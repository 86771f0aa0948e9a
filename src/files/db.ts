/**
 * Where the program's files (checkpoints) are kept between visits: IndexedDB, owned by the
 * page. The program's worker has no storage of its own (docs/security.md): the page hands it a
 * copy of these files when a run starts and stores what the program writes (files.ts).
 */

/** One stored file. */
export interface FileRecord {
  path: string;
  data: Uint8Array;
  /** When it was written (ms since the epoch). */
  mtime: number;
}

/** What the files need from storage (IndexedDB in the page, a Map in tests). */
export interface FileDb {
  load(): Promise<FileRecord[]>;
  put(record: FileRecord): Promise<void>;
  remove(path: string): Promise<void>;
}

const DB_NAME = "tf-playground-files";
const STORE = "files";

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

/** The page's file store in IndexedDB. Opening is lazy; a failure to open fails each call. */
export function indexedDbFiles(): FileDb {
  let db: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === "undefined") throw new Error("this browser has no IndexedDB");
      const r = indexedDB.open(DB_NAME, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: "path" });
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error("IndexedDB could not be opened"));
      r.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
    }));
  return {
    async load() {
      const tx = (await open()).transaction(STORE, "readonly");
      return (await request(tx.objectStore(STORE).getAll())) as FileRecord[];
    },
    async put(record) {
      const tx = (await open()).transaction(STORE, "readwrite");
      tx.objectStore(STORE).put(record);
      await done(tx);
    },
    async remove(path) {
      const tx = (await open()).transaction(STORE, "readwrite");
      tx.objectStore(STORE).delete(path);
      await done(tx);
    },
  };
}

/** A FileDb in memory (tests). */
export function memoryFileDb(initial: FileRecord[] = []): FileDb & { records: Map<string, FileRecord> } {
  const records = new Map(initial.map((r) => [r.path, r]));
  return {
    records,
    load: async () => [...records.values()],
    put: async (r) => void records.set(r.path, r),
    remove: async (p) => void records.delete(p),
  };
}
