/**
 * The value of a Const op's output, known while the graph is built: what shape functions
 * (InferContext.constValue) and gradient shortcuts read.
 */
import type { Tensor } from "../../graph.js";
import type { NDArray } from "../../ndarray.js";

/** The value of a tensor produced by a Const op (TF's `constant_value`, simplest case). */
export function constValueOf(t: Tensor): NDArray | null {
  if (t.op.type === "Const") return t.op.attrs.value as NDArray;
  return null;
}
