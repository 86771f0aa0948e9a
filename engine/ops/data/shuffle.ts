/**
 * `Dataset.shuffle`, drawing exactly as TF 1.15's ShuffleDatasetOp (shuffle_dataset_op.cc), so
 * a seeded shuffle gives TF's order:
 * - the iterator keeps a buffer of `buffer_size` elements, filled from the input before each
 *   element is produced, and produces the element at `Random() % n` of the buffered ones,
 *   moving the oldest into its place;
 * - `Random()` is a SingleSampleAdapter over Philox4x32-10 seeded with (seed, seed2): the
 *   uint32 words of each Philox block, one at a time;
 * - with `reshuffle_each_iteration` (the default), each new iterator over the dataset (each
 *   epoch of a `repeat`, each run of an initializer) first draws its own two seeds from a
 *   generator seeded with (seed, seed2), which lives as long as the iterator resource's
 *   initialization: re-running an iterator's initializer starts the same sequence of orders.
 */
import type { NDArray } from "../../ndarray.js";
import { Philox } from "../../random/philox.js";
import { Dataset, type ElementIterator, type IterEnv } from "./datasets.js";

/** TF's `SingleSampleAdapter<PhiloxRandom>`: one uint32 at a time. */
class SingleSample {
  private used = 4;
  constructor(private readonly gen: Philox) {}
  next(): number {
    if (this.used === 4) {
      this.gen.next();
      this.used = 0;
    }
    return this.gen.block[this.used++];
  }
}

export class ShuffleDataset extends Dataset {
  readonly type = "Shuffle";
  constructor(
    readonly input: Dataset,
    readonly bufferSize: number,
    /** Never both 0: the kernel replaces (0, 0) with random seeds, as TF does. */
    readonly seed: number,
    readonly seed2: number,
    readonly reshuffle: boolean,
  ) {
    super();
  }

  iterator(env: IterEnv, prefix: string): ElementIterator {
    const name = `${prefix}::${this.type}`;
    let seed = this.seed;
    let seed2 = this.seed2;
    if (this.reshuffle) {
      const key = `${name}::ShuffleDataset::RandomSeedGenerator`;
      let gen = env.state.get(key) as SingleSample | undefined;
      if (gen === undefined) env.state.set(key, (gen = new SingleSample(Philox.fromSeeds(seed, seed2))));
      seed = gen.next();
      seed2 = gen.next();
    }
    return new ShuffleIterator(this, env, name, new SingleSample(Philox.fromSeeds(seed, seed2)));
  }
}

/** TF's ShuffleDatasetBase::Iterator with count 1: one slice of the circular buffer per epoch. */
class ShuffleIterator implements ElementIterator {
  private readonly buffer: (NDArray[] | null)[];
  private input: ElementIterator | null = null;
  private epoch = 0;
  private numElements = 0;
  private readonly slices: { start: number; end: number }[] = [{ start: 0, end: 0 }];

  constructor(
    private readonly ds: ShuffleDataset,
    env: IterEnv,
    private readonly name: string,
    private readonly random: SingleSample,
  ) {
    // Filled as elements come (a buffer_size far beyond the data costs nothing).
    this.buffer = [];
    void env;
  }

  next(env: IterEnv): NDArray[] | null {
    const size = this.ds.bufferSize;
    if (this.input === null && this.epoch === 0) this.input = this.ds.input.iterator(env, this.name);
    while (this.input !== null && this.numElements < size) {
      const el = this.input.next(env);
      if (el === null) {
        // The input's epoch ended: with count 1 there is no next epoch.
        this.epoch++;
        const n = this.slices[this.slices.length - 1].end;
        this.slices.push({ start: n, end: n });
        this.input = null;
        break;
      }
      const last = this.slices[this.slices.length - 1];
      if (this.numElements % 256 === 255) env.tick();
      this.buffer[last.end % size] = el;
      this.numElements++;
      last.end++;
    }
    if (this.numElements === 0) return null;
    while (this.slices.length > 0 && this.slices[0].start === this.slices[0].end) this.slices.shift();
    const front = this.slices[0];
    const offset = this.random.next() % (front.end - front.start);
    const index = (front.start + offset) % size;
    const out = this.buffer[index]!;
    const oldest = front.start % size;
    this.buffer[index] = this.buffer[oldest];
    delete this.buffer[oldest];
    front.start++;
    this.numElements--;
    return out;
  }
}
