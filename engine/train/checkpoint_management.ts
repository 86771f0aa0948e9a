/**
 * TF 1.15's checkpoint_management.py and checkpoint_utils.py over the program's file store:
 * the `checkpoint` state file (CheckpointState in protobuf text format, as TF writes it),
 * `latest_checkpoint`, `get_checkpoint_state`, `list_variables`, `load_variable`.
 */
import { decodeUtf8, encodeUtf8 } from "../format/utf8.js";
import type { EngineContext } from "../context.js";
import { NotFoundError, ValueError } from "../errors.js";
import { isDirectory, joinPath, normPath, type EngineFiles } from "../files.js";
import type { NDArray } from "../ndarray.js";
import { checkpointFile, noCheckpoint, readCheckpoint } from "../ops/io/checkpoint.js";

/**
 * What the `checkpoint` file says: the newest checkpoint and the ones still kept, oldest first
 * (TF's `CheckpointState` proto).
 * @example
 * const ckpt = tf.train.get_checkpoint_state("/tmp");
 * print(ckpt.model_checkpoint_path); // /tmp/model.ckpt-2
 */
export class CheckpointState {
  constructor(
    /** The newest checkpoint's prefix. */
    public model_checkpoint_path: string,
    /** Every kept checkpoint's prefix, oldest first (the newest last). */
    public all_model_checkpoint_paths: string[],
  ) {}

  /** The protobuf text format TF writes to the `checkpoint` file (and prints). */
  toString(): string {
    const lines = [`model_checkpoint_path: ${protoString(this.model_checkpoint_path)}`];
    for (const p of this.all_model_checkpoint_paths) lines.push(`all_model_checkpoint_paths: ${protoString(p)}`);
    return lines.join("\n") + "\n";
  }

  __repr__(): string {
    return this.toString();
  }
}

/** A string in protobuf's text format: double quotes, C escapes, bytes ≥ 0x80 as octal. */
function protoString(s: string): string {
  let out = '"';
  for (const b of encodeUtf8(s)) {
    if (b === 0x22) out += '\\"';
    else if (b === 0x5c) out += "\\\\";
    else if (b === 0x0a) out += "\\n";
    else if (b === 0x0d) out += "\\r";
    else if (b === 0x09) out += "\\t";
    else if (b === 0x27) out += "\\'";
    else if (b < 0x20 || b >= 0x7f) out += "\\" + b.toString(8).padStart(3, "0");
    else out += String.fromCharCode(b);
  }
  return out + '"';
}

/** Reads a protobuf text-format string literal (the inverse of protoString). */
function parseProtoString(lit: string): string {
  const bytes: number[] = [];
  const body = lit.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\") {
      bytes.push(...encodeUtf8(c));
      continue;
    }
    const n = body[++i];
    if (/[0-7]/.test(n)) {
      const oct = /^[0-7]{1,3}/.exec(body.slice(i))![0];
      bytes.push(parseInt(oct, 8));
      i += oct.length - 1;
    } else bytes.push(({ n: 10, r: 13, t: 9 } as Record<string, number>)[n] ?? n.charCodeAt(0));
  }
  return decodeUtf8(new Uint8Array(bytes));
}

/** The `checkpoint` file's path for a directory (`os.path.join(save_dir, latest_filename)`). */
export function stateFilePath(saveDir: string, latestFilename: string | null): string {
  return joinPath(saveDir, latestFilename ?? "checkpoint");
}

/** Python's `os.path.relpath(path, start)` for the normalized POSIX paths of the store. */
function relPath(path: string, start: string): string {
  const a = normPath(path).split("/").filter((x) => x !== "." && x !== "");
  const b = normPath(start || ".").split("/").filter((x) => x !== "." && x !== "");
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...b.slice(i).map(() => ".."), ...a.slice(i)].join("/") || ".";
}

/**
 * TF's `update_checkpoint_state_internal`: writes the `checkpoint` file of `saveDir`. Relative
 * paths are written relative to a relative `saveDir`, as TF's `generate_checkpoint_state_proto`.
 */
