/**
 * The runs list (name "Runs"): one row per run kept in full, and one row standing for the runs
 * in between that were aggregated per path. A listbox: arrow keys, Home and End move the
 * selection; clicking a row selects it. Long lists are virtualized.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { lazyLayout } from "../virtual";
import { useEffect, useMemo, useRef, type KeyboardEvent } from "react";
import { keptIndices, runAt, selectRun, stepRun, useStore, type PathAggregate, type RunEntry } from "../../store";
import { plural } from "../../ui/format";
import { opOfTensor } from "../../graph/model/names";
import { tensorShort, type ProgramNames } from "../../ui/programNames";
import { useProgramNames } from "../../ui/useProgramNames";

type Row = { kind: "run"; run: RunEntry } | { kind: "middle"; from: number; to: number; aggregates: PathAggregate[] };

const ROW_HEIGHT = 28;
const VIRTUALIZE_FROM = 300;

function useRows(): Row[] {
  const runs = useStore((s) => s.program.runs);
  return useMemo(() => {
    const rows: Row[] = [];
    const kept = keptIndices(runs);
    let prev = -1;
    for (const i of kept) {
      if (i > prev + 1) rows.push({ kind: "middle", from: prev + 1, to: i - 1, aggregates: runs.middle });
      rows.push({ kind: "run", run: runAt(runs, i)! });
      prev = i;
    }
    return rows;
  }, [runs]);
}

/** The learner's names for a run's feeds (`fed x, y`), TF's where there is none. */
export function feedNames(names: ProgramNames, run: RunEntry): string[] {
  return run.feeds.map((t) => names.nameOf(opOfTensor(t), run.graph) ?? tensorShort(t));
}

function RunRow({ run, selected, names }: { run: RunEntry; selected: boolean; names: ProgramNames }) {
  const status = run.ok ? "ok" : "error";
  const feeds = run.feeds.length ? ` · fed ${feedNames(names, run).join(", ")}` : "";
  return (
    <div
      role="option"
      id={`run-${run.index}`}
      aria-selected={selected}
      data-run={run.index}
      data-status={status}
      className={`run-row run-${status}${selected ? " selected" : ""}`}
      onClick={() => selectRun(run.index)}
    >
      <span className="run-index">#{run.index}</span>
      <span className="run-status-icon" aria-label={status === "ok" ? "ok" : "failed"}>
        {run.ok ? "✓" : "✕"}
      </span>
      <span className="run-line">{run.line !== null ? `line ${run.line}` : ""}</span>
      <span className="run-fetches" title={run.fetches.length ? names.fetchTitle(run) : "fetched nothing"}>
        {run.fetches.length ? names.fetchNames(run).join(", ") : "—"}
        {feeds}
      </span>
    </div>
  );
}

function MiddleRow({ row }: { row: Extract<Row, { kind: "middle" }> }) {
  const count = row.to - row.from + 1;
  return (
    <div role="presentation" className="run-row run-middle">
      <span className="run-index">
        #{row.from}–{row.to}
      </span>
      <span className="run-fetches">
        {plural(count, "run")} summarized · {plural(row.aggregates.length, "distinct path")}
      </span>
    </div>
  );
}

export function RunsList() {
  const rows = useRows();
  const names = useProgramNames();
  const selected = useStore((s) => s.selection.run);
  // While a loop runs, the default selection follows every new run: scrolling after it each
  // frame would cost layout work for nothing; a selection the learner made is followed.
  const follow = useStore((s) => s.selection.runPinned || s.program.status !== "running");
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = rows.length >= VIRTUALIZE_FROM;
  const v = useVirtualizer({ count: virtual ? rows.length : 0, ...lazyLayout(() => scroller.current, ROW_HEIGHT), overscan: 8 });

  // Keep the selected run in view when it changes from elsewhere (slider, keyboard, graph).
  useEffect(() => {
    if (selected === null || !follow) return;
    const i = rows.findIndex((r) => r.kind === "run" && r.run.index === selected);
    if (i < 0) return;
    if (virtual) v.scrollToIndex(i, { align: "auto" });
    else document.getElementById(`run-${selected}`)?.scrollIntoView({ block: "nearest" });
  }, [selected, rows, virtual, v, follow]);

  const onKeyDown = (e: KeyboardEvent) => {
    const s = useStore.getState();
    if (e.key === "ArrowDown") stepRun(1);
    else if (e.key === "ArrowUp") stepRun(-1);
    else if (e.key === "Home") selectRun(0);
    else if (e.key === "End") selectRun(s.program.runCount - 1);
    else return;
    e.preventDefault();
  };

  const render = (row: Row) =>
    row.kind === "run" ? <RunRow run={row.run} selected={row.run.index === selected} names={names} /> : <MiddleRow row={row} />;

  return (
    <div
      ref={scroller}
      className="runs-list"
      // An empty listbox is not one (ARIA wants options in it): the message stands alone.
      role={rows.length > 0 ? "listbox" : undefined}
      aria-label={rows.length > 0 ? "Runs" : undefined}
      tabIndex={rows.length > 0 ? 0 : undefined}
      aria-activedescendant={selected !== null && rows.some((r) => r.kind === "run" && r.run.index === selected) ? `run-${selected}` : undefined}
      onKeyDown={onKeyDown}
    >
      {rows.length === 0 && <div className="runs-empty">No sess.run yet.</div>}
      {!virtual && rows.map((row, i) => <div key={i}>{render(row)}</div>)}
      {virtual && (
        <div style={{ height: v.getTotalSize(), position: "relative" }}>
          {v.getVirtualItems().map((item) => (
            <div key={item.key} style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
              {render(rows[item.index])}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
