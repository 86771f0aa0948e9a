/**
 * AddN: the elementwise sum of a list of same-shaped tensors (no broadcasting), added left to
 * right as TF's Add2..Add9 kernels do. `tf.gradients` uses it to sum gradients
 * (`gradients/AddN`). Gradient: TF's `_AddNGrad`, the gradient copied to every input.
 */
import { DType, float32, int32 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import { sameShape } from "../../shape.js";
import { dtypeOfT } from "../support/common.js";
import { MATH_TYPES } from "../support/math_types.js";
import { ShapeFn } from "../support/array_infer.js";

type Num = Float32Array | Float64Array | Int32Array;

export const AddN = defineOp<{ T: DType; N: number }>({
  type: "AddN",
  doc: "The elementwise sum of all `inputs`, which must have the same shape.",
  inputs: [{ name: "inputs", typeAttr: "T", list: true }],
  typeAttrs: { T: MATH_TYPES.numbertypeVariant },
  effects: [],
  inferDtype: dtypeOfT,
  inferShape: (c) => {
    const f = new ShapeFn(c);
    let cur = c.shapes[c.shapes.length - 1];
    for (let i = c.shapes.length - 2; i >= 0; i--) cur = f.merge(c.shapes[i], cur, `From merging shape ${i} with other shapes.`);
    return [cur];
  },
  kernel: (inputs, k) => {
    const first = inputs[0];
    for (let i = 1; i < inputs.length; i++) {
      if (!sameShape(first.shape, inputs[i].shape)) {
        throw new InvalidArgumentError(
          `Inputs to operation ${k.op.name} of type AddN must have the same size and shape.  Input 0: [${first.shape.join(",")}] != input ${i}: [${inputs[i].shape.join(",")}]`,
          k.op.name,
        );
      }
    }
    if (inputs.length === 1) return first;
    const out = k.alloc(first.dtype, first.shape);
    const od = out.data as Num;
    const n = od.length;
    const a = first.data as Num;
    const isInt = first.dtype === int32;
    const f32 = first.dtype === float32;
    for (let j = 0; j < n; j++) {
      let acc = a[j];
      for (let i = 1; i < inputs.length; i++) {
        const v = (inputs[i].data as Num)[j];
        acc = isInt ? (acc + v) | 0 : f32 ? Math.fround(acc + v) : acc + v;
      }
      od[j] = acc;
    }
    return out;
  },
  gradient: (op, [g], b) => op.inputs.map(() => g),
});
