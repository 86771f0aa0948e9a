/**
 * The index loops the scatter family shares: the checks every ScatterNd-style kernel makes
 * of (indices, updates, shape) and the flat offset of each index tuple (scatter_nd_op.cc's
 * messages), and the one loop that combines update rows into a buffer — used by ScatterNd,
 * TensorScatter{Update,Add,Sub}, ScatterNd{Update,Add,Sub} and the Scatter* variable updates.
 */
import { int32 } from "../../dtypes.js";
import type { DType } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import type { NDArray } from "../../ndarray.js";
import { sizeOf } from "../../shape.js";
import { dimsString } from "./array_infer.js";
import { intsOf } from "./array_kernels.js";

/** How an update meets the element it lands on (`(old, u) => u` replaces). */
export type Combine = (old: number, u: number) => number;

/** Position `i` of the index tuples (indices without its last dim), as `[1,0]`; `` for a vector. */
export function tupleDebugString(outer: readonly number[], i: number): string {
  if (outer.length === 0) return "";
  const idx: number[] = [];
  for (let d = outer.length - 1; d >= 0; d--) {
    idx.unshift(i % outer[d]);
    i = Math.floor(i / outer[d]);
  }
  return `[${idx.join(",")}]`;
}

/**
 * The flat offset (in slices of `sliceSize`) each index tuple names in `shape`, or the first
 * bad tuple's position.
 */
export function tupleOffsets(indices: NDArray, shape: readonly number[]): { offsets: Int32Array; bad: number } {
  const nd = indices.shape[indices.shape.length - 1];
  const count = sizeOf(indices.shape.slice(0, -1));
  const ids = intsOf(indices);
  const offsets = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let off = 0;
    for (let j = 0; j < nd; j++) {
      const v = ids[i * nd + j];
      if (!(v >= 0 && v < shape[j])) return { offsets, bad: i };
      off = off * shape[j] + v;
    }
    offsets[i] = off;
  }
  return { offsets, bad: -1 };
}

/**
 * The ScatterNd kernels' checks of `updates` against `indices` and the target `shape`, then
 * each tuple's slice offset: TF's InvalidArgumentErrors, raised for op `op`.
 */
export function scatterNdRows(indices: NDArray, updates: NDArray, shape: readonly number[], op: string): { offsets: Int32Array; sliceSize: number } {
  const nd = indices.shape[indices.shape.length - 1];
  const outer = indices.shape.slice(0, -1);
  const inner = shape.slice(nd);
  const fits =
    nd <= shape.length &&
    updates.shape.length === outer.length + inner.length &&
    outer.every((d, i) => updates.shape[i] === d) &&
    inner.every((d, i) => updates.shape[outer.length + i] === d);
  if (!fits) {
    throw new InvalidArgumentError(
      `Must have updates.shape = indices.shape[:batch_dim] + params_shape[slice_dim:], got updates.shape: ${dimsString(updates.shape)}, indices.shape: ${dimsString(indices.shape)}, params_shape: ${dimsString(shape)}, slice_dim: ${nd}, and batch_dim: ${outer.length}`,
      op,
    );
  }
  const { offsets, bad } = tupleOffsets(indices, shape);
  if (bad >= 0) {
    const tuple = intsOf(indices).slice(bad * nd, bad * nd + nd);
    throw new InvalidArgumentError(`indices${tupleDebugString(outer, bad)} = [${tuple.join(", ")}] does not index into shape ${dimsString(shape)}`, op);
  }
  return { offsets, sliceSize: sizeOf(inner) };
}

/**
 * Combines row i of `updates` (or its one element, `scalarUpdate`) into slice `offsets[i]` of
 * `dst` (of `dtype`), in order: int32 wraps as C++ does, int64 (whole float64 numbers)
 * truncates, strings and bools are replaced.
 */
export function combineRows(dst: NDArray["data"], dtype: DType, updates: NDArray, offsets: ArrayLike<number>, sliceSize: number, combine: Combine, scalarUpdate = false): void {
  const d = dst as unknown as unknown[];
  const u = updates.data as unknown as unknown[];
  const wraps = dtype === int32;
  const int64Trunc = dtype.isInteger && !wraps;
  const numeric = dtype.isNumeric;
  for (let i = 0; i < offsets.length; i++) {
    const to = offsets[i] * sliceSize;
    for (let j = 0; j < sliceSize; j++) {
      const uv = u[scalarUpdate ? 0 : i * sliceSize + j];
      if (!numeric) d[to + j] = uv;
      else {
        const v = combine(d[to + j] as number, uv as number);
        d[to + j] = wraps ? v | 0 : int64Trunc ? Math.trunc(v) : v;
      }
    }
  }
}
