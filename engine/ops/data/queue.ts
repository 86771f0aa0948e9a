/**
 * TF 1.x's queues (FIFOQueue, RandomShuffleQueue: core/kernels/fifo_queue.cc,
 * random_shuffle_queue_op.cc) as resources the session holds, and how the playground runs them
 * on its single thread.
 *
 * In TF, an enqueue on a full queue and a dequeue from an empty one block until another thread
 * (a QueueRunner's) makes room or brings elements. Here nothing else runs while a kernel
 * waits, so waiting is decided at once, deterministically:
 * - a dequeue that finds too few elements first runs the queue's *fillers* — the enqueue ops of
 *   the queue runners started for it in this session (`tf.train.start_queue_runners`), in
 *   turn, one enqueue at a time, as if their threads were scheduled exactly then — until it
 *   has enough, or every runner has finished (its enqueue raised OutOfRangeError or found the
 *   queue closed), which closes the queue as TF's QueueRunner does;
 * - if it still has too few: a closed queue raises TF's OutOfRangeError; an open queue, which
 *   nothing could fill, raises DeadlineExceededError saying so (TF would hang);
 * - an enqueue on a full queue raises DeadlineExceededError likewise (TF would hang).
 * What the fillers' enqueues did is recorded as side effects of the run that dequeued.
 */
import type { DType } from "../../dtypes.js";
import { CancelledError, DeadlineExceededError, InvalidArgumentError, OutOfRangeError } from "../../errors.js";
import type { KernelContext } from "../../op.js";
import { NDArray } from "../../ndarray.js";
import type { TensorShape } from "../../shape.js";
import { Philox } from "../../random/philox.js";

/** Something that can put elements into a queue on demand: a queue runner started in the session. */
export interface QueueFiller {
  /** Runs one more enqueue; false when the runner has nothing more to do. */
  fill(k: KernelContext<unknown>): boolean;
}

/** Session resource key of the fillers, by queue op name. */
export const QUEUE_FILLERS = "queue-fillers";

const counters = new WeakMap<object, number>();

/** TF's private resource name: `_<n>_<node name>`, n counting the program's private resources. */
function privateName(k: KernelContext<unknown>): string {
  const owner = (k.op.graph as unknown as { ctx: object }).ctx;
  const n = counters.get(owner) ?? 0;
  counters.set(owner, n + 1);
  return `_${n}_${k.op.name}`;
}

export class QueueResource {
  readonly elements: NDArray[][] = [];
  closed = false;
  private readonly random: { gen: Philox; used: number } | null;

  constructor(
    /** `FIFOQueue` or `RandomShuffleQueue`, as TF's messages name the kind. */
    readonly kind: "FIFOQueue" | "RandomShuffleQueue",
    /** TF's resource name (`_0_fifo_queue`), as its messages print it. */
    readonly name: string,
    /** The queue op's name: the side effects' target. */
    readonly opName: string,
    readonly capacity: number,
    readonly types: readonly DType[],
    readonly shapes: readonly TensorShape[],
    readonly minAfterDequeue = 0,
    seeds: [number, number] | null = null,
  ) {
    this.random = seeds === null ? null : { gen: Philox.fromSeeds(seeds[0], seeds[1]), used: 4 };
  }

  static create(k: KernelContext<unknown>, kind: "FIFOQueue" | "RandomShuffleQueue", capacity: number, types: DType[], shapes: TensorShape[], sharedName: string, minAfterDequeue = 0, seeds: [number, number] | null = null): QueueResource {
    return new QueueResource(kind, sharedName || privateName(k), k.op.name, capacity < 0 ? Number.MAX_SAFE_INTEGER : capacity, types, shapes, minAfterDequeue, seeds);
  }

  get size(): number {
    return this.elements.length;
  }

  /** What Session memory shows: the size, and whether it is closed. */
  state(): number | string {
    return this.closed ? `closed, ${this.size} element${this.size === 1 ? "" : "s"}` : this.size;
  }

