/**
 * TF 1.x's queues on one thread: the r1 "Threading and Queues" guide's increment loop, TF's
 * op names and error texts (closed queues, the `_<n>_<name>` resource names), a clear error
 * instead of TF's hang, queue runners filling a queue when a dequeue needs elements (and
 * closing it when they end), the Coordinator, and the queue's size as a side effect.
 */
import { describe, expect, it } from "vitest";
import { createTF } from "../../tf.js";
import { operatorRuntime } from "../operators.js";
import { NpScalar } from "../../numpy/scalar.js";
import { NDArray } from "../../ndarray.js";
import type { RunRecord } from "../../records.js";

function plain(v: unknown): unknown {
  if (v instanceof NpScalar) return v.item();
  if (v instanceof NDArray) return v.toArray();
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

function setup() {
  const runs: RunRecord[] = [];
  const stderr: string[] = [];
  const tf = createTF({ onRun: (r) => runs.push(structuredClone(r)), stderr: (t) => stderr.push(t), seedSource: () => 7 });
  const py = operatorRuntime(tf.get_default_graph().ctx);
  return { tf, py, runs, stderr, sess: tf.Session() };
}

function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error");
}

describe("tf.FIFOQueue", () => {
  it("runs the Threading and Queues guide's loop: dequeue, add one, enqueue", () => {
    const { tf, py, sess } = setup();
    const q = tf.FIFOQueue(3, "float");
    const init = q.enqueue_many([[0.5, 0.5, 0.5]]);
    const x = q.dequeue();
    const y = py.add(x, 1) as { name: string };
    const q_inc = q.enqueue([y]);
    sess.run(init);
    for (let i = 0; i < 4; i++) sess.run(q_inc);
    expect(plain(sess.run(q.size()))).toBe(3);
    expect([0, 1, 2].map(() => plain(sess.run(q.dequeue())))).toEqual([1.5, 1.5, 2.5]);
    expect([q.name, init.name, x.name, q_inc.name, y.name]).toEqual(["fifo_queue", "fifo_queue_EnqueueMany", "fifo_queue_Dequeue:0", "fifo_queue_enqueue", "add:0"]);
    expect(String(x)).toBe('Tensor("fifo_queue_Dequeue:0", dtype=float32)');
  });

  it("raises TF's OutOfRangeError when closed and empty, and CancelledError for an enqueue after close", () => {
    const { tf, sess } = setup();
    const q = tf.FIFOQueue(10, tf.int32);
    sess.run(q.enqueue_many([[1, 2]]));
    sess.run(q.close());
    const x = q.dequeue();
    expect([plain(sess.run(x)), plain(sess.run(x))]).toEqual([1, 2]);
    const e = errorOf(() => sess.run(x));
    expect(e).toBeInstanceOf(tf.errors.OutOfRangeError);
    expect(e.message.split("\n")[0]).toBe("FIFOQueue '_0_fifo_queue' is closed and has insufficient elements (requested 1, current size 0)");
    const many = errorOf(() => sess.run(tf.FIFOQueue(4, tf.int32, [[]], { name: "q2" }).dequeue_many(3)));
    expect(many).toBeInstanceOf(tf.errors.DeadlineExceededError);
    const c = errorOf(() => sess.run(q.enqueue(5)));
    expect(c).toBeInstanceOf(tf.errors.CancelledError);
    expect(c.message.split("\n")[0]).toBe("FIFOQueue '_0_fifo_queue' is closed.");
  });

  it("says why instead of hanging: a dequeue from an empty open queue nothing can fill, an enqueue on a full one", () => {
    const { tf, sess } = setup();
    const q = tf.FIFOQueue(2, tf.int32);
    const e = errorOf(() => sess.run(q.dequeue()));
    expect(e).toBeInstanceOf(tf.errors.DeadlineExceededError);
    expect(e.message).toMatch(/^FIFOQueue '_0_fifo_queue' is empty and this dequeue needs 1: it would wait forever, .*TensorFlow would hang here\./);
    sess.run(q.enqueue_many([[1, 2]]));
    const full = errorOf(() => sess.run(q.enqueue(3)));
    expect(full.message).toMatch(/^FIFOQueue '_0_fifo_queue' is full \(capacity 2\)/);
  });

  it("dequeue_many stacks elements of the queue's shape; TF requires the shapes", () => {
    const { tf, sess } = setup();
    const q = tf.FIFOQueue(10, [tf.int32, tf.string], [[2], []]);
    sess.run(q.enqueue_many([tf.constant([[1, 2], [3, 4], [5, 6]]), tf.constant(["a", "b", "c"])]));
    const [nums, names] = q.dequeue_many(2);
    expect(String(nums.shape)).toBe("(2, 2)");
    const [n, s] = sess.run([nums, names]) as NDArray[];
    expect(n.toArray()).toEqual([[1, 2], [3, 4]]);
    expect(String(s)).toBe("[b'a' b'b']");
    const unshaped = tf.FIFOQueue(5, tf.int32, { name: "u" });
    sess.run(unshaped.enqueue(1));
    expect(errorOf(() => sess.run(unshaped.dequeue_many(1))).message.split("\n")[0]).toBe(
      "FIFOQueue's DequeueMany and DequeueUpTo require the components to have specified shapes.",
    );
  });

  it("reports its size after each change as a queue side effect, per session", () => {
    const { tf, sess, runs } = setup();
    const q = tf.FIFOQueue(5, tf.int32);
    sess.run(q.enqueue_many([[7, 8]]));
    sess.run(q.dequeue());
    sess.run(q.close());
    expect(runs.map((r) => r.side_effects.map((fx) => [fx.op, fx.kind, fx.target, fx.after]))).toEqual([
      [
        ["fifo_queue", "queue", "fifo_queue", 0],
        ["fifo_queue_EnqueueMany", "queue", "fifo_queue", 2],
      ],
      [["fifo_queue_Dequeue", "queue", "fifo_queue", 1]],
      [["fifo_queue_Close", "queue", "fifo_queue", "closed, 1 element"]],
    ]);
    // Another session has its own, empty queue.
    expect(plain(tf.Session().run(q.size()))).toBe(0);
  });
});

