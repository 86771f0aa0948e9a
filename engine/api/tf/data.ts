/**
 * `tf.data` (TF 1.15's `tf.compat.v1.data`): datasets built as graph ops, read through
 * iterators the session holds. Iterating is a side effect of `IteratorGetNext`; the end of the
 * data is `tf.errors.OutOfRangeError` ("End of sequence"), which is how a loop over an epoch
 * ends.
 */
import type { EngineContext } from "../../context.js";
import { int64 } from "../../dtypes.js";
import { IndexError, PyTypeError, ValueError } from "../../errors.js";
import { bind } from "../../pycall.js";
import { isPlainObject } from "../../format/pytypes.js";
import { perContext, pyfunc } from "../pyargs.js";
import { convertToTensor } from "../convert_tensor.js";
import { applyOp } from "../apply.js";
import { DatasetV1, sourceDataset } from "../data/dataset.js";
import { iteratorFromStringHandle, iteratorFromStructure, type IteratorV1 } from "../data/iterator.js";
import { ComponentSpec, flattenElement, normalizeElement, packElement } from "../data/structure.js";
import { TensorShape } from "../../shape.js";

/** `tf.data.Dataset`'s constructors. */
export interface DatasetStatics {
  /**
   * A dataset of the rows of `tensors` (each component sliced along its first axis). A tuple
   * (an array holding tensors or arrays) or a dict gives elements of that structure; an array of
   * plain numbers is one tensor, as a Python list is.
   */
  from_tensor_slices(tensors: unknown): DatasetV1;
  /** A dataset with one element: `tensors`. */
  from_tensors(tensors: unknown): DatasetV1;
  /** int64 numbers as Python's `range`: `range(stop)`, `range(start, stop)`, `range(start, stop, step)`. */
  range(...args: unknown[]): DatasetV1;
  /** A dataset of tuples (or dicts) joining one element of each dataset. */
  zip(datasets: unknown): DatasetV1;
}

/**
 * `tf.data.Dataset`: a sequence of elements built as graph ops.
 * @example
 * const ds = tf.data.Dataset.from_tensor_slices([1, 2, 3]).map((x) => x * 2);
 * const next = ds.make_one_shot_iterator().get_next();
 * print(sess.run(next)); // 2
 */
export const Dataset = perContext(
  (ctx: EngineContext): DatasetStatics => ({
    from_tensor_slices: (...args: unknown[]) => fromTensorSlices(ctx, bind("from_tensor_slices", ["tensors"], args, { dictParams: ["tensors"] })[0]),
    from_tensors: (...args: unknown[]) => fromTensors(ctx, bind("from_tensors", ["tensors"], args, { dictParams: ["tensors"] })[0]),
    range: (...args: unknown[]) => range(ctx, args),
    zip: (...args: unknown[]) => zip(ctx, bind("zip", ["datasets"], args, { dictParams: ["datasets"] })[0]),
  }),
);

/** `tf.data.Iterator`'s constructors. */
export interface IteratorStatics {
  /** An iterator for elements of this structure, not bound to a dataset (see `make_initializer`). */
  from_structure(...args: unknown[]): IteratorV1;
  /** A feedable iterator: `get_next` reads the iterator whose `string_handle()` value is fed. */
  from_string_handle(...args: unknown[]): IteratorV1;
}

/**
 * `tf.data.Iterator`: a reinitializable iterator, started on any dataset of its structure.
 * @example
 * const it = tf.data.Iterator.from_structure(train.output_types, train.output_shapes);
 * const initTrain = it.make_initializer(train);
 */
export const Iterator = perContext(
  (ctx: EngineContext): IteratorStatics => ({
    from_structure: (...args: unknown[]) => {
      const [types, shapes, sharedName] = bind("from_structure", ["output_types", ["output_shapes", null], ["shared_name", null], ["output_classes", null]], args);
      return iteratorFromStructure(ctx, types, shapes, sharedName as string | null);
    },
    from_string_handle: (...args: unknown[]) => {
      const [handle, types, shapes] = bind("from_string_handle", ["string_handle", "output_types", ["output_shapes", null], ["output_classes", null]], args);
      return iteratorFromStringHandle(ctx, handle, types, shapes);
    },
  }),
);

/**
 * Same as `dataset.make_one_shot_iterator()` (TF 1.15's `tf.compat.v1.data` function).
 * @example
 * const it = tf.data.make_one_shot_iterator(tf.data.Dataset.range(3));
 */
export const make_one_shot_iterator = pyfunc("make_one_shot_iterator", ["dataset"], (_ctx: EngineContext, dataset: DatasetV1): IteratorV1 => {
  if (!(dataset instanceof DatasetV1)) throw new PyTypeError("make_one_shot_iterator() expects a tf.data.Dataset");
  return dataset.make_one_shot_iterator();
});

