/**
 * The `tf.train` namespace: optimizers and the global step.
 */
import type { EngineContext } from "../../context.js";
import { Graph } from "../../graph.js";
import {
  AdagradOptimizer as Adagrad,
  AdamOptimizer as Adam,
  GradientDescentOptimizer as GradientDescent,
  MomentumOptimizer as Momentum,
  RMSPropOptimizer as RMSProp,
} from "../../train/optimizers.js";
import { GATE_GRAPH, GATE_NONE, GATE_OP, Hyper, Optimizer as OptimizerClass } from "../../train/optimizer.js";
import { createGlobalStep, getGlobalStep } from "../../train/global_step.js";
import type { Variable } from "../../variables.js";
import { PyFloat } from "../../pyfloat.js";
import { pyclass, pyfunc } from "../pyargs.js";

/**
 * RMSProp's default `momentum=0.0` is a Python float: a float32 Const, so no Cast. A bare JS
 * `0` would convert to int32 and add a `Cast` node TF does not have.
 */
const RMSPROP_MOMENTUM = new PyFloat(0);

/**
 * Gradient descent: `minimize(loss)` adds the gradient nodes and one `ApplyGradientDescent`
 * per variable, grouped into a NoOp named `GradientDescent`.
 * @example
 * const train_op = tf.train.GradientDescentOptimizer(0.01).minimize(loss);
 */
export const GradientDescentOptimizer = pyclass(
  "GradientDescentOptimizer",
  ["learning_rate", "use_locking", "name"],
  (ctx: EngineContext, learning_rate: Hyper, use_locking: boolean = false, name: string = "GradientDescent"): GradientDescent =>
    new GradientDescent(ctx, learning_rate, use_locking, name),
  GradientDescent.prototype,
);

/**
 * Momentum optimizer (`use_nesterov` for Nesterov momentum).
 * @example
 * tf.train.MomentumOptimizer(0.01, 0.9, {use_nesterov: true}).minimize(loss);
 */
export const MomentumOptimizer = pyclass(
  "MomentumOptimizer",
  ["learning_rate", "momentum", "use_locking", "name", "use_nesterov"],
  (
    ctx: EngineContext,
    learning_rate: Hyper,
    momentum: Hyper,
    use_locking: boolean = false,
    name: string = "Momentum",
    use_nesterov: boolean = false,
  ): Momentum => new Momentum(ctx, learning_rate, momentum, use_locking, name, use_nesterov),
  Momentum.prototype,
);

/**
 * Adam optimizer.
 * @example
 * tf.train.AdamOptimizer(0.001).minimize(loss);
 */
export const AdamOptimizer = pyclass(
  "AdamOptimizer",
  ["learning_rate", "beta1", "beta2", "epsilon", "use_locking", "name"],
  (
    ctx: EngineContext,
    learning_rate: Hyper = 0.001,
    beta1: Hyper = 0.9,
    beta2: Hyper = 0.999,
    epsilon: Hyper = 1e-8,
    use_locking: boolean = false,
    name: string = "Adam",
  ): Adam => new Adam(ctx, learning_rate, beta1, beta2, epsilon, use_locking, name),
  Adam.prototype,
);

/**
 * RMSProp optimizer.
 * @example
 * tf.train.RMSPropOptimizer(0.01, {decay: 0.9}).minimize(loss);
 */
export const RMSPropOptimizer = pyclass(
  "RMSPropOptimizer",
  ["learning_rate", "decay", "momentum", "epsilon", "use_locking", "centered", "name"],
  (
    ctx: EngineContext,
    learning_rate: Hyper,
    decay: Hyper = 0.9,
    momentum: Hyper = RMSPROP_MOMENTUM,
    epsilon: Hyper = 1e-10,
    use_locking: boolean = false,
    centered: boolean = false,
    name: string = "RMSProp",
  ): RMSProp => new RMSProp(ctx, learning_rate, decay, momentum, epsilon, use_locking, centered, name),
  RMSProp.prototype,
);

/**
 * Adagrad optimizer.
 * @example
 * tf.train.AdagradOptimizer(0.1).minimize(loss);
 */
export const AdagradOptimizer = pyclass(
  "AdagradOptimizer",
  ["learning_rate", "initial_accumulator_value", "use_locking", "name"],
  (ctx: EngineContext, learning_rate: Hyper, initial_accumulator_value: Hyper = 0.1, use_locking: boolean = false, name: string = "Adagrad"): Adagrad =>
    new Adagrad(ctx, learning_rate, initial_accumulator_value, use_locking, name),
  Adagrad.prototype,
);

/** The optimizer base class (for `instanceof`) and its gating constants. */
export const Optimizer = Object.assign(OptimizerClass, { GATE_NONE, GATE_OP, GATE_GRAPH });

/**
 * The graph's `global_step` variable, created on first use.
 * @example
 * const step = tf.train.get_or_create_global_step();
 * const train_op = opt.minimize(loss, {global_step: step});
 */
export const get_or_create_global_step = pyfunc("get_or_create_global_step", ["graph"], (ctx: EngineContext, graph: Graph | null = null): Variable => {
  const g = graph ?? ctx.defaultGraph();
  return getGlobalStep(g) ?? createGlobalStep(ctx, g);
});

/**
 * The graph's `global_step` variable, or null.
 * @example
 * print(tf.train.get_global_step()); // None until one is created
 */
export const get_global_step = pyfunc("get_global_step", ["graph"], (ctx: EngineContext, graph: Graph | null = null): Variable | null =>
  getGlobalStep(graph ?? ctx.defaultGraph()),
);

/**
 * Creates the graph's `global_step` variable (ValueError if it exists).
 * @example
 * const step = tf.train.create_global_step();
 */
export const create_global_step = pyfunc("create_global_step", ["graph"], (ctx: EngineContext, graph: Graph | null = null): Variable =>
  createGlobalStep(ctx, graph ?? ctx.defaultGraph()),
);

// The learning-rate schedules, also under `tf.train`.
export { cosine_decay, exponential_decay, inverse_time_decay, natural_exp_decay, polynomial_decay } from "./lr_schedules.js";

// Checkpoints: Saver, latest_checkpoint, list_variables, ...
export { Saver, checkpoint_exists, get_checkpoint_state, latest_checkpoint, list_variables, load_variable } from "./train_checkpoint.js";
