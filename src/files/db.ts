/**
 * Where the program's files (checkpoints) are kept between visits: IndexedDB, owned by the
 * page. The program's worker has no storage of its own (docs/security.md): the page hands it a
 * copy of these files when a run starts and stores what the program writes (files.ts).
 */
import { done, lazyStore, request } from "../storage/idb";

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

/** The page's file store in IndexedDB. Opening is lazy; a failure to open fails each call. */
export function indexedDbFiles(): FileDb {
  const tx = lazyStore(DB_NAME, STORE, { keyPath: "path" });
  return {
    async load() {
      return (await request((await tx("readonly")).objectStore(STORE).getAll())) as FileRecord[];
    },
    async put(record) {
      const t = await tx("readwrite");
      t.objectStore(STORE).put(record);
      await done(t);
    },
    async remove(path) {
      const t = await tx("readwrite");
      t.objectStore(STORE).delete(path);
      await done(t);
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
