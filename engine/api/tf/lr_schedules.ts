/**
 * Learning-rate schedules of `tf.train`: `exponential_decay`, `natural_exp_decay`,
 * `inverse_time_decay`, `polynomial_decay` and `cosine_decay`, each a tensor of the global step
 * built as TF 1.15's learning_rate_schedule.py builds it in graph mode (scope
 * `ExponentialDecay`, ...), so a training loop's learning rate changes as the step grows.
 */
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { ValueError } from "../../errors.js";
import { PyFloat } from "../../pyfloat.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { castTensor, op1, type Name } from "../build.js";
import { tensorOperators as T } from "../tensor_ops.js";
import { pyFor } from "../operators.js";
import { constant } from "./core.js";
import { multiply, pow } from "./arithmetic.js";
import { ceil } from "./functions.js";
import { equal } from "./logic.js";
import { buildCond } from "../control_flow/cond.js";

type Step = unknown;

/** Every schedule needs the step: TF's ValueError otherwise. */
function requireStep(step: Step, fname: string): void {
  if (step === null || step === undefined) throw new ValueError(`global_step is required for ${fname}.`);
}

/** Opens the schedule's scope and converts the initial rate (`initial_learning_rate`). */
function scheduleScope<R>(ctx: EngineContext, name: Name, defaultName: string, lr: unknown, body: (lrT: Tensor, scope: string) => R): R {
  return ctx.defaultGraph().name_scope(name || defaultName, (scope) => body(convertToTensor(ctx, lr, { name: "initial_learning_rate" }), scope));
}

/**
 * `learning_rate * decay_rate ** (global_step / decay_steps)` (the exponent floored when
 * `staircase`), in scope `ExponentialDecay`.
 * @example
 * const step = tf.train.get_or_create_global_step();
 * const lr = tf.train.exponential_decay(0.1, step, 100000, 0.96, { staircase: true });
 */
export const exponential_decay = pyfunc(
  "exponential_decay",
  ["learning_rate", "global_step", "decay_steps", "decay_rate", "staircase", "name"],
  (ctx: EngineContext, learning_rate: unknown, global_step: Step, decay_steps: unknown, decay_rate: unknown, staircase: boolean = false, name: Name = null): Tensor => {
    requireStep(global_step, "exponential_decay");
    return scheduleScope(ctx, name, "ExponentialDecay", learning_rate, (lr, scope) => {
      const dt = lr.dtype;
      const steps = castTensor(ctx, decay_steps, dt, null);
      const rate = castTensor(ctx, decay_rate, dt, null);
      let p = T.truediv(ctx, castTensor(ctx, global_step, dt, null), steps);
      if (staircase) p = op1(ctx, "Floor", [p]);
      return op1(ctx, "Mul", [lr, pow(ctx, rate, p)], {}, scope);
    });
  },
);

/**
 * `learning_rate * exp(-decay_rate * global_step / decay_steps)` (floored when `staircase`),
 * in scope `NaturalExpDecay`.
 * @example
 * const lr = tf.train.natural_exp_decay(0.1, step, 5, 0.5);
 */
export const natural_exp_decay = pyfunc(
  "natural_exp_decay",
  ["learning_rate", "global_step", "decay_steps", "decay_rate", "staircase", "name"],
  (ctx: EngineContext, learning_rate: unknown, global_step: Step, decay_steps: unknown, decay_rate: unknown, staircase: boolean = false, name: Name = null): Tensor => {
    requireStep(global_step, "natural_exp_decay");
    return scheduleScope(ctx, name, "NaturalExpDecay", learning_rate, (lr, scope) => {
      const dt = lr.dtype;
      const steps = castTensor(ctx, decay_steps, dt, null);
      const rate = castTensor(ctx, decay_rate, dt, null);
      let p = T.truediv(ctx, castTensor(ctx, global_step, dt, null), steps);
      if (staircase) p = op1(ctx, "Floor", [p]);
      const exponent = op1(ctx, "Exp", [op1(ctx, "Mul", [op1(ctx, "Neg", [rate]), p])]);
      return op1(ctx, "Mul", [lr, exponent], {}, scope);
    });
  },
);

/**
 * `learning_rate / (1 + decay_rate * global_step / decay_steps)` (floored when `staircase`), in
 * scope `InverseTimeDecay`.
 * @example
 * const lr = tf.train.inverse_time_decay(0.1, step, 1, 0.5);
 */
