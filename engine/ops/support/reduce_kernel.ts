/**
 * The reduction kernels behind Sum, Mean, Prod, Max, Min, All and Any, following TF 1.14's
 * `ReductionHelper` (reduction_ops_common.h): validate the axes, collapse the input into
 * alternating runs of kept and reduced dimensions, then reduce one of a few 1-, 2- or 3-D
 * views with Eigen's summation order, so float32 sums round exactly as TF's CPU kernel does:
 * - a run reduced along the innermost (contiguous) dimension accumulates in Eigen's AVX
 *   packets (8 float32 / 4 float64 lanes, then the tail, then the lanes pairwise);
 * - a run reduced along an outer dimension accumulates sequentially per output element.
 * Multithreaded full reductions of very large tensors (Eigen splits those by core count) are
 * computed single-threaded.
 */
import { DType, bool, float32, float64, int32, int64 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import type { KernelContext } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import { sameInts, scratch } from "./kernel_util.js";

type Num = Float32Array | Float64Array | Int32Array | Uint8Array;

/** The combining step of a reduction, per dtype family. */
export type ReduceKind = "sum" | "mean" | "prod" | "max" | "min" | "all" | "any";

/** The reduced axes as a bitmap; TF's run-time error for an axis out of range. */
export function reductionBitmap(axes: NDArray, rank: number, opName: string): boolean[] {
  const bitmap = new Array<boolean>(rank).fill(false);
  const a = axes.data as Int32Array;
  for (let i = 0; i < a.length; i++) {
    const index = a[i];
    if (index < -rank || index >= rank) {
      // TF's message really has the unbalanced parenthesis.
      throw new InvalidArgumentError(`Invalid reduction dimension (${index} for input with ${rank} dimension(s)`, opName);
    }
    bitmap[(index + rank) % rank] = true;
  }
  return bitmap;
}

/** The output shape: kept dims, and reduced dims as 1 when `keepDims`. */
export function reducedShape(shape: readonly number[], bitmap: readonly boolean[], keepDims: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (!bitmap[i]) out.push(shape[i]);
    else if (keepDims) out.push(1);
  }
  return out;
}

/**
 * TF's `ReductionHelper::Simplify`: leading 1s dropped, size-1 dims joined to the run before
 * them, adjacent dims of the same kind multiplied together. Returns the run sizes and whether
 * the first run is reduced (an all-1s input is one reduced run of size 1).
 */
export function collapseRuns(shape: readonly number[], bitmapIn: readonly boolean[]): { runs: number[]; reduceFirst: boolean } {
  const bitmap = bitmapIn.slice();
  let d = 0;
  while (d < shape.length && shape[d] === 1) d++;
  if (d >= shape.length) return { runs: [1], reduceFirst: true };
  const runs = [shape[d]];
  const reduceFirst = bitmap[d];
  for (d++; d < shape.length; d++) {
    if (shape[d] === 1) bitmap[d] = bitmap[d - 1];
    if (bitmap[d - 1] !== bitmap[d]) runs.push(shape[d]);
    else runs[runs.length - 1] *= shape[d];
  }
  return { runs, reduceFirst };
}

/** Identity element of a reduction for `dtype` (Eigen's `initialize()`; NaN for an empty mean). */
function identity(kind: ReduceKind, dtype: DType): number {
  switch (kind) {
    case "sum":
      return 0;
    case "mean":
      return dtype.isFloating ? NaN : 0;
    case "prod":
      return 1;
    case "max":
      return dtype === float32 ? -3.4028234663852886e38 : dtype === float64 ? -Number.MAX_VALUE : dtype === int64 ? -(2 ** 63) : -2147483648;
    case "min":
      return dtype === float32 ? 3.4028234663852886e38 : dtype === float64 ? Number.MAX_VALUE : dtype === int64 ? 2 ** 63 : 2147483647;
    case "all":
      return 1;
    case "any":
      return 0;
  }
}

/** Packet width of Eigen's AVX build for `dtype` (float32 8, float64 4; ints are exact anyway). */
function lanes(dtype: DType): number {
  return dtype === float64 ? 4 : 8;
}

/** Everything a reduction needs besides the data; cached per op while shapes and axes repeat. */
export interface ReductionPlan {
  /** Input shape and axes the plan was made for. */
  readonly inShape: readonly number[];
  readonly axes: Int32Array;
  readonly keepDims: boolean;
  readonly bitmap: boolean[];
  readonly outShape: number[];
  readonly runs: number[];
  readonly reduceFirst: boolean;
}

