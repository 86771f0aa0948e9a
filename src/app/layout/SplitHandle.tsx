/**
 * The bar between two panes: drag it, or focus it and use the arrow keys (2 % a step), Home and
 * End (the limits); a double click puts it back where it started. A `separator` with its value,
 * as WAI-ARIA's window splitter pattern describes.
 */
import type { KeyboardEvent, PointerEvent } from "react";

interface Props {
  direction: "row" | "column";
  fraction: number;
  initial: number;
  min: number;
  max: number;
  label: string;
  /** The box the fraction is measured in. */
  box(): DOMRect | null;
  onChange(fraction: number): void;
}

export function SplitHandle({ direction, fraction, initial, min, max, label, box, onChange }: Props) {
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const r = box();
    if (!e.currentTarget.hasPointerCapture(e.pointerId) || r === null) return;
    onChange(direction === "row" ? (e.clientX - r.left) / r.width : (e.clientY - r.top) / r.height);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const back = direction === "row" ? "ArrowLeft" : "ArrowUp";
    const fwd = direction === "row" ? "ArrowRight" : "ArrowDown";
    if (e.key === back) onChange(fraction - 0.02);
    else if (e.key === fwd) onChange(fraction + 0.02);
    else if (e.key === "Home") onChange(min);
    else if (e.key === "End") onChange(max);
    else return;
    e.preventDefault();
  };
  return (
    <div
      className={`split-handle split-handle-${direction}`}
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={direction === "row" ? "vertical" : "horizontal"}
      aria-valuenow={Math.round(fraction * 100)}
      aria-valuemin={Math.round(min * 100)}
      aria-valuemax={Math.round(max * 100)}
      title={`${label} (drag, or arrow keys; double-click resets)`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onChange(initial)}
    />
  );
}
