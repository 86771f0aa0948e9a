/**
 * The concrete optimizers, each as TF 1.14 builds it: hyperparameters as Consts in the
 * optimizer's scope (`GradientDescent/learning_rate`), slots as non-trainable variables
 * (`m/Momentum`, `m/Adam`, `m/Adam_1`), one Apply* op per variable.
 */
import { EngineContext } from "../context.js";
import { Operation, Tensor } from "../graph.js";
import { NotImplementedError, ValueError } from "../errors.js";
import { Variable } from "../variables.js";
import { applyOp } from "../api/apply.js";
import { groupOps, op1 } from "../api/build.js";
import { constantInitializer, onesInitializer } from "../api/initializer.js";
import { PyFloat, unbox } from "../pyfloat.js";
import { Hyper, Optimizer } from "./optimizer.js";

/**
 * Plain gradient descent: each step does `var -= learning_rate * gradient`.
 * @example
 * const train_op = tf.train.GradientDescentOptimizer(1e-3).minimize(loss);
 */
export class GradientDescentOptimizer extends Optimizer {
  private lr: Tensor | null = null;
  constructor(ctx: EngineContext, private readonly learningRate: Hyper, useLocking = false, name = "GradientDescent") {
    super(ctx, name, useLocking);
  }
  protected _prepare(): void {
    this.lr = this.hyper(this.learningRate, "learning_rate");
  }
  protected _apply_dense(grad: Tensor, v: Variable): Operation {
    return applyOp(this.ctx, "ApplyGradientDescent", [v, this.castTo(this.lr!, v), grad], { use_locking: this._use_locking }, null);
  }
}

/**
 * Momentum: keeps a velocity slot per variable (`<var>/Momentum`).
 * @example
 * tf.train.MomentumOptimizer(0.01, 0.9).minimize(loss);
 */
export class MomentumOptimizer extends Optimizer {
  private lr: Tensor | null = null;
  private mom: Tensor | null = null;
  constructor(ctx: EngineContext, private readonly learningRate: Hyper, private readonly momentum: Hyper, useLocking = false, name = "Momentum", private readonly useNesterov = false) {
    super(ctx, name, useLocking);
  }
  protected override _create_slots(vars: Variable[]): void {
    for (const v of vars) this.zerosSlot(v, "momentum");
  }
  protected _prepare(): void {
    this.lr = this.hyper(this.learningRate, "learning_rate");
    this.mom = this.hyper(this.momentum, "momentum");
  }
  protected _apply_dense(grad: Tensor, v: Variable): Operation {
    const accum = this.get_slot(v, "momentum")!;
    return applyOp(this.ctx, "ApplyMomentum", [v, accum, this.castTo(this.lr!, v), grad, this.castTo(this.mom!, v)], {
      use_locking: this._use_locking,
      use_nesterov: this.useNesterov,
    }, null);
  }
}

/**
 * Adam: first and second moment slots (`<var>/Adam`, `<var>/Adam_1`) and the shared
 * `beta1_power` / `beta2_power` accumulators.
 * @example
 * tf.train.AdamOptimizer(0.01).minimize(loss);
 */
export class AdamOptimizer extends Optimizer {
  private lr: Tensor | null = null;
  private b1: Tensor | null = null;
  private b2: Tensor | null = null;
  private eps: Tensor | null = null;
  constructor(
    ctx: EngineContext,
    private readonly learningRate: Hyper = 0.001,
    private readonly beta1: Hyper = 0.9,
    private readonly beta2: Hyper = 0.999,
    private readonly epsilon: Hyper = 1e-8,
    useLocking = false,
    name = "Adam",
  ) {
    super(ctx, name, useLocking);
  }
  protected override _create_slots(vars: Variable[]): void {
    this.nonSlotVariable(this.beta1, "beta1_power");
    this.nonSlotVariable(this.beta2, "beta2_power");
    for (const v of vars) {
      this.zerosSlot(v, "m");
      this.zerosSlot(v, "v");
    }
  }
  protected _prepare(): void {
    this.lr = this.hyper(this.learningRate, "learning_rate");
    this.b1 = this.hyper(this.beta1, "beta1");
    this.b2 = this.hyper(this.beta2, "beta2");
    this.eps = this.hyper(this.epsilon, "epsilon");
  }
  protected _apply_dense(grad: Tensor, v: Variable): Operation {
    const m = this.get_slot(v, "m")!;
    const vv = this.get_slot(v, "v")!;
    const b1p = this.nonSlot.get("beta1_power")!;
    const b2p = this.nonSlot.get("beta2_power")!;
    return applyOp(
      this.ctx,
      "ApplyAdam",
      [v, m, vv, this.castTo(b1p, v), this.castTo(b2p, v), this.castTo(this.lr!, v), this.castTo(this.b1!, v), this.castTo(this.b2!, v), this.castTo(this.eps!, v), grad],
      { use_locking: this._use_locking, use_nesterov: false },
      null,
    );
  }
  /** After the updates, the accumulators advance: `beta1_power *= beta1`, `beta2_power *= beta2`. */
  protected override _finish(updates: Operation[], name: string): Operation {
    const g = this.ctx.defaultGraph();
    const b1p = this.nonSlot.get("beta1_power")!;
    const b2p = this.nonSlot.get("beta2_power")!;
    // TF writes `beta1_power * beta1` with Python's operator: a node named `mul`, not `Mul`.
    const [u1, u2] = g.control_dependencies(updates, (): [Tensor, Tensor] => [
      b1p.assign(op1(this.ctx, "Mul", [b1p, this.b1!], {}, "mul"), this._use_locking),
      b2p.assign(op1(this.ctx, "Mul", [b2p, this.b2!], {}, "mul"), this._use_locking),
    ]);
    return groupOps(this.ctx, [...updates, u1, u2], name);
  }
}

