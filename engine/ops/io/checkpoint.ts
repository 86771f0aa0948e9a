/**
 * SaveV2 and RestoreV2: the ops a `tf.train.Saver` builds (`save/SaveV2`, `save/RestoreV2`).
 * They write and read the checkpoint `<prefix>.npz` through the engine's file store (files.ts;
 * the format is numpy's, format/npy.ts). Both are side effects: a save writes a file, a restore
 * reads one, and neither is skipped or cached.
 */
import { DType, string as stringDType } from "../../dtypes.js";
import { DataLossError, InvalidArgumentError, NotFoundError, UnimplementedError } from "../../errors.js";
import type { EngineFiles } from "../../files.js";
import { NDArray } from "../../ndarray.js";
import { NpyFormatError, readNpz, writeNpz } from "../../format/npy.js";
import { ZipFormatError } from "../../format/zip.js";
import { defineOp } from "../../op.js";
import { TensorShape } from "../../shape.js";

/** The file a checkpoint prefix names: `/tmp/model.ckpt` → `/tmp/model.ckpt.npz`. */
export function checkpointFile(prefix: string): string {
  return `${prefix}.npz`;
}

/** TF's error for a prefix with no checkpoint (its V1 reader's words, which RestoreV2 falls back to). */
export function noCheckpoint(prefix: string, op: string | null = null): InstanceType<typeof NotFoundError> {
  return new NotFoundError(`Unsuccessful TensorSliceReader constructor: Failed to find any matching files for ${prefix}`, op);
}

/**
 * The tensors of the checkpoint at `prefix`, by key, or null when there is none. A damaged or
 * foreign file raises TF's DataLossError.
 */
export function readCheckpoint(files: EngineFiles, prefix: string, op: string | null = null): Map<string, NDArray> | null {
  const path = checkpointFile(prefix);
  const bytes = files.read(path);
  if (bytes === null) return null;
  try {
    return new Map(readNpz(bytes));
  } catch (e) {
    if (e instanceof NpyFormatError || e instanceof ZipFormatError) {
      throw new DataLossError(
        `Unable to open table file ${path}: Data loss: ${e.message}: perhaps your file is in a different file format and you need to use a different restore operator?`,
        op,
      );
    }
    throw e;
  }
}

function scalarString(a: NDArray, what: string, op: string): string {
  if (a.size !== 1) throw new InvalidArgumentError(`Input ${what} should have a single element, got ${a.size}.`, op);
  return (a.data as string[])[0];
}

function checkSlices(slices: NDArray, n: number, op: string): void {
  if (slices.size !== n) {
    throw new InvalidArgumentError(`shape_and_slices and tensor_names must have the same number of elements: ${slices.size} vs. ${n}`, op);
  }
  for (const s of slices.data as string[]) {
    if (s !== "") throw new UnimplementedError(`The playground saves and restores whole tensors only, not slices ("${s}")`, op);
  }
}

const STRING_INPUTS = [
  { name: "prefix", dtype: stringDType },
  { name: "tensor_names", dtype: stringDType },
  { name: "shape_and_slices", dtype: stringDType },
] as const;

export const SaveV2 = defineOp<{ dtypes: DType[] }>({
  type: "SaveV2",
  cpuOnly: true,
  doc: "Writes the given tensors to the checkpoint named by `prefix`, each under its name (a side effect: a file is written).",
  inputs: [...STRING_INPUTS, { name: "tensors", list: true }],
  effects: ["writes-file"],
  inferDtype: () => [],
  inferShape: () => [],
  kernel: ([prefix, names, slices, ...tensors], k) => {
    const op = k.op.name;
    const p = scalarString(prefix, "prefix", op);
    const keys = names.data as string[];
    if (keys.length !== tensors.length) {
      throw new InvalidArgumentError(`Got ${tensors.length} tensors but ${keys.length} tensor names (tensor_names must have one name per tensor)`, op);
    }
    checkSlices(slices, keys.length, op);
    const path = checkpointFile(p);
    k.files().write(
      path,
      writeNpz(keys.map((key, i) => [key, tensors[i]] as const)),
    );
    k.effect("save", undefined, undefined, undefined, path);
    return null;
  },
  gradient: null,
});

export const RestoreV2 = defineOp<{ dtypes: DType[] }>({
  type: "RestoreV2",
  cpuOnly: true,
  doc: "Reads the named tensors from the checkpoint named by `prefix` (a side effect: a file is read, whatever the graph holds).",
  inputs: STRING_INPUTS,
  effects: ["reads-file"],
  inferDtype: (c) => c.attrs.dtypes,
  // TF's shape function: unknown unless a slice spec says otherwise (and whole tensors have none).
  inferShape: (c) => c.attrs.dtypes.map(() => TensorShape.unknown()),
  kernel: ([prefix, names, slices], k) => {
    const op = k.op.name;
    const p = scalarString(prefix, "prefix", op);
    const keys = names.data as string[];
    const dtypes = k.attrs.dtypes;
    if (keys.length !== dtypes.length) {
      throw new InvalidArgumentError(`Got ${keys.length} tensor names but ${dtypes.length} dtypes`, op);
    }
    checkSlices(slices, keys.length, op);
    const saved = readCheckpoint(k.files(), p, op);
    if (saved === null) throw noCheckpoint(p, op);
    const out = keys.map((key, i) => {
      const a = saved.get(key);
      if (a === undefined) throw new NotFoundError(`Key ${key} not found in checkpoint`, op);
      if (a.dtype !== dtypes[i]) {
        throw new InvalidArgumentError(`tensor_name = ${key}; expected dtype ${dtypes[i].cName} does not equal original dtype ${a.dtype.cName}`, op);
      }
      return a;
    });
    k.effect("restore", undefined, undefined, undefined, checkpointFile(p));
    // A single-output kernel returns its NDArray itself (op.ts).
    return out.length === 1 ? out[0] : out;
  },
  gradient: null,
});
