/**
 * ArgMax / ArgMin: the index of the largest / smallest element along `dimension` (the first one
 * on ties, as Eigen's tuple reducers keep the earlier index). Shape function TF's
 * `ArgOpShape`, kernel errors argmax_op.cc. TF registers gradients that return None. The
 * indices are `output_type`: int64 unless told int32.
 */
import { DType, float32, int32, int64 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, OpDef } from "../../op.js";
import { Dim, TensorShape } from "../../shape.js";
import { MATH_TYPES } from "../support/math_types.js";
import { ShapeFn } from "../support/array_infer.js";
import { sameInts, scratch } from "../support/kernel_util.js";

type ArgAttrs = { T: DType; Tidx: DType; output_type: DType };
type Num = Float32Array | Float64Array | Int32Array;

/** Eigen's starting accumulator: index 0 with the dtype's lowest (ArgMax) or highest (ArgMin) value. */
function start(dtype: DType, max: boolean): number {
  if (dtype === int32) return max ? -2147483648 : 2147483647;
  if (dtype === int64) return max ? -(2 ** 63) : 2 ** 63;
  const big = dtype === float32 ? 3.4028234663852886e38 : Number.MAX_VALUE;
  return max ? -big : big;
}

function argOp(type: string, doc: string, max: boolean, better: (v: number, best: number) => boolean): OpDef<ArgAttrs> {
  return defineOp<ArgAttrs>({
    type,
    doc,
    inputs: [
      { name: "input", typeAttr: "T" },
      { name: "dimension", typeAttr: "Tidx" },
    ],
    typeAttrs: { T: MATH_TYPES.numbertype, Tidx: MATH_TYPES.intIndex },
    effects: [],
    inferDtype: (c) => [c.attrs.output_type ?? int64],
    inferShape: (c) => {
      const f = new ShapeFn(c);
      f.withRank(c.shapes[1], 0);
      const input = c.shapes[0];
      if (input.dims === null) return [TensorShape.unknown()];
      const rank = input.dims.length;
      if (rank <= 1) return [TensorShape.scalar()];
      const dim = f.ints(1);
      if (dim === null) return [new TensorShape(new Array<Dim>(rank - 1).fill(null))];
      const value = dim[0];
      const axis = value < 0 ? value + rank : value;
      if (axis < 0 || axis >= rank) {
        f.fail(`Dimension (${value}) must be in the range [${-rank}, ${rank}), where ${rank} is the number of dimensions in the input.`);
      }
      return [new TensorShape(input.dims.filter((_, i) => i !== axis))];
    },
    kernel: ([x, dimT], k) => {
      const dim = (dimT.data as Int32Array)[0];
      const rank = x.shape.length;
      const axis = dim < 0 ? dim + rank : dim;
      if (!(axis >= 0 && axis < rank)) {
        throw new InvalidArgumentError(`Expected dimension in the range [${-rank}, ${rank}), but got ${dim}`, k.op.name);
      }
      if (x.shape[axis] === 0) throw new InvalidArgumentError(`Reduction axis ${dim} is empty in shape [${x.shape.join(",")}]`, k.op.name);
      const box = scratch(k);
      let outShape = box.argShape as number[] | undefined;
      if (outShape === undefined || box.argAxis !== axis || !sameInts(box.argIn as number[], x.shape)) {
        outShape = x.shape.filter((_, i) => i !== axis);
        box.argShape = outShape;
        box.argAxis = axis;
        box.argIn = x.shape.slice();
      }
      const out = k.alloc(k.attrs.output_type ?? int64, outShape);
      const od = out.data as Int32Array | Float64Array;
      const xd = x.data as Num;
      let inner = 1;
      for (let i = axis + 1; i < rank; i++) inner *= x.shape[i];
      const len = x.shape[axis];
      const init = start(x.dtype, max);
      const outer = od.length / inner;
      for (let o = 0; o < outer; o++) {
        for (let j = 0; j < inner; j++) {
          const base = o * len * inner + j;
          let best = init;
          let bestI = 0;
          for (let i = 0; i < len; i++) {
            const v = xd[base + i * inner];
            if (better(v, best)) {
              best = v;
              bestI = i;
            }
          }
          od[o * inner + j] = bestI;
        }
      }
      return out;
    },
    gradient: () => [null, null],
  });
}

export const ArgMax = argOp("ArgMax", "The index of the largest element of `input` along `dimension`.", true, (v, best) => v > best);
export const ArgMin = argOp("ArgMin", "The index of the smallest element of `input` along `dimension`.", false, (v, best) => v < best);
