/**
 * Two panes and a draggable, keyboard-operable separator (arrow keys move it by 2%). The split
 * is a fraction of the container, remembered per `id` in localStorage.
 */
import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";

interface Props {
  id: string;
  direction: "row" | "column";
  initial: number;
  label: string;
  children: [ReactNode, ReactNode];
}

const KEY = (id: string) => `tf-playground:split:${id}`;

function stored(id: string, fallback: number): number {
  try {
    const v = Number(localStorage.getItem(KEY(id)));
    return v > 0.05 && v < 0.95 ? v : fallback;
  } catch {
    return fallback;
  }
}

export function SplitPane({ id, direction, initial, label, children }: Props) {
  const [fraction, setFraction] = useState(() => stored(id, initial));
  const box = useRef<HTMLDivElement>(null);

  const commit = useCallback(
    (f: number) => {
      const clamped = Math.min(0.9, Math.max(0.1, f));
      setFraction(clamped);
      try {
        localStorage.setItem(KEY(id), String(clamped));
      } catch {
        // Not remembered; still applied.
      }
    },
    [id],
  );

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!e.currentTarget.hasPointerCapture(e.pointerId) || !box.current) return;
    const r = box.current.getBoundingClientRect();
    commit(direction === "row" ? (e.clientX - r.left) / r.width : (e.clientY - r.top) / r.height);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const back = direction === "row" ? "ArrowLeft" : "ArrowUp";
    const fwd = direction === "row" ? "ArrowRight" : "ArrowDown";
    if (e.key === back) commit(fraction - 0.02);
    else if (e.key === fwd) commit(fraction + 0.02);
    else return;
    e.preventDefault();
  };

  const first = `${(fraction * 100).toFixed(2)}%`;
  return (
    <div ref={box} className={`split split-${direction}`}>
      <div className="split-pane" style={{ flexBasis: first }}>
        {children[0]}
      </div>
      <div
        className="split-handle"
        role="separator"
        tabIndex={0}
        aria-label={label}
        aria-orientation={direction === "row" ? "vertical" : "horizontal"}
        aria-valuenow={Math.round(fraction * 100)}
        aria-valuemin={10}
        aria-valuemax={90}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onKeyDown={onKeyDown}
      />
      <div className="split-pane split-pane-rest">{children[1]}</div>
    </div>
  );
}
