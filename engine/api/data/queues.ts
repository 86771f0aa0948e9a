/**
 * `tf.FIFOQueue` and `tf.RandomShuffleQueue` as TF 1.15's data_flow_ops.py builds them: the
 * queue op (`fifo_queue`, `random_shuffle_queue`) and, per method, the op TF adds under the
 * queue's name (`fifo_queue_enqueue`, `fifo_queue_EnqueueMany`, `fifo_queue_Dequeue`,
 * `fifo_queue_DequeueMany`, `fifo_queue_Size`, `fifo_queue_Close`), with TF's ValueErrors.
 * The queue itself lives in the session (ops/data/queue.ts).
 */
import type { EngineContext } from "../../context.js";
import { asDType, DType } from "../../dtypes.js";
import { ValueError } from "../../errors.js";
import { Operation, Tensor } from "../../graph.js";
import { TensorShape } from "../../shape.js";
import { bind } from "../../pycall.js";
import { isPlainObject } from "../../format/pytypes.js";
import { unbox } from "../../pyfloat.js";
import { getSeed } from "../../random/seeds.js";
import { applyOp } from "../apply.js";
import { convertToTensor } from "../convert_tensor.js";
import type { Element } from "./dataset.js";

function typeList(dtypes: unknown): DType[] {
  return (Array.isArray(dtypes) ? dtypes : [dtypes]).map((d) => asDType(d));
}

function shapeList(shapes: unknown, n: number): TensorShape[] {
  if (shapes === null || shapes === undefined) return [];
  // One shape for one component may be given bare: `shapes=[2]` is TensorShape([2]) when dtypes has one entry.
  const list = Array.isArray(shapes) && shapes.every((s) => s instanceof TensorShape || Array.isArray(s) || s === null) ? shapes : [shapes];
  if (list.length !== n) throw new ValueError("Queue shapes must have the same length as dtypes");
  return list.map((s) => (s instanceof TensorShape ? s : new TensorShape(s as (number | null)[] | null)));
}

export class QueueBase {
  /** @internal */
  readonly _name: string;

  /** @internal */
  constructor(
    private readonly ctx: EngineContext,
    readonly dtypes: DType[],
    readonly shapes: TensorShape[],
    readonly names: string[] | null,
    /** The queue op's output: the handle of the queue the session holds. */
    readonly queue_ref: Tensor,
  ) {
    this._name = queue_ref.op.name.split("/").pop()!;
  }

  /** The queue op's name. */
  get name(): string {
    return this.queue_ref.op.name;
  }

  private components(vals: unknown, many: boolean): Tensor[] {
    let list: unknown[];
    if (isPlainObject(vals)) {
      if (!this.names) throw new ValueError("Queue must have names to enqueue a dictionary");
      const keys = Object.keys(vals).sort();
      if (keys.join("\u0000") !== [...this.names].sort().join("\u0000")) {
        throw new ValueError(`Keys in dictionary to enqueue do not match names of Queue.  Dictionary: ([${keys.map((k) => `'${k}'`).join(", ")}]), Queue: ([${[...this.names].sort().map((k) => `'${k}'`).join(", ")}])`);
      }
      list = this.names.map((k) => vals[k]);
    } else {
      if (this.names) throw new ValueError("You must enqueue a dictionary in a Queue with names");
      // As in TF: a list is the element's components; anything else is its one component.
      list = Array.isArray(vals) ? vals : [vals];
    }
    const tensors = list.map((v, i) => convertToTensor(this.ctx, v, { dtype: this.dtypes[i] ?? null, name: `component_${i}` }));
    tensors.forEach((t, i) => {
      const want = this.shapes[i];
      if (want === undefined) return;
      const got = many ? (t.shape.dims === null ? TensorShape.unknown() : new TensorShape(t.shape.dims.slice(1))) : t.shape;
      if (!got.is_compatible_with(want)) throw new ValueError(`Shapes ${String(got)} and ${String(want)} are incompatible`);
    });
    return tensors;
  }

  /**
   * An op that puts one element at the end of the queue (its components: a tensor, an array of
   * them, or a dict for a queue with names).
   * @example
   * const enq = q.enqueue([1.0]);
   */
  enqueue(vals: unknown, name?: string | null): Operation {
    void [vals, name];
    const [v, opName] = bind("enqueue", ["vals", ["name", null]], [...arguments], { dictParams: ["vals"] });
    return this.ctx.defaultGraph().name_scope((opName as string | null) ?? `${this._name}_enqueue`, (scope) =>
      applyOp(this.ctx, "QueueEnqueueV2", [this.queue_ref, this.components(v, false)], { timeout_ms: -1 }, scope),
    );
  }

  /**
   * An op that puts each row of its components (sliced along the first axis) into the queue.
   * @example
   * const init = q.enqueue_many([[0, 0, 0]]);
   */
  enqueue_many(vals: unknown, name?: string | null): Operation {
    void [vals, name];
    const [v, opName] = bind("enqueue_many", ["vals", ["name", null]], [...arguments], { dictParams: ["vals"] });
    return this.ctx.defaultGraph().name_scope((opName as string | null) ?? `${this._name}_EnqueueMany`, (scope) =>
      applyOp(this.ctx, "QueueEnqueueManyV2", [this.queue_ref, this.components(v, true)], { timeout_ms: -1 }, scope),
    );
  }

  private result(op: Operation): Element {
    const outs = op.outputs;
    if (this.names) return Object.fromEntries(this.names.map((k, i) => [k, outs[i]]));
    return outs.length === 1 ? outs[0] : outs.slice();
  }

