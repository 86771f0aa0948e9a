/**
 * `tf.summary`: `scalar`, `histogram`, `merge`, `merge_all` build TF 1.15's summary nodes
 * (`loss` ScalarSummary with `loss/tags`; `Merge/MergeSummary`), and `FileWriter` writes what
 * a run summarized: each value goes to the program's listener (the page's Chart tab shows the
 * scalars under their tags, by step, as TensorBoard's Scalars does), and the events to an event
 * file TensorBoard reads (format/tfevents.ts), written at `flush` and `close`.
 */
import type { EngineContext } from "../../context.js";
import { PyTypeError } from "../../errors.js";
import { Graph, Tensor } from "../../graph.js";
import { decodeSummary, SummaryParseError } from "../../format/summary_text.js";
import { eventProto, tfRecords } from "../../format/tfevents.js";
import { joinPath } from "../../files.js";
import { pyClassName } from "../../format/pytypes.js";
import { isNpScalar } from "../../numpy/scalar.js";
import { PyBytes } from "../../pybytes.js";
import { GraphKeys } from "../../variables.js";
import { applyOp } from "../apply.js";
import type { Name } from "../build.js";
import { bind, pyclass, pyfunc } from "../pyargs.js";

/** TF's `clean_tag`: characters other than `-/\w.` become `_`, leading slashes go. */
function cleanTag(name: string): string {
  return name.replace(/[^-/\w.]/g, "_").replace(/^\/+/, "");
}

/** TF's `summary_scope` + the op it opens: the op is named after the scope, the tag is the scope. */
function summaryOp(ctx: EngineContext, type: string, name: string, family: string | null, values: unknown, collections: string[] | null): Tensor {
  const g = ctx.defaultGraph();
  const base = family === null ? cleanTag(name) : `${cleanTag(family)}/${cleanTag(name)}`;
  const t = g.name_scope(base, (scope) => {
    const tag = family === null ? scope.replace(/\/$/, "") : `${cleanTag(family)}/${scope.replace(/\/$/, "")}`;
    return applyOp(ctx, type, [tag, values], {}, scope).outputs[0];
  });
  for (const c of collections ?? [GraphKeys.SUMMARIES]) g.add_to_collection(c, t);
  return t;
}

/**
 * A summary of one scalar under the tag `name`: fetch it (or `merge_all()`) and pass the value
 * to `FileWriter.add_summary`.
 * @example
 * tf.summary.scalar("loss", loss);
 */
export const scalar = pyfunc(
  "scalar",
  ["name", "tensor", "collections", "family"],
  (ctx: EngineContext, name: string, tensor: unknown, collections: string[] | null = null, family: string | null = null): Tensor =>
    summaryOp(ctx, "ScalarSummary", name, family, tensor, collections),
);

/**
 * A histogram of a tensor's values under the tag `name` (TensorBoard's Histograms).
 * @example
 * tf.summary.histogram("weights", W);
 */
export const histogram = pyfunc(
  "histogram",
  ["name", "values", "collections", "family"],
  (ctx: EngineContext, name: string, values: unknown, collections: string[] | null = null, family: string | null = null): Tensor =>
    summaryOp(ctx, "HistogramSummary", name, family, values, collections),
);

/**
 * One summary holding the values of `inputs`.
 * @example
 * const merged = tf.summary.merge([loss_summary, w_summary]);
 */
export const merge = pyfunc(
  "merge",
  ["inputs", "collections", "name"],
  (ctx: EngineContext, inputs: unknown[], collections: string[] | null = null, name: Name = null): Tensor => {
    const g = ctx.defaultGraph();
    const t = g.name_scope(name || "Merge", () => applyOp(ctx, "MergeSummary", [inputs], {}, name).outputs[0]);
    for (const c of collections ?? []) g.add_to_collection(c, t);
    return t;
  },
);

/**
 * All the graph's summaries merged into one, or null when there are none.
 * @example
 * const merged = tf.summary.merge_all();
 * writer.add_summary(sess.run(merged), step);
 */
export const merge_all = pyfunc(
  "merge_all",
  ["key", "scope", "name"],
  (ctx: EngineContext, key: string = GraphKeys.SUMMARIES, scope: string | null = null, name: Name = null): Tensor | null => {
    const ops = ctx.defaultGraph().get_collection(key, scope);
    return ops.length === 0 ? null : merge(ctx, ops, null, name);
  },
);

/** The text of a serialized summary, or TF's TypeError for anything else. */
function summaryText(summary: unknown): string {
  if (summary instanceof PyBytes) return summary.text;
  if (typeof summary === "string") return summary;
  throw new PyTypeError(`a bytes-like object is required, not '${pyClassName(summary)}'`);
}

