/**
 * The selected op (or scope) in detail: what it is, what it reads and who reads it, where it
 * was created, and what it did in the selected run; for a variable, its value in each session.
 */
import type { ReactNode } from "react";
import type { ValueSummary } from "../../../engine";
import { plural } from "../../ui/format";
import { valueText } from "../../ui/valueText";
import type { NodeCategory } from "../model/classify";
import type { FlowHighlight, OpState, RunLike } from "../model/highlight";
import { opOfTensor } from "../model/names";
import { seriesLabel } from "../model/series";
import { groupOps, type GraphStructure, type GroupRole } from "../model/structure";
import type { Memory } from "../hooks/selectedRun";
import { SERIES_PAGE } from "../model/view";

const CATEGORY_WORDS: Record<NodeCategory, string> = {
  constant: "constant: the same value in every run",
  placeholder: "placeholder: must be fed in every run whose path reaches it",
  variable: "variable: its value lives in each session, across runs",
  op: "operation",
  assign: "side effect: writes a variable when it runs",
  print: "side effect: prints when it runs (and passes its input through)",
  update: "side effect: an optimizer's update of a variable",
  group: "groups its control inputs: running it runs them (and their side effects)",
};

const ROLE_WORDS: Record<GroupRole, string> = {
  gradients: "the gradient ops tf.gradients (or minimize) added to compute derivatives",
  optimizer: "the optimizer's update ops: running the train op runs these",
  composite: "ops made by one call, drawn as one node",
  scope: "a name scope",
  series: "ops made over and over by one line (a loop), folded into one node",
  cond: "a tf.cond: each run computes only the branch its predicate picks (Switch sends the value one way, Merge takes whichever arrives)",
  branch: "one branch of a tf.cond: the ops its function made, which run only when the predicate picks this branch",
  while: "a tf.while_loop: a small graph with a cycle (NextIteration feeds Merge) that a run goes round while LoopCond is true",
};

/** What the header calls a group that is not a plain scope. */
const KIND_WORDS: Partial<Record<GroupRole, string>> = { cond: "tf.cond", branch: "branch", while: "tf.while_loop" };

export type InspectTarget = { kind: "op"; name: string } | { kind: "group"; name: string };

interface Props {
  target: InspectTarget;
  structure: GraphStructure;
  names: ReadonlyMap<string, string>;
  run: RunLike | null;
  state: OpState | undefined;
  /** Session → memory after its last run up to the selected one. */
  memories: ReadonlyMap<number, Memory>;
  /** The collapsed scope the op is hidden in, if any. */
  hiddenIn: string | null;
  collapsed: (group: string) => boolean;
  /** Control flow in the shown run: branches taken, loop iterations. */
  flow?: FlowHighlight | null;
  /** For a series: how many members the shown run ran (null without a run or a lit node). */
  ran?: number | null;
  /** For an expanded series: members drawn, and a way to draw more. */
  shown?: number | null;
  onShowMore?(group: string): void;
  onSelect(op: string): void;
  onToggle(group: string): void;
  onClose(): void;
}

