/**
 * The `tf.train` namespace: optimizers and the global step.
 */
import { EngineContext } from "../context.js";
import { Graph } from "../graph.js";
import { bind } from "./pyargs.js";
import { callable } from "./blocks.js";
import { AdagradOptimizer, AdamOptimizer, GradientDescentOptimizer, MomentumOptimizer, RMSPropOptimizer } from "../train/optimizers.js";
import { GATE_GRAPH, GATE_NONE, GATE_OP, Hyper, Optimizer } from "../train/optimizer.js";
import { createGlobalStep, getGlobalStep } from "../train/global_step.js";
import type { Variable } from "../variables.js";
import { PyFloat } from "../pyfloat.js";

type Name = string;

/**
 * RMSProp's default `momentum=0.0` is a Python float: a float32 Const, so no Cast. A bare JS
 * `0` would convert to int32 and add a `Cast` node TF does not have.
 */
const RMSPROP_MOMENTUM = new PyFloat(0);

export function trainApi(ctx: EngineContext) {
  return {
    /**
     * Gradient descent: `minimize(loss)` adds the gradient nodes and one `ApplyGradientDescent`
     * per variable, grouped into a NoOp named `GradientDescent`.
     * @example
     * const train_op = tf.train.GradientDescentOptimizer(0.01).minimize(loss);
     */
    GradientDescentOptimizer: callable(
      "GradientDescentOptimizer",
      (...args: [learning_rate: Hyper, use_locking?: boolean, name?: Name] | [learning_rate: Hyper, kwargs: { use_locking?: boolean; name?: Name }] | [kwargs: { learning_rate: Hyper; use_locking?: boolean; name?: Name }]) => {
        const [lr, locking, name] = bind("GradientDescentOptimizer", ["learning_rate", ["use_locking", false], ["name", "GradientDescent"]], args) as [Hyper, boolean, Name];
        return new GradientDescentOptimizer(ctx, lr, locking, name);
      },
      GradientDescentOptimizer.prototype,
    ),
    /**
     * Momentum optimizer (`use_nesterov` for Nesterov momentum).
     * @example
     * tf.train.MomentumOptimizer(0.01, 0.9, {use_nesterov: true}).minimize(loss);
     */
    MomentumOptimizer: callable(
      "MomentumOptimizer",
      (...args: [learning_rate: Hyper, momentum: Hyper, ...rest: unknown[]]) => {
        const [lr, mom, locking, name, nesterov] = bind(
          "MomentumOptimizer",
          ["learning_rate", "momentum", ["use_locking", false], ["name", "Momentum"], ["use_nesterov", false]],
          args,
        ) as [Hyper, Hyper, boolean, Name, boolean];
        return new MomentumOptimizer(ctx, lr, mom, locking, name, nesterov);
      },
      MomentumOptimizer.prototype,
    ),
    /**
     * Adam optimizer.
     * @example
     * tf.train.AdamOptimizer(0.001).minimize(loss);
     */
    AdamOptimizer: callable(
      "AdamOptimizer",
      (...args: unknown[]) => {
        const [lr, b1, b2, eps, locking, name] = bind(
          "AdamOptimizer",
          [["learning_rate", 0.001], ["beta1", 0.9], ["beta2", 0.999], ["epsilon", 1e-8], ["use_locking", false], ["name", "Adam"]],
          args,
        ) as [Hyper, Hyper, Hyper, Hyper, boolean, Name];
        return new AdamOptimizer(ctx, lr, b1, b2, eps, locking, name);
      },
      AdamOptimizer.prototype,
    ),
    /**
     * RMSProp optimizer.
     * @example
     * tf.train.RMSPropOptimizer(0.01, {decay: 0.9}).minimize(loss);
     */
    RMSPropOptimizer: callable(
      "RMSPropOptimizer",
      (...args: unknown[]) => {
        const [lr, decay, mom, eps, locking, centered, name] = bind(
          "RMSPropOptimizer",
          ["learning_rate", ["decay", 0.9], ["momentum", RMSPROP_MOMENTUM], ["epsilon", 1e-10], ["use_locking", false], ["centered", false], ["name", "RMSProp"]],
          args,
        ) as [Hyper, Hyper, Hyper, Hyper, boolean, boolean, Name];
        return new RMSPropOptimizer(ctx, lr, decay, mom, eps, locking, centered, name);
      },
      RMSPropOptimizer.prototype,
    ),
    /**
     * Adagrad optimizer.
     * @example
     * tf.train.AdagradOptimizer(0.1).minimize(loss);
     */
    AdagradOptimizer: callable(
      "AdagradOptimizer",
      (...args: unknown[]) => {
        const [lr, init, locking, name] = bind(
          "AdagradOptimizer",
          ["learning_rate", ["initial_accumulator_value", 0.1], ["use_locking", false], ["name", "Adagrad"]],
          args,
        ) as [Hyper, Hyper, boolean, Name];
        return new AdagradOptimizer(ctx, lr, init, locking, name);
      },
      AdagradOptimizer.prototype,
    ),
    /** The optimizer base class (for `instanceof`) and its gating constants. */
    Optimizer: Object.assign(Optimizer, { GATE_NONE, GATE_OP, GATE_GRAPH }),
    /**
     * The graph's `global_step` variable, created on first use.
     * @example
     * const step = tf.train.get_or_create_global_step();
     * const train_op = opt.minimize(loss, {global_step: step});
     */
    get_or_create_global_step: (graph: Graph | null = null): Variable => {
      const g = graph ?? ctx.defaultGraph();
      return getGlobalStep(g) ?? createGlobalStep(ctx, g);
    },
    /**
     * The graph's `global_step` variable, or null.
     * @example
     * print(tf.train.get_global_step()); // None until one is created
     */
    get_global_step: (graph: Graph | null = null): Variable | null => getGlobalStep(graph ?? ctx.defaultGraph()),
    /**
     * Creates the graph's `global_step` variable (ValueError if it exists).
     * @example
     * const step = tf.train.create_global_step();
     */
    create_global_step: (graph: Graph | null = null): Variable => createGlobalStep(ctx, graph ?? ctx.defaultGraph()),
  };
}