  /** Checks an element against the queue's component types and shapes (TF's ValidateTuple). */
  check(element: readonly NDArray[], many: boolean): void {
    if (element.length !== this.types.length) {
      throw new InvalidArgumentError(`Wrong number of components in tuple. Expected ${this.types.length}, got ${element.length}`);
    }
    element.forEach((t, i) => {
      if (t.dtype !== this.types[i]) throw new InvalidArgumentError(`Type mismatch in tuple component ${i}. Expected ${this.types[i].cName}, got ${t.dtype.cName}`);
      const want = this.shapes[i];
      if (want === undefined || want.dims === null) return;
      const got = many ? t.shape.slice(1) : t.shape;
      if (got.length !== want.dims.length || want.dims.some((d, j) => d !== null && d !== got[j])) {
        throw new InvalidArgumentError(`Shape mismatch in tuple component ${i}. Expected [${want.dims.join(",")}], got [${got.join(",")}]`);
      }
    });
  }

  /** Adds one element, or fails as TF would not (TF waits for room that never comes). */
  enqueue(element: NDArray[]): void {
    if (this.closed) throw new CancelledError(`${this.kind} '${this.name}' is closed.`);
    if (this.size >= this.capacity) {
      throw new DeadlineExceededError(
        `${this.kind} '${this.name}' is full (capacity ${this.capacity}): this enqueue would wait for a dequeue that cannot happen while it waits (TensorFlow would hang here). Dequeue first, or give the queue a larger capacity.`,
      );
    }
    this.elements.push(element.map((t) => new NDArray(t.dtype, t.shape.slice(), t.data.slice() as NDArray["data"])));
  }

  /** How many elements a dequeue may take now (a RandomShuffleQueue keeps min_after_dequeue while open). */
  available(): number {
    return this.closed ? this.size : Math.max(0, this.size - this.minAfterDequeue);
  }

  /**
   * Takes `n` elements, filling the queue from its runners first if it has too few; TF's
   * OutOfRangeError when it is closed with too few.
   */
  take(k: KernelContext<unknown>, n: number): NDArray[][] {
    if (this.available() < n) this.fillFromRunners(k, n);
    if (this.available() < n) {
      if (this.closed) {
        throw new OutOfRangeError(`${this.kind} '${this.name}' is closed and has insufficient elements (requested ${n}, current size ${this.size})`, k.op.name);
      }
      const what = this.size === 0 ? "is empty" : `has ${this.size} element${this.size === 1 ? "" : "s"}${this.minAfterDequeue > 0 ? ` (and keeps ${this.minAfterDequeue} while open)` : ""}`;
      throw new DeadlineExceededError(
        `${this.kind} '${this.name}' ${what} and this dequeue needs ${n}: it would wait forever, since nothing in this program can enqueue while it waits (no queue runner started for it has anything left). TensorFlow would hang here. Enqueue elements first, close the queue, or start its queue runners with tf.train.start_queue_runners(sess).`,
        k.op.name,
      );
    }
    const out: NDArray[][] = [];
    for (let i = 0; i < n; i++) out.push(this.random === null ? this.elements.shift()! : this.takeRandom());
    return out;
  }

  /** RandomShuffleQueue's DequeueLocked: a uniformly drawn element, the last moved into its place. */
  private takeRandom(): NDArray[] {
    const r = this.random!;
    if (r.used === 4) {
      r.gen.next();
      r.used = 0;
    }
    const index = r.gen.block[r.used++] % this.size;
    const out = this.elements[index];
    this.elements[index] = this.elements[this.size - 1];
    this.elements.pop();
    return out;
  }

  private fillFromRunners(k: KernelContext<unknown>, n: number): void {
    const fillers = (k.sessionResources().get(QUEUE_FILLERS) as Map<string, QueueFiller[]> | undefined)?.get(this.opName) ?? [];
    const active = fillers.slice();
    // One enqueue per runner in turn, while the dequeue still needs elements and there is room.
    for (let i = 0; active.length > 0 && this.available() < n && !this.closed && this.size < this.capacity; ) {
      if (active[i].fill(k)) i++;
      else active.splice(i, 1);
      if (i >= active.length) i = 0;
      k.tick();
    }
  }
}
