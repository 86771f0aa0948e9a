/**
 * The datasets behind `tf.data`'s ops, and their iterators, as TF 1.15's kernels
 * (core/kernels/data/*_dataset_op.cc) produce elements: an element is the list of its
 * components (one NDArray each); `next` returns null at the end of the sequence. A dataset is
 * an immutable description; all iteration state is in the iterators, which the session's
 * iterator resource owns.
 */
import { allocData, int64 } from "../../dtypes.js";
import { InvalidArgumentError, ResourceExhaustedError } from "../../errors.js";
import { NDArray } from "../../ndarray.js";
import type { GraphFunction } from "../../function_graph.js";

/** What iterators need from the session while they produce an element. */
export interface IterEnv {
  /** Calls a traced function (map, filter) in the session. */
  call(fn: GraphFunction, args: readonly NDArray[]): NDArray[];
  /**
   * State that lives as long as one initialization of the iterator resource (TF's iterator
   * resource manager): the shuffle datasets' seed generators, by iterator prefix.
   */
  readonly state: Map<string, unknown>;
  /** A seed for a shuffle the program gave none (TF picks a random one). */
  seed(): number;
  /** Lets the runner check the time limit during a long scan. */
  tick(): void;
  /** The most elements one tensor may have (the playground's memory limit, as in `alloc`). */
  readonly maxElements: number;
}

export interface ElementIterator {
  next(env: IterEnv): NDArray[] | null;
}

export abstract class Dataset {
  /** TF's dataset type name (`TensorSlice`, `Range`, ...), used in iterator prefixes. */
  abstract readonly type: string;
  /** A fresh iterator at the start of the sequence; `prefix` names it as TF's iterators are. */
  abstract iterator(env: IterEnv, prefix: string): ElementIterator;
  debugString(): string {
    return `${this.type}DatasetOp::Dataset`;
  }
}

/** Row `i` of `a` (its first axis), as a new array. */
export function rowOf(a: NDArray, i: number): NDArray {
  const shape = a.shape.slice(1);
  let n = 1;
  for (const d of shape) n *= d;
  return new NDArray(a.dtype, shape, a.data.slice(i * n, (i + 1) * n) as NDArray["data"]);
}

/** `from_tensor_slices`: element i is row i of every component. */
export class TensorSliceDataset extends Dataset {
  readonly type = "TensorSlice";
  constructor(readonly components: readonly NDArray[]) {
    super();
    for (const t of components) {
      if (t.shape.length === 0) throw new InvalidArgumentError("All components must be at least 1-dimensional");
      if (t.shape[0] !== components[0].shape[0]) throw new InvalidArgumentError("All components must have the same size in the 0th dimension");
    }
  }
  iterator(): ElementIterator {
    let i = 0;
    const n = this.components[0].shape[0];
    return {
      next: () => {
        if (i >= n) return null;
        const at = i++;
        return this.components.map((c) => rowOf(c, at));
      },
    };
  }
}

/** `from_tensors`: the components, once. */
export class TensorDataset extends Dataset {
  readonly type = "Tensor";
  constructor(readonly components: readonly NDArray[]) {
    super();
  }
  iterator(): ElementIterator {
    let done = false;
    return {
      next: () => {
        if (done) return null;
        done = true;
        return this.components.map((c) => c.copy());
      },
    };
  }
}

/** `range(start, stop, step)`: int64 scalars. */
export class RangeDataset extends Dataset {
  readonly type = "Range";
  constructor(
    readonly start: number,
    readonly stop: number,
    readonly step: number,
  ) {
    super();
    if (step === 0) throw new InvalidArgumentError("step must be a non-zero integer.");
  }
  iterator(): ElementIterator {
    let v = this.start;
    const { stop, step } = this;
    return {
      next: () => {
        if (step > 0 ? v >= stop : v <= stop) return null;
        const out = new NDArray(int64, [], new Float64Array([v]));
        v += step;
        return [out];
      },
    };
  }
}

