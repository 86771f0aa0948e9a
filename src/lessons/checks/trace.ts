/**
 * What checks read: the program's event stream, folded into a few lists. Built one event at a
 * time (`TraceBuilder.push`), so a consumer can fold a live stream without keeping it.
 */
import type { DiagnosticEvent, EndEvent, NodeEvent, ProgramEvent, RunEvent } from "../../runner/events";

export interface Trace {
  /** Every node of every graph, in creation order. */
  nodes: NodeEvent[];
  /** Every `sess.run`, in order (run N of a lesson is `runs[N - 1]`). */
  runs: RunEvent[];
  /** Lines the program printed (`print`) and wrote to stderr (`tf.Print`). */
  stdout: string[];
  stderr: string[];
  diagnostics: DiagnosticEvent[];
  /** The end event, or null while the program has not finished. */
  end: EndEvent | null;
}

/** Folds events into a Trace. */
export class TraceBuilder {
  readonly trace: Trace = { nodes: [], runs: [], stdout: [], stderr: [], diagnostics: [], end: null };

  push(event: ProgramEvent): void {
    const t = this.trace;
    switch (event.type) {
      case "node":
        t.nodes.push(event);
        break;
      case "run":
        t.runs.push(event);
        break;
      case "stdout":
        t.stdout.push(event.text);
        break;
      case "stderr":
        t.stderr.push(event.text);
        break;
      case "diagnostic":
        t.diagnostics.push(event);
        break;
      case "end":
        t.end = event;
        break;
    }
  }
}

/** The trace of a recorded event stream. */
export function traceOf(events: Iterable<ProgramEvent>): Trace {
  const b = new TraceBuilder();
  for (const e of events) b.push(e);
  return b.trace;
}
