/**
 * The value of a tensor known while the graph is built: what shape functions
 * (InferContext.constValue) and gradient shortcuts read. TF's shape refiner evaluates small
 * constant subgraphs; here a Const, an exact widening Cast of a constant, and a Pack (axis 0)
 * of constants — how a Python list of tensors like `tf.ones([tf.size(x), tf.size(y)])` becomes
 * a shape.
 */
import { bool, float64, int64, type DType } from "../../dtypes.js";
import type { Tensor } from "../../graph.js";
import { NDArray } from "../../ndarray.js";
import { castArray } from "../../numpy/array_math.js";

/** Pack inputs beyond this many are not folded (TF's refiner also caps what it evaluates). */
const MAX_PACKED = 64;

/**
 * The value of a tensor produced by a Const op, by an exact widening Cast of one (TF's
 * `constant_value`, and the small constant subgraphs its shape inference evaluates): TF's
 * Python casts `tf.range`'s int32 start and delta to an int64 limit's dtype, and the range's
 * length is still known), or by a Pack along axis 0 of such values.
 */
export function constValueOf(t: Tensor): NDArray | null {
  const op = t.op;
  if (op.type === "Const") return op.attrs.value as NDArray;
  if (op.type === "Cast") {
    const src = constValueOf(op.inputs[0]);
    const dst = op.attrs.DstT as DType;
    if (src !== null && (src.dtype.isInteger || src.dtype === bool) && (dst === int64 || dst === float64)) return NDArray.of(castArray(src, dst));
  }
  if (op.type === "Pack" && op.attrs.axis === 0 && op.inputs.length <= MAX_PACKED) return packed(t);
  return null;
}

function packed(t: Tensor): NDArray | null {
  const parts: NDArray[] = [];
  for (const input of t.op.inputs) {
    const v = constValueOf(input);
    if (v === null) return null;
    parts.push(v);
  }
  if (parts.length === 0) return null;
  const shape = parts[0].shape;
  if (parts.some((p) => p.dtype !== parts[0].dtype || p.shape.length !== shape.length || p.shape.some((d, i) => d !== shape[i]))) return null;
  const n = parts[0].size;
  const out = NDArray.zeros(parts[0].dtype, [parts.length, ...shape]);
  const data = out.data as unknown as unknown[];
  parts.forEach((p, j) => {
    for (let i = 0; i < n; i++) data[j * n + i] = (p.data as unknown as unknown[])[i];
  });
  return out;
}
