/**
 * Math builders, TF 1.14's math_ops.py in the playground dialect: elementwise arithmetic and
 * functions, comparisons and logic, reductions, matmul, casts. Each opens TF's name scope and
 * converts plain values to constants named after the argument (`Add/y`, `Sum/reduction_indices`),
 * building the same nodes in the same order as TF's Python.
 */
import { DType, DTypeLike, asDType, float32, float64, int32 } from "../dtypes.js";
import { EngineContext } from "../context.js";
import { Tensor } from "../graph.js";
import { PyTypeError, ValueError } from "../errors.js";
import { NDArray } from "../ndarray.js";
import { pyRepr } from "../format/python.js";
import { applyOp } from "./apply.js";
import { convertToTensor } from "./convert_tensor.js";
import { PyArgs, pyfunc } from "./pyargs.js";
import { operatorRuntime } from "./operators.js";

type Name = string | null;
type Binary = (...args: PyArgs<[x: unknown, y: unknown], [name: Name], { name?: Name }>) => Tensor;
type Unary = (...args: PyArgs<[x: unknown], [name: Name], { name?: Name }>) => Tensor;
type Axis = number | number[] | Tensor | null;
/** TF 1.x reductions: `reduce_sum(input_tensor, axis, keepdims, name, reduction_indices, keep_dims)`. */
type ReduceKw = { axis?: Axis; keepdims?: boolean | null; name?: Name; reduction_indices?: Axis; keep_dims?: boolean | null };
type Reduce = (...args: PyArgs<[input_tensor: unknown], [axis: Axis, keepdims: boolean | null, name: Name, reduction_indices: Axis, keep_dims: boolean | null], ReduceKw>) => Tensor;
type ArgKw = { axis?: Axis; name?: Name; dimension?: Axis; output_type?: DTypeLike };
type Arg = (...args: PyArgs<[input: unknown], [axis: Axis, name: Name, dimension: Axis, output_type: DTypeLike], ArgKw>) => Tensor;
type ScanKw = { axis?: unknown; exclusive?: boolean; reverse?: boolean; name?: Name };
type Scan = (...args: PyArgs<[x: unknown], [axis: unknown, exclusive: boolean, reverse: boolean, name: Name], ScanKw>) => Tensor;
type CastFn = (...args: PyArgs<[x: unknown, dtype: DTypeLike], [name: Name], { name?: Name }>) => Tensor;
type ToFn = (...args: PyArgs<[x: unknown], [name: Name], { name?: Name }>) => Tensor;
type MatMulKw = {
  transpose_a?: boolean;
  transpose_b?: boolean;
  adjoint_a?: boolean;
  adjoint_b?: boolean;
  a_is_sparse?: boolean;
  b_is_sparse?: boolean;
  name?: Name;
};

/** TF's `_TRUEDIV_TABLE`: int32 divides as float64, floats as themselves. */
const TRUEDIV: ReadonlyMap<DType, DType | null> = new Map<DType, DType | null>([
  [int32, float64],
  [float32, null],
  [float64, null],
]);

/** Python's `repr` of a DType (`tf.int32`), as TF's TypeErrors print it with `%r`. */
function dtypeRepr(d: DType): string {
  return `tf.${d.name}`;
}

/** TF's `deprecation.deprecated_argument_lookup`. */
function lookup<T>(newName: string, newValue: T | null | undefined, oldName: string, oldValue: T | null | undefined): T | null {
  if (oldValue !== null && oldValue !== undefined) {
    if (newValue !== null && newValue !== undefined) throw new ValueError(`Cannot specify both '${oldName}' and '${newName}'`);
    return oldValue;
  }
  return newValue ?? null;
}

