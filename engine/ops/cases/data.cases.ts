/**
 * Conformance cases of the tf.data ops: each builds a small pipeline and reads its first
 * element through a one-shot iterator (or runs an initializer), so the static shapes the
 * dataset ops declare meet the elements the iterator yields.
 */
import type { DType } from "../../dtypes.js";
import type { Tensor } from "../../graph.js";
import type { TF } from "../../tf.js";
import type { OpCase, Value } from "./types.js";

type Build = (tf: TF, dt: DType) => { ds: ReturnType<TF["data"]["Dataset"]["range"]>; feeds: [Tensor, Value][] };

/** The first element of the dataset `build` makes. */
function first(op: string, name: string, build: Build): OpCase {
  return {
    op,
    name,
    build: (tf, dt) => {
      const { ds, feeds } = build(tf, dt);
      const next = ds.make_one_shot_iterator().get_next();
      return { y: Array.isArray(next) ? next[0] : next, feeds };
    },
    grad: false,
  };
}

// Constants, not placeholders: a one-shot iterator cannot capture a placeholder (as in TF).
const slices: Build = (tf, dt) => ({ ds: tf.data.Dataset.from_tensor_slices(tf.constant([[1, 2], [3, 4], [5, 6]], dt)), feeds: [] });

export const dataCases: OpCase[] = [
  first("TensorSliceDataset", "yields the rows of its component", slices),
  first("TensorDataset", "yields its components once", (tf, dt) => ({ ds: tf.data.Dataset.from_tensors(tf.constant([1, 2], dt)), feeds: [] })),
  first("RangeDataset", "yields int64 numbers", (tf) => ({ ds: tf.data.Dataset.range(2, 9, 3), feeds: [] })),
  first("MapDataset", "yields the function's results", (tf, dt) => {
    const { ds, feeds } = slices(tf, dt);
    return { ds: ds.map((row: Tensor) => tf.reduce_sum(row)), feeds };
  }),
  first("FilterDataset", "yields the rows the predicate keeps", (tf, dt) => {
    const { ds, feeds } = slices(tf, dt);
    return { ds: ds.filter((row: Tensor) => tf.greater(tf.reduce_sum(row), 5)), feeds };
  }),
  first("BatchDatasetV2", "stacks consecutive rows", (tf, dt) => {
    const { ds, feeds } = slices(tf, dt);
    return { ds: ds.batch(2, true), feeds };
  }),
  first("PaddedBatchDataset", "pads rows to the batch's longest", (tf, dt) => {
    const { ds, feeds } = slices(tf, dt);
    return { ds: ds.padded_batch(2, [null]), feeds };
  }),
  first("PaddedBatchDatasetV2", "pads rows to a fixed shape, dropping a short last batch", (tf, dt) => {
    const { ds, feeds } = slices(tf, dt);
    return { ds: ds.padded_batch(2, [4], null, true), feeds };
  }),
  first("ShuffleDataset", "yields a row drawn from its buffer", (tf, dt) => {
    const { ds, feeds } = slices(tf, dt);
    return { ds: ds.shuffle(3, 1), feeds };
  }),
  first("RepeatDataset", "starts its input over", (tf, dt) => {
    const { ds, feeds } = slices(tf, dt);
    return { ds: ds.repeat(2), feeds };
  }),
  first("TakeDataset", "yields the first rows", (tf, dt) => {
    const { ds, feeds } = slices(tf, dt);
    return { ds: ds.take(1), feeds };
  }),
  first("SkipDataset", "skips the first rows", (tf, dt) => {
    const { ds, feeds } = slices(tf, dt);
    return { ds: ds.skip(2), feeds };
  }),
  first("ZipDataset", "joins one element of each input", (tf, dt) => {
    const { ds, feeds } = slices(tf, dt);
    return { ds: tf.data.Dataset.zip([ds, tf.data.Dataset.range(5)]), feeds };
  }),
  first("ConcatenateDataset", "yields one dataset's elements, then the other's", (tf, dt) => {
    const { ds, feeds } = slices(tf, dt);
    return { ds: ds.take(1).concatenate(ds), feeds };
  }),
  first("PrefetchDataset", "yields its input's elements", (tf, dt) => {
    const { ds, feeds } = slices(tf, dt);
    return { ds: ds.prefetch(1), feeds };
  }),
  first("OneShotIterator", "starts on its first run", slices),
  first("IteratorGetNext", "yields the next element", slices),
  {
    op: "IteratorToStringHandle",
    name: "names the iterator",
    build: (tf) => ({ y: tf.data.Dataset.range(3).make_one_shot_iterator().string_handle(), feeds: [] }),
    grad: false,
  },
  {
    op: "IteratorFromStringHandleV2",
    name: "reads the iterator a string handle names",
    build: (tf) => {
      const it = tf.data.Dataset.range(3).make_one_shot_iterator();
      return { y: tf.data.Iterator.from_string_handle(it.string_handle(), it.output_types, it.output_shapes).get_next(), feeds: [] };
    },
    grad: false,
  },
  ...(["IteratorV2", "MakeIterator"] as const).map(
    (op): OpCase => ({
      op,
      name: "initializes an iterator on a dataset",
      build: (tf, dt) => {
        const { ds, feeds } = slices(tf, dt);
        return { y: ds.make_initializable_iterator().initializer, feeds };
      },
      grad: false,
    }),
  ),
];

/** A FIFOQueue of 2-vectors filled with three rows, and `after(q, filled)` built after the fill. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function queueCase(op: string, name: string, after: (tf: TF, q: any, filled: any, dt: DType) => any, shuffle = false): OpCase {
  return {
    op,
    name,
    build: (tf, dt) => {
      const q = shuffle ? tf.RandomShuffleQueue(5, 0, dt, [[2]], { seed: 1 }) : tf.FIFOQueue(5, dt, [[2]]);
      const filled = q.enqueue_many([tf.constant([[1, 2], [3, 4], [5, 6]], dt)]);
      return { y: tf.get_default_graph().control_dependencies([filled], () => after(tf, q, filled, dt)), feeds: [] };
    },
    grad: false,
  };
}

export const queueCases: OpCase[] = [
  queueCase("FIFOQueueV2", "holds elements in the session", (tf, q) => q.size()),
  queueCase("QueueEnqueueManyV2", "enqueues rows", (tf, q) => q.size()),
  queueCase("QueueEnqueueV2", "enqueues one element", (tf, q, _f, dt) => q.enqueue([tf.constant([7, 8], dt)])),
  queueCase("QueueDequeueV2", "dequeues the first element", (tf, q) => q.dequeue()),
  queueCase("QueueDequeueManyV2", "dequeues a batch", (tf, q) => q.dequeue_many(2)),
  queueCase("QueueSizeV2", "counts the elements", (tf, q) => q.size()),
  queueCase("QueueCloseV2", "closes the queue", (tf, q) => q.close()),
  queueCase("QueueIsClosedV2", "tells whether it is closed", (tf, q) => q.is_closed()),
  queueCase("RandomShuffleQueueV2", "dequeues a random element", (tf, q) => q.dequeue(), true),
];
