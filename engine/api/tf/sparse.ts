/**
 * `tf.SparseTensor` and the functions that turn one into a dense tensor or use it with one:
 * `tf.sparse.to_dense` (`tf.sparse_tensor_to_dense`), `tf.sparse_to_dense`,
 * `tf.sparse.sparse_dense_matmul` (`tf.sparse_tensor_dense_matmul`), `tf.sparse.add` and
 * `tf.sparse_placeholder` — as TF 1.15's sparse_tensor.py, sparse_ops.py and array_ops.py build them.
 */
import { int32, int64, type DTypeLike } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { pyClassName } from "../../format/pytypes.js";
import { applyOp } from "../apply.js";
import { constant, placeholder } from "./core.js";
import { range } from "./filling.js";
import { PyTypeError, ValueError } from "../../errors.js";
import { SparseTensorImpl } from "../../sparse_tensor.js";
import { SparseTensorValue } from "../../sparse_value.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyclass, pyfunc } from "../pyargs.js";
import { deprecatedArgumentLookup, op1, type Name } from "../build.js";
import { zeros } from "./filling.js";

/** TF's SparseTensor.__init__: the three parts converted in scope `SparseTensor`, then their shapes checked. */
function makeSparse(ctx: EngineContext, indices: unknown, values: unknown, dense_shape: unknown): SparseTensorImpl {
  const [i, v, s] = ctx.defaultGraph().name_scope("SparseTensor", () => [
    convertToTensor(ctx, indices, { name: "indices", dtype: int64 }),
    convertToTensor(ctx, values, { name: "values" }),
    convertToTensor(ctx, dense_shape, { name: "dense_shape", dtype: int64 }),
  ]);
  const rank = (t: Tensor, r: number) => {
    const dims = t.shape.dims;
    if (dims !== null && dims.length !== r) throw new ValueError(`Shape ${t.shape} must have rank ${r}`);
    return dims ?? new Array(r).fill(null);
  };
  const [n, width] = rank(i, 2);
  const [nValues] = rank(v, 1);
  const [nDims] = rank(s, 1);
  const merge = (a: number | null, b: number | null) => {
    if (a !== null && b !== null && a !== b) throw new ValueError(`Dimensions ${a} and ${b} are not compatible`);
  };
  merge(n, nValues);
  merge(width, nDims);
  return new SparseTensorImpl(i, v, s);
}

/** TF's `_convert_to_sparse_tensor`: a SparseTensor, or a SparseTensorValue made into one. */
function asSparse(ctx: EngineContext, x: unknown): SparseTensorImpl {
  if (x instanceof SparseTensorValue) return makeSparse(ctx, x.indices, x.values, x.dense_shape);
  if (!(x instanceof SparseTensorImpl)) throw new PyTypeError("Input must be a SparseTensor.");
  return x;
}

/**
 * A sparse tensor: `values` at `indices` (int64 `[N, rank]`, in row-major order) of a dense
 * tensor of shape `dense_shape`, zero elsewhere. Fetching it gives a `SparseTensorValue`.
 * @example
 * const sp = tf.SparseTensor({indices: [[0, 0], [1, 2]], values: [1, 2], dense_shape: [3, 4]});
 * sess.run(tf.sparse.to_dense(sp)); // [[1 0 0 0] [0 0 2 0] [0 0 0 0]]
 */
export const SparseTensor = pyclass(
  "SparseTensor",
  ["indices", "values", "dense_shape"],
  (ctx: EngineContext, indices: unknown, values: unknown, dense_shape: unknown): SparseTensorImpl => makeSparse(ctx, indices, values, dense_shape),
  SparseTensorImpl.prototype,
);

/**
 * The dense tensor a SparseTensor stands for, `default_value` (zero) where it has no value
 * (a SparseToDense node). Indices must be sorted and unique unless `validate_indices` is false.
 * @example
 * const dense = tf.sparse.to_dense(sp); // also tf.sparse_tensor_to_dense(sp)
 */
export const sparse_tensor_to_dense = pyfunc(
  "sparse_tensor_to_dense",
  ["sp_input", "default_value", "validate_indices", "name"],
  (ctx: EngineContext, sp_input: unknown, default_value: unknown = null, validate_indices: boolean = true, name: Name = null): Tensor => {
    const sp = asSparse(ctx, sp_input);
    const dflt = default_value === null || default_value === undefined ? zeros(ctx, [], sp.dtype) : default_value;
    return op1(ctx, "SparseToDense", [sp.indices, sp.dense_shape, sp.values, dflt], { validate_indices: validate_indices !== false }, name);
  },
);

