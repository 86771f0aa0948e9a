/**
 * What every weight layer of tf.layers (Dense, Conv2D, Conv2DTranspose) does the same way, as
 * Keras' Layer does: `build` makes the kernel and bias once, on the first call, by get_variable
 * in the layer's variable scope (glorot_uniform and zeros unless given); `call` ends with
 * `BiasAdd` and the activation.
 */
import type { EngineContext } from "../context.js";
import type { DType } from "../dtypes.js";
import type { Tensor } from "../graph.js";
import type { Variable } from "../variables.js";
import { glorotUniform, zerosInitializer, type InitializerArg } from "./initializer.js";
import { get_variable } from "./tf/state.js";
import { bias_add } from "./tf/nn.js";

/** A layer object's weights, null until its first call. */
export interface Weighted {
  kernel: Variable | null;
  bias: Variable | null;
}

/** The kernel and bias a layer makes. */
export interface WeightsSpec {
  kernelShape: number[];
  /** The bias length (the layer's units or filters). */
  units: number;
  dtype: DType;
  useBias: boolean;
  kernelInit: InitializerArg | null;
  biasInit: InitializerArg | null;
  trainable: boolean;
}

/**
 * Keras' `build`: `layer.kernel` and `layer.bias` made on the first call only (appended to
 * `weights`, the layer's trainable_weights).
 * @example
 * buildWeights(ctx, layer, weights, { kernelShape: [inDim, units], units, dtype, useBias: true, kernelInit: null, biasInit: null, trainable: true });
 */
export function buildWeights(ctx: EngineContext, layer: Weighted, weights: Variable[], spec: WeightsSpec): void {
  if (layer.kernel !== null) return;
  layer.kernel = get_variable(ctx, "kernel", spec.kernelShape, spec.dtype, spec.kernelInit ?? glorotUniform(ctx), null, spec.trainable);
  weights.push(layer.kernel);
  if (spec.useBias) {
    layer.bias = get_variable(ctx, "bias", [spec.units], spec.dtype, spec.biasInit ?? zerosInitializer(ctx), null, spec.trainable);
    weights.push(layer.bias);
  }
}

/**
 * The end of a weight layer's call: `activation(bias_add(out, bias))` (no BiasAdd without a bias).
 * @example
 * return biasAndActivation(ctx, tf.matmul(inputs, layer.kernel), layer.bias, activation);
 */
export function biasAndActivation(ctx: EngineContext, out: Tensor, bias: Variable | null, activation: ((x: Tensor) => Tensor) | null): Tensor {
  const biased = bias !== null ? bias_add(ctx, out, bias, "NHWC") : out;
  return activation ? activation(biased) : biased;
}
