/**
 * `tf.layers.flatten` and `tf.layers.dropout` and their classes `Flatten`, `Dropout`, as TF
 * 1.15's layers build them: `flatten/Reshape` (through the run-time shape when the static one
 * is partial), `dropout/dropout/...` when training, `dropout/Identity` when not, and both in a
 * `dropout/cond` when `training` is a tensor known only when run (Keras' smart_cond).
 */
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { PyTypeError } from "../../errors.js";
import { isNumberLike, unbox } from "../../pyfloat.js";
import { pyStr } from "../../format/python.js";
import { constValueOf } from "../../ops/support/const_value.js";
import { convertToTensor, isTensorLike } from "../convert_tensor.js";
import { buildCond } from "../control_flow/cond.js";
import { pyfunc } from "../pyargs.js";
import { buildersFor } from "../builders.js";
import { sliceHelper } from "../slicing.js";
import { dropoutV2 } from "../nn_impl.js";
import { LayerScope, checkInputRank, layerObject, normalizeDataFormat, uniqueLayerName, type Layer } from "../layer_base.js";

/** Keras' Flatten: reshape to [batch, everything else]. */
function makeFlatten(ctx: EngineContext, nameArg: string | null, dataFormat: string): Layer {
  normalizeDataFormat(dataFormat);
  const name = nameArg ?? uniqueLayerName(ctx, "flatten");
  const scope = new LayerScope(ctx, name, null);
  const tf = buildersFor(ctx);
  return layerObject(
    name,
    "Flatten",
    "core",
    (inputsArg: unknown): Tensor => {
      const inputs = convertToTensor(ctx, inputsArg);
      checkInputRank(name, inputs, { minNdim: 1 });
      return scope.enter(() => {
        const dims = inputs.shape.dims!;
        const rest = dims.slice(1);
        const known = rest.every((d) => d !== null);
        const size = (rest as number[]).reduce((a, b) => a * b, 1);
        const out = known ? tf.reshape(inputs, [-1, size]) : tf.reshape(inputs, [dims[0] ?? sliceHelper(ctx, tf.shape(inputs), 0), -1]);
        out.set_shape([dims[0], known ? size : null]);
        return out;
      });
    },
    () => [],
  );
}

/**
 * A flattening layer object: [batch, ...] to [batch, everything else].
 * @example
 * const flat = tf.layers.Flatten()(pool2);
 */
export const Flatten = pyfunc(
  "Flatten",
  ["data_format", "name"],
  (ctx: EngineContext, data_format: string = "channels_last", name: string | null = null): Layer => makeFlatten(ctx, name, data_format),
);

/**
 * Adds a flattening layer: `inputs` reshaped to [batch, everything else].
 * @example
 * const pool2_flat = tf.layers.flatten(pool2);
 */
export const flatten = pyfunc(
  "flatten",
  ["inputs", "name", "data_format"],
  (ctx: EngineContext, inputs: unknown, name: string | null = null, data_format: string = "channels_last"): Tensor => makeFlatten(ctx, name, data_format)(inputs),
);

/**
 * TF's `smart_cond` predicate: a Python bool (or 0, 1) or a tensor whose value is known while
 * building decides now; any other bool tensor (a fed placeholder, a variable) is returned, and
 * the layer builds a `tf.cond` on it.
 */
function smartTraining(ctx: EngineContext, training: unknown): boolean | Tensor {
  if (typeof training === "boolean") return training;
  if (isNumberLike(training) && (Number(unbox(training)) === 0 || Number(unbox(training)) === 1)) return Number(unbox(training)) === 1;
  if (isTensorLike(training)) {
    const t = convertToTensor(ctx, training);
    const v = constValueOf(t);
    return v !== null ? Boolean(v.data[0]) : t;
  }
  throw new PyTypeError(`\`pred\` must be a Tensor, or a Python bool, or 1 or 0. Found instead: ${pyStr(training)}`);
}

/** The `training` argument of a layer call: positional, or `{training}`. */
function trainingArg(rest: unknown[]): unknown {
  const [first] = rest;
  if (first !== null && typeof first === "object" && !(first instanceof Tensor) && Object.getPrototypeOf(first) === Object.prototype) {
    return (first as { training?: unknown }).training ?? false;
  }
  return first ?? false;
}

/** Keras' Dropout with tf.layers' `training=False` default. */
function makeDropout(ctx: EngineContext, rate: unknown, noiseShape: unknown, seed: number | null, nameArg: string | null): Layer {
  const name = nameArg ?? uniqueLayerName(ctx, "dropout");
  const scope = new LayerScope(ctx, name, null);
  const tf = buildersFor(ctx);
  return layerObject(
    name,
    "Dropout",
    "core",
    (inputsArg: unknown, ...rest: unknown[]): Tensor => {
      const inputs = convertToTensor(ctx, inputsArg);
      const training = smartTraining(ctx, trainingArg(rest));
      return scope.enter(() => {
        const dropped = (): Tensor => {
          // Keras' _get_noise_shape: None entries take the input's dynamic size.
          const noise = Array.isArray(noiseShape) ? noiseShape.map((d, i) => (d === null ? sliceHelper(ctx, tf.shape(inputs), i) : d)) : noiseShape;
          return dropoutV2(ctx, inputs, rate, noise, seed, null);
        };
        if (training instanceof Tensor) return buildCond(ctx, training, dropped, () => tf.identity(inputs), false, null) as Tensor;
        return training ? dropped() : tf.identity(inputs);
      });
    },
    () => [],
  );
}

/**
 * A dropout layer object: call it as `layer(inputs, {training: true})` to zero a `rate`
 * fraction of the elements (scaling the rest by 1 / (1 - rate)); with `training` false it
 * passes `inputs` through.
 * @example
 * const drop = tf.layers.Dropout({rate: 0.4});
 * const h = drop(dense, {training: true});
 */
export const Dropout = pyfunc(
  "Dropout",
  ["rate", "noise_shape", "seed", "name"],
  (ctx: EngineContext, rate: unknown = 0.5, noise_shape: unknown = null, seed: number | null = null, name: string | null = null): Layer =>
    makeDropout(ctx, rate, noise_shape, seed, name),
);

/**
 * Adds a dropout layer: with `training` true, each element is zeroed with probability `rate`
 * and the rest scaled by 1 / (1 - rate), a new mask every run; with `training` false (the
 * default) `inputs` pass through unchanged.
 * @example
 * const dropout = tf.layers.dropout(dense, {rate: 0.4, training: true});
 */
export const dropout = pyfunc(
  "dropout",
  ["inputs", "rate", "noise_shape", "seed", "training", "name"],
  (
    ctx: EngineContext,
    inputs: unknown,
    rate: unknown = 0.5,
    noise_shape: unknown = null,
    seed: number | null = null,
    training: unknown = false,
    name: string | null = null,
  ): Tensor => makeDropout(ctx, rate, noise_shape, seed, name)(inputs, training),
);
