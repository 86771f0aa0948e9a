/**
 * TF 1.x's state for the gradient of while loops (control_flow_state.py: _GradLoopState,
 * _ControlFlowState). For each forward loop on the way from ys to xs, `tf.gradients` builds a
 * backward loop that runs as many iterations (a forward counter `f_count`, a backward one
 * `b_count`); each forward value the backward loop needs is pushed onto a stack in the forward
 * loop (`f_acc`, StackPushV2) and popped in the backward one (StackPopV2), so the gradient of
 * iteration i reads the values of iteration i.
 */
import type { EngineContext } from "../../context.js";
import type { Operation, Tensor } from "../../graph.js";
import { int32 } from "../../dtypes.js";
import { PyTypeError } from "../../errors.js";
import { outputContext } from "../../flow_context.js";
import { applyOp } from "../apply.js";
import { buildersFor } from "../builders.js";
import { constValueOf } from "../../ops/support/const_value.js";
import { CondContext, type ControlFlowContext } from "./contexts.js";
import { WhileContext } from "./while_context.js";
import { shapeOf } from "./loop_shapes.js";
import { controlTrigger, identityOf, nextIteration, switchOp, switchRefOrTensor } from "./ops.js";
import { isLoopExit, isLoopSwitch, isSwitch, loopConstantEnterOf, whileContextOf } from "./util.js";
import type { GradLoopStateLike } from "./grad_types.js";

/** The state of one forward loop's gradient (TF's `_GradLoopState`). */
export class GradLoopState implements GradLoopStateLike {
  readonly forwardContext: WhileContext;
  readonly gradContext: WhileContext;
  /** The forward counter's NextIteration: each iteration's pushes happen before it. */
  readonly forwardIndex: Tensor;
  /** The backward counter's NextIteration: each iteration's pops happen before it. */
  readonly gradIndex: Tensor;
  /** Forward tensor name → what the backward loop reads for it (a pop of its history). */
  readonly historyMap = new Map<string, Tensor>();
  /** A forward loop Switch → the backward Merge its gradient made (visited twice). */
  readonly switchMap = new Map<Operation, Tensor>();
  readonly unusedExits: Tensor[] = [];
  readonly deferredExits: Tensor[] = [];
  readonly forwardLoopExits: Tensor[];
  pendingExitsCount: number;
  private forwardSyncOp: Operation | null = null;
  private gradSyncOp: Operation | null = null;

  constructor(
    private readonly ctx: EngineContext,
    forward: WhileContext,
    readonly outerGradState: GradLoopState | null,
  ) {
    this.forwardLoopExits = forward.loopExits.slice();
    this.pendingExitsCount = forward.loopExits.length;
    const outerForward = outerGradState !== null ? outerGradState.forwardContext : forward.outerContext;
    outerForward?.enter();
    const [cnt, forwardIndex] = forward.addForwardLoopCounter(outerGradState);
    outerForward?.exit();
    this.forwardContext = forward;
    this.forwardIndex = forwardIndex;
    const options = {
      maximumIterations: forward.maximumIterations,
      parallelIterations: forward.parallelIterations,
      backProp: forward.backProp,
      swapMemory: forward.swapMemory,
      name: forward.name,
      gradState: this,
    };
    if (outerGradState !== null) {
      // A nested loop: how many iterations each of its runs took is itself a history.
      outerForward!.addName(cnt.name);
      const historyCnt = outerGradState.addForwardAccumulator(cnt);
      const outerGrad = outerGradState.gradContext;
      outerGrad.enter();
      this.gradContext = new WhileContext(ctx, options);
      const realCnt = outerGradState.addBackpropAccumulatedValue(historyCnt, cnt);
      this.gradIndex = this.gradContext.addBackpropLoopCounter(realCnt, outerGradState);
      outerGrad.exit();
    } else {
      outerForward?.enter();
      this.gradContext = new WhileContext(ctx, options);
      this.gradIndex = this.gradContext.addBackpropLoopCounter(cnt, null);
      outerForward?.exit();
    }
  }

  private get graph() {
    return this.ctx.defaultGraph();
  }

  /** A ControlTrigger in the forward loop that the pushes inside conds are ordered by. */
  get forwardSync(): Operation {
    if (this.forwardSyncOp === null) {
      const sync = this.graph.control_dependencies(null, () => controlTrigger(this.ctx, "f_sync"));
      sync._set_control_flow_context(this.forwardContext);
      this.forwardIndex.op._add_control_input(sync);
      this.forwardSyncOp = sync;
    }
    return this.forwardSyncOp;
  }

