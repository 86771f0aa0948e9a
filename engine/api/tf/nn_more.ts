/**
 * More of TF 1.15's nn_impl.py / nn_ops.py written in Python: `tf.nn.xw_plus_b`,
 * `tf.nn.relu_layer`, `tf.nn.weighted_cross_entropy_with_logits`, `tf.nn.log_poisson_loss`;
 * and math_ops.py's `tf.math.log_sigmoid` and `tf.math.polyval`.
 */
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { ValueError } from "../../errors.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { op1, type Name } from "../build.js";
import { tensorOperators as T } from "../tensor_ops.js";
import { pyFor } from "../operators.js";
import { matmul } from "./math.js";
import { bias_add, relu, softplus } from "./nn.js";
import { zeros_like } from "./array_core.js";
import { abs, exp, log, log1p } from "./functions.js";
import { constant } from "./core.js";
import { ones_like, where } from "./filling.js";
import { logical_and } from "./logic.js";
import { PyFloat } from "../../pyfloat.js";

/**
 * `matmul(x, weights) + biases` as a BiasAdd named after the scope `xw_plus_b`.
 * @example
 * const logits = tf.nn.xw_plus_b(x, W, b);
 */
export const xw_plus_b = pyfunc(
  "xw_plus_b",
  ["x", "weights", "biases", "name"],
  (ctx: EngineContext, x: unknown, weights: unknown, biases: unknown, name: Name = null): Tensor =>
    ctx.defaultGraph().name_scope(name || "xw_plus_b", (scope) => {
      const xt = convertToTensor(ctx, x, { name: "x" });
      const w = convertToTensor(ctx, weights, { name: "weights" });
      const b = convertToTensor(ctx, biases, { name: "biases" });
      return bias_add(ctx, matmul(ctx, xt, w), b, null, scope);
    }),
);

/**
 * `relu(matmul(x, weights) + biases)` in scope `relu_layer`.
 * @example
 * const h = tf.nn.relu_layer(x, W, b);
 */
export const relu_layer = pyfunc(
  "relu_layer",
  ["x", "weights", "biases", "name"],
  (ctx: EngineContext, x: unknown, weights: unknown, biases: unknown, name: Name = null): Tensor =>
    ctx.defaultGraph().name_scope(name || "relu_layer", (scope) => {
      const xt = convertToTensor(ctx, x, { name: "x" });
      const w = convertToTensor(ctx, weights, { name: "weights" });
      const b = convertToTensor(ctx, biases, { name: "biases" });
      return relu(ctx, bias_add(ctx, matmul(ctx, xt, w), b), scope);
    }),
);

/**
 * The logistic loss with positive examples weighted by `pos_weight`:
 * `(1 - z) * x + (1 + (q - 1) * z) * (log(1 + exp(-|x|)) + max(-x, 0))`, in scope
 * `logistic_loss`.
 * @example
 * const loss = tf.nn.weighted_cross_entropy_with_logits([1.0, 0.0], [0.5, -0.5], 2.0);
 */
export const weighted_cross_entropy_with_logits = pyfunc(
  "weighted_cross_entropy_with_logits",
  ["targets", "logits", "pos_weight", "name"],
  (ctx: EngineContext, targets: unknown, logits: unknown, pos_weight: unknown, name: Name = null): Tensor =>
    ctx.defaultGraph().name_scope(name || "logistic_loss", (scope) => {
      const x = convertToTensor(ctx, logits, { name: "logits" });
      const z = convertToTensor(ctx, targets, { name: "targets" });
      if (!z.shape.is_compatible_with(x.shape)) throw new ValueError(`logits and targets must have the same shape (${x.shape} vs ${z.shape})`);
      // Python's operators: `pos_weight - 1` may be plain arithmetic on a float.
      const py = pyFor(ctx);
      const logWeight = py.add(1, py.mul(py.sub(pos_weight, 1), z));
      const softplusNegAbs = T.add(ctx, log1p(ctx, exp(ctx, T.neg(ctx, abs(ctx, x)))), relu(ctx, T.neg(ctx, x)));
      return op1(ctx, "Add", [T.mul(ctx, T.sub(ctx, 1, z), x), T.mul(ctx, logWeight, softplusNegAbs)], {}, scope);
    }),
);

