/**
 * The graph as text, for screen readers and keyboard users (and tests): one item per op,
 * folded internals included, with `data-node` (the op's name) and `data-state` (its state in
 * the selected run: `path fetched fed effect error`, or `idle`). Activating an item selects
 * the op. Hidden visually unless the learner opens the text view. `data-drawn-as`,
 * `data-selected` and `data-on-line` (created on the editor's cursor line) mirror what the
 * canvas shows, for tests and for styling the text view.
 */
import { memo } from "react";
import type { OutlineItem } from "../model/outline";

interface Props {
  items: readonly OutlineItem[];
  /** Op name → name of the drawn node that shows it (itself, its variable, a collapsed scope). */
  drawnAs: (op: string) => string;
  selected: string | null;
  /** Ops created on the editor's cursor line. */
  onLine: ReadonlySet<string>;
  visible: boolean;
  onSelect(op: string): void;
}

interface RowProps {
  name: string;
  state: string;
  text: string;
  depth: number;
  drawnAs: string;
  selected: boolean;
  onLine: boolean;
  visible: boolean;
  onSelect(op: string): void;
}

/** One row; memoized on plain props, so a new run re-renders only the rows whose state changed. */
const Row = memo(function Row({ name, state, text, depth, drawnAs, selected, onLine, visible, onSelect }: RowProps) {
  return (
    <li
      data-node={name}
      data-state={state}
      data-drawn-as={drawnAs}
      data-selected={selected ? "true" : undefined}
      data-on-line={onLine ? "true" : undefined}
      style={{ paddingInlineStart: `${depth * 14}px` }}
    >
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

export const GraphOutline = memo(function GraphOutline({ items, drawnAs, selected, onLine, visible, onSelect }: Props) {
  return (
    <div className={visible ? "gp-outline" : "gp-outline gp-sr-only"}>
      <ul aria-label="Graph outline">
        {items.map((it) => (
          <Row
            key={it.name}
            name={it.name}
            state={it.state}
            text={it.text}
            depth={it.depth}
            drawnAs={drawnAs(it.name)}
            selected={selected === it.name}
            onLine={onLine.has(it.name)}
            visible={visible}
            onSelect={onSelect}
          />
        ))}
      </ul>
    </div>
  );
});