/** Validates the axes and collapses the input's dims (TF's `ReductionHelper::Simplify`). */
export function planReduction(inShape: readonly number[], axes: NDArray, keepDims: boolean, opName: string): ReductionPlan {
  const bitmap = reductionBitmap(axes, inShape.length, opName);
  const { runs, reduceFirst } = collapseRuns(inShape, bitmap);
  return {
    inShape: inShape.slice(),
    axes: Int32Array.from(axes.data as Int32Array),
    keepDims,
    bitmap,
    outShape: reducedShape(inShape, bitmap, keepDims),
    runs,
    reduceFirst,
  };
}

/**
 * The plan for this run: the op's previous plan when the input shape and the axes are the same
 * (a training loop reduces the same shapes every step, without allocating), else a new one.
 */
export function cachedPlan(k: KernelContext<unknown>, x: NDArray, axes: NDArray, keepDims: boolean): ReductionPlan {
  const box = scratch(k);
  const p = box.plan as ReductionPlan | undefined;
  if (p !== undefined && p.keepDims === keepDims && sameInts(p.inShape, x.shape) && sameInts(p.axes, axes.data as Int32Array)) return p;
  const plan = planReduction(x.shape, axes, keepDims, k.op.name);
  box.plan = plan;
  return plan;
}

/** Reduces `x` as `plan` says into a (reused) output. */
export function reduce(x: NDArray, plan: ReductionPlan, kind: ReduceKind, k: KernelContext<unknown>): NDArray {
  const dtype = x.dtype;
  const out = k.alloc(dtype, plan.outShape);
  const od = out.data as Num;
  const xd = x.data as Num;
  const outN = od.length;
  if (outN === 0) return out;
  if (xd.length === 0) {
    od.fill(identity(kind, dtype));
    return out;
  }
  if (xd.length === 1 && outN === 1) {
    // One element (a scalar's gradient summed over no axes, every training step): no loops.
    od[0] = finish(kind, dtype, xd[0], 1);
    return out;
  }
  const { runs, reduceFirst } = plan;
  const comb = combiner(kind, dtype);
  if (runs.length === 1 && reduceFirst) {
    od[0] = finish(kind, dtype, innerRun(xd, 0, xd.length, kind, dtype, comb), xd.length);
  } else if (runs.length === 1) {
    // Nothing reduced (only size-1 dims were): the values pass through.
    for (let i = 0; i < outN; i++) od[i] = finish(kind, dtype, xd[i], 1);
  } else if (runs.length === 2 && !reduceFirst) {
    const cols = runs[1];
    for (let i = 0; i < runs[0]; i++) od[i] = finish(kind, dtype, innerRun(xd, i * cols, cols, kind, dtype, comb), cols);
  } else if (runs.length === 2) {
    outerRuns(xd, od, 1, runs[0], runs[1], kind, dtype, comb);
  } else if (runs.length === 3 && !reduceFirst) {
    outerRuns(xd, od, runs[0], runs[1], runs[2], kind, dtype, comb);
  } else if (runs.length === 3) {
    const [a, b, c] = runs;
    // Eigen's GenericDimReducer loops the later reduced dim outermost.
    const init = identity(kind === "mean" ? "sum" : kind, dtype);
    for (let j = 0; j < b; j++) {
      let acc = init;
      for (let l = 0; l < c; l++) for (let i = 0; i < a; i++) acc = comb(acc, xd[(i * b + j) * c + l]);
      od[j] = finish(kind, dtype, acc, a * c);
    }
  } else {
    transposedReduce(xd, od, runs, reduceFirst, kind, dtype, comb);
  }
  return out;
}

type Comb = (acc: number, v: number) => number;

const addF32: Comb = (a, v) => Math.fround(a + v);
const addI32: Comb = (a, v) => (a + v) | 0;
const addF64: Comb = (a, v) => a + v;
const mulF32: Comb = (a, v) => Math.fround(a * v);
const mulF64: Comb = (a, v) => a * v;
const maxOf: Comb = (a, v) => (v > a ? v : a);
const minOf: Comb = (a, v) => (v < a ? v : a);
const andOf: Comb = (a, v) => (a && v ? 1 : 0);
const orOf: Comb = (a, v) => (a || v ? 1 : 0);

/** The combining function (module constants: no closure per run). */
function combiner(kind: ReduceKind, dtype: DType): Comb {
  const f32 = dtype === float32;
  const i32 = dtype === int32;
  switch (kind) {
    case "sum":
    case "mean":
      return f32 ? addF32 : i32 ? addI32 : addF64;
    case "prod":
      return f32 ? mulF32 : i32 ? Math.imul : mulF64;
    case "max":
      return maxOf;
    case "min":
      return minOf;
    case "all":
      return andOf;
    case "any":
      return orOf;
  }
}