/**
 * Same as `dataset.make_initializable_iterator()`.
 * @example
 * const it = tf.data.make_initializable_iterator(tf.data.Dataset.range(3));
 */
export const make_initializable_iterator = pyfunc(
  "make_initializable_iterator",
  ["dataset", "shared_name"],
  (_ctx: EngineContext, dataset: DatasetV1, shared_name: string | null = null): IteratorV1 => {
    if (!(dataset instanceof DatasetV1)) throw new PyTypeError("make_initializable_iterator() expects a tf.data.Dataset");
    return dataset.make_initializable_iterator(shared_name);
  },
);

function fromTensorSlices(ctx: EngineContext, tensors: unknown): DatasetV1 {
  const { structure, tensors: flat } = normalizeElement(ctx, tensors);
  // TF reads the first component's batch dimension (`self._tensors[0]`): an empty structure has none.
  if (flat.length === 0) throw new IndexError("list index out of range");
  const specs = flat.map((t) => {
    const dims = t.shape.dims;
    if (dims !== null && dims.length === 0) throw new ValueError("Unbatching a tensor is only supported for rank >= 1");
    return new ComponentSpec(t.dtype.base_dtype, dims === null ? TensorShape.unknown() : new TensorShape(dims.slice(1)));
  });
  const first = flat[0]?.shape.dims?.[0] ?? null;
  for (const t of flat.slice(1)) {
    const d = t.shape.dims?.[0] ?? null;
    if (first !== null && d !== null && d !== first) throw new ValueError(`Dimensions ${first} and ${d} are not compatible`);
  }
  const spec = packElement(structure, specs);
  const op = applyOp(ctx, "TensorSliceDataset", [flat], { Toutput_types: specs.map((s) => s.dtype), output_shapes: specs.map((s) => s.shape) });
  return new DatasetV1(ctx, op.outputs[0], spec);
}

function fromTensors(ctx: EngineContext, tensors: unknown): DatasetV1 {
  const { structure, tensors: flat } = normalizeElement(ctx, tensors);
  const specs = flat.map((t) => new ComponentSpec(t.dtype.base_dtype, t.shape));
  const op = applyOp(ctx, "TensorDataset", [flat], { Toutput_types: specs.map((s) => s.dtype), output_shapes: specs.map((s) => s.shape) });
  return new DatasetV1(ctx, op.outputs[0], packElement(structure, specs));
}

function range(ctx: EngineContext, args: unknown[]): DatasetV1 {
  const given = args.filter((a) => a !== undefined);
  if (given.length < 1 || given.length > 3) throw new ValueError(`Invalid arguments to RangeDataset: ${given.length}`);
  const [start, stop, step] = given.length === 1 ? [0, given[0], 1] : given.length === 2 ? [given[0], given[1], 1] : given;
  const t = (v: unknown, name: string) => convertToTensor(ctx, v, { dtype: int64, name });
  const inputs = [t(start, "start"), t(stop, "stop"), t(step, "step")];
  return sourceDataset(ctx, "RangeDataset", inputs, new ComponentSpec(int64, new TensorShape([])));
}

function zip(ctx: EngineContext, datasets: unknown): DatasetV1 {
  const check = (d: unknown): void => {
    if (Array.isArray(d)) d.forEach(check);
    else if (isPlainObject(d)) Object.values(d).forEach(check);
    else if (!(d instanceof DatasetV1)) throw new PyTypeError("The argument to `Dataset.zip()` must be a nested structure of `Dataset` objects.");
  };
  check(datasets);
  // The element: the datasets' structures in the same nesting (arrays of datasets are tuples).
  const nest = (d: unknown): unknown => {
    if (Array.isArray(d)) return d.map(nest);
    if (isPlainObject(d)) return Object.fromEntries(Object.entries(d).map(([k, v]) => [k, nest(v)]));
    return (d as DatasetV1).element_spec;
  };
  const flatDatasets: DatasetV1[] = [];
  const collect = (d: unknown): void => {
    if (Array.isArray(d)) d.forEach(collect);
    else if (isPlainObject(d)) for (const k of Object.keys(d).sort()) collect(d[k]);
    else flatDatasets.push(d as DatasetV1);
  };
  collect(datasets);
  if (flatDatasets.length === 0) throw new ValueError("Attr 'N' of 'ZipDataset' Op passed 0 less than minimum 1.");
  const spec = nest(datasets);
  const flat = flattenElement(spec) as ComponentSpec[];
  const op = applyOp(ctx, "ZipDataset", [flatDatasets.map((d) => d._variant_tensor)], { output_types: flat.map((s) => s.dtype), output_shapes: flat.map((s) => s.shape) });
  return new DatasetV1(ctx, op.outputs[0], spec);
}
