/** The run status, as text (for everyone) and colour + icon (redundantly). */
import { count } from "./format";
import { useStore } from "../store";

const ICON: Record<string, string> = { idle: "○", running: "◐", done: "✓", error: "✕", stopped: "■" };

export function StatusBadge() {
  const status = useStore((s) => s.program.status);
  const runCount = useStore((s) => s.program.runCount);
  const stopReason = useStore((s) => s.program.stopReason);
  const seed = useStore((s) => s.program.seed);
  const detail = `${count(runCount)} ${runCount === 1 ? "run" : "runs"}${seed !== null ? ` · seed ${seed}` : ""}${status === "stopped" && stopReason ? ` · ${stopReason}` : ""}`;
  return (
    <div className="status" role="status" aria-live="polite">
      <span className={`status-badge status-${status}`} title={stopReason ?? undefined}>
        <span aria-hidden="true">{ICON[status]} </span>
        <span data-testid="run-status">{status}</span>
      </span>
      {status !== "idle" && (
        // Shortened with … when the toolbar is narrow: the whole text is its tooltip.
        <span className="status-detail" title={detail}>
          {detail}
        </span>
      )}
    </div>
  );
}
