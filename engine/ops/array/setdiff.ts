/**
 * ListDiff (tf.setdiff1d): the values of `x` not in `y`, with their positions in `x`. TF's
 * reduction gradients use it (e.g. Prod's, to find the axes that were not reduced).
 * Kernel errors: listdiff_op.cc. TF registers no gradient for it.
 */
import { DType, int32 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, NO_GRADIENT } from "../../op.js";
import { TensorShape } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn } from "../support/array_infer.js";
import { allocOutput } from "../support/array_kernels.js";

export const ListDiff = defineOp<{ T: DType; out_idx: DType }>({
  type: "ListDiff",
  doc: "The elements of 1-D `x` that are not in `y` (in order), and their indices in `x`.",
  inputs: [
    { name: "x", typeAttr: "T" },
    { name: "y", typeAttr: "T" },
  ],
  typeAttrs: { T: TYPES.any },
  effects: [],
  inferDtype: (c) => [c.dtypes[0], c.attrs.out_idx ?? int32],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    f.withRank(c.shapes[0], 1);
    f.withRank(c.shapes[1], 1);
    const out = new TensorShape([null]);
    return [out, out];
  },
  kernel: ([x, y], k) => {
    if (x.shape.length !== 1) throw new InvalidArgumentError("x should be a 1D vector.", k.op.name);
    if (y.shape.length !== 1) throw new InvalidArgumentError("y should be a 1D vector.", k.op.name);
    const ys = new Set<unknown>(Array.from(y.data as ArrayLike<unknown>));
    const keep: number[] = [];
    for (let i = 0; i < x.size; i++) if (!ys.has(x.data[i])) keep.push(i);
    const out = allocOutput(k, 0, x.dtype, [keep.length]);
    const idx = allocOutput(k, 1, k.attrs.out_idx ?? int32, [keep.length]);
    const od = out.data as unknown as unknown[];
    const id = idx.data as Int32Array | Float64Array;
    keep.forEach((i, j) => {
      od[j] = x.data[i];
      id[j] = i;
    });
    return [out, idx];
  },
  gradient: NO_GRADIENT,
});