export function writeCheckpointState(files: EngineFiles, saveDir: string, modelPath: string, allPaths: readonly string[], latestFilename: string | null): void {
  const all = allPaths.slice();
  if (all.length === 0 || all[all.length - 1] !== modelPath) all.push(modelPath);
  const rel = (p: string): string => (saveDir.startsWith("/") || p.startsWith("/") ? p : relPath(p, saveDir));
  const state = new CheckpointState(rel(modelPath), all.map(rel));
  const file = stateFilePath(saveDir, latestFilename);
  if (normPath(file) === normPath(state.model_checkpoint_path)) {
    throw new ValueError(`Save path '${modelPath}' conflicts with path used for checkpoint state.  Please use a different save path.`);
  }
  files.write(file, encodeUtf8(state.toString()));
}

/**
 * TF's `get_checkpoint_state`: the `checkpoint` file of `checkpointDir`, relative paths joined
 * to the directory, or null when there is none.
 */
export function getCheckpointState(files: EngineFiles, checkpointDir: string, latestFilename: string | null = null): CheckpointState | null {
  const bytes = files.read(stateFilePath(checkpointDir, latestFilename));
  if (bytes === null) return null;
  let model: string | null = null;
  const all: string[] = [];
  for (const line of decodeUtf8(bytes).split("\n")) {
    const m = /^\s*(model_checkpoint_path|all_model_checkpoint_paths)\s*:\s*("(?:[^"\\]|\\.)*")\s*$/.exec(line);
    if (!m) continue;
    const v = parseProtoString(m[2]);
    if (m[1] === "model_checkpoint_path") model = v;
    else all.push(v);
  }
  if (model === null) return null;
  const abs = (p: string): string => (p.startsWith("/") ? p : joinPath(checkpointDir, p));
  return new CheckpointState(abs(model), all.map(abs));
}

/** Whether a checkpoint with this prefix exists (TF's `checkpoint_exists`). */
export function checkpointExists(files: EngineFiles, prefix: string): boolean {
  return files.read(checkpointFile(prefix)) !== null;
}

/** TF's `latest_checkpoint`: the newest checkpoint's prefix named by `checkpoint`, if its file exists. */
export function latestCheckpoint(files: EngineFiles, checkpointDir: string, latestFilename: string | null = null): string | null {
  const state = getCheckpointState(files, checkpointDir, latestFilename);
  if (state !== null && state.model_checkpoint_path && checkpointExists(files, state.model_checkpoint_path)) return state.model_checkpoint_path;
  return null;
}

/** TF's `remove_checkpoint`: deletes the checkpoint's file (TF: its `.index`, data and `.meta`). */
export function removeCheckpoint(files: EngineFiles, prefix: string): void {
  files.remove(checkpointFile(prefix));
}

/** TF's `load_checkpoint`: the tensors of a checkpoint named by a prefix or by its directory. */
export function loadCheckpoint(ctx: EngineContext, ckptDirOrFile: string): Map<string, NDArray> {
  const files = ctx.files;
  const prefix = isDirectory(files, ckptDirOrFile) && !checkpointExists(files, ckptDirOrFile) ? latestCheckpoint(files, ckptDirOrFile) : ckptDirOrFile;
  if (prefix === null) throw new ValueError(`Couldn't find 'checkpoint' file or checkpoints in given directory ${ckptDirOrFile}`);
  const saved = readCheckpoint(files, prefix);
  if (saved === null) throw noCheckpoint(prefix);
  return saved;
}

/** TF's `list_variables`: `[name, shape]` pairs, sorted by name. */
export function listVariables(ctx: EngineContext, ckptDirOrFile: string): [string, number[]][] {
  const saved = loadCheckpoint(ctx, ckptDirOrFile);
  return [...saved.keys()].sort().map((k) => [k, saved.get(k)!.shape.slice()]);
}

/** TF's `load_variable`: one saved tensor (a trailing `:0` is ignored, as TF does). */
export function loadVariable(ctx: EngineContext, ckptDirOrFile: string, name: string): NDArray {
  const key = name.endsWith(":0") ? name.slice(0, -2) : name;
  const a = loadCheckpoint(ctx, ckptDirOrFile).get(key);
  if (a === undefined) throw new NotFoundError(`Key ${key} not found in checkpoint`);
  return a;
}

