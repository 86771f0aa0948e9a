/**
 * Small, serializable summaries of values for run records and the UI.
 */
import { NDArray } from "../ndarray.js";
import type { ValueSummary } from "../records.js";

/** How many leading elements an array summary keeps. */
export const SUMMARY_HEAD = 8;

/** A scalar as itself; an array as dtype, shape, size and its first few elements. */
export function summarizeValue(v: NDArray): ValueSummary {
  if (v.shape.length === 0) return v.flatAt(0);
  const n = Math.min(SUMMARY_HEAD, v.size);
  const head = new Array<number | boolean | string>(n);
  for (let i = 0; i < n; i++) head[i] = v.flatAt(i);
  return { dtype: v.dtype.name, shape: v.shape.slice(), head, size: v.size };
}
