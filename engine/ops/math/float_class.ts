/**
 * IsNan, IsInf, IsFinite (tf.math.is_nan, is_inf, is_finite): a boolean per element. Shape
 * function: unchanged (math_ops.cc). NotDifferentiable, as math_grad.py registers them.
 */
import { DType, bool } from "../../dtypes.js";
import { defineOp, type OpDef } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import { sameShapeAsInput0 } from "../support/common.js";
import { TYPES } from "../support/common.js";

function classOp(type: string, doc: string, test: (x: number) => boolean): OpDef<{ T: DType }> {
  return defineOp<{ T: DType }>({
    type,
    doc,
    inputs: [{ name: "x", typeAttr: "T" }],
    typeAttrs: { T: TYPES.float },
    effects: [],
    inferDtype: () => [bool],
    inferShape: sameShapeAsInput0,
    kernel: ([x], k): NDArray => {
      const out = k.alloc(bool, x.shape);
      const o = out.data as Uint8Array;
      const d = x.data as Float32Array | Float64Array;
      for (let i = 0; i < d.length; i++) o[i] = test(d[i]) ? 1 : 0;
      return out;
    },
    gradient: null,
  });
}

export const IsNan = classOp("IsNan", "Whether each element is NaN.", Number.isNaN);
export const IsInf = classOp("IsInf", "Whether each element is +inf or -inf.", (x) => x === Infinity || x === -Infinity);
export const IsFinite = classOp("IsFinite", "Whether each element is finite (not NaN, not ±inf).", Number.isFinite);
