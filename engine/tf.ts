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
import { bindApi, type BoundApi } from "./api/pyargs.js";
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
import * as nnConv from "./api/tf/nn_conv.js";
import * as nnAtrous from "./api/tf/nn_atrous.js";
import * as spaceBatch from "./api/tf/space_batch.js";
import * as losses from "./api/tf/losses.js";
import * as gradients from "./api/tf/gradients.js";
import * as train from "./api/tf/train.js";
import * as layers from "./api/tf/layers.js";
import * as layersConv from "./api/tf/layers_conv.js";
import * as layersPool from "./api/tf/layers_pool.js";
import * as layersCore from "./api/tf/layers_core.js";
import * as layersDeconv from "./api/tf/layers_deconv.js";
import * as state from "./api/tf/state.js";
import * as graph from "./api/tf/graph.js";
import * as initializers from "./api/tf/initializers.js";
import * as indexing from "./api/tf/indexing.js";
import * as sorting from "./api/tf/sorting.js";
import * as segments from "./api/tf/segments.js";
import * as sequences from "./api/tf/sequences.js";
import * as clip from "./api/tf/clip.js";
import * as contraction from "./api/tf/contraction.js";
import * as nnExtra from "./api/tf/nn_extra.js";
import * as metrics from "./api/tf/metrics.js";
import * as variablesReport from "./api/tf/variables_report.js";
import * as reorder from "./api/tf/reorder.js";
import * as diagonals from "./api/tf/diagonals.js";
import * as reduceMore from "./api/tf/reduce_more.js";
import * as masks from "./api/tf/masks.js";
import * as scatterState from "./api/tf/scatter_state.js";
import * as counting from "./api/tf/counting.js";
import * as functionsMore from "./api/tf/functions_more.js";
import * as nnMore from "./api/tf/nn_more.js";
import { getItem } from "./api/slicing.js";
// numpy's `a[i]` on fetched arrays (installs itself on NDArray's prototype chain).
import "./numpy/indexing.js";
import * as controlFlow from "./api/tf/control_flow.js";
import * as data from "./api/tf/data.js";
import * as queues from "./api/tf/queues.js";
import * as queueRunners from "./api/tf/queue_runners.js";
import * as summary from "./api/tf/summary.js";
import * as sparse from "./api/tf/sparse.js";
import * as checks from "./api/tf/checks.js";
import * as confusion from "./api/tf/confusion.js";
import { SparseTensorValueClass } from "./sparse_value.js";

/** The names TF 1.14 also exports under `tf.math`. */
const MATH_NAMES = [
  "abs", "add", "add_n", "argmax", "argmin", "ceil", "cos", "cumprod", "cumsum", "divide", "div_no_nan",
  "equal", "exp", "floor", "floordiv", "floormod", "greater", "greater_equal", "less", "less_equal", "log",
  "log1p", "logical_and", "logical_not", "logical_or", "logical_xor", "maximum", "minimum", "mod", "multiply",
  "negative", "not_equal", "pow", "realdiv", "reciprocal", "reduce_all", "reduce_any", "reduce_max",
  "reduce_mean", "reduce_min", "reduce_prod", "reduce_sum", "round", "rsqrt", "scalar_mul", "sigmoid", "sign",
  "sin", "sqrt", "square", "squared_difference", "subtract", "tanh", "truediv",
] as const;

/** The segment reductions TF 1.x also exports under `tf.math`. */
const MATH_SEGMENT_NAMES = [
  "segment_sum", "segment_mean", "segment_max", "segment_min", "segment_prod", "unsorted_segment_max", "unsorted_segment_min",
  "unsorted_segment_prod", "unsorted_segment_mean", "unsorted_segment_sqrt_n", "unique_with_counts",
] as const;

/** Functions TF 1.15 has only under `tf.math`, not at the top level. */
type MathOnly = "reduce_variance" | "reduce_std";

/** The modules `tf.math` gathers its names from. */
type MathModules = typeof arithmetic & typeof logic & typeof functions & typeof reduce & typeof math;

/** The namespace's values (the same for every program): dtypes, classes, constants. */
const VALUES = {
  /** `tf.float32`: 32-bit float. */
  float32: dtypes.float32,
  /** `tf.float64`: 64-bit float. */
  float64: dtypes.float64,
  /** `tf.double`: alias of float64. */
  double: dtypes.float64,
  /** `tf.int32`: 32-bit integer (wraps on overflow). */
  int32: dtypes.int32,
  /** `tf.int64`: 64-bit integer (exact for |x| < 2^53 in the playground). */
  int64: dtypes.int64,
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
  TensorShape: (dims: readonly (number | null)[] | null): TensorShape => new TensorShape(dims),
  /** Run-time error classes: `tf.errors.InvalidArgumentError`, ... */
  errors: errorsNamespace,
  /** `tf.newaxis` (for slicing). */
  newaxis: null,
  /** The engine's array type (what `sess.run` returns for rank ≥ 1). */
  NDArray,
  /** `tf.SparseTensorValue(indices, values, dense_shape)`: what fetching a SparseTensor returns (with or without `new`). */
  SparseTensorValue: SparseTensorValueClass,
  /** TF's version string. */
  __version__: "1.15.0",
};

