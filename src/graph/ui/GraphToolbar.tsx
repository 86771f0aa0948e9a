/** The pane's controls: which run is shown, zoom and fit, scopes, finding a node, legend and text view. */
import { useState } from "react";
import type { RunLike } from "../model/highlight";

interface Props {
  run: RunLike | null;
  runCount: number;
  opCount: number;
  truncatedFrom: number | null;
  drawnCount: number;
  running: boolean;
  /** The graph is the "not run yet" preview of the editor's program. */
  preview?: boolean;
  graphIds: number[];
  /** Function graphs' names, by graph id. */
  graphLabels?: Map<number, string>;
  graphId: number;
  legend: boolean;
  outline: boolean;
  /** Value badges on the run's path, and shapes on edges. */
  values: boolean;
  shapes: boolean;
  onValues(): void;
  onShapes(): void;
  /** Nodes coloured by the device they asked for. */
  devices: boolean;
  onDevices(): void;
  onGraph(id: number): void;
  onFit(): void;
  onZoom(factor: number): void;
  onExpandAll(): void;
  onCollapseAll(): void;
  /** Finds a node by name; returns a message when nothing matches. */
  onFind(query: string): string | null;
  onLegend(): void;
  onOutline(): void;
}

const n = (x: number) => x.toLocaleString("en-US");

/** The run shown, in words that are never cut: which run, where, how it ended. */
function runSummary(run: RunLike | null, runCount: number, running: boolean): string {
  if (run === null) return running ? "Running…" : runCount === 0 ? "No runs yet" : "";
  const where = run.line ? ` · line ${run.line}` : "";
  const status = run.ok === false ? " · ✕ failed" : " · ✓ ok";
  if (run.count !== undefined) return `${n(run.count)} ${run.count === 1 ? "run" : "runs"} took this path${where}${status}`;
  const of = runCount === 1 ? "the only run" : `of ${n(runCount)}`;
  return `Run #${n(run.index ?? 0)} (${of})${where}${status}`;
}

function opCounts(opCount: number, truncatedFrom: number | null, drawnCount: number): string {
  const ops = truncatedFrom !== null ? `first ${n(opCount)} of ${n(truncatedFrom)} ops` : `${n(opCount)} ${opCount === 1 ? "op" : "ops"}`;
  return drawnCount !== opCount ? `${ops} · ${n(drawnCount)} drawn` : ops;
}

export function GraphToolbar(p: Props) {
  return (
    <div className="gp-toolbar" role="toolbar" aria-label="Graph tools">
      <span className={`gp-run-summary${p.run?.ok === false ? " gp-run-failed" : ""}`} data-testid="graph-run-summary">
        {p.preview ? "Not run yet" : runSummary(p.run, p.runCount, p.running)}
      </span>
      {p.preview ? (
        <span className="gp-muted gp-run-note">the graph this program would build: press Run to run it</span>
      ) : (
        p.run === null && p.runCount === 0 && !p.running && <span className="gp-muted gp-run-note">the graph the program built</span>
      )}
      <span className="gp-muted gp-counts">{opCounts(p.opCount, p.truncatedFrom, p.drawnCount)}</span>
      <span className="gp-toolbar-actions">
        {p.graphIds.length > 1 && (
          <label>
            <span className="gp-sr-only">Graph</span>
            <select value={p.graphId} onChange={(e) => p.onGraph(Number(e.target.value))}>
              {p.graphIds.map((g) => (
                <option key={g} value={g}>
                  {p.graphLabels?.get(g) ? `function ${p.graphLabels.get(g)}` : `graph ${g}`}
                </option>
              ))}
            </select>
          </label>
        )}
        <FindBox onFind={p.onFind} />
        <span className="gp-button-group" role="group" aria-label="Zoom">
          <button type="button" className="gp-button gp-zoom" aria-label="Zoom out" title="Zoom out (−)" onClick={() => p.onZoom(1 / 1.25)}>
            −
          </button>
          <button type="button" className="gp-button gp-zoom" aria-label="Zoom in" title="Zoom in (+)" onClick={() => p.onZoom(1.25)}>
            +
          </button>
          <button type="button" className="gp-button" onClick={p.onFit} title="Frame the selected run's path (again: the whole graph)">
            Fit
          </button>
        </span>
        <button type="button" className="gp-button" onClick={p.onExpandAll} title="Open every scope (series stay folded: double-click one to open it)">
          Expand all
        </button>
        <button type="button" className="gp-button" onClick={p.onCollapseAll} title="Fold every scope and series">
          Collapse all
        </button>
        <button type="button" className="gp-button" aria-pressed={p.values} onClick={p.onValues} title="Show what each op on the run's path computed">
          Values
        </button>
        <button type="button" className="gp-button" aria-pressed={p.shapes} onClick={p.onShapes} title="Label edges with the shapes of the tensors they carry">
          Shapes
        </button>
        <button type="button" className="gp-button" aria-pressed={p.devices} onClick={p.onDevices} title="Colour each op by the device tf.device pinned it to (green: GPU, blue: CPU, grey: none)">
          Devices
        </button>
        <button type="button" className="gp-button" aria-pressed={p.legend} onClick={p.onLegend}>
          Legend
        </button>
        <button type="button" className="gp-button" aria-pressed={p.outline} onClick={p.onOutline}>
          Text view
        </button>
      </span>
    </div>
  );
}

/** The "Find node" box: a name (or part of one, or the learner's variable) and Enter. */
function FindBox({ onFind }: { onFind(query: string): string | null }) {
  const [query, setQuery] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  return (
    <form
      className="gp-find"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (query.trim() !== "") setMessage(onFind(query.trim()));
      }}
    >
      <input
        type="search"
        className="gp-find-input"
        aria-label="Find node"
        placeholder="Find node"
        value={query}
        aria-invalid={message !== null ? "true" : undefined}
        aria-describedby={message !== null ? "gp-find-message" : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setMessage(null);
        }}
      />
      {message !== null && (
        <span id="gp-find-message" className="gp-find-message" aria-live="polite">
          {message}
        </span>
      )}
    </form>
  );
}
