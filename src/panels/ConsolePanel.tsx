/**
 * The console: program output (print), tf.Print output (stderr) and errors, each with its own
 * style and label; the first 1,000 and last 5,000 lines with an "N lines omitted" marker;
 * teaching hints after the output (a failure's hint as one line linking to the explanation
 * beside the graph, which says it in full). Long outputs are virtualized.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { lazyLayout } from "./virtual";
import { memo, useEffect, useMemo, useRef } from "react";
import { omittedLines, useStore, type AppState, type ConsoleLine } from "../store";
import { count, plural } from "../ui/format";
import { ExplainLink } from "../ui/ExplainLink";
import { CodeText } from "../ui/CodeText";
import { explainsFailure, failureHintLine } from "../ui/hints";
import { programNames } from "../ui/programNames";

type Row =
  | { kind: "line"; line: ConsoleLine }
  | { kind: "omitted"; count: number }
  | { kind: "error"; text: string }
  | { kind: "hint"; text: string; explains: number | null }
  | { kind: "stopped"; text: string }
  | { kind: "dropped"; text: string };

const LABEL = { stdout: "out", stderr: "tf.Print", error: "error" } as const;
/**
 * Below this many rows everything is in the DOM (screen readers and tests see all of it);
 * above, only the visible rows are, so keeping the view at the bottom each frame stays cheap.
 */
const VIRTUALIZE_FROM = 400;
const ROW_HEIGHT = 21;

interface Sources {
  console: AppState["console"];
  error: AppState["program"]["error"];
  status: AppState["program"]["status"];
  stopReason: string | null;
  dropped: string | null;
  diagnostics: AppState["program"]["diagnostics"];
  runs: AppState["program"]["runs"];
  nodes: AppState["program"]["nodes"];
  source: string;
}

function rowsOf(s: Sources): Row[] {
  const rows: Row[] = s.console.head.map((line) => ({ kind: "line", line }));
  const omitted = omittedLines(s.console);
  if (omitted > 0) rows.push({ kind: "omitted", count: omitted });
  for (const line of s.console.tail) rows.push({ kind: "line", line });
  if (s.error) rows.push({ kind: "error", text: `${s.error.type}: ${s.error.message}` });
  if (s.dropped !== null) rows.push({ kind: "dropped", text: `The page ignored a malformed message from the program's worker (${s.dropped})` });
  if (s.status === "stopped") rows.push({ kind: "stopped", text: s.stopReason ?? "Stopped" });
  for (const d of s.diagnostics) {
    const where = d.line !== null ? `line ${d.line}: ` : "";
    if (explainsFailure(d)) {
      const line = failureHintLine(d, s.runs, programNames(s.nodes, s.source));
      rows.push({ kind: "hint", text: `${where}${line.text}`, explains: line.run ?? -1 });
    } else rows.push({ kind: "hint", text: `${where}${d.message}`, explains: null });
  }
  return rows;
}

/** Rows are rebuilt on every batch, but a line's object is stable: re-render only changed rows. */
const RowView = memo(RowContent, (a, b) => a.row === b.row || (a.row.kind === "line" && b.row.kind === "line" && a.row.line === b.row.line));

function RowContent({ row }: { row: Row }) {
  switch (row.kind) {
    case "line":
      return (
        <div className={`console-line console-${row.line.kind}`}>
          <span className="console-label">{LABEL[row.line.kind]}</span>
          <span className="console-text">{row.line.text}</span>
        </div>
      );
    case "omitted":
      return <div className="console-line console-omitted" data-testid="console-omitted-row">… {plural(row.count, "line")} omitted …</div>;
    case "error":
      return (
        <div className="console-line console-error">
          <span className="console-label">error</span>
          <span className="console-text">{row.text}</span>
        </div>
      );
    case "stopped":
      return (
        <div className="console-line console-stopped">
          <span className="console-label">stopped</span>
          <span className="console-text">{row.text}</span>
        </div>
      );
    case "dropped":
      return (
        <div className="console-line console-stopped" data-testid="console-dropped">
          <span className="console-label">page</span>
          <span className="console-text">{row.text}</span>
        </div>
      );
    case "hint":
      return (
        <div className="console-line console-hint">
          <span className="console-label">hint</span>
          <span className="console-text">
            {row.explains !== null ? <CodeText text={row.text} /> : row.text}
            {row.explains !== null && (
              <>
                {" "}
                <ExplainLink run={row.explains < 0 ? undefined : row.explains} />
              </>
            )}
          </span>
        </div>
      );
  }
}

