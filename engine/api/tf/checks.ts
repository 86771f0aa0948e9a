/**
 * TF 1.15's graph-mode assertions (check_ops.py): `tf.assert_less`, `tf.assert_less_equal`,
 * `tf.assert_non_negative`. Each builds `reduce_all(op(x, y))` and a `tf.Assert` on it (an
 * AssertGuard cond when the data are not all strings and int32), to use as a control
 * dependency; when both sides are known while building and the check fails, it raises at
 * once, as TF's `_assert_static` does.
 */
import type { EngineContext } from "../../context.js";
import { Operation, Tensor } from "../../graph.js";
import { InvalidArgumentError } from "../../errors.js";
import { pyStr } from "../../format/python.js";
import { constantValue } from "../../ops/support/math_grad.js";
import type { NDArray } from "../../ndarray.js";
import { convertToTensor } from "../convert_tensor.js";
import { assertOp } from "../control_flow/cond.js";
import { pyfunc } from "../pyargs.js";
import type { Name } from "../build.js";
import { less, less_equal } from "./logic.js";
import { reduce_all } from "./reduce.js";

type Compare = { sym: string; opname: string; build: typeof less; test: (a: number, b: number) => boolean };

const LESS: Compare = { sym: "<", opname: "assert_less", build: less, test: (a, b) => a < b };
const LESS_EQUAL: Compare = { sym: "<=", opname: "assert_less_equal", build: less_equal, test: (a, b) => a <= b };

/** `np.all(static_func(x, y))` with numpy's broadcasting of two known values. */
function holdsStatically(x: NDArray, y: NDArray, test: Compare["test"]): boolean {
  const xs = Array.from(x.data as Float64Array, Number);
  const ys = Array.from(y.data as Float64Array, Number);
  if (xs.length === 0 || ys.length === 0) return true;
  if (xs.length !== 1 && ys.length !== 1 && xs.length !== ys.length) return true; // left to the run
  const n = Math.max(xs.length, ys.length);
  for (let i = 0; i < n; i++) if (!test(xs[xs.length === 1 ? 0 : i], ys[ys.length === 1 ? 0 : i])) return false;
  return true;
}

/** check_ops' `_binary_assert` in graph mode. */
function binaryAssert(ctx: EngineContext, cmp: Compare, x: unknown, y: unknown, data: unknown[] | null, summarize: number | null, message: string | null, name: Name): Operation {
  return ctx.defaultGraph().name_scope(name || cmp.opname, () => {
    const xt = convertToTensor(ctx, x, { name: "x" });
    const yt = convertToTensor(ctx, y, { name: "y" });
    let items: unknown[] = data ?? [`Condition x ${cmp.sym} y did not hold element-wise:`, `x (${xt.name}) = `, xt, `y (${yt.name}) = `, yt];
    if (message !== null && message !== undefined) items = [message, ...items];
    const condition = reduce_all(ctx, cmp.build(ctx, xt, yt));
    const xs = constantValue(xt);
    const ys = constantValue(yt);
    if (xs !== null && ys !== null && !holdsStatically(xs, ys, cmp.test)) {
      // _assert_static: each item as text, a known tensor as its value.
      const text = items.map((d) => {
        if (!(d instanceof Tensor)) return String(d);
        const v = constantValue(d);
        return v !== null ? pyStr(v) : String(d);
      });
      throw new InvalidArgumentError(text.join("\n"));
    }
    return assertOp(ctx, condition, items, summarize, null);
  });
}

/**
 * An op that fails the run unless `x < y` holds for every element (broadcasting). Make it a
 * control dependency of what needs the check.
 * @example
 * const check = tf.assert_less(labels, num_classes, {message: "labels out of bound"});
 */
export const assert_less = pyfunc(
  "assert_less",
  ["x", "y", "data", "summarize", "message", "name"],
  (ctx: EngineContext, x: unknown, y: unknown, data: unknown[] | null = null, summarize: number | null = null, message: string | null = null, name: Name = null): Operation =>
    binaryAssert(ctx, LESS, x, y, data, summarize, message, name),
);

/**
 * An op that fails the run unless `x <= y` holds for every element (broadcasting).
 * @example
 * const check = tf.assert_less_equal(x, 1.0);
 */
export const assert_less_equal = pyfunc(
  "assert_less_equal",
  ["x", "y", "data", "summarize", "message", "name"],
  (ctx: EngineContext, x: unknown, y: unknown, data: unknown[] | null = null, summarize: number | null = null, message: string | null = null, name: Name = null): Operation =>
    binaryAssert(ctx, LESS_EQUAL, x, y, data, summarize, message, name),
);

/**
 * An op that fails the run unless every element of `x` is ≥ 0.
 * @example
 * const check = tf.assert_non_negative(counts, {message: "counts must not be negative"});
 */
export const assert_non_negative = pyfunc(
  "assert_non_negative",
  ["x", "data", "summarize", "message", "name"],
  (ctx: EngineContext, x: unknown, data: unknown[] | null = null, summarize: number | null = null, message: string | null = null, name: Name = null): Operation =>
    ctx.defaultGraph().name_scope(name || "assert_non_negative", () => {
      const xt = convertToTensor(ctx, x, { name: "x" });
      const items = data ?? [message ?? "", "Condition x >= 0 did not hold element-wise:", `x (${xt.name}) = `, xt];
      const zero = convertToTensor(ctx, 0, { dtype: xt.dtype.base_dtype });
      return binaryAssert(ctx, LESS_EQUAL, zero, xt, items, summarize, null, null);
    }),
);
