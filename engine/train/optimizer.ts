/**
 * TF 1.x's `tf.train.Optimizer`: `minimize` = `compute_gradients` (a `gradients/` subgraph) +
 * `apply_gradients` (one update op per variable under `<Name>/update_<var>/`, grouped into a
 * NoOp named after the optimizer). Running that NoOp is one training step: a side effect.
 * Follows tensorflow/python/training/optimizer.py (TF 1.14).
 */
import type { DType } from "../dtypes.js";
import { bind } from "../pycall.js";
import { EngineContext } from "../context.js";
import { Operation, Tensor } from "../graph.js";
import { PyTypeError, ValueError } from "../errors.js";
import { Variable, GraphKeys, variablesIn } from "../variables.js";
import { isTensorLike } from "../api/convert_tensor.js";
import { withVariableScope } from "../variable_scope.js";
import { zerosInitializer, type Initializer } from "../api/initializer.js";
import { convertToTensor } from "../api/convert_tensor.js";
import { castTensor, groupOps, tupleOf } from "../api/build.js";
import { gradients } from "../api/tf/gradients.js";
import { Variable as newVariable, assign_add, get_variable } from "../api/tf/state.js";
import { pyStringRepr } from "../format/python.js";

/** Gating levels (`tf.train.Optimizer.GATE_OP`, ...). */
export const GATE_NONE = 0;
export const GATE_OP = 1;
export const GATE_GRAPH = 2;

/** A (gradient, variable) pair as `compute_gradients` returns it. */
export type GradAndVar = [Tensor | null, Variable];

export interface MinimizeOptions {
  global_step: Variable | null;
  var_list: Variable[] | null;
  gate_gradients: number;
  name: string | null;
  grad_loss: unknown;
}

/** A hyperparameter: a number (boxed float literals allowed), a tensor, or a function returning one. */
export type Hyper = number | Tensor | Number | (() => number | Tensor);

/** The base optimizer; subclasses define slots, `_prepare` and `_applyDense`. */
export abstract class Optimizer {
  /** Slot variables by slot name, then by primary variable. */
  protected readonly slots = new Map<string, Map<Variable, Variable>>();
  /** Non-slot variables (Adam's beta powers) by name. */
  protected readonly nonSlot = new Map<string, Variable>();

  constructor(
    protected readonly ctx: EngineContext,
    /** Optimizer name: the scope of its update ops. */
    readonly _name: string,
    readonly _use_locking: boolean,
  ) {}

  /** The optimizer's name (TF's `get_name()`). */
  get_name(): string {
    return this._name;
  }

  /**
   * Adds the gradient and update nodes for `loss` and returns the training op (a NoOp that
   * runs one step of the optimizer on each variable).
   * @example
   * const train_op = tf.train.GradientDescentOptimizer(0.01).minimize(loss);
   * sess.run(train_op);
   */
  minimize(...args: unknown[]): Operation {
    const [loss, globalStep, varList, gate, , , name, gradLoss] = bind(
      "minimize",
      ["loss", ["global_step", null], ["var_list", null], ["gate_gradients", GATE_OP], ["aggregation_method", null], ["colocate_gradients_with_ops", false], ["name", null], ["grad_loss", null]],
      args,
    ) as [Tensor, Variable | null, Variable[] | null, number, unknown, boolean, string | null, unknown];
    return this._minimize(loss, { global_step: globalStep, var_list: varList, gate_gradients: gate, name, grad_loss: gradLoss });
  }

  private _minimize(loss: Tensor, o: MinimizeOptions): Operation {
    const gv = this._compute_gradients(loss, o.var_list, o.gate_gradients, o.grad_loss);
    const withGrad = gv.filter(([g]) => g !== null);
    if (withGrad.length === 0) {
      throw new ValueError(
        `No gradients provided for any variable, check your graph for ops that do not support gradients, between variables ${pyList(gv.map(([, v]) => String(v)))} and loss ${loss}.`,
      );
    }
    return this._apply_gradients(gv, o.global_step, o.name);
  }

