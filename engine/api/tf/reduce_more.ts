/**
 * Reductions TF 1.15 writes in Python from other ops: `tf.reduce_logsumexp` (math_ops.py),
 * `tf.math.reduce_variance` / `reduce_std`, `tf.norm` (linalg_ops.py); and the float tests
 * `tf.math.is_nan` / `is_inf` / `is_finite` (one op each), `tf.math.accumulate_n`
 * (AccumulateNV2) and `tf.math.count_nonzero`.
 */
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { NotImplementedError, PyTypeError, ValueError } from "../../errors.js";
import { DTypeLike, asDType, int64 } from "../../dtypes.js";
import { TensorShape, asShape, type ShapeLike } from "../../shape.js";
import { PyFloat, isPyFloat, unbox } from "../../pyfloat.js";
import { pyRepr, pyStr } from "../../format/python.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { castTensor, deprecatedArgumentLookup as lookup, op1, type Name } from "../build.js";
import { tensorOperators as T } from "../tensor_ops.js";
import { reduce_max, reduce_mean, reduce_sum } from "./reduce.js";
import { reshape, shape, zeros_like } from "./array_core.js";
import { squeeze } from "./array.js";
import { where, zeros } from "./filling.js";
import { stop_gradient } from "./core.js";
import { abs, exp, log, sqrt, square } from "./functions.js";
import { pow } from "./arithmetic.js";

type Axis = number | number[] | Tensor | null;

/**
 * Whether each element is NaN (op IsNan).
 * @example
 * const m = tf.math.is_nan([1.0, NaN]); // [False  True]
 */
export const is_nan = pyfunc("is_nan", ["x", "name"], (ctx: EngineContext, x: unknown, name: Name = null): Tensor => op1(ctx, "IsNan", [x], {}, name));

/**
 * Whether each element is +inf or -inf (op IsInf).
 * @example
 * const m = tf.math.is_inf([1.0, Infinity]); // [False  True]
 */
export const is_inf = pyfunc("is_inf", ["x", "name"], (ctx: EngineContext, x: unknown, name: Name = null): Tensor => op1(ctx, "IsInf", [x], {}, name));

/**
 * Whether each element is finite (op IsFinite).
 * @example
 * const m = tf.math.is_finite([1.0, Infinity, NaN]); // [ True False False]
 */
export const is_finite = pyfunc("is_finite", ["x", "name"], (ctx: EngineContext, x: unknown, name: Name = null): Tensor => op1(ctx, "IsFinite", [x], {}, name));

/**
 * `log(sum(exp(x)))` over `axis`, computed without overflow: the (finite) maximum is taken out
 * first, as TF's reduce_logsumexp does (scope `ReduceLogSumExp`).
 * @example
 * const r = tf.reduce_logsumexp(tf.zeros([2, 3])); // log(6) = 1.7917595
 */
export const reduce_logsumexp = pyfunc(
  "reduce_logsumexp",
  ["input_tensor", "axis", "keepdims", "name", "reduction_indices", "keep_dims"],
  (
    ctx: EngineContext,
    input_tensor: unknown,
    axis: Axis = null,
    keepdims: boolean | null = null,
    name: Name = null,
    reduction_indices: Axis = null,
    keep_dims: boolean | null = null,
  ): Tensor => {
    const ax = lookup("axis", axis, "reduction_indices", reduction_indices);
    const keep = lookup("keepdims", keepdims, "keep_dims", keep_dims) ?? false;
    const x = convertToTensor(ctx, input_tensor);
    const out = ctx.defaultGraph().name_scope(name || "ReduceLogSumExp", (scope) => {
      const rawMax = reduce_max(ctx, x, ax, true);
      let myMax = stop_gradient(ctx, where(ctx, op1(ctx, "IsFinite", [rawMax]), rawMax, zeros_like(ctx, rawMax)));
      const result = log(ctx, reduce_sum(ctx, exp(ctx, op1(ctx, "Sub", [x, myMax])), ax, keep));
      if (!keep) myMax = reshape(ctx, myMax, shape(ctx, result));
      return op1(ctx, "Add", [result, myMax], {}, scope);
    });
    if (!out.shape.is_fully_defined() && !keep && (ax === null || ax === undefined)) out.set_shape([]);
    return out;
  },
);