  /** A ControlTrigger in the backward loop that the pops are ordered by. */
  get gradSync(): Operation {
    if (this.gradSyncOp === null) {
      const sync = this.graph.control_dependencies(null, () => controlTrigger(this.ctx, "b_sync"));
      sync._set_control_flow_context(this.gradContext);
      this.gradIndex.op._add_control_input(sync);
      this.gradContext.outerContext?.addInnerOp(sync);
      this.gradSyncOp = sync;
    }
    return this.gradSyncOp;
  }

  /** A stack of `value`'s values, one pushed per forward iteration (TF's AddForwardAccumulator). */
  addForwardAccumulator(value: Tensor, deadBranch = false): Tensor {
    const g = this.graph;
    const curr = g._get_control_flow_context() as ControlFlowContext | null;
    return g.control_dependencies(null, () => {
      curr?.enter();
      const maxSize = buildersFor(this.ctx).constant(-1, int32);
      const acc = applyOp(this.ctx, "StackV2", [maxSize], { elem_type: value.dtype.base_dtype, stack_name: "" }, "f_acc").outputs[0];
      curr?.exit();
      const enterAcc = this.forwardContext.addValue(acc);
      const valueCtxt = outputContext(value.op) as ControlFlowContext | null;
      let push: Tensor;
      const pushOp = () => applyOp(this.ctx, "StackPushV2", [enterAcc, value], { swap_memory: this.forwardContext.swapMemory }).outputs[0];
      if (valueCtxt === this.forwardContext) {
        this.forwardContext.enter();
        push = pushOp();
        this.forwardContext.exit();
        this.forwardIndex.op._add_control_input(push.op);
      } else {
        if (!(valueCtxt instanceof CondContext)) throw new PyTypeError(`value_ctxt is not a CondContext: ${valueCtxt?.name ?? "None"}`);
        if (deadBranch) {
          valueCtxt.outerContext?.enter();
          push = pushOp();
          valueCtxt.outerContext?.exit();
          push.op._set_control_flow_context(valueCtxt);
        } else {
          valueCtxt.enter();
          push = pushOp();
          valueCtxt.exit();
        }
        this.forwardSync._add_control_input(push.op);
      }
      // Pushed after the counter moved on, so that iteration i's value is the i-th pushed.
      push.op._add_control_input(this.forwardIndex.op.inputs[0].op);
      return acc;
    });
  }

  /** The backward loop's read of a history: a pop, guarded by the cond it was pushed under. */
  addBackpropAccumulatedValue(historyValue: Tensor, value: Tensor, deadBranch = false): Tensor {
    const historyCtxt = historyValue.op._ctxt;
    let condCtxt: CondContext | null = null;
    for (let c = value.op._ctxt as ControlFlowContext | null; c !== null && c !== historyCtxt; c = c.outerContext) {
      if (c instanceof CondContext) {
        condCtxt = c;
        break;
      }
    }
    const pop = this.graph.control_dependencies(null, () => {
      this.gradContext.enter();
      let history = historyValue;
      if (condCtxt !== null) {
        let pred: Tensor | null = null;
        for (let s: GradLoopState | null = this; pred === null && s !== null; s = s.outerGradState) pred = s.historyMap.get(condCtxt.pred.name) ?? null;
        pred ??= condCtxt.pred;
        const branch = deadBranch ? 1 - condCtxt.branch : condCtxt.branch;
        history = switchRefOrTensor(this.ctx, history, pred)[branch];
      }
      const p = applyOp(this.ctx, "StackPopV2", [history], { elem_type: value.dtype.base_dtype }).outputs[0];
      p.set_shape(value.shape);
      this.gradContext.exit();
      return p;
    });
    if (this.gradContext.parallelIterations > 1) this.gradSync._add_control_input(pop.op);
    return pop;
  }

  /** A forward value as the backward loop reads it (TF's GetRealValue). */
  getRealValue(value: Tensor): Tensor {
    let real = this.historyMap.get(value.name) ?? null;
    if (real !== null) return real;
    let cur = value;
    let state: GradLoopState | null = this;
    let history: Tensor | null = null;
    for (;;) {
      const enterOp = loopConstantEnterOf(cur);
      if (enterOp !== null) {
        // A loop invariant: no history needed outside the loops of this gradient.
        cur = enterOp.inputs[0];
        state = state!.outerGradState;
        if (state === null) {
          real = this.gradContext.addValue(cur);
          break;
        }
      } else if (cur.op.type === "Const") {
        // A constant is made again in the backward loop rather than stacked.
        real = buildersFor(this.ctx).constant(constValueOf(cur)!, cur.dtype.base_dtype);
        break;
      } else {
        this.gradContext.exit();
        history = state!.addForwardAccumulator(cur);
        this.gradContext.enter();
        break;
      }
    }
    if (real === null) {
      real = state!.addBackpropAccumulatedValue(history!, cur);
      if (state !== this) real = this.gradContext.addValue(real);
    }
    this.historyMap.set(value.name, real);
    return real;
  }
}