  /**
   * The element at the front of the queue, taken out on each run (a random one for a
   * RandomShuffleQueue). Once the queue is closed and empty: OutOfRangeError.
   * @example
   * const x = q.dequeue();
   */
  dequeue(name?: string | null): Element {
    void name;
    const [opName] = bind("dequeue", [["name", null]], [...arguments]);
    const op = applyOp(this.ctx, "QueueDequeueV2", [this.queue_ref], { component_types: this.dtypes, timeout_ms: -1 }, (opName as string | null) ?? `${this._name}_Dequeue`);
    op.outputs.forEach((t, i) => {
      if (this.shapes[i]) t.set_shape(this.shapes[i]);
    });
    return this.result(op);
  }

  /**
   * `n` elements taken at once, stacked along a new first axis.
   * @example
   * const batch = q.dequeue_many(4);
   */
  dequeue_many(n: unknown, name?: string | null): Element {
    void [n, name];
    const [count, opName] = bind("dequeue_many", ["n", ["name", null]], [...arguments]);
    const op = applyOp(this.ctx, "QueueDequeueManyV2", [this.queue_ref, count], { component_types: this.dtypes, timeout_ms: -1 }, (opName as string | null) ?? `${this._name}_DequeueMany`);
    const known = typeof unbox(count) === "number" ? (unbox(count) as number) : null;
    op.outputs.forEach((t, i) => {
      if (this.shapes[i]) t.set_shape(new TensorShape([known, ...(this.shapes[i].dims ?? [])]));
    });
    return this.result(op);
  }

  /**
   * The number of elements in the queue (an int32 scalar tensor).
   * @example
   * print(sess.run(q.size()));
   */
  size(name?: string | null): Tensor {
    void name;
    const [opName] = bind("size", [["name", null]], [...arguments]);
    return applyOp(this.ctx, "QueueSizeV2", [this.queue_ref], {}, (opName as string | null) ?? `${this._name}_Size`).outputs[0];
  }

  /**
   * An op that closes the queue: later enqueues fail; dequeues take what is left, then raise
   * OutOfRangeError.
   * @example
   * sess.run(q.close());
   */
  close(cancel_pending_enqueues?: boolean, name?: string | null): Operation {
    void [cancel_pending_enqueues, name];
    const [cancel, opName] = bind("close", [["cancel_pending_enqueues", false], ["name", null]], [...arguments]);
    return applyOp(this.ctx, "QueueCloseV2", [this.queue_ref], { cancel_pending_enqueues: Boolean(cancel) }, (opName as string | null) ?? `${this._name}_Close`);
  }

  /**
   * Whether the queue is closed (a bool scalar tensor).
   * @example
   * print(sess.run(q.is_closed()));
   */
  is_closed(name?: string | null): Tensor {
    void name;
    const [opName] = bind("is_closed", [["name", null]], [...arguments]);
    return applyOp(this.ctx, "QueueIsClosedV2", [this.queue_ref], {}, (opName as string | null) ?? `${this._name}_IsClosed`).outputs[0];
  }

  __repr__(): string {
    return `<tensorflow.python.ops.data_flow_ops.${this.constructor.name === "QueueBase" ? "QueueBase" : this.constructor.name} object>`;
  }

  toString(): string {
    return this.__repr__();
  }
}

/** `tf.FIFOQueue(capacity, dtypes, shapes=None, names=None, shared_name=None, name="fifo_queue")`. */
export function makeFIFOQueue(ctx: EngineContext, args: unknown[]): QueueBase {
  const [capacity, dtypes, shapes, names, sharedName, name] = bind("FIFOQueue", ["capacity", "dtypes", ["shapes", null], ["names", null], ["shared_name", null], ["name", "fifo_queue"]], args);
  const types = typeList(dtypes);
  const shapeObjs = shapeList(shapes, types.length);
  const nameList = namesOf(names, types.length);
  const ref = applyOp(ctx, "FIFOQueueV2", [], { component_types: types, shapes: shapeObjs, capacity: Number(unbox(capacity)), container: "", shared_name: (sharedName as string | null) ?? "" }, name as string).outputs[0];
  return new QueueBase(ctx, types, shapeObjs, nameList, ref);
}

/** `tf.RandomShuffleQueue(capacity, min_after_dequeue, dtypes, shapes=None, names=None, seed=None, shared_name=None, name="random_shuffle_queue")`. */
export function makeRandomShuffleQueue(ctx: EngineContext, args: unknown[]): QueueBase {
  const [capacity, minAfter, dtypes, shapes, names, seed, sharedName, name] = bind(
    "RandomShuffleQueue",
    ["capacity", "min_after_dequeue", "dtypes", ["shapes", null], ["names", null], ["seed", null], ["shared_name", null], ["name", "random_shuffle_queue"]],
    args,
  );
  const types = typeList(dtypes);
  const shapeObjs = shapeList(shapes, types.length);
  const nameList = namesOf(names, types.length);
  const g = ctx.defaultGraph();
  const [s1, s2] = getSeed(g.seed, seed === null ? null : Number(unbox(seed)), g._last_id);
  const ref = applyOp(
    ctx,
    "RandomShuffleQueueV2",
    [],
    {
      component_types: types,
      shapes: shapeObjs,
      capacity: Number(unbox(capacity)),
      min_after_dequeue: Number(unbox(minAfter)),
      seed: s1 ?? 0,
      seed2: s2 ?? 0,
      container: "",
      shared_name: (sharedName as string | null) ?? "",
    },
    name as string,
  ).outputs[0];
  return new QueueBase(ctx, types, shapeObjs, nameList, ref);
}

function namesOf(names: unknown, n: number): string[] | null {
  if (names === null || names === undefined) return null;
  const list = (Array.isArray(names) ? names : [names]).map(String);
  if (list.length !== n) throw new ValueError("Queue names must have the same length as dtypes");
  return list;
}
