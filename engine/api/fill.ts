/**
 * How TF's array_ops.py fills arrays: `tf.zeros`/`tf.ones`' Const-or-Fill choice
 * (`_constant_if_small`) and `tf.ones_like`, shared by the builders in api/tf/filling.ts and
 * api/tf/array.ts.
 */
import { DTypeLike, asDType, bool as boolDType, int32, string as stringDType } from "../dtypes.js";
import type { EngineContext } from "../context.js";
import { Tensor } from "../graph.js";
import { ValueError } from "../errors.js";
import { TensorShape } from "../shape.js";
import { constantToNDArray } from "../convert.js";
import { isPyFloat, unbox } from "../pyfloat.js";
import { convertToTensor, isTensorLike, type TensorConvertible } from "./convert_tensor.js";
import { constNamed, shapedValue, type Name } from "./build.js";
import { constant } from "./tf/core.js";
import { fill, reshape, shape as shapeOf } from "./tf/array_core.js";

const asTensor = (x: unknown): Tensor => (x instanceof Tensor ? x : (x as TensorConvertible)._as_tensor(false));

/** The plain dims of a shape argument (list of ints, int, TensorShape), or null if not plain. */
function plainDims(shape: unknown): number[] | null {
  if (shape instanceof TensorShape) return shape.is_fully_defined() ? (shape.dims as number[]) : null;
  if (typeof shape === "number" || isPyFloat(shape)) return [Number(unbox(shape))];
  if (Array.isArray(shape) && shape.every((d) => typeof d === "number")) return shape as number[];
  return null;
}

/** `tf.zeros` / `tf.ones`: a Const when under 1000 elements, else `Fill` (TF's `_constant_if_small`). */
export function filled(ctx: EngineContext, shape: unknown, dtypeLike: DTypeLike, name: Name, defaultName: string, one: boolean): Tensor {
  const dtype = asDType(dtypeLike);
  return ctx.defaultGraph().name_scope(name || defaultName, (scope) => {
    const value = dtype === boolDType ? one : dtype === stringDType ? "" : one ? 1 : 0;
    let shapeT: Tensor;
    if (!isTensorLike(shape)) {
      if (shape instanceof TensorShape && !shape.is_fully_defined()) {
        throw new ValueError(`Cannot convert a partially known TensorShape to a Tensor: ${shape}`);
      }
      const dims = plainDims(shape);
      if (dims !== null) {
        if (dims.reduce((a, b) => a * b, 1) < 1000) {
          return constNamed(ctx, shapedValue(constantToNDArray(value, dtype), dims, false, ctx.limits.maxElements), scope);
        }
        shapeT = constant(ctx, dims, int32, null, "shape_as_tensor");
      } else {
        shapeT = convertToTensor(ctx, shape, { dtype: int32 });
      }
    } else {
      shapeT = asTensor(shape);
    }
    if (!shapeT.shape.dims || shapeT.shape.dims.length === 0) shapeT = reshape(ctx, shapeT, [-1]);
    return fill(ctx, shapeT, constant(ctx, value, dtype), scope);
  });
}

/** `tf.ones_like`: Shape (a Const when known), then ones of that shape (a Fill named `ones_like`). */
export function onesLike(ctx: EngineContext, tensor: unknown, dtype: DTypeLike | null, name: Name): Tensor {
  return ctx.defaultGraph().name_scope(name || "ones_like", (scope) => {
    const t = convertToTensor(ctx, tensor, { name: "tensor" });
    const s = shapeOf(ctx, t);
    const ret = filled(ctx, s, dtype ? asDType(dtype) : t.dtype.base_dtype, scope, "ones", true);
    ret.set_shape(t.shape);
    return ret;
  });
}
