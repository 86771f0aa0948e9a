/**
 * `tf.data.Dataset` as TF 1.15's DatasetV1 builds it (python/data/ops/dataset_ops.py): each
 * method adds the dataset op TF adds (with its inputs converted to int64 constants named as TF
 * names them: `count`, `batch_size`, `buffer_size`, `seed`, ...) and returns a new Dataset
 * over it. A dataset knows its element's structure (tuple, dict or single component) and each
 * component's dtype and static shape, as `output_types` / `output_shapes` report them.
 */
import type { EngineContext } from "../../context.js";
import { bool, int64 } from "../../dtypes.js";
import { PyTypeError, ValueError } from "../../errors.js";
import { pyStr } from "../../format/python.js";
import { Operation, Tensor } from "../../graph.js";
import { TensorShape } from "../../shape.js";
import { bind } from "../../pycall.js";
import { isPlainObject } from "../../format/pytypes.js";
import { constValueOf } from "../../ops/support/const_value.js";
import { unbox } from "../../pyfloat.js";
import { getSeed } from "../../random/seeds.js";
import { applyOp } from "../apply.js";
import { convertToTensor } from "../convert_tensor.js";
import { buildersFor } from "../builders.js";
import { ComponentSpec, flattenElement, isTupleStructure, mapElement, packElement, specsOf } from "./structure.js";
import { traceFunction } from "./trace.js";
import { makeInitializableIterator, makeOneShotIterator, type IteratorV1 } from "./iterator.js";
import { structureText } from "./text.js";

