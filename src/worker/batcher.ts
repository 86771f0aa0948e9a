/**
 * Posts a program's summarized event stream to the page in few, small messages.
 *
 * The runner's Summarizer decides what is kept (first/last runs and lines, per-path
 * aggregates, downsampled series); this decides *when* to post. User code runs synchronously,
 * so there is no event-loop turn to flush on: we post inline, from the event callback, once at
 * least `intervalMs` (one animation frame) passed since the last post — and the very first
 * event at once, so a program that prints and then loops forever still shows its output. A
 * timer covers programs that idle in an `await`.
 *
 * It also keeps each session's memory (variable → value after each run), folded from the runs'
 * side effects, and attaches it to the run events the page keeps in full (SessionMemories).
 */
import type { ProgramEvent } from "../runner/events";
import { Summarizer } from "../runner/summarize";
import type { FromWorker } from "./protocol";
import { SessionMemories } from "./memory";

export interface BatcherOptions {
  runId: number;
  post(message: FromWorker): void;
  now(): number;
  /** Minimum time between two batches (one animation frame). */
  intervalMs?: number;
  /** Schedules a flush when the program idles (setTimeout in the worker). */
  schedule?(fn: () => void, ms: number): void;
  /** Limits passed to the Summarizer (tests use small ones). */
  summarizer?: ConstructorParameters<typeof Summarizer>[0];
}

export class EventBatcher {
  private readonly summarizer: Summarizer;
  private readonly interval: number;
  private lastPost = -Infinity;
  private pending = 0;
  private scheduled = false;
  private ended = false;
  private readonly memories: SessionMemories;
  /** Events until the clock is read again, the current stride, and the last reading. */
  private untilClock = 0;
  private stride = 1;
  private lastClock = -Infinity;

  constructor(private readonly o: BatcherOptions) {
    this.interval = o.intervalMs ?? 16;
    // No onBatch: this class decides when batches are taken.
    this.summarizer = new Summarizer({ ...o.summarizer, onBatch: undefined, now: o.now });
    this.memories = new SessionMemories(o.summarizer?.headRuns ?? 1000, o.summarizer?.tailRuns ?? 1000);
  }

  /** Takes one program event (the runner's emit callback). */
  readonly push = (e: ProgramEvent): void => {
    if (this.ended) return;
    this.summarizer.push(e.type === "run" ? this.memories.take(e) : e);
    if (e.type === "end") {
      this.ended = true;
      this.post();
      return;
    }
    this.pending++;
    if (--this.untilClock <= 0 && this.clockSaysPost()) this.post();
    else if (!this.scheduled && this.o.schedule) {
      this.scheduled = true;
      this.o.schedule(() => {
        this.scheduled = false;
        if (!this.ended && this.pending > 0) this.post();
      }, this.interval);
    }
  };

  /**
   * Whether a batch is due. Reading the clock costs as much as summarizing a run, so when
   * events come fast (a training loop: a run per microsecond) the clock is read every
   * `stride` events, the stride doubling while consecutive reads are under a millisecond
   * apart and back to 1 as soon as events slow down — a batch is never late by more than
   * 32 events (one batch interval plus 31 slow events at worst).
   */
  private clockSaysPost(): boolean {
    const now = this.o.now();
    this.stride = now - this.lastClock < 1 ? Math.min(this.stride * 2, 32) : 1;
    this.lastClock = now;
    this.untilClock = this.stride;
    return now - this.lastPost >= this.interval;
  }

  private post(): void {
    this.lastPost = this.o.now();
    this.pending = 0;
    const batch = this.summarizer.takeBatch();
    batch.latest_run = this.memories.latest(batch.latest_run);
    if (batch.final) this.memories.fillTail(batch.items);
    this.o.post({ type: "batch", runId: this.o.runId, batch });
  }
}