/**
 * Writes summaries for TensorBoard: `add_summary(summary, global_step)` takes what a run of a
 * summary op returned. In the playground the values appear in the Chart tab under their tags.
 * @example
 * const writer = tf.summary.FileWriter("/tmp/logs", sess.graph);
 * writer.add_summary(sess.run(merged), step);
 */
class FileWriterClass {
  private closed = false;
  /** The events written so far (TFRecord records), and whether some are not in the file yet. */
  private readonly records: Uint8Array[] = [];
  private unflushed = false;
  /** `<logdir>/events.out.tfevents.<seconds>.playground`, as TF's EventsWriter names it. */
  private readonly file: string;

  /** @internal use `tf.summary.FileWriter(logdir, graph)`. */
  constructor(
    private readonly ctx: EngineContext,
    private readonly logdir: string,
  ) {
    const now = Date.now() / 1000;
    this.file = joinPath(logdir, `events.out.tfevents.${String(Math.floor(now)).padStart(10, "0")}.playground`);
    // TF creates the file at once, starting with the file-version event.
    this.records.push(eventProto(now, 0, { fileVersion: "brain.Event:2" }));
    this.writeFile();
  }

  private writeFile(): void {
    this.ctx.files.write(this.file, tfRecords(this.records));
    this.unflushed = false;
  }

  /**
   * Writes the values of a summary (what a run of a summary op returned) at `global_step`.
   * @example
   * writer.add_summary(sess.run(merged), i);
   */
  add_summary(...args: unknown[]): void {
    const [summary, globalStep] = bind("add_summary", ["summary", ["global_step", null]], args);
    const text = summaryText(summary);
    let values;
    try {
      values = decodeSummary(text);
    } catch (e) {
      if (e instanceof SummaryParseError) throw new PyTypeError(`Error parsing message: not a serialized Summary`);
      throw e;
    }
    let step = 0;
    if (globalStep !== null && globalStep !== undefined) {
      const n = isNpScalar(globalStep) ? Number(globalStep) : globalStep;
      if (typeof n !== "number" || !Number.isFinite(n)) throw new PyTypeError(`int() argument must be a string, a bytes-like object or a number, not '${pyClassName(globalStep)}'`);
      step = Math.trunc(n);
    }
    if (this.closed) return;
    this.records.push(eventProto(Date.now() / 1000, step, { summary: values }));
    this.unflushed = true;
    const hook = this.ctx.hooks.onSummary;
    if (!hook) return;
    for (const v of values) {
      if ("simple_value" in v) hook({ type: "summary", logdir: this.logdir, tag: v.tag, step, value: v.simple_value });
      else {
        const h = v.histo;
        hook({ type: "summary", logdir: this.logdir, tag: v.tag, step, value: null, histogram: { num: h.num, min: h.min, max: h.max, mean: h.num > 0 ? h.sum / h.num : 0 } });
      }
    }
  }

  /** Adds a graph to the event file (TensorBoard's Graphs tab; the playground draws it already). */
  add_graph(...args: unknown[]): void {
    bind("add_graph", ["graph", ["global_step", null], ["graph_def", null]], args);
  }

  /**
   * Writes the pending events to the event file (TF also does every `flush_secs`; the
   * playground only here and at `close`, so a program that never closes leaves a file with
   * only its first event).
   */
  flush(): void {
    if (this.unflushed) this.writeFile();
  }

  /** Flushes and closes the writer: later summaries are dropped, as TF drops them. */
  close(): void {
    this.flush();
    this.closed = true;
  }

  /** Opens a closed writer again. */
  reopen(): void {
    this.closed = false;
  }

  /** The writer's log directory. */
  get_logdir(): string {
    return this.logdir;
  }

  __repr__(): string {
    return "<tensorflow.python.summary.writer.writer.FileWriter object>";
  }
}

/**
 * A writer of summaries to `logdir` (with `graph`, TensorBoard also draws the graph).
 * @example
 * const writer = tf.summary.FileWriter("/tmp/logs", sess.graph);
 */
export const FileWriter = pyclass(
  "FileWriter",
  ["logdir", "graph", "max_queue", "flush_secs", "graph_def", "filename_suffix", "session"],
  (
    ctx: EngineContext,
    logdir: string,
    graph: Graph | null = null,
    max_queue: number = 10,
    flush_secs: number = 120,
    graph_def: unknown = null,
    filename_suffix: string | null = null,
    session: unknown = null,
  ): FileWriterClass => {
    void graph, max_queue, flush_secs, graph_def, filename_suffix, session;
    return new FileWriterClass(ctx, String(logdir));
  },
  FileWriterClass.prototype,
);

