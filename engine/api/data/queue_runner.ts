/**
 * `tf.train.QueueRunner`, `tf.train.Coordinator` and `tf.train.start_queue_runners` on the
 * playground's single thread. In TF each runner starts threads that run its enqueue ops in a
 * loop, closing the queue when they all end (an enqueue raised OutOfRangeError or found the
 * queue closed). Here starting a runner registers it with the session as a *filler* of its
 * queue: whenever a dequeue finds too few elements, the session runs the runners' enqueue ops,
 * one at a time in turn, until the dequeue has enough (ops/data/queue.ts) — the same elements
 * in a deterministic order, as if the threads were scheduled exactly when needed. The
 * enqueues' side effects appear in the run that dequeued.
 */
import { CancelledError, OutOfRangeError, RuntimeError, ValueError } from "../../errors.js";
import type { EngineContext } from "../../context.js";
import { Operation } from "../../graph.js";
import { GraphFunction } from "../../function_graph.js";
import type { KernelContext } from "../../op.js";
import { QUEUE_FILLERS, type QueueFiller } from "../../ops/data/queue.js";
import type { Session } from "../../session/session.js";
import { bind } from "../../pycall.js";
import type { QueueBase } from "./queues.js";

/** TF's `GraphKeys.QUEUE_RUNNERS`. */
export const QUEUE_RUNNERS = "queue_runners";

/** A runner's "thread": what `start_queue_runners` returns (joinable, as Python's threads). */
export class RunnerThread {
  constructor(
    readonly name: string,
    private readonly alive: () => boolean,
  ) {}
  /** Whether the runner still has enqueues to run. */
  is_alive(): boolean {
    return this.alive();
  }
  /** Nothing to wait for: the runner runs when a dequeue needs it. */
  join(): void {}
  /** Already started by `start_queue_runners` / `create_threads(..., start=True)`. */
  start(): void {}
  toString(): string {
    return `<Thread(${this.name}, started daemon)>`;
  }
}

/** One runner started in one session. */
class Filler implements QueueFiller {
  private readonly pending: GraphFunction[];
  private turn = 0;
  done = false;

  constructor(
    private readonly runner: QueueRunner,
    readonly session: Session,
    private readonly coord: Coordinator | null,
  ) {
    const g = runner.queue.queue_ref.graph;
    this.pending = runner.enqueue_ops.map((op) => new GraphFunction(`QueueRunner/${op.name}`, g, [], [], [], [], [op]));
    coord?._register(this);
  }

  fill(k: KernelContext<unknown>): boolean {
    if (this.done) return false;
    if (this.coord?.should_stop()) return this.finish(k);
    const fn = this.pending[this.turn % this.pending.length];
    try {
      k.call(fn, []);
      this.turn++;
      return true;
    } catch (e) {
      if (!(e instanceof OutOfRangeError || e instanceof CancelledError)) {
        // TF: the error goes to the coordinator (coord.join() raises it), or to the log.
        if (this.coord) this.coord.request_stop(e);
        else k.stderr(`Exception in QueueRunner: ${(e as Error).message}`);
        this.pending.length = 0;
      } else {
        this.pending.splice(this.pending.indexOf(fn), 1);
      }
      return this.pending.length > 0 ? true : this.finish(k);
    }
  }

  /** The last thread ends: the runner closes its queue (TF's `_close_op`). */
  private finish(k: KernelContext<unknown>): false {
    if (!this.done) {
      this.done = true;
      try {
        k.call(new GraphFunction(`QueueRunner/${this.runner.close_op.name}`, this.runner.close_op.graph, [], [], [], [], [this.runner.close_op]), []);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
      }
    }
    return false;
  }

  /** Ends the runner from outside a run (Coordinator.join): its queue is closed by a run of the close op. */
  stopNow(): void {
    if (this.done) return;
    this.done = true;
    try {
      this.session.run(this.runner.close_op);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
    }
  }
}

export class QueueRunner {
  readonly queue: QueueBase;
  readonly enqueue_ops: Operation[];
  readonly close_op: Operation;
  readonly cancel_op: Operation;

