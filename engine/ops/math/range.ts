/**
 * Range: `[start, start + delta, ...]` up to (not including) `limit`, with TF's shape function
 * (exact length when all three are constants) and kernel (values accumulate by repeated
 * addition in the output type). NotDifferentiable, as in TF.
 */
import { DType, float32, float64, int32, int64 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import { TensorShape } from "../../shape.js";
import { tfFloatToBuffer, tfDoubleToBuffer } from "../../format/floats.js";
import { ShapeFn } from "../support/array_infer.js";
import { vectorShape } from "../support/kernel_util.js";

/** A number as C++'s `StrCat` prints it in TF's errors (`1.5`, `2`). */
function cText(v: number, dtype: DType): string {
  if (dtype === float32) return tfFloatToBuffer(v);
  if (dtype === float64) return tfDoubleToBuffer(v);
  return String(v);
}

/** TF's element count of a range, or an error message. */
function rangeSize(start: number, limit: number, delta: number, dtype: DType, shapeFn: boolean): number | string {
  if (shapeFn) {
    if (start > limit && delta > 0) return `Requires start <= limit when delta > 0: ${cText(start, dtype)}/${cText(limit, dtype)}`;
    if (start < limit && delta < 0) return `Requires start >= limit when delta < 0: ${cText(start, dtype)}/${cText(limit, dtype)}`;
    if (delta === 0) return "Requires delta != 0";
  } else {
    if (delta === 0) return `Requires delta != 0: ${cText(delta, dtype)}`;
    if (delta > 0 && start > limit) return `Requires start <= limit when delta > 0: ${cText(start, dtype)}/${cText(limit, dtype)}`;
    if (delta < 0 && start < limit) return `Requires start >= limit when delta < 0: ${cText(start, dtype)}/${cText(limit, dtype)}`;
  }
  if (dtype === int32 || dtype === int64) return Math.trunc((Math.abs(limit - start) + Math.abs(delta) - 1) / Math.abs(delta));
  const q = dtype === float32 ? Math.fround(Math.fround(limit - start) / delta) : (limit - start) / delta;
  return Math.ceil(Math.abs(q));
}

export const Range = defineOp<{ Tidx: DType }>({
  type: "Range",
  doc: "The numbers from `start` up to (not including) `limit` in steps of `delta`.",
  inputs: [
    { name: "start", typeAttr: "Tidx" },
    { name: "limit", typeAttr: "Tidx" },
    { name: "delta", typeAttr: "Tidx" },
  ],
  typeAttrs: { Tidx: { allowed: [float32, float64, int32, int64], tfList: "bfloat16, float32, float64, int32, int64" } },
  effects: [],
  inferDtype: (c) => [c.attrs.Tidx],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    ["start", "limit", "delta"].forEach((what, i) => {
      const s = c.shapes[i];
      if (s.dims !== null && s.dims.length !== 0) f.fail(`Shape must be rank 0 but is rank ${s.dims.length}\n\t for '${what}'`);
    });
    const [s, l, d] = [f.tensor(0), f.tensor(1), f.tensor(2)];
    if (s === null || l === null || d === null) return [new TensorShape([null])];
    const n = rangeSize(Number(s.data[0]), Number(l.data[0]), Number(d.data[0]), c.attrs.Tidx, true);
    if (typeof n === "string") return f.fail(n);
    return [new TensorShape([n])];
  },
  kernel: ([s, l, d], k) => {
    for (const [t, what] of [
      [s, "start"],
      [l, "limit"],
      [d, "delta"],
    ] as const) {
      if (t.shape.length !== 0) throw new InvalidArgumentError(`${what} must be a scalar, not shape [${t.shape.join(",")}]`, k.op.name);
    }
    const dtype = s.dtype;
    const start = Number(s.data[0]);
    const delta = Number(d.data[0]);
    const n = rangeSize(start, Number(l.data[0]), delta, dtype, false);
    if (typeof n === "string") throw new InvalidArgumentError(n, k.op.name);
    const out = k.alloc(dtype, vectorShape(n));
    const od = out.data as Float32Array | Float64Array | Int32Array;
    let v = start;
    for (let i = 0; i < n; i++) {
      od[i] = v;
      v = dtype === int32 ? (v + delta) | 0 : dtype === float32 ? Math.fround(v + delta) : v + delta;
    }
    return out;
  },
  gradient: null,
});