/**
 * An element (or its types or shapes): a tensor, or a tuple (array) or dict of them. Typed
 * `any` on purpose, as tf.cond's results are: the learner's editor then takes `const [x, y] =`
 * and untyped `(x) => ...` functions as Python does.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Element = any;

/** A function a learner passes to `map` / `filter`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ElementFn = (...components: any[]) => any;

export class DatasetV1 {
  /** @internal */
  constructor(
    /** @internal */ readonly _ctx: EngineContext,
    /** The dataset op's output: a variant scalar. */
    readonly _variant_tensor: Tensor,
    /** The element's structure, each component as a ComponentSpec. */
    readonly element_spec: unknown,
  ) {}

  /** @internal The flat component specs. */
  get _specs(): ComponentSpec[] {
    return flattenElement(this.element_spec) as ComponentSpec[];
  }

  /** @internal The attrs every dataset op carries. */
  get _flatStructure(): { output_types: unknown[]; output_shapes: unknown[] } {
    const specs = this._specs;
    return { output_types: specs.map((s) => s.dtype), output_shapes: specs.map((s) => s.shape) };
  }

  /**
   * The dtype of each component, in the element's structure.
   * @example
   * print(tf.data.Dataset.range(3).output_types); // <dtype: 'int64'>
   */
  get output_types(): Element {
    return mapElement(this.element_spec, (s) => (s as ComponentSpec).dtype);
  }

  /**
   * The static shape of each component, in the element's structure.
   * @example
   * print(tf.data.Dataset.from_tensor_slices(tf.zeros([4, 10])).output_shapes); // (10,)
   */
  get output_shapes(): Element {
    return mapElement(this.element_spec, (s) => (s as ComponentSpec).shape);
  }

  /** The class of each component (always `Tensor` here: no sparse tensors). */
  get output_classes(): Element {
    return mapElement(this.element_spec, () => Tensor);
  }

  private unary(type: string, inputs: unknown[], attrs: Record<string, unknown> = {}, spec: unknown = this.element_spec): DatasetV1 {
    const ds = new DatasetV1(this._ctx, null as unknown as Tensor, spec);
    const op = applyOp(this._ctx, type, [this._variant_tensor, ...inputs], { ...attrs, ...ds._flatStructure });
    return new DatasetV1(this._ctx, op.outputs[0], spec);
  }

  private int64(value: unknown, name: string): Tensor {
    return convertToTensor(this._ctx, value === null ? -1 : value, { dtype: int64, name });
  }

  /**
   * A dataset of `map_func`'s results on each element. The function is traced once into a
   * function graph (`__inference_Dataset_map_<name>_<n>`); a tuple element is passed as
   * separate arguments.
   * @example
   * const ds = tf.data.Dataset.range(3).map((x) => x * 2);
   */
  map(map_func: ElementFn, num_parallel_calls?: unknown): DatasetV1 {
    void [map_func, num_parallel_calls];
    const [f] = bind("map", ["map_func", ["num_parallel_calls", null]], [...arguments]) as [ElementFn];
    const traced = this.trace("Dataset_map", "map", f);
    const spec = mapElement(traced.structure, (t) => new ComponentSpec((t as Tensor).dtype.base_dtype, (t as Tensor).shape));
    const fn = traced.fn;
    const ds = new DatasetV1(this._ctx, null as unknown as Tensor, spec);
    const op = applyOp(this._ctx, "MapDataset", [this._variant_tensor, [...fn.captured]], {
      f: fn,
      Targuments: fn.captured.map((t) => t.dtype.base_dtype),
      ...ds._flatStructure,
      use_inter_op_parallelism: true,
      preserve_cardinality: false,
    });
    return new DatasetV1(this._ctx, op.outputs[0], spec);
  }

  /**
   * The elements for which `predicate` returns true (a scalar bool tensor).
   * @example
   * const evens = tf.data.Dataset.range(10).filter((x) => tf.equal(x % 2, 0));
   */
  filter(predicate: ElementFn): DatasetV1 {
    void predicate;
    const [f] = bind("filter", ["predicate"], [...arguments]) as [ElementFn];
    const traced = this.trace("Dataset_filter", "filter", f);
    const out = traced.outputs;
    if (out.length !== 1 || Array.isArray(traced.structure) || isPlainObject(traced.structure) || out[0].dtype.base_dtype !== bool || !out[0].shape.is_compatible_with(new TensorShape([]))) {
      const spec = mapElement(traced.structure, (t) => new ComponentSpec((t as Tensor).dtype.base_dtype, (t as Tensor).shape).__repr__());
      throw new ValueError(`\`predicate\` return type must be convertible to a scalar boolean tensor. Was ${structureText(spec)}.`);
    }
    const fn = traced.fn;
    return this.unary("FilterDataset", [[...fn.captured]], { predicate: fn, Targuments: fn.captured.map((t) => t.dtype.base_dtype) });
  }

  private trace(transformation: string, method: string, f: ElementFn) {
    if (typeof f !== "function") throw new PyTypeError(`'${typeof f}' object is not callable`);
    const structure = this.element_spec;
    return traceFunction(this._ctx, transformation, f, this._specs, (args) => {
      const element = packElement(structure, args);
      void method;
      return isTupleStructure(structure) ? f(...(element as unknown[])) : f(element);
    });
  }

  /**
   * Stacks `batch_size` consecutive elements into one; the last batch may be smaller unless
   * `drop_remainder`.
   * @example
   * const batches = tf.data.Dataset.range(10).batch(4); // [0 1 2 3], [4 5 6 7], [8 9]
   */
  batch(batch_size: unknown, drop_remainder?: unknown): DatasetV1 {
    void [batch_size, drop_remainder];
    const [batchSize, dropRemainder] = bind("batch", ["batch_size", ["drop_remainder", false]], [...arguments]);
    const size = this.int64(batchSize, "batch_size");
    const drop = convertToTensor(this._ctx, dropRemainder, { dtype: bool, name: "drop_remainder" });
    const constDrop = constValueOf(drop);
    const constSize = constValueOf(size);
    const dim = constDrop !== null && constDrop.data[0] && constSize !== null ? Number(constSize.data[0]) : null;
    const spec = mapElement(this.element_spec, (s) => {
      const c = s as ComponentSpec;
      return new ComponentSpec(c.dtype, c.shape.dims === null ? TensorShape.unknown() : new TensorShape([dim, ...c.shape.dims]));
    });
    return this.unary("BatchDatasetV2", [size, drop], { parallel_copy: false }, spec);
  }

  /**
   * Like `batch`, with each component padded (with `padding_values`, default 0 or "") to
   * `padded_shapes`, a shape per component in the element's structure; a dimension of null
   * (or -1) pads to the longest in the batch.
   * @example
   * const ds = tf.data.Dataset.range(1, 4).map((x) => tf.fill([x], x)).padded_batch(2, [null]);
   * // [[1 0] [2 2]], then [[3 3 3]]
   */
  padded_batch(batch_size: unknown, padded_shapes: unknown, padding_values?: unknown, drop_remainder?: unknown): DatasetV1 {
    void [batch_size, padded_shapes, padding_values, drop_remainder];
    const [batchSize, shapesArg, valuesArg, dropArg] = bind("padded_batch", ["batch_size", "padded_shapes", ["padding_values", null], ["drop_remainder", false]], [...arguments]);
    const ctx = this._ctx;
    const specs = this._specs;
    const size = this.int64(batchSize, "batch_size");
    // padded_shapes and padding_values follow the element's structure (TF's flatten_up_to).
    const flatShapes = upTo(this.element_spec, shapesArg, "padded_shapes");
    const shapeTensors = flatShapes.map((shape, i) => {
      const dims = shape instanceof TensorShape ? shape.dims : (shape as (number | null)[] | null);
      if (dims === null || !Array.isArray(dims)) throw new ValueError(`Padded shape ${pyStr(shape)} must be a 1-D tensor of tf.int64 values, but its shape was <unknown>.`);
      const padded = new TensorShape(dims.map((d) => (d === null || d === -1 ? null : Number(unbox(d)))));
      if (!paddedCompatible(padded, specs[i].shape)) {
        throw new ValueError(`The padded shape ${String(padded)} is not compatible with the corresponding input component shape ${String(specs[i].shape)}.`);
      }
      return { padded, tensor: convertToTensor(ctx, padded.dims!.map((d) => (d === null ? -1 : d)), { dtype: int64 }) };
    });
    const flatValues = valuesArg === null ? specs.map((s) => (s.dtype.name === "string" ? "" : 0)) : upTo(this.element_spec, valuesArg, "padding_values");
    const valueTensors = flatValues.map((v, i) => {
      const t = convertToTensor(ctx, v, { name: "padding_value", dtype: v instanceof Tensor ? null : specs[i].dtype });
      if (!t.shape.is_compatible_with(new TensorShape([]))) throw new ValueError(`Padding value should be a scalar, but is not: ${t}`);
      if (t.dtype.base_dtype !== specs[i].dtype) throw new PyTypeError(`Padding value tensor (${t}) does not match output type: ${specs[i].dtype}`);
      return t;
    });
    const drop = convertToTensor(ctx, dropArg, { dtype: bool, name: "drop_remainder" });
    const constDrop = constValueOf(drop);
    const constSize = constValueOf(size);
    const dim = constDrop !== null && constDrop.data[0] && constSize !== null ? Number(constSize.data[0]) : null;
    const spec = packElement(
      this.element_spec,
      specs.map((s, i) => new ComponentSpec(s.dtype, new TensorShape([dim, ...shapeTensors[i].padded.dims!]))),
    );
    const staticFalse = constDrop !== null && !constDrop.data[0];
    const inputs: unknown[] = [size, shapeTensors.map((x) => x.tensor), valueTensors];
    if (!staticFalse) inputs.push(drop);
    return this.unary(staticFalse ? "PaddedBatchDataset" : "PaddedBatchDatasetV2", inputs, { Toutput_types: specs.map((s) => s.dtype) }, spec);
  }

  /**
   * The elements in a random order, drawn from a buffer of `buffer_size` elements; seeded as
   * TF seeds it, a seeded shuffle gives TF's order. Reshuffled for each new pass (each epoch of
   * a `repeat`) unless `reshuffle_each_iteration` is false.
   * @example
   * const shuffled = tf.data.Dataset.range(10).shuffle(10, {seed: 1});
   */
  shuffle(buffer_size: unknown, seed?: unknown, reshuffle_each_iteration?: unknown): DatasetV1 {
    void [buffer_size, seed, reshuffle_each_iteration];
    const [bufferSize, seedArg, reshuffle] = bind("shuffle", ["buffer_size", ["seed", null], ["reshuffle_each_iteration", null]], [...arguments]);
    const size = this.int64(bufferSize, "buffer_size");
    const [s1, s2] = this.seeds(seedArg);
    return this.unary("ShuffleDataset", [size, s1, s2], { reshuffle_each_iteration: reshuffle === null ? true : Boolean(reshuffle) });
  }

  /** TF's `tf.data` get_seed: the seeds as int64 tensors named `seed` and `seed2`. */
  private seeds(seed: unknown): [Tensor, Tensor] {
    const ctx = this._ctx;
    const g = ctx.defaultGraph();
    const [s1, s2] = getSeed(g.seed, seed === null || seed === undefined ? null : Number(unbox(seed)), g._last_id);
    const seedT = convertToTensor(ctx, s1 ?? 0, { dtype: int64, name: "seed" });
    if (s2 === null) return [seedT, convertToTensor(ctx, 0, { dtype: int64, name: "seed2" })];
    // TF: seed2 = where(seed == 0 and seed2 == 0, 2**31 - 1, seed2), in a scope named seed2.
    const tf = buildersFor(ctx);
    const seed2 = g.name_scope("seed2", (scope) => {
      const s = convertToTensor(ctx, s2, { dtype: int64 });
      const both = tf.logical_and(tf.equal(seedT, 0), tf.equal(s, 0));
      return tf.where(both, convertToTensor(ctx, 2 ** 31 - 1, { dtype: int64 }), s, scope);
    });
    return [seedT, seed2 as Tensor];
  }

  /**
   * The dataset `count` times over (forever when `count` is null or -1).
   * @example
   * const twice = tf.data.Dataset.range(3).repeat(2); // 0 1 2 0 1 2
   */
  repeat(count?: unknown): DatasetV1 {
    void count;
    const [n] = bind("repeat", [["count", null]], [...arguments]);
    return this.unary("RepeatDataset", [this.int64(n, "count")]);
  }

  /**
   * This dataset's elements, then `dataset`'s (of the same types; shapes are merged).
   * @example
   * const a = tf.data.Dataset.range(1, 4).concatenate(tf.data.Dataset.range(4, 8)); // 1 2 3 4 5 6 7
   */
  concatenate(dataset: DatasetV1): DatasetV1 {
    void dataset;
    const [other] = bind("concatenate", ["dataset"], [...arguments]) as [DatasetV1];
    const mine = this._specs;
    const theirs = other instanceof DatasetV1 ? other._specs : [];
    const types = (d: DatasetV1) => structureText(mapElement(d.element_spec, (s) => (s as ComponentSpec).dtype.__repr__()));
    if (!(other instanceof DatasetV1)) throw new PyTypeError("concatenate() expects a tf.data.Dataset");
    if (mine.length !== theirs.length || mine.some((s, i) => s.dtype !== theirs[i].dtype)) {
      throw new PyTypeError(`Two datasets to concatenate have different types ${types(this)} and ${types(other)}`);
    }
    const flat = mine.map((s, i) => new ComponentSpec(s.dtype, mostSpecificCompatible(s.shape, theirs[i].shape)));
    return this.unary("ConcatenateDataset", [other._variant_tensor], {}, packElement(this.element_spec, flat));
  }

  /**
   * At most the first `count` elements (-1: all).
   * @example
   * const first = tf.data.Dataset.range(10).take(3); // 0 1 2
   */
  take(count: unknown): DatasetV1 {
    void count;
    const [n] = bind("take", ["count"], [...arguments]);
    return this.unary("TakeDataset", [this.int64(n, "count")]);
  }

  /**
   * All but the first `count` elements.
   * @example
   * const rest = tf.data.Dataset.range(10).skip(7); // 7 8 9
   */
  skip(count: unknown): DatasetV1 {
    void count;
    const [n] = bind("skip", ["count"], [...arguments]);
    return this.unary("SkipDataset", [this.int64(n, "count")]);
  }

  /**
   * The same elements, prepared ahead by up to `buffer_size` (in the playground's single
   * thread nothing runs ahead: the elements and their order are the same).
   * @example
   * const ds = tf.data.Dataset.range(10).batch(2).prefetch(1);
   */
  prefetch(buffer_size: unknown): DatasetV1 {
    void buffer_size;
    const [bufferSize] = bind("prefetch", ["buffer_size"], [...arguments]);
    return this.unary("PrefetchDataset", [this.int64(bufferSize, "buffer_size")]);
  }

  /**
   * An iterator that starts itself on its first run (no initializer), once per session.
   * @example
   * const next = tf.data.Dataset.range(3).make_one_shot_iterator().get_next();
   */
  make_one_shot_iterator(): IteratorV1 {
    return makeOneShotIterator(this);
  }

  /**
   * An iterator that yields nothing until its `initializer` runs (feeding the placeholders the
   * dataset was built from); running it again starts over.
   * @example
   * const it = tf.data.Dataset.range(3).make_initializable_iterator();
   * sess.run(it.initializer);
   */
  make_initializable_iterator(shared_name?: string | null): IteratorV1 {
    void shared_name;
    const [sharedName] = bind("make_initializable_iterator", [["shared_name", null]], [...arguments]);
    return makeInitializableIterator(this, (sharedName as string | null) ?? "");
  }

  /** Python's `repr`: `<DatasetV1Adapter shapes: (), types: tf.int64>`. */
  __repr__(): string {
    const shapes = structureText(mapElement(this.element_spec, (s) => String((s as ComponentSpec).shape)));
    const types = structureText(mapElement(this.element_spec, (s) => (s as ComponentSpec).dtype.__repr__()));
    return `<DatasetV1Adapter shapes: ${shapes}, types: ${types}>`;
  }

  toString(): string {
    return this.__repr__();
  }
}

