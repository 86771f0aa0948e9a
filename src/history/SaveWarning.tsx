/**
 * A lasting warning in the toolbar while something could not be saved (a full storage): the
 * banner that said so can be dismissed, this stays until saving works again.
 */
import { showBanner, useStore } from "../store";
import { saveProblemText } from "./programHistory";

export function SaveWarning() {
  const problems = useStore((s) => s.history.problems);
  const entries = Object.entries(problems);
  if (entries.length === 0) return null;
  const text = entries.map(([what, why]) => saveProblemText(what, why)).join(" ");
  return (
    <div role="alert" className="save-warning">
      <button type="button" className="btn btn-small save-warning-btn" title={text} onClick={() => showBanner({ kind: "warning", text })}>
        <span aria-hidden="true">⚠ </span>Not saved
      </button>
    </div>
  );
}