/** TF 1.x's `tf.random` module: the random builders under their `tf.random.*` names. */
export interface RandomNamespace {
  /** Same as `tf.random_normal`. */
  normal: BoundApi<typeof random>["random_normal"];
  /** Same as `tf.random_uniform`. */
  uniform: BoundApi<typeof random>["random_uniform"];
  /** Same as `tf.truncated_normal`. */
  truncated_normal: BoundApi<typeof random>["truncated_normal"];
  /** Same as `tf.random_shuffle`. */
  shuffle: BoundApi<typeof random>["random_shuffle"];
  /**
   * Same as `tf.set_random_seed` (TF 1.x's `tf.random.set_random_seed`).
   * @example
   * tf.random.set_random_seed(1234);
   */
  set_random_seed(seed: number | null): void;
}

/** `tf.cond`, `tf.while_loop`, ...; `case_` is declared with a trailing `_` (a JS keyword) and bound as `tf.case`. */
export type ControlFlow = Omit<BoundApi<typeof controlFlow>, "case_"> & {
  /**
   * The result of the first pair whose predicate is true, else of `default` (nested `tf.cond`s).
   * @example
   * const r = tf.case([[tf.less(x, y), () => tf.constant(17)]], {default: () => tf.constant(23)});
   */
  case: BoundApi<typeof controlFlow>["case_"];
};

type SparseApi = BoundApi<typeof sparse>;

/** TF 1.15's `tf.sparse` names for the sparse builders (each the same as the `tf.` one it names). */
const SPARSE_NAMES = {
  to_dense: "sparse_tensor_to_dense",
  sparse_dense_matmul: "sparse_tensor_dense_matmul",
  matmul: "sparse_tensor_dense_matmul",
  add: "sparse_add",
  placeholder: "sparse_placeholder",
  reduce_sum: "sparse_reduce_sum",
  reduce_max: "sparse_reduce_max",
} as const;

/** `tf.sparse`: `tf.SparseTensor` and the sparse builders under their `tf.sparse` names. */
export type SparseNamespace = Pick<SparseApi, "SparseTensor"> & { [K in keyof typeof SPARSE_NAMES]: SparseApi[(typeof SPARSE_NAMES)[K]] };

