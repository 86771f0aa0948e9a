import { describe, it, expect } from "vitest";
import { DType, bool, float32, float64, int32, string } from "../dtypes.js";
import { NDArray } from "../ndarray.js";
import { cEscape, formatTfPrintLine, summarizeTensorTF1 } from "./tfprint.js";

// Expectations follow TF 1.14's tensor.cc (SummarizeArray / PrintOneDim with print_v2=false),
// logging_ops.cc (PrintOp) and numbers.cc (FloatToBuffer: %.6g, else %.9g).

function tensor(dtype: DType, shape: number[], values: readonly (number | string)[]): NDArray {
  const a = NDArray.zeros(dtype, shape);
  values.forEach((v, i) => ((a.data as (number | string)[])[i] = v));
  return a;
}

const ints = (shape: number[]) => {
  const n = shape.reduce((p, d) => p * d, 1);
  return tensor(
    int32,
    shape,
    Array.from({ length: n }, (_, i) => i + 1),
  );
};

describe("summarizeTensorTF1", () => {
  it("prints up to `summarize` elements separated by spaces, then ... when cut", () => {
    expect(summarizeTensorTF1(tensor(float32, [4], [1.5, 2, 3, 4]), 3)).toBe("1.5 2 3...");
    expect(summarizeTensorTF1(tensor(float32, [3], [1.5, 2, 3]), 3)).toBe("1.5 2 3");
    expect(summarizeTensorTF1(tensor(int32, [], [7]), 3)).toBe("7");
  });

  it("prints every element when summarize is negative", () => {
    expect(summarizeTensorTF1(ints([5]), -1)).toBe("1 2 3 4 5");
  });

  it("brackets rows of rank ≥ 2 without separators between them", () => {
    expect(summarizeTensorTF1(ints([2, 3]), -1)).toBe("[1 2 3][4 5 6]");
    expect(summarizeTensorTF1(ints([2, 2, 2]), 8)).toBe("[[1 2][3 4]][[5 6][7 8]]");
  });

  it("puts ... inside the row the limit cuts, closes it, and appends ... again", () => {
    expect(summarizeTensorTF1(ints([2, 3]), 4)).toBe("[1 2 3][4...]...");
    expect(summarizeTensorTF1(ints([2, 3]), 3)).toBe("[1 2 3]...");
    expect(summarizeTensorTF1(ints([2, 2, 2]), 3)).toBe("[[1 2][3...]]...");
  });

  it("prints nothing but ... when summarize is 0, and nothing for an empty tensor", () => {
    expect(summarizeTensorTF1(tensor(float32, [], [1]), 0)).toBe("...");
    expect(summarizeTensorTF1(ints([3]), 0)).toBe("...");
    expect(summarizeTensorTF1(tensor(float32, [0], []), 3)).toBe("");
    expect(summarizeTensorTF1(tensor(float32, [2, 0], []), 3)).toBe("");
  });

  it("prints float32 with 6 significant digits, or 9 when 6 do not round-trip", () => {
    const values = [Math.fround(0.1), Math.fround(2.3205383), 1e10, -Infinity];
    expect(summarizeTensorTF1(tensor(float32, [4], values), -1)).toBe("0.1 2.32053828 1e+10 -inf");
  });

  it("prints float64 with 15 significant digits, or 17", () => {
    expect(summarizeTensorTF1(tensor(float64, [3], [0.1, 1 / 3, 2]), -1)).toBe("0.1 0.33333333333333331 2");
  });

  it("prints NaN as glibc does, -nan when its sign bit is set", () => {
    const a = tensor(float32, [2], [NaN, NaN]);
    new Uint32Array((a.data as Float32Array).buffer)[1] = 0xffc00000; // x86's default NaN, from 0/0
    expect(summarizeTensorTF1(a, -1)).toBe("nan -nan");
  });

  it("prints bools as 1 and 0", () => {
    expect(summarizeTensorTF1(tensor(bool, [3], [1, 0, 1]), 3)).toBe("1 0 1");
  });

  it("prints strings C-escaped and unquoted", () => {
    expect(summarizeTensorTF1(tensor(string, [2], ["a b", "x\n'y'"]), 3)).toBe("a b x\\n\\'y\\'");
  });
});

describe("formatTfPrintLine", () => {
  it("appends each data tensor's summary in brackets to the message", () => {
    expect(formatTfPrintLine("", [tensor(int32, [], [2]), tensor(int32, [], [3])], 3)).toBe("[2][3]");
    expect(formatTfPrintLine("x: ", [tensor(float32, [4], [1.5, 2, 3, 4])], 3)).toBe("x: [1.5 2 3...]");
    expect(formatTfPrintLine("W = ", [ints([2, 2])], 3)).toBe("W = [[1 2][3...]...]");
  });

  it("prints only the message when there is no data", () => {
    expect(formatTfPrintLine("hello", [], 3)).toBe("hello");
  });
});

describe("cEscape", () => {
  it("escapes quotes, backslashes and control characters, and non-ASCII bytes in octal", () => {
    expect(cEscape(`say "hi"\t\\`)).toBe(`say \\"hi\\"\\t\\\\`);
    expect(cEscape("\r\u0001\u007f")).toBe("\\r\\001\\177");
    expect(cEscape("é")).toBe("\\303\\251");
    expect(cEscape("plain text 123")).toBe("plain text 123");
  });
});
