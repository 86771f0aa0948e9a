/**
 * The iterator ops of `tf.data` (TF 1.15's iterator_ops.cc). An iterator is a resource the
 * SESSION holds (its resource manager): the op making it returns a handle; MakeIterator starts
 * it on a dataset; each IteratorGetNext moves it one element on. Two sessions on one graph
 * hold two iterators, each at its own position. Every step is a side effect (kind `iterator`,
 * target the iterator's op, `after` its position: elements read since it was initialized, or
 * "end of sequence"), which is how the run record and Session memory show it.
 */
import { resource, string as stringDType, variant } from "../../dtypes.js";
import { FailedPreconditionError, InvalidArgumentError, OutOfRangeError } from "../../errors.js";
import { defineOp, type KernelContext } from "../../op.js";
import { NDArray } from "../../ndarray.js";
import { TensorShape } from "../../shape.js";
import type { GraphFunction } from "../../function_graph.js";
import type { Dataset, ElementIterator, IterEnv } from "./datasets.js";
import type { Structure } from "./dataset_ops.js";
import { datasetOf } from "./variant.js";

/** What Session memory shows for an iterator that reached its end. */
export const END_OF_SEQUENCE = "end of sequence";

/** An iterator resource in one session. */
export class IteratorResource {
  private iterator: ElementIterator | null = null;
  /** Elements produced since the last initialization. */
  position = 0;
  ended = false;
  /** Lives as long as one initialization (TF gives each its own resource manager). */
  private state = new Map<string, unknown>();

  constructor(readonly name: string) {}

  get initialized(): boolean {
    return this.iterator !== null;
  }

  /** Starts over on `ds` (the iterator's initializer). */
  init(ds: Dataset, k: KernelContext<unknown>): void {
    this.state = new Map();
    this.position = 0;
    this.ended = false;
    this.iterator = ds.iterator(this.env(k), "Iterator");
  }

  /** The next element, or null at the end (and from then on). */
  next(k: KernelContext<unknown>): NDArray[] | null {
    if (this.iterator === null) {
      throw new FailedPreconditionError(
        "GetNext() failed because the iterator has not been initialized. Ensure that you have run the initializer operation for this iterator before getting the next element.",
        k.op.name,
      );
    }
    if (this.ended) return null;
    const el = this.iterator.next(this.env(k));
    if (el === null) this.ended = true;
    else this.position++;
    return el;
  }

  private env(k: KernelContext<unknown>): IterEnv {
    return { call: (fn, args) => k.call(fn, args), state: this.state, seed: () => k.seed(), tick: () => k.tick(), maxElements: maxElementsOf(k) };
  }
}

/** The program's limit on a tensor's elements (EngineContext.limits), reached through the op's graph. */
function maxElementsOf(k: KernelContext<unknown>): number {
  return (k.op.graph as unknown as { ctx: { limits: { maxElements: number } } }).ctx.limits.maxElements;
}

/** The session's iterator behind a handle, made on first use. */
function iteratorFor(k: KernelContext<unknown>, key: string, name: string): IteratorResource {
  const resources = k.sessionResources();
  let it = resources.get(key) as IteratorResource | undefined;
  if (it === undefined) resources.set(key, (it = new IteratorResource(name)));
  return it;
}

function lookup(k: KernelContext<unknown>, handle: NDArray): IteratorResource {
  const it = k.sessionResources().get(String(handle.data[0]));
  if (!(it instanceof IteratorResource)) {
    throw new FailedPreconditionError(`Resource ${String(handle.data[0])} of type IteratorResource does not exist in this session.`, k.op.name);
  }
  return it;
}

const keyOf = (k: KernelContext<{ shared_name: string }>): string => `iterator:${k.attrs.shared_name || k.op.name}`;

type IteratorAttrs = Structure & { shared_name: string; container: string };

