/**
 * The dataset ops of `tf.data` (TF 1.15's dataset_ops.cc): each makes a dataset — a `variant`
 * scalar — from its inputs; nothing is read until an iterator asks for elements. They are pure
 * (the same inputs make the same dataset), except ShuffleDataset, which picks random seeds
 * when the program gave none, as TF does each time it runs.
 */
import { DType, bool, int64, variant } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, type Effect, type InputSpec, type KernelContext } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import { TensorShape } from "../../shape.js";
import type { GraphFunction } from "../../function_graph.js";
import {
  BatchDataset,
  ConcatenateDataset,
  Dataset,
  FilterDataset,
  MapDataset,
  RangeDataset,
  RepeatDataset,
  SkipDataset,
  TakeDataset,
  TensorDataset,
  TensorSliceDataset,
  ZipDataset,
} from "./datasets.js";
import { ShuffleDataset } from "./shuffle.js";
import { PaddedBatchDataset } from "./padded_batch.js";
import { datasetOf, datasetValue } from "./variant.js";

/** The attrs every dataset op carries: its element's flat component dtypes and shapes. */
export interface Structure {
  output_types: DType[];
  output_shapes: TensorShape[];
}

/**
 * A dataset op: a pure node (unless `effects` says otherwise) whose value is a `variant` scalar
 * holding the Dataset `make` builds from the inputs; not differentiable.
 */
function datasetOp<A extends object>(spec: { type: string; doc: string; inputs: InputSpec[]; make: (inputs: NDArray[], k: KernelContext<A>) => Dataset; effects?: Effect[] }) {
  return defineOp<A>({
    type: spec.type,
    doc: spec.doc,
    inputs: spec.inputs,
    effects: spec.effects ?? [],
    inferDtype: () => [variant],
    inferShape: () => [new TensorShape([])],
    kernel: (inputs, k) => datasetValue(spec.make(inputs, k)),
    gradient: null,
  });
}

const num = (a: NDArray): number => Number(a.data[0]);
/** Copies: a kernel's inputs are buffers the producing steps reuse in later runs. */
const copies = (xs: readonly NDArray[]): NDArray[] => xs.map((x) => x.copy());

export const TensorSliceDatasetOp = datasetOp<{ Toutput_types: DType[]; output_shapes: TensorShape[] }>({
  type: "TensorSliceDataset",
  doc: "A dataset whose elements are the rows (slices along the first axis) of its components.",
  inputs: [{ name: "components", list: true }],
  make: (components) => new TensorSliceDataset(copies(components)),
});

export const TensorDatasetOp = datasetOp<{ Toutput_types: DType[]; output_shapes: TensorShape[] }>({
  type: "TensorDataset",
  doc: "A dataset with one element: its components.",
  inputs: [{ name: "components", list: true }],
  make: (components) => new TensorDataset(copies(components)),
});

export const RangeDatasetOp = datasetOp<Structure>({
  type: "RangeDataset",
  doc: "A dataset of the int64 numbers start, start + step, ... before stop.",
  inputs: [
    { name: "start", dtype: int64 },
    { name: "stop", dtype: int64 },
    { name: "step", dtype: int64 },
  ],
  make: ([start, stop, step]) => new RangeDataset(num(start), num(stop), num(step)),
});

type FunctionAttrs = Structure & { f?: GraphFunction; predicate?: GraphFunction; Targuments: DType[] };

export const MapDatasetOp = datasetOp<FunctionAttrs>({
  type: "MapDataset",
  doc: "A dataset of `f`'s results on each element of its input (`f` is a function traced from the program's).",
  inputs: [{ name: "input_dataset", dtype: variant }, { name: "other_arguments", list: true }],
  make: ([input, ...captured], k) => new MapDataset(datasetOf(input), k.attrs.f!, copies(captured)),
});

export const FilterDatasetOp = datasetOp<FunctionAttrs>({
  type: "FilterDataset",
  doc: "A dataset of the elements of its input for which `predicate` is true.",
  inputs: [{ name: "input_dataset", dtype: variant }, { name: "other_arguments", list: true }],
  make: ([input, ...captured], k) => new FilterDataset(datasetOf(input), k.attrs.predicate!, copies(captured)),
});

export const BatchDatasetV2Op = datasetOp<Structure & { parallel_copy: boolean }>({
  type: "BatchDatasetV2",
  doc: "A dataset of `batch_size` consecutive elements of its input, stacked.",
  inputs: [
    { name: "input_dataset", dtype: variant },
    { name: "batch_size", dtype: int64 },
    { name: "drop_remainder", dtype: bool },
  ],
  make: ([input, size, drop]) => new BatchDataset(datasetOf(input), num(size), drop.data[0] === 1),
});

