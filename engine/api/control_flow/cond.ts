/**
 * `tf.cond` and `tf.case` as TF 1.x builds them (control_flow_ops.py, v1 control flow):
 * `cond/Switch` on the predicate, the pivots `cond/switch_t` and `cond/switch_f`, `cond/pred_id`,
 * each branch built once in its own CondContext, and a `cond/Merge` per result. Only what the
 * branch functions create is conditional: an op made before the call runs regardless.
 */
import type { EngineContext } from "../../context.js";
import { Operation, Tensor } from "../../graph.js";
import { bool } from "../../dtypes.js";
import { PyTypeError, ValueError } from "../../errors.js";
import { convertToTensor } from "../convert_tensor.js";
import { applyOp } from "../apply.js";
import { buildersFor } from "../builders.js";
import { CondContext } from "./contexts.js";
import { identityOf, merge, switchOp } from "./ops.js";
import { assertSameStructure, flatten, isSequence, mapStructure, packSequenceAs } from "./nest.js";

export type BranchFn = () => unknown;

/** Graph collection keys of the top-level contexts. */
export const COND_CONTEXT = "cond_context";

function unpackIfSingleton(x: unknown): unknown {
  return Array.isArray(x) && x.length === 1 ? x[0] : x;
}

function isCallable(f: unknown): f is BranchFn {
  return typeof f === "function";
}

/** Builds one branch in its context: its result, and the tensors the Merges take. */
function buildBranch(ctx: EngineContext, context: CondContext, fn: BranchFn): [unknown, Tensor[] | null] {
  context.enter();
  try {
    const original = fn();
    if (original === null || original === undefined) return [null, null];
    const result = mapStructure((v) => context.buildCondTensor(v, (x) => convertToTensor(ctx, x)), original);
    return [original, isSequence(result) ? (flatten(result) as Tensor[]) : [result as Tensor]];
  } finally {
    context.exit();
  }
}

/** `tf.cond(pred, true_fn, false_fn, strict, name)` (TF 1.x's `cond`). */
export function buildCond(ctx: EngineContext, pred: unknown, trueFn: unknown, falseFn: unknown, strict: boolean, name: string | null): unknown {
  if (trueFn === null || trueFn === undefined) throw new PyTypeError("cond(): true_fn argument required");
  if (falseFn === null || falseFn === undefined) throw new PyTypeError("cond(): false_fn argument required");
  if (!isCallable(trueFn)) throw new PyTypeError("true_fn must be callable.");
  if (!isCallable(falseFn)) throw new PyTypeError("false_fn must be callable.");
  const g = ctx.defaultGraph();
  return g._deferNodes(() =>
    g.name_scope(name || "cond", () => {
      if (typeof pred === "boolean") throw new PyTypeError("pred must not be a Python bool");
      const [p2, p1] = switchOp(ctx, pred, pred);
      const pivot1 = identityOf(ctx, p1, "switch_t");
      const pivot2 = identityOf(ctx, p2, "switch_f");
      const predId = identityOf(ctx, p1.op.inputs[1], "pred_id");
      for (const t of [p1, p2, pivot1, pivot2, predId]) g.prevent_fetching(t.op);

      const contextT = new CondContext(ctx, predId, pivot1, 1);
      let [origT, resT] = buildBranch(ctx, contextT, trueFn);
      if (origT === null) throw new ValueError("true_fn must have a return value.");
      contextT.exitResult(resT!);
      const contextF = new CondContext(ctx, predId, pivot2, 0);
      let [origF, resF] = buildBranch(ctx, contextF, falseFn);
      if (origF === null) throw new ValueError("false_fn must have a return value.");
      contextF.exitResult(resF!);

      if (!strict) {
        origT = unpackIfSingleton(origT);
        origF = unpackIfSingleton(origF);
      }
      try {
        assertSameStructure(origT, origF);
      } catch (e) {
        if (e instanceof PyTypeError) throw new PyTypeError(`Incompatible return types of true_fn and false_fn: ${e.message}`);
        throw new ValueError(`Incompatible return values of true_fn and false_fn: ${(e as Error).message}`);
      }
      if (resT!.length === 0) throw new ValueError("true_fn and false_fn must return at least one result.");
      resT!.forEach((x, i) => {
        const y = resF![i];
        if (x.dtype.base_dtype !== y.dtype.base_dtype) {
          throw new ValueError(`Outputs of true_fn and false_fn must have the same type: ${x.dtype.name}, ${y.dtype.name}`);
        }
      });
      const merges = resT!.map((x, i) => merge(ctx, [resF![i], x])[0]);
      if (contextT.outerContext === null) {
        g.add_to_collection(COND_CONTEXT, contextT);
        g.add_to_collection(COND_CONTEXT, contextF);
      }
      // A branch that returned a single tensor (or, unless strict, a list of one) gives one.
      const packed = isSequence(origT) ? packSequenceAs(origT, merges) : merges[0];
      return strict ? packed : unpackIfSingleton(packed);
    }),
  );
}