export const IteratorV2 = defineOp<IteratorAttrs>({
  type: "IteratorV2",
  doc: "The handle of an iterator the session holds; it yields nothing until an initializer (MakeIterator) starts it on a dataset.",
  inputs: [],
  effects: ["iterator"],
  inferDtype: () => [resource],
  inferShape: () => [new TensorShape([])],
  kernel: (_, k) => {
    const key = keyOf(k);
    iteratorFor(k, key, k.op.name);
    return new NDArray(resource, [], [key]);
  },
  gradient: null,
});

export const OneShotIterator = defineOp<IteratorAttrs & { dataset_factory: GraphFunction }>({
  type: "OneShotIterator",
  doc: "The handle of an iterator the session starts, on its first run, on the dataset its factory function makes.",
  inputs: [],
  effects: ["iterator"],
  inferDtype: () => [resource],
  inferShape: () => [new TensorShape([])],
  kernel: (_, k) => {
    const key = keyOf(k);
    const it = iteratorFor(k, key, k.op.name);
    if (!it.initialized) {
      const [ds] = k.call(k.attrs.dataset_factory, []);
      it.init(datasetOf(ds), k);
      k.effect("iterator", k.op.name, null, 0);
    }
    return new NDArray(resource, [], [key]);
  },
  gradient: null,
});

export const MakeIterator = defineOp({
  type: "MakeIterator",
  doc: "Initializes an iterator: starts it at the beginning of `dataset` (again, if it ran before).",
  inputs: [
    { name: "dataset", dtype: variant },
    { name: "iterator", dtype: resource },
  ],
  effects: ["iterator"],
  inferDtype: () => [],
  inferShape: () => [],
  kernel: ([ds, handle], k) => {
    const it = lookup(k, handle);
    const before = it.initialized ? (it.ended ? END_OF_SEQUENCE : it.position) : null;
    it.init(datasetOf(ds), k);
    k.effect("iterator", it.name, before, 0);
    return null;
  },
  gradient: null,
});

export const IteratorGetNext = defineOp<Structure>({
  type: "IteratorGetNext",
  doc: "The iterator's next element, moving it one on; OutOfRangeError (\"End of sequence\") after the last.",
  inputs: [{ name: "iterator", dtype: resource }],
  effects: ["iterator"],
  inferDtype: (c) => c.attrs.output_types.slice(),
  inferShape: (c) => c.attrs.output_shapes.slice(),
  kernel: ([handle], k) => {
    const it = lookup(k, handle);
    const before = it.ended ? END_OF_SEQUENCE : it.position;
    const el = it.next(k);
    if (el === null) {
      k.effect("iterator", it.name, before, END_OF_SEQUENCE);
      throw new OutOfRangeError("End of sequence", k.op.name);
    }
    k.effect("iterator", it.name, before, it.position);
    return el.length === 1 ? el[0] : el;
  },
  gradient: null,
});

export const IteratorToStringHandle = defineOp({
  type: "IteratorToStringHandle",
  doc: "The iterator's handle as a string (for a feedable iterator).",
  inputs: [{ name: "resource_handle", dtype: resource }],
  effects: [],
  inferDtype: () => [stringDType],
  inferShape: () => [new TensorShape([])],
  kernel: ([handle]) => new NDArray(stringDType, [], [String(handle.data[0])]),
  gradient: null,
});


export const IteratorFromStringHandleV2 = defineOp<Structure>({
  type: "IteratorFromStringHandleV2",
  doc: "The iterator a string handle names (a feedable iterator: the handle is fed, so one get_next reads whichever iterator is fed).",
  inputs: [{ name: "string_handle", dtype: stringDType }],
  effects: [],
  inferDtype: () => [resource],
  inferShape: () => [new TensorShape([])],
  kernel: ([handle], k) => {
    const key = String(handle.data[0]);
    if (handle.shape.length !== 0) throw new InvalidArgumentError("string_handle must be a scalar");
    if (!(k.sessionResources().get(key) instanceof IteratorResource)) {
      throw new InvalidArgumentError(`Could not parse string_handle as a valid ResourceHandle: no iterator of this session has the handle '${key}'`, k.op.name);
    }
    return new NDArray(resource, [], [key]);
  },
  gradient: null,
});
