/**
 * TF 1.x's WhileContext (control_flow_ops.py): the frame of a `tf.while_loop`. Building the
 * loop makes, per loop variable, `Enter → Merge → Switch → Identity → body → NextIteration`
 * back into the Merge, and `Switch → Exit` out; a value from outside the loop comes in through
 * a constant Enter made on first use. A loop's gradient is another WhileContext, with the
 * counters and accumulators added here (AddForwardLoopCounter & co.).
 */
import type { EngineContext } from "../../context.js";
import type { Operation, Tensor } from "../../graph.js";
import { ValueError } from "../../errors.js";
import { TensorShape } from "../../shape.js";
import { outputContext } from "../../flow_context.js";
import { buildersFor } from "../builders.js";
import { convertToTensor } from "../convert_tensor.js";
import { ControlFlowContext, type WhileContextLike } from "./contexts.js";
import { enter, exitOp, identityOf, loopCond, merge, nextIteration, switchOp, switchRefOrTensor } from "./ops.js";
import { flatten, packSequenceAs, assertSameStructure, isSequence } from "./nest.js";
import { isLoopConstantEnter, isLoopExit, whileContextOf } from "./util.js";
import type { GradLoopStateLike } from "./grad_types.js";
import { addNextAndBackEdge, setShapeInvariants, shapeOf } from "./loop_shapes.js";

export interface WhileOptions {
  maximumIterations: Tensor | null;
  parallelIterations: number;
  backProp: boolean;
  swapMemory: boolean;
  name?: string;
  gradState?: GradLoopStateLike | null;
}

export class WhileContext extends ControlFlowContext implements WhileContextLike {
  readonly kind = "while" as const;
  readonly name: string;
  readonly maximumIterations: Tensor | null;
  readonly parallelIterations: number;
  private readonly back: boolean;
  readonly swapMemory: boolean;
  /** The loop's predicate (LoopCond's output). */
  pivot: Tensor | null = null;
  /** What the condition's constants wait for (the first Merge). */
  pivotForPred: Tensor | null = null;
  /** What the body's constants wait for (the first Identity). */
  pivotForBody: Tensor | null = null;
  loopEnters: Tensor[] = [];
  loopExits: Tensor[] = [];
  private readonly grad: GradLoopStateLike | null;

  constructor(ctx: EngineContext, o: WhileOptions) {
    super(ctx);
    if (!Number.isInteger(o.parallelIterations) || o.parallelIterations <= 0) {
      throw new ValueError(`\`parallel_iterations\` must be a positive integer: ${o.parallelIterations}`);
    }
    this.name = ctx.defaultGraph().unique_name(o.name ?? "while_context");
    this.maximumIterations = o.maximumIterations;
    this.parallelIterations = o.parallelIterations;
    this.back = o.backProp;
    this.swapMemory = o.swapMemory;
    this.grad = o.gradState ?? null;
  }

  get gradState(): GradLoopStateLike | null {
    return this.grad;
  }

  get backProp(): boolean {
    return this.back;
  }

  override whileContext(): WhileContextLike {
    return this;
  }

  override controlPivot(): Tensor | null {
    return this.pivotForBody ?? this.pivotForPred;
  }

  /** A value from outside the loop: through a constant Enter (or, in a gradient loop, a stack). */
  addValue(val: Tensor): Tensor {
    let result = val;
    const isNew = !this.values.has(val.name) && val.op._ctxt !== this;
    if (!isNew) return this.externalValues.get(val.name) ?? result;
    this.values.add(val.name);
    // A forward value needed by the gradient loop is read back from its history.
    const current = this.graph._get_control_flow_context() as ControlFlowContext | null;
    const gradCtxt = current?.whileContext() ?? null;
    const gradState = gradCtxt?.gradState ?? null;
    if (gradState !== null) {
      let forward = whileContextOf(val.op) as ControlFlowContext | null;
      if (isLoopExit(val.op)) forward = forward?.outerContext?.whileContext() ?? null;
      if (forward === gradState.forwardContext) {
        const real = gradState.getRealValue(val);
        this.externalValues.set(val.name, real);
        return real;
      }
    }
    if (this.outerContext !== null) result = this.outerContext.addValue(val);
    const e = this.graph.control_dependencies(null, () => {
      const t = enter(this.ctx, result, this.name, { isConstant: true, parallelIterations: this.parallelIterations });
      this.graph.prevent_feeding(t);
      this.outerContext?.addInnerOp(t.op);
      return t;
    });
    this.fixControlInputsAndContext([e]);
    this.values.add(e.name);
    this.externalValues.set(val.name, e);
    return e;
  }

