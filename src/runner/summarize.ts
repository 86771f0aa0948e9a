/**
 * The loop summarizer: turns a program's event stream (100,000+ events a second in a training
 * loop) into a few batches a second that the page can draw without stalling.
 *
 * - Runs: the first 1,000 and the last 1,000 in full; those in between counted per distinct
 *   (plan, path) with ok/error counts.
 * - Every scalar fetch's value over all runs, downsampled to a few thousand points that keep
 *   the curve's shape (min and max per bucket).
 * - Console lines: the first 1,000 and the last 5,000, with an "N lines omitted" marker.
 * - Nodes and diagnostics pass through (nodes up to a cap).
 *
 * Pure and constant-memory: every buffer is bounded whatever the program does. Scalar series
 * need run events that carry their fetched values (`values: "fetches"` in runProgram); the
 * summarizer's own `onRun` listener builds exactly those events from engine records.
 */
import type { RunLive, RunRecord } from "../../engine";
import { runEvent, type OutputEvent, type ProgramEvent, type RunEvent, type SummaryEvent } from "./events";
import { RunAggregates, type RunAggregate } from "./summarize/aggregates";
import { MinMaxSeries } from "./summarize/downsample";
import { Ring } from "./summarize/ring";

export type { RunAggregate } from "./summarize/aggregates";

/** Limits of the summary (all optional). */
export interface SummarizerOptions {
  /** Runs kept in full from the start (default 1,000). */
  headRuns?: number;
  /** Runs kept in full at the end (default 1,000). */
  tailRuns?: number;
  /** Console lines kept from the start (default 1,000). */
  headLines?: number;
  /** Console lines kept at the end (default 5,000). */
  tailLines?: number;
  /** Points per scalar series at most (default 4,096). */
  maxPoints?: number;
  /** Scalar series at most; later fetch names are not tracked (default 32). */
  maxSeries?: number;
  /** Distinct aggregate rows at most; the rest share one row with plan null (default 1,000). */
  maxAggregates?: number;
  /** Node events passed on at most (default 10,000): a graph drawn bigger is unreadable anyway. */
  maxNodes?: number;
  /** Characters kept of one console line (default 10,000). */
  maxLineLength?: number;
  /** Called with a batch whenever `intervalMs` passed since the last one (checked every 256 events). */
  onBatch?: (batch: SummaryBatch) => void;
  intervalMs?: number;
  /** Clock for `intervalMs` (default `performance.now`). */
  now?: () => number;
  /** Minimum time between two batches that carry the changed series (default 100 ms; the final batch always does). */
  seriesIntervalMs?: number;
}

/** Where the summary left something out. */
export interface OmittedMarker {
  type: "omitted";
  what: "runs" | "lines";
  /** How many were left out at this point of the stream. */
  count: number;
}

/** An item of the summarized stream: an event as it was, or an omission marker. */
export type SummaryItem = ProgramEvent | OmittedMarker;

/** One scalar fetch over all runs, downsampled. */
export interface ScalarSeries {
  /** The fetched tensor's name, e.g. `Square:0`. */
  name: string;
  /** Finite values seen. */
  count: number;
  /** Run indices and values of the kept points, in run order. */
  x: number[];
  y: number[];
  /** The newest finite value and its run index. */
  last: { x: number; y: number } | null;
  /** NaN/Infinity values seen (not drawn) and the first run that had one. */
  non_finite: number;
  first_non_finite: number | null;
}

/** Totals so far. */
export interface SummaryCounts {
  runs: number;
  runs_aggregated: number;
  lines: number;
  lines_omitted: number;
  nodes: number;
  nodes_omitted: number;
}

/** What the page receives a few times a second. */
export interface SummaryBatch {
  type: "batch";
  /** Items to append, in program order. */
  items: SummaryItem[];
  /** Aggregate rows changed since the last batch (cumulative: replace the row with the same plan and path length). */
  aggregates: RunAggregate[];
  /** Series changed since the last batch (complete: replace the series with the same name). */
  series: ScalarSeries[];
  counts: SummaryCounts;
  /** The newest run, for a live highlight while the loop runs. */
  latest_run: RunEvent | null;
  /** The newest held-back console lines, for a live view; the final batch has the real tail. */
  recent_lines: OutputEvent[];
  /** True for the batch that ends the stream (after the end event). */
  final: boolean;
}

/**
 * The name of the series of a summary tag (`summary:loss`): no tensor name looks like it (an
 * op name has no ":", and a tensor's ends in ":<digits>"), so fetch series and tags never mix.
 */
export const SUMMARY_SERIES = "summary:";

