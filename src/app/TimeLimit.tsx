/** The time limit after which a running program is stopped (0 = none). */
import { setTimeLimit, useStore } from "../store";
import { ClockIcon } from "../ui/icons";

export function TimeLimit() {
  const sec = useStore((s) => s.ui.timeLimitSec);
  return (
    <label className="time-limit" title="Seconds a program may run before it is stopped (0: no limit)">
      <ClockIcon />
      <span className="tb-label">Time limit</span>
      <input
        type="number"
        min={0}
        max={3600}
        step={1}
        value={sec}
        onChange={(e) => setTimeLimit(Number(e.target.value) || 0)}
        aria-describedby="time-limit-unit"
      />
      <span id="time-limit-unit">s</span>
    </label>
  );
}
