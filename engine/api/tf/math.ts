/**
 * Math builders, TF 1.14's math_ops.py in the playground dialect: elementwise arithmetic and
 * functions, comparisons and logic, reductions, matmul, casts. Each opens TF's name scope and
 * converts plain values to constants named after the argument (`Add/y`, `Sum/reduction_indices`),
 * building the same nodes in the same order as TF's Python.
 */
import { DType, DTypeLike, asDType, float32, float64, int32 } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { PyTypeError, ValueError } from "../../errors.js";
import { NDArray } from "../../ndarray.js";
import { pyRepr } from "../../format/python.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { castTensor, op1, type Name } from "../build.js";
import { pyFor } from "../operators.js";
import { logicalXor, truedivTensors } from "../tensor_ops.js";
import { constant } from "./core.js";
import { range, rank } from "./array.js";

type Axis = number | number[] | Tensor | null;

/** TF's `deprecation.deprecated_argument_lookup`. */
function lookup<T>(newName: string, newValue: T | null | undefined, oldName: string, oldValue: T | null | undefined): T | null {
  if (oldValue !== null && oldValue !== undefined) {
    if (newValue !== null && newValue !== undefined) throw new ValueError(`Cannot specify both '${oldName}' and '${newName}'`);
    return oldValue;
  }
  return newValue ?? null;
}

/** `tf.<fname>(x, y, name)`: op `type` on two inputs. */
function binary(fname: string, type: string) {
  return pyfunc(fname, ["x", "y", "name"], (ctx: EngineContext, x: unknown, y: unknown, name: Name = null): Tensor => op1(ctx, type, [x, y], {}, name));
}

/** `tf.<fname>(x, name)`: op `type` on one input. */
function unary(fname: string, type: string) {
  return pyfunc(fname, ["x", "name"], (ctx: EngineContext, x: unknown, name: Name = null): Tensor => op1(ctx, type, [x], {}, name));
}

/** A unary op whose Python wrapper opens the scope first (`with name_scope(name, "Abs")`). */
function scopedUnary(fname: string, type: string) {
  return pyfunc(fname, ["x", "name"], (ctx: EngineContext, x: unknown, name: Name = null): Tensor =>
    ctx.defaultGraph().name_scope(name || type, (scope) => op1(ctx, type, [convertToTensor(ctx, x, { name: "x" })], {}, scope)),
  );
}

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

