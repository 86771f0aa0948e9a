/**
 * PreventGradient (an identity whose gradient is an error, used where TF cannot take a second
 * derivative) and ShapeN (the shapes of several tensors, used by concat's gradient).
 */
import { DType, int32 } from "../../dtypes.js";
import { defineOp } from "../../op.js";
import { TensorShape } from "../../shape.js";
import { LookupError } from "../../errors.js";
import { TYPES } from "../support/common.js";
import { allocOutput } from "../support/array_kernels.js";

export const PreventGradient = defineOp<{ T: DType; message: string }>({
  type: "PreventGradient",
  doc: "Passes `input` through; asking for its gradient raises `LookupError: Gradient explicitly disabled`.",
  inputs: [{ name: "input", typeAttr: "T" }],
  typeAttrs: { T: TYPES.any },
  effects: [],
  scalarPassThrough: { input: 0, sameBuffer: true },
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => [c.shapes[0]],
  kernel: ([x]) => x,
  // TF's _PreventGradientGrad raises while the gradient graph is built.
  gradient: (op) => {
    throw new LookupError(`Gradient explicitly disabled. Reason: ${op.attrs.message}`);
  },
});

export const ShapeN = defineOp<{ N: number; T: DType; out_type: DType }>({
  type: "ShapeN",
  doc: "The shapes of all `input` tensors, one 1-D int32 (or `out_type`) tensor each.",
  inputs: [{ name: "input", typeAttr: "T", list: true }],
  typeAttrs: { T: TYPES.any },
  effects: [],
  inferDtype: (c) => c.shapes.map(() => c.attrs.out_type ?? int32),
  inferShape: (c) => c.shapes.map((s) => new TensorShape([s.ndims])),
  kernel: (inputs, k) => {
    const outs = inputs.map((x, i) => {
      const out = allocOutput(k, i, k.attrs.out_type ?? int32, [x.shape.length]);
      (out.data as Int32Array | Float64Array).set(x.shape);
      return out;
    });
    // A single-output kernel returns its NDArray itself (op.ts).
    return outs.length === 1 ? outs[0] : outs;
  },
  gradient: null,
});