/** The gradient states of the loops one `tf.gradients` call goes through (TF's `_ControlFlowState`). */
export class ControlFlowState {
  private readonly map = new Map<ControlFlowContext, GradLoopState>();

  constructor(private readonly ctx: EngineContext) {}

  /** The grad state of the loop an op is in (an Exit seen "before" belongs to the loop outside). */
  gradStateOf(op: Operation, before: boolean): GradLoopState | null {
    let forward: ControlFlowContext | null;
    if (before && isLoopExit(op)) forward = (op._ctxt as ControlFlowContext).outerContext?.whileContext() ?? null;
    else forward = whileContextOf(op) as ControlFlowContext | null;
    return forward === null ? null : (this.map.get(forward) ?? null);
  }

  states(): GradLoopState[] {
    return [...this.map.values()];
  }

  /** Exits of the loops that no gradient reached (TF's ProcessUnusedLoopExits). */
  processUnusedLoopExits(pending: Map<Operation, number>, toOps: ReadonlySet<Operation>): Tensor[] {
    const loopExits: Tensor[] = [];
    for (const s of this.map.values()) {
      for (const y of s.forwardLoopExits) {
        if ((pending.get(y.op) ?? 0) === 0) {
          s.pendingExitsCount--;
          if (!toOps.has(y.op)) s.unusedExits.push(y);
          if (s.pendingExitsCount === 0) loopExits.push(...s.unusedExits);
        }
      }
      for (const y of s.forwardContext.loopEnters) if ((pending.get(y.op) ?? 0) === 0) pending.set(y.op, 1);
    }
    return loopExits;
  }

  enterGradWhileContext(op: Operation, before: boolean): void {
    this.gradStateOf(op, before)?.gradContext.enter();
  }

  exitGradWhileContext(op: Operation, before: boolean): void {
    this.gradStateOf(op, before)?.gradContext.exit();
  }

  /** Makes the grad state of the loop an Exit leaves (and puts all its Exits on the way). */
  addWhileContext(op: Operation, betweenList: Operation[], between: Set<Operation>): void {
    const forward = whileContextOf(op) as WhileContext;
    if (this.map.has(forward)) return;
    const outerForward = forward.outerContext?.whileContext() ?? null;
    const outer = outerForward === null ? null : (this.map.get(outerForward) ?? null);
    const state = new GradLoopState(this.ctx, forward, outer);
    this.map.set(forward, state);
    for (const e of state.forwardLoopExits) {
      if (!between.has(e.op)) {
        between.add(e.op);
        betweenList.push(e.op);
      }
    }
  }

  /** A zero gradient for the Exit of a loop variable whose result is unused (TF's ZerosLikeForExit). */
  zerosLikeForExit(val: Tensor): Tensor {
    const tf = buildersFor(this.ctx);
    const shape = val.shape;
    const forward = val.op._ctxt as ControlFlowContext;
    const outerForward = forward.outerContext?.whileContext() ?? null;
    const outer = outerForward === null ? null : (this.map.get(outerForward) ?? null);
    if (outer !== null) {
      if (shape.is_fully_defined()) {
        outer.gradContext.enter();
        const r = tf.zeros(shape.as_list() as number[], val.dtype.base_dtype);
        outer.gradContext.exit();
        return r;
      }
      forward.outerContext!.enter();
      const s = shapeOf(this.ctx, val);
      forward.outerContext!.exit();
      const history = outer.addForwardAccumulator(s);
      outer.gradContext.enter();
      const real = outer.addBackpropAccumulatedValue(history, s);
      const r = tf.zeros(real, val.dtype.base_dtype);
      outer.gradContext.exit();
      return r;
    }
    if (shape.is_fully_defined()) return tf.zeros(shape.as_list() as number[], val.dtype.base_dtype);
    return tf.zeros_like(val, null, null, false);
  }