/** TF's `_assert_at_most_n_true`: an Assert that at most `n` predicates are true. */
function assertAtMostNTrue(ctx: EngineContext, predicates: readonly Tensor[], n: number, msg: string): Operation {
  const tf = buildersFor(ctx);
  const predsC = tf.stack(predicates as Tensor[], 0, "preds_c");
  const numTrue = tf.reduce_sum(tf.cast(predsC, "int32"), null, false, "num_true_conds");
  const condition = tf.less_equal(numTrue, tf.constant(n, null, null, "n_true_conds"));
  const names = predicates.map((p) => p.name).join(", ");
  return assertOp(ctx, condition, [`${msg}: more than ${n} conditions (${names}) evaluated as True:`, predsC], predicates.length, null);
}

/**
 * TF's `tf.Assert(condition, data, summarize, name)`: an Assert op, guarded by a cond
 * (`AssertGuard`) unless every data tensor is a string or an int32.
 */
export function assertOp(ctx: EngineContext, condition: unknown, data: readonly unknown[], summarize: number | null, name: string | null): Operation {
  const g = ctx.defaultGraph();
  return g.name_scope(name || "Assert", (scope) => {
    const xs = data.map((d) => convertToTensor(ctx, d));
    const attrs = { summarize: summarize ?? 3 };
    if (xs.every((x) => x.dtype.name === "string" || x.dtype.name === "int32")) return applyOp(ctx, "Assert", [condition, xs], attrs, "Assert");
    const cond = convertToTensor(ctx, condition, { name: "Condition" });
    const guarded = buildCond(
      ctx,
      cond,
      () => applyOp(ctx, "NoOp", [], {}),
      () => applyOp(ctx, "Assert", [cond, xs], attrs, "Assert"),
      false,
      "AssertGuard",
    ) as Tensor;
    void scope;
    return guarded.op;
  });
}

/** `tf.case(pred_fn_pairs, default, exclusive, strict, name)` (TF 1.x's `case`). */
export function buildCase(ctx: EngineContext, predFnPairs: unknown, defaultFn: unknown, exclusive: boolean, strict: boolean, name: string): unknown {
  if (!Array.isArray(predFnPairs) && !(predFnPairs instanceof Map)) throw new PyTypeError("fns must be a list, tuple, or dict");
  let pairs: unknown[] = predFnPairs instanceof Map ? [...predFnPairs.entries()].sort((a, b) => String((a[0] as Tensor).name).localeCompare(String((b[0] as Tensor).name))) : predFnPairs;
  for (const pair of pairs) {
    if (!Array.isArray(pair) || pair.length !== 2) throw new PyTypeError("Each entry in pred_fn_pairs must be a 2-tuple");
    const [p, fn] = pair;
    if (p instanceof Tensor) {
      if (p.dtype.base_dtype !== bool) throw new PyTypeError(`pred must be Tensor of type bool: ${p.name}`);
    } else throw new PyTypeError(`pred must be a Tensor, got: ${String(p)}`);
    if (typeof fn !== "function") throw new PyTypeError(`fn for pred ${p.name} must be callable.`);
  }
  if (defaultFn !== null && defaultFn !== undefined && typeof defaultFn !== "function") throw new PyTypeError("default must be callable.");
  pairs = pairs as [Tensor, BranchFn][];
  const g = ctx.defaultGraph();
  return g._deferNodes(() =>
    g.name_scope(name || "case", () => {
      let predicates = (pairs as [Tensor, BranchFn][]).map((p) => p[0]);
      let actions = (pairs as [Tensor, BranchFn][]).map((p) => p[1]);
      let fallback: BranchFn;
      if (defaultFn === null || defaultFn === undefined) {
        // TF's _case_create_default_action: the last pair is the default, guarded by Asserts.
        const k = predicates.length - 1;
        const predicate = predicates[k];
        const action = actions[k];
        const otherPredicates = predicates.slice(0, k);
        fallback = () => {
          const othersMsg = `Implementation error: selected default action #${k} was called, but some of other predicates are True: `;
          const tf = buildersFor(ctx);
          const deps = [
            assertAtMostNTrue(ctx, otherPredicates, 0, othersMsg),
            assertOp(ctx, predicate, ["Input error: None of conditions evaluated as True:", tf.stack(predicates, 0, "preds_c")], null, null),
          ];
          return g.control_dependencies(deps, () => action());
        };
        predicates = otherPredicates;
        actions = actions.slice(0, k);
      } else {
        fallback = defaultFn as BranchFn;
      }
      // Conditions are tested in order: cond(c0, a0, () => cond(c1, a1, ... default)).
      let fn: BranchFn = fallback;
      for (let i = predicates.length - 1; i >= 0; i--) {
        const inner = fn;
        const p = predicates[i];
        const a = actions[i];
        fn = () => buildCond(ctx, p, a, inner, strict, null);
      }
      if (exclusive) {
        return g.control_dependencies([assertAtMostNTrue(ctx, predicates, 1, "Input error: exclusive=True")], () => fn());
      }
      return fn();
    }),
  );
}