const DEFAULTS = {
  headRuns: 1000,
  tailRuns: 1000,
  headLines: 1000,
  tailLines: 5000,
  maxPoints: 4096,
  maxSeries: 32,
  maxAggregates: 1000,
  maxNodes: 10_000,
  maxLineLength: 10_000,
  intervalMs: 100,
  seriesIntervalMs: 100,
};

const RECENT_LINES = 20;

/** A held-back run or line, with its position in the stream for the final merge. */

/**
 * Summarizes one program's event stream.
 * @example
 * const s = new Summarizer({ onBatch: (b) => post(b) });
 * await runProgram(source, { seed, emit: s.push, values: "fetches" });
 * // or, as a benchmark attaches it: createTF({ onRun: s.onRun })
 */
export class Summarizer {
  private readonly o: typeof DEFAULTS & Pick<SummarizerOptions, "onBatch" | "now">;
  private items: SummaryItem[] = [];
  private readonly tailRuns: Ring<RunEvent>;
  private readonly tailLines: Ring<OutputEvent>;
  private readonly aggregates: RunAggregates;
  private readonly series = new Map<string, MinMaxSeries>();
  /** Series changed since the last batch (each also flagged `dirty`, so adding is O(1)). */
  private changedSeries: string[] = [];
  /** The series of the previous run's fetches, by fetch position (a loop repeats one plan). */
  private lastSeriesPlan = -1;
  private lastSeries: (MinMaxSeries | null)[] = [];
  /** Positions of that plan's fetches that are tensors (the others have no value). */
  private lastTensorFetches: number[] = [];
  private readonly counts: SummaryCounts = { runs: 0, runs_aggregated: 0, lines: 0, lines_omitted: 0, nodes: 0, nodes_omitted: 0 };
  private latestRun: RunEvent | null = null;
  private seq = 0;
  private sinceCheck = 0;
  private lastBatchAt: number;
  private lastSeriesAt = -Infinity;
  private finished = false;

  constructor(options: SummarizerOptions = {}) {
    const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    this.o = { ...DEFAULTS, ...defined };
    this.tailRuns = new Ring(Math.max(1, this.o.tailRuns));
    this.tailLines = new Ring(Math.max(1, this.o.tailLines));
    this.aggregates = new RunAggregates(this.o.maxAggregates);
    this.lastBatchAt = this.clock();
  }

  /** Takes one event (bound: can be passed around as a callback). */
  readonly push = (event: ProgramEvent): void => {
    if (this.finished) return;
    this.seq++;
    switch (event.type) {
      case "run":
        this.run(event);
        break;
      case "stdout":
      case "stderr":
        this.line(event);
        break;
      case "node":
        if (++this.counts.nodes <= this.o.maxNodes) this.items.push(event);
        else this.counts.nodes_omitted++;
        break;
      case "diagnostic":
        this.items.push(event);
        break;
      case "summary":
        this.summary(event);
        break;
      case "end":
        this.finish(event);
        return;
    }
    if (++this.sinceCheck >= 256) {
      this.sinceCheck = 0;
      if (this.o.onBatch && this.clock() - this.lastBatchAt >= this.o.intervalMs) this.o.onBatch(this.takeBatch());
    }
  };

  /**
   * The engine's run listener doing exactly the app's work: the run event with its fetched
   * values, summarized.
   */
  readonly onRun = (record: RunRecord, live: RunLive): void => {
    this.push(runEvent(record, live, "fetches"));
  };

  /** Everything since the last batch. After the end event, the batch is final. */
  takeBatch(): SummaryBatch {
    const items = this.items;
    this.items = [];
    const series: ScalarSeries[] = [];
    const now = this.clock();
    // Series are sent whole (thousands of points): at most every seriesIntervalMs while the
    // program runs (what a chart can show), and always with the final batch.
    if (this.finished || now - this.lastSeriesAt >= this.o.seriesIntervalMs) {
      for (const name of this.changedSeries) {
        const s = this.series.get(name)!;
        s.dirty = false;
        series.push(seriesOf(name, s));
      }
      this.changedSeries = [];
      if (series.length > 0) this.lastSeriesAt = now;
    }
    this.lastBatchAt = now;
    return {
      type: "batch",
      items,
      aggregates: this.aggregates.takeChanged(),
      series,
      counts: { ...this.counts },
      latest_run: this.latestRun,
      recent_lines: this.finished ? [] : this.tailLines.newest(RECENT_LINES),
      final: this.finished,
    };
  }