  /**
   * The gradient of `loss` for each variable, as `[gradient, variable]` pairs (gradient null
   * when the loss does not depend on the variable).
   * @example
   * const gvs = opt.compute_gradients(loss);
   */
  compute_gradients(...args: unknown[]): GradAndVar[] {
    const [loss, varList, gate, , , gradLoss] = bind(
      "compute_gradients",
      ["loss", ["var_list", null], ["gate_gradients", GATE_OP], ["aggregation_method", null], ["colocate_gradients_with_ops", false], ["grad_loss", null]],
      args,
    ) as [Tensor, Variable[] | null, number, unknown, boolean, unknown];
    return this._compute_gradients(loss, varList, gate, gradLoss);
  }

  private _compute_gradients(loss: Tensor, varList: Variable[] | null, gate: number, gradLoss: unknown): GradAndVar[] {
    if (![GATE_NONE, GATE_OP, GATE_GRAPH].includes(gate)) {
      throw new ValueError(`gate_gradients must be one of: Optimizer.GATE_NONE, Optimizer.GATE_OP, Optimizer.GATE_GRAPH.  Not ${gate}`);
    }
    if (!isTensorLike(loss)) throw new PyTypeError(`loss must be a Tensor, got ${String(loss)}`);
    assertValidDtypes([loss as Tensor]);
    const vars = varList === null ? variablesIn(this.ctx.defaultGraph(), GraphKeys.TRAINABLE_VARIABLES) : varList.flat() as Variable[];
    if (vars.length === 0) throw new ValueError("No variables to optimize.");
    let grads = gradients(this.ctx, loss, vars, gradLoss === null ? null : [gradLoss], "gradients", false, gate === GATE_OP);
    if (gate === GATE_GRAPH) grads = tupleOf(this.ctx, grads);
    const pairs: GradAndVar[] = vars.map((v, i) => [grads[i], v]);
    assertValidDtypes(pairs.filter(([g]) => g !== null).map(([, v]) => v._variable));
    return pairs;
  }

  /**
   * Adds one update op per (gradient, variable) pair and returns the op that runs them all
   * (and increments `global_step` when given).
   * @example
   * const train_op = opt.apply_gradients(opt.compute_gradients(loss));
   */
  apply_gradients(...args: unknown[]): Operation {
    const [gradsAndVars, globalStep, name] = bind("apply_gradients", ["grads_and_vars", ["global_step", null], ["name", null]], args) as [
      GradAndVar[],
      Variable | null,
      string | null,
    ];
    return this._apply_gradients([...gradsAndVars], globalStep, name);
  }

  private _apply_gradients(gradsAndVars: GradAndVar[], globalStep: Variable | null, name: string | null): Operation {
    if (gradsAndVars.length === 0) throw new ValueError("No variables provided.");
    const varList = gradsAndVars.filter(([g]) => g !== null).map(([, v]) => v);
    if (varList.length === 0) {
      // TF formats `"...: %s." % ([str(v) ...],)`: `%` unpacks the 1-tuple, so a plain list.
      throw new ValueError(`No gradients provided for any variable: ${pyList(gradsAndVars.map(([, v]) => String(v)))}.`);
    }
    const g = this.ctx.defaultGraph();
    this._create_slots(varList);
    const result = g.name_scope(name || this._name, (scope) => {
      this._prepare();
      const updates: Operation[] = [];
      for (const [grad, v] of gradsAndVars) {
        if (grad === null) continue;
        updates.push(g.name_scope(`update_${v.op.name}`, () => this._apply_dense(grad, v)));
      }
      // TF passes the scope itself (`GradientDescent/`), so the train op is named after the
      // scope (`GradientDescent`) rather than nested in it (`GradientDescent/GradientDescent`).
      if (globalStep === null) return this._finish(updates, scope);
      const finished = this._finish(updates, "update");
      return g.control_dependencies([finished], () => assign_add(this.ctx, globalStep, 1, null, scope).op);
    });
    const trainOps = g.get_collection_ref(GraphKeys.TRAIN_OP);
    if (!trainOps.includes(result)) trainOps.push(result);
    return result;
  }