/** `map(f)`: f's results for each input element (its captured values passed after it). */
export class MapDataset extends Dataset {
  readonly type = "Map";
  constructor(
    readonly input: Dataset,
    readonly fn: GraphFunction,
    readonly captured: readonly NDArray[],
  ) {
    super();
  }
  iterator(env: IterEnv, prefix: string): ElementIterator {
    const inner = this.input.iterator(env, `${prefix}::${this.type}`);
    return {
      next: (e) => {
        const el = inner.next(e);
        return el === null ? null : e.call(this.fn, [...el, ...this.captured]);
      },
    };
  }
}

/** `filter(predicate)`: the input elements for which the predicate is true. */
export class FilterDataset extends Dataset {
  readonly type = "Filter";
  constructor(
    readonly input: Dataset,
    readonly predicate: GraphFunction,
    readonly captured: readonly NDArray[],
  ) {
    super();
  }
  iterator(env: IterEnv, prefix: string): ElementIterator {
    const inner = this.input.iterator(env, `${prefix}::${this.type}`);
    return {
      next: (e) => {
        for (let scanned = 1; ; scanned++) {
          const el = inner.next(e);
          if (el === null) return null;
          const [keep] = e.call(this.predicate, [...el, ...this.captured]);
          if (keep.dtype.name !== "bool" || keep.shape.length !== 0) throw new InvalidArgumentError("Filter predicate `f` must return a scalar bool.");
          if (keep.data[0]) return el;
          // A predicate that rejects everything of an endless input never returns (as in TF):
          // the runner's time limit and Stop still reach it.
          if (scanned % 256 === 0) e.tick();
        }
      },
    };
  }
}

/** `batch(n, drop_remainder)`: n consecutive elements stacked along a new first axis. */
export class BatchDataset extends Dataset {
  readonly type = "Batch";
  constructor(
    readonly input: Dataset,
    readonly batchSize: number,
    readonly dropRemainder: boolean,
  ) {
    super();
    if (batchSize <= 0) throw new InvalidArgumentError("Batch size must be greater than zero.");
  }
  iterator(env: IterEnv, prefix: string): ElementIterator {
    const inner = this.input.iterator(env, `${prefix}::${this.type}`);
    let ended = false;
    return {
      next: (e) => {
        if (ended) return null;
        const batch: NDArray[][] = [];
        while (batch.length < this.batchSize) {
          const el = inner.next(e);
          if (el === null) {
            ended = true;
            break;
          }
          if (batch.length === 0) checkBatchSize(el, this.batchSize, e.maxElements);
          batch.push(el);
          if (batch.length % 256 === 0) e.tick();
        }
        if (batch.length === 0 || (this.dropRemainder && batch.length < this.batchSize)) return null;
        return batch[0].map((_, c) => stack(batch, c));
      },
    };
  }
}

/** A batch too big for the playground's memory fails before it is gathered, in TF's words for an OOM. */
export function checkBatchSize(first: readonly NDArray[], batchSize: number, maxElements: number): void {
  for (const t of first) {
    if (batchSize * t.size > maxElements) {
      throw new ResourceExhaustedError(
        `OOM when allocating tensor with shape[${[batchSize, ...t.shape].join(",")}] and type ${t.dtype.cName} on /job:localhost/replica:0/task:0/device:CPU:0 by allocator cpu`,
      );
    }
  }
}

/** Component `c` of every element, stacked (TF's CopyElementToSlice), with TF's error for ragged shapes. */
function stack(batch: readonly NDArray[][], c: number): NDArray {
  const first = batch[0][c];
  const n = first.size;
  const data = allocData(first.dtype, n * batch.length);
  batch.forEach((el, i) => {
    const t = el[c];
    if (t.shape.length !== first.shape.length || t.shape.some((d, k) => d !== first.shape[k])) {
      throw new InvalidArgumentError(
        `Cannot batch tensors with different shapes in component ${c}. First element had shape [${first.shape.join(",")}] and element ${i} had shape [${t.shape.join(",")}].`,
      );
    }
    for (let j = 0; j < n; j++) (data as unknown[])[i * n + j] = t.data[j];
  });
  return new NDArray(first.dtype, [batch.length, ...first.shape], data);
}