  private run(e: RunEvent): void {
    this.latestRun = e;
    if (++this.counts.runs <= this.o.headRuns) this.items.push(e);
    else if (this.o.tailRuns <= 0) this.aggregate(e);
    else {
      const evicted = this.tailRuns.push(e, this.seq);
      if (evicted) this.aggregate(evicted);
    }
    const values = e.values;
    if (values === undefined) return;
    const fetches = e.fetches;
    // A training loop repeats one plan: reuse its series by fetch position, no Map lookups,
    // and no lookup at all for fetched ops (`train_op`: op names have no ":", tensor names do).
    if (e.plan !== this.lastSeriesPlan || this.lastSeries.length !== fetches.length) {
      this.lastSeriesPlan = e.plan;
      this.lastSeries = fetches.map(() => null);
      this.lastTensorFetches = fetches.flatMap((name, i) => (name.includes(":") ? [i] : []));
    }
    const positions = this.lastTensorFetches;
    for (let k = 0; k < positions.length; k++) {
      const i = positions[k];
      const v = values[fetches[i]];
      if (typeof v === "number") this.sample(i, fetches[i], e.index, v);
      else if (typeof v === "boolean") this.sample(i, fetches[i], e.index, v ? 1 : 0);
    }
  }

  private aggregate(e: RunEvent): void {
    this.counts.runs_aggregated++;
    this.aggregates.add(e);
  }

  private sample(position: number, name: string, x: number, y: number): void {
    let s = this.lastSeries[position] ?? this.series.get(name);
    if (s === undefined) {
      if (this.series.size >= this.o.maxSeries) return;
      this.series.set(name, (s = new MinMaxSeries(Math.max(2, 2 * Math.floor(this.o.maxPoints / 4)))));
    }
    this.lastSeries[position] = s;
    s.add(x, y);
    if (!s.dirty) {
      s.dirty = true;
      this.changedSeries.push(name);
    }
  }

  /** A scalar a FileWriter wrote: a point of its tag's series, by step (histograms are not charted). */
  private summary(e: SummaryEvent): void {
    if (e.value === null) return;
    const name = SUMMARY_SERIES + e.tag;
    let s = this.series.get(name);
    if (s === undefined) {
      if (this.series.size >= this.o.maxSeries) return;
      this.series.set(name, (s = new MinMaxSeries(Math.max(2, 2 * Math.floor(this.o.maxPoints / 4)))));
    }
    s.add(e.step, e.value);
    if (!s.dirty) {
      s.dirty = true;
      this.changedSeries.push(name);
    }
  }

  private line(e: OutputEvent): void {
    const max = this.o.maxLineLength;
    const event: OutputEvent = e.text.length > max ? { type: e.type, text: `${e.text.slice(0, max)} … [${e.text.length - max} more characters]` } : e;
    if (++this.counts.lines <= this.o.headLines) this.items.push(event);
    else if (this.o.tailLines <= 0) this.counts.lines_omitted++;
    else if (this.tailLines.push(event, this.seq)) this.counts.lines_omitted++;
  }

  /** Appends the held-back tails (in stream order, each after its omission marker) and the end. */
  private finish(end: ProgramEvent): void {
    this.finished = true;
    const runs = this.tailRuns.toArray();
    const runSeqs = this.tailRuns.seqArray();
    const lines = this.tailLines.toArray();
    const lineSeqs = this.tailLines.seqArray();
    let r = 0;
    let l = 0;
    let runsMarked = this.counts.runs_aggregated === 0;
    let linesMarked = this.counts.lines_omitted === 0;
    if (runs.length === 0 && !runsMarked) this.items.push(marker("runs", this.counts.runs_aggregated));
    if (lines.length === 0 && !linesMarked) this.items.push(marker("lines", this.counts.lines_omitted));
    while (r < runs.length || l < lines.length) {
      const takeRun = l >= lines.length || (r < runs.length && runSeqs[r] < lineSeqs[l]);
      if (takeRun) {
        if (!runsMarked) this.items.push(marker("runs", this.counts.runs_aggregated));
        runsMarked = true;
        this.items.push(runs[r++]);
      } else {
        if (!linesMarked) this.items.push(marker("lines", this.counts.lines_omitted));
        linesMarked = true;
        this.items.push(lines[l++]);
      }
    }
    this.items.push(end);
    this.o.onBatch?.(this.takeBatch());
  }

  private clock(): number {
    return this.o.now ? this.o.now() : performance.now();
  }
}

function marker(what: OmittedMarker["what"], count: number): OmittedMarker {
  return { type: "omitted", what, count };
}

function seriesOf(name: string, s: MinMaxSeries): ScalarSeries {
  const { x, y } = s.points();
  return { name, count: s.count, x, y, last: s.last, non_finite: s.nonFinite, first_non_finite: s.firstNonFinite };
}