/**
 * TF 1.x's older form: a dense tensor of `output_shape` with `sparse_values` (one value, or one
 * per index) at `sparse_indices` and `default_value` elsewhere.
 * @example
 * const d = tf.sparse_to_dense([[0, 1], [2, 3]], [3, 4], [5, 6]); // [[0 5 0 0] [0 0 0 0] [0 0 0 6]]
 */
export const sparse_to_dense = pyfunc(
  "sparse_to_dense",
  ["sparse_indices", "output_shape", "sparse_values", "default_value", "validate_indices", "name"],
  (ctx: EngineContext, sparse_indices: unknown, output_shape: unknown, sparse_values: unknown, default_value: unknown = 0, validate_indices: boolean = true, name: Name = null): Tensor =>
    op1(ctx, "SparseToDense", [sparse_indices, output_shape, sparse_values, default_value], { validate_indices: validate_indices !== false }, name),
);

/**
 * The matrix product of a sparse matrix and a dense one (`adjoint_a` / `adjoint_b`
 * transpose them first): a dense matrix.
 * @example
 * const y = tf.sparse.sparse_dense_matmul(sp, tf.ones([4, 2])); // also tf.sparse_tensor_dense_matmul
 */
export const sparse_tensor_dense_matmul = pyfunc(
  "sparse_tensor_dense_matmul",
  ["sp_a", "b", "adjoint_a", "adjoint_b", "name"],
  (ctx: EngineContext, sp_a: unknown, b: unknown, adjoint_a: boolean = false, adjoint_b: boolean = false, name: Name = null): Tensor => {
    const sp = asSparse(ctx, sp_a);
    return ctx.defaultGraph().name_scope(name || "SparseTensorDenseMatMul", (scope) => {
      const bt = convertToTensor(ctx, b, { name: "b" });
      return op1(ctx, "SparseTensorDenseMatMul", [sp.indices, sp.values, sp.dense_shape, bt], { adjoint_a: adjoint_a === true, adjoint_b: adjoint_b === true }, scope);
    });
  },
);

/**
 * The sum of two SparseTensors of one shape (a SparseTensor: a SparseAdd node; where both have
 * a value, a sum smaller in magnitude than `threshold` is dropped), or of a sparse and a dense
 * tensor in either order (a dense tensor: SparseTensorDenseAdd).
 * @example
 * const sum = tf.sparse.add(tf.zeros([3, 4], tf.int32), sp); // also tf.sparse_add
 * const both = tf.sparse.add(sp, sp2);                       // a SparseTensor
 */
export const sparse_add = pyfunc(
  "sparse_add",
  ["a", "b", "threshold", "thresh"],
  (ctx: EngineContext, a: unknown, b: unknown, threshold: unknown = null, thresh: unknown = null): Tensor | SparseTensorImpl => {
    const limit = deprecatedArgumentLookup("threshold", threshold, "thresh", thresh) ?? 0;
    const isSparse = (x: unknown) => x instanceof SparseTensorImpl || x instanceof SparseTensorValue;
    if (!isSparse(a) && !isSparse(b)) throw new PyTypeError("At least one input should be SparseTensor; do you mean to use tf.add()?");
    if (isSparse(a) && isSparse(b)) {
      const x = asSparse(ctx, a);
      const y = asSparse(ctx, b);
      const t = convertToTensor(ctx, limit, { dtype: x.values.dtype.base_dtype, name: "threshold" });
      const [indices, values, shape] = applyOp(ctx, "SparseAdd", [x.indices, x.values, x.dense_shape, y.indices, y.values, y.dense_shape, t]).outputs;
      // TF's static shape: both operands' known shapes must agree; a fully known one becomes a Const.
      const xs = x.get_shape();
      const ys = y.get_shape();
      if (!xs.is_compatible_with(ys)) throw new ValueError(`Shapes ${xs} and ${ys} are incompatible`);
      // broadcast_static_shape: an unknown rank stays unknown; an unknown dim takes the other's if > 1.
      const dims = xs.dims === null || ys.dims === null ? null : xs.dims.map((d, i) => (d !== null && ys.dims![i] !== null ? d : Math.max(d ?? 0, ys.dims![i] ?? 0) > 1 ? (d ?? ys.dims![i]) : null));
      const denseShape = dims !== null && dims.every((d) => d !== null) ? dims : shape;
      return makeSparse(ctx, indices, values, denseShape);
    }
    const sp = asSparse(ctx, isSparse(a) ? a : b);
    const dense = isSparse(a) ? b : a;
    return op1(ctx, "SparseTensorDenseAdd", [sp.indices, sp.values, sp.dense_shape, dense]);
  },
);

/**
 * A SparseTensor of three placeholders (values, indices, and the dense shape unless `shape` is
 * fully given), to be fed a `tf.SparseTensorValue` or an (indices, values, dense_shape) triple.
 * @example
 * const x = tf.sparse_placeholder(tf.float32);
 * sess.run(tf.sparse.to_dense(x), {feed_dict: new Map([[x, new tf.SparseTensorValue([[0, 1]], [2.5], [2, 3])]])});
 */
