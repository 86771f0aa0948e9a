/**
 * The program's files inside the worker: the page's files as they were when the run started,
 * in memory, and every write or delete posted to the page, which stores it (the worker has no
 * storage: lockDown() takes indexedDB & co away before the program runs; docs/security.md).
 */
import { MemoryFiles, normPath, type EngineFiles } from "../../engine";

/** A file store for one run: starts with `initial`, reports each change to `changed`. */
export function workerFiles(initial: readonly { path: string; data: Uint8Array }[], changed: (path: string, data: Uint8Array | null) => void): EngineFiles {
  const files = new MemoryFiles(initial.map((f) => [f.path, f.data] as const));
  return {
    read: (path) => files.read(path),
    list: () => files.list(),
    write(path, data) {
      files.write(path, data);
      changed(normPath(path), data);
    },
    remove(path) {
      const had = files.read(path) !== null;
      files.remove(path);
      if (had) changed(normPath(path), null);
    },
  };
}
