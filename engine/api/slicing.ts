/**
 * TF's `_slice_helper`, what Python's `tensor[...]` builds: gradient and nn builders slice
 * shapes with it (`shape[1:]`).
 */
import { int32 } from "../dtypes.js";
import { PyTypeError, ValueError } from "../errors.js";
import { pyRepr } from "../format/python.js";
import { isPyFloat } from "../pyfloat.js";
import type { EngineContext } from "../context.js";
import { Tensor } from "../graph.js";
import { tensorOperators as T } from "./tensor_ops.js";
import { applyOp } from "./apply.js";
import { convertToTensor } from "./convert_tensor.js";
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
export function sliceHelper(ctx: EngineContext, tensor: Tensor, spec: SliceSpec | SliceSpec[], variable: object | null = null): Tensor {
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
    const out = strided_slice(ctx, tensor, b, e, st, beginMask, endMask, ellipsisMask, newAxisMask, shrinkMask, null, scope);
    const masks = { begin_mask: beginMask, end_mask: endMask, ellipsis_mask: ellipsisMask, new_axis_mask: newAxisMask, shrink_axis_mask: shrinkMask };
    // TF's strided_slice gives the slice an `assign` closure: a StridedSliceAssign named
    // `<scope>_assign` on the variable sliced, a ValueError for any other tensor.
    Object.defineProperty(out, "assign", {
      value: (value: unknown, name: string | null = null): Tensor => {
        if (variable === null) throw new ValueError("Sliced assignment is only supported for variables");
        const ref = convertToTensor(ctx, variable, { asRef: true });
        return applyOp(ctx, "StridedSliceAssign", [ref, b, e, st, value], masks, name ?? `${scope}_assign`).outputs[0];
      },
      configurable: true,
      writable: true,
    });
    return out;
  });
}

const SLICE_TYPE_ERROR = "Only integers, slices (`:`), ellipsis (`...`), tf.newaxis (`None`) and scalar tf.int32/tf.int64 tensors are valid indices";

/** TF's `_check_index`: an int, or a scalar int tensor. */
function checkIndex(idx: unknown): void {
  if (typeof idx === "number" && Number.isInteger(idx)) return;
  if (idx instanceof Tensor && idx.dtype.base_dtype === int32 && idx.shape.ndims !== 1) return;
  throw new PyTypeError(`${SLICE_TYPE_ERROR}, got ${idx instanceof Tensor ? idx.__repr__() : pyRepr(idx)}`);
}

/** A slice bound: a number, a tensor, or omitted. */
function checkBound(b: unknown): void {
  if (b === null || b === undefined) return;
  checkIndex(b);
}

/**
 * Python's `tensor[spec]` from a program: TF's index checks, then `sliceHelper`. A spec entry is
 * an integer, a scalar int tensor, a slice `{start, stop, step}`, `null` (tf.newaxis) or
 * `"..."`; an array of entries indexes one dimension each (TF 1.x treats a list that way too).
 */
export function getItem(ctx: EngineContext, tensor: Tensor, spec: unknown, variable: object | null = null): Tensor {
  const specs = Array.isArray(spec) ? spec : [spec];
  for (const s of specs) {
    if (s === null || s === "...") continue;
    if (typeof s === "object" && !(s instanceof Tensor) && !isPyFloat(s)) {
      const sl = s as PySlice;
      checkBound(sl.start);
      checkBound(sl.stop);
      checkBound(sl.step);
      continue;
    }
    checkIndex(s);
  }
  return sliceHelper(ctx, tensor, specs as SliceSpec[], variable);
}