/**
 * RMSProp: `rms` (initialized to ones) and `momentum` slots (`<var>/RMSProp`, `<var>/RMSProp_1`).
 * @example
 * tf.train.RMSPropOptimizer(0.01).minimize(loss);
 */
export class RMSPropOptimizer extends Optimizer {
  private lr: Tensor | null = null;
  private decayT: Tensor | null = null;
  private momT: Tensor | null = null;
  private epsT: Tensor | null = null;
  constructor(
    ctx: EngineContext,
    private readonly learningRate: Hyper,
    private readonly decay: Hyper = 0.9,
    // A Python float (see api/train.ts): 0 would make an int32 Const and a Cast.
    private readonly momentum: Hyper = new PyFloat(0),
    private readonly epsilon: Hyper = 1e-10,
    useLocking = false,
    centered = false,
    name = "RMSProp",
  ) {
    super(ctx, name, useLocking);
    if (centered) throw new NotImplementedError("RMSPropOptimizer(centered=True) is not supported in the playground yet.");
  }
  protected override _create_slots(vars: Variable[]): void {
    for (const v of vars) {
      this.slotWithInitializer(v, onesInitializer(this.ctx, v.dtype.base_dtype), "rms");
      this.zerosSlot(v, "momentum");
    }
  }
  protected _prepare(): void {
    this.lr = this.hyper(this.learningRate, "learning_rate");
    this.decayT = this.hyper(this.decay, "decay");
    this.momT = this.hyper(this.momentum, "momentum");
    this.epsT = this.hyper(this.epsilon, "epsilon");
  }
  protected _apply_dense(grad: Tensor, v: Variable): Operation {
    return applyOp(
      this.ctx,
      "ApplyRMSProp",
      [v, this.get_slot(v, "rms")!, this.get_slot(v, "momentum")!, this.castTo(this.lr!, v), this.castTo(this.decayT!, v), this.castTo(this.momT!, v), this.castTo(this.epsT!, v), grad],
      { use_locking: this._use_locking },
      null,
    );
  }
}

/**
 * Adagrad: an `accumulator` slot per variable (`<var>/Adagrad`), starting at 0.1.
 * @example
 * tf.train.AdagradOptimizer(0.1).minimize(loss);
 */
export class AdagradOptimizer extends Optimizer {
  private lr: Tensor | null = null;
  constructor(ctx: EngineContext, private readonly learningRate: Hyper, private readonly initialAccumulator: Hyper = 0.1, useLocking = false, name = "Adagrad") {
    super(ctx, name, useLocking);
    const init = Number(unbox(initialAccumulator as number));
    if (!(init > 0)) throw new ValueError(`initial_accumulator_value must be positive: ${init}`);
  }
  protected override _create_slots(vars: Variable[]): void {
    for (const v of vars) {
      this.slotWithInitializer(v, constantInitializer(this.ctx, this.initialAccumulator, v.dtype.base_dtype), "accumulator");
    }
  }
  protected _prepare(): void {
    this.lr = this.hyper(this.learningRate, "learning_rate");
  }
  protected _apply_dense(grad: Tensor, v: Variable): Operation {
    return applyOp(this.ctx, "ApplyAdagrad", [v, this.get_slot(v, "accumulator")!, this.castTo(this.lr!, v), grad], { use_locking: this._use_locking, update_slots: true }, null);
  }
}
