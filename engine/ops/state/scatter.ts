/**
 * Sparse writes into ref variables: ScatterUpdate / ScatterAdd / ScatterSub / ScatterMul /
 * ScatterDiv / ScatterMin / ScatterMax (rows named by `indices`: tf.scatter_update, ...) and ScatterNdUpdate / ScatterNdAdd /
 * ScatterNdSub (slices named by index tuples: tf.scatter_nd_update, ...). Each changes the
 * variable in place (a recorded side effect) and outputs it. Shape functions: state_ops.cc;
 * kernel errors: scatter_op.cc, scatter_nd_op.cc. NotDifferentiable (state_grad.py).
 */
import { DType } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, type KernelContext, type OpDef } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import { TensorShape, sizeOf } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { intsOf } from "../support/array_kernels.js";
import { shapeText } from "../array/gather_nd.js";
import { combineRows, scatterNdRows, type Combine } from "../support/scatter_rows.js";
import { refOfT, uninitialized } from "./variables.js";

type Attrs = { T: DType; Tindices: DType; use_locking: boolean };

/** Applies `combine` to the rows (or slices) at `offsets` of the variable, recording the write. */
function writeRows(k: KernelContext<Attrs>, updates: NDArray, offsets: ArrayLike<number>, sliceSize: number, combine: Combine, scalarUpdate: boolean): NDArray {
  const cell = k.cell(0);
  const old = cell.value!;
  const before = k.recording ? k.summarize(old) : undefined;
  combineRows(old.data, old.dtype, updates, offsets, sliceSize, combine, scalarUpdate);
  if (k.recording) k.effect("assign", cell.name, before, k.summarize(old));
  return old;
}

function scatterOp(type: string, doc: string, combine: Combine, types: typeof TYPES.any): OpDef<Attrs> {
  return defineOp<Attrs>({
    type,
    doc,
    inputs: [
      { name: "ref", typeAttr: "T", ref: true },
      { name: "indices", typeAttr: "Tindices" },
      { name: "updates", typeAttr: "T" },
    ],
    typeAttrs: { T: types, Tindices: TYPES.intIndex },
    effects: ["writes-variable"],
    inferDtype: refOfT,
    inferShape: (c) => {
      const f = new ShapeFn(c);
      const ref = c.shapes[0];
      const indices = c.shapes[1];
      const updates = c.shapes[2];
      if (ref.dims !== null && indices.dims !== null && updates.dims !== null && updates.dims.length !== 0) {
        const want = new TensorShape([...indices.dims, ...ref.dims.slice(1)]);
        f.merge(updates, want);
      }
      return [ref];
    },
    kernel: ([, indices, updates], k) => {
      const cell = k.cell(0);
      const old = cell.value;
      if (old === null) throw uninitialized(cell, k.op.name);
      if (old.shape.length < 1) throw new InvalidArgumentError("Parameter must be at least 1-D", k.op.name);
      const scalar = updates.shape.length === 0;
      const want = [...indices.shape, ...old.shape.slice(1)];
      if (!scalar && (updates.shape.length !== want.length || updates.shape.some((d, i) => d !== want[i]))) {
        throw new InvalidArgumentError(
          `Must have updates.shape = indices.shape + params.shape[1:] or updates.shape = [], got updates.shape ${dimsString(updates.shape)}, indices.shape ${dimsString(indices.shape)}, params.shape ${dimsString(old.shape)}`,
          k.op.name,
        );
      }
      const ids = intsOf(indices);
      const n = old.shape[0];
      for (let i = 0; i < ids.length; i++) {
        if (!(ids[i] >= 0 && ids[i] < n)) throw new InvalidArgumentError(`indices[${i}] = ${ids[i]} is not in [0, ${n})`, k.op.name);
      }
      return writeRows(k, updates, ids, sizeOf(old.shape.slice(1)), combine, scalar);
    },
    gradient: null,
  });
}

