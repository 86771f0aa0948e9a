/**
 * TF's `shape_inference::ReductionShape` (common_shape_fns.cc), shared by Sum, Mean, Prod, Max,
 * Min, All and Any: with constant axes and a known input rank the output shape is exact,
 * otherwise only the rank is known (with keep_dims) or nothing.
 */
import type { InferContext } from "../../op.js";
import { Dim, TensorShape } from "../../shape.js";
import { ShapeFn } from "./array_infer.js";

/** Output shape of a reduction op `(input, reduction_indices)` with attr `keep_dims`. */
export function reductionShape(c: InferContext<{ keep_dims: boolean }>): TensorShape[] {
  const s = new ShapeFn(c);
  const input = c.shapes[0];
  s.withRankAtMost(c.shapes[1], 1);
  const keepDims = c.attrs.keep_dims;
  const axes = s.ints(1);
  if (axes === null || input.dims === null) {
    if (keepDims && input.dims !== null) return [new TensorShape(new Array<Dim>(input.dims.length).fill(null))];
    return [TensorShape.unknown()];
  }
  const rank = input.dims.length;
  const reduced = new Set<number>();
  for (const a of axes) {
    if (a < -rank || a >= rank) s.fail(`Invalid reduction dimension ${a} for input with ${rank} dimensions.`);
    reduced.add(a < 0 ? a + rank : a);
  }
  const dims: Dim[] = [];
  input.dims.forEach((d, i) => {
    if (!reduced.has(i)) dims.push(d);
    else if (keepDims) dims.push(1);
  });
  return [new TensorShape(dims)];
}
