/**
 * The `tf` namespace: TF 1.x's Python API in the playground dialect, bound to one program's
 * context. `createTF(hooks)` gives a fresh namespace with its own default graph.
 */
import * as dtypes from "./dtypes.js";
import { EngineContext, EngineHooks } from "./context.js";
import { Graph } from "./graph.js";
import { errorsNamespace } from "./errors.js";
import { TensorShape } from "./shape.js";
import { NDArray } from "./ndarray.js";
import { coreApi } from "./api/core.js";
import { stateApi } from "./api/state.js";
import { graphApi } from "./api/graph_api.js";
import { initializersApi } from "./api/initializers.js";
import { mathApi } from "./api/math.js";
import { arrayCoreApi } from "./api/array_core.js";
import { gradientsApi } from "./api/gradients_api.js";
import { trainApi } from "./api/train.js";
import { layersApi } from "./api/layers.js";
import { arrayApi } from "./api/array.js";
import { randomApi } from "./api/random.js";
import { nnApi } from "./api/nn.js";
import { lossesApi } from "./api/losses.js";

function build(ctx: EngineContext) {
  return {
    ...coreApi(ctx),
    ...mathApi(ctx),
    ...arrayCoreApi(ctx),
    ...arrayApi(ctx),
    ...randomApi(ctx),
    /** `tf.nn`: activations, softmax, cross entropies, dropout, ... */
    nn: nnApi(ctx),
    /** `tf.losses`: TF 1.x's loss functions (added to the `losses` collection). */
    losses: lossesApi(ctx),
    ...gradientsApi(ctx),
    /** Optimizers and training helpers. */
    train: trainApi(ctx),
    /** Layers (`tf.layers.dense`, `tf.layers.Dense`). */
    layers: layersApi(ctx),
    ...stateApi(ctx),
    ...graphApi(ctx),
    ...initializersApi(ctx),
    /** `tf.float32`: 32-bit float. */
    float32: dtypes.float32,
    /** `tf.float64`: 64-bit float. */
    float64: dtypes.float64,
    /** `tf.double`: alias of float64. */
    double: dtypes.float64,
    /** `tf.int32`: 32-bit integer (wraps on overflow). */
    int32: dtypes.int32,
    /** `tf.bool`. */
    bool: dtypes.bool,
    /** `tf.string`. */
    string: dtypes.string,
    /** `tf.float32_ref` etc.: the dtypes of TF 1.x variables' own tensors. */
    float32_ref: dtypes.float32._as_ref,
    /** `tf.as_dtype("float32")`. */
    as_dtype: dtypes.asDType,
    /** `tf.DType`, for `instanceof`. */
    DType: dtypes.DType,
    /** `tf.TensorShape([null, 3])`. */
    TensorShape: (dims: readonly (number | null)[] | null) => new TensorShape(dims),
    /** Run-time error classes: `tf.errors.InvalidArgumentError`, ... */
    errors: errorsNamespace,
    /** `tf.newaxis` (for slicing). */
    newaxis: null,
    /** The engine's array type (what `sess.run` returns for rank ≥ 1). */
    NDArray,
    /** TF's version string. */
    __version__: "1.15.0",
  };
}

/** The full `tf` namespace type. */
export type TF = ReturnType<typeof build>;

/**
 * A fresh `tf` namespace for one program run.
 * @example
 * const tf = createTF({ onRun: (r) => console.log(r.path) });
 */
export function createTF(hooks: EngineHooks = {}): TF {
  const ctx = new EngineContext(hooks);
  ctx.makeGraph = () => new Graph(ctx);
  const tf = build(ctx);
  ctx.tf = tf;
  return tf;
}

/** The context behind a namespace (for the runner and tests). */
export function contextOf(tf: TF): EngineContext {
  return tf.get_default_graph().ctx;
}