/** Mean divides the sum by the count in the input's type (C++ truncation for ints). */
function finish(kind: ReduceKind, dtype: DType, acc: number, count: number): number {
  if (kind !== "mean") return acc;
  if (dtype === int32) return (acc / count) | 0;
  if (dtype === int64) return Math.trunc(acc / count);
  return dtype === float32 ? Math.fround(acc / count) : acc / count;
}

/**
 * Eigen's `InnerMostDimReducer` for one contiguous run: whole packets accumulate lane by lane,
 * the tail in a scalar, and the result is `tail + predux(lanes)` with predux adding the lanes
 * as SSE/AVX do (upper half onto lower half until one lane is left).
 */
function innerRun(xd: Num, start: number, n: number, kind: ReduceKind, dtype: DType, comb: Comb): number {
  const base = kind === "mean" ? "sum" : kind;
  const init = identity(base, dtype);
  if (dtype === bool || dtype === int32 || dtype === int64 || base === "max" || base === "min") {
    // Order does not change the result: one plain loop.
    let acc = init;
    for (let i = start, end = start + n; i < end; i++) acc = comb(acc, xd[i]);
    return acc;
  }
  const w = lanes(dtype);
  const vec = n - (n % w);
  let tail = init;
  for (let i = start + vec, end = start + n; i < end; i++) tail = comb(tail, xd[i]);
  if (vec === 0) return comb(tail, init);
  if (w === 8) {
    let p0 = init, p1 = init, p2 = init, p3 = init, p4 = init, p5 = init, p6 = init, p7 = init;
    for (let i = start, end = start + vec; i < end; i += 8) {
      p0 = comb(p0, xd[i]);
      p1 = comb(p1, xd[i + 1]);
      p2 = comb(p2, xd[i + 2]);
      p3 = comb(p3, xd[i + 3]);
      p4 = comb(p4, xd[i + 4]);
      p5 = comb(p5, xd[i + 5]);
      p6 = comb(p6, xd[i + 6]);
      p7 = comb(p7, xd[i + 7]);
    }
    const s0 = comb(p0, p4), s1 = comb(p1, p5), s2 = comb(p2, p6), s3 = comb(p3, p7);
    return comb(tail, comb(comb(s0, s2), comb(s1, s3)));
  }
  let p0 = init, p1 = init, p2 = init, p3 = init;
  for (let i = start, end = start + vec; i < end; i += 4) {
    p0 = comb(p0, xd[i]);
    p1 = comb(p1, xd[i + 1]);
    p2 = comb(p2, xd[i + 2]);
    p3 = comb(p3, xd[i + 3]);
  }
  return comb(tail, comb(comb(p0, p2), comb(p1, p3)));
}

/** `[a, b, c]` reduced over `b`: each output element accumulates sequentially (Eigen's preserved inner dims). */
function outerRuns(xd: Num, od: Num, a: number, b: number, c: number, kind: ReduceKind, dtype: DType, comb: Comb): void {
  const init = identity(kind === "mean" ? "sum" : kind, dtype);
  for (let i = 0; i < a; i++) {
    const o = i * c;
    for (let l = 0; l < c; l++) od[o + l] = init;
    for (let j = 0; j < b; j++) {
      const row = (i * b + j) * c;
      for (let l = 0; l < c; l++) od[o + l] = comb(od[o + l], xd[row + l]);
    }
    if (kind === "mean") for (let l = 0; l < c; l++) od[o + l] = finish(kind, dtype, od[o + l], b);
  }
}

/** The general case: TF transposes the reduced runs to the end and reduces rows. */
function transposedReduce(xd: Num, od: Num, runs: number[], reduceFirst: boolean, kind: ReduceKind, dtype: DType, comb: Comb): void {
  const r = runs.length;
  const strides = new Array<number>(r);
  let s = 1;
  for (let i = r - 1; i >= 0; i--) {
    strides[i] = s;
    s *= runs[i];
  }
  const kept: number[] = [];
  const reduced: number[] = [];
  for (let i = 0; i < r; i++) (((i % 2 === 0) === reduceFirst) ? reduced : kept).push(i);
  const perm = [...kept, ...reduced];
  const shape = perm.map((p) => runs[p]);
  const pstr = perm.map((p) => strides[p]);
  const outN = od.length;
  const inner = xd.length / outN;
  const buf = new (xd.constructor as { new (n: number): Num })(xd.length);
  const idx = new Array<number>(r).fill(0);
  let src = 0;
  for (let i = 0; i < xd.length; i++) {
    buf[i] = xd[src];
    for (let d = r - 1; d >= 0; d--) {
      idx[d]++;
      src += pstr[d];
      if (idx[d] < shape[d]) break;
      src -= pstr[d] * shape[d];
      idx[d] = 0;
    }
  }
  for (let i = 0; i < outN; i++) od[i] = finish(kind, dtype, innerRun(buf, i * inner, inner, kind, dtype, comb), inner);
}
