/**
 * TF 1.x's control-flow contexts (control_flow_ops.py's ControlFlowContext and CondContext;
 * the while loop's is while_context.ts). While a context is entered, every op created joins it
 * (the graph calls `addOp`): a value from outside gets a Switch on the cond's predicate in
 * front of it (or, in a loop, an Enter), an op without inputs waits for the branch's pivot, so
 * that nothing of an untaken branch runs.
 */
import type { EngineContext } from "../../context.js";
import { Operation, type Graph, type Tensor } from "../../graph.js";
import type { FlowContext } from "../../flow_context.js";
import { outputContext } from "../../flow_context.js";
import type { FlowContextRecord } from "../../records.js";
import { switchRefOrTensor, withDependencies } from "./ops.js";
import { isLoopExit, isMerge, isNextIteration, opInContext } from "./util.js";
import type { GradLoopStateLike } from "./grad_types.js";

/** TF's ControlFlowContext: values seen, values from outside and what stands for them inside. */
export abstract class ControlFlowContext implements FlowContext {
  abstract readonly kind: "cond" | "while";
  abstract readonly name: string;
  readonly outerContext: ControlFlowContext | null;
  /** The name scope the construct was built in (`cond`, `while`). */
  readonly scope: string;
  /** Names of the tensors already known in this context. */
  readonly values = new Set<string>();
  /** A tensor from outside (by name) → what this context reads instead (a Switch output, an Enter). */
  readonly externalValues = new Map<string, Tensor>();
  private readonly contextStack: (FlowContext | null)[] = [];

  constructor(readonly ctx: EngineContext) {
    const g = ctx.defaultGraph();
    this.outerContext = g._get_control_flow_context() as ControlFlowContext | null;
    this.scope = g._name_stack;
  }

  get graph(): Graph {
    return this.ctx.defaultGraph();
  }

  /** TF's `grad_state`: the gradient loop state of the loop around (null outside gradients). */
  abstract get gradState(): GradLoopStateLike | null;
  /** TF's `back_prop`. */
  abstract get backProp(): boolean;
  abstract addValue(val: Tensor): Tensor;
  abstract addOp(op: Operation): void;

  get gradForward(): FlowContext | null {
    return this.kind === "while" ? (this.gradState?.forwardContext ?? null) : null;
  }

  record(): FlowContextRecord {
    const r: FlowContextRecord = { kind: this.kind, name: this.name, scope: this.scope };
    if (this.branch !== undefined) r.branch = this.branch;
    return r;
  }

  get branch(): 0 | 1 | undefined {
    return undefined;
  }

  addName(name: string): void {
    this.values.add(name);
  }

  /** New ops join this context from now on. */
  enter(): void {
    const g = this.graph;
    this.contextStack.push(g._get_control_flow_context());
    g._set_control_flow_context(this);
  }

  exit(): void {
    this.graph._set_control_flow_context(this.contextStack.pop() ?? null);
  }

  /** Makes a result available in the outer context. */
  exitResult(result: readonly Tensor[]): void {
    if (this.outerContext !== null) for (const x of result) this.outerContext.addName(x.name);
  }

  /** TF's `GetWhileContext`: the innermost while context around (this one included). */
  whileContext(): WhileContextLike | null {
    return this.outerContext?.whileContext() ?? null;
  }

  /** TF's `GetControlPivot`. */
  controlPivot(): Tensor | null {
    return null;
  }

  /** Notifies the outer contexts of an op added to an inner one. */
  addInnerOp(op: Operation): void {
    this.outerContext?.addInnerOp(op);
  }

  /** TF's `_RemoveExternalControlEdges`: control inputs from outside the enclosing loop are dropped. */
  removeExternalControlEdges(op: Operation): [Operation[], Operation[]] {
    const whileCtxt = this.whileContext();
    let internal: Operation[];
    if (whileCtxt === null) internal = op.control_inputs.slice();
    else internal = op.control_inputs.filter((x) => (outputContext(x) as ControlFlowContext | null)?.whileContext() === whileCtxt);
    let external: Operation[] = [];
    if (internal.length !== op.control_inputs.length) {
      external = op.control_inputs.filter((x) => !internal.includes(x));
      op._remove_all_control_inputs();
      op._add_control_inputs(internal);
    }
    return [internal, external];
  }
}

