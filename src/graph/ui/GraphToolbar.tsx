/** The pane's controls: which run is shown, fit, scopes, legend and text view. */
import type { RunLike } from "../model/highlight";

interface Props {
  run: RunLike | null;
  runCount: number;
  opCount: number;
  truncatedFrom: number | null;
  drawnCount: number;
  running: boolean;
  graphIds: number[];
  graphId: number;
  legend: boolean;
  outline: boolean;
  onGraph(id: number): void;
  onFit(): void;
  onExpandAll(): void;
  onDefaultScopes(): void;
  onLegend(): void;
  onOutline(): void;
}

function runSummary(run: RunLike | null, runCount: number, running: boolean): string {
  if (run === null) return running ? "Running…" : runCount === 0 ? "No runs yet: the graph shows what the program built" : "";
  const where = run.line ? ` · line ${run.line}` : "";
  const status = run.ok === false ? " · ✕ failed" : " · ✓ ok";
  if (run.count !== undefined) return `${run.count.toLocaleString("en-US")} runs took this path${where}${status}`;
  return `Run #${run.index} (of ${runCount.toLocaleString("en-US")})${where}${status}`;
}

export function GraphToolbar(p: Props) {
  return (
    <div className="gp-toolbar" role="toolbar" aria-label="Graph tools">
      <span className={`gp-run-summary${p.run?.ok === false ? " gp-run-failed" : ""}`} data-testid="graph-run-summary">
        {runSummary(p.run, p.runCount, p.running)}
      </span>
      <span className="gp-muted gp-counts">
        {p.truncatedFrom !== null
          ? `first ${p.opCount.toLocaleString("en-US")} of ${p.truncatedFrom.toLocaleString("en-US")} ops`
          : `${p.opCount.toLocaleString("en-US")} ops`}
        {p.drawnCount !== p.opCount ? ` · ${p.drawnCount.toLocaleString("en-US")} drawn` : ""}
      </span>
      <span className="gp-toolbar-actions">
        {p.graphIds.length > 1 && (
          <label>
            <span className="gp-sr-only">Graph</span>
            <select value={p.graphId} onChange={(e) => p.onGraph(Number(e.target.value))}>
              {p.graphIds.map((g) => (
                <option key={g} value={g}>
                  graph {g}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="gp-button" onClick={p.onFit}>
          Fit
        </button>
        <button type="button" className="gp-button" onClick={p.onExpandAll}>
          Expand all
        </button>
        <button type="button" className="gp-button" onClick={p.onDefaultScopes} title="Collapse gradients, optimizers and composite ops">
          Tidy
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
