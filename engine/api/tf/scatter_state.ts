/**
 * Sparse updates of ref variables: `tf.scatter_update`, `scatter_add`, `scatter_sub`,
 * `scatter_mul`, `scatter_div`, `scatter_min`, `scatter_max` (rows) and
 * `tf.scatter_nd_update`, `scatter_nd_add`, `scatter_nd_sub` (index tuples), one op each, as
 * TF 1.15's state_ops.py builds them for ref variables (with its `use_locking` defaults).
 */
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { pyfunc } from "../pyargs.js";
import { applyOp } from "../apply.js";
import type { Name } from "../build.js";

function scatterBuilder(fname: string, type: string, lockingDefault: boolean) {
  return pyfunc(
    fname,
    ["ref", "indices", "updates", "use_locking", "name"],
    (ctx: EngineContext, ref: unknown, indices: unknown, updates: unknown, use_locking: boolean = lockingDefault, name: Name = null): Tensor =>
      applyOp(ctx, type, [ref, indices, updates], { use_locking: !!use_locking }, name).outputs[0],
  );
}

/**
 * An op that writes `updates` into rows `indices` of the variable `ref` when it runs.
 * @example
 * const up = tf.scatter_update(v, [0, 2], [10.0, 30.0]); // v: [10. 2. 30.] after sess.run(up)
 */
export const scatter_update = scatterBuilder("scatter_update", "ScatterUpdate", true);

/**
 * An op that adds `updates` to rows `indices` of the variable `ref` (duplicates add up).
 * @example
 * const up = tf.scatter_add(v, [0, 0], [1.0, 2.0]); // v[0] grows by 3
 */
export const scatter_add = scatterBuilder("scatter_add", "ScatterAdd", false);

/**
 * An op that subtracts `updates` from rows `indices` of the variable `ref`.
 * @example
 * const up = tf.scatter_sub(v, [1], [5.0]);
 */
export const scatter_sub = scatterBuilder("scatter_sub", "ScatterSub", false);

/**
 * An op that multiplies rows `indices` of the variable `ref` by `updates`.
 * @example
 * const up = tf.scatter_mul(v, [0], [2.0]);
 */
export const scatter_mul = scatterBuilder("scatter_mul", "ScatterMul", false);

/**
 * An op that divides rows `indices` of the variable `ref` by `updates`.
 * @example
 * const up = tf.scatter_div(v, [0], [2.0]);
 */
export const scatter_div = scatterBuilder("scatter_div", "ScatterDiv", false);

/**
 * An op that keeps, in rows `indices` of the variable `ref`, the smaller of each element and `updates`.
 * @example
 * const up = tf.scatter_min(v, [0], [2.0]);
 */
export const scatter_min = scatterBuilder("scatter_min", "ScatterMin", false);

/**
 * An op that keeps, in rows `indices` of the variable `ref`, the larger of each element and `updates`.
 * @example
 * const up = tf.scatter_max(v, [0], [2.0]);
 */
export const scatter_max = scatterBuilder("scatter_max", "ScatterMax", false);

/**
 * An op that writes `updates` into the slices of the variable `ref` that the index tuples
 * `indices` name.
 * @example
 * const up = tf.scatter_nd_update(ref, [[4], [3], [1], [7]], [9, 10, 11, 12]); // [ 1 11  3 10  9  6  7 12]
 */
export const scatter_nd_update = scatterBuilder("scatter_nd_update", "ScatterNdUpdate", true);

/**
 * An op that adds `updates` to the slices of the variable `ref` that `indices` names.
 * @example
 * const up = tf.scatter_nd_add(ref, [[4], [3], [1], [7]], [9, 10, 11, 12]); // [ 1 13  3 14 14  6  7 20]
 */
export const scatter_nd_add = scatterBuilder("scatter_nd_add", "ScatterNdAdd", false);

/**
 * An op that subtracts `updates` from the slices of the variable `ref` that `indices` names.
 * @example
 * const up = tf.scatter_nd_sub(ref, [[4], [3], [1], [7]], [9, 10, 11, 12]); // [ 1 -9  3 -6 -4  6  7 -4]
 */
export const scatter_nd_sub = scatterBuilder("scatter_nd_sub", "ScatterNdSub", false);
