/**
 * A run's values as numpy prints them, short enough for a badge on a graph node: a scalar as
 * `sess.run` prints it (`0.5`, `3`, `True`, `b'hi'`), an array as its shape and its first
 * elements in numpy's own element format (`(100, 3) [0.1 0.25 1. …]`). The elements come from
 * the run's summary (its first 8), formatted together as numpy formats an array's elements.
 */
import type { NDArray, ValueSummary } from "../../engine";
import { float32Repr, float64Repr } from "../../engine/format/floats";
import { bytesRepr, formatArrayStr } from "../../engine/format/numpy";

/** Elements a badge shows at most. */
const SHOWN = 4;

/**
 * @param dtype the tensor's dtype as TF prints it (`float32`, `int32_ref`); a scalar summary
 *   carries none, and numpy prints a float32 `1` as `1.0` but an int32 one as `1`.
 * @example valueText(0.5, "float32")  // "0.5"
 * @example valueText({dtype: "float32", shape: [2, 3], head: [1, 2, 3, 4, 5, 6], size: 6}) // "(2, 3) [1. 2. 3. 4. …]"
 */
export function valueText(v: ValueSummary | undefined, dtype?: string | null): string {
  if (v === undefined) return "—";
  if (v === null) return "not initialized";
  if (typeof v !== "object") return scalarText(v, (dtype ?? "").replace(/_ref$/, ""));
  const shown = v.head.slice(0, SHOWN);
  const shape = v.shape.length === 1 ? `(${v.shape[0]},)` : `(${v.shape.join(", ")})`;
  if (v.size === 0) return `${shape} []`;
  const text = formatArrayStr(headArray(v.dtype, shown));
  return `${shape} ${v.size > shown.length ? `${text.slice(0, -1)} …]` : text}`;
}

/**
 * A number of a tensor of `dtype` as numpy prints it (`7.0` for float32, `7` for int32,
 * `True` for a bool 1); without a dtype, an integer stays whole.
 * @example numberText(7, "float32") // "7.0"
 */
export function numberText(v: number, dtype: string | null | undefined): string {
  const d = (dtype ?? "").replace(/_ref$/, "");
  return d === "bool" ? (v ? "True" : "False") : scalarText(v, d);
}

function scalarText(v: number | boolean | string, dtype: string): string {
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "string") return bytesRepr(v);
  if (dtype === "float32") return float32Repr(v);
  if (dtype === "int32" || dtype === "int64" || (dtype === "" && Number.isInteger(v))) return String(v);
  return float64Repr(v);
}

/** The shown elements as a 1-D array numpy's formatter accepts (it reads only these fields). */
function headArray(dtype: string, head: readonly (number | boolean | string)[]): NDArray {
  let data: ArrayLike<number> | string[];
  switch (dtype) {
    case "float32":
      data = Float32Array.from(head as number[]);
      break;
    case "int32":
      data = Int32Array.from(head as number[]);
      break;
    case "bool":
      data = Uint8Array.from(head.map((x) => (x ? 1 : 0)));
      break;
    case "string":
      data = head.map(String);
      break;
    default:
      data = Float64Array.from(head as number[]);
  }
  const name = dtype === "float32" || dtype === "int32" || dtype === "bool" || dtype === "string" ? dtype : "float64";
  return { dtype: { name }, shape: [head.length], data, size: head.length } as unknown as NDArray;
}
