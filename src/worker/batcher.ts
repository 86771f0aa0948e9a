/**
 * Turns a program's event stream into few, small messages for the page.
 *
 * User code runs synchronously, so there is no event loop turn to flush on: the batcher posts
 * inline, from the event callback, once at least `intervalMs` passed since the last post (and
 * from a timer when the program idles in an `await`). Long loops are summarized as the page
 * keeps them: runs past the first 1,000 go through a ring of the last 1,000; runs leaving the
 * ring are folded into one aggregate per path; console lines past the first 1,000 are sent only
 * if they can still be among the last 5,000; scalar fetch values are downsampled.
 */
import type { ValueSummary } from "../../engine/records";
import type { DiagnosticEvent, EndEvent, NodeEvent, ProgramEvent, RunEvent } from "../runner/events";
import { HEAD_LINES, TAIL_LINES } from "../store/consoleLines";
import { HEAD_RUNS, TAIL_RUNS, type PathAggregate, type RunEntry } from "../store/runs";
import type { BatchMessage, ConsoleKind, ConsoleLine, EndMessage, FromWorker, ScalarSeries } from "./protocol";

export interface BatcherOptions {
  runId: number;
  post(message: FromWorker): void;
  now(): number;
  /** Minimum time between two batches (one animation frame). */
  intervalMs?: number;
  /** Most points a scalar series keeps (it halves its density past that). */
  maxPoints?: number;
  /** Schedules a flush when the program idles (setTimeout in the worker). */
  schedule?(fn: () => void, ms: number): void;
}

/** One scalar series being downsampled: keeps every `stride`-th value. */
class Series {
  xs: number[] = [];
  ys: number[] = [];
  stride = 1;
  seen = 0;
  /** Points not yet posted. */
  newXs: number[] = [];
  newYs: number[] = [];

  constructor(
    readonly key: string,
    readonly tensor: string,
    readonly line: number | null,
    private readonly max: number,
  ) {}

  add(x: number, y: number): void {
    if (this.seen++ % this.stride !== 0) return;
    this.xs.push(x);
    this.ys.push(y);
    this.newXs.push(x);
    this.newYs.push(y);
    if (this.xs.length >= this.max) {
      // Halve: keep every other point, and from now on every (2·stride)-th value.
      this.xs = this.xs.filter((_, i) => i % 2 === 0);
      this.ys = this.ys.filter((_, i) => i % 2 === 0);
      this.stride *= 2;
      this.seen = this.xs.length * this.stride;
    }
  }

  takeNew(): ScalarSeries | null {
    if (this.newXs.length === 0) return null;
    const out = { key: this.key, tensor: this.tensor, line: this.line, xs: this.newXs, ys: this.newYs };
    this.newXs = [];
    this.newYs = [];
    return out;
  }

  all(): ScalarSeries {
    return { key: this.key, tensor: this.tensor, line: this.line, xs: this.xs, ys: this.ys };
  }
}

export class EventBatcher {
  private readonly o: Required<Omit<BatcherOptions, "schedule">> & Pick<BatcherOptions, "schedule">;
  private lastPost: number;
  private scheduled = false;
  private ended = false;

  private nodes: NodeEvent[] = [];
  private runs: RunEntry[] = [];
  private diagnostics: DiagnosticEvent[] = [];
  private lines: ConsoleLine[] = [];
  private lineCount = 0;
  private runCount = 0;
  private latest: RunEntry | null = null;

  /** The last TAIL_RUNS runs past the head, oldest first (a ring: ringStart is the oldest). */
  private ring: RunEntry[] = [];
  private ringStart = 0;
  private middle = new Map<number, PathAggregate>();
  private middleChanged = false;
  private series = new Map<string, Series>();
  /** Each session's memory (variable → value), folded from the runs' side effects. */
  private memory = new Map<number, Record<string, ValueSummary | null>>();

  constructor(options: BatcherOptions) {
    this.o = { intervalMs: 16, maxPoints: 4000, ...options };
    // The first event is posted at once: a program that prints and then loops forever (until
    // Stop) emits nothing more that could trigger a post.
    this.lastPost = -Infinity;
  }

  /** Takes one program event (the runner's emit callback). */
  push = (e: ProgramEvent): void => {
    if (this.ended) return;
    switch (e.type) {
      case "node":
        this.nodes.push(e);
        break;
      case "run":
        this.addRun(e);
        break;
      case "stdout":
      case "stderr":
        this.addLine(e.type, e.text);
        break;
      case "diagnostic":
        this.diagnostics.push(e);
        break;
      case "end":
        this.end(e);
        return;
    }
    this.maybeFlush();
  };