/** The namespaces under `tf`. */
export interface Namespaces {
  /** `tf.math`: the same math functions under TF 1.14's `tf.math` names. */
  math: Pick<BoundApi<MathModules>, (typeof MATH_NAMES)[number]> &
    Pick<BoundApi<typeof segments>, (typeof MATH_SEGMENT_NAMES)[number]> &
    Pick<BoundApi<typeof nnExtra>, "top_k" | "l2_normalize"> &
    BoundApi<typeof reduceMore> &
    Pick<BoundApi<typeof counting>, "bincount" | "in_top_k"> &
    Omit<BoundApi<typeof functionsMore>, "softsign"> &
    Pick<BoundApi<typeof nnMore>, "log_sigmoid" | "polyval"> &
    BoundApi<typeof confusion>;
  /** `tf.sparse`: sparse tensors and their dense forms. */
  sparse: SparseNamespace;
  /** `tf.linalg`: matrix products and contractions. */
  linalg: BoundApi<typeof contraction> & {
    /** Same as `tf.matmul`. */
    matmul: BoundApi<typeof math>["matmul"];
    /** Same as `tf.nn.l2_normalize`. */
    l2_normalize: BoundApi<typeof nnExtra>["l2_normalize"];
    /** Same as `tf.matrix_diag`. */
    diag: BoundApi<typeof diagonals>["matrix_diag"];
    /** Same as `tf.matrix_diag_part`. */
    diag_part: BoundApi<typeof diagonals>["matrix_diag_part"];
    /** Same as `tf.matrix_set_diag`. */
    set_diag: BoundApi<typeof diagonals>["matrix_set_diag"];
    /** Same as `tf.matrix_band_part`. */
    band_part: BoundApi<typeof diagonals>["matrix_band_part"];
    /** Same as `tf.diag`. */
    tensor_diag: BoundApi<typeof diagonals>["diag"];
    /** Same as `tf.diag_part`. */
    tensor_diag_part: BoundApi<typeof diagonals>["diag_part"];
    /** Same as `tf.eye`. */
    eye: BoundApi<typeof diagonals>["eye"];
    /** Same as `tf.trace`. */
    trace: BoundApi<typeof diagonals>["trace"];
    /** Same as `tf.norm`. */
    norm: BoundApi<typeof reduceMore>["norm"];
    /** Same as `tf.matrix_transpose`. */
    matrix_transpose: BoundApi<typeof diagonals>["matrix_transpose"];
    /** Same as `tf.matrix_transpose`. */
    transpose: BoundApi<typeof diagonals>["matrix_transpose"];
    matvec: BoundApi<typeof diagonals>["matvec"];
  };
  /** `tf.metrics`: streaming metrics (`tf.metrics.accuracy`), kept in local variables. */
  metrics: BoundApi<typeof metrics>;
  /** TF 1.x's `tf.random` module: `tf.random.normal`, `tf.random.uniform`, ... */
  random: RandomNamespace;
  /** `tf.nn`: activations, softmax, cross entropies, dropout, top_k, moments, conv2d, pooling, ... */
  nn: BoundApi<typeof nn> & BoundApi<typeof nnExtra> & BoundApi<typeof nnConv> & BoundApi<typeof nnAtrous> & Pick<BoundApi<typeof spaceBatch>, "space_to_batch" | "space_to_depth" | "depth_to_space">;
  /** `tf.losses`: TF 1.x's loss functions (added to the `losses` collection). */
  losses: BoundApi<typeof losses>;
  /** Optimizers and training helpers (and the queue runners). */
  train: BoundApi<typeof train> & BoundApi<typeof queueRunners>;
  /** `tf.data`: input pipelines (`tf.data.Dataset`, iterators). */
  data: BoundApi<typeof data>;
  /** `tf.summary`: scalar and histogram summaries, `merge_all`, `FileWriter`. */
  summary: BoundApi<typeof summary>;
  /** Layers (`tf.layers.dense`, `tf.layers.conv2d`, `tf.layers.max_pooling2d`, `tf.layers.flatten`, `tf.layers.dropout`, and their classes). */
  layers: BoundApi<typeof layers> & BoundApi<typeof layersConv> & BoundApi<typeof layersPool> & BoundApi<typeof layersCore> & BoundApi<typeof layersDeconv>;
}

/**
 * The full `tf` namespace type: an intersection (not a spread), so that the editor's
 * TypeScript works out a member's signature only when the learner's code uses it.
 */
export type TF = BoundApi<typeof core> &
  BoundApi<MathModules> &
  BoundApi<typeof arrayCore> &
  BoundApi<typeof array> &
  BoundApi<typeof filling> &
  BoundApi<typeof random> &
  BoundApi<typeof gradients> &
  BoundApi<typeof state> &
  BoundApi<typeof graph> &
  BoundApi<typeof initializers> &
  BoundApi<typeof indexing> &
  BoundApi<typeof sorting> &
  BoundApi<typeof segments> &
  BoundApi<typeof sequences> &
  BoundApi<typeof clip> &
  BoundApi<typeof contraction> &
  BoundApi<typeof variablesReport> &
  BoundApi<typeof reorder> &
  BoundApi<typeof spaceBatch> &
  Omit<BoundApi<typeof diagonals>, "matvec"> &
  Omit<BoundApi<typeof reduceMore>, MathOnly> &
  BoundApi<typeof masks> &
  BoundApi<typeof scatterState> &
  BoundApi<typeof counting> &
  Omit<BoundApi<typeof functionsMore>, "softsign"> &
  BoundApi<typeof sparse> &
  BoundApi<typeof checks> &
  BoundApi<typeof confusion> &
  ControlFlow &
  BoundApi<typeof queues> &
  Namespaces &
  typeof VALUES;

