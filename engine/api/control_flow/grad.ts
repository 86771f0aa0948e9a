/**
 * The gradients of the control-flow ops (TF 1.14's control_flow_grad.py). In a cond, a Merge's
 * gradient is a Switch on the same predicate and a Switch's is a Merge (`cond_grad`); in a
 * while loop they build the backward loop: an Exit's gradient enters it (`b_exit`), the loop's
 * Switch becomes its Merge (`b_switch`, closed on the second visit with a NextIteration), its
 * Merge a Switch on the backward pivot, and an Enter's gradient leaves it — through an
 * accumulator loop (`b_acc`) for a value the loop only read.
 */
import type { EngineContext } from "../../context.js";
import type { Operation, Tensor } from "../../graph.js";
import { PyTypeError } from "../../errors.js";
import { buildersFor } from "../builders.js";
import { outputContext } from "../../flow_context.js";
import { CondContext, type ControlFlowContext } from "./contexts.js";
import { WhileContext } from "./while_context.js";
import { addNextAndBackEdge } from "./loop_shapes.js";
import type { GradLoopState } from "./grad_state.js";
import { enter, exitOp, merge, switchOp, switchRefOrTensor } from "./ops.js";

/** The control-flow gradient functions, as op declarations call them (`b.flow.switchGrad`). */
export interface FlowGradients {
  switchGrad(op: Operation, grads: (Tensor | null)[]): (Tensor | null)[];
  mergeGrad(op: Operation, grads: (Tensor | null)[]): (Tensor | null)[];
  enterGrad(op: Operation, grads: (Tensor | null)[]): (Tensor | null)[];
  exitGrad(op: Operation, grads: (Tensor | null)[]): (Tensor | null)[];
}

/** The gradient context the graph is in (a backward loop while its gradients are built). */
function gradContextOf(ctx: EngineContext): ControlFlowContext | null {
  return ctx.defaultGraph()._get_control_flow_context() as ControlFlowContext | null;
}

function gradStateOf(c: ControlFlowContext | null): GradLoopState | null {
  return (c?.gradState ?? null) as GradLoopState | null;
}

export function flowGradients(ctx: EngineContext): FlowGradients {
  return {
    switchGrad(op, grad) {
      const opCtxt = op._ctxt as ControlFlowContext | null;
      const gradCtxt = gradContextOf(ctx);
      if (opCtxt instanceof WhileContext) {
        const state = gradStateOf(gradCtxt)!;
        const mergeGrad = state.switchMap.get(op);
        if (mergeGrad !== undefined) {
          // The second visit, from the body: close the backward loop's back edge.
          if (grad[1] !== null) addNextAndBackEdge(ctx, mergeGrad, grad[1], false);
          return [null, null];
        }
        if (grad[0] !== null) {
          // The first visit, from the Exit: both Merge inputs are that gradient for now.
          const m = merge(ctx, [grad[0], grad[0]], "b_switch")[0];
          state.switchMap.set(op, m);
          return [m, null];
        }
        return [null, null];
      }
      if (opCtxt instanceof CondContext) {
        if (grad[1 - opCtxt.branch] === null) return [null, null];
        return [merge(ctx, grad, "cond_grad")[0], null];
      }
      const falseGrad = switchOp(ctx, grad[0], op.inputs[1])[0];
      const trueGrad = switchOp(ctx, grad[1], op.inputs[1])[1];
      return [merge(ctx, [falseGrad, trueGrad])[0], null];
    },

    mergeGrad(op, grads) {
      const grad = grads[0]!;
      const opCtxt = outputContext(op.inputs[0].op) as ControlFlowContext | null;
      const gradCtxt = gradContextOf(ctx);
      if (opCtxt instanceof WhileContext) return switchRefOrTensor(ctx, grad, (gradCtxt as WhileContext).pivot!);
      if (opCtxt instanceof CondContext) {
        let pred = opCtxt.pred;
        const state = gradStateOf(gradCtxt);
        if (state !== null) {
          // A cond inside a loop: the backward loop needs the predicate of each iteration.
          let real = state.historyMap.get(pred.name) ?? null;
          if (real === null) {
            state.gradContext.exit();
            const history = state.addForwardAccumulator(pred);
            state.gradContext.enter();
            real = state.addBackpropAccumulatedValue(history, pred);
            state.historyMap.set(pred.name, real);
          }
          pred = real;
        }
        return switchRefOrTensor(ctx, grad, pred, "cond_grad");
      }
      const tf = buildersFor(ctx);
      return op.inputs.map((_, i) => switchRefOrTensor(ctx, grad, tf.equal(op.outputs[1], i))[1]);
    },

    exitGrad(op, [grad]) {
      const gradCtxt = gradContextOf(ctx) as WhileContext;
      if (!gradCtxt.backProp) return [null];
      if ((op._ctxt as ControlFlowContext).gradState !== null) throw new PyTypeError("Second-order gradient for while loops not supported.");
      gradCtxt.addName(grad!.name);
      gradCtxt.enter();
      const result = enter(ctx, grad!, gradCtxt.name, { isConstant: false, parallelIterations: gradCtxt.parallelIterations, name: "b_exit" });
      gradCtxt.loopEnters.push(result);
      gradCtxt.exit();
      return [result];
    },

    enterGrad(op, [grad]) {
      const gradCtxt = gradContextOf(ctx) as WhileContext | null;
      if (gradCtxt === null || !gradCtxt.backProp || gradCtxt.gradState === null) return [grad];
      if (op.attrs.is_constant === true) return [gradCtxt.addBackpropAccumulator(op, grad!)];
      const result = exitOp(ctx, grad!);
      gradCtxt.loopExits.push(result);
      gradCtxt.exitResult([result]);
      return [result];
    },
  };
}
