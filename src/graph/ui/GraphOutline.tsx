/**
 * The graph as text, for screen readers and keyboard users (and tests): a tree of nested lists
 * following the folded picture — scopes and series hold their ops — with every op an item of
 * its own, folded internals included.
 *
 * - An op's `<li>` has `data-node` (its name), `data-state` (its state in the selected run:
 *   `path fetched fed effect error dead`, or `idle`; `dead`: on the run's plan but not run, as
 *   its `tf.cond` branch was not taken) and `data-drawn-as` (the drawn node showing it).
 * - A series' `<li>` has `data-node` (the series' name, e.g. `add_[*]`), `data-series` (how many
 *   members), `data-state` (lit when any member ran) and `data-ran` (how many members ran).
 * - A scope's `<li>` has `data-scope` (its name). Control flow adds `data-flow` (`cond`,
 *   `branch` — a cond's `true branch` / `false branch` — or `while`); in a selected run a branch
 *   has `data-taken` (`true`/`false`) and a loop `data-iterations` (how often its body ran).
 * Activating an op selects it. Hidden visually unless the learner opens the text view;
 * `data-selected` and `data-on-line` (created on the editor's cursor line) mirror the canvas.
 *
 * A long outline (a 10,000-op loop) must not hold up the picture: its items and tree are
 * derived here, from deferred copies of the graph and the run (useDeferredValue), so React
 * builds them in a low-priority render it can interrupt, after the canvas has its frame; the
 * rows are mounted CHUNK at a time per idle moment, so no frame waits for all of them.
 */
import { memo, startTransition, useDeferredValue, useEffect, useMemo, useState } from "react";
import type { FlowHighlight, OpState } from "../model/highlight";
import { outlineSteps, outlineText, type OutlineEntry, type OutlineGroup, type OutlineItem } from "../model/outline";
import { SLICED_FROM, useSliced } from "../hooks/useSliced";
import type { GraphStructure } from "../model/structure";

interface Props {
  structure: GraphStructure;
  /** Each op's state in the selected run, or null. */
  states: ReadonlyMap<string, OpState> | null;
  /** Control flow in the selected run (branches taken, loop iterations), or null. */
  flow: FlowHighlight | null;
  /** The learner's names for ops. */
  names: ReadonlyMap<string, string>;
  /** Op name → name of the drawn node that shows it (itself, its variable, a collapsed scope). */
  drawnAs: (op: string) => string;
  selected: string | null;
  /** Ops created on the editor's cursor line. */
  onLine: ReadonlySet<string>;
  visible: boolean;
  /** Ops the program made that never reached the page (the summarizer's cap), or 0. */
  omitted?: number;
  onSelect(op: string): void;
}

/** Items mounted at first, and added per idle callback after. */
const CHUNK = 500;
const NO_ENTRIES: OutlineEntry[] = [];

interface RowProps {
  name: string;
  op: string;
  leaf: string;
  learner: string | null;
  culprit: boolean;
  state: string;
  value?: OutlineItem["value"];
  drawnAs: string;
  selected: boolean;
  onLine: boolean;
  visible: boolean;
  onSelect(op: string): void;
}

/** One op; memoized on plain props, so a new run re-renders only the rows whose state changed. */
const Row = memo(function Row({ name, op, leaf, learner, culprit, state, value, drawnAs, selected, onLine, visible, onSelect }: RowProps) {
  const text = outlineText({ name, op, leaf, learner, culprit, state, value });
  return (
    <li data-node={name} data-state={state} data-drawn-as={drawnAs} data-selected={selected ? "true" : undefined} data-on-line={onLine ? "true" : undefined}>
      {visible ? (
        <button type="button" aria-current={selected ? "true" : undefined} onClick={() => onSelect(name)}>
          {text}
        </button>
      ) : (
        // Hidden, the list is for reading only: 3,000 invisible tab stops would trap keyboard users.
        text
      )}
    </li>
  );
});

interface ListProps extends Pick<Props, "drawnAs" | "selected" | "onLine" | "visible" | "onSelect"> {
  entries: readonly OutlineEntry[];
  /** Index of the first op in `entries` among all ops, and how many ops may be mounted. */
  start: number;
  limit: number;
  /** The accessible name of the top list. */
  label?: string;
}

