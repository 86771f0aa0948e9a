/**
 * Sorting: `tf.sort` and `tf.argsort`, built as TF 1.15's sort_ops.py builds them — from
 * TopKV2 on the last axis (another axis is swapped there and back; ascending order negates
 * the values first and the result after).
 */
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { ValueError } from "../../errors.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { applyOp } from "../apply.js";
import { constant } from "./core.js";
import { concat, rank, transpose } from "./array.js";
import { shape } from "./array_core.js";
import { range } from "./filling.js";
import { sliceHelper } from "../slicing.js";
import { tensorOperators as T } from "../tensor_ops.js";
import { int32 } from "../../dtypes.js";
import { NDArray } from "../../ndarray.js";

type Direction = "ASCENDING" | "DESCENDING";

/** sort_ops.py's _descending_sort. */
function descendingSort(ctx: EngineContext, values: Tensor, axisIn: number, returnArgsort: boolean): Tensor {
  let axis = axisIn;
  const k = sliceHelper(ctx, shape(ctx, values), axis);
  const rankT = rank(ctx, values);
  const staticRank = values.shape.ndims;
  let transposition: Tensor | null = null;
  let topKInput = values;
  if (!(axis === -1 || axis + 1 === staticRank)) {
    if (staticRank !== null) {
      if (axis < 0) axis += staticRank;
      const perm = [...Array.from({ length: axis }, (_, i) => i), staticRank - 1, ...Array.from({ length: Math.max(0, staticRank - 1 - (axis + 1)) }, (_, i) => axis + 1 + i), axis];
      transposition = constant(ctx, new NDArray(int32, [perm.length], Int32Array.from(perm)), null, null, "transposition");
    } else {
      const a: unknown = axis < 0 ? T.add(ctx, axis, rankT) : axis;
      transposition = concat(ctx, [range(ctx, a), [T.sub(ctx, rankT, 1)], range(ctx, T.add(ctx, a, 1), T.sub(ctx, rankT, 1)), [a]], 0);
    }
    topKInput = transpose(ctx, values, transposition);
  }
  const [vals, indices] = applyOp(ctx, "TopKV2", [topKInput, k], { sorted: true }).outputs;
  let ret = returnArgsort ? indices : vals;
  if (transposition !== null) ret = transpose(ctx, ret, transposition);
  return ret;
}

/** sort_ops.py's _sort_or_argsort. */
function sortOrArgsort(ctx: EngineContext, values: unknown, axis: unknown, direction: string, returnArgsort: boolean): Tensor {
  if (direction !== "ASCENDING" && direction !== "DESCENDING") throw new ValueError(`${direction} should be one of ASCENDING, DESCENDING`);
  const axisT = convertToTensor(ctx, axis, { name: "axis" });
  const axisStatic = axisT.op.type === "Const" ? Number((axisT.op.attrs.value as NDArray).data[0]) : null;
  if ((axisT.shape.ndims !== null && axisT.shape.ndims !== 0) || axisStatic === null) throw new ValueError("axis must be a constant scalar");
  const v = convertToTensor(ctx, values, { name: "values" });
  if ((direction as Direction) === "DESCENDING") return descendingSort(ctx, v, axisStatic, returnArgsort);
  const out = descendingSort(ctx, T.neg(ctx, v), axisStatic, returnArgsort);
  return returnArgsort ? out : T.neg(ctx, out);
}

/**
 * The values sorted along `axis` (default: the last), ascending unless `direction` is
 * `"DESCENDING"`.
 * @example
 * const s = tf.sort([1, 10, 26.7, 2.8, 6.7, 0]); // [ 0.   1.   2.8  6.7 10.  26.7]
 */
export const sort = pyfunc(
  "sort",
  ["values", "axis", "direction", "name"],
  (ctx: EngineContext, values: unknown, axis: unknown = -1, direction: string = "ASCENDING", name: string | null = null): Tensor =>
    ctx.defaultGraph().name_scope(name || "sort", () => sortOrArgsort(ctx, values, axis, direction, false)),
);

/**
 * The indices that sort `values` along `axis` (default: the last), ascending unless
 * `direction` is `"DESCENDING"`; equal values keep their order.
 * @example
 * const i = tf.argsort([1, 10, 26.7, 2.8, 6.7, 0]); // [5 0 3 4 1 2]
 */
export const argsort = pyfunc(
  "argsort",
  ["values", "axis", "direction", "stable", "name"],
  (ctx: EngineContext, values: unknown, axis: unknown = -1, direction: string = "ASCENDING", stable: boolean = false, name: string | null = null): Tensor =>
    ctx.defaultGraph().name_scope(name || "argsort", () => sortOrArgsort(ctx, values, axis, direction, true)),
);
