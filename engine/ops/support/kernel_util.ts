/**
 * Small allocation-free helpers for kernels that run every step of a training loop: shapes read
 * from int tensors and views that share a buffer, both cached in the op's per-session state
 * while they repeat.
 */
import type { DType } from "../../dtypes.js";
import type { KernelContext } from "../../op.js";
import { NDArray } from "../../ndarray.js";

/**
 * The op's per-session scratch object. `k.state` keeps one value per op, so every helper here
 * stores its cache under its own key of this one object.
 */
export function scratch(k: KernelContext<unknown>): Record<string, unknown> {
  return k.state<Record<string, unknown>>(newScratch);
}

const newScratch = (): Record<string, unknown> => ({});

const VECTOR_SHAPES: readonly number[][] = Array.from({ length: 9 }, (_, n) => [n]);

/** The shape `[n]` (shared arrays for small n, so vector outputs allocate nothing). */
export function vectorShape(n: number): readonly number[] {
  return n < VECTOR_SHAPES.length ? VECTOR_SHAPES[n] : [n];
}

/** True when `a` and `b` hold the same numbers. */
export function sameInts(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A kernel output that shares `x`'s buffer under another shape (Reshape moves no data). The
 * view object is reused while the buffer and shape repeat.
 */
export function viewOf(k: KernelContext<unknown>, x: NDArray, shape: readonly number[], dtype: DType = x.dtype): NDArray {
  // Already that shape (a gradient's reshape back to a scalar, every step): the input itself.
  if (dtype === x.dtype && sameInts(x.shape, shape)) return x;
  const box = scratch(k);
  const v = box.view as NDArray | undefined;
  if (v !== undefined && v.data === x.data && v.dtype === dtype && sameInts(v.shape, shape)) return v;
  const view = new NDArray(dtype, shape.slice(), x.data);
  box.view = view;
  return view;
}

/**
 * Output `i` (≥ 1) of a multi-output kernel: `k.alloc` keeps one buffer per op, so later outputs
 * keep theirs in the op's state, reused while dtype and shape repeat.
 */
export function allocExtra(k: KernelContext<unknown>, i: number, dtype: DType, shape: readonly number[]): NDArray {
  const box = scratch(k);
  const extra = (box.extra ??= []) as (NDArray | undefined)[];
  const old = extra[i];
  if (old !== undefined && old.dtype === dtype && sameInts(old.shape, shape)) return old;
  return (extra[i] = NDArray.zeros(dtype, shape.slice()));
}

/**
 * The dims an int vector holds, as a shape array reused while they repeat (Fill, Reshape and
 * friends read a shape tensor every run).
 */
export function shapeFromInts(k: KernelContext<unknown>, ints: ArrayLike<number>): readonly number[] {
  const box = scratch(k);
  const old = box.dims as number[] | undefined;
  if (old !== undefined && sameInts(old, ints)) return old;
  const dims = Array.from(ints);
  box.dims = dims;
  return dims;
}

/**
 * The dims an int vector holds with entry `unknown` (a -1) replaced by `missing`, reused while
 * they repeat (a `reshape(x, [-1, n])` in a training loop allocates nothing).
 */
export function shapeWithInferred(k: KernelContext<unknown>, ints: ArrayLike<number>, unknown: number, missing: number): readonly number[] {
  const box = scratch(k);
  const old = box.inferred as number[] | undefined;
  if (old !== undefined && old.length === ints.length) {
    let same = true;
    for (let i = 0; i < ints.length && same; i++) same = old[i] === (i === unknown ? missing : ints[i]);
    if (same) return old;
  }
  const dims = Array.from(ints);
  dims[unknown] = missing;
  box.inferred = dims;
  return dims;
}