  /** A line the worker itself writes (e.g. the program's uncaught error). */
  addLine(kind: ConsoleKind, text: string): void {
    const n = this.lineCount++;
    // A line past the head is worth sending only while it can be among the last TAIL_LINES.
    this.lines.push({ n, kind, text });
    if (n >= HEAD_LINES && this.lines.length > TAIL_LINES * 2) {
      this.lines = this.lines.filter((l) => l.n < HEAD_LINES || l.n >= this.lineCount - TAIL_LINES);
    }
  }

  private addRun(e: RunEvent): void {
    const entry: RunEntry = { ...e, memory: this.foldMemory(e) };
    this.runCount = Math.max(this.runCount, e.index + 1);
    this.addScalars(e);
    if (e.index < HEAD_RUNS) {
      this.runs.push(entry);
      return;
    }
    this.latest = entry;
    if (this.ring.length < TAIL_RUNS) {
      this.ring.push(entry);
      return;
    }
    const evicted = this.ring[this.ringStart];
    this.ring[this.ringStart] = entry;
    this.ringStart = (this.ringStart + 1) % TAIL_RUNS;
    this.aggregate(evicted);
  }

  private foldMemory(e: RunEvent): Record<string, ValueSummary | null> {
    let mem = this.memory.get(e.session);
    if (mem === undefined) {
      mem = {};
      this.memory.set(e.session, mem);
    }
    let changed = false;
    for (const fx of e.side_effects) {
      if (fx.target !== undefined && fx.after !== undefined) {
        if (!changed) {
          // Copy on write: earlier runs keep their snapshot.
          mem = { ...mem };
          changed = true;
        }
        mem[fx.target] = fx.after;
      }
    }
    if (changed) this.memory.set(e.session, mem);
    return mem;
  }

  private aggregate(r: RunEntry): void {
    const a = this.middle.get(r.plan);
    if (a === undefined) {
      this.middle.set(r.plan, {
        plan: r.plan, session: r.session, line: r.line, fetches: r.fetches, feeds: r.feeds, path: r.path,
        count: 1, okCount: r.ok ? 1 : 0, firstIndex: r.index, lastIndex: r.index,
      });
    } else {
      a.count++;
      if (r.ok) a.okCount++;
      a.lastIndex = r.index;
    }
    this.middleChanged = true;
  }

  private addScalars(e: RunEvent): void {
    if (e.values === undefined) return;
    for (const tensor in e.values) {
      const v = e.values[tensor];
      if (typeof v !== "number") continue;
      const key = `${e.line ?? "?"}:${tensor}`;
      let s = this.series.get(key);
      if (s === undefined) {
        s = new Series(key, tensor, e.line, this.o.maxPoints);
        this.series.set(key, s);
      }
      s.add(e.index, v);
    }
  }

  private maybeFlush(): void {
    if (this.o.now() - this.lastPost >= this.o.intervalMs) {
      this.flush();
    } else if (!this.scheduled && this.o.schedule) {
      // If the program now waits (an await, a timer), what is pending still gets posted.
      this.scheduled = true;
      this.o.schedule(() => {
        this.scheduled = false;
        if (!this.ended) this.flush();
      }, this.o.intervalMs);
    }
  }

  /** Posts what is pending (nothing if nothing is). */
  flush(): void {
    this.lastPost = this.o.now();
    const scalars: ScalarSeries[] = [];
    for (const s of this.series.values()) {
      const n = s.takeNew();
      if (n) scalars.push(n);
    }
    if (
      this.nodes.length === 0 && this.runs.length === 0 && this.lines.length === 0 && this.diagnostics.length === 0 &&
      scalars.length === 0 && this.latest === null && !this.middleChanged
    ) {
      return;
    }
    const lines = this.lines.filter((l) => l.n < HEAD_LINES || l.n >= this.lineCount - TAIL_LINES);
    const message: BatchMessage = {
      type: "batch",
      runId: this.o.runId,
      nodes: this.nodes,
      runs: this.runs,
      runCount: this.runCount,
      latest: this.latest,
      middle: this.middleChanged ? [...this.middle.values()].map((a) => ({ ...a })) : null,
      lines,
      diagnostics: this.diagnostics,
      scalars,
    };
    this.nodes = [];
    this.runs = [];
    this.lines = [];
    this.diagnostics = [];
    this.latest = null;
    this.middleChanged = false;
    this.o.post(message);
  }

  private end(e: EndEvent): void {
    this.flush();
    this.ended = true;
    const tail = [...this.ring.slice(this.ringStart), ...this.ring.slice(0, this.ringStart)];
    const message: EndMessage = {
      type: "end",
      runId: this.o.runId,
      end: e,
      tail,
      tailStart: tail.length ? tail[0].index : this.runCount,
      middle: [...this.middle.values()],
      series: [...this.series.values()].map((s) => s.all()),
      lineCount: this.lineCount,
    };
    this.o.post(message);
  }
}
