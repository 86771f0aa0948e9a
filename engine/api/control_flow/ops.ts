/**
 * TF's Python wrappers of the control-flow ops (control_flow_ops.py's `switch`, `merge`,
 * `_Enter`, `exit`, `_NextIteration`, `loop_cond`, `with_dependencies`), with TF's default
 * names: the contexts (contexts.ts) and the gradients (grad.ts) build with them.
 */
import type { EngineContext } from "../../context.js";
import { Operation, Tensor } from "../../graph.js";
import { ValueError } from "../../errors.js";
import { applyOp } from "../apply.js";
import { convertToTensor } from "../convert_tensor.js";
import type { Name } from "../build.js";

/** `convert_to_tensor(x, as_ref=True)`: a variable gives its reference, anything else its tensor. */
function asRef(ctx: EngineContext, x: unknown, name: string): Tensor {
  if (x instanceof Tensor) return x;
  const el = x as { _as_tensor?: (asRef: boolean) => Tensor };
  if (typeof el?._as_tensor === "function") return el._as_tensor(true);
  return convertToTensor(ctx, x, { name });
}

/** `switch(data, pred)`: `[output_false, output_true]`, in scope `Switch`. */
export function switchOp(ctx: EngineContext, data: unknown, pred: unknown, name: Name = null): [Tensor, Tensor] {
  return ctx.defaultGraph().name_scope(name || "Switch", (scope) => {
    const d = asRef(ctx, data, "data");
    const p = convertToTensor(ctx, pred, { name: "pred" });
    // Always a Switch: a reference is read (TF's `switch` never makes a RefSwitch).
    const outs = applyOp(ctx, "Switch", [d, p], {}, scope).outputs;
    return [outs[0], outs[1]];
  });
}

/** TF's `_SwitchRefOrTensor`: a Switch, or a RefSwitch for a variable's reference. */
export function switchRefOrTensor(ctx: EngineContext, data: Tensor, pred: Tensor, name = "Switch"): [Tensor, Tensor] {
  const outs = applyOp(ctx, data.dtype.is_ref ? "RefSwitch" : "Switch", [data, pred], {}, name).outputs;
  return [outs[0], outs[1]];
}

/** `merge(inputs)`: `[output, value_index]`, in scope `Merge`. */
export function merge(ctx: EngineContext, inputs: readonly (Tensor | null)[], name: Name = null): [Tensor, Tensor] {
  if (inputs.some((x) => x === null || x === undefined)) throw new ValueError(`At least one of the merge inputs is None: ${inputs}`);
  return ctx.defaultGraph().name_scope(name || "Merge", (scope) => {
    const outs = applyOp(ctx, "Merge", [inputs], {}, scope).outputs;
    return [outs[0], outs[1]];
  });
}

/** TF's `_Enter`: `data` made available in the loop frame `frameName`. */
export function enter(
  ctx: EngineContext,
  data: Tensor,
  frameName: string,
  o: { isConstant?: boolean; parallelIterations?: number; useRef?: boolean; useInputShape?: boolean; name?: Name } = {},
): Tensor {
  const useRef = o.useRef ?? true;
  const type = data.dtype.is_ref && useRef ? "RefEnter" : "Enter";
  const attrs = { frame_name: frameName, is_constant: o.isConstant ?? false, parallel_iterations: o.parallelIterations ?? 10 };
  const result = applyOp(ctx, type, [data], attrs, o.name ?? null).outputs[0];
  if (o.useInputShape ?? true) result.set_shape(data.shape);
  return result;
}

/** TF's `exit`: `data` made available outside its loop. */
export function exitOp(ctx: EngineContext, data: Tensor, name: Name = null): Tensor {
  return applyOp(ctx, "Exit", [data], {}, name).outputs[0];
}

/** TF's `_NextIteration`: `data` passed to the next iteration. */
export function nextIteration(ctx: EngineContext, data: Tensor, name: Name = null): Tensor {
  return applyOp(ctx, "NextIteration", [data], {}, name).outputs[0];
}

/** TF's `loop_cond`. */
export function loopCond(ctx: EngineContext, input: Tensor, name: Name = null): Tensor {
  return applyOp(ctx, "LoopCond", [input], {}, name).outputs[0];
}

/** TF's `control_trigger`. */
export function controlTrigger(ctx: EngineContext, name: Name = null): Operation {
  return applyOp(ctx, "ControlTrigger", [], {}, name);
}

/** `array_ops.identity`. */
export function identityOf(ctx: EngineContext, x: Tensor, name: Name = null): Tensor {
  return applyOp(ctx, "Identity", [x], {}, name).outputs[0];
}

/** TF's `with_dependencies`: `output` through an Identity (`control_dependency`) that waits for `deps`. */
export function withDependencies(ctx: EngineContext, deps: readonly Operation[], output: Tensor, name: Name = null): Tensor {
  const g = ctx.defaultGraph();
  return g.name_scope(name || "control_dependency", (scope) => g.control_dependencies(deps, () => identityOf(ctx, output, scope)));
}