/**
 * The variance of the elements over `axis` (scope `reduce_variance`): the mean squared
 * deviation from the mean.
 * @example
 * const v = tf.math.reduce_variance([[1.0, 2.0], [3.0, 4.0]]); // 1.25
 */
export const reduce_variance = pyfunc(
  "reduce_variance",
  ["input_tensor", "axis", "keepdims", "name"],
  (ctx: EngineContext, input_tensor: unknown, axis: Axis = null, keepdims: boolean = false, name: Name = null): Tensor =>
    ctx.defaultGraph().name_scope(name || "reduce_variance", () => {
      const means = reduce_mean(ctx, input_tensor, axis, true);
      const squaredDeviations = square(ctx, T.sub(ctx, input_tensor, means));
      return reduce_mean(ctx, squaredDeviations, axis, keepdims);
    }),
);

/**
 * The standard deviation of the elements over `axis` (scope `reduce_std`).
 * @example
 * const s = tf.math.reduce_std([[1.0, 2.0], [3.0, 4.0]]); // 1.118034
 */
export const reduce_std = pyfunc(
  "reduce_std",
  ["input_tensor", "axis", "keepdims", "name"],
  (ctx: EngineContext, input_tensor: unknown, axis: Axis = null, keepdims: boolean = false, name: Name = null): Tensor =>
    ctx.defaultGraph().name_scope(name || "reduce_std", () => sqrt(ctx, reduce_variance(ctx, input_tensor, axis, keepdims))),
);

/** `ord` as Python compares it: "euclidean", "fro", or a number (np.inf is Infinity). */
function ordValue(ord: unknown): string | number {
  if (typeof ord === "string") return ord;
  if (typeof ord === "number" || isPyFloat(ord)) return Number(unbox(ord));
  return NaN;
}

const AXIS_ERROR = "'axis' must be None, an integer, or a tuple of 2 unique integers";

/**
 * The vector norm of `tensor` (all of it, or along `axis`), or a matrix norm over two axes:
 * `ord` is "euclidean" (default), "fro", 1, 2, Infinity or any p > 0 for vectors.
 * @example
 * const n = tf.norm([3.0, 4.0]); // 5.0
 * const rows = tf.norm([[3.0, 4.0], [6.0, 8.0]], { axis: 1 }); // [ 5. 10.]
 */
export const norm = pyfunc(
  "norm",
  ["tensor", "ord", "axis", "keepdims", "name", "keep_dims"],
  (
    ctx: EngineContext,
    tensor: unknown,
    ord: unknown = "euclidean",
    axis: number | number[] | null = null,
    keepdims: boolean | null = null,
    name: Name = null,
    keep_dims: boolean | null = null,
  ): Tensor => {
    const keep = lookup("keepdims", keepdims, "keep_dims", keep_dims) ?? false;
    const o = ordValue(ord);
    const isMatrix = Array.isArray(axis) && axis.length === 2;
    let axes: number[] | null = null;
    if (isMatrix) {
      const [a0, a1] = axis as number[];
      if (!Number.isInteger(a0) || !Number.isInteger(a1) || a0 === a1) throw new ValueError(AXIS_ERROR);
      if (!["euclidean", "fro", 1, 2, Infinity].includes(o)) {
        throw new ValueError(`'ord' must be a supported matrix norm in ['euclidean', 'fro', 1, 2, inf], got ${pyRepr(ord)}`);
      }
      if (o === 2) throw new NotImplementedError("The matrix 2-norm (singular values) is not supported in the playground");
      axes = [a0, a1];
    } else {
      if (!(axis === null || axis === undefined || (typeof axis === "number" && Number.isInteger(axis)))) throw new ValueError(AXIS_ERROR);
      const supported = ["euclidean", 1, 2, Infinity].includes(o);
      if ((typeof o !== "number" || !(o > 0)) && !supported) throw new ValueError(`'ord' must be a supported vector norm, got ${typeof ord === "string" ? ord : pyRepr(ord)}`);
      if (axis !== null && axis !== undefined) axes = [axis as number];
    }
    return ctx.defaultGraph().name_scope(name || "norm", () => {
      const t = convertToTensor(ctx, tensor);
      let result: Tensor;
      if (o === "fro" || o === "euclidean" || o === 2) {
        // conj(x) is x itself for a real tensor: tensor * tensor.
        result = sqrt(ctx, reduce_sum(ctx, T.mul(ctx, t, t), axes, true));
      } else {
        result = abs(ctx, t);
        if (o === 1) {
          result = reduce_sum(ctx, result, axes === null ? null : axes[0], true);
          if (isMatrix) result = reduce_max(ctx, result, axes![1], true);
        } else if (o === Infinity) {
          if (isMatrix) result = reduce_sum(ctx, result, axes![1], true);
          result = reduce_max(ctx, result, axes === null ? null : axes[0], true);
        } else {
          result = pow(ctx, reduce_sum(ctx, pow(ctx, result, ord), axes, true), new PyFloat(1 / (o as number)));
        }
      }
      if (!keep) result = squeeze(ctx, result, axes);
      return result;
    });
  },
);

