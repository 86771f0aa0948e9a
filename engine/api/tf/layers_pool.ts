/**
 * `tf.layers.max_pooling2d`, `average_pooling2d` and their classes `MaxPooling2D`,
 * `AveragePooling2D` (Keras' Pooling2D in a tf.layers scope): `max_pooling2d/MaxPool`,
 * `average_pooling2d/AvgPool`, with the pool size as the default stride.
 */
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc } from "../pyargs.js";
import { LayerScope, checkInputRank, layerObject, normalizeDataFormat, normalizePadding, normalizeTuple, uniqueLayerName, type IntPair, type Layer } from "../layer_base.js";
import { avg_pool, max_pool } from "./nn_conv.js";

/** A pooling layer (Keras' Pooling2D): `ksize` (1, h, w, 1), strides default to the pool size. */
function makePool(ctx: EngineContext, kind: "max" | "avg", poolSize: IntPair, strides: IntPair | null, padding: string, dataFormat: string, nameArg: string | null): Layer {
  const size = normalizeTuple(poolSize, 2, "pool_size");
  const step = normalizeTuple(strides ?? size, 2, "strides");
  const pad = normalizePadding(padding).toUpperCase();
  normalizeDataFormat(dataFormat);
  const base = kind === "max" ? "max_pooling2d" : "average_pooling2d";
  const name = nameArg ?? uniqueLayerName(ctx, base);
  const scope = new LayerScope(ctx, name, null);
  const pool = kind === "max" ? max_pool : avg_pool;
  return layerObject(
    name,
    kind === "max" ? "MaxPooling2D" : "AveragePooling2D",
    "pooling",
    (inputsArg: unknown): Tensor => {
      const inputs = convertToTensor(ctx, inputsArg);
      checkInputRank(name, inputs, { ndim: 4 });
      return scope.enter(() => pool(ctx, inputs, [1, ...size, 1], [1, ...step, 1], pad, "NHWC"));
    },
    () => [],
  );
}

const POOL_PARAMS = ["pool_size", "strides", "padding", "data_format", "name"] as const;

/**
 * A max-pooling layer object over height and width.
 * @example
 * const pool = tf.layers.MaxPooling2D({pool_size: [2, 2], strides: 2});
 */
export const MaxPooling2D = pyfunc(
  "MaxPooling2D",
  POOL_PARAMS,
  (ctx: EngineContext, pool_size: IntPair, strides: IntPair | null, padding: string = "valid", data_format: string = "channels_last", name: string | null = null): Layer =>
    makePool(ctx, "max", pool_size, strides, padding, data_format, name),
);

/**
 * Adds a max-pooling layer: the maximum of each `pool_size` window of NHWC `inputs`, moved by `strides`.
 * @example
 * const pool1 = tf.layers.max_pooling2d(conv1, [2, 2], 2);
 */
export const max_pooling2d = pyfunc(
  "max_pooling2d",
  ["inputs", ...POOL_PARAMS] as const,
  (
    ctx: EngineContext,
    inputs: unknown,
    pool_size: IntPair,
    strides: IntPair | null,
    padding: string = "valid",
    data_format: string = "channels_last",
    name: string | null = null,
  ): Tensor => makePool(ctx, "max", pool_size, strides, padding, data_format, name)(inputs),
);

/**
 * An average-pooling layer object over height and width.
 * @example
 * const pool = tf.layers.AveragePooling2D({pool_size: 2, strides: 2});
 */
export const AveragePooling2D = pyfunc(
  "AveragePooling2D",
  POOL_PARAMS,
  (ctx: EngineContext, pool_size: IntPair, strides: IntPair | null, padding: string = "valid", data_format: string = "channels_last", name: string | null = null): Layer =>
    makePool(ctx, "avg", pool_size, strides, padding, data_format, name),
);

/**
 * Adds an average-pooling layer: the mean of each `pool_size` window of NHWC `inputs`, moved by `strides`.
 * @example
 * const pooled = tf.layers.average_pooling2d(h, 2, 2);
 */
export const average_pooling2d = pyfunc(
  "average_pooling2d",
  ["inputs", ...POOL_PARAMS] as const,
  (
    ctx: EngineContext,
    inputs: unknown,
    pool_size: IntPair,
    strides: IntPair | null,
    padding: string = "valid",
    data_format: string = "channels_last",
    name: string | null = null,
  ): Tensor => makePool(ctx, "avg", pool_size, strides, padding, data_format, name)(inputs),
);