/** The leaves of `value` where `structure` (an element spec) has its components (TF's flatten_up_to). */
function upTo(structure: unknown, value: unknown, what: string): unknown[] {
  if (structure instanceof ComponentSpec) return [value];
  if (Array.isArray(structure)) {
    if (!Array.isArray(value) || value.length !== structure.length) throw new ValueError(`The two structures don't have the same sequence length. Input structure has length ${structure.length}, while shallow structure has length ${Array.isArray(value) ? value.length : 1}. (${what})`);
    return structure.flatMap((s, i) => upTo(s, value[i], what));
  }
  const dict = structure as Record<string, unknown>;
  if (!isPlainObject(value)) throw new PyTypeError(`If shallow structure is a sequence, input must also be a sequence. Input has type: <class '${typeof value}'>. (${what})`);
  return Object.keys(dict).sort().flatMap((k) => upTo(dict[k], value[k], what));
}

/** TF's `_is_padded_shape_compatible_with`: same rank, and a padded dim at least the input's where both are known. */
function paddedCompatible(padded: TensorShape, input: TensorShape): boolean {
  if (padded.dims === null || input.dims === null) return true;
  if (padded.dims.length !== input.dims.length) return false;
  const inDims = input.dims;
  return padded.dims.every((d, i) => d === null || inDims[i] === null || d >= inDims[i]!);
}

/** TF's `most_specific_compatible_shape`: the dims both shapes agree on, unknown elsewhere. */
function mostSpecificCompatible(a: TensorShape, b: TensorShape): TensorShape {
  if (a.dims === null || b.dims === null || a.dims.length !== b.dims.length) return TensorShape.unknown();
  const bd = b.dims;
  return new TensorShape(a.dims.map((d, i) => (d === bd[i] ? d : null)));
}

/** A dataset over a source op (`from_tensor_slices`, `range`, ...). */
export function sourceDataset(ctx: EngineContext, type: string, inputs: unknown[], spec: unknown, attrs: Record<string, unknown> = {}): DatasetV1 {
  const flat = flattenElement(spec) as ComponentSpec[];
  const op: Operation = applyOp(ctx, type, inputs, { ...attrs, output_types: flat.map((s) => s.dtype), output_shapes: flat.map((s) => s.shape) });
  return new DatasetV1(ctx, op.outputs[0], spec);
}

/** The component specs of tensors, in their structure. */
export function specStructure(structure: unknown, tensors: readonly Tensor[]): unknown {
  return packElement(structure, specsOf(tensors));
}

