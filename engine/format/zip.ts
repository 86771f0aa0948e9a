/**
 * The ZIP container of numpy's `.npz` files (PKWARE's APPNOTE), reduced to what `np.savez`
 * writes: stored (uncompressed) members. Reading also understands the ZIP64 size fields numpy
 * adds (`force_zip64=True`); a compressed member (`np.savez_compressed`) is refused, saying so.
 */
import { decodeUtf8, encodeUtf8 } from "./utf8.js";

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** The CRC-32 of ZIP (and PNG, gzip). */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One member of an archive. */
export interface ZipMember {
  name: string;
  data: Uint8Array;
}

// 1980-01-01 00:00, the earliest DOS date: archives are byte-for-byte reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * A ZIP archive of `members`, stored without compression.
 * @example
 * const bytes = writeZip([{ name: "a.npy", data }]);
 */
export function writeZip(members: readonly ZipMember[]): Uint8Array {
    const names = members.map((m) => encodeUtf8(m.name));
  const crcs = members.map((m) => crc32(m.data));
  const localSize = members.reduce((s, m, i) => s + 30 + names[i].length + m.data.length, 0);
  const centralSize = names.reduce((s, n) => s + 46 + n.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const dv = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  members.forEach((m, i) => {
    offsets.push(p);
    dv.setUint32(p, 0x04034b50, true);
    dv.setUint16(p + 4, 20, true); // version needed: 2.0
    dv.setUint16(p + 6, 0x0800, true); // names are UTF-8
    dv.setUint16(p + 8, 0, true); // stored
    dv.setUint16(p + 10, DOS_TIME, true);
    dv.setUint16(p + 12, DOS_DATE, true);
    dv.setUint32(p + 14, crcs[i], true);
    dv.setUint32(p + 18, m.data.length, true);
    dv.setUint32(p + 22, m.data.length, true);
    dv.setUint16(p + 26, names[i].length, true);
    dv.setUint16(p + 28, 0, true);
    out.set(names[i], p + 30);
    out.set(m.data, p + 30 + names[i].length);
    p += 30 + names[i].length + m.data.length;
  });
  const central = p;
  members.forEach((m, i) => {
    dv.setUint32(p, 0x02014b50, true);
    dv.setUint16(p + 4, 20, true);
    dv.setUint16(p + 6, 20, true);
    dv.setUint16(p + 8, 0x0800, true);
    dv.setUint16(p + 10, 0, true);
    dv.setUint16(p + 12, DOS_TIME, true);
    dv.setUint16(p + 14, DOS_DATE, true);
    dv.setUint32(p + 16, crcs[i], true);
    dv.setUint32(p + 20, m.data.length, true);
    dv.setUint32(p + 24, m.data.length, true);
    dv.setUint16(p + 28, names[i].length, true);
    // extra, comment, disk, internal attrs: 0
    dv.setUint32(p + 38, 0o100644 << 16, true); // external attrs: a regular file, rw-r--r--
    dv.setUint32(p + 42, offsets[i], true);
    out.set(names[i], p + 46);
    p += 46 + names[i].length;
  });
  dv.setUint32(p, 0x06054b50, true);
  dv.setUint16(p + 8, members.length, true);
  dv.setUint16(p + 10, members.length, true);
  dv.setUint32(p + 12, p - central, true);
  dv.setUint32(p + 16, central, true);
  return out;
}

/** Thrown for bytes that are not a ZIP archive this reader understands; the message says why. */
export class ZipFormatError extends Error {}

/**
 * The members of a ZIP archive, in the order of its central directory.
 * @example
 * for (const m of readZip(bytes)) print(m.name);
 */
export function readZip(bytes: Uint8Array): ZipMember[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("not a ZIP archive (no end of central directory)");
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
    const out: ZipMember[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== 0x02014b50) throw new ZipFormatError("a damaged central directory");
    const method = dv.getUint16(p + 10, true);
    let size = dv.getUint32(p + 20, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    let offset = dv.getUint32(p + 42, true);
    const name = decodeUtf8(bytes.subarray(p + 46, p + 46 + nameLen));
    // ZIP64: sizes and offset of 0xFFFFFFFF are in the extra field (id 1), in this order.
    if (size === 0xffffffff || offset === 0xffffffff) {
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = dv.getUint16(e, true);
        const len = dv.getUint16(e + 2, true);
        if (id === 1) {
          let q = e + 4;
          if (dv.getUint32(p + 24, true) === 0xffffffff) q += 8; // uncompressed size
          if (size === 0xffffffff) {
            size = Number(dv.getBigUint64(q, true));
            q += 8;
          }
          if (offset === 0xffffffff) offset = Number(dv.getBigUint64(q, true));
        }
        e += 4 + len;
      }
    }
    if (method !== 0) throw new ZipFormatError(`member ${name} is compressed (method ${method}); only stored members are read (np.savez, not np.savez_compressed)`);
    if (offset + 30 > bytes.length || dv.getUint32(offset, true) !== 0x04034b50) throw new ZipFormatError(`member ${name} has no local header`);
    const start = offset + 30 + dv.getUint16(offset + 26, true) + dv.getUint16(offset + 28, true);
    if (start + size > bytes.length) throw new ZipFormatError(`member ${name} is cut short`);
    const data = bytes.subarray(start, start + size);
    if (crc32(data) !== dv.getUint32(p + 16, true)) throw new ZipFormatError(`member ${name} fails its CRC-32 check`);
    out.push({ name, data });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