  addOp(op: Operation): void {
    // A shape a gradient reads of a forward value is taken in the forward loop (TF keeps the
    // small shape, not the value, in the history).
    if (op.type === "Shape" || op.type === "Size" || op.type === "Rank") {
      const gradCtxt = (this.graph._get_control_flow_context() as ControlFlowContext | null)?.whileContext() ?? null;
      const gradState = gradCtxt?.gradState ?? null;
      if (gradState !== null && whileContextOf(op.inputs[0].op) === gradState.forwardContext) {
        const inputCtxt = op.inputs[0].op._ctxt as ControlFlowContext;
        op._set_control_flow_context(inputCtxt);
        (inputCtxt as ControlFlowContext & { addOpInternal(op: Operation): void }).addOpInternal(op);
        return;
      }
    }
    this.addOpInternal(op);
  }

  addOpInternal(op: Operation): void {
    let external: Operation[];
    if (op.inputs.length === 0) {
      const [internal, ext] = this.removeExternalControlEdges(op);
      external = ext;
      if (internal.length === 0) op._add_control_input(this.controlPivot()!.op);
      for (const x of op.outputs) this.values.add(x.name);
    } else {
      for (let i = 0; i < op.inputs.length; i++) {
        const x = op.inputs[i];
        const real = this.addValue(x);
        if (real !== x) op._update_input(i, real);
      }
      external = this.removeExternalControlEdges(op)[1];
      this.maybeAddControlDependency(op);
      for (const x of op.outputs) this.values.add(x.name);
    }
    if (external.length > 0) {
      // Control inputs from outside the loop are pulled in as data, through an Identity.
      const pulled = this.graph.control_dependencies(null, () => {
        this.enter();
        try {
          return external.filter((x) => x.outputs.length > 0).map((x) => identityOf(this.ctx, x.outputs[0]).op);
        } finally {
          this.exit();
        }
      });
      op._add_control_inputs(pulled);
    }
    if (this.outerContext !== null || !isLoopExit(op)) {
      this.graph.prevent_fetching(op);
      for (const x of op.outputs) this.graph.prevent_feeding(x);
    }
    this.outerContext?.addInnerOp(op);
  }

  /** An op that reads only loop invariants waits for the pivot, so it runs in every iteration. */
  private maybeAddControlDependency(op: Operation): void {
    if (op.control_inputs.length > 0) return;
    if (op.inputs.every((x) => isLoopConstantEnter(x.op))) op._add_control_input(this.controlPivot()!.op);
  }

  /** TF's `_FixControlInputsAndContext`: Enters join this context and keep the outer control inputs. */
  fixControlInputsAndContext(enters: readonly Tensor[]): void {
    const g = this.graph;
    for (const x of enters) {
      const inpOp = x.op.inputs[0].op;
      const outer: Operation[] = [];
      for (const op of g._control_dependencies_for_inputs([inpOp])) {
        let keep = true;
        const opCtxt = outputContext(op);
        let outerCtxt: ControlFlowContext | null = this.outerContext;
        const outerWhile = outerCtxt?.whileContext() ?? null;
        while (outerCtxt !== opCtxt) {
          if (outerCtxt === null || outerCtxt === outerWhile) {
            keep = false;
            break;
          }
          outerCtxt = outerCtxt.outerContext;
        }
        if (keep) outer.push(op);
      }
      x.op._set_control_flow_context(this);
      x.op._add_control_inputs(outer);
      g._record_op_seen_by_control_dependencies(x.op);
    }
  }

  private initializeValues(values: readonly Tensor[]): void {
    this.values.clear();
    for (const x of values) this.values.add(x.name);
  }

