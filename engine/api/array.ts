/**
 * Array builders (`tf.concat`, `tf.stack`, `tf.transpose`, `tf.zeros`, ...) building the same
 * nodes, with the same names and in the same order, as TF 1.14's array_ops.py.
 */
import { DType, DTypeLike, asDType, bool as boolDType, float32, float64, int32, string as stringDType } from "../dtypes.js";
import { EngineContext } from "../context.js";
import { Operation, Tensor, nameFromScopeName } from "../graph.js";
import { NotImplementedError, PyTypeError, ValueError } from "../errors.js";
import { TensorShape, ShapeLike } from "../shape.js";
import { constantToNDArray } from "../convert.js";
import { NDArray } from "../ndarray.js";
import { OPS } from "../ops/registry.js";
import { isPyFloat, unbox } from "../pyfloat.js";
import { applyOp } from "./apply.js";
import { convertToTensor, isTensorLike, TensorConvertible } from "./convert_tensor.js";
import { PyArgs, pyfunc } from "./pyargs.js";
import { pyFor } from "../ops/array_py.js";

type Name = string | null;

/** A Python `slice(start, stop, step)` for `sliceHelper`; `null` fields are omitted bounds. */
export interface PySlice {
  start?: number | Tensor | null;
  stop?: number | Tensor | null;
  step?: number | Tensor | null;
}

/** One entry of a `tensor[...]` spec: an index, a slice, `null` (tf.newaxis) or `"..."`. */
export type SliceSpec = number | Tensor | PySlice | null | "...";

const asTensor = (x: unknown): Tensor => (x instanceof Tensor ? x : (x as TensorConvertible)._as_tensor(false));

/** A Const named exactly `scope` without its slash (TF's `constant(..., name=scope)`). */
export function constNamed(ctx: EngineContext, value: NDArray, scope: string): Tensor {
  return ctx.defaultGraph()._createOp(OPS.get("Const"), [], { value, dtype: value.dtype }, nameFromScopeName(scope)).outputs[0];
}

/** The plain dims of a shape argument (list of ints, int, TensorShape), or null if not plain. */
function plainDims(shape: unknown): number[] | null {
  if (shape instanceof TensorShape) return shape.is_fully_defined() ? (shape.dims as number[]) : null;
  if (typeof shape === "number" || isPyFloat(shape)) return [Number(unbox(shape))];
  if (Array.isArray(shape) && shape.every((d) => typeof d === "number")) return shape as number[];
  return null;
}

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
      end.push(typeof s === "number" ? s + 1 : pyFor(ctx).add(s, 1));
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
    const tf = ctx.tf;
    const stack = (v: unknown[]) => tf.stack(v);
    const [b, e, st] = begin.length ? [stack(begin), stack(end), stack(strides)] : [0, 1, 2].map(() => tf.constant([], int32));
    return tf.strided_slice(tensor, b, e, st, {
      begin_mask: beginMask,
      end_mask: endMask,
      ellipsis_mask: ellipsisMask,
      new_axis_mask: newAxisMask,
      shrink_axis_mask: shrinkMask,
      name: scope,
    });
  });
}

/** TF's `deprecated_argument_lookup`. */
function argLookup(newName: string, newValue: unknown, oldName: string, oldValue: unknown): unknown {
  if (oldValue !== null && oldValue !== undefined) {
    if (newValue !== null && newValue !== undefined) throw new ValueError(`Cannot specify both '${oldName}' and '${newName}'`);
    return oldValue;
  }
  return newValue;
}

