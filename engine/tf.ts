/**
 * The `tf` namespace: TF 1.x's Python API in the playground dialect, bound to one program's
 * context. `createTF(hooks)` gives a fresh namespace with its own default graph.
 *
 * Every member is declared once, at module level, in engine/api/tf/ (its signature, defaults
 * and JSDoc in one place); this file only assembles the namespace: `bindApi` binds a module's
 * functions to the context, keeping each member's declaration for the editor's hovers.
 */
import * as dtypes from "./dtypes.js";
import { EngineContext, EngineHooks } from "./context.js";
import { errorsNamespace } from "./errors.js";
import { TensorShape } from "./shape.js";
import { NDArray } from "./ndarray.js";
import { unbox } from "./pyfloat.js";
import { bindApi } from "./api/pyargs.js";
import * as core from "./api/tf/core.js";
import * as arrayCore from "./api/tf/array_core.js";
import * as array from "./api/tf/array.js";
import * as filling from "./api/tf/filling.js";
import * as arithmetic from "./api/tf/arithmetic.js";
import * as logic from "./api/tf/logic.js";
import * as functions from "./api/tf/functions.js";
import * as reduce from "./api/tf/reduce.js";
import * as math from "./api/tf/math.js";
import * as random from "./api/tf/random.js";
import * as nn from "./api/tf/nn.js";
import * as losses from "./api/tf/losses.js";
import * as gradients from "./api/tf/gradients.js";
import * as train from "./api/tf/train.js";
import * as layers from "./api/tf/layers.js";
import * as state from "./api/tf/state.js";
import * as graph from "./api/tf/graph.js";
import * as initializers from "./api/tf/initializers.js";

/** The names TF 1.14 also exports under `tf.math`. */
const MATH_NAMES = [
  "abs", "add", "add_n", "argmax", "argmin", "ceil", "cos", "cumprod", "cumsum", "divide", "div_no_nan",
  "equal", "exp", "floor", "floordiv", "floormod", "greater", "greater_equal", "less", "less_equal", "log",
  "log1p", "logical_and", "logical_not", "logical_or", "logical_xor", "maximum", "minimum", "mod", "multiply",
  "negative", "not_equal", "pow", "realdiv", "reciprocal", "reduce_all", "reduce_any", "reduce_max",
  "reduce_mean", "reduce_min", "reduce_prod", "reduce_sum", "round", "rsqrt", "scalar_mul", "sigmoid", "sign",
  "sin", "sqrt", "square", "squared_difference", "subtract", "tanh", "truediv",
] as const;

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
}

function build(ctx: EngineContext) {
  const mathFns = {
    ...bindApi(ctx, arithmetic),
    ...bindApi(ctx, logic),
    ...bindApi(ctx, functions),
    ...bindApi(ctx, reduce),
    ...bindApi(ctx, math),
  };
  const randomFns = bindApi(ctx, random);
  const graphFns = bindApi(ctx, graph);
  return {
    ...bindApi(ctx, core),
    ...mathFns,
    ...bindApi(ctx, arrayCore),
    ...bindApi(ctx, array),
    ...bindApi(ctx, filling),
    ...randomFns,
    /** `tf.math`: the same math functions under TF 1.14's `tf.math` names. */
    math: pick(mathFns, MATH_NAMES),
    /** TF 1.x's `tf.random` module: `tf.random.normal`, `tf.random.uniform`, ... */
    random: {
      /** Same as `tf.random_normal`. */
      normal: randomFns.random_normal,
      /** Same as `tf.random_uniform`. */
      uniform: randomFns.random_uniform,
      /** Same as `tf.truncated_normal`. */
      truncated_normal: randomFns.truncated_normal,
      /** Same as `tf.random_shuffle`. */
      shuffle: randomFns.random_shuffle,
      /**
       * Same as `tf.set_random_seed` (TF 1.x's `tf.random.set_random_seed`).
       * @example
       * tf.random.set_random_seed(1234);
       */
      set_random_seed: (seed: number | null): void => graphFns.set_random_seed(seed === null ? null : Number(unbox(seed))),
    },
    /** `tf.nn`: activations, softmax, cross entropies, dropout, ... */
    nn: bindApi(ctx, nn),
    /** `tf.losses`: TF 1.x's loss functions (added to the `losses` collection). */
    losses: bindApi(ctx, losses),
    ...bindApi(ctx, gradients),
    /** Optimizers and training helpers. */
    train: bindApi(ctx, train),
    /** Layers (`tf.layers.dense`, `tf.layers.Dense`). */
    layers: bindApi(ctx, layers),
    ...bindApi(ctx, state),
    ...graphFns,
    ...bindApi(ctx, initializers),
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
  return build(new EngineContext(hooks));
}

/** The context behind a namespace (for the runner and tests). */
export function contextOf(tf: TF): EngineContext {
  return tf.get_default_graph().ctx;
}
