/**
 * TF's `_slice_helper`, what Python's `tensor[...]` builds: gradient and nn builders slice
 * shapes with it (`shape[1:]`).
 */
import { int32 } from "../dtypes.js";
import type { EngineContext } from "../context.js";
import { Tensor } from "../graph.js";
import { tensorOperators as T } from "./tensor_ops.js";
import { constant } from "./tf/core.js";
import { stack, strided_slice } from "./tf/array.js";

/** A Python `slice(start, stop, step)` for `sliceHelper`; `null` fields are omitted bounds. */
export interface PySlice {
  start?: number | Tensor | null;
  stop?: number | Tensor | null;
  step?: number | Tensor | null;
}

/** One entry of a `tensor[...]` spec: an index, a slice, `null` (tf.newaxis) or `"..."`. */
export type SliceSpec = number | Tensor | PySlice | null | "...";

/**
 * TF's `_slice_helper` (`tensor[spec]`): one StridedSlice in a `strided_slice` scope with the
 * begin/end/strides vectors packed (`strided_slice/stack`, `stack_1`, `stack_2`).
 */
export function sliceHelper(ctx: EngineContext, tensor: Tensor, spec: SliceSpec | SliceSpec[]): Tensor {
  const specs = Array.isArray(spec) ? spec : [spec];
  const begin: unknown[] = [];
  const end: unknown[] = [];
  const strides: unknown[] = [];
  let beginMask = 0;
  let endMask = 0;
  let ellipsisMask = 0;
  let newAxisMask = 0;
  let shrinkMask = 0;
  specs.forEach((s, index) => {
    if (s === "...") {
      begin.push(0);
      end.push(0);
      strides.push(1);
      ellipsisMask |= 1 << index;
    } else if (s === null) {
      begin.push(0);
      end.push(0);
      strides.push(1);
      newAxisMask |= 1 << index;
    } else if (typeof s === "number" || s instanceof Tensor) {
      begin.push(s);
      end.push(typeof s === "number" ? s + 1 : T.add(ctx, s, 1));
      strides.push(1);
      shrinkMask |= 1 << index;
    } else {
      if (s.start !== null && s.start !== undefined) begin.push(s.start);
      else {
        begin.push(0);
        beginMask |= 1 << index;
      }
      if (s.stop !== null && s.stop !== undefined) end.push(s.stop);
      else {
        end.push(0);
        endMask |= 1 << index;
      }
      strides.push(s.step ?? 1);
    }
  });
  const g = ctx.defaultGraph();
  return g.name_scope("strided_slice", (scope) => {
    const pack = (v: unknown[]) => stack(ctx, v);
    const [b, e, st] = begin.length ? [pack(begin), pack(end), pack(strides)] : [0, 1, 2].map(() => constant(ctx, [], int32));
    return strided_slice(ctx, tensor, b, e, st, beginMask, endMask, ellipsisMask, newAxisMask, shrinkMask, null, scope);
  });
}
