/**
 * Choosing by a condition: Select (tf.where with x and y) and Where (tf.where with only a
 * condition: the coordinates of true elements). Shape functions: math_ops.cc / array_ops.cc;
 * kernel errors: cwise_op_select.cc, where_op.cc.
 */
import { DType, bool as boolDType, float32, float64, int32, int64 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import type { TypeAttrSpec } from "../../op.js";
import { TensorShape } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";


type Buf = { [i: number]: unknown };

export const Select = defineOp<{ T: DType }>({
  type: "Select",
  doc: "Elements of `t` where `condition` is true, of `e` elsewhere (a vector condition picks rows).",
  inputs: [
    { name: "condition", dtype: boolDType },
    { name: "t", typeAttr: "T" },
    { name: "e", typeAttr: "T" },
  ],
  typeAttrs: { T: TYPES.any },
  effects: [],
  inferDtype: (c) => [c.dtypes[1]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    let data = f.merge(c.shapes[1], c.shapes[2]);
    const cond = c.shapes[0];
    if (cond.dims === null || data.dims === null) return [data];
    const condRank = cond.dims.length;
    const dataRank = data.dims.length;
    if (condRank === 0) return [data];
    if (condRank !== 1 || dataRank === 0) {
      data = f.merge(data, cond);
      return [data];
    }
    f.merge(cond, new TensorShape([data.dims[0]]));
    return [data];
  },
  kernel: ([cond, t, e], k) => {
    const sameSize = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);
    const out = k.alloc(t.dtype, t.shape);
    const c = cond.data as Uint8Array;
    const td = t.data as Buf;
    const ed = e.data as Buf;
    const od = out.data as Buf;
    if (cond.shape.length === 0) {
      if (!sameSize(t.shape, e.shape)) {
        throw new InvalidArgumentError(`'then' and 'else' must have the same size.  but received: ${dimsString(t.shape)} vs. ${dimsString(e.shape)}`, k.op.name);
      }
      const src = c[0] ? td : ed;
      for (let i = 0; i < out.size; i++) od[i] = src[i];
      return out;
    }
    if (cond.shape.length === 1 && t.shape.length !== 1) {
      if (t.shape.length === 0) throw new InvalidArgumentError(`'then' must be at least a vector, but saw shape: ${dimsString(t.shape)}`, k.op.name);
      if (t.shape[0] !== cond.size) {
        throw new InvalidArgumentError(`Number of batches of 'then' must match size of 'cond', but saw: ${t.shape[0]} vs. ${cond.size}`, k.op.name);
      }
      if (!sameSize(t.shape, e.shape)) {
        throw new InvalidArgumentError(`'then' and 'else' must have the same size.  but received: ${dimsString(t.shape)} vs. ${dimsString(e.shape)}`, k.op.name);
      }
      const row = t.size / Math.max(1, t.shape[0]);
      for (let r = 0; r < cond.size; r++) {
        const src = c[r] ? td : ed;
        for (let j = r * row, end = j + row; j < end; j++) od[j] = src[j];
      }
      return out;
    }
    const inputs = [cond, t, e];
    for (let i = 1; i < 3; i++) {
      if (!sameSize(cond.shape, inputs[i].shape)) {
        throw new InvalidArgumentError(
          `Inputs to operation ${k.op.name} of type Select must have the same size and shape.  Input 0: ${dimsString(cond.shape)} != input ${i}: ${dimsString(inputs[i].shape)}`,
          k.op.name,
        );
      }
    }
    for (let i = 0; i < out.size; i++) od[i] = c[i] ? td[i] : ed[i];
    return out;
  },
  // TF's _SelectGrad: the gradient goes to whichever input was chosen.
  gradient: (op, [g], b) => {
    const tf = b.tf;
    const [c, x] = op.inputs;
    const zeros = tf.zeros_like(x);
    return [null, tf.where(c, g!, zeros), tf.where(c, zeros, g!)];
  },
});

/** Where's input types: TF's `{numbertype, bool}`. */
const WHERE_TYPES: TypeAttrSpec = {
  allowed: [boolDType, float32, float64, int32, int64],
  tfList: "float32, float64, int32, uint8, int16, int8, complex64, int64, qint8, quint8, qint32, bfloat16, uint16, complex128, float16, uint32, uint64, bool",
};

export const Where = defineOp<{ T: DType }>({
  type: "Where",
  doc: "The coordinates of the true (non-zero) elements of `input`, one row per element, as int64.",
  inputs: [{ name: "input", typeAttr: "T" }],
  typeAttrs: { T: WHERE_TYPES },
  effects: [],
  inferDtype: () => [int64],
  inferShape: (c) => [new TensorShape([null, c.shapes[0].ndims])],
  kernel: ([x], k) => {
    const d = x.data as Float32Array;
    let count = 0;
    for (let i = 0; i < d.length; i++) if (d[i] !== 0) count++;
    const r = x.shape.length;
    const out = k.alloc(int64, [count, r]);
    const o = out.data as Float64Array;
    let row = 0;
    for (let i = 0; i < d.length; i++) {
      if (d[i] === 0) continue;
      let rest = i;
      for (let j = r - 1; j >= 0; j--) {
        o[row * r + j] = rest % x.shape[j];
        rest = Math.floor(rest / x.shape[j]);
      }
      row++;
    }
    return out;
  },
  gradient: null,
});
