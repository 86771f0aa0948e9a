/**
 * AccumulateNV2 (tf.math.accumulate_n): AddN's sum under the op TF 1.15 builds in graph mode,
 * which carries the result's static `shape` as an attr (TF rewrites it to temporary variables
 * at run time; the sum is the same). Gradient: `_AddNGrad`, the gradient to every input.
 */
import { DType } from "../../dtypes.js";
import { defineOp } from "../../op.js";
import { TensorShape } from "../../shape.js";
import { dtypeOfT } from "../support/common.js";
import { MATH_TYPES } from "../support/math_types.js";
import { ShapeFn } from "../support/array_infer.js";
import { AddN } from "./addn.js";

export const AccumulateNV2 = defineOp<{ T: DType; N: number; shape: TensorShape }>({
  type: "AccumulateNV2",
  doc: "The elementwise sum of all `inputs` (same shape), as tf.math.accumulate_n builds it.",
  inputs: [{ name: "inputs", typeAttr: "T", list: true }],
  typeAttrs: { T: MATH_TYPES.numbertypeVariant },
  effects: [],
  inferDtype: dtypeOfT,
  inferShape: (c) => {
    const f = new ShapeFn(c);
    let cur = c.attrs.shape ?? TensorShape.unknown();
    for (let i = c.shapes.length - 1; i >= 0; i--) cur = f.merge(c.shapes[i], cur, `From merging shape ${i} with other shapes.`);
    return [cur];
  },
  kernel: (inputs, k) => AddN.kernel(inputs, k as unknown as Parameters<typeof AddN.kernel>[1]),
  gradient: (op, [g]) => op.inputs.map(() => g),
});