function scatterNdOp(type: string, doc: string, combine: Combine, types: typeof TYPES.any): OpDef<Attrs> {
  return defineOp<Attrs>({
    type,
    doc,
    inputs: [
      { name: "ref", typeAttr: "T", ref: true },
      { name: "indices", typeAttr: "Tindices" },
      { name: "updates", typeAttr: "T" },
    ],
    typeAttrs: { T: types, Tindices: TYPES.intIndex },
    effects: ["writes-variable"],
    inferDtype: refOfT,
    inferShape: (c) => {
      const f = new ShapeFn(c);
      const input = c.shapes[0];
      const indices = f.withRankAtLeast(c.shapes[1], 1);
      const updates = f.withRankAtLeast(c.shapes[2], 1);
      if (input.dims !== null && indices.dims !== null && updates.dims !== null) {
        const outer = indices.dims.length - 1;
        const ix = indices.dims[outer];
        if (ix !== null) {
          const same = (a: readonly (number | null)[], b: readonly (number | null)[]) =>
            a.length === b.length && a.every((d, i) => d === null || b[i] === null || d === b[i]);
          if (!same(indices.dims.slice(0, outer), updates.dims.slice(0, outer))) {
            f.fail(`The outer ${outer} dimensions of indices.shape=${shapeText(indices)} must match the outer ${outer} dimensions of updates.shape=${shapeText(updates)}`);
          }
          if (!same(input.dims.slice(ix), updates.dims.slice(outer))) {
            f.fail(`The inner ${input.dims.length - ix} dimensions of input.shape=${shapeText(input)} must match the inner ${updates.dims.length - outer} dimensions of updates.shape=${shapeText(updates)}`);
          }
        }
      }
      return [input];
    },
    kernel: ([, indices, updates], k) => {
      const cell = k.cell(0);
      const old = cell.value;
      if (old === null) throw uninitialized(cell, k.op.name);
      const shape = old.shape;
      const { offsets, sliceSize } = scatterNdRows(indices, updates, shape, k.op.name);
      return writeRows(k, updates, offsets, sliceSize, combine, false);
    },
    gradient: null,
  });
}

const replace: Combine = (_o, u) => u;
const add: Combine = (o, u) => o + u;
const sub: Combine = (o, u) => o - u;

export const ScatterUpdate = scatterOp("ScatterUpdate", "Writes `updates` into the rows `indices` of the variable `ref` (a side effect).", replace, TYPES.any);
export const ScatterAdd = scatterOp("ScatterAdd", "Adds `updates` to the rows `indices` of the variable `ref` (duplicates add up).", add, TYPES.number);
export const ScatterSub = scatterOp("ScatterSub", "Subtracts `updates` from the rows `indices` of the variable `ref` (duplicates add up).", sub, TYPES.number);
export const ScatterMul = scatterOp("ScatterMul", "Multiplies the rows `indices` of the variable `ref` by `updates`.", (o, u) => o * u, TYPES.number);
export const ScatterDiv = scatterOp("ScatterDiv", "Divides the rows `indices` of the variable `ref` by `updates` (integers truncate).", (o, u) => o / u, TYPES.number);
export const ScatterMin = scatterOp("ScatterMin", "Keeps the smaller of each element of rows `indices` of `ref` and `updates`.", Math.min, TYPES.real);
export const ScatterMax = scatterOp("ScatterMax", "Keeps the larger of each element of rows `indices` of `ref` and `updates`.", Math.max, TYPES.real);
export const ScatterNdUpdate = scatterNdOp("ScatterNdUpdate", "Writes `updates` into the slices of the variable `ref` that `indices` names.", replace, TYPES.any);
export const ScatterNdAdd = scatterNdOp("ScatterNdAdd", "Adds `updates` to the slices of the variable `ref` that `indices` names.", add, TYPES.number);
export const ScatterNdSub = scatterNdOp("ScatterNdSub", "Subtracts `updates` from the slices of the variable `ref` that `indices` names.", sub, TYPES.number);