export const sparse_placeholder = pyfunc(
  "sparse_placeholder",
  ["dtype", "shape", "name"],
  (ctx: EngineContext, dtype: DTypeLike, shape: unknown = null, name: string | null = null): SparseTensorImpl => {
    const sub = (part: string) => (name !== null && name !== undefined ? `${name}/${part}` : null);
    // _normalize_sparse_shape: a shape with a None (or none at all) is fed too.
    let denseShape: Tensor | null = null;
    let rank: number | null = null;
    if (shape !== null && shape !== undefined) {
      if (shape instanceof Tensor) rank = shape.shape.dims?.[0] ?? null;
      else if (Array.isArray(shape)) rank = shape.length;
      else throw new PyTypeError(`object of type '${pyClassName(shape)}' has no len()`);
      if (shape instanceof Tensor || !(shape as unknown[]).some((d) => d === null || d === undefined)) {
        denseShape = convertToTensor(ctx, shape, { dtype: int64, name: sub("shape") });
      }
    }
    denseShape ??= placeholder(ctx, int64, [rank], sub("shape"));
    const values = placeholder(ctx, dtype, [null], sub("values"));
    const indices = placeholder(ctx, int64, [null, rank], sub("indices"));
    return makeSparse(ctx, indices, values, denseShape);
  },
);

/** math_ops' `_ReductionDims` for a SparseTensor: the axes given, else all of them (a Const when the rank is known, else range(0, Rank)). */
function reductionDims(ctx: EngineContext, sp: SparseTensorImpl, axis: unknown): unknown {
  if (axis !== null && axis !== undefined) return axis;
  const rank = sp.get_shape().ndims ?? sp.dense_shape.shape.dims?.[0] ?? null;
  if (rank !== null) return constant(ctx, Array.from({ length: rank }, (_, i) => i), int32);
  // array_ops.rank of a SparseTensor: the Size of its dense shape, named Rank.
  const r = ctx.defaultGraph().name_scope("Rank", (scope) => op1(ctx, "Size", [sp.dense_shape], { out_type: int32 }, scope));
  return range(ctx, 0, r);
}

/** tf.sparse.reduce_sum / reduce_max: the v1 arguments (keep_dims and reduction_axes are the old names). */
function sparseReduce(ctx: EngineContext, type: string, sp_input: unknown, axis: unknown, keepdims: unknown, reduction_axes: unknown, keep_dims: unknown): Tensor {
  const keep = deprecatedArgumentLookup("keepdims", keepdims, "keep_dims", keep_dims) ?? false;
  const sp = asSparse(ctx, sp_input);
  if (reduction_axes !== null && reduction_axes !== undefined && axis !== null && axis !== undefined) {
    throw new ValueError("Can't specify both axis' and 'reduction_indices'.");
  }
  const axes = reductionDims(ctx, sp, axis ?? reduction_axes);
  return op1(ctx, type, [sp.indices, sp.values, sp.dense_shape, axes], { keep_dims: Boolean(keep) });
}

/**
 * The sum of a SparseTensor's values over `axis` (all axes by default): a dense tensor (the
 * implicit zeros add nothing).
 * @example
 * // x represents [[1, ?, 1], [?, 1, ?]]
 * tf.sparse.reduce_sum(x);    // 3
 * tf.sparse.reduce_sum(x, 1); // [2, 1]
 */
export const sparse_reduce_sum = pyfunc(
  "sparse_reduce_sum",
  ["sp_input", "axis", "keepdims", "reduction_axes", "keep_dims"],
  (ctx: EngineContext, sp_input: unknown, axis: unknown = null, keepdims: unknown = null, reduction_axes: unknown = null, keep_dims: unknown = null): Tensor =>
    sparseReduce(ctx, "SparseReduceSum", sp_input, axis, keepdims, reduction_axes, keep_dims),
);

/**
 * The maximum of a SparseTensor's stored values over `axis` (all axes by default): a dense
 * tensor; implicit zeros are not compared, and a cell no value reaches is 0.
 * @example
 * // x represents [[1, ?, 2], [?, 3, ?]]
 * tf.sparse.reduce_max(x, 0); // [1, 3, 2]
 */
export const sparse_reduce_max = pyfunc(
  "sparse_reduce_max",
  ["sp_input", "axis", "keepdims", "reduction_axes", "keep_dims"],
  (ctx: EngineContext, sp_input: unknown, axis: unknown = null, keepdims: unknown = null, reduction_axes: unknown = null, keep_dims: unknown = null): Tensor =>
    sparseReduce(ctx, "SparseReduceMax", sp_input, axis, keepdims, reduction_axes, keep_dims),
);
