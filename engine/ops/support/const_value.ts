/**
 * The value of a tensor known while the graph is built: what shape functions
 * (InferContext.constValue) and gradient shortcuts read. TF's shape refiner evaluates small
 * constant subgraphs; here a Const, and a Pack (axis 0) of constant values — how a Python list
 * of tensors like `tf.ones([tf.size(x), tf.size(y)])` becomes a shape.
 */
import type { Tensor } from "../../graph.js";
import { NDArray } from "../../ndarray.js";

/** Pack inputs beyond this many are not folded (TF's refiner also caps what it evaluates). */
const MAX_PACKED = 64;

/** The value of a tensor produced by a Const op, or a Pack along axis 0 of such values. */
export function constValueOf(t: Tensor): NDArray | null {
  if (t.op.type === "Const") return t.op.attrs.value as NDArray;
  if (t.op.type === "Pack" && t.op.attrs.axis === 0 && t.op.inputs.length <= MAX_PACKED) return packed(t);
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
  if (parts.some((p) => p.shape.length !== shape.length || p.shape.some((d, i) => d !== shape[i]))) return null;
  const n = parts[0].size;
  const dt = parts[0].dtype;
  const out = NDArray.zeros(dt, [parts.length, ...shape]);
  const data = out.data as unknown as unknown[];
  parts.forEach((p, j) => {
    for (let i = 0; i < n; i++) data[j * n + i] = (p.data as unknown as unknown[])[i];
  });
  return out;
}
