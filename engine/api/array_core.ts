/**
 * The shape builders gradients are made of: `tf.shape`, `tf.reshape`, `tf.fill`,
 * `tf.zeros_like` (TF 1.14's array_ops.py: `shape` and `zeros_like` fold to constants when the
 * static shape is fully known, as TF's do), and `tf.broadcast_gradient_args`.
 */
import { DType, DTypeLike, asDType, bool, int32, string as stringDType } from "../dtypes.js";
import { EngineContext } from "../context.js";
import { Graph, Tensor, nameFromScopeName } from "../graph.js";
import { NDArray } from "../ndarray.js";
import { OPS } from "../ops/registry.js";
import { applyOp } from "./apply.js";
import { convertToTensor } from "./convert_tensor.js";
import { PyArgs, pyfunc } from "./pyargs.js";

type Name = string | null;

/**
 * A Const named exactly `scope` without its trailing slash, as TF's
 * `constant(value, name="Shape/")` inside `name_scope("Shape")` makes one.
 */
export function constInScope(g: Graph, value: NDArray, scope: string): Tensor {
  return g._createOp(OPS.get("Const"), [], { value, dtype: value.dtype }, nameFromScopeName(scope)).outputs[0];
}

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

/** Shape builders bound to a context. */
export function arrayCoreApi(ctx: EngineContext) {
  const g = () => ctx.defaultGraph();

  /** TF's `shape_internal(input, name, optimize=True, out_type)`. */
  const shape = (input: unknown, name: Name, outType: DTypeLike | null, optimize = true): Tensor =>
    g().name_scope(name || "Shape", (scope) => {
      const t = convertToTensor(ctx, input);
      const out = outType === null || outType === undefined ? int32 : asDType(outType);
      if (optimize && t.shape.is_fully_defined()) return constInScope(g(), int32Vector(t.shape.as_list() as number[]), scope);
      return g()._createOp(OPS.get("Shape"), [t], { T: t.dtype.base_dtype, out_type: out }, nameFromScopeName(scope)).outputs[0];
    });

  /** TF's `zeros(shape, dtype, name)` for a known shape: a Const when small, else Fill. */
  const zerosOfKnownShape = (dims: number[], dtype: DType, scope: string): Tensor => {
    const n = dims.reduce((a, b) => a * b, 1);
    if (n < 1000) return constInScope(g(), zeroOf(dtype, dims), scope);
    const shapeT = ctx.tf.constant(dims, int32, null, "shape_as_tensor");
    const zero = ctx.tf.constant(zeroOf(dtype, []), dtype);
    return applyOp(ctx, "Fill", [shapeT, zero], {}, scope).outputs[0];
  };

  return {
    /**
     * The shape of `input` as a 1-D int32 tensor. A fully known static shape becomes a constant.
     * @example
     * const x = tf.placeholder(tf.float32, [null, 3]);
     * const s = tf.shape(x); // Tensor("Shape:0", shape=(2,), dtype=int32)
     */
    shape: pyfunc("shape", ["input", ["name", null], ["out_type", int32]], (input: unknown, name: Name, outType: DTypeLike | null) => shape(input, name, outType)) as (
      ...args: PyArgs<[input: unknown], [name: Name, out_type: DTypeLike], { name?: Name; out_type?: DTypeLike }>
    ) => Tensor,

    /**
     * The elements of `tensor` with a new shape; one dimension may be -1 (inferred).
     * @example
     * const m = tf.reshape(tf.range(6), [2, -1]); // shape (2, 3)
     */
    reshape: pyfunc("reshape", ["tensor", "shape", ["name", null]], (tensor: unknown, shapeArg: unknown, name: Name): Tensor =>
      g().name_scope(name || "Reshape", (scope) => {
        // Converted in input order; `Tshape` defaults to int32, so `[]` is an int32 shape.
        const t = convertToTensor(ctx, tensor, { name: "tensor" });
        const s = convertToTensor(ctx, shapeArg, { name: "shape", preferredDtype: int32 });
        return applyOp(ctx, "Reshape", [t, s], {}, scope).outputs[0];
      }),
    ) as (...args: PyArgs<[tensor: unknown, shape: unknown], [name: Name], { name?: Name }>) => Tensor,

    /**
     * A tensor of shape `dims` filled with the scalar `value`.
     * @example
     * const sevens = tf.fill([2, 3], 7); // [[7 7 7] [7 7 7]]
     */
    fill: pyfunc("fill", ["dims", "value", ["name", null]], (dims: unknown, value: unknown, name: Name): Tensor =>
      g().name_scope(name || "Fill", (scope) => {
        // `index_type` defaults to int32, so `[]` is an int32 shape.
        const d = convertToTensor(ctx, dims, { name: "dims", preferredDtype: int32 });
        return applyOp(ctx, "Fill", [d, value], {}, scope).outputs[0];
      }),
    ) as (
      ...args: PyArgs<[dims: unknown, value: unknown], [name: Name], { name?: Name }>
    ) => Tensor,

    /**
     * Zeros with the shape (and dtype, unless given) of `tensor`. A fully known shape becomes a
     * constant named `zeros_like`.
     * @example
     * const z = tf.zeros_like(tf.constant([[1, 2], [3, 4]])); // [[0 0] [0 0]]
     */
    zeros_like: pyfunc(
      "zeros_like",
      ["tensor", ["dtype", null], ["name", null], ["optimize", true]],
      (tensor: unknown, dtypeArg: DTypeLike | null, name: Name, optimize: boolean): Tensor =>
        g().name_scope(name || "zeros_like", (scope) => {
          const t = convertToTensor(ctx, tensor, { name: "tensor" });
          const dtype = dtypeArg === null || dtypeArg === undefined ? t.dtype.base_dtype : asDType(dtypeArg);
          if (optimize && t.shape.is_fully_defined()) {
            return g().name_scope(scope, (inner) => zerosOfKnownShape(t.shape.as_list() as number[], dtype, inner));
          }
          if (dtype !== t.dtype.base_dtype) {
            const s = shape(t, null, null, optimize);
            return g().name_scope(scope, (inner) => {
              const zero = ctx.tf.constant(dtype === bool ? false : 0, dtype);
              return applyOp(ctx, "Fill", [s, zero], {}, inner).outputs[0];
            });
          }
          return g()._createOp(OPS.get("ZerosLike"), [t], { T: t.dtype.base_dtype }, nameFromScopeName(scope)).outputs[0];
        }),
    ) as (...args: PyArgs<[tensor: unknown], [dtype: DTypeLike | null, name: Name, optimize: boolean], { dtype?: DTypeLike | null; name?: Name; optimize?: boolean }>) => Tensor,

    /**
     * For the shapes of two broadcast operands, the axes each was broadcast along (what the
     * gradient of a broadcasting op sums over). TF's `gen_array_ops.broadcast_gradient_args`.
     * @example
     * const [rx, ry] = tf.broadcast_gradient_args([2, 3], [3]); // [] and [0]
     */
    broadcast_gradient_args: pyfunc("broadcast_gradient_args", ["s0", "s1", ["name", null]], (s0: unknown, s1: unknown, name: Name): [Tensor, Tensor] => {
      const outs = applyOp(ctx, "BroadcastGradientArgs", [s0, s1], {}, name).outputs;
      return [outs[0], outs[1]];
    }) as (...args: PyArgs<[s0: unknown, s1: unknown], [name: Name], { name?: Name }>) => [Tensor, Tensor],
  };
}
