/**
 * MirrorPad (tf.pad's REFLECT and SYMMETRIC modes) and MirrorPadGrad, its gradient (which sums
 * the mirrored border back onto the cells it copied). REFLECT mirrors around the edge cell
 * (`[1 2 3]` padded by 2 → `3 2 [1 2 3] 2 1`), SYMMETRIC includes it (`2 1 [1 2 3] 3 2`).
 * Shape functions: array_ops.cc; kernel errors: mirror_pad_op.cc; gradients: array_grad.py.
 */
import { DType } from "../../dtypes.js";
import { InvalidArgumentError, UnimplementedError } from "../../errors.js";
import { defineOp, type InferContext } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import { Dim, TensorShape, sizeOf, stridesOf } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { intsOf } from "../support/array_kernels.js";

type MirrorAttrs = { T: DType; Tpaddings: DType; mode: "REFLECT" | "SYMMETRIC" };

/** Both ops' shape functions: out = in ± (before + after) per dimension. */
function mirrorShape(c: InferContext<MirrorAttrs>, sign: 1 | -1): TensorShape[] {
  const f = new ShapeFn(c);
  const paddings = f.withRank(c.shapes[1], 2);
  const rank = paddings.dims![0];
  if (rank === null) return [TensorShape.unknown()];
  const input = f.withRank(c.shapes[0], rank);
  f.merge(paddings, new TensorShape([rank, 2]));
  const p = f.tensor(1);
  if (p === null) return [new TensorShape(new Array<Dim>(rank).fill(null))];
  const pd = intsOf(p);
  const dims: Dim[] = [];
  for (let i = 0; i < rank; i++) {
    const a = pd[2 * i];
    const b = pd[2 * i + 1];
    if (a < 0 || b < 0) f.fail("Paddings must be non-negative");
    const d = input.dims![i];
    if (d === null) dims.push(null);
    else {
      const v = d + sign * (a + b);
      if (v < 0) f.fail(`Negative dimension size caused by subtracting ${a + b} from ${d}`);
      dims.push(v);
    }
  }
  return [new TensorShape(dims)];
}

/** The input cell an output index along one dimension reads (`offset` 1: REFLECT, 0: SYMMETRIC). */
function source(o: number, before: number, size: number, offset: number): number {
  let i = o - before;
  if (i < 0) i = -i - 1 + offset;
  else if (i >= size) i = 2 * size - i - 1 - offset;
  return i;
}

/** Checks the paddings as the kernels do; returns them as numbers. */
function checkedPaddings(x: NDArray, paddingsT: NDArray, offset: number, opName: string, grad: boolean): number[] {
  const dims = x.shape.length;
  if (dims > 5) throw new UnimplementedError(`inputs rank not in [0,5]: ${dims}`, opName);
  if (paddingsT.shape.length !== 2 || paddingsT.shape[1] !== 2) {
    throw new InvalidArgumentError(`paddings must be a matrix with 2 columns: ${dimsString(paddingsT.shape)}`, opName);
  }
  if (paddingsT.shape[0] !== dims) {
    throw new InvalidArgumentError(`The first dimension of paddings must be the rank of inputs${dimsString(paddingsT.shape)}, ${dimsString(x.shape)}`, opName);
  }
  const p = intsOf(paddingsT);
  for (let d = 0; d < dims; d++) {
    const before = p[2 * d];
    const after = p[2 * d + 1];
    if (before < 0 || after < 0) throw new InvalidArgumentError(`paddings must be non-negative: ${before} ${after}`, opName);
    const size = grad ? x.shape[d] - before - after : x.shape[d];
    if (grad) {
      if (size < 0) throw new InvalidArgumentError(`paddings must be no greater than the dimension size: ${before}, ${after} greater than ${x.shape[d]}`, opName);
    } else if (offset === 0 && !(before <= size && after <= size)) {
      throw new InvalidArgumentError(`paddings must be no greater than the dimension size: ${before}, ${after} greater than ${size}`, opName);
    } else if (offset === 1 && !(before < size && after < size)) {
      throw new InvalidArgumentError(`paddings must be less than the dimension size: ${before}, ${after} not less than ${size}`, opName);
    }
  }
  return p;
}

/**
 * For every cell of the padded shape, the flat index of the input cell it mirrors (the padded
 * shape is `inShape` grown by the paddings).
 */
function mirrorMap(inShape: readonly number[], p: readonly number[], offset: number): { padded: number[]; from: Int32Array } {
  const rank = inShape.length;
  const padded = inShape.map((d, i) => d + p[2 * i] + p[2 * i + 1]);
  const from = new Int32Array(sizeOf(padded));
  const inStrides = stridesOf(inShape);
  const idx = new Array<number>(rank).fill(0);
  for (let flat = 0; flat < from.length; flat++) {
    let s = 0;
    for (let d = 0; d < rank; d++) s += source(idx[d], p[2 * d], inShape[d], offset) * inStrides[d];
    from[flat] = s;
    for (let d = rank - 1; d >= 0; d--) {
      if (++idx[d] < padded[d]) break;
      idx[d] = 0;
    }
  }
  return { padded, from };
}

const offsetOf = (mode: string): number => (mode === "REFLECT" ? 1 : 0);

export const MirrorPad = defineOp<MirrorAttrs>({
  type: "MirrorPad",
  doc: "Pads `input` with its own mirror image: `mode` REFLECT leaves out the edge cell, SYMMETRIC repeats it.",
  inputs: [
    { name: "input", typeAttr: "T" },
    { name: "paddings", typeAttr: "Tpaddings" },
  ],
  typeAttrs: { T: TYPES.any, Tpaddings: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => mirrorShape(c, 1),
  kernel: ([x, paddingsT], k) => {
    const offset = offsetOf(k.attrs.mode);
    const p = checkedPaddings(x, paddingsT, offset, k.op.name, false);
    const { padded, from } = mirrorMap(x.shape, p, offset);
    const out = k.alloc(x.dtype, padded);
    const src = x.data as unknown as unknown[];
    const dst = out.data as unknown as unknown[];
    for (let i = 0; i < from.length; i++) dst[i] = src[from[i]];
    return out;
  },
  gradient: (op, [g], b) => [b.gen("MirrorPadGrad", [g, op.inputs[1]], { mode: op.attrs.mode }), null],
});

export const MirrorPadGrad = defineOp<MirrorAttrs>({
  type: "MirrorPadGrad",
  doc: "The gradient of MirrorPad: each input cell sums the gradients of the padded cells that copy it.",
  inputs: [
    { name: "input", typeAttr: "T" },
    { name: "paddings", typeAttr: "Tpaddings" },
  ],
  typeAttrs: { T: TYPES.number, Tpaddings: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => mirrorShape(c, -1),
  kernel: ([g, paddingsT], k) => {
    const offset = offsetOf(k.attrs.mode);
    const p = checkedPaddings(g, paddingsT, offset, k.op.name, true);
    const inShape = g.shape.map((d, i) => d - p[2 * i] - p[2 * i + 1]);
    const { from } = mirrorMap(inShape, p, offset);
    const out = k.alloc(g.dtype, inShape);
    const o = out.data as Float64Array;
    o.fill(0);
    const gd = g.data as Float64Array;
    const isInt = g.dtype.isInteger;
    for (let i = 0; i < from.length; i++) o[from[i]] = isInt ? (o[from[i]] + gd[i]) | 0 : o[from[i]] + gd[i];
    return out;
  },
  gradient: (op, [g], b) => [b.gen("MirrorPad", [g, op.inputs[1]], { mode: op.attrs.mode }), null],
});
