/**
 * The `--trace` file's cap: the same summary the page receives (src/runner/summarize.ts), written
 * as it happens. A 10-million-step loop would otherwise write gigabytes.
 *
 * - The first 1,000 runs, the first 1,000 output lines and up to 10,000 nodes are written as
 *   they come (a program killed later loses none of them).
 * - The last 1,000 runs and the last 5,000 lines are held back and written at the end; so is
 *   what comes after the first held-back item, to keep the trace in program order.
 * - Runs in between are folded into one row per distinct computation (plan and path, as the
 *   page's run list shows them); where they were left out, one line says how many and what
 *   they were: `{"type":"omitted","what":"runs","count":N,"aggregates":[...]}`. Lines and nodes
 *   left out get `{"type":"omitted","what":"lines"|"nodes","count":N}`.
 */
import type { OutputEvent, ProgramEvent, RunEvent } from "../events";
import { RunAggregates, type RunAggregate } from "../summarize/aggregates";
import { Ring } from "../summarize/ring";

/** The page's limits (Summarizer's defaults). */
export interface TraceCapLimits {
  headRuns: number;
  tailRuns: number;
  headLines: number;
  tailLines: number;
  maxNodes: number;
  maxAggregates: number;
}

export const TRACE_LIMITS: TraceCapLimits = { headRuns: 1000, tailRuns: 1000, headLines: 1000, tailLines: 5000, maxNodes: 10_000, maxAggregates: 1000 };

/** A line of the trace that is not an event: what the cap left out. */
export type OmittedLine =
  | { type: "omitted"; what: "runs"; count: number; aggregates: RunAggregate[] }
  | { type: "omitted"; what: "lines" | "nodes"; count: number };

/**
 * Caps a program's event stream for the trace.
 * @example
 * const cap = new TraceCap((item) => writeLine(JSON.stringify(item)));
 * await runProgram(source, { seed, emit: cap.push });
 */
export class TraceCap {
  private readonly tailRuns: Ring<RunEvent>;
  private readonly tailLines: Ring<OutputEvent>;
  private readonly aggregates: RunAggregates;
  private runs = 0;
  private lines = 0;
  private nodes = 0;
  private runsFolded = 0;
  private linesOmitted = 0;
  /** Where the first folded run and the first left-out line were (stream positions). */
  private runsFoldedAt = 0;
  private linesOmittedAt = 0;
  private seq = 0;
  private ended = false;
  /** Events kept in full that came after the first held-back one. */
  private late: { seq: number; event: ProgramEvent }[] = [];

  /**
   * @param write receives each line's content, in order
   * @param onFold called once, when the first event is held back (it would be lost if the
   *   program were killed before its end)
   */
  constructor(
    private readonly write: (item: ProgramEvent | OmittedLine) => void,
    private readonly onFold: () => void = () => undefined,
    private readonly limits: TraceCapLimits = TRACE_LIMITS,
  ) {
    this.tailRuns = new Ring(Math.max(1, limits.tailRuns));
    this.tailLines = new Ring(Math.max(1, limits.tailLines));
    this.aggregates = new RunAggregates(limits.maxAggregates);
  }

  private summaries = 0;

  /** Takes one event (bound, to pass as `emit`). */
  readonly push = (event: ProgramEvent): void => {
    if (this.ended) return;
    this.seq++;
    switch (event.type) {
      case "run":
        if (++this.runs <= this.limits.headRuns) this.pass(event);
        else this.holdRun(event);
        return;
      case "stdout":
      case "stderr":
        if (++this.lines <= this.limits.headLines) this.pass(event);
        else this.holdLine(event);
        return;
      case "node":
        if (++this.nodes <= this.limits.maxNodes) this.pass(event);
        return;
      case "diagnostic":
        this.pass(event);
        return;
      case "summary":
        // The first values a FileWriter wrote, in full (a long loop's are the page's chart).
        if (++this.summaries <= this.limits.headRuns) this.pass(event);
        return;
      case "end":
        this.finish(event);
    }
  };

  /**
   * An event kept in full: written now, or, once something before it is held back, held too so
   * that the trace stays in program order. (Bounded: only the first runs and lines and the
   * capped nodes and diagnostics are kept in full.)
   */
  private pass(event: ProgramEvent): void {
    if (this.held) this.late.push({ seq: this.seq, event });
    else this.write(event);
  }

  private holdRun(e: RunEvent): void {
    this.firstHeld();
    const at = this.tailRuns.oldestSeq();
    const evicted = this.tailRuns.push(e, this.seq);
    if (evicted) {
      if (this.runsFolded++ === 0) this.runsFoldedAt = at;
      this.aggregates.add(evicted);
    }
  }

  private holdLine(e: OutputEvent): void {
    this.firstHeld();
    const at = this.tailLines.oldestSeq();
    if (this.tailLines.push(e, this.seq) && this.linesOmitted++ === 0) this.linesOmittedAt = at;
  }

  private held = false;
  private firstHeld(): void {
    if (this.held) return;
    this.held = true;
    this.onFold();
  }

  /** Writes what was held back in program order; an "omitted" line goes where its first left-out item was. */
  private finish(end: ProgramEvent): void {
    this.ended = true;
    const held: { seq: number; item: ProgramEvent | OmittedLine }[] = [...this.late.map((l) => ({ seq: l.seq, item: l.event }))];
    const runs = this.tailRuns.toArray();
    this.tailRuns.seqArray().forEach((seq, i) => held.push({ seq, item: runs[i] }));
    const lines = this.tailLines.toArray();
    this.tailLines.seqArray().forEach((seq, i) => held.push({ seq, item: lines[i] }));
    if (this.runsFolded > 0) held.push({ seq: this.runsFoldedAt, item: { type: "omitted", what: "runs", count: this.runsFolded, aggregates: this.aggregates.all() } });
    if (this.linesOmitted > 0) held.push({ seq: this.linesOmittedAt, item: { type: "omitted", what: "lines", count: this.linesOmitted } });
    held.sort((a, b) => a.seq - b.seq);
    for (const h of held) this.write(h.item);
    const omittedNodes = this.nodes - Math.min(this.nodes, this.limits.maxNodes);
    if (omittedNodes > 0) this.write({ type: "omitted", what: "nodes", count: omittedNodes });
    this.write(end);
  }
}