  /** The slot variable `name` of `v` (e.g. `"m"` for Adam), or null. */
  get_slot(v: Variable, name: string): Variable | null {
    return this.slots.get(name)?.get(v) ?? null;
  }

  /** Names of the slots this optimizer creates. */
  get_slot_names(): string[] {
    return [...this.slots.keys()].sort();
  }

  /** Every variable the optimizer created (slots and accumulators). */
  variables(): Variable[] {
    const out: Variable[] = [...this.nonSlot.values()];
    for (const m of this.slots.values()) out.push(...m.values());
    return out;
  }

  /** Creates slot variables; default: none. */
  protected _create_slots(_vars: Variable[]): void {}

  /** Converts hyperparameters to tensors inside the optimizer's scope. */
  protected abstract _prepare(): void;

  /** The update op for one variable. */
  protected abstract _apply_dense(grad: Tensor, v: Variable): Operation;

  /** Groups the updates into the training op. */
  protected _finish(updates: Operation[], name: string): Operation {
    return groupOps(this.ctx, updates, name);
  }

  /** A hyperparameter as a tensor named `name` (TF's `convert_to_tensor(value, name=...)`). */
  protected hyper(value: Hyper, name: string): Tensor {
    const v = typeof value === "function" ? (value as () => number | Tensor)() : value;
    return convertToTensor(this.ctx, v, { name });
  }

  /** Casts a hyperparameter to the variable's dtype (no node when it already matches). */
  protected castTo(t: Tensor | Variable, v: Variable): Tensor {
    return castTensor(this.ctx, t, v.dtype.base_dtype, null);
  }

  /** A zero-filled slot named `<var>/<opName>` (then `_1`, ...), as TF's slot_creator makes it. */
  protected zerosSlot(v: Variable, slotName: string): Variable {
    return this.slotWithInitializer(v, zerosInitializer(this.ctx), slotName);
  }

  /** A slot variable filled by `init`, named `<var>/<opName>` (uniquified). */
  protected slotWithInitializer(v: Variable, init: Initializer, slotName: string): Variable {
    let named = this.slots.get(slotName);
    if (!named) this.slots.set(slotName, (named = new Map()));
    const existing = named.get(v);
    if (existing) return existing;
    const g = this.ctx.defaultGraph();
    const slot = g.name_scope(null, () =>
      withVariableScope(
        this.ctx,
        null,
        { default_name: `${v.op.name}/${this._name}`, initializer: null, regularizer: null, reuse: null, dtype: null, auxiliary_name_scope: true },
        () => get_variable(this.ctx, "", v.shape.as_list(), v.dtype.base_dtype, init, null, false),
      ),
    );
    named.set(v, slot);
    return slot;
  }

  /** A variable shared by all updates (Adam's `beta1_power`), created once. */
  protected nonSlotVariable(initial: Hyper, name: string): Variable {
    const existing = this.nonSlot.get(name);
    if (existing) return existing;
    const value = typeof initial === "function" ? (initial as () => number)() : initial;
    const v = newVariable(this.ctx, value, false, null, true, null, name);
    this.nonSlot.set(name, v);
    return v;
  }

  __repr__(): string {
    return `<tensorflow.python.training.${this.constructor.name}>`;
  }
}

/** TF's `_assert_valid_dtypes`: optimizers work on float tensors only. */
function assertValidDtypes(tensors: Tensor[]): void {
  for (const t of tensors) {
    const dt: DType = t.dtype.base_dtype;
    if (!dt.isFloating) {
      throw new ValueError(`Invalid type tf.${dt.name} for ${t.name}, expected: [tf.float16, tf.bfloat16, tf.float32, tf.float64].`);
    }
  }
}

/**
 * Python's `repr` of a list of strings. A variable's str contains single quotes
 * (`<tf.Variable 'm:0' ...>`), so Python quotes it with double quotes.
 */
function pyList(items: string[]): string {
  return `[${items.map((s) => pyStringRepr(s)).join(", ")}]`;
}