export function mathApi(ctx: EngineContext) {
  const g = () => ctx.defaultGraph();
  const op1 = (type: string, inputs: unknown[], attrs: Record<string, unknown> = {}, name: Name = null): Tensor => applyOp(ctx, type, inputs, attrs, name).outputs[0];
  const binary = (fname: string, type: string): Binary =>
    pyfunc(fname, ["x", "y", ["name", null]], (x: unknown, y: unknown, name: Name): Tensor => op1(type, [x, y], {}, name)) as Binary;
  const unary = (fname: string, type: string): Unary => pyfunc(fname, ["x", ["name", null]], (x: unknown, name: Name): Tensor => op1(type, [x], {}, name)) as Unary;
  /** A unary op whose Python wrapper opens the scope first (`with name_scope(name, "Abs")`). */
  const scopedUnary = (fname: string, type: string): Unary =>
    pyfunc(fname, ["x", ["name", null]], (x: unknown, name: Name): Tensor =>
      g().name_scope(name || type, (scope) => op1(type, [convertToTensor(ctx, x, { name: "x" })], {}, scope)),
    ) as Unary;
  const py = () => operatorRuntime(ctx);

  /** TF's `cast`: a tensor already of `dtype` is returned as is; otherwise a `Cast` op. */
  const cast = (x: unknown, dtypeArg: DTypeLike, name: Name, defaultName = "Cast"): Tensor => {
    const base = asDType(dtypeArg);
    if (x instanceof Tensor && x.dtype === base) return x;
    return g().name_scope(name || defaultName, (scope) => {
      const t = convertToTensor(ctx, x, { name: "x" });
      if (t.dtype.base_dtype === base) return t;
      return op1("Cast", [t], { SrcT: t.dtype.base_dtype, DstT: base, Truncate: false }, scope);
    });
  };

  /** TF's `_truediv_python3`: int32 operands become float64 (`truediv/Cast`), floats divide as they are. */
  const truediv = (x: unknown, y: unknown, name: Name): Tensor =>
    g().name_scope(name || "truediv", (scope) => {
      let xt = convertToTensor(ctx, x, { name: "x" });
      let yt = convertToTensor(ctx, y, { name: "y" });
      const xd = xt.dtype.base_dtype;
      const yd = yt.dtype.base_dtype;
      if (xd !== yd) throw new PyTypeError(`x and y must have the same dtype, got ${dtypeRepr(xd)} != ${dtypeRepr(yd)}`);
      if (!TRUEDIV.has(xd)) throw new PyTypeError(`Invalid dtype ${dtypeRepr(xd)} in __truediv__`);
      const to = TRUEDIV.get(xd)!;
      if (to !== null) {
        xt = cast(xt, to, null);
        yt = cast(yt, to, null);
      }
      return op1("RealDiv", [xt, yt], {}, scope);
    });

  /** TF's `_ReductionDims`: all axes as a Const when the rank is known, else `range(0, rank(x))`. */
  const reductionDims = (x: unknown, axis: Axis): unknown => {
    if (axis !== null && axis !== undefined) return axis;
    if (x instanceof Tensor && x.shape.ndims !== null) {
      const r = x.shape.ndims;
      return ctx.tf.constant(new NDArray(int32, [r], Int32Array.from({ length: r }, (_, i) => i)));
    }
    return ctx.tf.range(0, ctx.tf.rank(x));
  };

  /** A TF 1.x reduction: `gen_math_ops.<op>(input, _ReductionDims(input, axis), keepdims)`. */
  const reduction = (fname: string, type: string): Reduce =>
    pyfunc(
      fname,
      ["input_tensor", ["axis", null], ["keepdims", null], ["name", null], ["reduction_indices", null], ["keep_dims", null]],
      (input: unknown, axisArg: Axis, keepdimsArg: boolean | null, name: Name, ri: Axis, kd: boolean | null): Tensor => {
        const axis = lookup("axis", axisArg, "reduction_indices", ri);
        const keepdims = lookup("keepdims", keepdimsArg, "keep_dims", kd) ?? false;
        const dims = reductionDims(input, axis);
        const out = g().name_scope(name || type, (scope) => {
          // Converted in input order; `Tidx` defaults to int32, so `axis=[]` is an int32 list.
          const t = convertToTensor(ctx, input, { name: "input" });
          const axes = convertToTensor(ctx, dims, { name: "reduction_indices", preferredDtype: int32 });
          return op1(type, [t, axes], { keep_dims: !!keepdims }, scope);
        });
        // _may_reduce_to_scalar.
        if (!out.shape.is_fully_defined() && !keepdims && (axis === null || axis === undefined)) out.set_shape([]);
        return out;
      },
    ) as Reduce;

  const argOp = (fname: string, type: string): Arg =>
    pyfunc(fname, ["input", ["axis", null], ["name", null], ["dimension", null], ["output_type", int32]], (input: unknown, axisArg: Axis, name: Name, dimension: Axis, outputType: DTypeLike): Tensor => {
      const axis = lookup("axis", axisArg, "dimension", dimension) ?? 0;
      const out = asDType(outputType);
      if (out !== int32) throw new PyTypeError(`Value passed to parameter 'output_type' has DataType ${out.name} not in list of allowed values: int32, int64`);
      return op1(type, [input, axis], { output_type: out }, name);
    }) as Arg;

  const scan = (fname: string, type: string): Scan =>
    pyfunc(fname, ["x", ["axis", 0], ["exclusive", false], ["reverse", false], ["name", null]], (x: unknown, axis: unknown, exclusive: boolean, reverse: boolean, name: Name): Tensor =>
      g().name_scope(name || type, (scope) => op1(type, [convertToTensor(ctx, x, { name: "x" }), axis], { exclusive: !!exclusive, reverse: !!reverse }, scope)),
    ) as Scan;

  const toType = (fname: string, dtype: DType, defaultName: string): ToFn =>
    pyfunc(fname, ["x", ["name", defaultName]], (x: unknown, name: Name): Tensor => cast(x, dtype, name, defaultName)) as ToFn;

  const fns = {
    /**
     * `x + y` elementwise, with broadcasting. The `+` operator on tensors builds the same op.
     * @example
     * const s = tf.add(a, b); // op "Add"; `a + b` makes op "add"
     */
    add: binary("add", "Add"),
    /**
     * `x - y` elementwise, with broadcasting.
     * @example
     * const d = tf.subtract(a, b);
     */
    subtract: binary("subtract", "Sub"),
    /**
     * `x * y` elementwise, with broadcasting.
     * @example
     * const p = tf.multiply(a, 2);
     */
    multiply: binary("multiply", "Mul"),
    /**
     * `x / y` as true division: int32 operands are cast to float64 first (`truediv/Cast`).
     * @example
     * const q = tf.truediv(tf.constant(7), 2); // 3.5 (float64)
     */
    truediv: pyfunc("truediv", ["x", "y", ["name", null]], truediv) as Binary,
    /**
     * `x / y` (Python 3 division, like the `/` operator).
     * @example
     * const q = tf.divide(tf.constant([1.0, 2.0]), 4.0); // [0.25 0.5]
     */
    divide: pyfunc("divide", ["x", "y", ["name", null]], (x: unknown, y: unknown, name: Name): Tensor | number => {
      if (name !== null && name !== undefined) return truediv(x, y, name);
      return py().truediv(x, y) as Tensor | number;
    }) as Binary,
    /**
     * `x / y` for floats (no casts): op RealDiv.
     * @example
     * const q = tf.realdiv(tf.constant(1.0), 3.0);
     */
    realdiv: binary("realdiv", "RealDiv"),
    /**
     * `x / y`, or 0 where `y` is 0 (floats only).
     * @example
     * const safe = tf.div_no_nan(total, count);
     */
    div_no_nan: pyfunc("div_no_nan", ["x", "y", ["name", null]], (x: unknown, y: unknown, name: Name): Tensor =>
      g().name_scope(name || "div_no_nan", (scope) => {
        const xt = convertToTensor(ctx, x, { name: "x" });
        const yt = convertToTensor(ctx, y, { name: "y", dtype: xt.dtype.base_dtype });
        return op1("DivNoNan", [xt, yt], {}, scope);
      }),
    ) as Binary,
    /**
     * Python 2's `/`: floor division for ints, true division for floats (deprecated in TF 1.x).
     * @example
     * const q = tf.div(tf.constant(7), 2); // 3
     */
    div: pyfunc("div", ["x", "y", ["name", null]], (x: unknown, y: unknown, name: Name): Tensor =>
      g().name_scope(name || "div", (scope) => {
        const xt = convertToTensor(ctx, x, { name: "x" });
        const yt = convertToTensor(ctx, y, { name: "y", dtype: xt.dtype.base_dtype });
        return op1(xt.dtype.base_dtype.isFloating ? "RealDiv" : "FloorDiv", [xt, yt], {}, scope);
      }),
    ) as Binary,
    /**
     * `x // y`: the quotient rounded toward negative infinity (op FloorDiv named `floordiv`).
     * @example
     * const q = tf.floordiv(tf.constant(-7), 2); // -4
     */
    floordiv: pyfunc("floordiv", ["x", "y", ["name", null]], (x: unknown, y: unknown, name: Name): Tensor =>
      g().name_scope(name || "floordiv", (scope) => op1("FloorDiv", [x, y], {}, scope)),
    ) as Binary,
    /**
     * The FloorDiv op itself (`x // y`).
     * @example
     * const q = tf.floor_div(tf.constant(7), 2); // 3
     */
    floor_div: binary("floor_div", "FloorDiv"),
    /**
     * `x % y` with the sign of `y`, as Python's `%`.
     * @example
     * const r = tf.floormod(tf.constant(-7), 3); // 2
     */
    floormod: binary("floormod", "FloorMod"),
    /**
     * Alias of `tf.floormod`.
     * @example
     * const r = tf.mod(tf.constant(7), -3); // -2
     */
    mod: binary("mod", "FloorMod"),
    /**
     * `x` to the power `y`, elementwise.
     * @example
     * const p = tf.pow(tf.constant([2, 3]), 2); // [4 9]
     */
    pow: pyfunc("pow", ["x", "y", ["name", null]], (x: unknown, y: unknown, name: Name): Tensor =>
      g().name_scope(name || "Pow", (scope) => op1("Pow", [x, y], {}, scope)),
    ) as Binary,
    /**
     * The larger of `x` and `y`, elementwise.
     * @example
     * const r = tf.maximum(x, 0.0); // a ReLU
     */
    maximum: binary("maximum", "Maximum"),
    /**
     * The smaller of `x` and `y`, elementwise.
     * @example
     * const r = tf.minimum(x, 6.0);
     */
    minimum: binary("minimum", "Minimum"),
    /**
     * `(x - y) * (x - y)`, elementwise.
     * @example
     * const se = tf.squared_difference(pred, y);
     */
    squared_difference: binary("squared_difference", "SquaredDifference"),
    /**
     * `scalar * x` for a scalar (TF's `scalar_mul`: op Mul with the scalar first).
     * @example
     * const doubled = tf.scalar_mul(2.0, x);
     */
    scalar_mul: pyfunc("scalar_mul", ["scalar", "x", ["name", null]], (scalar: unknown, x: Tensor, name: Name): Tensor => {
      const s = convertToTensor(ctx, scalar, { dtype: x.dtype.base_dtype, name: "scalar" });
      if (s.shape.ndims !== 0) throw new ValueError(`Only scalar multiply works, got shape ${s.shape}`);
      return op1("Mul", [s, x], {}, name);
    }) as (...args: PyArgs<[scalar: unknown, x: Tensor], [name: Name], { name?: Name }>) => Tensor,
    /**
     * `-x` elementwise.
     * @example
     * const n = tf.negative(a);
     */
    negative: unary("negative", "Neg"),
    /**
     * Alias of `tf.negative`.
     * @example
     * const n = tf.neg(a);
     */
    neg: unary("neg", "Neg"),
    /**
     * `x == y` elementwise (bool).
     * @example
     * const same = tf.equal(a, b);
     */
    equal: binary("equal", "Equal"),
    /**
     * `x != y` elementwise (bool).
     * @example
     * const diff = tf.not_equal(a, b);
     */
    not_equal: binary("not_equal", "NotEqual"),
    /**
     * `x < y` elementwise (bool).
     * @example
     * const small = tf.less(x, 0.5);
     */
    less: binary("less", "Less"),
    /**
     * `x <= y` elementwise (bool).
     * @example
     * const m = tf.less_equal(x, 1);
     */
    less_equal: binary("less_equal", "LessEqual"),
    /**
     * `x > y` elementwise (bool).
     * @example
     * const big = tf.greater(x, 0);
     */
    greater: binary("greater", "Greater"),
    /**
     * `x >= y` elementwise (bool).
     * @example
     * const m = tf.greater_equal(x, 0);
     */
    greater_equal: binary("greater_equal", "GreaterEqual"),
    /**
     * `x AND y` for bools, elementwise.
     * @example
     * const both = tf.logical_and(a > 0, b > 0);
     */
    logical_and: binary("logical_and", "LogicalAnd"),
    /**
     * `x OR y` for bools, elementwise.
     * @example
     * const either = tf.logical_or(p, q);
     */
    logical_or: binary("logical_or", "LogicalOr"),
    /**
     * `NOT x` for bools, elementwise.
     * @example
     * const notP = tf.logical_not(p);
     */
    logical_not: unary("logical_not", "LogicalNot"),
    /**
     * `x XOR y` for bools, composed as TF does: `(x OR y) AND NOT (x AND y)`.
     * @example
     * const one = tf.logical_xor(p, q);
     */
    logical_xor: pyfunc("logical_xor", ["x", "y", ["name", "LogicalXor"]], (x: unknown, y: unknown, name: Name): Tensor => {
      const either = op1("LogicalOr", [x, y]);
      const notBoth = op1("LogicalNot", [op1("LogicalAnd", [x, y])]);
      return op1("LogicalAnd", [either, notBoth], {}, name || "LogicalXor");
    }) as Binary,
    /**
     * `|x|` elementwise.
     * @example
     * const a = tf.abs(tf.constant([-1.5, 2.0])); // [1.5 2. ]
     */
    abs: scopedUnary("abs", "Abs"),
    /**
     * `x * x` elementwise.
     * @example
     * const loss = tf.reduce_mean(tf.square(pred - y));
     */
    square: unary("square", "Square"),
    /**
     * Square root, elementwise.
     * @example
     * const r = tf.sqrt(tf.constant([4.0, 9.0])); // [2. 3.]
     */
    sqrt: unary("sqrt", "Sqrt"),
    /**
     * `1 / sqrt(x)` elementwise.
     * @example
     * const r = tf.rsqrt(tf.constant(4.0)); // 0.5
     */
    rsqrt: unary("rsqrt", "Rsqrt"),
    /**
     * `e^x` elementwise.
     * @example
     * const e = tf.exp(tf.constant(1.0)); // 2.7182817
     */
    exp: unary("exp", "Exp"),
    /**
     * Natural logarithm, elementwise.
     * @example
     * const l = tf.log(tf.constant(1.0)); // 0.0
     */
    log: unary("log", "Log"),
    /**
     * `log(1 + x)` elementwise, accurate for small `x`.
     * @example
     * const l = tf.log1p(tf.constant(0.0)); // 0.0
     */
    log1p: unary("log1p", "Log1p"),
    /**
     * The sign of each element: -1, 0 or 1.
     * @example
     * const s = tf.sign(tf.constant([-2, 0, 3])); // [-1  0  1]
     */
    sign: pyfunc("sign", ["x", ["name", null]], (x: unknown, name: Name): Tensor => g().name_scope(name || "Sign", (scope) => op1("Sign", [x], {}, scope))) as Unary,
    /**
     * `1 / x` elementwise.
     * @example
     * const r = tf.reciprocal(tf.constant(4.0)); // 0.25
     */
    reciprocal: unary("reciprocal", "Reciprocal"),
    /**
     * The logistic function `1 / (1 + exp(-x))`, elementwise.
     * @example
     * const p = tf.sigmoid(logits);
     */
    sigmoid: scopedUnary("sigmoid", "Sigmoid"),
    /**
     * Hyperbolic tangent, elementwise.
     * @example
     * const h = tf.tanh(tf.matmul(x, w));
     */
    tanh: pyfunc("tanh", ["x", ["name", null]], (x: unknown, name: Name): Tensor => g().name_scope(name || "Tanh", (scope) => op1("Tanh", [x], {}, scope))) as Unary,
    /**
     * The largest integer not greater than each element.
     * @example
     * const f = tf.floor(tf.constant([1.5, -1.5])); // [ 1. -2.]
     */
    floor: unary("floor", "Floor"),
    /**
     * The smallest integer not less than each element.
     * @example
     * const c = tf.ceil(tf.constant([1.2, -1.2])); // [ 2. -1.]
     */
    ceil: unary("ceil", "Ceil"),
    /**
     * Rounds each element to the nearest integer, halves to even (banker's rounding).
     * @example
     * const r = tf.round(tf.constant([0.5, 1.5, 2.5])); // [0. 2. 2.]
     */
    round: pyfunc("round", ["x", ["name", null]], (x: unknown, name: Name): Tensor => {
      const t = convertToTensor(ctx, x, { name: "x" });
      if (t.dtype.base_dtype.isInteger) return t;
      return op1("Round", [t], {}, name);
    }) as Unary,
    /**
     * Sine, elementwise.
     * @example
     * const s = tf.sin(tf.constant(0.0)); // 0.0
     */
    sin: unary("sin", "Sin"),
    /**
     * Cosine, elementwise.
     * @example
     * const c = tf.cos(tf.constant(0.0)); // 1.0
     */
    cos: unary("cos", "Cos"),
    /**
     * Sum of elements across `axis` (all axes when null). TF 1.x's `keep_dims` and
     * `reduction_indices` are accepted too.
     * @example
     * const total = tf.reduce_sum(x);              // all elements
     * const rows = tf.reduce_sum(x, {axis: 1, keepdims: true});
     */
    reduce_sum: reduction("reduce_sum", "Sum"),
    /**
     * Mean of elements across `axis` (all axes when null); int32 means truncate.
     * @example
     * const loss = tf.reduce_mean(tf.square(pred - y));
     */
    reduce_mean: reduction("reduce_mean", "Mean"),
    /**
     * Maximum of elements across `axis`.
     * @example
     * const m = tf.reduce_max(x, 1);
     */
    reduce_max: reduction("reduce_max", "Max"),
    /**
     * Minimum of elements across `axis`.
     * @example
     * const m = tf.reduce_min(x);
     */
    reduce_min: reduction("reduce_min", "Min"),
    /**
     * Product of elements across `axis`.
     * @example
     * const p = tf.reduce_prod(tf.constant([2, 3, 4])); // 24
     */
    reduce_prod: reduction("reduce_prod", "Prod"),
    /**
     * Logical AND of bools across `axis`.
     * @example
     * const allPositive = tf.reduce_all(x > 0);
     */
    reduce_all: reduction("reduce_all", "All"),
    /**
     * Logical OR of bools across `axis`.
     * @example
     * const anyNegative = tf.reduce_any(x < 0);
     */
    reduce_any: reduction("reduce_any", "Any"),
    /**
     * Index of the largest element along `axis` (0 when null; TF 1.x's `dimension` too).
     * The playground's indices are int32 (TF's default output_type is int64).
     * @example
     * const predicted = tf.argmax(logits, 1);
     */
    argmax: argOp("argmax", "ArgMax"),
    /**
     * Index of the smallest element along `axis`. Indices are int32 (TF's default is int64).
     * @example
     * const nearest = tf.argmin(distances, 0);
     */
    argmin: argOp("argmin", "ArgMin"),
    /**
     * Matrix product `a · b` (either transposed first with `transpose_a` / `transpose_b`).
     * @example
     * const logits = tf.matmul(x, w);  // x: (?, 784), w: (784, 10) → (?, 10)
     */
    matmul: pyfunc(
      "matmul",
      ["a", "b", ["transpose_a", false], ["transpose_b", false], ["adjoint_a", false], ["adjoint_b", false], ["a_is_sparse", false], ["b_is_sparse", false], ["name", null]],
      (a: unknown, b: unknown, ta: boolean, tb: boolean, aa: boolean, ab: boolean, _as: boolean, _bs: boolean, name: Name): Tensor =>
        g().name_scope(name || "MatMul", (scope) => {
          if (ta && aa) throw new ValueError("Only one of transpose_a and adjoint_a can be True.");
          if (tb && ab) throw new ValueError("Only one of transpose_b and adjoint_b can be True.");
          const at = convertToTensor(ctx, a, { name: "a" });
          const bt = convertToTensor(ctx, b, { name: "b" });
          const ra = at.shape.ndims;
          const rb = bt.shape.ndims;
          if (ra === null || ra > 2 || rb === null || rb > 2) {
            // TF uses BatchMatMul when a rank is unknown or above 2 (adjoint = transpose for reals).
            return op1("BatchMatMul", [at, bt], { adj_x: !!(ta || aa), adj_y: !!(tb || ab) }, scope);
          }
          return op1("MatMul", [at, bt], { transpose_a: !!(ta || aa), transpose_b: !!(tb || ab) }, scope);
        }),
    ) as (...args: PyArgs<[a: unknown, b: unknown], [transpose_a: boolean, transpose_b: boolean], MatMulKw>) => Tensor,
    /**
     * Converts `x` to `dtype` (float → int truncates toward zero). A tensor already of that
     * dtype is returned unchanged.
     * @example
     * const f = tf.cast(tf.constant([1, 2]), tf.float32); // [1. 2.]
     */
    cast: pyfunc("cast", ["x", "dtype", ["name", null]], (x: unknown, dtype: DTypeLike, name: Name): Tensor => cast(x, dtype, name)) as CastFn,
    /**
     * `tf.cast(x, tf.float32)` (op named ToFloat).
     * @example
     * const f = tf.to_float(tf.constant(3)); // 3.0
     */
    to_float: toType("to_float", float32, "ToFloat"),
    /**
     * `tf.cast(x, tf.float64)` (op named ToDouble).
     * @example
     * const d = tf.to_double(x);
     */
    to_double: toType("to_double", float64, "ToDouble"),
    /**
     * `tf.cast(x, tf.int32)` (op named ToInt32).
     * @example
     * const i = tf.to_int32(tf.constant(2.7)); // 2
     */
    to_int32: toType("to_int32", int32, "ToInt32"),
    /**
     * The elementwise sum of a list of tensors of the same shape and dtype.
     * @example
     * const total = tf.add_n([a, b, c]);
     */
    add_n: pyfunc("add_n", ["inputs", ["name", null]], (inputs: unknown, name: Name): Tensor => {
      const msg = "inputs must be a list of at least one Tensor/IndexedSlices with the same dtype and shape";
      if (!Array.isArray(inputs) || inputs.length === 0) throw new ValueError(msg);
      const ts = inputs.map((v) => convertToTensor(ctx, v));
      if (ts.length === 1) return name ? op1("Identity", [ts[0]], {}, name) : ts[0];
      return op1("AddN", [ts], {}, name);
    }) as (...args: PyArgs<[inputs: unknown[]], [name: Name], { name?: Name }>) => Tensor,
    /**
     * The running sum along `axis` (`exclusive` leaves each element out, `reverse` sums from the end).
     * @example
     * const c = tf.cumsum(tf.constant([1, 2, 3])); // [1 3 6]
     */
    cumsum: scan("cumsum", "Cumsum"),
    /**
     * The running product along `axis`.
     * @example
     * const c = tf.cumprod(tf.constant([1, 2, 3]), {exclusive: true}); // [1 1 2]
     */
    cumprod: scan("cumprod", "Cumprod"),
    /**
     * Interleaves `data` tensors into one: row `indices[m][i]` of the result is `data[m][i]`.
     * @example
     * const merged = tf.dynamic_stitch([[0, 2], [1]], [[10, 30], [20]]); // [10 20 30]
     */
    dynamic_stitch: pyfunc("dynamic_stitch", ["indices", "data", ["name", null]], (indices: unknown[], data: unknown[], name: Name): Tensor => {
      if (!Array.isArray(indices)) throw new PyTypeError(`Expected list for 'indices' argument to 'DynamicStitch' Op, not ${pyRepr(indices)}.`);
      if (!Array.isArray(data)) throw new PyTypeError(`Expected list for 'data' argument to 'DynamicStitch' Op, not ${pyRepr(data)}.`);
      if (indices.length !== data.length) {
        throw new ValueError(`List argument 'data' to 'DynamicStitch' Op with length ${data.length} must match length ${indices.length} of argument 'indices'.`);
      }
      return op1("DynamicStitch", [indices, data], {}, name);
    }) as (...args: PyArgs<[indices: unknown[], data: unknown[]], [name: Name], { name?: Name }>) => Tensor,
  };

  /** The names TF 1.14 also exports under `tf.math`. */
  const MATH_NAMES = [
    "abs", "add", "add_n", "argmax", "argmin", "ceil", "cos", "cumprod", "cumsum", "divide", "div_no_nan",
    "equal", "exp", "floor", "floordiv", "floormod", "greater", "greater_equal", "less", "less_equal", "log",
    "log1p", "logical_and", "logical_not", "logical_or", "logical_xor", "maximum", "minimum", "mod", "multiply",
    "negative", "not_equal", "pow", "realdiv", "reciprocal", "reduce_all", "reduce_any", "reduce_max",
    "reduce_mean", "reduce_min", "reduce_prod", "reduce_sum", "round", "rsqrt", "scalar_mul", "sigmoid", "sign",
    "sin", "sqrt", "square", "squared_difference", "subtract", "tanh", "truediv",
  ] as const satisfies readonly (keyof typeof fns)[];
  const math = Object.fromEntries(MATH_NAMES.map((n) => [n, fns[n]])) as Pick<typeof fns, (typeof MATH_NAMES)[number]>;

  return {
    ...fns,
    /**
     * `tf.math`: the same math functions under TF 1.14's `tf.math` names.
     * @example
     * const total = tf.math.reduce_sum(x);
     */
    math,
  };
}
