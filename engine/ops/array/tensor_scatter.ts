/**
 * TensorScatterUpdate, TensorScatterAdd, TensorScatterSub (tf.tensor_scatter_nd_update /
 * _add / _sub): a copy of `tensor` with the slices `indices` names replaced by, increased or
 * decreased by `updates`. Shape function: ScatterNdTensorShape (array_ops.cc); kernel errors:
 * scatter_nd_op.cc. Gradients: array_grad.py.
 */
import { DType } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, type OpDef } from "../../op.js";
import { TensorShape } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { shapeText } from "./gather_nd.js";
import { combineRows, scatterNdRows, type Combine } from "../support/scatter_rows.js";

type Attrs = { T: DType; Tindices: DType };

function tensorScatter(type: string, doc: string, combine: Combine, gradient: OpDef<Attrs>["gradient"]): OpDef<Attrs> {
  return defineOp<Attrs>({
    type,
    doc,
    inputs: [
      { name: "tensor", typeAttr: "T" },
      { name: "indices", typeAttr: "Tindices" },
      { name: "updates", typeAttr: "T" },
    ],
    typeAttrs: { T: TYPES.number, Tindices: TYPES.intIndex },
    effects: [],
    inferDtype: (c) => [c.dtypes[0]],
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
            f.fail(
              `The outer ${outer} dimensions of indices.shape=${shapeText(indices)} must match the outer ${outer} dimensions of updates.shape=${shapeText(updates)}`,
            );
          }
          if (!same(input.dims.slice(ix), updates.dims.slice(outer))) {
            f.fail(
              `The inner ${input.dims.length - ix} dimensions of input.shape=${shapeText(input)} must match the inner ${updates.dims.length - outer} dimensions of updates.shape=${shapeText(updates)}`,
            );
          }
        }
      }
      return [input.dims === null ? TensorShape.unknown() : input];
    },
    kernel: ([tensor, indices, updates], k) => {
      const shape = tensor.shape;
      if (indices.shape.length < 1) throw new InvalidArgumentError(`Indices shape must have rank at least one. Found:${dimsString(indices.shape)}`, k.op.name);
      const { offsets, sliceSize } = scatterNdRows(indices, updates, shape, k.op.name);
      const out = k.alloc(tensor.dtype, shape);
      (out.data as Float64Array).set(tensor.data as Float64Array);
      combineRows(out.data, tensor.dtype, updates, offsets, sliceSize, combine);
      return out;
    },
    gradient,
  });
}

export const TensorScatterUpdate = tensorScatter(
  "TensorScatterUpdate",
  "A copy of `tensor` with the slices at `indices` replaced by `updates` (the last write wins).",
  (_old, u) => u,
  (op, [g], b) => {
    const indices = op.inputs[1];
    const tensorGrad = b.tf.tensor_scatter_nd_update(b.tf.identity(g!), indices, b.tf.zeros_like(op.inputs[2], { dtype: g!.dtype }));
    return [tensorGrad, null, b.tf.gather_nd(g!, indices)];
  },
);

export const TensorScatterAdd = tensorScatter(
  "TensorScatterAdd",
  "A copy of `tensor` with `updates` added to the slices at `indices` (duplicates add up).",
  (old, u) => old + u,
  (op, [g], b) => [b.tf.identity(g!), null, b.tf.gather_nd(g!, op.inputs[1])],
);

export const TensorScatterSub = tensorScatter(
  "TensorScatterSub",
  "A copy of `tensor` with `updates` subtracted from the slices at `indices` (duplicates add up).",
  (old, u) => old - u,
  (op, [g], b) => [b.tf.identity(g!), null, b.py.neg(b.tf.gather_nd(g!, op.inputs[1]))],
);