export const ShuffleDatasetOp = datasetOp<Structure & { reshuffle_each_iteration: boolean }>({
  type: "ShuffleDataset",
  doc: "A dataset of its input's elements in a random order, drawn from a buffer of `buffer_size` elements.",
  inputs: [
    { name: "input_dataset", dtype: variant },
    { name: "buffer_size", dtype: int64 },
    { name: "seed", dtype: int64 },
    { name: "seed2", dtype: int64 },
  ],
  // Seeds (0, 0) mean "pick random ones", afresh each time the op runs.
  effects: ["random"],
  make: ([input, bufferSize, seed, seed2], k) => {
    const size = num(bufferSize);
    if (size <= 0) throw new InvalidArgumentError("buffer_size must be greater than zero.");
    let [s, s2] = [num(seed), num(seed2)];
    if (s === 0 && s2 === 0) [s, s2] = [k.seed(), k.seed()];
    return new ShuffleDataset(datasetOf(input), size, s, s2, k.attrs.reshuffle_each_iteration !== false);
  },
});

export const RepeatDatasetOp = datasetOp<Structure>({
  type: "RepeatDataset",
  doc: "A dataset that repeats its input `count` times (-1: forever).",
  inputs: [
    { name: "input_dataset", dtype: variant },
    { name: "count", dtype: int64 },
  ],
  make: ([input, count]) => new RepeatDataset(datasetOf(input), num(count)),
});

export const TakeDatasetOp = datasetOp<Structure>({
  type: "TakeDataset",
  doc: "A dataset of at most the first `count` elements of its input (-1: all).",
  inputs: [
    { name: "input_dataset", dtype: variant },
    { name: "count", dtype: int64 },
  ],
  make: ([input, count]) => new TakeDataset(datasetOf(input), num(count)),
});

export const SkipDatasetOp = datasetOp<Structure>({
  type: "SkipDataset",
  doc: "A dataset of its input's elements after the first `count` (-1: none).",
  inputs: [
    { name: "input_dataset", dtype: variant },
    { name: "count", dtype: int64 },
  ],
  make: ([input, count]) => new SkipDataset(datasetOf(input), num(count)),
});

export const ZipDatasetOp = datasetOp<Structure & { N: number }>({
  type: "ZipDataset",
  doc: "A dataset whose elements join one element of each input, until the shortest ends.",
  inputs: [{ name: "input_datasets", dtype: variant, list: true }],
  make: (inputs) => new ZipDataset(inputs.map(datasetOf)),
});

export const PrefetchDatasetOp = datasetOp<Structure>({
  type: "PrefetchDataset",
  doc: "Its input's elements, prepared ahead (here nothing runs ahead: the same elements in the same order).",
  inputs: [
    { name: "input_dataset", dtype: variant },
    { name: "buffer_size", dtype: int64 },
  ],
  make: ([input]) => datasetOf(input),
});

export const ConcatenateDatasetOp = datasetOp<Structure>({
  type: "ConcatenateDataset",
  doc: "A dataset of its input's elements followed by `another_dataset`'s.",
  inputs: [
    { name: "input_dataset", dtype: variant },
    { name: "another_dataset", dtype: variant },
  ],
  make: ([a, b]) => new ConcatenateDataset(datasetOf(a), datasetOf(b)),
});

/** PaddedBatchDataset's kernel: the padded shapes (int64 vectors, -1 for "the longest") and scalar padding values. */
function paddedBatch(input: NDArray, size: NDArray, rest: NDArray[], drop: boolean): Dataset {
  const n = rest.length / 2;
  const shapes = rest.slice(0, n);
  const values = rest.slice(n);
  if (shapes.some((s) => s.shape.length !== 1)) throw new InvalidArgumentError("All padded shapes must be vectors");
  if (values.some((v) => v.shape.length !== 0)) throw new InvalidArgumentError("All padding values must be scalars");
  return new PaddedBatchDataset(datasetOf(input), num(size), shapes.map((s) => Array.from(s.data as Float64Array)), copies(values), drop);
}

export const PaddedBatchDatasetOp = datasetOp<Structure & { Toutput_types: DType[]; N: number }>({
  type: "PaddedBatchDataset",
  doc: "A dataset of `batch_size` consecutive elements of its input, each padded to `padded_shapes` with `padding_values`, stacked.",
  inputs: [
    { name: "input_dataset", dtype: variant },
    { name: "batch_size", dtype: int64 },
    { name: "padded_shapes", dtype: int64, list: true },
    { name: "padding_values", list: true },
  ],
  make: ([input, size, ...rest]) => paddedBatch(input, size, rest, false),
});

export const PaddedBatchDatasetV2Op = datasetOp<Structure & { Toutput_types: DType[]; N: number }>({
  type: "PaddedBatchDatasetV2",
  doc: "PaddedBatchDataset with a `drop_remainder` input (a last, smaller batch is dropped when true).",
  inputs: [
    { name: "input_dataset", dtype: variant },
    { name: "batch_size", dtype: int64 },
    { name: "padded_shapes", dtype: int64, list: true },
    { name: "padding_values", list: true },
    { name: "drop_remainder", dtype: bool },
  ],
  make: ([input, size, ...rest]) => paddedBatch(input, size, rest.slice(0, -1), rest[rest.length - 1].data[0] === 1),
});