  /**
   * TF's `_BuildLoop`: Enters for the loop variables, their Merges, the condition and its
   * LoopCond, the Switches, the body on their Identities, NextIterations closing the back
   * edges, and Exits.
   */
  private buildLoop(
    pred: (...args: unknown[]) => unknown,
    body: (...args: unknown[]) => unknown,
    originalLoopVars: unknown,
    loopVars: Tensor[],
    shapeInvariants: TensorShape[],
  ): [unknown, Tensor[]] {
    this.initializeValues(loopVars);
    const realVars = this.outerContext === null ? loopVars : loopVars.map((x) => this.outerContext!.addValue(x));
    const enterVars = this.graph.control_dependencies(null, () =>
      realVars.map((x) => {
        const e = enter(this.ctx, x, this.name, { isConstant: false, parallelIterations: this.parallelIterations, useInputShape: false });
        this.graph.prevent_feeding(e);
        this.outerContext?.addInnerOp(e.op);
        return e;
      }),
    );
    // Loop variables that are invariants of an outer loop wait for that loop's pivot.
    let controlPivot: Tensor | null = null;
    for (let c = this.outerContext; c !== null && controlPivot === null; c = c.outerContext) controlPivot = c.controlPivot();
    if (controlPivot !== null) {
      for (const v of enterVars) if (isLoopConstantEnter(v.op.inputs[0].op)) v.op._add_control_input(controlPivot.op);
    }
    setShapeInvariants(realVars, enterVars, shapeInvariants);
    this.fixControlInputsAndContext(enterVars);
    this.initializeValues(enterVars);
    this.loopEnters = enterVars;

    const mergeVars = enterVars.map((x) => merge(this.ctx, [x, x])[0]);
    this.pivotForPred = mergeVars[0];
    const packedVars = packSequenceAs(originalLoopVars, mergeVars) as unknown[];
    const c = convertToTensor(this.ctx, pred(...packedVars));
    this.pivot = loopCond(this.ctx, c, "LoopCond");
    const switchVars = mergeVars.map((x) => switchRefOrTensor(this.ctx, x, this.pivot!));
    const varsForBody = switchVars.map((x) => identityOf(this.ctx, x[1]));
    this.pivotForBody = varsForBody[0];
    const packedForBody = packSequenceAs(originalLoopVars, varsForBody) as unknown[];
    let bodyResult = body(...packedForBody);
    if (!isSequence(bodyResult)) bodyResult = [bodyResult];
    assertSameStructure(toList(packedForBody), toList(bodyResult));
    const result = flatten(bodyResult).map((v) => convertToTensor(this.ctx, v));
    if (mergeVars.length !== result.length) {
      throw new ValueError(`Number of inputs and outputs of body must match loop_vars: ${mergeVars.length}, ${result.length}`);
    }
    mergeVars.forEach((m, i) => addNextAndBackEdge(this.ctx, m, result[i]));
    const exitVars = switchVars.map((x) => exitOp(this.ctx, x[0]));
    this.loopExits = exitVars;
    this.exitResult(exitVars);
    return [bodyResult, exitVars];
  }

  /** TF's `BuildLoop`: the loop, and its exits packed like the body's result. */
  build(
    pred: (...args: unknown[]) => unknown,
    body: (...args: unknown[]) => unknown,
    loopVarsIn: unknown,
    shapeInvariants: unknown,
    returnSameStructure: boolean,
  ): unknown {
    const loopVars = flatten(loopVarsIn).map((v) => convertToTensor(this.ctx, v));
    const invariants = (shapeInvariants === null ? loopVars.map((v) => v.shape) : flatten(shapeInvariants)) as TensorShape[];
    let built: [unknown, Tensor[]];
    this.enter();
    try {
      built = this.buildLoop(pred, body, loopVarsIn, loopVars, invariants);
    } finally {
      this.exit();
    }
    const [bodyResult, exitVars] = built;
    const packed = packSequenceAs(bodyResult, exitVars) as unknown[];
    if (returnSameStructure) return packed;
    return exitVars.length === 1 ? packed[0] : packed;
  }

  // ---- what a loop's gradient adds (TF's AddForwardLoopCounter & co.) ----

