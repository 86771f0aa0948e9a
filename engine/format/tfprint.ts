/**
 * The text TF 1.x's `tf.Print` op writes to stderr, and `Tensor::SummarizeValue` behind it.
 *
 * Ported from tensorflow/core/framework/tensor.cc (TF 1.14/1.15: `SummarizeValue`,
 * `SummarizeArray`, `PrintOneDim`, `PrintOneElement` with print_v2=false) and
 * tensorflow/core/kernels/logging_ops.cc (`PrintOp::Compute`).
 */
import type { NDArray } from "../ndarray.js";
import { tfDoubleToBuffer, tfFloatToBuffer } from "./floats.js";
import { utf8 } from "./numpy.js";

/**
 * TF 1.x's `Tensor::SummarizeValue(summarize)`: the first `summarize` elements (all when negative)
 * separated by spaces, rank ≥ 2 rows in `[]`, and `...` where the limit cut the data. Floats print
 * as `%g` (6 digits, 9 when needed to round-trip), bools as `1`/`0`, strings C-escaped unquoted.
 * @example summarizeTensorTF1(float32 [1.5, 2, 3, 4], 3) // "1.5 2 3..."
 * @example summarizeTensorTF1(int32 [[1, 2, 3], [4, 5, 6]], 4) // "[1 2 3][4...]..."
 */
export function summarizeTensorTF1(a: NDArray, summarize: number): string {
  const numElts = a.size;
  const maxEntries = summarize < 0 ? numElts : summarize;
  const limit = Math.min(maxEntries, numElts);
  const element = elementPrinter(a);
  let result = "";
  if (a.shape.length === 0) {
    for (let i = 0; i < limit; i++) result += (i > 0 ? " " : "") + element(i);
    return numElts > limit ? result + "..." : result;
  }
  let dataIndex = 0;
  // PrintOneDim, including its quirks: a row cut by the limit gets "..." inside its brackets
  // (except on a rank-1 tensor), and a row begun before the limit still gets its "]".
  const printOneDim = (dim: number) => {
    if (dataIndex >= limit) return;
    const count = a.shape[dim];
    if (dim === a.shape.length - 1) {
      for (let i = 0; i < count; i++) {
        if (dataIndex >= limit) {
          if (dim !== 0) result += "...";
          return;
        }
        if (i > 0) result += " ";
        result += element(dataIndex++);
      }
      return;
    }
    for (let i = 0; i < count; i++) {
      let opened = false;
      if (dataIndex < limit) {
        result += "[";
        opened = true;
      }
      printOneDim(dim + 1);
      if (dataIndex < limit || opened) result += "]";
    }
  };
  printOneDim(0);
  return numElts > limit ? result + "..." : result;
}

/**
 * The line TF 1.x's Print kernel writes: `message` then `[summary]` for each data tensor.
 * @example formatTfPrintLine("", [int32 scalar 2, int32 scalar 3], 3) // "[2][3]"
 * @example formatTfPrintLine("x: ", [float32 [1.5, 2, 3, 4]], 3) // "x: [1.5 2 3...]"
 */
export function formatTfPrintLine(message: string, data: readonly NDArray[], summarize: number): string {
  return message + data.map((t) => `[${summarizeTensorTF1(t, summarize)}]`).join("");
}

/** PrintOneElement through strings::StrAppend's AlphaNum conversions, per dtype. */
function elementPrinter(a: NDArray): (i: number) => string {
  const data = a.data;
  switch (a.dtype.name) {
    case "float32":
      return (i) => withNaNSign(data as Float32Array, i, tfFloatToBuffer);
    case "float64":
      return (i) => withNaNSign(data as Float64Array, i, tfDoubleToBuffer);
    case "int32":
    case "int64":
      return (i) => String(data[i]);
    case "bool":
      // AlphaNum has no bool overload: a bool prints as the integer 1 or 0.
      return (i) => (data[i] ? "1" : "0");
    case "string":
    case "resource":
    case "variant":
      return (i) => cEscape((data as string[])[i]);
  }
}

/**
 * glibc prints a NaN whose sign bit is set as `-nan`; x86 kernels produce exactly that NaN for
 * 0/0 and friends. The sign bit is read from the stored bits, since JS's NaN carries none.
 */
function withNaNSign(data: Float32Array | Float64Array, i: number, print: (x: number) => string): string {
  const x = data[i];
  if (!Number.isNaN(x)) return print(x);
  const bytes = new Uint8Array(data.buffer, data.byteOffset + i * data.BYTES_PER_ELEMENT, data.BYTES_PER_ELEMENT);
  // Little-endian storage (every platform the playground runs on): the sign is in the last byte.
  return bytes[bytes.length - 1] & 0x80 ? "-nan" : "nan";
}

/**
 * absl::CEscape of the string's UTF-8 bytes (TF 1.14's str_util::CEscape): `\n \r \t \" \' \\`,
 * and three-digit octal for unprintable and non-ASCII bytes.
 */
export function cEscape(s: string): string {
  let out = "";
  for (const b of utf8(s)) {
    if (b === 0x0a) out += "\\n";
    else if (b === 0x0d) out += "\\r";
    else if (b === 0x09) out += "\\t";
    else if (b === 0x22) out += '\\"';
    else if (b === 0x27) out += "\\'";
    else if (b === 0x5c) out += "\\\\";
    else if (b < 0x20 || b >= 0x7f) out += "\\" + b.toString(8).padStart(3, "0");
    else out += String.fromCharCode(b);
  }
  return out;
}
