/** The selected run: where, what was fetched (with values) and fed, side effects, the error. */
import { aggregateAt, runAt, useStore, type PathAggregate, type RunEntry } from "../../store";
import { formatValue, plural, shortName } from "../../ui/format";

function Aggregate({ index, a }: { index: number; a: PathAggregate | undefined }) {
  return (
    <div className="run-details">
      <h3>Run {index}</h3>
      <p className="muted">
        This run is in the middle of a long loop; the playground keeps the first and last 1,000 runs in full and
        summarizes the rest per path.
      </p>
      {a && (
        <dl>
          <dt>Path</dt>
          <dd>
            {plural(a.count, "run")} (#{a.first_index}–#{a.last_index}) fetched {a.fetches.map(shortName).join(", ")} on line {a.line ?? "?"},{" "}
            running {plural(a.path.length, "op")}; {plural(a.failed, "failure")}.
          </dd>
        </dl>
      )}
    </div>
  );
}

function Full({ run }: { run: RunEntry }) {
  return (
    <div className="run-details">
      <h3>
        Run {run.index} <span className={run.ok ? "tag tag-ok" : "tag tag-error"}>{run.ok ? "✓ ok" : "✕ failed"}</span>
      </h3>
      <dl>
        <dt>Where</dt>
        <dd>
          line {run.line ?? "?"} · session {run.session} · {plural(run.path.length, "op")} ran
        </dd>
        <dt>Fetches</dt>
        <dd>
          <ul className="value-list">
            {run.fetches.map((f) => (
              <li key={f}>
                <code>{shortName(f)}</code>
                {run.values && f in run.values ? <> = <span className="value">{formatValue(run.values[f])}</span></> : null}
              </li>
            ))}
          </ul>
        </dd>
        {run.feeds.length > 0 && (
          <>
            <dt>Feeds</dt>
            <dd>{run.feeds.map(shortName).join(", ")}</dd>
          </>
        )}
        {run.side_effects.length > 0 && (
          <>
            <dt>Side effects</dt>
            <dd>
              <ul className="value-list">
                {run.side_effects.map((fx, i) => (
                  <li key={i}>
                    <span className="tag">{fx.kind}</span> <code>{fx.op}</code>
                    {fx.target ? <> → <code>{fx.target}</code></> : null}
                    {fx.after !== undefined ? <> = {formatValue(fx.after)}</> : null}
                    {fx.text !== undefined ? <> “{fx.text}”</> : null}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {run.error && (
          <>
            <dt>Error</dt>
            <dd className="run-error-text">
              {run.error.type}: {run.error.message}
              {run.error.op && (
                <>
                  {" "}
                  (culprit <code>{run.error.op}</code>
                  {run.error.line !== null ? `, created on line ${run.error.line}` : ""})
                </>
              )}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

export function RunDetails() {
  const index = useStore((s) => s.selection.run);
  const runs = useStore((s) => s.program.runs);
  if (index === null) return <div className="run-details muted">Select a run to see what it fetched, fed and changed.</div>;
  const run = runAt(runs, index);
  return run ? <Full run={run} /> : <Aggregate index={index} a={aggregateAt(runs, index)} />;
}