/** `tf.argmax` / `tf.argmin` (TF 1.x's `dimension` too); indices are int32. */
function argOp(fname: string, type: string) {
  return pyfunc(
    fname,
    ["input", "axis", "name", "dimension", "output_type"],
    (ctx: EngineContext, input: unknown, axis: Axis = null, name: Name = null, dimension: Axis = null, output_type: DTypeLike = int32): Tensor => {
      const ax = lookup("axis", axis, "dimension", dimension) ?? 0;
      const out = asDType(output_type);
      if (out !== int32) throw new PyTypeError(`Value passed to parameter 'output_type' has DataType ${out.name} not in list of allowed values: int32, int64`);
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

/** `tf.to_float` and friends: `tf.cast` with TF's op name. */
function toType(fname: string, dtype: DType, defaultName: string) {
  return pyfunc(fname, ["x", "name"], (ctx: EngineContext, x: unknown, name: Name = defaultName): Tensor => castTensor(ctx, x, dtype, name, defaultName));
}

/**
 * `x + y` elementwise, with broadcasting. The `+` operator on tensors builds the same op.
 * @example
 * const s = tf.add(a, b); // op "Add"; `a + b` makes op "add"
 */
export const add = binary("add", "Add");

/**
 * `x - y` elementwise, with broadcasting.
 * @example
 * const d = tf.subtract(a, b);
 */
export const subtract = binary("subtract", "Sub");

/**
 * `x * y` elementwise, with broadcasting.
 * @example
 * const p = tf.multiply(a, 2);
 */
export const multiply = binary("multiply", "Mul");

/**
 * `x / y` as true division: int32 operands are cast to float64 first (`truediv/Cast`).
 * @example
 * const q = tf.truediv(tf.constant(7), 2); // 3.5 (float64)
 */
export const truediv = pyfunc("truediv", ["x", "y", "name"], (ctx: EngineContext, x: unknown, y: unknown, name: Name = null): Tensor =>
  truedivTensors(ctx, x, y, name),
);

/**
 * `x / y` (Python 3 division, like the `/` operator).
 * @example
 * const q = tf.divide(tf.constant([1.0, 2.0]), 4.0); // [0.25 0.5]
 */
export const divide = pyfunc("divide", ["x", "y", "name"], (ctx: EngineContext, x: unknown, y: unknown, name: Name = null): Tensor | number => {
  if (name !== null && name !== undefined) return truedivTensors(ctx, x, y, name);
  return pyFor(ctx).truediv(x, y) as Tensor | number;
});

/**
 * `x / y` for floats (no casts): op RealDiv.
 * @example
 * const q = tf.realdiv(tf.constant(1.0), 3.0);
 */
export const realdiv = binary("realdiv", "RealDiv");

/**
 * `x / y`, or 0 where `y` is 0 (floats only).
 * @example
 * const safe = tf.div_no_nan(total, count);
 */
export const div_no_nan = pyfunc("div_no_nan", ["x", "y", "name"], (ctx: EngineContext, x: unknown, y: unknown, name: Name = null): Tensor =>
  ctx.defaultGraph().name_scope(name || "div_no_nan", (scope) => {
    const xt = convertToTensor(ctx, x, { name: "x" });
    const yt = convertToTensor(ctx, y, { name: "y", dtype: xt.dtype.base_dtype });
    return op1(ctx, "DivNoNan", [xt, yt], {}, scope);
  }),
);

/**
 * Python 2's `/`: floor division for ints, true division for floats (deprecated in TF 1.x).
 * @example
 * const q = tf.div(tf.constant(7), 2); // 3
 */
export const div = pyfunc("div", ["x", "y", "name"], (ctx: EngineContext, x: unknown, y: unknown, name: Name = null): Tensor =>
  ctx.defaultGraph().name_scope(name || "div", (scope) => {
    const xt = convertToTensor(ctx, x, { name: "x" });
    const yt = convertToTensor(ctx, y, { name: "y", dtype: xt.dtype.base_dtype });
    return op1(ctx, xt.dtype.base_dtype.isFloating ? "RealDiv" : "FloorDiv", [xt, yt], {}, scope);
  }),
);

/**
 * `x // y`: the quotient rounded toward negative infinity (op FloorDiv named `floordiv`).
 * @example
 * const q = tf.floordiv(tf.constant(-7), 2); // -4
 */
export const floordiv = pyfunc("floordiv", ["x", "y", "name"], (ctx: EngineContext, x: unknown, y: unknown, name: Name = null): Tensor =>
  ctx.defaultGraph().name_scope(name || "floordiv", (scope) => op1(ctx, "FloorDiv", [x, y], {}, scope)),
);

/**
 * The FloorDiv op itself (`x // y`).
 * @example
 * const q = tf.floor_div(tf.constant(7), 2); // 3
 */
export const floor_div = binary("floor_div", "FloorDiv");

/**
 * `x % y` with the sign of `y`, as Python's `%`.
 * @example
 * const r = tf.floormod(tf.constant(-7), 3); // 2
 */
export const floormod = binary("floormod", "FloorMod");

/**
 * Alias of `tf.floormod`.
 * @example
 * const r = tf.mod(tf.constant(7), -3); // -2
 */
export const mod = binary("mod", "FloorMod");

/**
 * `x` to the power `y`, elementwise.
 * @example
 * const p = tf.pow(tf.constant([2, 3]), 2); // [4 9]
 */
export const pow = pyfunc("pow", ["x", "y", "name"], (ctx: EngineContext, x: unknown, y: unknown, name: Name = null): Tensor =>
  ctx.defaultGraph().name_scope(name || "Pow", (scope) => op1(ctx, "Pow", [x, y], {}, scope)),
);

/**
 * The larger of `x` and `y`, elementwise.
 * @example
 * const r = tf.maximum(x, 0.0); // a ReLU
 */
export const maximum = binary("maximum", "Maximum");

/**
 * The smaller of `x` and `y`, elementwise.
 * @example
 * const r = tf.minimum(x, 6.0);
 */
export const minimum = binary("minimum", "Minimum");

/**
 * `(x - y) * (x - y)`, elementwise.
 * @example
 * const se = tf.squared_difference(pred, y);
 */
export const squared_difference = binary("squared_difference", "SquaredDifference");

/**
 * `scalar * x` for a scalar (TF's `scalar_mul`: op Mul with the scalar first).
 * @example
 * const doubled = tf.scalar_mul(2.0, x);
 */
export const scalar_mul = pyfunc("scalar_mul", ["scalar", "x", "name"], (ctx: EngineContext, scalar: unknown, x: Tensor, name: Name = null): Tensor => {
  const s = convertToTensor(ctx, scalar, { dtype: x.dtype.base_dtype, name: "scalar" });
  if (s.shape.ndims !== 0) throw new ValueError(`Only scalar multiply works, got shape ${s.shape}`);
  return op1(ctx, "Mul", [s, x], {}, name);
});

/**
 * `-x` elementwise.
 * @example
 * const n = tf.negative(a);
 */
export const negative = unary("negative", "Neg");

/**
 * Alias of `tf.negative`.
 * @example
 * const n = tf.neg(a);
 */
export const neg = unary("neg", "Neg");

/**
 * `x == y` elementwise (bool).
 * @example
 * const same = tf.equal(a, b);
 */
export const equal = binary("equal", "Equal");

/**
 * `x != y` elementwise (bool).
 * @example
 * const diff = tf.not_equal(a, b);
 */
export const not_equal = binary("not_equal", "NotEqual");

/**
 * `x < y` elementwise (bool).
 * @example
 * const small = tf.less(x, 0.5);
 */
export const less = binary("less", "Less");

/**
 * `x <= y` elementwise (bool).
 * @example
 * const m = tf.less_equal(x, 1);
 */
export const less_equal = binary("less_equal", "LessEqual");

/**
 * `x > y` elementwise (bool).
 * @example
 * const big = tf.greater(x, 0);
 */
export const greater = binary("greater", "Greater");

/**
 * `x >= y` elementwise (bool).
 * @example
 * const m = tf.greater_equal(x, 0);
 */
export const greater_equal = binary("greater_equal", "GreaterEqual");

/**
 * `x AND y` for bools, elementwise.
 * @example
 * const both = tf.logical_and(a > 0, b > 0);
 */
export const logical_and = binary("logical_and", "LogicalAnd");

/**
 * `x OR y` for bools, elementwise.
 * @example
 * const either = tf.logical_or(p, q);
 */
export const logical_or = binary("logical_or", "LogicalOr");

/**
 * `NOT x` for bools, elementwise.
 * @example
 * const notP = tf.logical_not(p);
 */
export const logical_not = unary("logical_not", "LogicalNot");

/**
 * `x XOR y` for bools, composed as TF does: `(x OR y) AND NOT (x AND y)`.
 * @example
 * const one = tf.logical_xor(p, q);
 */
export const logical_xor = pyfunc("logical_xor", ["x", "y", "name"], (ctx: EngineContext, x: unknown, y: unknown, name: Name = "LogicalXor"): Tensor =>
  logicalXor(ctx, x, y, name),
);

/**
 * `|x|` elementwise.
 * @example
 * const a = tf.abs(tf.constant([-1.5, 2.0])); // [1.5 2. ]
 */
export const abs = scopedUnary("abs", "Abs");

/**
 * `x * x` elementwise.
 * @example
 * const loss = tf.reduce_mean(tf.square(pred - y));
 */
export const square = unary("square", "Square");

/**
 * Square root, elementwise.
 * @example
 * const r = tf.sqrt(tf.constant([4.0, 9.0])); // [2. 3.]
 */
export const sqrt = unary("sqrt", "Sqrt");

/**
 * `1 / sqrt(x)` elementwise.
 * @example
 * const r = tf.rsqrt(tf.constant(4.0)); // 0.5
 */
export const rsqrt = unary("rsqrt", "Rsqrt");

/**
 * `e^x` elementwise.
 * @example
 * const e = tf.exp(tf.constant(1.0)); // 2.7182817
 */
export const exp = unary("exp", "Exp");

/**
 * Natural logarithm, elementwise.
 * @example
 * const l = tf.log(tf.constant(1.0)); // 0.0
 */
export const log = unary("log", "Log");

/**
 * `log(1 + x)` elementwise, accurate for small `x`.
 * @example
 * const l = tf.log1p(tf.constant(0.0)); // 0.0
 */
export const log1p = unary("log1p", "Log1p");

/**
 * The sign of each element: -1, 0 or 1.
 * @example
 * const s = tf.sign(tf.constant([-2, 0, 3])); // [-1  0  1]
 */
export const sign = pyfunc("sign", ["x", "name"], (ctx: EngineContext, x: unknown, name: Name = null): Tensor =>
  ctx.defaultGraph().name_scope(name || "Sign", (scope) => op1(ctx, "Sign", [x], {}, scope)),
);

/**
 * `1 / x` elementwise.
 * @example
 * const r = tf.reciprocal(tf.constant(4.0)); // 0.25
 */
export const reciprocal = unary("reciprocal", "Reciprocal");

/**
 * The logistic function `1 / (1 + exp(-x))`, elementwise.
 * @example
 * const p = tf.sigmoid(logits);
 */
export const sigmoid = scopedUnary("sigmoid", "Sigmoid");

/**
 * Hyperbolic tangent, elementwise.
 * @example
 * const h = tf.tanh(tf.matmul(x, w));
 */
export const tanh = pyfunc("tanh", ["x", "name"], (ctx: EngineContext, x: unknown, name: Name = null): Tensor =>
  ctx.defaultGraph().name_scope(name || "Tanh", (scope) => op1(ctx, "Tanh", [x], {}, scope)),
);

/**
 * The largest integer not greater than each element.
 * @example
 * const f = tf.floor(tf.constant([1.5, -1.5])); // [ 1. -2.]
 */
export const floor = unary("floor", "Floor");

/**
 * The smallest integer not less than each element.
 * @example
 * const c = tf.ceil(tf.constant([1.2, -1.2])); // [ 2. -1.]
 */
export const ceil = unary("ceil", "Ceil");

/**
 * Rounds each element to the nearest integer, halves to even (banker's rounding).
 * @example
 * const r = tf.round(tf.constant([0.5, 1.5, 2.5])); // [0. 2. 2.]
 */
export const round = pyfunc("round", ["x", "name"], (ctx: EngineContext, x: unknown, name: Name = null): Tensor => {
  const t = convertToTensor(ctx, x, { name: "x" });
  if (t.dtype.base_dtype.isInteger) return t;
  return op1(ctx, "Round", [t], {}, name);
});

/**
 * Sine, elementwise.
 * @example
 * const s = tf.sin(tf.constant(0.0)); // 0.0
 */
export const sin = unary("sin", "Sin");

/**
 * Cosine, elementwise.
 * @example
 * const c = tf.cos(tf.constant(0.0)); // 1.0
 */
export const cos = unary("cos", "Cos");

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
 * Index of the largest element along `axis` (0 when null; TF 1.x's `dimension` too).
 * The playground's indices are int32 (TF's default output_type is int64).
 * @example
 * const predicted = tf.argmax(logits, 1);
 */
export const argmax = argOp("argmax", "ArgMax");

/**
 * Index of the smallest element along `axis`. Indices are int32 (TF's default is int64).
 * @example
 * const nearest = tf.argmin(distances, 0);
 */
export const argmin = argOp("argmin", "ArgMin");

/**
 * Matrix product `a · b` (either transposed first with `transpose_a` / `transpose_b`).
 * @example
 * const logits = tf.matmul(x, w);  // x: (?, 784), w: (784, 10) → (?, 10)
 */
export const matmul = pyfunc(
  "matmul",
  ["a", "b", "transpose_a", "transpose_b", "adjoint_a", "adjoint_b", "a_is_sparse", "b_is_sparse", "name"],
  (
    ctx: EngineContext,
    a: unknown,
    b: unknown,
    transpose_a: boolean = false,
    transpose_b: boolean = false,
    adjoint_a: boolean = false,
    adjoint_b: boolean = false,
    a_is_sparse: boolean = false,
    b_is_sparse: boolean = false,
    name: Name = null,
  ): Tensor =>
    ctx.defaultGraph().name_scope(name || "MatMul", (scope) => {
      if (transpose_a && adjoint_a) throw new ValueError("Only one of transpose_a and adjoint_a can be True.");
      if (transpose_b && adjoint_b) throw new ValueError("Only one of transpose_b and adjoint_b can be True.");
      const at = convertToTensor(ctx, a, { name: "a" });
      const bt = convertToTensor(ctx, b, { name: "b" });
      const ra = at.shape.ndims;
      const rb = bt.shape.ndims;
      if (ra === null || ra > 2 || rb === null || rb > 2) {
        // TF uses BatchMatMul when a rank is unknown or above 2 (adjoint = transpose for reals).
        return op1(ctx, "BatchMatMul", [at, bt], { adj_x: !!(transpose_a || adjoint_a), adj_y: !!(transpose_b || adjoint_b) }, scope);
      }
      return op1(ctx, "MatMul", [at, bt], { transpose_a: !!(transpose_a || adjoint_a), transpose_b: !!(transpose_b || adjoint_b) }, scope);
    }),
);

/**
 * Converts `x` to `dtype` (float → int truncates toward zero). A tensor already of that
 * dtype is returned unchanged.
 * @example
 * const f = tf.cast(tf.constant([1, 2]), tf.float32); // [1. 2.]
 */
export const cast = pyfunc("cast", ["x", "dtype", "name"], (ctx: EngineContext, x: unknown, dtype: DTypeLike, name: Name = null): Tensor =>
  castTensor(ctx, x, dtype, name),
);

/**
 * `tf.cast(x, tf.float32)` (op named ToFloat).
 * @example
 * const f = tf.to_float(tf.constant(3)); // 3.0
 */
export const to_float = toType("to_float", float32, "ToFloat");

/**
 * `tf.cast(x, tf.float64)` (op named ToDouble).
 * @example
 * const d = tf.to_double(x);
 */
export const to_double = toType("to_double", float64, "ToDouble");

/**
 * `tf.cast(x, tf.int32)` (op named ToInt32).
 * @example
 * const i = tf.to_int32(tf.constant(2.7)); // 2
 */
export const to_int32 = toType("to_int32", int32, "ToInt32");

/**
 * The elementwise sum of a list of tensors of the same shape and dtype.
 * @example
 * const total = tf.add_n([a, b, c]);
 */
export const add_n = pyfunc("add_n", ["inputs", "name"], (ctx: EngineContext, inputs: unknown[], name: Name = null): Tensor => {
  const msg = "inputs must be a list of at least one Tensor/IndexedSlices with the same dtype and shape";
  if (!Array.isArray(inputs) || inputs.length === 0) throw new ValueError(msg);
  const ts = inputs.map((v) => convertToTensor(ctx, v));
  if (ts.length === 1) return name ? op1(ctx, "Identity", [ts[0]], {}, name) : ts[0];
  return op1(ctx, "AddN", [ts], {}, name);
});

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

/**
 * Interleaves `data` tensors into one: row `indices[m][i]` of the result is `data[m][i]`.
 * @example
 * const merged = tf.dynamic_stitch([[0, 2], [1]], [[10, 30], [20]]); // [10 20 30]
 */
export const dynamic_stitch = pyfunc(
  "dynamic_stitch",
  ["indices", "data", "name"],
  (ctx: EngineContext, indices: unknown[], data: unknown[], name: Name = null): Tensor => {
    if (!Array.isArray(indices)) throw new PyTypeError(`Expected list for 'indices' argument to 'DynamicStitch' Op, not ${pyRepr(indices)}.`);
    if (!Array.isArray(data)) throw new PyTypeError(`Expected list for 'data' argument to 'DynamicStitch' Op, not ${pyRepr(data)}.`);
    if (indices.length !== data.length) {
      throw new ValueError(`List argument 'data' to 'DynamicStitch' Op with length ${data.length} must match length ${indices.length} of argument 'indices'.`);
    }
    return op1(ctx, "DynamicStitch", [indices, data], {}, name);
  },
);
