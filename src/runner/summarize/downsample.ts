/**
 * A scalar series of any length kept as at most `2 * buckets` points that preserve its shape:
 * each bucket covers an equal run of samples and keeps its minimum and its maximum (with where
 * they happened). When the buckets fill up, neighbours merge and each bucket covers twice as
 * many samples. So a loss curve's spikes survive, memory stays constant, and adding a sample is
 * a few comparisons.
 */

/** The points to draw, in x order. */
export interface SeriesPoints {
  x: number[];
  y: number[];
}

export class MinMaxSeries {
  private readonly minX: Float64Array;
  private readonly minY: Float64Array;
  private readonly maxX: Float64Array;
  private readonly maxY: Float64Array;
  /** Samples per bucket (a power of two). */
  private width = 1;
  /** The bucket the next sample goes to, unless it is full, and how many samples it holds. */
  private bucket = 0;
  private inBucket = 0;
  /** Finite samples added. */
  private samples = 0;
  /** Samples that were NaN or infinite (not drawn, but counted). */
  nonFinite = 0;
  /** x of the first non-finite sample, or null. */
  firstNonFinite: number | null = null;
  private lastX = 0;
  private lastY = 0;
  /** Whether the series has changed since the summarizer last reported it. */
  dirty = false;

  /** The newest finite sample. */
  get last(): { x: number; y: number } | null {
    return this.samples === 0 ? null : { x: this.lastX, y: this.lastY };
  }

  constructor(readonly buckets: number) {
    if (!(buckets >= 2) || buckets % 2 !== 0) throw new RangeError(`buckets must be an even number ≥ 2, got ${buckets}`);
    this.minX = new Float64Array(buckets);
    this.minY = new Float64Array(buckets);
    this.maxX = new Float64Array(buckets);
    this.maxY = new Float64Array(buckets);
  }

  /** Finite samples added so far. */
  get count(): number {
    return this.samples;
  }

  add(x: number, y: number): void {
    if (!Number.isFinite(y)) {
      this.nonFinite++;
      if (this.firstNonFinite === null) this.firstNonFinite = x;
      return;
    }
    // The bucket and the position in it, kept incrementally (no division per sample).
    if (this.inBucket === this.width) {
      this.inBucket = 0;
      if (++this.bucket === this.buckets) {
        this.halve();
        this.bucket = this.buckets / 2;
      }
    }
    const b = this.bucket;
    if (this.inBucket++ === 0) {
      this.minX[b] = this.maxX[b] = x;
      this.minY[b] = this.maxY[b] = y;
    } else {
      if (y < this.minY[b]) {
        this.minY[b] = y;
        this.minX[b] = x;
      }
      if (y > this.maxY[b]) {
        this.maxY[b] = y;
        this.maxX[b] = x;
      }
    }
    this.samples++;
    this.lastX = x;
    this.lastY = y;
  }

  /** Merges bucket pairs: half as many buckets, each twice as wide. */
  private halve(): void {
    const half = this.buckets / 2;
    for (let i = 0; i < half; i++) {
      const a = 2 * i;
      const c = a + 1;
      const minFromC = this.minY[c] < this.minY[a];
      const maxFromC = this.maxY[c] > this.maxY[a];
      this.minX[i] = minFromC ? this.minX[c] : this.minX[a];
      this.minY[i] = minFromC ? this.minY[c] : this.minY[a];
      this.maxX[i] = maxFromC ? this.maxX[c] : this.maxX[a];
      this.maxY[i] = maxFromC ? this.maxY[c] : this.maxY[a];
    }
    this.width *= 2;
  }

  /** Each bucket's min and max in x order (one point where they coincide). */
  points(): SeriesPoints {
    const used = Math.ceil(this.samples / this.width);
    const x: number[] = [];
    const y: number[] = [];
    for (let b = 0; b < used; b++) {
      const first = this.minX[b] <= this.maxX[b];
      x.push(first ? this.minX[b] : this.maxX[b]);
      y.push(first ? this.minY[b] : this.maxY[b]);
      if (this.minX[b] !== this.maxX[b]) {
        x.push(first ? this.maxX[b] : this.minX[b]);
        y.push(first ? this.maxY[b] : this.minY[b]);
      }
    }
    return { x, y };
  }
}
