/**
 * `tf.train.QueueRunner`, `tf.train.Coordinator`, `tf.train.add_queue_runner` and
 * `tf.train.start_queue_runners`, run deterministically on one thread: a started runner's
 * enqueues run when a dequeue needs elements (engine/api/data/queue_runner.ts).
 */
import type { EngineContext } from "../../context.js";
import type { Operation } from "../../graph.js";
import type { Session } from "../../session/session.js";
import { pyclass, pyfunc } from "../pyargs.js";
import { Coordinator as CoordinatorImpl, QUEUE_RUNNERS, QueueRunner as QueueRunnerImpl, startQueueRunners, type RunnerThread } from "../data/queue_runner.js";
import type { QueueBase } from "../data/queues.js";

/**
 * Runs `enqueue_ops` to keep `queue` filled, and closes it when they end.
 * @example
 * const qr = tf.train.QueueRunner(q, [enqueue_op]);
 * tf.train.add_queue_runner(qr);
 */
export const QueueRunner = pyclass(
  "QueueRunner",
  ["queue", "enqueue_ops", "close_op", "cancel_op", "queue_closed_exception_types", "queue_runner_def", "import_scope"],
  (
    _ctx: EngineContext,
    queue: QueueBase | null = null,
    enqueue_ops: Operation[] | null = null,
    close_op: Operation | null = null,
    cancel_op: Operation | null = null,
    queue_closed_exception_types: unknown = null,
    queue_runner_def: unknown = null,
    import_scope: string | null = null,
  ): QueueRunnerImpl => new QueueRunnerImpl([queue, enqueue_ops, close_op, cancel_op, queue_closed_exception_types, queue_runner_def, import_scope]),
  QueueRunnerImpl.prototype,
);

/**
 * Coordinates the runners: `request_stop()` asks them to stop; `join(threads)` closes their
 * queues and raises an error a runner reported.
 * @example
 * const coord = tf.train.Coordinator();
 * const threads = tf.train.start_queue_runners({sess, coord});
 */
export const Coordinator = pyclass(
  "Coordinator",
  ["clean_stop_exception_types"],
  (_ctx: EngineContext, clean_stop_exception_types: unknown = null): CoordinatorImpl => {
    void clean_stop_exception_types;
    return new CoordinatorImpl();
  },
  CoordinatorImpl.prototype,
);

/**
 * Adds `qr` to the graph's `queue_runners` collection (what `start_queue_runners` starts).
 * @example
 * tf.train.add_queue_runner(tf.train.QueueRunner(q, [enqueue_op]));
 */
export const add_queue_runner = pyfunc("add_queue_runner", ["qr", "collection"], (ctx: EngineContext, qr: QueueRunnerImpl, collection: string = QUEUE_RUNNERS): void => {
  ctx.defaultGraph().get_collection_ref(collection).push(qr);
});

/**
 * Starts every queue runner of the graph in `sess` (the default session if none): their
 * enqueues then run whenever a dequeue needs elements.
 * @example
 * const threads = tf.train.start_queue_runners(sess);
 */
export const start_queue_runners = pyfunc(
  "start_queue_runners",
  ["sess", "coord", "daemon", "start", "collection"],
  (ctx: EngineContext, sess: Session | null = null, coord: CoordinatorImpl | null = null, daemon: boolean = true, start: boolean = true, collection: string = QUEUE_RUNNERS): RunnerThread[] =>
    startQueueRunners(ctx, [sess, coord, daemon, start, collection]),
);