/**
 * The Poisson negative log likelihood `exp(log_input) - log_input * targets` (plus Stirling's
 * term when `compute_full_loss`), in scope `log_poisson_loss`.
 * @example
 * const loss = tf.nn.log_poisson_loss([1.0, 2.0], [0.0, 0.5]);
 */
export const log_poisson_loss = pyfunc(
  "log_poisson_loss",
  ["targets", "log_input", "compute_full_loss", "name"],
  (ctx: EngineContext, targets: unknown, log_input: unknown, compute_full_loss: boolean = false, name: Name = null): Tensor =>
    ctx.defaultGraph().name_scope(name || "log_poisson_loss", () => {
      const li = convertToTensor(ctx, log_input, { name: "log_input" });
      const t = convertToTensor(ctx, targets, { name: "targets" });
      if (!t.shape.is_compatible_with(li.shape)) throw new ValueError(`log_input and targets must have the same shape (${li.shape} vs ${t.shape})`);
      const result = T.sub(ctx, exp(ctx, li), T.mul(ctx, li, t));
      if (!compute_full_loss) return result;
      // Stirling's approximation of log(targets!), counted only for targets > 1.
      const pointFive = constant(ctx, new PyFloat(0.5), t.dtype);
      const twoPi = constant(ctx, new PyFloat(2 * Math.PI), t.dtype);
      const stirling = T.add(ctx, T.sub(ctx, T.mul(ctx, t, log(ctx, t)), t), T.mul(ctx, pointFive, log(ctx, T.mul(ctx, twoPi, t))));
      const zeros = zeros_like(ctx, t, t.dtype);
      const ones = ones_like(ctx, t, t.dtype);
      const cond = logical_and(ctx, T.ge(ctx, t, zeros), T.le(ctx, t, ones));
      return T.add(ctx, result, where(ctx, cond, zeros, stirling));
    }),
);

/**
 * `log(sigmoid(x))` computed stably as `-softplus(-x)`, in scope `LogSigmoid`.
 * @example
 * const y = tf.math.log_sigmoid([0.0, 10.0]); // [-6.9314718e-01 -4.5398899e-05]
 */
export const log_sigmoid = pyfunc("log_sigmoid", ["x", "name"], (ctx: EngineContext, x: unknown, name: Name = null): Tensor =>
  ctx.defaultGraph().name_scope(name || "LogSigmoid", (scope) => {
    const xt = convertToTensor(ctx, x, { name: "x" });
    return op1(ctx, "Neg", [softplus(ctx, T.neg(ctx, xt))], {}, scope);
  }),
);

/**
 * The polynomial `coeffs[0] * x**(n-1) + ... + coeffs[n-1]` by Horner's rule, in scope `polyval`.
 * @example
 * const p = tf.math.polyval([1, 2, 3], tf.constant(2)); // 1*4 + 2*2 + 3 = 11
 */
export const polyval = pyfunc("polyval", ["coeffs", "x", "name"], (ctx: EngineContext, coeffs: unknown[], x: unknown, name: Name = null): Tensor => {
  if (!Array.isArray(coeffs)) throw new ValueError(`Argument coeffs must be list type found ${coeffs === null ? "<class 'NoneType'>" : "<class 'tensorflow.python.framework.ops.Tensor'>"}.`);
  return ctx.defaultGraph().name_scope(name || "polyval", (scope) => {
    const xt = convertToTensor(ctx, x, { name: "x" });
    if (coeffs.length < 1) return zeros_like(ctx, xt, null, scope);
    const cs = coeffs.map((c, i) => convertToTensor(ctx, c, { name: `coeff_${i}` }));
    let p = cs[0];
    for (const c of cs.slice(1)) p = T.add(ctx, c, T.mul(ctx, p, xt));
    return p;
  });
});