/** Array builders bound to a context. */
export function arrayApi(ctx: EngineContext) {
  const g = () => ctx.defaultGraph();
  const op1 = (type: string, inputs: unknown[], attrs: Record<string, unknown>, name: Name): Tensor => applyOp(ctx, type, inputs, attrs, name).outputs[0];

  /** `tf.zeros` / `tf.ones`: a Const when under 1000 elements, else `Fill` (TF's `_constant_if_small`). */
  const filled = (shape: unknown, dtypeLike: DTypeLike, name: Name, defaultName: string, one: boolean): Tensor => {
    const dtype = asDType(dtypeLike);
    return g().name_scope(name || defaultName, (scope) => {
      const value = dtype === boolDType ? one : dtype === stringDType ? "" : one ? 1 : 0;
      let shapeT: Tensor;
      if (!isTensorLike(shape)) {
        if (shape instanceof TensorShape && !shape.is_fully_defined()) {
          throw new ValueError(`Cannot convert a partially known TensorShape to a Tensor: ${shape}`);
        }
        const dims = plainDims(shape);
        if (dims !== null) {
          if (dims.reduce((a, b) => a * b, 1) < 1000) {
            return constNamed(ctx, reshapedConst(constantToNDArray(value, dtype), dims), scope);
          }
          shapeT = ctx.tf.constant(dims, int32, null, "shape_as_tensor");
        } else {
          shapeT = convertToTensor(ctx, shape, { dtype: int32 });
        }
      } else {
        shapeT = asTensor(shape);
      }
      if (!shapeT.shape.dims || shapeT.shape.dims.length === 0) shapeT = ctx.tf.reshape(shapeT, [-1]);
      return ctx.tf.fill(shapeT, ctx.tf.constant(value, dtype), scope);
    });
  };

  /** TF's transpose with the default (reversed) permutation or a given one. */
  const transpose = (a: unknown, perm: unknown, name: Name): Tensor =>
    g().name_scope(name || "transpose", (scope) => {
      if (perm === null || perm === undefined) {
        const x = convertToTensor(ctx, a, { name: "a" });
        const ndims = x.shape.ndims;
        let p: unknown;
        if (!ndims) {
          // Unknown rank (or a scalar): the permutation is computed in the graph.
          const py = pyFor(ctx);
          const rank = op1("Rank", [x], {}, null);
          p = py.sub(py.sub(rank, 1), op1("Range", [0, rank, 1], {}, null));
        } else {
          p = Array.from({ length: ndims }, (_, i) => ndims - 1 - i);
        }
        const ret = op1("Transpose", [x, p], {}, scope);
        const dims = x.shape.dims;
        if (dims !== null) ret.set_shape(new TensorShape(dims.slice().reverse()));
        return ret;
      }
      return op1("Transpose", [a, perm], {}, scope);
    });

  /** `tf.stack`: a constant list becomes one Const; otherwise Pack. */
  const stack = (values: unknown, axis: number, name: string): Tensor => {
    if (!Array.isArray(values)) throw new PyTypeError(`Expected list for 'values' argument to 'Pack' Op, not ${String(values)}.`);
    if (axis === 0) {
      try {
        return convertToTensor(ctx, values, { name });
      } catch (e) {
        if (!(e instanceof TypeError || e instanceof ValueError)) throw e;
      }
    }
    const first = convertToTensor(ctx, values[0], { name });
    const r = first.shape.ndims;
    if (r !== null) {
      const expanded = r + 1;
      if (axis < -expanded || axis >= expanded) throw new ValueError(`axis = ${axis} not in [${-expanded}, ${expanded})`);
    }
    return op1("Pack", [values], { axis }, name);
  };

  /** `tf.ones_like`: Shape (a Const when known), then ones of that shape (a Fill named `ones_like`). */
  const onesLike = (tensor: unknown, dtype: DTypeLike | null, name: Name): Tensor =>
    g().name_scope(name || "ones_like", (scope) => {
      const t = convertToTensor(ctx, tensor, { name: "tensor" });
      const shape = ctx.tf.shape(t);
      const ret = filled(shape, dtype ? asDType(dtype) : t.dtype.base_dtype, scope, "ones", true);
      ret.set_shape(t.shape);
      return ret;
    });

  return {
    /**
     * The number of elements of `input` (a Const when the static shape is known).
     * @example
     * const n = tf.size(tf.zeros([2, 3])); // 6
     */
    size: pyfunc("size", ["input", ["name", null], ["out_type", int32]], (input: unknown, name: Name, outType: DTypeLike): Tensor =>
      g().name_scope(name || "Size", (scope) => {
        const t = convertToTensor(ctx, input);
        const s = t.shape;
        const out = asDType(outType);
        if (s.is_fully_defined()) return constNamed(ctx, constantToNDArray(s.num_elements(), out), scope);
        if (s.dims !== null && s.dims.some((d) => d === 0)) return constNamed(ctx, constantToNDArray(0, out), scope);
        return op1("Size", [t], { out_type: out }, scope);
      }),
    ) as (...args: PyArgs<[input: unknown], [name: Name, out_type: DTypeLike], { name?: Name; out_type?: DTypeLike }>) => Tensor,

    /**
     * The number of dimensions of `input` (a Const when the rank is known).
     * @example
     * const r = tf.rank(tf.zeros([2, 3])); // 2
     */
    rank: pyfunc("rank", ["input", ["name", null]], (input: unknown, name: Name): Tensor =>
      g().name_scope(name || "Rank", (scope) => {
        const t = convertToTensor(ctx, input);
        if (t.shape.ndims !== null) return constNamed(ctx, constantToNDArray(t.shape.ndims, int32), scope);
        return op1("Rank", [t], {}, scope);
      }),
    ) as (...args: PyArgs<[input: unknown], [name: Name], { name?: Name }>) => Tensor,

    /**
     * Inserts a dimension of size 1 at `axis` (TF 1.x also accepts the old name `dim`).
     * @example
     * const col = tf.expand_dims(tf.constant([1, 2]), 1); // shape (2, 1)
     */
    expand_dims: pyfunc("expand_dims", ["input", ["axis", null], ["name", null], ["dim", null]], (input: unknown, axis: unknown, name: Name, dim: unknown): Tensor => {
      const a = argLookup("axis", axis, "dim", dim);
      if (a === null || a === undefined) throw new ValueError("Must specify an axis argument to tf.expand_dims()");
      return op1("ExpandDims", [input, a], {}, name);
    }) as (...args: PyArgs<[input: unknown], [axis: unknown, name: Name, dim: unknown], { axis?: unknown; name?: Name; dim?: unknown }>) => Tensor,

    /**
     * Removes dimensions of size 1 (all, or those in `axis`; TF 1.x's old name is `squeeze_dims`).
     * @example
     * const v = tf.squeeze(tf.zeros([1, 3, 1])); // shape (3,)
     */
    squeeze: pyfunc("squeeze", ["input", ["axis", null], ["name", null], ["squeeze_dims", null]], (input: unknown, axis: unknown, name: Name, squeezeDims: unknown): Tensor => {
      let a = argLookup("axis", axis, "squeeze_dims", squeezeDims);
      if (typeof a === "number") a = [a];
      return op1("Squeeze", [input], { squeeze_dims: (a as number[] | null) ?? [] }, name);
    }) as (...args: PyArgs<[input: unknown], [axis: number | number[] | null, name: Name, squeeze_dims: number | number[] | null], { axis?: number | number[] | null; name?: Name; squeeze_dims?: number | number[] | null }>) => Tensor,

    /**
     * Permutes dimensions; without `perm` the order is reversed (a matrix transpose).
     * @example
     * const t = tf.transpose(tf.constant([[1, 2, 3], [4, 5, 6]])); // [[1, 4], [2, 5], [3, 6]]
     */
    transpose: pyfunc("transpose", ["a", ["perm", null], ["name", "transpose"], ["conjugate", false]], (a: unknown, perm: unknown, name: Name): Tensor => transpose(a, perm, name)) as (
      ...args: PyArgs<[a: unknown], [perm: unknown, name: Name, conjugate: boolean], { perm?: unknown; name?: Name; conjugate?: boolean }>
    ) => Tensor,

    /**
     * Joins tensors along an existing dimension `axis`.
     * @example
     * const c = tf.concat([[[1, 2]], [[3, 4]]], 0); // [[1, 2], [3, 4]]
     */
    concat: pyfunc("concat", ["values", "axis", ["name", "concat"]], (values: unknown, axis: unknown, name: string): Tensor => {
      const list = Array.isArray(values) ? values : [values];
      if (list.length === 1) {
        return g().name_scope(name, (scope) => {
          const dim = convertToTensor(ctx, axis, { name: "concat_dim", dtype: int32 });
          if (dim.shape.ndims !== null && dim.shape.ndims !== 0) throw new ValueError(`Shape ${dim.shape} must have rank 0`);
          return op1("Identity", [list[0]], {}, scope);
        });
      }
      return op1("ConcatV2", [list, axis], {}, name);
    }) as (...args: PyArgs<[values: unknown[], axis: unknown], [name: string], { name?: string }>) => Tensor,

    /**
     * Stacks same-shaped tensors along a new dimension `axis` (a list of numbers becomes one Const).
     * @example
     * const s = tf.stack([x, y]); // shape (2, ...)
     */
    stack: pyfunc("stack", ["values", ["axis", 0], ["name", "stack"]], (values: unknown, axis: number, name: string): Tensor => stack(values, axis, name)) as (
      ...args: PyArgs<[values: unknown[]], [axis: number, name: string], { axis?: number; name?: string }>
    ) => Tensor,

    /**
     * Splits a tensor along `axis` into a list of tensors without that dimension.
     * @example
     * const [a, b] = tf.unstack(tf.constant([[1, 2], [3, 4]]));
     */
    unstack: pyfunc("unstack", ["value", ["num", null], ["axis", 0], ["name", "unstack"]], (value: unknown, num: number | null, axis: number, name: string): Tensor[] => {
      let v: unknown = value;
      if (num === null || num === undefined) {
        const t = convertToTensor(ctx, value);
        v = t;
        const s = t.shape;
        if (s.dims !== null) {
          if (axis < -s.dims.length || axis >= s.dims.length) throw new ValueError(`axis = ${axis} not in [${-s.dims.length}, ${s.dims.length})`);
          num = s.dims[axis < 0 ? axis + s.dims.length : axis];
        }
        if (num === null || num === undefined) throw new ValueError(`Cannot infer num from shape ${s}`);
      }
      return applyOp(ctx, "Unpack", [v], { num, axis }, name).outputs.slice();
    }) as (...args: PyArgs<[value: unknown], [num: number | null, axis: number, name: string], { num?: number | null; axis?: number; name?: string }>) => Tensor[],

    /**
     * A tensor of zeros (a Const named `zeros` for fewer than 1000 elements, else a Fill).
     * @example
     * const b = tf.Variable(tf.zeros([10]));
     * const z = tf.zeros([2, 3], tf.int32);
     */
    zeros: pyfunc("zeros", ["shape", ["dtype", float32], ["name", null]], (shape: unknown, dtype: DTypeLike, name: Name): Tensor => filled(shape, dtype, name, "zeros", false)) as (
      ...args: PyArgs<[shape: ShapeLike | Tensor | unknown[]], [dtype: DTypeLike, name: Name], { dtype?: DTypeLike; name?: Name }>
    ) => Tensor,

    /**
     * A tensor of ones (a Const named `ones` for fewer than 1000 elements, else a Fill).
     * @example
     * const o = tf.ones([2, 2]);
     */
    ones: pyfunc("ones", ["shape", ["dtype", float32], ["name", null]], (shape: unknown, dtype: DTypeLike, name: Name): Tensor => filled(shape, dtype, name, "ones", true)) as (
      ...args: PyArgs<[shape: ShapeLike | Tensor | unknown[]], [dtype: DTypeLike, name: Name], { dtype?: DTypeLike; name?: Name }>
    ) => Tensor,

    /**
     * Ones with the shape (and by default the dtype) of `tensor`.
     * @example
     * const o = tf.ones_like(x);
     */
    ones_like: pyfunc("ones_like", ["tensor", ["dtype", null], ["name", null], ["optimize", true]], (tensor: unknown, dtype: DTypeLike | null, name: Name): Tensor =>
      onesLike(tensor, dtype, name),
    ) as (...args: PyArgs<[tensor: unknown], [dtype: DTypeLike | null, name: Name, optimize: boolean], { dtype?: DTypeLike | null; name?: Name; optimize?: boolean }>) => Tensor,

    /**
     * Numbers from `start` to `limit` (exclusive) by `delta`; `tf.range(5)` is 0..4. The dtype is
     * the widest of the arguments' (int32 < float32 < float64) unless given.
     * @example
     * const r = tf.range(3, 18, 3); // [3, 6, 9, 12, 15]
     */
    range: pyfunc("range", ["start", ["limit", null], ["delta", 1], ["dtype", null], ["name", "range"]], (start: unknown, limit: unknown, delta: unknown, dtype: DTypeLike | null, name: string): Tensor => {
      if (limit === null || limit === undefined) [start, limit] = [0, start];
      return g().name_scope(name || "Range", (scope) => {
        const dt = dtype ? asDType(dtype) : null;
        let s = convertToTensor(ctx, start, { dtype: dt, name: "start" });
        let l = convertToTensor(ctx, limit, { dtype: dt, name: "limit" });
        let d = convertToTensor(ctx, delta, { dtype: dt, name: "delta" });
        if (dt === null) {
          const order = [int32, float32, float64];
          const inferred = [s, l, d].map((t) => t.dtype.base_dtype).reduce((a, b) => (order.indexOf(b) > order.indexOf(a) ? b : a));
          [s, l, d] = [s, l, d].map((t) => ctx.tf.cast(t, inferred));
        }
        return op1("Range", [s, l, d], {}, scope);
      });
    }) as (...args: PyArgs<[start: unknown], [limit: unknown, delta: unknown, dtype: DTypeLike | null, name: string], { limit?: unknown; delta?: unknown; dtype?: DTypeLike | null; name?: string }>) => Tensor,

    /**
     * With `x` and `y`: elements of `x` where `condition` is true, else of `y` (op Select).
     * With only `condition`: the coordinates of its true elements (op Where; int32 here, int64 in TF).
     * @example
     * const r = tf.where(tf.greater(a, 0), a, tf.zeros_like(a));
     * const idx = tf.where([true, false, true]); // [[0], [2]]
     */
    where: pyfunc("where", ["condition", ["x", null], ["y", null], ["name", null]], (condition: unknown, x: unknown, y: unknown, name: Name): Tensor => {
      const none = (v: unknown) => v === null || v === undefined;
      if (none(x) && none(y)) {
        return g().name_scope(name || "Where", (scope) => {
          const c = convertToTensor(ctx, condition, { preferredDtype: boolDType, name: "condition" });
          return op1("Where", [c], {}, scope);
        });
      }
      if (!none(x) && !none(y)) return op1("Select", [condition, x, y], {}, name);
      throw new ValueError("x and y must both be non-None or both be None.");
    }) as (...args: PyArgs<[condition: unknown], [x: unknown, y: unknown, name: Name], { x?: unknown; y?: unknown; name?: Name }>) => Tensor,

    /**
     * One-hot vectors: `on_value` (default 1) at each index, `off_value` (default 0) elsewhere.
     * @example
     * const y = tf.one_hot([0, 2], 3); // [[1, 0, 0], [0, 0, 1]]
     */
    one_hot: pyfunc(
      "one_hot",
      ["indices", "depth", ["on_value", null], ["off_value", null], ["axis", null], ["dtype", null], ["name", null]],
      (indices: unknown, depth: unknown, onValue: unknown, offValue: unknown, axis: number | null, dtypeLike: DTypeLike | null, name: Name): Tensor =>
        g().name_scope(name || "one_hot", (scope) => {
          const onExists = onValue !== null && onValue !== undefined;
          const offExists = offValue !== null && offValue !== undefined;
          // TF converts the values once just to read their dtypes (nodes `one_hot/Const`...).
          let onDtype: DType | null = onExists ? convertToTensor(ctx, onValue).dtype.base_dtype : null;
          let offDtype: DType | null = offExists ? convertToTensor(ctx, offValue).dtype.base_dtype : null;
          let dtype = dtypeLike ? asDType(dtypeLike) : null;
          if (onExists || offExists) {
            if (dtype !== null) {
              if (onExists && onDtype !== dtype) throw new PyTypeError(`dtype ${onDtype} of on_value does not match dtype parameter ${dtype}`);
              if (offExists && offDtype !== dtype) throw new PyTypeError(`dtype ${offDtype} of off_value does not match dtype parameter ${dtype}`);
            } else {
              dtype = onExists ? onDtype : offDtype;
            }
          } else if (dtype === null) {
            dtype = float32;
          }
          if (!onExists) {
            onValue = convertToTensor(ctx, 1, { dtype, name: "on_value" });
            onDtype = dtype;
          }
          if (!offExists) {
            offValue = convertToTensor(ctx, 0, { dtype, name: "off_value" });
            offDtype = dtype;
          }
          if (onDtype !== offDtype) throw new PyTypeError(`dtype ${onDtype} of on_value does not match dtype ${offDtype} of off_value`);
          return op1("OneHot", [indices, depth, onValue, offValue], { axis: axis ?? -1 }, scope);
        }),
    ) as (
      ...args: PyArgs<
        [indices: unknown, depth: unknown],
        [on_value: unknown, off_value: unknown, axis: number | null, dtype: DTypeLike | null, name: Name],
        { on_value?: unknown; off_value?: unknown; axis?: number | null; dtype?: DTypeLike | null; name?: Name }
      >
    ) => Tensor,

    /**
     * Repeats `input` `multiples[d]` times along each dimension.
     * @example
     * const t = tf.tile([[1, 2]], [2, 2]); // [[1, 2, 1, 2], [1, 2, 1, 2]]
     */
    tile: pyfunc("tile", ["input", "multiples", ["name", null]], (input: unknown, multiples: unknown, name: Name): Tensor => op1("Tile", [input, multiples], {}, name)) as (
      ...args: PyArgs<[input: unknown, multiples: unknown], [name: Name], { name?: Name }>
    ) => Tensor,

    /**
     * The block starting at `begin` with `size` elements per dimension (-1: to the end).
     * @example
     * const s = tf.slice(x, [1, 0], [1, -1]); // row 1 of a matrix, as a 1×n matrix
     */
    slice: pyfunc("slice", ["input_", "begin", "size", ["name", null]], (input: unknown, begin: unknown, size: unknown, name: Name): Tensor =>
      op1("Slice", [input, begin, size], {}, name),
    ) as (...args: PyArgs<[input_: unknown, begin: unknown, size: unknown], [name: Name], { name?: Name }>) => Tensor,

    /**
     * Python-style slicing `input_[begin:end:strides]` with TF's masks (bit i: spec i).
     * @example
     * const row = tf.strided_slice(m, [1], [2], [1], {shrink_axis_mask: 1}); // m[1]
     */
    strided_slice: pyfunc(
      "strided_slice",
      ["input_", "begin", "end", ["strides", null], ["begin_mask", 0], ["end_mask", 0], ["ellipsis_mask", 0], ["new_axis_mask", 0], ["shrink_axis_mask", 0], ["var", null], ["name", null]],
      (input: unknown, begin: unknown, end: unknown, strides: unknown, bm: number, em: number, elm: number, nam: number, sam: number, _var: unknown, name: Name): Tensor => {
        if (strides === null || strides === undefined) strides = onesLike(begin, null, null);
        return op1("StridedSlice", [input, begin, end, strides], { begin_mask: bm, end_mask: em, ellipsis_mask: elm, new_axis_mask: nam, shrink_axis_mask: sam }, name);
      },
    ) as (
      ...args: PyArgs<
        [input_: unknown, begin: unknown, end: unknown],
        [strides: unknown, begin_mask: number, end_mask: number, ellipsis_mask: number, new_axis_mask: number, shrink_axis_mask: number, var_: unknown, name: Name],
        { strides?: unknown; begin_mask?: number; end_mask?: number; ellipsis_mask?: number; new_axis_mask?: number; shrink_axis_mask?: number; var?: unknown; name?: Name }
      >
    ) => Tensor,

    /**
     * Gathers slices of `params` along `axis` (default 0) at `indices` (op GatherV2).
     * @example
     * const rows = tf.gather(embeddings, [0, 2]);
     */
    gather: pyfunc(
      "gather",
      ["params", "indices", ["validate_indices", null], ["name", null], ["axis", null], ["batch_dims", 0]],
      (params: unknown, indices: unknown, _v: unknown, name: Name, axis: unknown, batchDims: number): Tensor => {
        if (batchDims !== 0) throw new NotImplementedError("tf.gather with batch_dims is not supported in the playground");
        return op1("GatherV2", [params, indices, axis ?? batchDims], { batch_dims: batchDims }, name);
      },
    ) as (
      ...args: PyArgs<[params: unknown, indices: unknown], [validate_indices: unknown, name: Name, axis: unknown, batch_dims: number], { validate_indices?: unknown; name?: Name; axis?: unknown; batch_dims?: number }>
    ) => Tensor,

    /**
     * Pads with `constant_values` (op Pad when 0, else PadV2): `paddings[d] = [before, after]`.
     * @example
     * const p = tf.pad(t, [[1, 1], [2, 2]]);
     */
    pad: pyfunc("pad", ["tensor", "paddings", ["mode", "CONSTANT"], ["name", null], ["constant_values", 0]], (tensor: unknown, paddings: unknown, mode: string, name: Name, constantValues: unknown): Tensor => {
      const m = String(mode).toUpperCase();
      if (m === "CONSTANT") {
        if (!isTensorLike(constantValues) && Number(unbox(constantValues as number)) === 0) return op1("Pad", [tensor, paddings], {}, name);
        return op1("PadV2", [tensor, paddings, constantValues], {}, name);
      }
      if (m === "REFLECT" || m === "SYMMETRIC") throw new NotImplementedError(`tf.pad mode ${m} (MirrorPad) is not supported in the playground`);
      throw new ValueError(`Unknown padding mode: ${m}`);
    }) as (...args: PyArgs<[tensor: unknown, paddings: unknown], [mode: string, name: Name, constant_values: unknown], { mode?: string; name?: Name; constant_values?: unknown }>) => Tensor,

    /**
     * Broadcasts `input` to `shape` with numpy's rules.
     * @example
     * const b = tf.broadcast_to([1, 2, 3], [2, 3]);
     */
    broadcast_to: pyfunc("broadcast_to", ["input", "shape", ["name", null]], (input: unknown, shape: unknown, name: Name): Tensor => op1("BroadcastTo", [input, shape], {}, name)) as (
      ...args: PyArgs<[input: unknown, shape: unknown], [name: Name], { name?: Name }>
    ) => Tensor,

    /**
     * The inverse permutation: `y[x[i]] = i`.
     * @example
     * const inv = tf.invert_permutation([2, 0, 1]); // [1, 2, 0]
     */
    invert_permutation: pyfunc("invert_permutation", ["x", ["name", null]], (x: unknown, name: Name): Tensor => op1("InvertPermutation", [x], {}, name)) as (
      ...args: PyArgs<[x: unknown], [name: Name], { name?: Name }>
    ) => Tensor,

    /**
     * The shapes of several tensors at once (one ShapeN op).
     * @example
     * const [sa, sb] = tf.shape_n([a, b]);
     */
    shape_n: pyfunc("shape_n", ["input", ["out_type", int32], ["name", null]], (input: unknown[], outType: DTypeLike, name: Name): Tensor[] =>
      applyOp(ctx, "ShapeN", [input], { out_type: asDType(outType) }, name).outputs.slice(),
    ) as (...args: PyArgs<[input: unknown[]], [out_type: DTypeLike, name: Name], { out_type?: DTypeLike; name?: Name }>) => Tensor[],

    /**
     * The values of 1-D `x` that are not in `y`, and their indices in `x` (deprecated in TF 1.14).
     * @example
     * const [out, idx] = tf.setdiff1d([1, 2, 3, 4], [2, 4]); // [1, 3], [0, 2]
     */
    setdiff1d: pyfunc("setdiff1d", ["x", "y", ["index_dtype", int32], ["name", null]], (x: unknown, y: unknown, indexDtype: DTypeLike, name: Name): Tensor[] =>
      applyOp(ctx, "ListDiff", [x, y], { out_idx: asDType(indexDtype) }, name).outputs.slice(),
    ) as (...args: PyArgs<[x: unknown, y: unknown], [index_dtype: DTypeLike, name: Name], { index_dtype?: DTypeLike; name?: Name }>) => Tensor[],

    /**
     * Sums the rows of `data` sharing a segment id (row i of the result: id i; negative ids dropped).
     * @example
     * const s = tf.unsorted_segment_sum([1, 2, 3], [0, 1, 0], 2); // [4, 2]
     */
    unsorted_segment_sum: pyfunc("unsorted_segment_sum", ["data", "segment_ids", "num_segments", ["name", null]], (data: unknown, ids: unknown, n: unknown, name: Name): Tensor =>
      op1("UnsortedSegmentSum", [data, ids, n], {}, name),
    ) as (...args: PyArgs<[data: unknown, segment_ids: unknown, num_segments: unknown], [name: Name], { name?: Name }>) => Tensor,
  };
}

/** `value` (a scalar) repeated to `dims`. */
function reshapedConst(value: NDArray, dims: number[]): NDArray {
  const n = dims.reduce((a, b) => a * b, 1);
  const data = Array.isArray(value.data) ? new Array<string>(n).fill(value.data[0]) : new (value.data.constructor as Float32ArrayConstructor)(n).fill(value.data[0] as number);
  return new NDArray(value.dtype, dims.slice(), data as Float32Array);
}

export type { Operation };
