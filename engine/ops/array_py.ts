/**
 * Python's operators for gradient code: TF's gradient functions write `a - b` on tensors,
 * which builds `sub` (with `sub/y` for a number) rather than `Sub`. This gives them the same
 * operator runtime the learner's transpiled code uses.
 */
import type { EngineContext } from "../context.js";
import type { Operation, Tensor } from "../graph.js";
import { OperatorRuntime, operatorRuntime } from "../api/operators.js";
import { applyOp } from "../api/apply.js";

const runtimes = new WeakMap<EngineContext, OperatorRuntime>();

/** The operator runtime of the op's program (`py.sub(a, b)` is Python's `a - b`). */
export function pyOf(op: Operation): OperatorRuntime {
  return pyFor(op.graph.ctx);
}

/** The operator runtime of a context. */
export function pyFor(ctx: EngineContext): OperatorRuntime {
  let rt = runtimes.get(ctx);
  if (!rt) runtimes.set(ctx, (rt = operatorRuntime(ctx)));
  return rt;
}

/**
 * TF's generated op wrappers (`gen_nn_ops.relu_grad(...)`): applies op `type` in the op's graph
 * under its own name scope, converting plain values to Consts named after the inputs.
 */
export function genOp(op: Operation, type: string, inputs: readonly unknown[], attrs: Record<string, unknown> = {}, name: string | null = null): Tensor {
  return applyOp(op.graph.ctx, type, inputs, attrs, name).outputs[0];
}
