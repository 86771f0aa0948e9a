/**
 * The CLI's file store: the program's checkpoints on disk, inside one directory (`play
 * --files DIR`, default `play-files`). Every path the program names is taken inside it —
 * `/tmp/model.ckpt` is `DIR/tmp/model.ckpt.npz`, `model.ckpt` is `DIR/model.ckpt.npz` — and a
 * path that would leave it (`../x`, or through a symbolic link) is refused. A program from a
 * stranger can therefore write checkpoints, but no file of the learner's outside DIR.
 *
 * Loaded by the program's process before its lockdown (node_lockdown.ts): the program itself
 * has no `fs`; only this store's methods touch the disk.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { normPath, PermissionDeniedError, type EngineFiles } from "../../../engine";

/** The default directory of `play --files`. */
export const DEFAULT_FILES_DIR = "play-files";

/** A file store rooted at a directory of the disk (see the module comment). */
export class DiskFiles implements EngineFiles {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Where the program's `path` lies on disk; throws if that is outside the root. */
  private where(path: string): string {
    const n = normPath(path).replace(/^\/+/, "");
    if (n === ".." || n.startsWith("../")) throw this.outside(path);
    return n === "." ? this.root : join(this.root, ...n.split("/"));
  }

  private outside(path: string): Error {
    return new PermissionDeniedError(`${path}: outside the playground's files directory ${this.root} (play --files DIR)`);
  }

  /** Refuses a location whose existing part leads out of the root through a symbolic link. */
  private checkInside(p: string, path: string): void {
    let existing = p;
    while (!existsSync(existing) && existing !== dirname(existing)) existing = dirname(existing);
    if (!existsSync(this.root)) return;
    const real = realpathSync(existing);
    const rootReal = realpathSync(this.root);
    if (real !== rootReal && !real.startsWith(rootReal + sep) && !rootReal.startsWith(real + sep)) throw this.outside(path);
  }

  read(path: string): Uint8Array | null {
    const p = this.where(path);
    this.checkInside(p, path);
    if (!existsSync(p) || !lstatSync(p).isFile()) return null;
    return new Uint8Array(readFileSync(p));
  }

  write(path: string, data: Uint8Array): void {
    const p = this.where(path);
    this.checkInside(p, path);
    mkdirSync(dirname(p), { recursive: true });
    this.checkInside(p, path);
    writeFileSync(p, data);
  }

  remove(path: string): void {
    const p = this.where(path);
    this.checkInside(p, path);
    if (existsSync(p) && lstatSync(p).isFile()) unlinkSync(p);
  }

  isDirectory(path: string): boolean {
    const p = this.where(path);
    return existsSync(p) && lstatSync(p).isDirectory();
  }

  list(): string[] {
    const out: string[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile()) out.push("/" + relative(this.root, p).split(sep).join("/"));
      }
    };
    if (existsSync(this.root)) walk(this.root);
    return out;
  }
}