/** What a cond context needs of a while context (while_context.ts implements it). */
export interface WhileContextLike extends ControlFlowContext {
  readonly kind: "while";
}

/** TF's CondContext: one branch of a `tf.cond`. */
export class CondContext extends ControlFlowContext {
  readonly kind = "cond" as const;
  readonly name: string;

  constructor(
    ctx: EngineContext,
    /** The predicate, as the branches read it (`cond/pred_id`). */
    readonly pred: Tensor,
    /** The branch's pivot (`cond/switch_t`, `cond/switch_f`): what its constants wait for. */
    readonly pivot: Tensor,
    private readonly branchIndex: 0 | 1,
    name = "cond_text",
  ) {
    super(ctx);
    this.name = ctx.defaultGraph().unique_name(name);
    this.values.add(pred.name);
    this.externalValues.set(pred.name, pred);
    this.values.add(pivot.name);
    pivot.op._set_control_flow_context(this);
  }

  override get branch(): 0 | 1 {
    return this.branchIndex;
  }

  get gradState(): GradLoopStateLike | null {
    return this.whileContext()?.gradState ?? null;
  }

  get backProp(): boolean {
    return false;
  }

  override controlPivot(): Tensor {
    return this.pivot;
  }

  /** A value from outside, read through a Switch on the predicate (made once per value). */
  addValue(val: Tensor): Tensor {
    if (this.values.has(val.name)) return this.externalValues.get(val.name) ?? val;
    this.values.add(val.name);
    let result = val;
    if (this.outerContext !== null) {
      result = this.outerContext.addValue(val);
      this.values.add(result.name);
      this.externalValues.set(result.name, result);
    }
    result = this.graph.control_dependencies(null, () => {
      const s = switchRefOrTensor(this.ctx, result, this.pred)[this.branchIndex];
      this.outerContext?.addInnerOp(s.op);
      return s;
    });
    this.graph.prevent_fetching(result.op);
    result.op._set_control_flow_context(this);
    for (let c: ControlFlowContext | null = this; c !== null; c = c.outerContext) c.values.add(result.name);
    this.externalValues.set(val.name, result);
    return result;
  }

  addOp(op: Operation): void {
    this.addOpInternal(op);
  }

  addOpInternal(op: Operation): void {
    if (op.inputs.length === 0) {
      this.removeExternalControlEdges(op);
      // A constant of the branch waits for the pivot: it is dead when the branch is not taken.
      if (!op.control_inputs.some((c) => opInContext(c, this))) op._add_control_input(this.pivot.op);
    } else {
      for (let i = 0; i < op.inputs.length; i++) {
        const x = op.inputs[i];
        const real = isMerge(op) && isNextIteration(x.op) ? x : this.addValue(x);
        if (real !== x) op._update_input(i, real);
      }
      this.removeExternalControlEdges(op);
    }
    for (let c: ControlFlowContext | null = this; c !== null; c = c.outerContext) for (const t of op.outputs) c.values.add(t.name);
    if (this.outerContext !== null || !isLoopExit(op)) this.graph.prevent_fetching(op);
    this.outerContext?.addInnerOp(op);
  }

  /** A branch's result: its own tensor, or a Switch of one it returned from outside (`lambda: x`). */
  private processOutputTensor(val: Tensor): Tensor {
    if (!this.values.has(val.name)) {
      this.values.add(val.name);
      let real = val;
      if (this.outerContext !== null) {
        real = this.outerContext.addValue(val);
        this.values.add(real.name);
        this.externalValues.set(real.name, real);
      }
      real = switchRefOrTensor(this.ctx, real, this.pred)[this.branchIndex];
      this.externalValues.set(val.name, real);
      return real;
    }
    return this.externalValues.get(val.name) ?? val;
  }

  /** TF's `_BuildCondTensor`: an op returned by a branch becomes the pivot with a dependency on it. */
  buildCondTensor(v: unknown, convert: (x: unknown) => Tensor): Tensor {
    if (v instanceof Operation) return withDependencies(this.ctx, [v], this.pivot);
    return this.processOutputTensor(convert(v));
  }
}
