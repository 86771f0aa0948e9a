/** One sentence about all runs: "100,000 runs, 1 distinct path, 2 failed". */
import { distinctPaths, useStore } from "../../store";
import { count, plural } from "../../ui/format";

export function LoopSummary() {
  const runCount = useStore((s) => s.program.runCount);
  const paths = useStore((s) => distinctPaths(s.program.runs));
  const failed = useStore((s) => {
    const r = s.program.runs;
    let n = 0;
    for (const x of r.head) if (!x.ok) n++;
    for (const x of r.tail) if (!x.ok) n++;
    for (const a of r.middle) n += a.failed;
    return n;
  });
  if (runCount === 0) return null;
  return (
    <p className="loop-summary" data-testid="loop-summary">
      {plural(runCount, "run")}, {plural(paths, "distinct path")}
      {failed > 0 ? `, ${count(failed)} failed` : ""}
    </p>
  );
}
