/**
 * The selected run: where, what was fetched (in the learner's names, with values) and fed, side
 * effects, and — for a failed run — the reason in one line with a link to the full explanation
 * beside the graph (it is not repeated here).
 */
import { aggregateAt, runAt, useStore, type PathAggregate, type RunEntry } from "../../store";
import { CodeText } from "../../ui/CodeText";
import { ExplainLink } from "../../ui/ExplainLink";
import { failureHeadline } from "../../ui/failure";
import { count, plural } from "../../ui/format";
import { valueText } from "../../ui/valueText";
import { dtypeIndex, type DtypeOf } from "../../ui/tensorDtype";
import { tensorShort, type ProgramNames } from "../../ui/programNames";
import { useProgramNames } from "../../ui/useProgramNames";
import { feedNames } from "./RunsList";

function Aggregate({ index, a, names }: { index: number; a: PathAggregate | undefined; names: ProgramNames }) {
  return (
    <div className="run-details">
      <h3>Run {count(index)}</h3>
      <p className="muted">
        This run is in the middle of a long loop; the playground keeps the first and last 1,000 runs in full and
        summarizes the rest per path.
      </p>
      {a && (
        <dl>
          <dt>Path</dt>
          <dd>
            {plural(a.count, "run")} (#{count(a.first_index)}–#{count(a.last_index)}) fetched{" "}
            <span title={names.fetchTitle(a)}>{names.fetchNames(a).join(", ")}</span> on line {a.line ?? "?"}, running{" "}
            {plural(a.path.length, "op")}; {plural(a.failed, "failure")}.
          </dd>
        </dl>
      )}
    </div>
  );
}

function Full({ run, names, dtypeOf }: { run: RunEntry; names: ProgramNames; dtypeOf: DtypeOf }) {
  const fetchNames = names.fetchNames(run);
  const headline = failureHeadline(run, names);
  return (
    <div className="run-details">
      <h3>
        Run {count(run.index)} <span className={run.ok ? "tag tag-ok" : "tag tag-error"}>{run.ok ? "✓ ok" : "✕ failed"}</span>
      </h3>
      <dl>
        <dt>Where</dt>
        <dd>
          line {run.line ?? "?"} · session {run.session} · {plural(run.path.length, "op")} ran
          {run.dead !== undefined && run.dead.length > 0 ? ` · ${plural(run.dead.length, "op")} not run (branch not taken)` : ""}
        </dd>
        {run.loops !== undefined && run.loops.length > 0 && (
          <>
            <dt>Loops</dt>
            <dd>
              <ul className="value-list">
                {run.loops.map((l) => (
                  <li key={l.frame}>
                    <code>{l.frame.replace(/\/while_context$/, "")}</code>: {plural(l.iterations, "iteration")}
                    {l.entered > 1 ? ` over ${plural(l.entered, "entry", "entries")}` : ""}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>Fetches</dt>
        <dd>
          {run.fetches.length === 0 ? (
            <span className="muted">nothing</span>
          ) : (
            <ul className="value-list">
              {run.fetches.map((f, i) => (
                <li key={f}>
                  <code>{fetchNames[i]}</code>
                  {fetchNames[i] !== tensorShort(f) && <span className="muted"> ({f})</span>}
                  {run.values && f in run.values ? <> = <span className="value">{valueText(run.values[f], dtypeOf(f, run.graph))}</span></> : null}
                </li>
              ))}
            </ul>
          )}
        </dd>
        {run.feeds.length > 0 && (
          <>
            <dt>Feeds</dt>
            <dd title={run.feeds.join(", ")}>{feedNames(names, run).join(", ")}</dd>
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
                    {fx.after !== undefined ? <> = {valueText(fx.after, dtypeOf(fx.target, run.graph))}</> : null}
                    {fx.text !== undefined ? <> “{fx.text}”</> : null}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {run.error && headline !== null && (
          <>
            <dt>Error</dt>
            <dd className="run-error-line" title={`${run.error.type}: ${run.error.message}`}>
              <span className="run-error-text">
                <span aria-hidden="true">✕ </span>
                <CodeText text={headline} />
              </span>{" "}
              <span className="muted">({run.error.type})</span> <ExplainLink run={run.index} />
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
  const names = useProgramNames();
  const nodes = useStore((s) => s.program.nodes);
  if (index === null) return <div className="run-details muted">Select a run to see what it fetched, fed and changed.</div>;
  const run = runAt(runs, index);
  return run ? <Full run={run} names={names} dtypeOf={dtypeIndex(nodes)} /> : <Aggregate index={index} a={aggregateAt(runs, index)} names={names} />;
}
