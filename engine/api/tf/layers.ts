/**
 * `tf.layers.dense` / `tf.layers.Dense`: the fully connected layer TF 1.x guides build models
 * with. It builds what TF 1.14's layer builds: variables `dense/kernel` (glorot_uniform) and
 * `dense/bias` (zeros) made by get_variable in the layer's variable scope, then
 * `dense/MatMul`, `dense/BiasAdd` and the activation (`dense/Relu`) in its name scope.
 */
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { ValueError } from "../../errors.js";
import type { Variable } from "../../variables.js";
import { VariableScope, withVariableScope } from "../../variable_scope.js";
import type { InitializerArg } from "../initializer.js";
import { pyfunc } from "../pyargs.js";
import { buildersFor } from "../builders.js";
import { uniqueLayerName } from "../layer_base.js";
import { biasAndActivation, buildWeights } from "../layer_weights.js";

type Activation = ((x: Tensor) => Tensor) | null;

/** A dense layer: call it on a tensor to add its nodes. */
export interface DenseLayer {
  (inputs: unknown): Tensor;
  /** The layer's name (`dense`, `dense_1`, ...). */
  readonly name: string;
  /** The weight matrix, once the layer has been called. */
  kernel: Variable | null;
  /** The bias vector, once called (null with `use_bias: false`). */
  bias: Variable | null;
  /** The layer's variables. */
  readonly trainable_weights: Variable[];
  __repr__(): string;
}

function makeDense(
  ctx: EngineContext,
  units: number,
  activation: Activation,
  useBias: boolean,
  kernelInit: InitializerArg | null,
  biasInit: InitializerArg | null,
  trainable: boolean,
  nameArg: string | null,
  reuse: boolean | null,
): DenseLayer {
  const n = Number(units);
  if (!Number.isInteger(n) || n <= 0) throw new ValueError(`units must be a positive integer, got ${String(units)}`);
  const name = nameArg ?? uniqueLayerName(ctx, "dense");
  let scope: VariableScope | null = null;
  const weights: Variable[] = [];
  const tf = buildersFor(ctx);
  const layer = ((inputsArg: unknown): Tensor => {
    const inputs = tf.convert_to_tensor(inputsArg);
    const dims = inputs.shape.dims;
    const inDim = dims === null ? null : dims[dims.length - 1];
    if (inDim === null || inDim === undefined) {
      throw new ValueError("The last dimension of the inputs to `Dense` should be defined. Found `None`.");
    }
    if (dims!.length !== 2) throw new ValueError(`The playground's Dense takes 2-D inputs [batch, features]; got shape ${inputs.shape}.`);
    const body = (vs: VariableScope): Tensor => {
      scope ??= vs;
      buildWeights(ctx, layer, weights, { kernelShape: [inDim, n], units: n, dtype: inputs.dtype.base_dtype, useBias, kernelInit, biasInit, trainable });
      return biasAndActivation(ctx, tf.matmul(inputs, layer.kernel!), layer.bias, activation);
    };
    // Variables live in the layer's variable scope; ops go in its name scope (re-entered on
    // later calls, as a TF layer re-enters its original name scope).
    const opts = { default_name: null, initializer: null, regularizer: null, reuse: reuse ?? null, dtype: null, auxiliary_name_scope: true };
    return withVariableScope(ctx, scope ?? name, opts, body);
  }) as DenseLayer & { kernel: Variable | null; bias: Variable | null };
  Object.defineProperty(layer, "name", { value: name });
  layer.kernel = null;
  layer.bias = null;
  Object.defineProperty(layer, "trainable_weights", { get: () => weights.slice() });
  layer.__repr__ = () => `<tensorflow.python.layers.core.Dense object>`;
  return layer;
}

/**
 * A fully connected layer object; call it on inputs: `activation(inputs · kernel + bias)`.
 * @example
 * const linear_model = tf.layers.Dense({units: 1});
 * const y = linear_model(x);
 */
export const Dense = pyfunc(
  "Dense",
  [
    "units",
    "activation",
    "use_bias",
    "kernel_initializer",
    "bias_initializer",
    "kernel_regularizer",
    "bias_regularizer",
    "activity_regularizer",
    "kernel_constraint",
    "bias_constraint",
    "trainable",
    "name",
    "reuse",
  ],
  (
    ctx: EngineContext,
    units: number,
    activation: Activation = null,
    use_bias: boolean = true,
    kernel_initializer: InitializerArg | null = null,
    bias_initializer: InitializerArg | null = null,
    kernel_regularizer: unknown = null,
    bias_regularizer: unknown = null,
    activity_regularizer: unknown = null,
    kernel_constraint: unknown = null,
    bias_constraint: unknown = null,
    trainable: boolean = true,
    name: string | null = null,
    reuse: boolean | null = null,
  ): DenseLayer => {
    void [kernel_regularizer, bias_regularizer, activity_regularizer, kernel_constraint, bias_constraint];
    return makeDense(ctx, units, activation, use_bias, kernel_initializer, bias_initializer, trainable, name, reuse);
  },
);

/**
 * Adds a fully connected layer: `activation(inputs · kernel + bias)`, with variables
 * `dense/kernel` and `dense/bias`.
 * @example
 * const hidden = tf.layers.dense(x, 16, {activation: tf.nn.relu});
 */
export const dense = pyfunc(
  "dense",
  [
    "inputs",
    "units",
    "activation",
    "use_bias",
    "kernel_initializer",
    "bias_initializer",
    "kernel_regularizer",
    "bias_regularizer",
    "activity_regularizer",
    "kernel_constraint",
    "bias_constraint",
    "trainable",
    "name",
    "reuse",
  ],
  (
    ctx: EngineContext,
    inputs: unknown,
    units: number,
    activation: Activation = null,
    use_bias: boolean = true,
    kernel_initializer: InitializerArg | null = null,
    bias_initializer: InitializerArg | null = null,
    kernel_regularizer: unknown = null,
    bias_regularizer: unknown = null,
    activity_regularizer: unknown = null,
    kernel_constraint: unknown = null,
    bias_constraint: unknown = null,
    trainable: boolean = true,
    name: string | null = null,
    reuse: boolean | null = null,
  ): Tensor => {
    void [kernel_regularizer, bias_regularizer, activity_regularizer, kernel_constraint, bias_constraint];
    return makeDense(ctx, units, activation, use_bias, kernel_initializer, bias_initializer, trainable, name, reuse)(inputs);
  },
);
