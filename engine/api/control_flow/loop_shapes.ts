/**
 * A loop variable's shape across iterations (TF's shape invariants): what the Enters admit,
 * and the check made when the back edge closes (a body that changes a shape gets TF's error).
 */
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { PyTypeError, ValueError } from "../../errors.js";
import { TensorShape } from "../../shape.js";
import { applyOp } from "../apply.js";
import { int32 } from "../../dtypes.js";
import { nextIteration } from "./ops.js";
import { isLoopEnter } from "./util.js";

/** TF's `_ShapeLessThanOrEqual`: `a` is at least as specific as `b`. */
export function shapeLessThanOrEqual(a: TensorShape, b: TensorShape): boolean {
  if (b.dims === null) return true;
  if (a.dims === null || a.dims.length !== b.dims.length) return false;
  return b.dims.every((d, i) => d === null || a.dims![i] === d);
}

/** TF's `_SetShapeInvariants`: the Enters get the invariants, which must admit the initial shapes. */
export function setShapeInvariants(inputs: readonly Tensor[], enters: readonly Tensor[], shapes: readonly unknown[]): void {
  if (!shapes.every((s) => s instanceof TensorShape)) throw new ValueError("`shapes` must be a (possibly nested) list of shapes.");
  inputs.forEach((inp, i) => {
    const shape = shapes[i] as TensorShape;
    if (!shapeLessThanOrEqual(inp.shape, shape)) {
      throw new ValueError(
        `The shape invariant specified for ${inp.name} is not compatible with the initial shape of the loop variable. It enters the loop with shape ${inp.shape}, but the specified shape invariant is ${shape}.`,
      );
    }
    enters[i].set_shape(shape);
  });
}

/** TF's `_AddNextAndBackEdge`: a NextIteration of `v` closes the Merge's back edge. */
export function addNextAndBackEdge(ctx: EngineContext, m: Tensor, v: Tensor, enforceShapeInvariant = true): Tensor {
  const next = nextIteration(ctx, v);
  if (enforceShapeInvariant && !shapeLessThanOrEqual(next.shape, m.shape)) {
    const enterOp = m.op.inputs[0].op;
    if (!isLoopEnter(enterOp)) throw new PyTypeError(`Type ${enterOp.type} not supported`);
    const input = enterOp.inputs[0];
    throw new ValueError(
      `Input tensor '${input.name}' enters the loop with shape ${input.shape}, but has shape ${next.shape} after one iteration. To allow the shape to vary across iterations, use the \`shape_invariants\` argument of tf.while_loop to specify a less-specific shape.`,
    );
  }
  m.op._update_input(1, next);
  return next;
}

/** TF's `shape_internal(value, optimize=False)`: a Shape op even for a known shape. */
export function shapeOf(ctx: EngineContext, value: Tensor): Tensor {
  return applyOp(ctx, "Shape", [value], { out_type: int32 }).outputs[0];
}