const EMPTY_RUNS: AppState["program"]["runs"] = { head: [], tail: [], tailStart: 0, middle: [], latest: null };
const NO_NODES: AppState["program"]["nodes"] = [];

/** "3 lines · 1 error · 2 hints": what the console holds, not only the program's own lines. */
export function consoleCounts(lines: number, error: boolean, hints: number, stopped: boolean): string {
  const parts = [lines === 1 ? "1 line" : `${count(lines)} lines`];
  if (error) parts.push("1 error");
  if (stopped) parts.push("stopped");
  if (hints > 0) parts.push(plural(hints, "hint"));
  return parts.join(" · ");
}

export function ConsolePanel() {
  const consoleState = useStore((s) => s.console);
  const error = useStore((s) => s.program.error);
  const status = useStore((s) => s.program.status);
  const stopReason = useStore((s) => s.program.stopReason);
  const diagnostics = useStore((s) => s.program.diagnostics);
  const dropped = useStore((s) => s.program.dropped);
  // Only for the hints' links to their runs: the runs change on every batch, the hints rarely.
  const failures = useStore((s) => s.program.diagnostics.some(explainsFailure));
  const runs = useStore((s) => (failures ? s.program.runs : EMPTY_RUNS));
  const nodes = useStore((s) => (failures ? s.program.nodes : NO_NODES));
  const source = useStore((s) => s.program.source);
  const rows = useMemo(
    () => rowsOf({ console: consoleState, error, status, stopReason, dropped, diagnostics, runs, nodes, source }),
    [consoleState, error, status, stopReason, dropped, diagnostics, runs, nodes, source],
  );
  const omitted = omittedLines(consoleState);
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  /** Set while we scroll ourselves, so that scroll event does not read as the learner's. */
  const ownScroll = useRef(false);

  useEffect(() => {
    // Once per frame at most: reading scrollHeight forces a layout. A second frame follows
    // because virtualized rows are measured after the first one and can grow the content.
    let second = 0;
    const toBottom = () => {
      const el = scroller.current;
      if (!el || !stick.current) return;
      ownScroll.current = true;
      el.scrollTop = el.scrollHeight;
    };
    const first = requestAnimationFrame(() => {
      toBottom();
      second = requestAnimationFrame(toBottom);
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [rows]);

  return (
    <section className="panel console-panel" aria-labelledby="console-title">
      <div className="panel-header">
        <h2 id="console-title">Console</h2>
        <span className="panel-meta" data-testid="console-counts">
          {consoleCounts(consoleState.total, error !== null, diagnostics.length, status === "stopped")}
        </span>
        {omitted > 0 && (
          <span className="panel-meta console-omitted-note" data-testid="console-omitted">
            {plural(omitted, "line")} omitted (first 1,000 and last 5,000 kept)
          </span>
        )}
      </div>
      <div
        ref={scroller}
        className="console-body"
        role="log"
        aria-label="Console"
        tabIndex={0}
        onScroll={(e) => {
          if (ownScroll.current) {
            ownScroll.current = false;
            return;
          }
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        {rows.length === 0 ? (
          <div className="console-empty">Output appears here when you run the program.</div>
        ) : rows.length < VIRTUALIZE_FROM ? (
          rows.map((row, i) => <RowView key={i} row={row} />)
        ) : (
          <VirtualRows rows={rows} scroller={scroller} />
        )}
      </div>
    </section>
  );
}

function VirtualRows({ rows, scroller }: { rows: Row[]; scroller: React.RefObject<HTMLDivElement | null> }) {
  const v = useVirtualizer({ count: rows.length, ...lazyLayout(() => scroller.current, ROW_HEIGHT), overscan: 8 });
  return (
    <div style={{ height: v.getTotalSize(), position: "relative" }}>
      {v.getVirtualItems().map((item) => (
        <div key={item.key} data-index={item.index} ref={v.measureElement} style={{ position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
          <RowView row={rows[item.index]} />
        </div>
      ))}
    </div>
  );
}
