/**
 * LinSpace (tf.linspace / tf.lin_space): `num` evenly spaced values from `start` to `stop`,
 * both included. Shape function and kernel errors: math_ops.cc, sequence_ops.cc.
 * NotDifferentiable, as TF registers it (math_grad.py).
 */
import { DType, float32, float64, int32, int64 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import { TensorShape } from "../../shape.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { vectorShape } from "../support/kernel_util.js";

export const LinSpace = defineOp<{ T: DType; Tidx: DType }>({
  type: "LinSpace",
  doc: "`num` evenly spaced values from `start` to `stop`, both included.",
  inputs: [
    { name: "start", typeAttr: "T" },
    { name: "stop", typeAttr: "T" },
    { name: "num", typeAttr: "Tidx" },
  ],
  typeAttrs: {
    T: { allowed: [float32, float64], tfList: "bfloat16, float32, float64" },
    Tidx: { allowed: [int32, int64], tfList: "int32, int64" },
  },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    ["start", "stop", "num"].forEach((what, i) => {
      const s = c.shapes[i];
      if (s.dims !== null && s.dims.length !== 0) f.fail(`Shape must be rank 0 but is rank ${s.dims.length}\n\t for '${what}'`);
    });
    const numT = f.tensor(2);
    if (numT === null) return [new TensorShape([null])];
    const num = Number(numT.data[0]);
    if (num <= 0) f.fail(`Requires num > 0: ${num}`);
    return [new TensorShape([num])];
  },
  kernel: ([startT, stopT, numT], k) => {
    for (const [t, what] of [
      [startT, "start"],
      [stopT, "stop"],
      [numT, "num"],
    ] as const) {
      if (t.shape.length !== 0) throw new InvalidArgumentError(`${what} must be a scalar, not shape ${dimsString(t.shape)}`, k.op.name);
    }
    const num = Number(numT.data[0]);
    if (!(num > 0)) throw new InvalidArgumentError(`Requires num > 0: ${num}`, k.op.name);
    const out = k.alloc(startT.dtype, vectorShape(num));
    const o = out.data as Float32Array | Float64Array;
    const start = Number(startT.data[0]);
    const stop = Number(stopT.data[0]);
    // In the element type, as TF's kernel computes: step = (stop - start) / (num - 1).
    const r = startT.dtype === float32 ? Math.fround : (x: number) => x;
    if (num === 1) {
      o[0] = start;
    } else {
      const step = r(r(stop - start) / (num - 1));
      for (let i = 0; i < num - 1; i++) o[i] = r(start + r(step * i));
      o[num - 1] = stop;
    }
    return out;
  },
  gradient: null,
});