function build(ctx: EngineContext): TF {
  ctx.indexTensor = (t, spec, variable) => getItem(ctx, t, spec, variable ?? null);
  const mathFns = {
    ...bindApi(ctx, arithmetic),
    ...bindApi(ctx, logic),
    ...bindApi(ctx, functions),
    ...bindApi(ctx, reduce),
    ...bindApi(ctx, math),
  } as BoundApi<MathModules>;
  const randomFns = bindApi(ctx, random);
  const graphFns = bindApi(ctx, graph);
  const segmentFns = bindApi(ctx, segments);
  const contractionFns = bindApi(ctx, contraction);
  const nnExtraFns = bindApi(ctx, nnExtra);
  const diagonalFns = bindApi(ctx, diagonals);
  const reduceMoreFns = bindApi(ctx, reduceMore);
  const { reduce_variance: _v, reduce_std: _s, ...reduceMoreTop } = reduceMoreFns;
  const { matvec: _mv, ...diagonalTop } = diagonalFns;
  const countingFns = bindApi(ctx, counting);
  const { softsign: _softsign, ...functionsMoreTop } = bindApi(ctx, functionsMore);
  const { log_sigmoid, polyval } = bindApi(ctx, nnMore);
  const sparseFns = bindApi(ctx, sparse);
  const confusionFns = bindApi(ctx, confusion);
  const spaceBatchFns = bindApi(ctx, spaceBatch);
  const namespaces: Namespaces = {
    sparse: {
      SparseTensor: sparseFns.SparseTensor,
      ...(Object.fromEntries(Object.entries(SPARSE_NAMES).map(([k, v]) => [k, sparseFns[v]])) as Omit<SparseNamespace, "SparseTensor">),
    },
    math: {
      ...(Object.fromEntries(MATH_NAMES.map((k) => [k, mathFns[k]])) as Pick<BoundApi<MathModules>, (typeof MATH_NAMES)[number]>),
      ...(Object.fromEntries(MATH_SEGMENT_NAMES.map((k) => [k, segmentFns[k]])) as Pick<BoundApi<typeof segments>, (typeof MATH_SEGMENT_NAMES)[number]>),
      top_k: nnExtraFns.top_k,
      l2_normalize: nnExtraFns.l2_normalize,
      ...reduceMoreFns,
      bincount: countingFns.bincount,
      in_top_k: countingFns.in_top_k,
      ...functionsMoreTop,
      log_sigmoid,
      polyval,
      ...confusionFns,
    },
    linalg: {
      ...contractionFns,
      matmul: mathFns.matmul,
      l2_normalize: nnExtraFns.l2_normalize,
      diag: diagonalFns.matrix_diag,
      diag_part: diagonalFns.matrix_diag_part,
      set_diag: diagonalFns.matrix_set_diag,
      band_part: diagonalFns.matrix_band_part,
      tensor_diag: diagonalFns.diag,
      tensor_diag_part: diagonalFns.diag_part,
      eye: diagonalFns.eye,
      trace: diagonalFns.trace,
      norm: reduceMoreFns.norm,
      matrix_transpose: diagonalFns.matrix_transpose,
      transpose: diagonalFns.matrix_transpose,
      matvec: diagonalFns.matvec,
    },
    metrics: bindApi(ctx, metrics),
    random: {
      normal: randomFns.random_normal,
      uniform: randomFns.random_uniform,
      truncated_normal: randomFns.truncated_normal,
      shuffle: randomFns.random_shuffle,
      set_random_seed: (seed) => graphFns.set_random_seed(seed === null ? null : Number(unbox(seed))),
    },
    nn: { ...bindApi(ctx, nn), ...nnExtraFns, ...bindApi(ctx, nnConv), ...bindApi(ctx, nnAtrous), space_to_batch: spaceBatchFns.space_to_batch, space_to_depth: spaceBatchFns.space_to_depth, depth_to_space: spaceBatchFns.depth_to_space },
    losses: bindApi(ctx, losses),
    train: { ...bindApi(ctx, train), ...bindApi(ctx, queueRunners) },
    data: bindApi(ctx, data),
    summary: bindApi(ctx, summary),
    layers: { ...bindApi(ctx, layers), ...bindApi(ctx, layersConv), ...bindApi(ctx, layersPool), ...bindApi(ctx, layersCore), ...bindApi(ctx, layersDeconv) },
  };
  const { case_, ...flowFns } = bindApi(ctx, controlFlow);
  return {
    ...bindApi(ctx, core),
    ...mathFns,
    ...bindApi(ctx, arrayCore),
    ...bindApi(ctx, array),
    ...bindApi(ctx, filling),
    ...randomFns,
    ...bindApi(ctx, gradients),
    ...bindApi(ctx, state),
    ...graphFns,
    ...bindApi(ctx, initializers),
    ...bindApi(ctx, indexing),
    ...bindApi(ctx, sorting),
    ...segmentFns,
    ...bindApi(ctx, sequences),
    ...bindApi(ctx, clip),
    ...contractionFns,
    ...bindApi(ctx, variablesReport),
    ...bindApi(ctx, reorder),
    ...spaceBatchFns,
    ...diagonalTop,
    ...reduceMoreTop,
    ...bindApi(ctx, masks),
    ...bindApi(ctx, scatterState),
    ...countingFns,
    ...functionsMoreTop,
    ...sparseFns,
    ...bindApi(ctx, checks),
    ...confusionFns,
    ...flowFns,
    case: case_,
    ...bindApi(ctx, queues),
    ...namespaces,
    ...VALUES,
  };
}

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