  /** A zero gradient for an output no gradient reached, inside a loop (TF's ZerosLike). */
  zerosLike(op: Operation, index: number): Tensor | null {
    if (isLoopSwitch(op)) return null;
    const tf = buildersFor(this.ctx);
    const deadBranch = isSwitch(op);
    const forward = whileContextOf(op) as ControlFlowContext | null;
    const state = forward === null ? null : (this.map.get(forward) ?? null);
    if (state === null) return zerosLikeOutsideLoop(this.ctx, op, index);
    const opCtxt = op._ctxt as CondContext;
    const val = op.outputs[index];
    const shape = val.shape;
    if (shape.is_fully_defined()) {
      let result = tf.constant(0, val.dtype.base_dtype, shape);
      if (deadBranch) {
        const pred = state.historyMap.get(opCtxt.pred.name)!;
        result = switchRefOrTensor(this.ctx, result, pred)[1 - opCtxt.branch];
      }
      return result;
    }
    let zerosShape: Tensor;
    if (deadBranch) {
      opCtxt.outerContext!.enter();
      const v = switchRefOrTensor(this.ctx, op.inputs[0], opCtxt.pred)[1 - opCtxt.branch];
      zerosShape = shapeOf(this.ctx, v);
      opCtxt.outerContext!.exit();
      v.op._set_control_flow_context(opCtxt);
      zerosShape.op._set_control_flow_context(opCtxt);
    } else {
      (op._ctxt as ControlFlowContext).enter();
      zerosShape = shapeOf(this.ctx, val);
      (op._ctxt as ControlFlowContext).exit();
    }
    state.gradContext.exit();
    const history = state.addForwardAccumulator(zerosShape, deadBranch);
    state.gradContext.enter();
    const real = state.addBackpropAccumulatedValue(history, zerosShape, deadBranch);
    return tf.zeros(real, val.dtype.base_dtype);
  }

  /**
   * A loop variable whose next value does not depend on its current one gets a zero gradient
   * for the iterations after the first (TF's PostProcessing).
   */
  postProcessing(): void {
    const tf = buildersFor(this.ctx);
    for (const state of this.map.values()) {
      for (const bMerge of state.switchMap.values()) {
        const ins = bMerge.op.inputs;
        if (ins[0] !== ins[1]) continue;
        const dtype = ins[0].dtype.base_dtype;
        const shape = ins[0].shape;
        let next: Tensor;
        if (shape.is_fully_defined()) {
          state.gradContext.enter();
          next = nextIteration(this.ctx, tf.constant(0, dtype, shape));
          state.gradContext.exit();
        } else {
          const outerGrad = state.gradContext.outerContext;
          outerGrad?.enter();
          const enterGrad = ins[0].op.inputs[0];
          const zeros = tf.zeros(shapeOf(this.ctx, enterGrad), dtype);
          outerGrad?.exit();
          state.gradContext.enter();
          next = nextIteration(this.ctx, zeros);
          state.gradContext.exit();
        }
        bMerge.op._update_input(1, next);
      }
    }
  }
}

/** The loop state for one `tf.gradients`, or null when no loop is on the way (TF's MaybeCreateControlFlowState). */
export function maybeCreateControlFlowState(ctx: EngineContext, betweenList: Operation[], between: Set<Operation>): ControlFlowState | null {
  let state: ControlFlowState | null = null;
  // The list grows as loops add their exits; those are Exits too.
  for (let i = 0; i < betweenList.length; i++) {
    const op = betweenList[i];
    if (isLoopExit(op)) {
      state ??= new ControlFlowState(ctx);
      state.addWhileContext(op, betweenList, between);
    }
  }
  return state;
}

/** A zero gradient outside loops; for a cond's Switch, one guarded by the untaken side (TF's ZerosLikeOutsideLoop). */
export function zerosLikeOutsideLoop(ctx: EngineContext, op: Operation, index: number): Tensor {
  const tf = buildersFor(ctx);
  const val = op.outputs[index];
  if (!isSwitch(op)) return tf.zeros_like(val, null, null, false);
  const opCtxt = op._ctxt as CondContext | null;
  if (opCtxt === null) return tf.zeros_like(val, null, null, false);
  const pred = opCtxt.pred;
  const branch = opCtxt.branch;
  const switchVal = switchOp(ctx, op.inputs[0], pred)[1 - branch];
  // Made where the other branch runs: control dependencies are on ops, not on outputs.
  const pivot = identityOf(ctx, switchVal);
  const zerosShape = shapeOf(ctx, switchVal);
  const g = ctx.defaultGraph();
  return g.control_dependencies([pivot], () => tf.zeros(zerosShape, val.dtype.base_dtype));
}
