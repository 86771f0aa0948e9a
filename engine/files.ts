/**
 * The files a program's checkpoints (and summaries) are written to. The engine never touches a
 * real file system: it reads and writes through `EngineFiles`, which the caller provides — the
 * page's copy of its IndexedDB store in the browser, a directory in the CLI, a map in tests.
 * Calls are synchronous because TF's are (`saver.save` returns when the file is written); the
 * page persists what the worker writes after the fact (src/files/).
 *
 * Paths are POSIX paths as the program spells them, normalized (`./a//b/../c` → `a/c`):
 * absolute ones stay absolute, relative ones relative. Directories are implied by the files
 * under them, as in an object store.
 */

/** A synchronous file store. */
export interface EngineFiles {
  /** The bytes of the file at `path` (normalized), or null if there is none. */
  read(path: string): Uint8Array | null;
  /** Creates or replaces the file at `path`. */
  write(path: string, data: Uint8Array): void;
  /** Deletes the file at `path` (nothing if there is none). */
  remove(path: string): void;
  /** The paths of every file, in no particular order. */
  list(): string[];
  /** Whether `path` is a directory (default: whether any listed file lies under it). */
  isDirectory?(path: string): boolean;
}

/**
 * A file store in memory: the engine's default (tests, benchmarks), and what the worker keeps
 * its copy of the page's files in.
 * @example
 * const files = new MemoryFiles();
 * files.write("/tmp/a", new Uint8Array([1]));
 */
export class MemoryFiles implements EngineFiles {
  private readonly map = new Map<string, Uint8Array>();

  constructor(initial: Iterable<readonly [string, Uint8Array]> = []) {
    for (const [p, d] of initial) this.map.set(normPath(p), d);
  }

  read(path: string): Uint8Array | null {
    return this.map.get(normPath(path)) ?? null;
  }

  write(path: string, data: Uint8Array): void {
    this.map.set(normPath(path), data);
  }

  remove(path: string): void {
    this.map.delete(normPath(path));
  }

  list(): string[] {
    return [...this.map.keys()];
  }
}

/**
 * Python's `os.path.normpath` for POSIX paths: `.` and empty parts dropped, `..` folded.
 * @example
 * normPath("./a//b/../c"); // "a/c"
 */
export function normPath(path: string): string {
  const abs = path.startsWith("/");
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else if (part === ".." && abs) continue;
    else out.push(part);
  }
  const joined = out.join("/");
  return abs ? `/${joined}` : joined || ".";
}

/**
 * Python's `os.path.dirname`: everything before the last `/` (`""` for a bare name).
 * @example
 * dirname("/tmp/model.ckpt"); // "/tmp"
 */
export function dirname(path: string): string {
  const i = path.lastIndexOf("/");
  if (i < 0) return "";
  const head = path.slice(0, i + 1);
  // Python strips trailing slashes unless the head is all slashes.
  return /^\/+$/.test(head) ? head : head.replace(/\/+$/, "");
}

/**
 * Python's `os.path.basename`.
 * @example
 * basename("/tmp/model.ckpt"); // "model.ckpt"
 */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/**
 * Python's `os.path.join` for two parts.
 * @example
 * joinPath("/tmp", "checkpoint"); // "/tmp/checkpoint"
 */
export function joinPath(a: string, b: string): string {
  if (b.startsWith("/") || a === "") return b;
  return a.endsWith("/") ? a + b : `${a}/${b}`;
}

/** Whether any file lies under `dir` (directories exist only through their files). */
export function isDirectory(files: EngineFiles, dir: string): boolean {
  if (files.isDirectory) return files.isDirectory(dir);
  const d = normPath(dir);
  if (d === "." || d === "/") return true;
  const prefix = `${d}/`;
  return files.list().some((p) => p.startsWith(prefix));
}
