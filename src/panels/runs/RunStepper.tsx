/**
 * Stepping through runs: previous / next, a slider over every run (kept or summarized), and
 * "jump to first error".
 */
import { firstFailed, selectFirstError, selectRun, stepRun, useStore } from "../../store";

export function RunStepper() {
  const runCount = useStore((s) => s.program.runCount);
  const selected = useStore((s) => s.selection.run);
  const hasError = useStore((s) => firstFailed(s.program.runs) !== undefined);
  if (runCount === 0) return null;
  return (
    <div className="run-stepper">
      <button type="button" className="btn btn-small" onClick={() => stepRun(-1)} disabled={selected === 0} aria-label="Previous run">
        ◀
      </button>
      <input
        type="range"
        className="run-slider"
        min={0}
        max={runCount - 1}
        value={selected ?? runCount - 1}
        onChange={(e) => selectRun(Number(e.target.value))}
        aria-label="Selected run"
        aria-valuetext={`Run ${selected ?? runCount - 1} of ${runCount}`}
      />
      <button type="button" className="btn btn-small" onClick={() => stepRun(1)} disabled={selected === runCount - 1} aria-label="Next run">
        ▶
      </button>
      <span className="run-position">
        {selected ?? "—"} / {runCount - 1}
      </span>
      <button type="button" className="btn btn-small" onClick={() => selectFirstError()} disabled={!hasError}>
        Jump to first error
      </button>
    </div>
  );
}
