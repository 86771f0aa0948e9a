/**
 * Cumsum and Cumprod: running sums / products along `axis` (optionally exclusive, or from the
 * end), accumulated in order in the element type as TF's scan kernel does. Kernel errors from
 * scan_ops.cc, gradients TF 1.14's `_CumsumGrad` and `_CumprodGrad`.
 */
import { DType, float32, int32 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, OpDef } from "../../op.js";
import { dtypeOfT, sameShapeAsInput0 } from "../support/common.js";
import { MATH_TYPES } from "../support/math_types.js";


type ScanAttrs = { T: DType; Tidx: DType; exclusive: boolean; reverse: boolean };
type Num = Float32Array | Float64Array | Int32Array;

function scanOp(type: string, doc: string, product: boolean, gradient: OpDef<ScanAttrs>["gradient"]): OpDef<ScanAttrs> {
  return defineOp<ScanAttrs>({
    type,
    doc,
    inputs: [
      { name: "x", typeAttr: "T" },
      { name: "axis", typeAttr: "Tidx" },
    ],
    typeAttrs: { T: MATH_TYPES.numbertype, Tidx: MATH_TYPES.intIndex },
    effects: [],
    inferDtype: dtypeOfT,
    inferShape: sameShapeAsInput0,
    kernel: ([x, axisT], k) => {
      if (axisT.shape.length !== 0) throw new InvalidArgumentError(`ScanOp: axis must be a scalar, not [${axisT.shape.join(",")}]`, k.op.name);
      const rank = x.shape.length;
      const arg = (axisT.data as Int32Array)[0];
      const axis = arg < 0 ? rank + arg : arg;
      if (!(axis >= 0 && axis < rank)) {
        throw new InvalidArgumentError(`ScanOp: Expected scan axis in the range [${-rank}, ${rank}), but got ${axis}`, k.op.name);
      }
      const out = k.alloc(x.dtype, x.shape);
      const xd = x.data as Num;
      const od = out.data as Num;
      const { exclusive, reverse } = k.attrs;
      const len = x.shape[axis];
      let inner = 1;
      for (let i = axis + 1; i < rank; i++) inner *= x.shape[i];
      const outer = xd.length / (len * inner || 1);
      const isInt = x.dtype === int32;
      const f32 = x.dtype === float32;
      const init = product ? 1 : 0;
      for (let o = 0; o < outer; o++) {
        for (let j = 0; j < inner; j++) {
          let acc = init;
          for (let s = 0; s < len; s++) {
            const i = reverse ? len - 1 - s : s;
            const idx = (o * len + i) * inner + j;
            const v = xd[idx];
            if (exclusive) od[idx] = acc;
            acc = product ? (isInt ? Math.imul(acc, v) : acc * v) : isInt ? (acc + v) | 0 : acc + v;
            if (f32) acc = Math.fround(acc);
            if (!exclusive) od[idx] = acc;
          }
        }
      }
      return out;
    },
    gradient,
  });
}

export const Cumsum = scanOp("Cumsum", "The running sum of `x` along `axis`.", false, (op, [g], b) => {
  const tf = b.tf;
  const { exclusive, reverse } = op.attrs as ScanAttrs;
  return [tf.cumsum(g!, op.inputs[1], { exclusive, reverse: !reverse }), null];
});

export const Cumprod = scanOp("Cumprod", "The running product of `x` along `axis`.", true, (op, [g], b) => {
  const tf = b.tf;
  const rt = b.py;
  const [x, axis] = op.inputs;
  const { exclusive, reverse } = op.attrs as ScanAttrs;
  const prod = tf.cumprod(x, axis, { exclusive, reverse });
  const out = tf.cumsum(rt.mul(prod, g!), axis, { exclusive, reverse: !reverse });
  return [rt.truediv(out, x), null];
});
