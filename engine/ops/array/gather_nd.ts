/**
 * Indexing by index tuples: GatherNd (tf.gather_nd) reads the slices `params[index]` an
 * innermost index vector names; ScatterNd (tf.scatter_nd) writes (sums) `updates` into a
 * zero tensor at such indices. Each is the other's gradient (array_grad.py). Shape functions
 * and kernel errors: array_ops.cc / common_shape_fns.cc, gather_nd_op.cc, scatter_nd_op.cc.
 */
import { DType } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import { Dim, TensorShape, sizeOf } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { intsOf } from "../support/array_kernels.js";
import { combineRows, scatterNdRows, tupleDebugString, tupleOffsets } from "../support/scatter_rows.js";

/** `[?,2]` as TF's `InferenceContext::DebugString` prints a static shape. */
export function shapeText(s: TensorShape): string {
  return s.dims === null ? "?" : `[${s.dims.map((d) => (d === null ? "?" : d)).join(",")}]`;
}

export const GatherNd = defineOp<{ Tparams: DType; Tindices: DType }>({
  type: "GatherNd",
  doc: "Gathers the slices `params[index]` named by the innermost vectors of `indices`.",
  inputs: [
    { name: "params", typeAttr: "Tparams" },
    { name: "indices", typeAttr: "Tindices" },
  ],
  typeAttrs: { Tparams: TYPES.any, Tindices: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const params = c.shapes[0];
    const indices = f.withRankAtLeast(c.shapes[1], 1);
    if (params.dims === null || indices.dims === null) return [TensorShape.unknown()];
    const r = indices.dims[indices.dims.length - 1];
    if (r === null) return [TensorShape.unknown()];
    if (r > params.dims.length) {
      f.fail(`indices.shape[-1] must be <= params.rank, but saw indices shape: ${shapeText(indices)} and params shape: ${shapeText(params)}`);
    }
    return [new TensorShape([...indices.dims.slice(0, -1), ...params.dims.slice(r)])];
  },
  kernel: ([params, indices], k) => {
    if (params.shape.length < 1) throw new InvalidArgumentError("params must be at least a vector", k.op.name);
    if (indices.shape.length < 1) throw new InvalidArgumentError("indices must be at least a vector", k.op.name);
    const nd = indices.shape[indices.shape.length - 1];
    if (nd > params.shape.length) {
      throw new InvalidArgumentError(`index innermost dimension length must be <= params rank; saw: ${nd} vs. ${params.shape.length}`, k.op.name);
    }
    const outer = indices.shape.slice(0, -1);
    const { offsets, bad } = tupleOffsets(indices, params.shape);
    if (bad >= 0) {
      const tuple = intsOf(indices).slice(bad * nd, bad * nd + nd);
      throw new InvalidArgumentError(
        `indices${tupleDebugString(outer, bad)} = [${tuple.join(", ")}] does not index into param shape ${dimsString(params.shape)}`,
        k.op.name,
      );
    }
    const inner = params.shape.slice(nd);
    const sliceSize = sizeOf(inner);
    const out = k.alloc(params.dtype, [...outer, ...inner]);
    const src = params.data as unknown as unknown[];
    const dst = out.data as unknown as unknown[];
    for (let i = 0; i < offsets.length; i++) {
      const from = offsets[i] * sliceSize;
      for (let j = 0; j < sliceSize; j++) dst[i * sliceSize + j] = src[from + j];
    }
    return out;
  },
  // TF's _GatherNdGrad: scatter the gradient back (TF gives IndexedSlices when the indices
  // are [n, 1]; the playground has no IndexedSlices, so it builds the dense ScatterNd).
  gradient: (op, [g], b) => {
    const [ref, indices] = op.inputs;
    const refShape = b.tf.shape(ref, { out_type: indices.dtype.base_dtype });
    return [b.tf.scatter_nd(indices, g!, refShape), null];
  },
});

export const ScatterNd = defineOp<{ T: DType; Tindices: DType }>({
  type: "ScatterNd",
  doc: "A zero tensor of `shape` with `updates` summed in at the positions `indices` names.",
  inputs: [
    { name: "indices", typeAttr: "Tindices" },
    { name: "updates", typeAttr: "T" },
    { name: "shape", typeAttr: "Tindices" },
  ],
  typeAttrs: { T: TYPES.number, Tindices: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[1]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const indices = f.withRankAtLeast(c.shapes[0], 1);
    const updates = f.withRankAtLeast(c.shapes[1], 1);
    const output = f.shapeFromTensor(2);
    const n = output.num_elements();
    if (n === 0 && ((indices.num_elements() ?? 0) > 0 || (updates.num_elements() ?? 0) > 0)) {
      f.fail("Indices and updates specified for empty output shape");
    }
    if (indices.dims !== null && updates.dims !== null) {
      const outerDims = indices.dims.length - 1;
      const ix = indices.dims[outerDims];
      if (ix !== null) {
        const mergeOrFail = (a: readonly Dim[], b: readonly Dim[], what: () => string) => {
          const bad = a.length !== b.length ? `Shapes must be equal rank, but are ${a.length} and ${b.length}` : null;
          const dimBad = bad ?? a.map((d, i) => (d !== null && b[i] !== null && d !== b[i] ? `Dimension ${i} in both shapes must be equal, but are ${d} and ${b[i]}. Shapes are [${a.map((x) => x ?? "?").join(",")}] and [${b.map((x) => x ?? "?").join(",")}].` : null)).find((m) => m !== null);
          if (dimBad) f.fail(`${what()}: ${dimBad}`);
        };
        mergeOrFail(
          indices.dims.slice(0, outerDims),
          updates.dims.slice(0, outerDims),
          () => `The outer ${outerDims} dimensions of indices.shape=${shapeText(indices)} must match the outer ${outerDims} dimensions of updates.shape=${shapeText(updates)}`,
        );
        if (output.dims !== null) {
          mergeOrFail(
            output.dims.slice(ix),
            updates.dims.slice(outerDims),
            () =>
              `The inner ${output.dims!.length - ix} dimensions of output.shape=${shapeText(output)} must match the inner ${updates.dims!.length - outerDims} dimensions of updates.shape=${shapeText(updates)}`,
          );
        }
      }
    }
    return [output];
  },
  kernel: ([indices, updates, shapeT], k) => {
    const shape = intsOf(shapeT);
    if (shapeT.shape.length !== 1) throw new InvalidArgumentError(`Shape must be a vector, got ${dimsString(shapeT.shape)}`, k.op.name);
    if (indices.shape.length < 1) throw new InvalidArgumentError(`Indices shape must have rank at least one. Found:${dimsString(indices.shape)}`, k.op.name);
    if (updates.shape.length < 1) throw new InvalidArgumentError(`Updates shape must have rank at least one. Found:${dimsString(updates.shape)}`, k.op.name);
    const { offsets, sliceSize } = scatterNdRows(indices, updates, shape, k.op.name);
    const out = k.alloc(updates.dtype, shape);
    out.data.fill(0 as never);
    combineRows(out.data, updates.dtype, updates, offsets, sliceSize, (o, u) => o + u);
    return out;
  },
  // TF's _ScatterNdGrad: each update's gradient is the output gradient at its position.
  gradient: (op, [g], b) => [null, b.tf.gather_nd(g!, op.inputs[0]), null],
});
