/**
 * The queue ops (TF 1.15's data_flow_ops: FIFOQueueV2, RandomShuffleQueueV2, QueueEnqueueV2,
 * QueueDequeueV2, ...). The queue op returns the handle of a queue the session holds (made on
 * its first run); the others act on it. Every change is a side effect of kind `queue` whose
 * target is the queue op and whose `after` is its size (or "closed, N elements"): how the run
 * record and Session memory show a queue. How waiting is decided on one thread: queue.ts.
 */
import { bool, DType, int32, resource } from "../../dtypes.js";
import { CancelledError, FailedPreconditionError, InvalidArgumentError } from "../../errors.js";
import { defineOp, type KernelContext } from "../../op.js";
import { NDArray } from "../../ndarray.js";
import { TensorShape } from "../../shape.js";
import { QueueResource } from "./queue.js";
import { rowOf } from "./datasets.js";

interface QueueAttrs {
  component_types: DType[];
  shapes: TensorShape[];
  capacity: number;
  container: string;
  shared_name: string;
}

function queueOf(k: KernelContext<unknown>, handle: NDArray): QueueResource {
  const q = k.sessionResources().get(String(handle.data[0]));
  if (!(q instanceof QueueResource)) throw new FailedPreconditionError(`Queue ${String(handle.data[0])} does not exist in this session.`, k.op.name);
  return q;
}

/** The handle of the session's queue for this op, made on first use. */
function queueHandle(k: KernelContext<QueueAttrs>, make: () => QueueResource): NDArray {
  const key = `queue:${k.attrs.shared_name || k.op.name}`;
  const resources = k.sessionResources();
  if (!resources.has(key)) {
    const q = make();
    resources.set(key, q);
    k.effect("queue", q.opName, null, q.state());
  }
  return new NDArray(resource, [], [key]);
}

const handleOp = {
  inputs: [],
  effects: ["queue"] as const,
  inferDtype: () => [resource],
  inferShape: () => [new TensorShape([])],
  gradient: null,
};

export const FIFOQueueV2 = defineOp<QueueAttrs>({
  type: "FIFOQueueV2",
  doc: "The handle of a first-in first-out queue the session holds (made, empty, on the op's first run).",
  ...handleOp,
  kernel: (_, k) => queueHandle(k, () => QueueResource.create(k, "FIFOQueue", k.attrs.capacity, k.attrs.component_types, k.attrs.shapes, k.attrs.shared_name)),
});

export const RandomShuffleQueueV2 = defineOp<QueueAttrs & { min_after_dequeue: number; seed: number; seed2: number }>({
  type: "RandomShuffleQueueV2",
  doc: "The handle of a queue the session holds that dequeues its elements in a random order, keeping `min_after_dequeue` while open.",
  ...handleOp,
  kernel: (_, k) =>
    queueHandle(k, () => {
      let { seed, seed2 } = k.attrs;
      if (seed === 0 && seed2 === 0) [seed, seed2] = [k.seed(), k.seed()];
      return QueueResource.create(k, "RandomShuffleQueue", k.attrs.capacity, k.attrs.component_types, k.attrs.shapes, k.attrs.shared_name, k.attrs.min_after_dequeue, [seed, seed2]);
    }),
});

export const QueueEnqueueV2 = defineOp<{ Tcomponents: DType[]; timeout_ms: number }>({
  type: "QueueEnqueueV2",
  doc: "Puts one element (its components) at the end of the queue.",
  inputs: [{ name: "handle", dtype: resource }, { name: "components", list: true }],
  effects: ["queue"],
  inferDtype: () => [],
  inferShape: () => [],
  kernel: ([handle, ...components], k) => {
    const q = queueOf(k, handle);
    q.check(components, false);
    const before = q.state();
    q.enqueue(components);
    k.effect("queue", q.opName, before, q.state());
    return null;
  },
  gradient: null,
});

export const QueueEnqueueManyV2 = defineOp<{ Tcomponents: DType[]; timeout_ms: number }>({
  type: "QueueEnqueueManyV2",
  doc: "Puts the rows of its components (sliced along the first axis) at the end of the queue, one element each.",
  inputs: [{ name: "handle", dtype: resource }, { name: "components", list: true }],
  effects: ["queue"],
  inferDtype: () => [],
  inferShape: () => [],
  kernel: ([handle, ...components], k) => {
    const q = queueOf(k, handle);
    q.check(components, true);
    const n = components[0]?.shape[0] ?? 0;
    components.forEach((c, i) => {
      if (c.shape[0] !== n) throw new InvalidArgumentError(`All input tensors must have the same size in the 0th dimension. Component ${i} has ${c.shape[0]}, and should have ${n}`);
    });
    const before = q.state();
    if (q.closed) throw new CancelledError(`${q.kind} '${q.name}' is closed.`);
    for (let i = 0; i < n; i++) q.enqueue(components.map((c) => rowOf(c, i)));
    k.effect("queue", q.opName, before, q.state());
    return null;
  },
  gradient: null,
});

