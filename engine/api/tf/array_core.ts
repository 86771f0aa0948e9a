/**
 * The shape builders gradients are made of: `tf.shape`, `tf.reshape`, `tf.fill`,
 * `tf.zeros_like` (TF 1.14's array_ops.py: `shape` and `zeros_like` fold to constants when the
 * static shape is fully known, as TF's do), and `tf.broadcast_gradient_args`.
 */
import { DType, DTypeLike, asDType, bool, int32, string as stringDType } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import { Tensor, nameFromScopeName } from "../../graph.js";
import { NDArray } from "../../ndarray.js";
import { OPS } from "../../ops/registry.js";
import { applyOp } from "../apply.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { constNamed, type Name } from "../build.js";
import { constant } from "./core.js";

/** An int32 vector NDArray. */
function int32Vector(values: readonly number[]): NDArray {
  return new NDArray(int32, [values.length], Int32Array.from(values));
}

/** A scalar of `dtype` holding TF's zero (`False` for bool, `""` for string). */
function zeroOf(dtype: DType, shape: readonly number[]): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  if (dtype === stringDType) return new NDArray(dtype, shape, new Array<string>(n).fill(""));
  return NDArray.zeros(dtype, shape);
}

/** TF's `zeros(shape, dtype, name)` for a known shape: a Const when small, else Fill. */
function zerosOfKnownShape(ctx: EngineContext, dims: number[], dtype: DType, scope: string): Tensor {
  const n = dims.reduce((a, b) => a * b, 1);
  if (n < 1000) return constNamed(ctx, zeroOf(dtype, dims), scope);
  const shapeT = constant(ctx, dims, int32, null, "shape_as_tensor");
  const zero = constant(ctx, zeroOf(dtype, []), dtype);
  return applyOp(ctx, "Fill", [shapeT, zero], {}, scope).outputs[0];
}

/** TF's `shape_internal(input, name, optimize, out_type)`. */
function shapeInternal(ctx: EngineContext, input: unknown, name: Name, outType: DTypeLike | null, optimize = true): Tensor {
  const g = ctx.defaultGraph();
  return g.name_scope(name || "Shape", (scope) => {
    const t = convertToTensor(ctx, input);
    const out = outType === null || outType === undefined ? int32 : asDType(outType);
    if (optimize && t.shape.is_fully_defined()) {
      const dims = t.shape.as_list() as number[];
      return constNamed(ctx, out === int32 ? int32Vector(dims) : new NDArray(out, [dims.length], Float64Array.from(dims)), scope);
    }
    return g._createOp(OPS.get("Shape"), [t], { T: t.dtype.base_dtype, out_type: out }, nameFromScopeName(scope)).outputs[0];
  });
}

/**
 * The shape of `input` as a 1-D int32 tensor. A fully known static shape becomes a constant.
 * @example
 * const x = tf.placeholder(tf.float32, [null, 3]);
 * const s = tf.shape(x); // Tensor("Shape:0", shape=(2,), dtype=int32)
 */
export const shape = pyfunc(
  "shape",
  ["input", "name", "out_type"],
  (ctx: EngineContext, input: unknown, name: Name = null, out_type: DTypeLike = int32): Tensor => shapeInternal(ctx, input, name, out_type),
);

/**
 * The elements of `tensor` with a new shape; one dimension may be -1 (inferred).
 * @example
 * const m = tf.reshape(tf.range(6), [2, -1]); // shape (2, 3)
 */
export const reshape = pyfunc("reshape", ["tensor", "shape", "name"], (ctx: EngineContext, tensor: unknown, shape: unknown, name: Name = null): Tensor =>
  ctx.defaultGraph().name_scope(name || "Reshape", (scope) => {
    // Converted in input order; `Tshape` defaults to int32, so `[]` is an int32 shape.
    const t = convertToTensor(ctx, tensor, { name: "tensor" });
    const s = convertToTensor(ctx, shape, { name: "shape", preferredDtype: int32 });
    return applyOp(ctx, "Reshape", [t, s], {}, scope).outputs[0];
  }),
);

/**
 * A tensor of shape `dims` filled with the scalar `value`.
 * @example
 * const sevens = tf.fill([2, 3], 7); // [[7 7 7] [7 7 7]]
 */
export const fill = pyfunc("fill", ["dims", "value", "name"], (ctx: EngineContext, dims: unknown, value: unknown, name: Name = null): Tensor =>
  ctx.defaultGraph().name_scope(name || "Fill", (scope) => {
    // `index_type` defaults to int32, so `[]` is an int32 shape.
    const d = convertToTensor(ctx, dims, { name: "dims", preferredDtype: int32 });
    return applyOp(ctx, "Fill", [d, value], {}, scope).outputs[0];
  }),
);

/**
 * Zeros with the shape (and dtype, unless given) of `tensor`. A fully known shape becomes a
 * constant named `zeros_like`.
 * @example
 * const z = tf.zeros_like(tf.constant([[1, 2], [3, 4]])); // [[0 0] [0 0]]
 */
export const zeros_like = pyfunc(
  "zeros_like",
  ["tensor", "dtype", "name", "optimize"],
  (ctx: EngineContext, tensor: unknown, dtype: DTypeLike | null = null, name: Name = null, optimize: boolean = true): Tensor => {
    const g = ctx.defaultGraph();
    return g.name_scope(name || "zeros_like", (scope) => {
      const t = convertToTensor(ctx, tensor, { name: "tensor" });
      const dt = dtype === null || dtype === undefined ? t.dtype.base_dtype : asDType(dtype);
      if (optimize && t.shape.is_fully_defined()) {
        return g.name_scope(scope, (inner) => zerosOfKnownShape(ctx, t.shape.as_list() as number[], dt, inner));
      }
      if (dt !== t.dtype.base_dtype) {
        const s = shapeInternal(ctx, t, null, null, optimize);
        return g.name_scope(scope, (inner) => {
          const zero = constant(ctx, dt === bool ? false : 0, dt);
          return applyOp(ctx, "Fill", [s, zero], {}, inner).outputs[0];
        });
      }
      return g._createOp(OPS.get("ZerosLike"), [t], { T: t.dtype.base_dtype }, nameFromScopeName(scope)).outputs[0];
    });
  },
);

/**
 * For the shapes of two broadcast operands, the axes each was broadcast along (what the
 * gradient of a broadcasting op sums over). TF's `gen_array_ops.broadcast_gradient_args`.
 * @example
 * const [rx, ry] = tf.broadcast_gradient_args([2, 3], [3]); // [] and [0]
 */
export const broadcast_gradient_args = pyfunc(
  "broadcast_gradient_args",
  ["s0", "s1", "name"],
  (ctx: EngineContext, s0: unknown, s1: unknown, name: Name = null): [Tensor, Tensor] => {
    const outs = applyOp(ctx, "BroadcastGradientArgs", [s0, s1], {}, name).outputs;
    return [outs[0], outs[1]];
  },
);
