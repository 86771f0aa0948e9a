/**
 * TensorBoard's event files: `Event` protocol buffers (tensorflow/core/util/event.proto) in
 * TFRecord framing (a length, its masked CRC-32C, the record, its masked CRC-32C), as TF 1.15's
 * EventsWriter writes them to `events.out.tfevents.<time>.<host>`. What the playground's
 * `FileWriter` stores, so a downloaded log opens in TensorBoard.
 */
import type { SummaryValue } from "./summary_text.js";
import { encodeUtf8 } from "./utf8.js";

const CRC32C_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32C (Castagnoli), as TFRecord uses it. */
export function crc32c(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC32C_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** TFRecord's masked CRC: rotated right by 15 bits plus a constant. */
export function maskedCrc(data: Uint8Array): number {
  const c = crc32c(data);
  return (((c >>> 15) | (c << 17)) + 0xa282ead8) >>> 0;
}

/** A protobuf message being written (wire format). */
class Proto {
  private readonly bytes: number[] = [];

  private varint(v: number): void {
    let n = BigInt.asUintN(64, BigInt(Math.trunc(v)));
    do {
      let b = Number(n & 0x7fn);
      n >>= 7n;
      if (n > 0n) b |= 0x80;
      this.bytes.push(b);
    } while (n > 0n);
  }

  private key(field: number, wire: number): void {
    this.varint((field << 3) | wire);
  }

  double(field: number, v: number): this {
    this.key(field, 1);
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, true);
    this.bytes.push(...b);
    return this;
  }

  float(field: number, v: number): this {
    this.key(field, 5);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    this.bytes.push(...b);
    return this;
  }

  int64(field: number, v: number): this {
    this.key(field, 0);
    this.varint(v);
    return this;
  }

  bytesField(field: number, b: Uint8Array): this {
    this.key(field, 2);
    this.varint(b.length);
    for (const x of b) this.bytes.push(x);
    return this;
  }

  packedDoubles(field: number, vs: readonly number[]): this {
    const b = new Uint8Array(8 * vs.length);
    const dv = new DataView(b.buffer);
    vs.forEach((v, i) => dv.setFloat64(8 * i, v, true));
    return this.bytesField(field, b);
  }

  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

/** The `Summary` message of these values (event.proto's field numbers). */
function summaryProto(values: readonly SummaryValue[]): Uint8Array {
  const s = new Proto();
  for (const v of values) {
    const value = new Proto().bytesField(1, encodeUtf8(v.tag));
    if ("simple_value" in v) value.float(2, v.simple_value);
    else {
      const h = v.histo;
      const histo = new Proto().double(1, h.min).double(2, h.max).double(3, h.num).double(4, h.sum).double(5, h.sum_squares).packedDoubles(6, h.bucket_limit).packedDoubles(7, h.bucket);
      value.bytesField(5, histo.done());
    }
    s.bytesField(1, value.done());
  }
  return s.done();
}

/** One `Event`: the file's version line, or summary values at a step. */
export function eventProto(wallTime: number, step: number, content: { fileVersion: string } | { summary: readonly SummaryValue[] }): Uint8Array {
  const e = new Proto().double(1, wallTime);
  if (step !== 0) e.int64(2, step);
  if ("fileVersion" in content) e.bytesField(3, encodeUtf8(content.fileVersion));
  else e.bytesField(5, summaryProto(content.summary));
  return e.done();
}

/** Records in TFRecord framing, one after another. */
export function tfRecords(records: readonly Uint8Array[]): Uint8Array {
  const size = records.reduce((n, r) => n + 16 + r.length, 0);
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  let p = 0;
  for (const r of records) {
    const len = new Uint8Array(8);
    new DataView(len.buffer).setBigUint64(0, BigInt(r.length), true);
    out.set(len, p);
    dv.setUint32(p + 8, maskedCrc(len), true);
    out.set(r, p + 12);
    dv.setUint32(p + 12 + r.length, maskedCrc(r), true);
    p += 16 + r.length;
  }
  return out;
}
