/**
 * numpy's `.npy` and `.npz` formats (numpy's "NEP 1", format version 1.0), the playground's
 * checkpoint format: a checkpoint is an `.npz` with one `.npy` member per saved variable, named
 * by its checkpoint key (`np.load("model.ckpt.npz")["dense/kernel"]` reads one in Python).
 * Little-endian float32, float64, int32, int64, bool, and strings as numpy's fixed-width
 * unicode (`<U8`).
 */
import { decodeUtf8 } from "./utf8.js";
import { DType, bool, float32, float64, int32, int64, string as stringDType } from "../dtypes.js";
import { NDArray } from "../ndarray.js";
import { readZip, writeZip } from "./zip.js";

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

const DESCR: ReadonlyMap<DType, string> = new Map([
  [float32, "<f4"],
  [float64, "<f8"],
  [int32, "<i4"],
  [int64, "<i8"],
  [bool, "|b1"],
]);

/** Thrown for bytes that are not an `.npy` this reader understands; the message says why. */
export class NpyFormatError extends Error {}

function shapeText(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/**
 * The `.npy` bytes of an array.
 * @example
 * const bytes = writeNpy(sess.run(v));
 */
export function writeNpy(a: NDArray): Uint8Array {
  const strings = a.dtype === stringDType ? (a.data as string[]) : null;
  const width = strings ? Math.max(1, ...strings.map((s) => [...s].length)) : 0;
  const descr = strings ? `<U${width}` : DESCR.get(a.dtype);
  if (descr === undefined) throw new NpyFormatError(`dtype ${a.dtype.name} has no .npy form`);
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText(a.shape)}, }`;
  // numpy pads the header with spaces so the data starts at a multiple of 64, ending in \n.
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  header = header.padEnd(total - 10 - 1, " ") + "\n";
  const itemSize = strings ? 4 * width : a.dtype === bool ? 1 : a.dtype === float32 || a.dtype === int32 ? 4 : 8;
  const out = new Uint8Array(total + itemSize * a.size);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  const dv = new DataView(out.buffer);
  dv.setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  const d = a.data;
  for (let i = 0, p = total; i < a.size; i++, p += itemSize) {
    if (strings) {
      let q = p;
      for (const ch of strings[i]) {
        dv.setUint32(q, ch.codePointAt(0)!, true);
        q += 4;
      }
    } else if (a.dtype === float32) dv.setFloat32(p, d[i] as number, true);
    else if (a.dtype === float64) dv.setFloat64(p, d[i] as number, true);
    else if (a.dtype === int32) dv.setInt32(p, d[i] as number, true);
    else if (a.dtype === int64) dv.setBigInt64(p, BigInt(d[i] as number), true);
    else out[p] = d[i] ? 1 : 0;
  }
  return out;
}

/** Reads the header dict numpy writes (a Python literal with three known keys). */
function parseHeader(text: string): { descr: string; fortran: boolean; shape: number[] } {
  const descr = /'descr':\s*'([^']*)'/.exec(text)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(text)?.[1];
  const shape = /'shape':\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined || fortran === undefined || shape === undefined) throw new NpyFormatError(`an .npy header numpy did not write: ${text.trim()}`);
  const dims = shape
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => {
      const n = Number(s.replace(/L$/, ""));
      if (!Number.isInteger(n) || n < 0) throw new NpyFormatError(`a bad shape in an .npy header: (${shape})`);
      return n;
    });
  return { descr, fortran: fortran === "True", shape: dims };
}

/**
 * The array in `.npy` bytes.
 * @example
 * const a = readNpy(bytes);
 */
export function readNpy(bytes: Uint8Array): NDArray {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) throw new NpyFormatError("not an .npy array (no \\x93NUMPY magic)");
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  const headerLen = major === 1 ? dv.getUint16(8, true) : dv.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  if (major < 1 || major > 3 || start + headerLen > bytes.length) throw new NpyFormatError(`an .npy of format version ${major}.${bytes[7]} this reader does not know`);
  const header = parseHeader(decodeUtf8(bytes.subarray(start, start + headerLen)));
  const size = header.shape.reduce((a, b) => a * b, 1);
  const dataStart = start + headerLen;
  const unicode = /^[<|]U(\d+)$/.exec(header.descr);
  const dtype = unicode ? stringDType : [...DESCR].find(([, d]) => d === header.descr || (d === "|b1" && header.descr === "?"))?.[0];
  if (dtype === undefined) {
    throw new NpyFormatError(`an array of numpy dtype '${header.descr}'; checkpoints hold little-endian float32, float64, int32, int64, bool or unicode arrays`);
  }
  const itemSize = unicode ? 4 * Number(unicode[1]) : header.descr.endsWith("1") ? 1 : header.descr.endsWith("4") ? 4 : 8;
  if (dataStart + size * itemSize > bytes.length) throw new NpyFormatError(`an .npy array cut short: ${size} elements of ${itemSize} bytes announced`);
  const out = NDArray.zeros(dtype, header.shape);
  const d = out.data;
  for (let i = 0, p = dataStart; i < size; i++, p += itemSize) {
    if (unicode) {
      let s = "";
      for (let q = p; q < p + itemSize; q += 4) {
        const c = dv.getUint32(q, true);
        if (c === 0) break;
        s += String.fromCodePoint(c);
      }
      (d as string[])[i] = s;
    } else if (dtype === float32) d[i] = dv.getFloat32(p, true);
    else if (dtype === float64) d[i] = dv.getFloat64(p, true);
    else if (dtype === int32) d[i] = dv.getInt32(p, true);
    else if (dtype === int64) d[i] = Number(dv.getBigInt64(p, true));
    else d[i] = bytes[p] ? 1 : 0;
  }
  return header.fortran && header.shape.length > 1 ? fromFortran(out) : out;
}

/** A Fortran-ordered (column-major) array's elements put in row-major order. */
function fromFortran(a: NDArray): NDArray {
  const shape = a.shape;
  const out = NDArray.zeros(a.dtype, shape);
  const idx = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < a.size; i++) {
    // i is the row-major position of idx; the source is its column-major position.
    let src = 0;
    for (let k = shape.length - 1; k >= 0; k--) src = src * shape[k] + idx[k];
    (out.data as unknown as unknown[])[i] = (a.data as unknown as unknown[])[src];
    for (let k = shape.length - 1; k >= 0; k--) {
      if (++idx[k] < shape[k]) break;
      idx[k] = 0;
    }
  }
  return out;
}

/**
 * An `.npz` archive (`np.savez`) of named arrays.
 * @example
 * const bytes = writeNpz([["v1", a], ["v2", b]]);
 */
export function writeNpz(arrays: readonly (readonly [string, NDArray])[]): Uint8Array {
  return writeZip(arrays.map(([name, a]) => ({ name: `${name}.npy`, data: writeNpy(a) })));
}

/**
 * The named arrays of an `.npz` archive, in archive order (the `.npy` suffix taken off).
 * @example
 * for (const [name, a] of readNpz(bytes)) print(name, a.shape);
 */
export function readNpz(bytes: Uint8Array): [string, NDArray][] {
  return readZip(bytes).map((m) => [m.name.replace(/\.npy$/, ""), readNpy(m.data)]);
}
