/**
 * Reductions and scans: `tf.reduce_sum` and friends (TF 1.x's `keep_dims` and
 * `reduction_indices` too), `tf.argmax` / `tf.argmin`, `tf.cumsum` / `tf.cumprod`.
 */
import { DTypeLike, asDType, int32, int64 } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { PyTypeError } from "../../errors.js";
import { NDArray } from "../../ndarray.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { deprecatedArgumentLookup as lookup, op1, type Name } from "../build.js";
import { constant } from "./core.js";
import { rank } from "./array.js";
import { range } from "./filling.js";

type Axis = number | number[] | Tensor | null;

/** TF's `_ReductionDims`: all axes as a Const when the rank is known, else `range(0, rank(x))`. */
function reductionDims(ctx: EngineContext, x: unknown, axis: Axis): unknown {
  if (axis !== null && axis !== undefined) return axis;
  if (x instanceof Tensor && x.shape.ndims !== null) {
    const r = x.shape.ndims;
    return constant(
      ctx,
      new NDArray(
        int32,
        [r],
        Int32Array.from({ length: r }, (_, i) => i),
      ),
    );
  }
  return range(ctx, 0, rank(ctx, x));
}

/** A TF 1.x reduction: `gen_math_ops.<op>(input, _ReductionDims(input, axis), keepdims)`; TF 1.x's `keep_dims` and `reduction_indices` too. */
function reduction(fname: string, type: string) {
  return pyfunc(
    fname,
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
      const dims = reductionDims(ctx, input_tensor, ax);
      const out = ctx.defaultGraph().name_scope(name || type, (scope) => {
        // Converted in input order; `Tidx` defaults to int32, so `axis=[]` is an int32 list.
        const t = convertToTensor(ctx, input_tensor, { name: "input" });
        const axes = convertToTensor(ctx, dims, { name: "reduction_indices", preferredDtype: int32 });
        return op1(ctx, type, [t, axes], { keep_dims: !!keep }, scope);
      });
      // _may_reduce_to_scalar.
      if (!out.shape.is_fully_defined() && !keep && (ax === null || ax === undefined)) out.set_shape([]);
      return out;
    },
  );
}

/** `tf.argmax` / `tf.argmin` (TF 1.x's `dimension` too); indices are int64 unless `output_type` says int32. */
function argOp(fname: string, type: string) {
  return pyfunc(
    fname,
    ["input", "axis", "name", "dimension", "output_type"],
    (ctx: EngineContext, input: unknown, axis: Axis = null, name: Name = null, dimension: Axis = null, output_type: DTypeLike = int64): Tensor => {
      const ax = lookup("axis", axis, "dimension", dimension) ?? 0;
      const out = asDType(output_type);
      if (out !== int32 && out !== int64) throw new PyTypeError(`Value passed to parameter 'output_type' has DataType ${out.name} not in list of allowed values: int32, int64`);
      return op1(ctx, type, [input, ax], { output_type: out }, name);
    },
  );
}

/** `tf.cumsum` / `tf.cumprod`. */
function scan(fname: string, type: string) {
  return pyfunc(
    fname,
    ["x", "axis", "exclusive", "reverse", "name"],
    (ctx: EngineContext, x: unknown, axis: unknown = 0, exclusive: boolean = false, reverse: boolean = false, name: Name = null): Tensor =>
      ctx
        .defaultGraph()
        .name_scope(name || type, (scope) =>
          op1(ctx, type, [convertToTensor(ctx, x, { name: "x" }), axis], { exclusive: !!exclusive, reverse: !!reverse }, scope),
        ),
  );
}

/**
 * Sum of elements across `axis` (all axes when null). TF 1.x's `keep_dims` and
 * `reduction_indices` are accepted too.
 * @example
 * const total = tf.reduce_sum(x);              // all elements
 * const rows = tf.reduce_sum(x, {axis: 1, keepdims: true});
 */
export const reduce_sum = reduction("reduce_sum", "Sum");

/**
 * Mean of elements across `axis` (all axes when null); int32 means truncate.
 * @example
 * const loss = tf.reduce_mean(tf.square(pred - y));
 */
export const reduce_mean = reduction("reduce_mean", "Mean");

/**
 * Maximum of elements across `axis`.
 * @example
 * const m = tf.reduce_max(x, 1);
 */
export const reduce_max = reduction("reduce_max", "Max");

/**
 * Minimum of elements across `axis`.
 * @example
 * const m = tf.reduce_min(x);
 */
export const reduce_min = reduction("reduce_min", "Min");

/**
 * Product of elements across `axis`.
 * @example
 * const p = tf.reduce_prod(tf.constant([2, 3, 4])); // 24
 */
export const reduce_prod = reduction("reduce_prod", "Prod");

/**
 * Logical AND of bools across `axis`.
 * @example
 * const allPositive = tf.reduce_all(x > 0);
 */
export const reduce_all = reduction("reduce_all", "All");

/**
 * Logical OR of bools across `axis`.
 * @example
 * const anyNegative = tf.reduce_any(x < 0);
 */
export const reduce_any = reduction("reduce_any", "Any");

/**
 * Index of the largest element along `axis` (0 when null; TF 1.x's `dimension` too), as int64
 * (`output_type: tf.int32` for int32).
 * @example
 * const predicted = tf.argmax(logits, 1); // dtype=int64
 */
export const argmax = argOp("argmax", "ArgMax");

/**
 * Index of the smallest element along `axis`, as int64 (`output_type: tf.int32` for int32).
 * @example
 * const nearest = tf.argmin(distances, 0);
 */
export const argmin = argOp("argmin", "ArgMin");

/**
 * The running sum along `axis` (`exclusive` leaves each element out, `reverse` sums from the end).
 * @example
 * const c = tf.cumsum(tf.constant([1, 2, 3])); // [1 3 6]
 */
export const cumsum = scan("cumsum", "Cumsum");

/**
 * The running product along `axis`.
 * @example
 * const c = tf.cumprod(tf.constant([1, 2, 3]), {exclusive: true}); // [1 1 2]
 */
export const cumprod = scan("cumprod", "Cumprod");