export const inverse_time_decay = pyfunc(
  "inverse_time_decay",
  ["learning_rate", "global_step", "decay_steps", "decay_rate", "staircase", "name"],
  (ctx: EngineContext, learning_rate: unknown, global_step: Step, decay_steps: unknown, decay_rate: unknown, staircase: boolean = false, name: Name = null): Tensor => {
    requireStep(global_step, "inverse_time_decay");
    return scheduleScope(ctx, name, "InverseTimeDecay", learning_rate, (lr, scope) => {
      const dt = lr.dtype;
      const steps = castTensor(ctx, decay_steps, dt, null);
      const rate = castTensor(ctx, decay_rate, dt, null);
      let p = T.truediv(ctx, castTensor(ctx, global_step, dt, null), steps);
      if (staircase) p = op1(ctx, "Floor", [p]);
      const one = castTensor(ctx, constant(ctx, 1), dt, null);
      const denom = op1(ctx, "Add", [one, op1(ctx, "Mul", [rate, p])]);
      return op1(ctx, "RealDiv", [lr, denom], {}, scope);
    });
  },
);

/**
 * From `learning_rate` down to `end_learning_rate` over `decay_steps` steps along
 * `(1 - step / decay_steps) ** power`, then constant, in scope `PolynomialDecay`.
 * @example
 * const lr = tf.train.polynomial_decay(0.1, step, 10000, 0.01, { power: 0.5 });
 */
export const polynomial_decay = pyfunc(
  "polynomial_decay",
  ["learning_rate", "global_step", "decay_steps", "end_learning_rate", "power", "cycle", "name"],
  (
    ctx: EngineContext,
    learning_rate: unknown,
    global_step: Step,
    decay_steps: unknown,
    end_learning_rate: unknown = new PyFloat(0.0001),
    power: unknown = new PyFloat(1.0),
    cycle: boolean = false,
    name: Name = null,
  ): Tensor => {
    requireStep(global_step, "polynomial_decay");
    return scheduleScope(ctx, name, "PolynomialDecay", learning_rate, (lr, scope) => {
      const dt = lr.dtype;
      const endLr = castTensor(ctx, end_learning_rate, dt, null);
      const pw = castTensor(ctx, power, dt, null);
      let stepT = castTensor(ctx, global_step, dt, null);
      let steps = castTensor(ctx, decay_steps, dt, null);
      if (cycle) {
        // The first multiple of decay_steps above the step (1 at step 0): a tf.cond, as TF builds it.
        const s = stepT;
        const multiplier = buildCond(ctx, equal(ctx, s, 0), () => new PyFloat(1.0), () => ceil(ctx, T.truediv(ctx, s, decay_steps)), false, null) as Tensor;
        steps = multiply(ctx, steps, multiplier);
      } else {
        // Past decay_steps the rate stays at end_learning_rate.
        stepT = op1(ctx, "Minimum", [stepT, steps]);
      }
      const p = op1(ctx, "RealDiv", [stepT, steps]);
      const py = pyFor(ctx);
      return op1(ctx, "Add", [op1(ctx, "Mul", [T.sub(ctx, lr, endLr), op1(ctx, "Pow", [py.sub(1, p), pw])]), endLr], {}, scope);
    });
  },
);

/**
 * `learning_rate * ((1 - alpha) * 0.5 * (1 + cos(pi * min(step, decay_steps) / decay_steps)) +
 * alpha)`, in scope `CosineDecay`.
 * @example
 * const lr = tf.train.cosine_decay(0.1, step, 1000);
 */
export const cosine_decay = pyfunc(
  "cosine_decay",
  ["learning_rate", "global_step", "decay_steps", "alpha", "name"],
  (ctx: EngineContext, learning_rate: unknown, global_step: Step, decay_steps: unknown, alpha: unknown = new PyFloat(0.0), name: Name = null): Tensor => {
    requireStep(global_step, "cosine_decay");
    return scheduleScope(ctx, name, "CosineDecay", learning_rate, (lr) => {
      const dt = lr.dtype;
      const steps = castTensor(ctx, decay_steps, dt, null);
      const stepT = op1(ctx, "Minimum", [castTensor(ctx, global_step, dt, null), steps]);
      const completed = T.truediv(ctx, stepT, steps);
      const py = pyFor(ctx);
      const cosineDecayed = py.mul(new PyFloat(0.5), py.add(new PyFloat(1.0), op1(ctx, "Cos", [py.mul(constant(ctx, new PyFloat(Math.PI)), completed)])));
      const decayed = py.add(py.mul(py.sub(1, alpha), cosineDecayed), alpha);
      return op1(ctx, "Mul", [lr, decayed]);
    });
  },
);
