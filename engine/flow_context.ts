/**
 * What the graph knows of TF's control-flow contexts (a `tf.cond` branch, a `tf.while_loop`
 * body): every op remembers the context it was created in, and an op created inside one is
 * handed to it (`addOp`), which rewires its inputs the way TF's CondContext and WhileContext
 * do (a Switch or an Enter in front of each value from outside). The contexts themselves are
 * built by the API (engine/api/control_flow/); the graph only calls them through this
 * interface, and checks TF's rule on which context an input may come from.
 */
import { ValueError } from "./errors.js";
import type { Operation } from "./graph_elements.js";
import type { FlowContextRecord } from "./records.js";

/** A control-flow context, as the graph sees it (TF's ControlFlowContext). */
export interface FlowContext {
  readonly kind: "cond" | "while";
  /** TF's context name: `cond/cond_text`, `while/while_context`. */
  readonly name: string;
  /** The context this one was created in, or null at the top. */
  readonly outerContext: FlowContext | null;
  /** For a cond branch: 1 for `true_fn`'s, 0 for `false_fn`'s. */
  readonly branch?: 0 | 1;
  /** For the while loop of a gradient: the forward loop it differentiates (TF's grad_state.forward_context). */
  readonly gradForward?: FlowContext | null;
  /** Adds an op created inside the context (TF's `AddOp`): may replace its inputs and add control inputs. */
  addOp(op: Operation): void;
  /** What the op's node record says of this context. */
  record(): FlowContextRecord;
}

/** TF's `GetContainingWhileContext`: the innermost while context around `ctxt` (itself included). */
export function containingWhile(ctxt: FlowContext | null, stop: FlowContext | null = null): FlowContext | null {
  for (let c = ctxt; c !== null; c = c.outerContext) if (c.kind === "while" || c === stop) return c;
  return null;
}

/** TF's `IsContainingContext`: `outer` is `ctxt` or one of its outer contexts (null contains all). */
export function isContaining(ctxt: FlowContext | null, outer: FlowContext | null): boolean {
  for (let c = ctxt; c !== outer; c = c.outerContext) if (c === null) return false;
  return true;
}

/** TF's `GetOutputContext`: where an op's outputs live (an Exit's are outside its loop). */
export function outputContext(op: Operation): FlowContext | null {
  const ctxt = op._ctxt;
  return ctxt !== null && op.def.frame === "exit" ? ctxt.outerContext : ctxt;
}

/**
 * TF's `CheckInputFromValidContext`: a value computed inside a while loop can only be used in
 * that loop (or a loop inside it, or its gradient); everything else must leave through an Exit.
 */
export function checkInputContext(op: Operation, inputOp: Operation): void {
  const opCtxt = op._ctxt;
  const inputCtxt = outputContext(inputOp);
  if (inputCtxt === null || opCtxt === inputCtxt) return;
  const whileCtxt = containingWhile(opCtxt);
  const inputWhile = containingWhile(inputCtxt);
  let valid = false;
  if (whileCtxt === null) {
    // Neither in a loop (conds only) is allowed; so are the Enter and the Switch that the
    // contexts themselves create for outside values.
    valid = inputWhile === null || op.def.frame === "enter" || op.def.deadOutputs === true;
  } else if (isContaining(whileCtxt, inputWhile)) {
    valid = true;
  } else {
    const fwd = whileCtxt.gradForward ?? null;
    const inFwd = inputWhile?.gradForward ?? null;
    valid =
      (fwd !== null && (isContaining(fwd, inputWhile) || fwd === inputWhile?.outerContext)) ||
      (inFwd !== null && (inFwd === whileCtxt || (inFwd.gradForward ?? null) === whileCtxt));
  }
  if (valid) return;
  const msg = whileCtxt
    ? `Cannot use '${inputOp.name}' as input to '${op.name}' because they are in different while loops.`
    : `Cannot use '${inputOp.name}' as input to '${op.name}' because '${inputOp.name}' is in a while loop.`;
  throw new ValueError(`${msg} See info log for more details.`);
}

/** The contexts around an op, outermost first, for its node record (undefined outside any). */
export function flowRecordsOf(op: Operation): FlowContextRecord[] | undefined {
  if (op._ctxt === null) return undefined;
  const out: FlowContextRecord[] = [];
  for (let c: FlowContext | null = op._ctxt; c !== null; c = c.outerContext) out.push(c.record());
  return out.reverse();
}
