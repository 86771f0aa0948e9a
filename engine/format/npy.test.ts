import { describe, expect, it } from "vitest";
import { bool, float32, float64, int32, int64, string } from "../dtypes.js";
import { NDArray } from "../ndarray.js";
import { readNpy, readNpz, writeNpy, writeNpz, NpyFormatError } from "./npy.js";
import { ZipFormatError, crc32, readZip } from "./zip.js";

/** `np.savez(b, v1=float32 [1,1,1], **{"dense/kernel": arange(6.).reshape(2,3)}, step=int64 7, flag=[True, False], names=["a", "héllo"])` from numpy 2.4. */
const NUMPY_NPZ = "UEsDBC0AAAAAAAAAIQBSfjK///////////8GABQAdjEubnB5AQAQAIwAAAAAAAAAjAAAAAAAAACTTlVNUFkBAHYAeydkZXNjcic6ICc8ZjQnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoMywpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgCgAAgD8AAIA/AACAP1BLAwQtAAAAAAAAACEA8M07Rv//////////EAAUAGRlbnNlL2tlcm5lbC5ucHkBABAAsAAAAAAAAACwAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJzxmOCcsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgyLCAzKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKAAAAAAAAAAAAAAAAAADwPwAAAAAAAABAAAAAAAAACEAAAAAAAAAQQAAAAAAAABRAUEsDBC0AAAAAAAAAIQAjuPBs//////////8IABQAc3RlcC5ucHkBABAAiAAAAAAAAACIAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJzxpOCcsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKBwAAAAAAAABQSwMELQAAAAAAAAAhAO4Zu13//////////wgAFABmbGFnLm5weQEAEACCAAAAAAAAAIIAAAAAAAAAk05VTVBZAQB2AHsnZGVzY3InOiAnfGIxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAFBLAwQtAAAAAAAAACEAnY529///////////CQAUAG5hbWVzLm5weQEAEACoAAAAAAAAAKgAAAAAAAAAk05VTVBZAQB2AHsnZGVzY3InOiAnPFU1JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAphAAAAAAAAAAAAAAAAAAAAAAAAAGgAAADpAAAAbAAAAGwAAABvAAAAUEsBAi0DLQAAAAAAAAAhAFJ+Mr+MAAAAjAAAAAYAAAAAAAAAAAAAAIABAAAAAHYxLm5weVBLAQItAy0AAAAAAAAAIQDwzTtGsAAAALAAAAAQAAAAAAAAAAAAAACAAcQAAABkZW5zZS9rZXJuZWwubnB5UEsBAi0DLQAAAAAAAAAhACO48GyIAAAAiAAAAAgAAAAAAAAAAAAAAIABtgEAAHN0ZXAubnB5UEsBAi0DLQAAAAAAAAAhAO4Zu12CAAAAggAAAAgAAAAAAAAAAAAAAIABeAIAAGZsYWcubnB5UEsBAi0DLQAAAAAAAAAhAJ2OdveoAAAAqAAAAAkAAAAAAAAAAAAAAIABNAMAAG5hbWVzLm5weVBLBQYAAAAABQAFABUBAAAXBAAAAAA=";

const fromBase64 = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, "base64"));

describe("numpy's .npy and .npz formats", () => {
  it("reads an archive numpy wrote, every dtype a checkpoint holds", () => {
    const arrays = new Map(readNpz(fromBase64(NUMPY_NPZ)));
    expect([...arrays.keys()].sort()).toEqual(["dense/kernel", "flag", "names", "step", "v1"]);
    expect(arrays.get("v1")!.dtype).toBe(float32);
    expect(String(arrays.get("v1"))).toBe("[1. 1. 1.]");
    expect(arrays.get("dense/kernel")!.dtype).toBe(float64);
    expect(arrays.get("dense/kernel")!.shape).toEqual([2, 3]);
    expect(Array.from(arrays.get("dense/kernel")!.data as Float64Array)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(arrays.get("step")!.dtype).toBe(int64);
    expect(arrays.get("step")!.shape).toEqual([]);
    expect(arrays.get("step")!.data[0]).toBe(7);
    expect(arrays.get("flag")!.dtype).toBe(bool);
    expect(Array.from(arrays.get("flag")!.data as Uint8Array)).toEqual([1, 0]);
    expect(arrays.get("names")!.data).toEqual(["a", "héllo"]);
  });

  it("writes the header numpy writes, padded so the data starts at a multiple of 64 bytes", () => {
    const bytes = writeNpy(new NDArray(float32, [3], new Float32Array([1, 1, 1])));
    const headerLen = bytes[8] | (bytes[9] << 8);
    const header = String.fromCharCode(...bytes.subarray(10, 10 + headerLen));
    expect(header.trimEnd()).toBe("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }");
    expect(header.endsWith("\n")).toBe(true);
    expect((10 + headerLen) % 64).toBe(0);
    expect(bytes.length).toBe(10 + headerLen + 12);
  });

  it("round-trips arrays of every dtype, 0-d ones and an empty one included", () => {
    const cases = [
      new NDArray(float32, [2, 2], new Float32Array([0.1, -2, Infinity, NaN])),
      new NDArray(float64, [], new Float64Array([Math.PI])),
      new NDArray(int32, [3], new Int32Array([-1, 0, 2147483647])),
      new NDArray(int64, [2], new Float64Array([-(2 ** 40), 2 ** 52])),
      new NDArray(bool, [1, 2], new Uint8Array([0, 1])),
      new NDArray(string, [2], ["", "日本語 😀"]),
      new NDArray(float32, [0, 3], new Float32Array(0)),
    ];
    const back = readNpz(writeNpz(cases.map((a, i) => [`a${i}`, a] as const)));
    back.forEach(([name, a], i) => {
      expect(name).toBe(`a${i}`);
      expect(a.dtype).toBe(cases[i].dtype);
      expect(a.shape).toEqual(cases[i].shape);
      expect(Array.from(a.data as ArrayLike<unknown>)).toEqual(Array.from(cases[i].data as ArrayLike<unknown>));
    });
  });

  it("stores members uncompressed with their CRC-32, so any zip tool (and np.load) reads them", () => {
    const bytes = writeNpz([["v", new NDArray(int32, [1], new Int32Array([5]))]]);
    const [m] = readZip(bytes);
    expect(m.name).toBe("v.npy");
    expect(crc32(new Uint8Array([0x61, 0x62, 0x63]))).toBe(0x352441c2); // crc32("abc")
  });

  it("refuses what is not an archive, a damaged member, or a dtype a checkpoint cannot hold, saying why", () => {
    expect(() => readNpz(new Uint8Array([1, 2, 3]))).toThrow(ZipFormatError);
    const bytes = writeNpz([["v", new NDArray(int32, [1], new Int32Array([5]))]]);
    bytes[bytes.length - 120] ^= 0xff; // inside the member's data
    expect(() => readNpz(bytes)).toThrow(/CRC-32|local header|cut short/);
    const complex = writeNpy(new NDArray(float32, [1], new Float32Array([1])));
    complex.set([...("{'descr': '<c8'")].map((c) => c.charCodeAt(0)), 10);
    expect(() => readNpy(complex)).toThrow(NpyFormatError);
    expect(() => readNpy(complex)).toThrow("numpy dtype '<c8'");
  });
});