  /**
   * A counter in the forward loop: `n = 0; while (pivot) n++`. Returns the count's Exit and
   * the counter's NextIteration (the pushes of each iteration are ordered before it).
   */
  addForwardLoopCounter(outerGradState: { forwardIndex: Tensor } | null): [Tensor, Tensor] {
    const tf = buildersFor(this.ctx);
    const n = tf.constant(0, null, null, "f_count");
    if (outerGradState !== null) n.op._add_control_input(outerGradState.forwardIndex.op.inputs[0].op);
    this.enter();
    try {
      this.addName(n.name);
      const enterN = enter(this.ctx, n, this.name, { isConstant: false, parallelIterations: this.parallelIterations, name: "f_count" });
      this.loopEnters.push(enterN);
      const mergeN = merge(this.ctx, [enterN, enterN])[0];
      const switchN = switchOp(this.ctx, mergeN, this.pivot!);
      const index = tf.add(switchN[1], 1);
      const nextN = nextIteration(this.ctx, index);
      mergeN.op._update_input(1, nextN);
      const total = exitOp(this.ctx, switchN[0], "f_count");
      this.loopExits.push(total);
      this.exitResult([total]);
      return [total, nextN];
    } finally {
      this.exit();
    }
  }

  /**
   * The backward loop's counter: `n = count; while (n >= 1) n--`. Returns its NextIteration
   * (the pops of each iteration are ordered before it).
   */
  addBackpropLoopCounter(count: Tensor, outerGradState: { gradSync: Operation } | null): Tensor {
    const tf = buildersFor(this.ctx);
    const one = tf.constant(1, null, null, "b_count");
    this.enter();
    try {
      this.addName(count.name);
      const enterCount = enter(this.ctx, count, this.name, { isConstant: false, parallelIterations: this.parallelIterations, name: "b_count" });
      this.loopEnters.push(enterCount);
      const mergeCount = merge(this.ctx, [enterCount, enterCount])[0];
      this.pivotForPred = mergeCount;
      const pred = tf.greater_equal(mergeCount, one);
      this.pivot = loopCond(this.ctx, pred, "b_count");
      const switchCount = switchOp(this.ctx, mergeCount, this.pivot);
      const index = tf.subtract(switchCount[1], one);
      this.pivotForBody = index;
      const nextCount = nextIteration(this.ctx, index);
      mergeCount.op._update_input(1, nextCount);
      const finalZero = exitOp(this.ctx, switchCount[0], "b_count");
      this.loopExits.push(finalZero);
      if (outerGradState !== null) outerGradState.gradSync._add_control_input(finalZero.op);
      this.exitResult([finalZero]);
      return nextCount;
    } finally {
      this.exit();
    }
  }

  /**
   * The gradient of a loop invariant, summed over the iterations: `acc = 0; while (pivot)
   * acc += grad`. Called inside this (gradient) context.
   */
  addBackpropAccumulator(op: Operation, grad: Tensor): Tensor {
    const tf = buildersFor(this.ctx);
    this.exit();
    let acc: Tensor;
    const shape = grad.shape;
    if (shape.is_fully_defined()) {
      this.outerContext?.enter();
      acc = tf.constant(0, grad.dtype, shape, "b_acc");
      this.outerContext?.exit();
    } else {
      this.outerContext?.enter();
      const zerosShape = shapeOf(this.ctx, op.inputs[0]);
      acc = tf.zeros(zerosShape, grad.dtype);
      this.outerContext?.exit();
    }
    this.enter();
    this.addName(acc.name);
    const enterAcc = enter(this.ctx, acc, this.name, { isConstant: false, parallelIterations: this.parallelIterations, name: "b_acc" });
    this.loopEnters.push(enterAcc);
    const mergeAcc = merge(this.ctx, [enterAcc, enterAcc], "b_acc")[0];
    const [switchFalse, switchTrue] = switchOp(this.ctx, mergeAcc, this.pivot!);
    const addAcc = tf.add(switchTrue, grad);
    const nextAcc = nextIteration(this.ctx, addAcc);
    mergeAcc.op._update_input(1, nextAcc);
    const resultAcc = exitOp(this.ctx, switchFalse, "b_acc");
    this.loopExits.push(resultAcc);
    this.exitResult([resultAcc]);
    return resultAcc;
  }
}

function toList(x: unknown): unknown[] {
  return Array.isArray(x) ? x.slice() : isSequence(x) ? flatten(x) : [x];
}

