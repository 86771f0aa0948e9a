/**
 * `tf.cond`, `tf.case`, `tf.while_loop` and `tf.Assert`: TF 1.x's control flow, built as TF 1.x
 * builds it (Switch, Merge, Enter, Exit, NextIteration, LoopCond; engine/api/control_flow/).
 * The branch and body functions run once, while the graph is built; `sess.run` then runs only
 * the branch the predicate picks, and the loop body as many times as its condition holds.
 */
import type { EngineContext } from "../../context.js";
import type { Operation } from "../../graph.js";
import { PyTypeError } from "../../errors.js";
import { pyfunc } from "../pyargs.js";
import type { Name } from "../build.js";
import { assertOp, buildCase, buildCond } from "../control_flow/cond.js";

/**
 * What the branch and body functions return, and so what these functions return: a tensor, an
 * op, or a list or dict of them, as Python allows. Typed `any` on purpose: the learner's editor
 * then takes `r.name`, `const [i, total] = ...` and untyped `(i) => ...` parameters as Python
 * does, where `unknown` would mark every docstring example as an error.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Structure = any;
/** A branch of `tf.cond`: called once, with no arguments, while the graph is built. */
type BranchFn = () => Structure;
/** A loop's condition or body: called once with the loop variables (as tensors) to build it. */
type LoopFn = (...loopVars: Structure[]) => Structure;
import { buildWhileLoop } from "../control_flow/while_loop.js";

/**
 * `true_fn()` if `pred` is true, else `false_fn()` — as graph nodes: both functions run once,
 * now, to build their branch; each run computes only the branch `pred` picks. Ops created
 * outside the two functions run whatever `pred` is.
 * @example
 * const x = tf.constant(2);
 * const y = tf.constant(5);
 * const r = tf.cond(tf.less(x, y), () => tf.multiply(x, 17), () => tf.add(y, 23));
 * print(r);           // Tensor("cond/Merge:0", shape=(), dtype=int32)
 * print(sess.run(r)); // 34
 */
export const cond = pyfunc(
  "cond",
  ["pred", "true_fn", "false_fn", "strict", "name", "fn1", "fn2"],
  (
    ctx: EngineContext,
    pred: unknown,
    true_fn: BranchFn | null = null,
    false_fn: BranchFn | null = null,
    strict: boolean = false,
    name: Name = null,
    fn1: BranchFn | null = null,
    fn2: BranchFn | null = null,
  ): Structure => {
    if (fn1 !== null && fn1 !== undefined) {
      if (true_fn !== null && true_fn !== undefined) throw new PyTypeError("cond(): true_fn and fn1 may not be set simultaneously.");
      true_fn = fn1;
    }
    if (fn2 !== null && fn2 !== undefined) {
      if (false_fn !== null && false_fn !== undefined) throw new PyTypeError("cond(): false_fn and fn2 may not be set simultaneously.");
      false_fn = fn2;
    }
    return buildCond(ctx, pred, true_fn, false_fn, strict === true, name);
  },
);

/**
 * The result of the first pair whose predicate is true, else of `default` — nested `tf.cond`s
 * under the scope `case`. With `exclusive`, a run fails if more than one predicate is true.
 * @example
 * const x = tf.constant(1);
 * const y = tf.constant(2);
 * const r = tf.case([[tf.less(x, y), () => tf.constant(17)]], {default: () => tf.constant(23)});
 * print(sess.run(r)); // 17
 */
export const case_ = pyfunc(
  "case",
  ["pred_fn_pairs", "default", "exclusive", "strict", "name"],
  (
    ctx: EngineContext,
    pred_fn_pairs: [unknown, BranchFn][] | Map<unknown, BranchFn> | Record<string, BranchFn>,
    default_: BranchFn | null = null,
    exclusive: boolean = false,
    strict: boolean = false,
    name: string = "case",
  ): Structure =>
    buildCase(ctx, pred_fn_pairs, default_, exclusive === true, strict === true, name),
  { dictParams: ["pred_fn_pairs"] },
);

/**
 * Repeats `body` while `cond` is true: `cond` and `body` take the loop variables and run once,
 * now, to build the loop's graph (a frame of Enter, Merge, Switch, LoopCond, NextIteration and
 * Exit ops); each `sess.run` then iterates it. Returns the loop variables after the last
 * iteration (a single one unpacked).
 * @example
 * const i = tf.constant(0);
 * const r = tf.while_loop((i) => tf.less(i, 10), (i) => tf.add(i, 1), [i]);
 * print(r);           // Tensor("while/Exit:0", shape=(), dtype=int32)
 * print(sess.run(r)); // 10
 */
export const while_loop = pyfunc(
  "while_loop",
  ["cond", "body", "loop_vars", "shape_invariants", "parallel_iterations", "back_prop", "swap_memory", "name", "maximum_iterations", "return_same_structure"],
  (
    ctx: EngineContext,
    cond: LoopFn,
    body: LoopFn,
    loop_vars: unknown,
    shape_invariants: unknown = null,
    parallel_iterations: number = 10,
    back_prop: boolean = true,
    swap_memory: boolean = false,
    name: Name = null,
    maximum_iterations: unknown = null,
    return_same_structure: boolean = false,
  ): Structure =>
    buildWhileLoop(ctx, {
      cond,
      body,
      loopVars: loop_vars,
      shapeInvariants: shape_invariants,
      parallelIterations: Number(parallel_iterations),
      backProp: back_prop !== false,
      swapMemory: swap_memory === true,
      name,
      maximumIterations: maximum_iterations,
      returnSameStructure: return_same_structure === true,
    }),
  { dictParams: ["loop_vars", "shape_invariants"] },
);

/**
 * An op that fails the run (`InvalidArgumentError: assertion failed: [...]`) when `condition`
 * is false, showing `data`. Like any op, it checks only when a run needs it: make it a control
 * dependency.
 * @example
 * const check = tf.Assert(tf.less(x, 10), ["x is", x]);
 * tf.control_dependencies([check], () => tf.identity(x));
 */
export const Assert = pyfunc(
  "Assert",
  ["condition", "data", "summarize", "name"],
  (ctx: EngineContext, condition: unknown, data: unknown[], summarize: number | null = null, name: Name = null): Operation =>
    assertOp(ctx, condition, data, summarize, name),
);
