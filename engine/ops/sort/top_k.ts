/**
 * TopKV2 (tf.nn.top_k, and tf.sort / tf.argsort, which TF 1.15 builds from it): the `k`
 * largest entries of each last-axis row, largest first (equal values: lower index first), and
 * their indices. Shape function: nn_ops.cc's TopKShapeFn; kernel errors: topk_op.cc; gradient:
 * nn_grad.py's _TopKGrad.
 */
import { DType, int32 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import { Dim, TensorShape } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { allocOutput } from "../support/array_kernels.js";

export const TopKV2 = defineOp<{ T: DType; sorted: boolean }>({
  type: "TopKV2",
  doc: "The `k` largest entries of each row along the last axis (largest first) and their indices.",
  inputs: [
    { name: "input", typeAttr: "T" },
    { name: "k", dtype: int32 },
  ],
  typeAttrs: { T: TYPES.real },
  effects: [],
  inferDtype: (c) => [c.dtypes[0], int32],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const input = f.withRankAtLeast(c.shapes[0], 1);
    f.withRank(c.shapes[1], 0);
    const kT = f.tensor(1);
    const k: Dim = kT === null ? null : Number(kT.data[0]);
    if (k !== null && k < 0) f.fail(`Need k >= 0, got ${k}`);
    if (input.dims === null) return [TensorShape.unknown(), TensorShape.unknown()];
    const last = input.dims[input.dims.length - 1];
    if (last !== null && k !== null && last < k) f.fail(`input must have last dimension >= k = ${k} but is ${last}`);
    const out = new TensorShape([...input.dims.slice(0, -1), k]);
    return [out, out];
  },
  kernel: ([x, kT], k) => {
    if (kT.shape.length !== 0) throw new InvalidArgumentError(`k must be scalar, got shape ${dimsString(kT.shape)}`, k.op.name);
    const kk = Number(kT.data[0]);
    if (kk < 0) throw new InvalidArgumentError(`Need k >= 0, got ${kk}`, k.op.name);
    if (x.shape.length < 1) throw new InvalidArgumentError(`input must be >= 1-D, got shape ${dimsString(x.shape)}`, k.op.name);
    const cols = x.shape[x.shape.length - 1];
    if (cols < kk) throw new InvalidArgumentError(`input must have at least k columns. Had ${cols}, needed ${kk}`, k.op.name);
    const outShape = [...x.shape.slice(0, -1), kk];
    const values = allocOutput(k, 0, x.dtype, outShape);
    const indices = allocOutput(k, 1, int32, outShape);
    const src = x.data as Float64Array;
    const vd = values.data as Float64Array;
    const id = indices.data as Int32Array;
    const rows = cols === 0 ? 0 : x.size / cols;
    const order = new Array<number>(cols);
    for (let r = 0; r < rows; r++) {
      const base = r * cols;
      for (let j = 0; j < cols; j++) order[j] = j;
      // Largest first; ties keep the lower index first (TF's stable order).
      order.sort((a, b) => {
        const va = src[base + a];
        const vb = src[base + b];
        return va > vb ? -1 : va < vb ? 1 : a - b;
      });
      for (let j = 0; j < kk; j++) {
        vd[r * kk + j] = src[base + order[j]];
        id[r * kk + j] = order[j];
      }
    }
    return [values, indices];
  },
  // TF's _TopKGrad: scatter the values' gradient to the flat positions the indices name.
  gradient: (op, [g], b) => {
    const tf = b.tf;
    const py = b.py;
    const [input] = op.inputs;
    const idx = op.outputs[1];
    const inShape = tf.shape(input);
    const indShape = tf.shape(idx);
    const wide = int32; // TF casts to int64 ("int32 is not supported on GPU"); the values agree.
    const indLastdim = tf.gather(tf.cast(indShape, wide), py.sub(tf.size(indShape), 1));
    const ind2d = tf.reshape(idx, tf.stack([-1, indLastdim]));
    const inLastdim = tf.gather(tf.cast(inShape, wide), py.sub(tf.size(inShape), 1));
    const outerdim = b.slice(tf.shape(ind2d), 0);
    const offsets = tf.cast(tf.expand_dims(tf.range(0, py.mul(tf.cast(outerdim, wide), inLastdim), inLastdim), -1), int32);
    const ind = tf.reshape(py.add(ind2d, offsets), [-1]);
    const scattered = tf.scatter_nd(tf.expand_dims(ind, -1), tf.reshape(g!, [-1]), [tf.reduce_prod(inShape)]);
    return [tf.reshape(scattered, inShape), tf.zeros([], { dtype: int32 })];
  },
});
