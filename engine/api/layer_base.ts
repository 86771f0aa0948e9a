/**
 * What every `tf.layers` layer shares, as TF 1.15's `tf.layers.Layer` (a Keras layer in a
 * variable scope) does it: names made unique per graph (`conv2d`, `conv2d_1`), variables made
 * by `get_variable` in the layer's variable scope on its first call, ops in that scope's name
 * scope (re-entered on later calls), Keras' input-rank checks and `conv_utils`' argument
 * normalization with their error texts.
 */
import type { EngineContext } from "../context.js";
import type { Tensor } from "../graph.js";
import type { Variable } from "../variables.js";
import { ValueError } from "../errors.js";
import { unbox } from "../pyfloat.js";
import { pyStr } from "../format/python.js";
import { VariableScope, withVariableScope } from "../variable_scope.js";

/**
 * Keras' layer naming: `dense`, then `dense_1`, ... per graph and base name.
 * @example
 * uniqueLayerName(ctx, "conv2d") // "conv2d", then "conv2d_1"
 */
export function uniqueLayerName(ctx: EngineContext, base: string): string {
  const g = ctx.defaultGraph();
  let counts = g._extensions.get("layer_names") as Map<string, number> | undefined;
  if (!counts) g._extensions.set("layer_names", (counts = new Map()));
  const n = counts.get(base) ?? 0;
  counts.set(base, n + 1);
  return n === 0 ? base : `${base}_${n}`;
}

/**
 * Runs a layer's body in its variable scope: the first call opens the scope `name` (and keeps
 * it); later calls re-enter it, so variables are found again and ops land in the same name
 * scope (`conv2d/Conv2D`, then `conv2d/Conv2D_1`).
 */
export class LayerScope {
  private scope: VariableScope | null = null;

  constructor(
    private readonly ctx: EngineContext,
    readonly name: string,
    private readonly reuse: boolean | null,
  ) {}

  /** Calls `body` inside the layer's scopes. */
  enter<T>(body: () => T): T {
    const opts = { default_name: null, initializer: null, regularizer: null, reuse: this.reuse ?? null, dtype: null, auxiliary_name_scope: true };
    return withVariableScope(this.ctx, this.scope ?? this.name, opts, (vs) => {
      this.scope ??= vs;
      return body();
    });
  }
}

/** Keras' `InputSpec` rank check: `Input 0 of layer conv2d is incompatible with the layer: ...`. */
export function checkInputRank(layer: string, x: Tensor, spec: { ndim?: number; minNdim?: number }): void {
  const ndim = x.shape.ndims;
  const head = `Input 0 of layer ${layer} is incompatible with the layer: `;
  if (ndim === null) {
    if (spec.ndim !== undefined || spec.minNdim !== undefined) throw new ValueError(`${head}its rank is undefined, but the layer requires a defined rank.`);
    return;
  }
  const full = pyStr(x.shape.as_list());
  if (spec.ndim !== undefined && ndim !== spec.ndim) throw new ValueError(`${head}expected ndim=${spec.ndim}, found ndim=${ndim}. Full shape received: ${full}`);
  if (spec.minNdim !== undefined && ndim < spec.minNdim) {
    throw new ValueError(`${head}: expected min_ndim=${spec.minNdim}, found ndim=${ndim}. Full shape received: ${full}`);
  }
}

/**
 * `conv_utils.normalize_tuple`: an int is repeated `n` times; otherwise exactly `n` ints.
 * @example
 * normalizeTuple(5, 2, "kernel_size") // [5, 5]
 */
export function normalizeTuple(value: unknown, n: number, name: string): number[] {
  const v = unbox(value as number);
  if (typeof v === "number" && Number.isInteger(v)) return new Array<number>(n).fill(v);
  const fail = (extra = ""): never => {
    throw new ValueError(`The \`${name}\` argument must be a tuple of ${n} integers. Received: ${pyStr(value)}${extra}`);
  };
  if (!Array.isArray(value)) return fail();
  if (value.length !== n) fail();
  return value.map((item) => {
    const x = unbox(item as number);
    if (typeof x !== "number" || !Number.isFinite(x)) fail(` including element ${pyStr(item)} of type <class '${typeof item === "string" ? "str" : "NoneType"}'>`);
    return Math.trunc(x as number);
  });
}

/** `conv_utils.normalize_padding` (a string; lists are Keras' own explicit form, not TF 1.15's layers). */
export function normalizePadding(value: unknown): "valid" | "same" {
  const padding = String(value).toLowerCase();
  if (padding === "causal") throw new ValueError("The playground's 2-D layers take padding \"valid\" or \"same\" (\"causal\" is only for `Conv1D`).");
  if (padding !== "valid" && padding !== "same") {
    throw new ValueError(`The \`padding\` argument must be a list/tuple or one of "valid", "same" (or "causal", only for \`Conv1D). Received: ${padding}`);
  }
  return padding;
}

/** `conv_utils.normalize_data_format`: only `channels_last` runs on TF's CPU kernels (and here). */
export function normalizeDataFormat(value: unknown): "channels_last" {
  const format = value === null || value === undefined ? "channels_last" : String(value).toLowerCase();
  if (format === "channels_first") {
    throw new ValueError("The playground runs TF's CPU kernels, which only take data_format \"channels_last\" (NHWC) for 2-D convolution and pooling.");
  }
  if (format !== "channels_last") throw new ValueError(`The \`data_format\` argument must be one of "channels_first", "channels_last". Received: ${String(value)}`);
  return format;
}

/** A layer's `pool_size`, `kernel_size` or `strides`: one int for both, or two. */
export type IntPair = number | number[];

/** A layer object: call it on a tensor to add its nodes. */
export interface Layer {
  (inputs: unknown, ...rest: unknown[]): Tensor;
  /** The layer's name (`conv2d`, `conv2d_1`, ...). */
  readonly name: string;
  /** The layer's variables (none for pooling, flatten and dropout). */
  readonly trainable_weights: Variable[];
  __repr__(): string;
}

/** Makes the callable layer object: name, weights and repr around `call`. */
export function layerObject<L extends Layer>(name: string, cls: string, module: string, call: (inputs: unknown, ...rest: unknown[]) => Tensor, weights: () => Variable[]): L {
  const layer = call as L;
  Object.defineProperty(layer, "name", { value: name });
  Object.defineProperty(layer, "trainable_weights", { get: () => weights().slice() });
  layer.__repr__ = () => `<tensorflow.python.layers.${module}.${cls} object>`;
  return layer;
}

