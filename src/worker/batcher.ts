/**
 * Posts a program's summarized event stream to the page in few, small messages, and loses
 * nothing if the program then hangs.
 *
 * The runner's Summarizer decides what is kept (first/last runs and lines, per-path
 * aggregates, downsampled series); this decides *when* to post. User code runs synchronously,
 * so there is no event-loop turn to flush on, and a program stuck in `while (true) {}` never
 * yields one: we post inline, from the event callback.
 * - While events are few (fewer than BURST in a batch interval), each is posted at once: a
 *   program that prints three lines and then hangs shows all three.
 * - When they come fast (a training loop), at most one batch per `intervalMs` (one animation
 *   frame), read off the clock every ≤ 32 events.
 * - The instrumented program's loops tick every millisecond or two (`tick`): a pending batch
 *   is posted once due, and the program's line is reported (`at`) while it changes, so a hang
 *   in a loop after a burst of events loses nothing either, and Stop can say where it was.
 * - A timer covers programs that idle in an `await`.
 *
 * It also keeps each session's memory (variable → value after each run), folded from the runs'
 * side effects, and attaches it to the run events the page keeps in full (SessionMemories).
 */
import type { ProgramEvent } from "../runner/events";
import { RUNNER_LIMITS } from "../runner/limits";
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

/** Events posted at once per batch interval while events are few. */
const BURST = 8;
/** Minimum time between two `at` messages (a line that changes in every tick of a loop). */
const AT_INTERVAL_MS = 50;

export class EventBatcher {
  private readonly summarizer: Summarizer;
  private readonly interval: number;
  private lastPost = -Infinity;
  private pending = 0;
  /** Events that may still be posted at once in this interval, and when the interval began. */
  private burst = BURST;
  private windowStart = -Infinity;
  private eventsInWindow = 0;
  /** The learner's line of the latest event or loop tick, and the last one reported. */
  private line: number | null = null;
  private lastAt = -Infinity;
  private reportedLine: number | null = null;
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
    // Every op the runner allows reaches the page (its 100,000-op cap, not the summarizer's
    // 10,000): the graph pane folds a loop's ops into series and follows a growing graph
    // incrementally, so a program stopped by the cap is drawn whole.
    this.summarizer = new Summarizer({ maxNodes: RUNNER_LIMITS.maxOps, ...o.summarizer, onBatch: undefined, now: o.now });
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
    if ((e.type === "run" || e.type === "node") && e.line !== null) this.line = e.line;
    this.pending++;
    this.eventsInWindow++;
    if (this.burst > 0) {
      // Few events so far in this interval: post at once (the program may hang next).
      this.burst--;
      this.post();
    } else if (--this.untilClock <= 0 && this.clockSaysPost()) this.post();
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

  /**
   * A loop of the program ticked (every millisecond or two while it loops): post what is
   * pending once a batch is due, and report the program's line while it changes.
   */
  readonly tick = (line: number | null): void => {
    if (this.ended) return;
    if (line !== null) this.line = line;
    const now = this.o.now();
    if (this.pending > 0 && now - this.lastPost >= this.interval) this.post();
    else if (this.line !== this.reportedLine && now - this.lastAt >= AT_INTERVAL_MS) {
      this.lastAt = now;
      this.reportedLine = this.line;
      this.o.post({ type: "at", runId: this.o.runId, line: this.line });
    }
  };

  private post(): void {
    const now = this.o.now();
    if (now - this.windowStart >= this.interval) {
      // A new interval: events may be posted at once again, unless they came fast in the last one.
      this.burst = this.eventsInWindow < BURST * 2 ? BURST : 0;
      this.windowStart = now;
      this.eventsInWindow = 0;
    }
    this.lastPost = now;
    this.lastAt = now;
    this.reportedLine = this.line;
    this.pending = 0;
    const batch = this.summarizer.takeBatch();
    // The page shows the latest run only while the program runs; the final batch's would be a
    // second copy of its last run (a whole graph's values after a big build: hundreds of kB).
    batch.latest_run = batch.final ? null : this.memories.latest(batch.latest_run);
    if (batch.final) this.memories.fillTail(batch.items);
    this.o.post({ type: "batch", runId: this.o.runId, batch, line: this.line });
  }
}
