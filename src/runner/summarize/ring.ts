/**
 * A fixed-capacity FIFO: pushing into a full ring evicts (and returns) the oldest item. Keeps
 * "the last N" of an unbounded stream in constant memory.
 */
export class Ring<T> {
  private readonly items: (T | undefined)[];
  /** A number kept with each item (the summarizer's stream position), without a wrapper object. */
  private readonly seqs: Float64Array;
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`ring capacity must be at least 1, got ${capacity}`);
    this.items = new Array<T | undefined>(capacity);
    this.seqs = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Appends `item` (with an optional number `seq`); returns the item it evicted, or undefined. */
  push(item: T, seq = 0): T | undefined {
    if (this.count < this.capacity) {
      const i = (this.start + this.count++) % this.capacity;
      this.items[i] = item;
      this.seqs[i] = seq;
      return undefined;
    }
    const start = this.start;
    const evicted = this.items[start];
    this.items[start] = item;
    this.seqs[start] = seq;
    this.start = start + 1 === this.capacity ? 0 : start + 1;
    return evicted;
  }

  /** The number pushed with the oldest item (the one a push into a full ring evicts); NaN when empty. */
  oldestSeq(): number {
    return this.count === 0 ? NaN : this.seqs[this.start];
  }

  /** The numbers pushed with the items, oldest first. */
  seqArray(): number[] {
    const out = new Array<number>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.seqs[(this.start + i) % this.capacity];
    return out;
  }

  /** The items, oldest first. */
  toArray(): T[] {
    const out = new Array<T>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.items[(this.start + i) % this.capacity] as T;
    return out;
  }

  /** The newest `n` items, oldest first. */
  newest(n: number): T[] {
    const k = Math.min(n, this.count);
    const out = new Array<T>(k);
    for (let i = 0; i < k; i++) out[i] = this.items[(this.start + this.count - k + i) % this.capacity] as T;
    return out;
  }
}