function OpButton({ name, onSelect, names }: { name: string; onSelect(op: string): void; names: ReadonlyMap<string, string> }) {
  const learner = names.get(name);
  return (
    <button type="button" className="gp-link" onClick={() => onSelect(name)}>
      <code>{name}</code>
      {learner !== undefined && learner !== name ? <span className="gp-muted"> ({learner})</span> : null}
    </button>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function runWords(s: OpState | undefined, run: RunLike): string {
  if (s === undefined) return "not used by this run";
  const words: string[] = [];
  if (s.culprit) words.push("the run failed here");
  else if (s.error) words.push("on the path to the failure");
  if (s.path) words.push(`ran (step ${s.step + 1} of ${run.path.length})`);
  if (s.fetched) words.push("fetched");
  if (s.fed) words.push("fed");
  if (s.effect) words.push("its side effect fired");
  if (s.dead) words.push("did not run: it is in a tf.cond branch this run did not take");
  return words.length > 0 ? words.join(", ") : "not used by this run";
}

function consumersOf(structure: GraphStructure, op: string): string[] {
  const out: string[] = [];
  for (const e of structure.edges) if (e.src === op && e.kind !== "ref" && !out.includes(e.dst)) out.push(e.dst);
  return out;
}

export function Inspector(p: Props) {
  const { target, structure, names } = p;
  if (target.kind === "group") {
    const g = structure.groups.get(target.name);
    if (g === undefined) return null;
    const members = groupOps(structure, g.name);
    const collapsed = p.collapsed(g.name);
    const series = g.series;
    return (
      <aside className="gp-inspector" aria-label="Inspector" data-testid="inspector">
        <header>
          <h3>
            <code>{g.name}</code> <span className="gp-muted">{series !== undefined ? "series" : (KIND_WORDS[g.role] ?? "scope")}</span>
          </h3>
          <button type="button" className="gp-icon-button" aria-label="Close inspector" onClick={p.onClose}>
            ×
          </button>
        </header>
        <p>{ROLE_WORDS[g.role]}.</p>
        {p.run !== null && g.role === "branch" && p.flow?.branches.has(g.name) && (
          <p>{p.flow.branches.get(g.name) === "taken" ? "This run took this branch." : "This run did not take this branch: its ops stayed dead."}</p>
        )}
        {p.run !== null && g.role === "while" && p.flow?.loops.has(g.name) && (
          <p>In this run the body ran {plural(p.flow.loops.get(g.name)!, "time")}.</p>
        )}
        {series !== undefined && (
          <p>
            {seriesLabel(series)}: {series.count.toLocaleString("en-US")}{" "}
            {series.kind === "scopes" ? "name scopes" : <><code>{series.op}</code> ops</>}
            {series.line !== null ? ` made by line ${series.line}` : series.kind === "scopes" ? " made alike" : " numbered alike"}.
            {p.run !== null && ` In this run ${(p.ran ?? 0).toLocaleString("en-US")} of them ran.`}
          </p>
        )}
        {series !== undefined && !collapsed && p.shown != null && p.shown < series.count && (
          <p>
            Drawing the first {p.shown.toLocaleString("en-US")} of {series.count.toLocaleString("en-US")}.{" "}
            <button type="button" className="gp-button" onClick={() => p.onShowMore?.(g.name)}>
              Show {Math.min(SERIES_PAGE, series.count - p.shown).toLocaleString("en-US")} more
            </button>
          </p>
        )}
        <p>
          {g.opCount.toLocaleString("en-US")} ops.{" "}
          <button type="button" className="gp-button" onClick={() => p.onToggle(g.name)}>
            {collapsed ? `Expand ${g.name}` : `Collapse ${g.name}`}
          </button>
        </p>
        <ul className="gp-members">
          {members.slice(0, 60).map((m) => (
            <li key={m}>
              <OpButton name={m} onSelect={p.onSelect} names={names} />
            </li>
          ))}
          {members.length > 60 && <li className="gp-muted">… {members.length - 60} more</li>}
        </ul>
      </aside>
    );
  }

  const info = structure.ops.get(target.name);
  if (info === undefined) return null;
  const node = info.node;
  const leaf = structure.leaves.get(info.leaf);
  const learner = names.get(target.name);
  const run = p.run;
  const value = run?.values?.[`${node.name}:0`] ?? p.state?.fedValue;
  const variable = info.category === "variable";
  const consumers = consumersOf(structure, node.name);
  const sessions = [...p.memories.entries()].filter(([, m]) => node.name in m);
  const attrsValue = node.op === "Const" ? (node.attrs?.value as ValueSummary | undefined) : undefined;

  return (
    <aside className="gp-inspector" aria-label="Inspector" data-testid="inspector">
      <header>
        <h3>
          <code>{node.name}</code> <span className="gp-muted">{node.op}</span>
        </h3>
        <button type="button" className="gp-icon-button" aria-label="Close inspector" onClick={p.onClose}>
          ×
        </button>
      </header>
      <p>{CATEGORY_WORDS[info.category]}.</p>
      <dl>
        {learner !== undefined && learner !== node.name && <Field label="Your name">{<code>{learner}</code>}</Field>}
        <Field label="Created on">{node.line !== null ? `line ${node.line}` : "—"}</Field>
        <Field label="dtype · shape">
          {node.dtype ?? "—"} · {node.shape ?? "—"}
        </Field>
        {attrsValue !== undefined && <Field label="Value">{valueText(attrsValue, node.dtype)}</Field>}
        {typeof node.attrs?.message === "string" && node.attrs.message !== "" && <Field label="Message">{String(node.attrs.message)}</Field>}
        {node.device !== undefined && (
          <Field label="Device">
            <code>{node.device}</code>
          </Field>
        )}
        <Field label="Inputs">
          {node.inputs.length === 0 ? (
            "none"
          ) : (
            <ul>
              {node.inputs.map((t, i) => (
                <li key={i}>
                  <OpButton name={opOfTensor(t)} onSelect={p.onSelect} names={names} />
                  {t.endsWith(":0") ? null : <span className="gp-muted"> output {t.slice(t.lastIndexOf(":") + 1)}</span>}
                </li>
              ))}
            </ul>
          )}
        </Field>
        {node.control_inputs.length > 0 && (
          <Field label="Waits for">
            <ul>
              {node.control_inputs.map((c) => (
                <li key={c}>
                  <OpButton name={c} onSelect={p.onSelect} names={names} />
                </li>
              ))}
            </ul>
          </Field>
        )}
        {node.ref_inputs.length > 0 && (
          <Field label="Writes">
            <ul>
              {node.ref_inputs.map((t) => (
                <li key={t}>
                  <OpButton name={opOfTensor(t)} onSelect={p.onSelect} names={names} />
                </li>
              ))}
            </ul>
          </Field>
        )}
        <Field label="Used by">
          {consumers.length === 0 ? (
            "nothing"
          ) : (
            <ul>
              {consumers.slice(0, 30).map((c) => (
                <li key={c}>
                  <OpButton name={c} onSelect={p.onSelect} names={names} />
                </li>
              ))}
              {consumers.length > 30 && <li className="gp-muted">… {consumers.length - 30} more</li>}
            </ul>
          )}
        </Field>
        {run !== null && (
          <Field label={run.count !== undefined ? `In these ${run.count.toLocaleString("en-US")} runs` : `In run ${run.index ?? ""}`}>
            {runWords(p.state, run)}
            {value !== undefined && <div>value: {valueText(value, node.dtype)}</div>}
            {p.state?.effects.map((e, i) => (
              <div key={i}>
                {e.kind}
                {e.target !== undefined ? ` ${e.target}: ${valueText(e.before ?? null, node.dtype)} → ${valueText(e.after, node.dtype)}` : ""}
                {e.text !== undefined ? ` printed “${e.text}”` : ""}
              </div>
            ))}
          </Field>
        )}
        {variable && (
          <Field label="Value in each session">
            {sessions.length === 0 ? (
              "no session has used it yet"
            ) : (
              <ul>
                {sessions.map(([s, m]) => (
                  <li key={s}>
                    session {s}: {valueText(m[node.name], node.dtype)}
                  </li>
                ))}
              </ul>
            )}
          </Field>
        )}
        {leaf !== undefined && leaf.members.length > 1 && (
          <Field label={info.leaf === node.name ? "Drawn with it" : "Drawn inside"}>
            {info.leaf === node.name ? (
              <ul>
                {leaf.members.slice(1).map((m) => (
                  <li key={m}>
                    <OpButton name={m} onSelect={p.onSelect} names={names} />
                  </li>
                ))}
              </ul>
            ) : (
              <OpButton name={info.leaf} onSelect={p.onSelect} names={names} />
            )}
          </Field>
        )}
      </dl>
      {p.hiddenIn !== null && (
        <p>
          Drawn inside the collapsed scope <code>{p.hiddenIn}</code>.{" "}
          <button type="button" className="gp-button" onClick={() => p.onToggle(p.hiddenIn!)}>
            Expand {p.hiddenIn}
          </button>
        </p>
      )}
    </aside>
  );
}
