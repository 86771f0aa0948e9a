/**
 * Pieces shared by op declarations: TF's admitted-dtype lists and common shape functions.
 */
import { DType, bool, float32, float64, int32, int64, resource, string as stringDType } from "../../dtypes.js";
import type { InferContext, TypeAttrSpec } from "../../op.js";
import { Dim, TensorShape } from "../../shape.js";

/** TF's `realnumbertypes` etc., with TF's own wording of the lists for TypeErrors. */
export const TYPES = {
  /** Add, Sub, Mul, ... (TF 1.14's `Add` also admits string). */
  numberAndString: {
    allowed: [float32, float64, int32, int64, stringDType],
    tfList: "bfloat16, float16, float32, float64, uint8, int8, int16, int32, int64, complex64, complex128, string",
  },
  number: {
    allowed: [float32, float64, int32, int64],
    tfList: "bfloat16, float16, float32, float64, uint8, int8, uint16, int16, int32, int64, complex64, complex128",
  },
  real: {
    allowed: [float32, float64, int32, int64],
    tfList: "bfloat16, float16, float32, float64, int32, int64",
  },
  float: {
    allowed: [float32, float64],
    tfList: "bfloat16, float16, float32, float64",
  },
  floatComplex: {
    allowed: [float32, float64],
    tfList: "bfloat16, float16, float32, float64, complex64, complex128",
  },
  intIndex: {
    allowed: [int32, int64],
    tfList: "int32, int64",
  },
  bool: {
    allowed: [bool],
    tfList: "bool",
  },
  any: {
    allowed: [float32, float64, int32, int64, bool, stringDType, resource],
    tfList: "any",
  },
} satisfies Record<string, TypeAttrSpec>;

/** Output dtype = the bound type attr `T`. */
export function dtypeOfT(c: InferContext<{ T?: DType }>): DType[] {
  return [c.attrs.T ?? c.dtypes[0]];
}

/** Output shape = input 0's shape. */
export function sameShapeAsInput0(c: InferContext<unknown>): TensorShape[] {
  return [c.shapes[0]];
}

/**
 * numpy broadcasting of two static shapes, as TF's `BroadcastBinaryOpOutputShapeFn` infers it:
 * unknown dims defer to a known dim > 1; two known dims must be equal or one of them 1.
 */
export function broadcastStatic(c: InferContext<unknown>, x: TensorShape, y: TensorShape): TensorShape {
  if (x.dims === null || y.dims === null) return TensorShape.unknown();
  const rx = x.dims.length;
  const ry = y.dims.length;
  const r = Math.max(rx, ry);
  const out: Dim[] = [];
  for (let i = 0; i < r; i++) {
    const dx = i < r - rx ? 1 : x.dims[i - (r - rx)];
    const yIsOne = i < r - ry;
    const dy = yIsOne ? 1 : y.dims[i - (r - ry)];
    if (dx === null || dy === null) {
      if (dx !== null && dx > 1) out.push(dx);
      else if (dy !== null && dy > 1) out.push(dy);
      else if (dx === 1) out.push(dy);
      else if (dy === 1) out.push(dx);
      else out.push(null);
    } else if (dx === 1 || dy === 1) {
      out.push(dx === 1 && !yIsOne ? dy : dx);
    } else if (dx !== dy) {
      c.fail(`Dimensions must be equal, but are ${dx} and ${dy}`);
    } else {
      out.push(dx);
    }
  }
  return new TensorShape(out);
}

/** Shape function of a broadcasting binary op. */
export function broadcastShapeFn(c: InferContext<unknown>): TensorShape[] {
  return [broadcastStatic(c, c.shapes[0], c.shapes[1])];
}
