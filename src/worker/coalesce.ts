/**
 * Applies the worker's batches to the page at most every `intervalMs` while a program runs.
 * The worker posts up to one batch per frame; rendering each one (console, runs list, chart,
 * graph highlight) kept the main thread busy enough that two frames' work sometimes merged
 * into one long task. Batches that arrive in between are merged (in order, so later rows and
 * series replace earlier ones) and applied together; the first batch and the final one are
 * applied at once.
 */
import type { SummaryBatch } from "../runner/summarize";
import type { BatchMessage } from "./protocol";

/** Two consecutive batches of one run as one. */
export function mergeBatches(a: SummaryBatch, b: SummaryBatch): SummaryBatch {
  return {
    type: "batch",
    items: a.items.concat(b.items),
    aggregates: a.aggregates.concat(b.aggregates),
    series: a.series.concat(b.series),
    counts: b.counts,
    latest_run: b.latest_run ?? a.latest_run,
    recent_lines: b.recent_lines,
    final: b.final,
  };
}

export interface CoalescerOptions {
  apply(m: BatchMessage): void;
  now(): number;
  schedule(fn: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
  intervalMs?: number;
}

export class BatchCoalescer {
  private pending: BatchMessage | null = null;
  private lastApply = -Infinity;
  private timer: unknown = null;
  private readonly interval: number;

  constructor(private readonly o: CoalescerOptions) {
    this.interval = o.intervalMs ?? 100;
  }

  /** Takes a batch from the worker. */
  push(m: BatchMessage): void {
    if (this.pending !== null && this.pending.runId !== m.runId) this.pending = null;
    this.pending = this.pending === null ? m : { ...m, batch: mergeBatches(this.pending.batch, m.batch) };
    const wait = this.lastApply + this.interval - this.o.now();
    if (m.batch.final || wait <= 0) this.flush();
    else if (this.timer === null) this.timer = this.o.schedule(() => this.flush(), wait);
  }

  /** Applies what is pending now (also before a stop, so what arrived stays). */
  flush(): void {
    if (this.timer !== null) this.o.cancel(this.timer);
    this.timer = null;
    const m = this.pending;
    this.pending = null;
    if (m === null) return;
    this.lastApply = this.o.now();
    this.o.apply(m);
  }

  /** Drops what is pending (a new run starts). */
  reset(): void {
    if (this.timer !== null) this.o.cancel(this.timer);
    this.timer = null;
    this.pending = null;
    this.lastApply = -Infinity;
  }
}
