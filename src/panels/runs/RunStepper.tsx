/**
 * Stepping through runs: previous / next, a slider over every run (kept or summarized), and
 * "jump to first error". A program with one run has nothing to step through: it says so.
 */
import { firstFailed, selectFirstError, selectRun, stepRun, useStore } from "../../store";
import { count } from "../../ui/format";

export function RunStepper() {
  const runCount = useStore((s) => s.program.runCount);
  const selected = useStore((s) => s.selection.run);
  const hasError = useStore((s) => firstFailed(s.program.runs) !== undefined);
  if (runCount === 0) return null;
  const at = selected ?? runCount - 1;
  return (
    <div className="run-stepper">
      {runCount === 1 ? (
        <span className="run-position run-only" data-testid="run-position">
          Run #0, the only run
        </span>
      ) : (
        <>
          <button type="button" className="btn btn-small" onClick={() => stepRun(-1)} disabled={at === 0} aria-label="Previous run">
            ◀
          </button>
          <input
            type="range"
            className="run-slider"
            min={0}
            max={runCount - 1}
            value={at}
            onChange={(e) => selectRun(Number(e.target.value))}
            aria-label="Selected run"
            aria-valuetext={`Run #${count(at)} of ${count(runCount)}`}
          />
          <button type="button" className="btn btn-small" onClick={() => stepRun(1)} disabled={at === runCount - 1} aria-label="Next run">
            ▶
          </button>
          <span className="run-position" data-testid="run-position">
            #{count(at)} of {count(runCount)}
          </span>
        </>
      )}
      <button type="button" className="btn btn-small" onClick={() => selectFirstError()} disabled={!hasError}>
        Jump to first error
      </button>
    </div>
  );
}