/** `repeat(count)`: the input again and again (`count` -1: forever). */
export class RepeatDataset extends Dataset {
  readonly type = "Repeat";
  constructor(
    readonly input: Dataset,
    readonly count: number,
  ) {
    super();
  }
  iterator(env: IterEnv, prefix: string): ElementIterator {
    const name = `${prefix}::${this.type}`;
    if (this.count === 0) return { next: () => null };
    let inner: ElementIterator | null = this.input.iterator(env, name);
    let epoch = 0;
    // TF's ForeverIterator: an epoch that is empty from its start ends an endless repeat
    // (else it would spin without producing anything).
    let firstCall = true;
    return {
      next: (e) => {
        while (inner !== null) {
          const el = inner.next(e);
          if (el !== null) {
            firstCall = false;
            return el;
          }
          if (this.count < 0) {
            if (firstCall) return (inner = null);
            firstCall = true;
          } else if (++epoch >= this.count) {
            return (inner = null);
          }
          inner = this.input.iterator(e, name);
        }
        return null;
      },
    };
  }
}

/** `take(count)`: at most the first `count` elements (-1: all). */
export class TakeDataset extends Dataset {
  readonly type = "Take";
  constructor(
    readonly input: Dataset,
    readonly count: number,
  ) {
    super();
  }
  iterator(env: IterEnv, prefix: string): ElementIterator {
    const inner = this.input.iterator(env, `${prefix}::${this.type}`);
    let taken = 0;
    return {
      next: (e) => {
        if (this.count >= 0 && taken >= this.count) return null;
        const el = inner.next(e);
        if (el !== null) taken++;
        return el;
      },
    };
  }
}

/** `skip(count)`: all but the first `count` elements (-1: none). */
export class SkipDataset extends Dataset {
  readonly type = "Skip";
  constructor(
    readonly input: Dataset,
    readonly count: number,
  ) {
    super();
  }
  iterator(env: IterEnv, prefix: string): ElementIterator {
    const inner = this.input.iterator(env, `${prefix}::${this.type}`);
    let skipped = false;
    return {
      next: (e) => {
        if (!skipped) {
          skipped = true;
          for (let i = 0; this.count < 0 || i < this.count; i++) {
            if (inner.next(e) === null) return null;
            if (i % 256 === 255) e.tick();
          }
        }
        return inner.next(e);
      },
    };
  }
}

/** `zip(datasets)`: one element of each, flattened, until the shortest ends. */
export class ZipDataset extends Dataset {
  readonly type = "Zip";
  constructor(readonly inputs: readonly Dataset[]) {
    super();
  }
  iterator(env: IterEnv, prefix: string): ElementIterator {
    const inners = this.inputs.map((d, i) => d.iterator(env, `${prefix}::${this.type}[${i}]`));
    return {
      next: (e) => {
        const out: NDArray[] = [];
        for (const it of inners) {
          const el = it.next(e);
          if (el === null) return null;
          out.push(...el);
        }
        return out;
      },
    };
  }
}

/** `concatenate(other)`: this dataset's elements, then the other's. */
export class ConcatenateDataset extends Dataset {
  readonly type = "Concatenate";
  constructor(
    readonly first: Dataset,
    readonly second: Dataset,
  ) {
    super();
  }
  iterator(env: IterEnv, prefix: string): ElementIterator {
    const name = `${prefix}::${this.type}`;
    let current = this.first.iterator(env, name);
    let onSecond = false;
    return {
      next: (e) => {
        const el = current.next(e);
        if (el !== null || onSecond) return el;
        onSecond = true;
        current = this.second.iterator(e, name);
        return current.next(e);
      },
    };
  }
}