describe("tf.RandomShuffleQueue", () => {
  it("keeps min_after_dequeue while open, then gives out the rest once closed", () => {
    const { tf, sess } = setup();
    const q = tf.RandomShuffleQueue(10, 2, tf.int32, { seed: 1 });
    sess.run(q.enqueue_many([[1, 2, 3, 4, 5, 6]]));
    const d = q.dequeue();
    const first = [0, 1, 2, 3].map(() => plain(sess.run(d)) as number);
    expect(errorOf(() => sess.run(d)).message).toMatch(/^RandomShuffleQueue '_0_random_shuffle_queue' has 2 elements \(and keeps 2 while open\)/);
    sess.run(q.close());
    const rest = [0, 1].map(() => plain(sess.run(d)) as number);
    expect([...first, ...rest].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(errorOf(() => sess.run(d)).message.split("\n")[0]).toBe("RandomShuffleQueue '_0_random_shuffle_queue' is closed and has insufficient elements (requested 1, current size 0)");
  });

  it("draws the same order for the same seed in every session", () => {
    const { tf } = setup();
    const q = tf.RandomShuffleQueue(10, 0, tf.int32, { seed: 3 });
    const fill = q.enqueue_many([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]);
    const d = q.dequeue();
    const order = () => {
      const s = tf.Session();
      s.run(fill);
      return Array.from({ length: 10 }, () => plain(s.run(d)));
    };
    expect(order()).toEqual(order());
  });
});

describe("queue runners", () => {
  it("fill a queue when a dequeue needs elements, and the enqueues' effects show in that run", () => {
    const { tf, sess, runs } = setup();
    const q = tf.FIFOQueue(5, tf.float32, [[]]);
    const counter = tf.Variable(0.5, { name: "counter" });
    const enq = q.enqueue(tf.assign_add(counter, 1.5));
    tf.train.add_queue_runner(tf.train.QueueRunner(q, [enq]));
    sess.run(tf.global_variables_initializer());
    const coord = tf.train.Coordinator();
    const threads = tf.train.start_queue_runners({ sess, coord });
    expect(threads.length).toBe(2);
    const batch = q.dequeue_many(3);
    expect(plain(sess.run(batch))).toEqual([2, 3.5, 5]);
    expect(plain(sess.run(batch))).toEqual([6.5, 8, 9.5]);
    const last = runs[runs.length - 1];
    expect(last.side_effects.filter((fx) => fx.kind === "queue").map((fx) => fx.op)).toEqual(["fifo_queue_enqueue", "fifo_queue_enqueue", "fifo_queue_enqueue", "fifo_queue_DequeueMany"]);
    coord.request_stop();
    coord.join(threads);
    expect(plain(sess.run(q.is_closed()))).toBe(true);
    expect(threads.every((t) => !t.is_alive())).toBe(true);
  });

  it("close the queue when their input ends, so the consumer's loop ends with OutOfRangeError", () => {
    const { tf, sess } = setup();
    const source = tf.FIFOQueue(10, tf.int32, [[]], { name: "source" });
    sess.run(source.enqueue_many([[1, 2, 3, 4, 5]]));
    sess.run(source.close());
    const doubled = tf.FIFOQueue(2, tf.int32, [[]], { name: "doubled" });
    tf.train.add_queue_runner(tf.train.QueueRunner(doubled, [doubled.enqueue(tf.multiply(source.dequeue(), 2))]));
    const coord = tf.train.Coordinator();
    const threads = tf.train.start_queue_runners(sess, coord);
    const x = doubled.dequeue();
    const seen: unknown[] = [];
    try {
      for (;;) seen.push(plain(sess.run(x)));
    } catch (e) {
      expect(e).toBeInstanceOf(tf.errors.OutOfRangeError);
      expect((e as Error).message.split("\n")[0]).toBe("FIFOQueue '_1_doubled' is closed and has insufficient elements (requested 1, current size 0)");
    }
    expect(seen).toEqual([2, 4, 6, 8, 10]);
    coord.request_stop();
    coord.join(threads);
  });

  it("report a runner's error to the coordinator, whose join raises it", () => {
    const { tf, sess } = setup();
    const q = tf.FIFOQueue(3, tf.float32, [[]]);
    const bad = tf.placeholder(tf.float32, [], "never_fed");
    tf.train.add_queue_runner(tf.train.QueueRunner(q, [q.enqueue(bad)]));
    const coord = tf.train.Coordinator();
    const threads = tf.train.start_queue_runners(sess, coord);
    expect(errorOf(() => sess.run(q.dequeue()))).toBeInstanceOf(tf.errors.OutOfRangeError);
    expect(coord.should_stop()).toBe(true);
    const e = errorOf(() => coord.join(threads));
    expect(e.message).toMatch(/^You must feed a value for placeholder tensor 'never_fed'/);
  });

  it("need a session: TF's ValueError without one", () => {
    const { tf } = setup();
    expect(errorOf(() => tf.train.start_queue_runners()).message).toMatch(/^Cannot start queue runners: No default session is registered/);
  });
});
