/**
 * The value of a tensor known while the graph is built: what shape functions
 * (InferContext.constValue) and gradient shortcuts read.
 */
import { bool, float64, int64, type DType } from "../../dtypes.js";
import type { Tensor } from "../../graph.js";
import { NDArray } from "../../ndarray.js";
import { castArray } from "../../numpy/array_math.js";

/**
 * The value of a tensor produced by a Const op, or by an exact widening Cast of one (TF's
 * `constant_value`, and the small constant subgraphs its shape inference evaluates): TF's
 * Python casts `tf.range`'s int32 start and delta to an int64 limit's dtype, and the range's
 * length is still known.
 */
export function constValueOf(t: Tensor): NDArray | null {
  const op = t.op;
  if (op.type === "Const") return op.attrs.value as NDArray;
  if (op.type === "Cast") {
    const src = constValueOf(op.inputs[0]);
    const dst = op.attrs.DstT as DType;
    if (src !== null && (src.dtype.isInteger || src.dtype === bool) && (dst === int64 || dst === float64)) return NDArray.of(castArray(src, dst));
  }
  return null;
}
