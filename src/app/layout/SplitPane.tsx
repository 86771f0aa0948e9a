/**
 * Two panes and a handle between them. The split is a fraction of the container, remembered per
 * `id` (fractions.ts).
 */
import { useRef, type ReactNode } from "react";
import { useFraction } from "./fractions";
import { SplitHandle } from "./SplitHandle";

interface Props {
  id: string;
  direction: "row" | "column";
  initial: number;
  label: string;
  children: [ReactNode, ReactNode];
}

const LIMITS = { min: 0.1, max: 0.9 };

export function SplitPane({ id, direction, initial, label, children }: Props) {
  const [fraction, commit] = useFraction(id, initial, LIMITS);
  const box = useRef<HTMLDivElement>(null);
  return (
    <div ref={box} className={`split split-${direction}`} data-split={id}>
      <div className="split-pane" style={{ flexBasis: `${(fraction * 100).toFixed(2)}%` }}>
        {children[0]}
      </div>
      <SplitHandle
        direction={direction}
        fraction={fraction}
        initial={initial}
        {...LIMITS}
        label={label}
        box={() => box.current?.getBoundingClientRect() ?? null}
        onChange={commit}
      />
      <div className="split-pane split-pane-rest">{children[1]}</div>
    </div>
  );
}
