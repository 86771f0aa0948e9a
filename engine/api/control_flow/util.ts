/**
 * TF's control_flow_util.py: what kind of control-flow op an op is, and which contexts it is in.
 */
import type { Operation, Tensor } from "../../graph.js";
import { isContaining, type FlowContext } from "../../flow_context.js";

export function isSwitch(op: Operation): boolean {
  return op.type === "Switch" || op.type === "RefSwitch";
}

export function isMerge(op: Operation): boolean {
  return op.type === "Merge" || op.type === "RefMerge";
}

export function isLoopEnter(op: Operation): boolean {
  return op.type === "Enter" || op.type === "RefEnter";
}

export function isLoopExit(op: Operation): boolean {
  return op.type === "Exit" || op.type === "RefExit";
}

export function isNextIteration(op: Operation): boolean {
  return op.type === "NextIteration" || op.type === "RefNextIteration";
}

/** An Enter of a value the loop only reads (`is_constant`). */
export function isLoopConstantEnter(op: Operation): boolean {
  return isLoopEnter(op) && op.attrs.is_constant === true;
}

/** TF's `GetWhileContext(op)`: the innermost while loop the op is in. */
export function whileContextOf(op: Operation): FlowContext | null {
  for (let c = op._ctxt; c !== null; c = c.outerContext) if (c.kind === "while") return c;
  return null;
}

/** TF's `IsCondSwitch`: a Switch all of whose consumers are in cond contexts. */
export function isCondSwitch(op: Operation): boolean {
  if (!isSwitch(op) || op.outputs.length === 0) return false;
  let cond = true;
  for (const o of op.outputs) {
    for (const c of o.consumers()) {
      let ctxt = c._ctxt;
      if (isLoopEnter(c)) ctxt = ctxt?.outerContext ?? null;
      cond = cond && ctxt !== null && ctxt.kind === "cond";
    }
  }
  return cond;
}

/** TF's `IsLoopSwitch`: the Switch of a while loop's variable (not of a cond inside it). */
export function isLoopSwitch(op: Operation): boolean {
  if (!isSwitch(op)) return false;
  const ctxt = op._ctxt;
  return ctxt !== null && ctxt.kind === "while" && !isCondSwitch(op);
}

/** TF's `GetLoopConstantEnter`: the constant Enter a value comes from through identities, if any. */
export function loopConstantEnterOf(value: Tensor): Operation | null {
  let op = value.op;
  while (isSwitch(op) || op.type === "Identity" || op.type === "RefIdentity") op = op.inputs[0].op;
  return isLoopConstantEnter(op) ? op : null;
}

/** TF's `OpInContext`. */
export function opInContext(op: Operation, ctxt: FlowContext): boolean {
  return isContaining(op._ctxt, ctxt);
}