  /** @internal */
  constructor(args: unknown[]) {
    const [queue, enqueueOps, closeOp, cancelOp] = bind("QueueRunner", [["queue", null], ["enqueue_ops", null], ["close_op", null], ["cancel_op", null], ["queue_closed_exception_types", null], ["queue_runner_def", null], ["import_scope", null]], args);
    if (!queue || !Array.isArray(enqueueOps) || enqueueOps.length === 0) throw new ValueError("Must provide queue and enqueue_ops.");
    this.queue = queue as QueueBase;
    this.enqueue_ops = enqueueOps as Operation[];
    this.close_op = (closeOp as Operation | null) ?? this.queue.close();
    this.cancel_op = (cancelOp as Operation | null) ?? this.queue.close(true);
  }

  /** The queue's name. */
  get name(): string {
    return this.queue.name;
  }

  /**
   * Starts the runner in `sess`: its enqueues run when a dequeue needs elements.
   * @example
   * const threads = qr.create_threads(sess, {coord, start: true});
   */
  create_threads(...args: unknown[]): RunnerThread[] {
    const [sess, coord] = bind("create_threads", ["sess", ["coord", null], ["daemon", false], ["start", false]], args) as [Session, Coordinator | null];
    const filler = new Filler(this, sess, coord);
    const all = (sess.sessionResources.get(QUEUE_FILLERS) as Map<string, QueueFiller[]> | undefined) ?? new Map<string, QueueFiller[]>();
    sess.sessionResources.set(QUEUE_FILLERS, all);
    const key = this.queue.queue_ref.op.name;
    all.set(key, [...(all.get(key) ?? []), filler]);
    const threads = this.enqueue_ops.map((_, i) => new RunnerThread(`QueueRunnerThread-${this.name}-${i}`, () => !filler.done));
    if (coord) threads.push(new RunnerThread(`QueueRunnerThread-${this.name}-close_on_stop`, () => !filler.done));
    return threads;
  }
}

/** `tf.train.Coordinator`: asks the runners to stop, and reports their errors at `join`. */
export class Coordinator {
  private stopped = false;
  private error: unknown = null;
  private readonly fillers: Filler[] = [];

  /** @internal */
  _register(f: Filler): void {
    this.fillers.push(f);
  }

  /** Whether a stop was requested. */
  should_stop(): boolean {
    return this.stopped;
  }

  /** Asks the runners to stop (with the error that made it, if any). */
  request_stop(ex: unknown = null): void {
    if (ex !== null && ex !== undefined && this.error === null) this.error = ex;
    this.stopped = true;
  }

  /** Forgets a stop request. */
  clear_stop(): void {
    this.stopped = false;
    this.error = null;
  }

  /** Whether a stop was requested (there is no waiting on one thread). */
  wait_for_stop(): boolean {
    return this.stopped;
  }

  /**
   * Waits for the runners: here, ends each (its queue is closed by a run of its close op) and
   * raises the error a runner reported, as TF's `join` does. Without a stop request TF would
   * wait for runners still busy; here that is an error saying so.
   */
  join(...args: unknown[]): void {
    bind("join", [["threads", null], ["stop_grace_period_secs", 120], ["ignore_live_threads", false]], args);
    const live = this.fillers.filter((f) => !f.done);
    if (!this.stopped && live.length > 0) {
      throw new RuntimeError(
        "Coordinator.join() would wait forever: its queue runners still have enqueues to run and no stop was requested. Call coord.request_stop() first (TensorFlow would hang here).",
      );
    }
    for (const f of live) f.stopNow();
    if (this.error !== null) throw this.error;
  }

  toString(): string {
    return "<tensorflow.python.training.coordinator.Coordinator object>";
  }
}

/** `tf.train.start_queue_runners`: starts every runner of the graph's collection in `sess`. */
export function startQueueRunners(ctx: EngineContext, args: unknown[]): RunnerThread[] {
  const [sessArg, coord, , start, collection] = bind("start_queue_runners", [["sess", null], ["coord", null], ["daemon", true], ["start", true], ["collection", QUEUE_RUNNERS]], args);
  const sess = (sessArg as Session | null) ?? ctx.defaultSession();
  if (!sess) {
    throw new ValueError("Cannot start queue runners: No default session is registered. Use `with sess.as_default()` or pass an explicit session to tf.start_queue_runners(sess=sess)");
  }
  const runners = sess.graph.get_collection(collection as string) as QueueRunner[];
  return runners.flatMap((qr) => qr.create_threads(sess, coord, true, start));
}