/** Ops inside a list (its groups included): what the mount limit counts. */
function opsIn(entries: readonly OutlineEntry[]): number {
  let n = 0;
  for (const e of entries) n += e.kind === "op" ? 1 : e.opCount;
  return n;
}

function Group({ g, start, limit, ...rest }: { g: OutlineGroup; start: number; limit: number } & Omit<ListProps, "entries" | "start" | "limit">) {
  const series = g.series;
  return (
    <li
      data-node={series !== null ? g.name : undefined}
      data-scope={series === null ? g.name : undefined}
      data-series={series !== null ? String(series.count) : undefined}
      data-ran={series !== null ? String(series.ran) : undefined}
      data-state={series !== null ? g.state : undefined}
      data-flow={g.flow ?? undefined}
      data-taken={g.taken === null ? undefined : String(g.taken)}
      data-iterations={g.iterations === null ? undefined : String(g.iterations)}
      className={series !== null ? "gp-outline-series" : "gp-outline-scope"}
    >
      <span className="gp-outline-group">{g.text}</span>
      <List entries={g.children} start={start} limit={limit} {...rest} />
    </li>
  );
}

function List({ entries, start, limit, label, ...rest }: ListProps) {
  let at = start;
  const items = [];
  for (const e of entries) {
    // Past the limit only the scopes and series are mounted (empty until their rows come):
    // the tree's outline is there at once, however many ops it holds.
    if (at >= limit && e.kind === "op") {
      at++;
      continue;
    }
    if (e.kind === "op") {
      items.push(
        <Row
          key={e.name}
          name={e.name}
          op={e.op}
          leaf={e.leaf}
          learner={e.learner}
          culprit={e.culprit}
          state={e.state}
          value={e.value}
          drawnAs={rest.drawnAs(e.name)}
          selected={rest.selected === e.name}
          onLine={rest.onLine.has(e.name)}
          visible={rest.visible}
          onSelect={rest.onSelect}
        />,
      );
      at++;
    } else {
      items.push(<Group key={`${e.kind}:${e.name}`} g={e} start={at} limit={limit} {...rest} />);
      at += e.opCount;
    }
  }
  return <ul aria-label={label}>{items}</ul>;
}

export const GraphOutline = memo(function GraphOutline({ structure, states, flow, names, drawnAs, selected, onLine, visible, omitted = 0, onSelect }: Props) {
  // Deferred: a new graph or run first re-renders with the previous ones (nothing to do), then
  // again with these in an interruptible render.
  const d = useDeferredValue({ structure, states, flow, names, drawnAs, selected, onLine });
  // A big outline's items and tree are made in slices (the last tree stays meanwhile).
  const made = useSliced(() => outlineSteps(d.structure, d.states, d.names, d.flow), [d.structure, d.states, d.names, d.flow], d.structure.order.length < SLICED_FROM);
  const tree = made.value ?? NO_ENTRIES;
  const latest = d.structure === structure && d.states === states && d.flow === flow && d.names === names && !made.pending;
  const total = opsIn(tree);
  const [limit, setLimit] = useState(CHUNK);
  useEffect(() => {
    if (limit >= total) return;
    const idle = typeof requestIdleCallback === "function" ? requestIdleCallback : (cb: () => void) => window.setTimeout(cb, 50);
    const cancel = typeof cancelIdleCallback === "function" ? cancelIdleCallback : clearTimeout;
    const id = idle(() => startTransition(() => setLimit((l) => l + CHUNK)));
    return () => cancel(id);
  }, [limit, total]);
  // The same element while the deferred values are unchanged: React then skips the rows at once
  // in the urgent render, and walks them only in the deferred one.
  const list = useMemo(
    () => <List entries={tree} start={0} limit={limit} visible={visible} drawnAs={d.drawnAs} selected={d.selected} onLine={d.onLine} onSelect={onSelect} label="Graph outline" />,
    [tree, limit, visible, d.drawnAs, d.selected, d.onLine, onSelect],
  );
  return (
    <div className={visible ? "gp-outline" : "gp-outline gp-sr-only"} data-complete={latest && limit >= total ? "true" : "false"}>
      {list}
      {omitted > 0 && (
        <p className="gp-outline-omitted">
          {omitted.toLocaleString("en-US")} more ops were made but not sent to the page: the graph is shown up to its first {total.toLocaleString("en-US")}.
        </p>
      )}
    </div>
  );
});