export const QueueDequeueV2 = defineOp<{ component_types: DType[]; timeout_ms: number }>({
  type: "QueueDequeueV2",
  doc: "Takes the element at the front of the queue (a random one for a RandomShuffleQueue); OutOfRangeError once it is closed and empty.",
  inputs: [{ name: "handle", dtype: resource }],
  effects: ["queue"],
  inferDtype: (c) => c.attrs.component_types.slice(),
  inferShape: (c) => c.attrs.component_types.map(() => TensorShape.unknown()),
  kernel: ([handle], k) => {
    const q = queueOf(k, handle);
    const [element] = q.take(k, 1);
    k.effect("queue", q.opName, undefined, q.state());
    return element.length === 1 ? element[0] : element;
  },
  gradient: null,
});

export const QueueDequeueManyV2 = defineOp<{ component_types: DType[]; timeout_ms: number }>({
  type: "QueueDequeueManyV2",
  doc: "Takes `n` elements from the queue, stacked along a new first axis.",
  inputs: [{ name: "handle", dtype: resource }, { name: "n", dtype: int32 }],
  effects: ["queue"],
  inferDtype: (c) => c.attrs.component_types.slice(),
  inferShape: (c) => c.attrs.component_types.map(() => TensorShape.unknown()),
  kernel: ([handle, count], k) => {
    const q = queueOf(k, handle);
    const n = Number(count.data[0]);
    if (n < 0) throw new InvalidArgumentError(`Request failed: ${n} is negative`);
    if (q.shapes.length === 0 || q.shapes.some((s) => !s.is_fully_defined())) {
      throw new InvalidArgumentError(`${q.kind}'s DequeueMany and DequeueUpTo require the components to have specified shapes.`);
    }
    const elements = q.take(k, n);
    k.effect("queue", q.opName, undefined, q.state());
    const out = q.types.map((dtype, c) => {
      const shape = q.shapes[c].as_list() as number[];
      const size = shape.reduce((a, b) => a * b, 1);
      const data = NDArray.zeros(dtype, [n, ...shape]);
      elements.forEach((el, i) => {
        for (let j = 0; j < size; j++) (data.data as unknown[])[i * size + j] = el[c].data[j];
      });
      return data;
    });
    return out.length === 1 ? out[0] : out;
  },
  gradient: null,
});

export const QueueSizeV2 = defineOp({
  type: "QueueSizeV2",
  doc: "The number of elements in the queue now.",
  inputs: [{ name: "handle", dtype: resource }],
  effects: ["queue"],
  inferDtype: () => [int32],
  inferShape: () => [new TensorShape([])],
  kernel: ([handle], k) => new NDArray(int32, [], new Int32Array([queueOf(k, handle).size])),
  gradient: null,
});

export const QueueCloseV2 = defineOp<{ cancel_pending_enqueues: boolean }>({
  type: "QueueCloseV2",
  doc: "Closes the queue: later enqueues fail; dequeues take what is left, then raise OutOfRangeError.",
  inputs: [{ name: "handle", dtype: resource }],
  effects: ["queue"],
  inferDtype: () => [],
  inferShape: () => [],
  kernel: ([handle], k) => {
    const q = queueOf(k, handle);
    if (q.closed && k.attrs.cancel_pending_enqueues !== true) throw new CancelledError(`Queue '${q.name}' is already closed.`);
    const before = q.state();
    q.closed = true;
    k.effect("queue", q.opName, before, q.state());
    return null;
  },
  gradient: null,
});

export const QueueIsClosedV2 = defineOp({
  type: "QueueIsClosedV2",
  doc: "Whether the queue is closed.",
  inputs: [{ name: "handle", dtype: resource }],
  effects: ["queue"],
  inferDtype: () => [bool],
  inferShape: () => [new TensorShape([])],
  kernel: ([handle], k) => new NDArray(bool, [], new Uint8Array([queueOf(k, handle).closed ? 1 : 0])),
  gradient: null,
});
