/**
 * What a while context needs of the gradient loop state (grad_state.ts) — an interface, so the
 * context and the state that makes contexts do not import each other.
 */
import type { Tensor } from "../../graph.js";
import type { ControlFlowContext } from "./contexts.js";

/** TF's `_GradLoopState`, as the contexts use it. */
export interface GradLoopStateLike {
  /** The forward loop whose gradient is being built. */
  readonly forwardContext: ControlFlowContext;
  /** The backward loop. */
  readonly gradContext: ControlFlowContext;
  /** A forward value as the backward loop reads it: through a stack, or an Enter for an invariant. */
  getRealValue(value: Tensor): Tensor;
}
