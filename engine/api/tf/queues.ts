/**
 * TF 1.x's queues (`tf.FIFOQueue`, `tf.RandomShuffleQueue`): the data-loader queues the
 * tutorial names. A queue lives in the session; enqueue and dequeue are ops whose runs change
 * it. How they run on the playground's single thread: engine/ops/data/queue.ts.
 */
import type { EngineContext } from "../../context.js";
import type { DTypeLike } from "../../dtypes.js";
import { pyclass } from "../pyargs.js";
import { QueueBase, makeFIFOQueue, makeRandomShuffleQueue } from "../data/queues.js";

/**
 * A queue the session holds, dequeued in the order enqueued (`capacity` elements at most).
 * @example
 * const q = tf.FIFOQueue(3, "float");
 * const init = q.enqueue_many([[0.0, 0.0, 0.0]]);
 * const x = q.dequeue();
 */
export const FIFOQueue = pyclass(
  "FIFOQueue",
  ["capacity", "dtypes", "shapes", "names", "shared_name", "name"],
  (
    ctx: EngineContext,
    capacity: number,
    dtypes: DTypeLike | DTypeLike[],
    shapes: unknown = null,
    names: string[] | null = null,
    shared_name: string | null = null,
    name: string = "fifo_queue",
  ): QueueBase => makeFIFOQueue(ctx, [capacity, dtypes, shapes, names, shared_name, name]),
  QueueBase.prototype,
);

/**
 * A queue the session holds that dequeues a random element, keeping at least
 * `min_after_dequeue` while open (so the draw is well mixed).
 * @example
 * const q = tf.RandomShuffleQueue(10, 2, tf.int32, {seed: 1});
 */
export const RandomShuffleQueue = pyclass(
  "RandomShuffleQueue",
  ["capacity", "min_after_dequeue", "dtypes", "shapes", "names", "seed", "shared_name", "name"],
  (
    ctx: EngineContext,
    capacity: number,
    min_after_dequeue: number,
    dtypes: DTypeLike | DTypeLike[],
    shapes: unknown = null,
    names: string[] | null = null,
    seed: number | null = null,
    shared_name: string | null = null,
    name: string = "random_shuffle_queue",
  ): QueueBase => makeRandomShuffleQueue(ctx, [capacity, min_after_dequeue, dtypes, shapes, names, seed, shared_name, name]),
  QueueBase.prototype,
);
