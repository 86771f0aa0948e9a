/**
 * The link from a one-line mention of a failure to its one full explanation (the card beside
 * the graph): it opens the card and moves focus there (on a phone, to the Graph tab).
 */
import { requestExplanation, selectRun, useStore } from "../store";

export function ExplainLink({ run, label = "Why, and how to fix it" }: { run?: number; label?: string }) {
  return (
    <button
      type="button"
      className="link-button explain-link"
      onClick={() => {
        if (run !== undefined && useStore.getState().selection.run !== run) selectRun(run);
        requestExplanation();
      }}
    >
      {label} <span aria-hidden="true">→</span>
    </button>
  );
}