/**
 * The elementwise sum of a list of tensors of one dtype and shape (op AccumulateNV2; one input
 * is returned as is).
 * @example
 * const s = tf.math.accumulate_n([a, b, a]); // [[7, 4], [6, 14]] for a = [[1, 2], [3, 4]], b = [[5, 0], [0, 6]]
 */
export const accumulate_n = pyfunc(
  "accumulate_n",
  ["inputs", "shape", "tensor_dtype", "name"],
  (ctx: EngineContext, inputs: unknown[], shape: ShapeLike = null, tensor_dtype: DTypeLike | null = null, name: Name = null): Tensor => {
    const inputError = () => new ValueError("inputs must be a list of at least one Tensor with the same dtype and shape");
    if (!Array.isArray(inputs) || inputs.length === 0) throw inputError();
    const ts = inputs.map((v) => convertToTensor(ctx, v));
    if (!ts.every((x) => x.dtype === ts[0].dtype)) throw inputError();
    let s = shape === null || shape === undefined ? TensorShape.unknown() : asShape(shape);
    for (const t of ts) s = s.merge_with(t.shape);
    if (tensor_dtype !== null && tensor_dtype !== undefined && asDType(tensor_dtype) !== ts[0].dtype) {
      throw new PyTypeError(`tensor_dtype is ${pyStr(asDType(tensor_dtype))}, but input is of type ${pyStr(ts[0].dtype)}`);
    }
    if (ts.length === 1) return name ? op1(ctx, "Identity", [ts[0]], {}, name) : ts[0];
    return op1(ctx, "AccumulateNV2", [ts], { shape: s }, name);
  },
);

/**
 * The number of nonzero elements (non-empty strings) of `input_tensor` over `axis` (all axes by
 * default), as `cast(reduce_sum(cast(x != 0, int64)), dtype)` in scope `count_nonzero`; the
 * result is int64 unless `dtype` says otherwise.
 * @example
 * const n = tf.math.count_nonzero([[0, 1, 0], [1, 1, 0]]); // 3
 * const perColumn = tf.math.count_nonzero([[0, 1, 0], [1, 1, 0]], 0); // [1 2 0]
 */
export const count_nonzero = pyfunc(
  "count_nonzero",
  ["input_tensor", "axis", "keepdims", "dtype", "name", "reduction_indices", "keep_dims", "input"],
  (
    ctx: EngineContext,
    input_tensor: unknown = null,
    axis: Axis = null,
    keepdims: boolean | null = null,
    dtype: DTypeLike = int64,
    name: Name = null,
    reduction_indices: Axis = null,
    keep_dims: boolean | null = null,
    input: unknown = null,
  ): Tensor => {
    const keep = lookup("keepdims", keepdims, "keep_dims", keep_dims) ?? false;
    const ax = lookup("axis", axis, "reduction_indices", reduction_indices);
    const x = lookup("input", input, "input_tensor", input_tensor);
    return ctx.defaultGraph().name_scope(name || "count_nonzero", () => {
      const t = convertToTensor(ctx, x, { name: "input_tensor" });
      // A scalar zero of the input's dtype is enough: not_equal broadcasts.
      const zero = zeros(ctx, [], t.dtype);
      const nonzero = castTensor(ctx, op1(ctx, "NotEqual", [t, zero]), int64, null);
      return castTensor(ctx, reduce_sum(ctx, nonzero, ax, keep), asDType(dtype), null);
    });
  },
);
