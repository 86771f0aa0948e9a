/**
 * Cast: converts elements between dtypes with C++ `static_cast` semantics, as TF's CPU kernel
 * does: float → int32 / int64 truncates toward zero (NaN and out-of-range values become the
 * minimum, what x86's cvttss2si produces), int64 → int32 keeps the low 32 bits, anything → bool
 * is `!= 0`, to float32 rounds. Gradient: TF's
 * `_CastGrad` (the gradient cast back, between float types only).
 */
import { DType, bool, float32, int32, int64, string as stringDType } from "../../dtypes.js";
import { UnimplementedError } from "../../errors.js";
import { defineOp } from "../../op.js";
import { TYPES, sameShapeAsInput0 } from "../support/common.js";
import { truncInt64 } from "../../numpy/array_math.js";

type Num = Float32Array | Float64Array | Int32Array | Uint8Array;

export const Cast = defineOp<{ SrcT: DType; DstT: DType; Truncate: boolean }>({
  type: "Cast",
  doc: "The elements of `x` converted to dtype `DstT` (float to int truncates toward zero).",
  inputs: [{ name: "x", typeAttr: "SrcT" }],
  typeAttrs: { SrcT: TYPES.any },
  effects: [],
  // A 0-d cast to a float is the value rounded to it (the compiler rounds every result); to an int it is left to the kernel.
  scalar: { f: (x) => x, i32: null, i64: null },
  inferDtype: (c) => [c.attrs.DstT],
  inferShape: sameShapeAsInput0,
  kernel: ([x], k) => {
    const dst = k.attrs.DstT;
    const src = x.dtype;
    if (src === dst) return x;
    if (src === stringDType || dst === stringDType) {
      throw new UnimplementedError(`Cast ${src.cName} to ${dst.cName} is not supported`, k.op.name);
    }
    const out = k.alloc(dst, x.shape);
    const xd = x.data as Num;
    const od = out.data as Num;
    const n = od.length;
    if (dst === int32 && src.isFloating) {
      for (let i = 0; i < n; i++) {
        const v = xd[i];
        od[i] = v > -2147483649 && v < 2147483648 ? Math.trunc(v) : -2147483648;
      }
    } else if (dst === int64 && src.isFloating) {
      for (let i = 0; i < n; i++) od[i] = truncInt64(xd[i]);
    } else if (dst === bool) {
      for (let i = 0; i < n; i++) od[i] = xd[i] !== 0 ? 1 : 0;
    } else {
      // Widening, int → float (float32 rounds on store), float64 → float32, bool → number.
      for (let i = 0; i < n; i++) od[i] = xd[i];
    }
    return out;
  },
  gradient: (op, [g], b) => {
    const src = op.inputs[0].dtype.base_dtype;
    const dst = g!.dtype.base_dtype;
    if (src.isFloating && dst.isFloating) return [b.tf.cast(g!, src)];
    return [null];
  },
});

export { float32 };
