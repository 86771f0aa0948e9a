/**
 * The program's files as the page holds them: a copy in memory of what IndexedDB keeps
 * (db.ts), the list the Files panel shows, and the three ways files change — a program writes
 * or deletes one (the worker's `file` messages, already checked against the protocol), the
 * learner deletes one, the learner uploads one.
 *
 * Every run's worker gets the files as they are when it starts (`filesForRun`): the engine
 * reads them synchronously, as TF reads a checkpoint, and the page stores what the program
 * writes after the fact. The page, never the worker, touches IndexedDB.
 */
import { create } from "zustand";
import { readNpz } from "../../engine/format/npy";
import { storageProblemText } from "../history/history";
import { reportSaveProblem } from "../history/programHistory";
import { MAX_FILE_BYTES } from "../worker/protocol";
import { indexedDbFiles, type FileDb, type FileRecord } from "./db";

/** At most this many files are kept; a program writing more gets them refused (said once). */
export const MAX_FILES = 500;
/** Where uploaded checkpoints go (with a `checkpoint` file naming the newest). */
export const UPLOAD_DIR = "/uploads";

/** A file as the Files panel lists it. */
export interface FileEntry {
  path: string;
  size: number;
  mtime: number;
}

interface FilesState {
  /** Sorted by path. */
  files: FileEntry[];
  /** Whether the stored files have been read. */
  loaded: boolean;
}

/** The Files panel's view of the files. */
export const useFiles = create<FilesState>(() => ({ files: [], loaded: false }));

const data = new Map<string, FileRecord>();
let db: FileDb = indexedDbFiles();
let loading: Promise<void> | null = null;
/** Storage operations run one after another, in the order they were asked for. */
let queue: Promise<void> = Promise.resolve();

function publish(): void {
  const files = [...data.values()].map((r) => ({ path: r.path, size: r.data.length, mtime: r.mtime })).sort((a, b) => (a.path < b.path ? -1 : 1));
  useFiles.setState({ files });
}

/**
 * Writes waiting for storage, by path (null: a delete). A program saving in a loop replaces its
 * pending write instead of queueing one per step: only the newest bytes of a path are stored.
 */
const pending = new Map<string, FileRecord | null>();
let draining = false;

function persist(path: string, record: FileRecord | null): void {
  pending.set(path, record);
  if (draining) return;
  draining = true;
  queue = queue.then(drain);
}

async function drain(): Promise<void> {
  while (pending.size > 0) {
    const [path, record] = pending.entries().next().value as [string, FileRecord | null];
    pending.delete(path);
    try {
      await (record === null ? db.remove(path) : db.put(record));
      reportSaveProblem("the program's files", null);
    } catch (error) {
      reportSaveProblem("the program's files", storageProblemText(error));
    }
  }
  draining = false;
}

/** Reads the stored files once (start-up); later calls return the same promise. */
export function loadFiles(): Promise<void> {
  loading ??= db.load().then(
    (records) => {
      for (const r of records) if (!data.has(r.path)) data.set(r.path, r);
      useFiles.setState({ loaded: true });
      publish();
    },
    (error: unknown) => {
      // The files of this visit still work in memory; they are just not kept.
      useFiles.setState({ loaded: true });
      reportSaveProblem("the program's files", storageProblemText(error));
    },
  );
  return loading;
}

/** The files a run starts with (a copy of the list; the byte arrays are cloned by postMessage). */
export function filesForRun(): { path: string; data: Uint8Array }[] {
  return [...data.values()].map((r) => ({ path: r.path, data: r.data }));
}

/**
 * A program wrote (`bytes`) or deleted (null) a file. Returns false when the write is refused
 * (too many files).
 */
export function programWroteFile(path: string, bytes: Uint8Array | null): boolean {
  if (bytes === null) {
    removeFile(path);
    return true;
  }
  if (!data.has(path) && data.size >= MAX_FILES) {
    reportSaveProblem("the program's files", `the playground keeps at most ${MAX_FILES} files: delete some in the Files tab`);
    return false;
  }
  const record: FileRecord = { path, data: bytes, mtime: Date.now() };
  data.set(path, record);
  publish();
  persist(path, record);
  return true;
}

/** Deletes a file (the Files panel's Delete, or a program's). */
export function removeFile(path: string): void {
  if (!data.delete(path)) return;
  publish();
  persist(path, null);
}

/** The bytes of a stored file, for a download. */
export function fileBytes(path: string): Uint8Array | null {
  return data.get(path)?.data ?? null;
}

/**
 * Stores an uploaded checkpoint under /uploads/ and points /uploads/checkpoint at it, so that
 * `saver.restore(sess, tf.train.latest_checkpoint("/uploads"))` restores it. Returns the
 * checkpoint's prefix, or throws an Error saying why the file is not a checkpoint.
 */
export function uploadCheckpoint(fileName: string, bytes: Uint8Array): string {
  // A name the checkpoint file can carry as is: a browser's file name may hold anything.
  const base = (fileName.split(/[\\/]/).pop() ?? "").replace(/[^A-Za-z0-9._-]/g, "_");
  if (!base.endsWith(".npz")) throw new Error(`${fileName} is not a checkpoint: the playground's checkpoints are numpy .npz files (np.savez)`);
  if (bytes.length > MAX_FILE_BYTES) throw new Error(`${fileName} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  try {
    readNpz(bytes);
  } catch (error) {
    throw new Error(`${fileName} is not a checkpoint: ${error instanceof Error ? error.message : String(error)}`);
  }
  const prefix = `${UPLOAD_DIR}/${base.slice(0, -".npz".length)}`;
  if (!programWroteFile(`${prefix}.npz`, bytes)) throw new Error(`the playground keeps at most ${MAX_FILES} files: delete some first`);
  const state = `model_checkpoint_path: ${JSON.stringify(prefix)}\nall_model_checkpoint_paths: ${JSON.stringify(prefix)}\n`;
  programWroteFile(`${UPLOAD_DIR}/checkpoint`, new TextEncoder().encode(state));
  return prefix;
}

/** Tests: start over with `store` as the storage. */
export function resetFilesForTest(store: FileDb): void {
  data.clear();
  db = store;
  loading = null;
  queue = Promise.resolve();
  pending.clear();
  draining = false;
  useFiles.setState({ files: [], loaded: false });
}

/** Tests: resolves when every storage operation asked for so far has finished. */
export function filesSettled(): Promise<void> {
  return queue;
}
