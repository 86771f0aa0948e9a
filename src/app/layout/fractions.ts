/**
 * Pane sizes, remembered per split in localStorage as a fraction of the split's length. The
 * keys carry a layout version: when the default layout changes (the graph got the most room),
 * sizes saved for the old one would undo it, so they are not read.
 */
import { useCallback, useState } from "react";

const KEY = (id: string) => `tf-playground:split:v2:${id}`;

export interface FractionLimits {
  min: number;
  max: number;
}

function stored(id: string, fallback: number, limits: FractionLimits): number {
  try {
    const raw = localStorage.getItem(KEY(id));
    const v = raw === null ? NaN : Number(raw);
    return v >= limits.min && v <= limits.max ? v : fallback;
  } catch {
    return fallback;
  }
}

/** A split's fraction and the way to change it (clamped, then remembered). */
export function useFraction(id: string, initial: number, limits: FractionLimits): [number, (f: number) => void] {
  const [fraction, setFraction] = useState(() => stored(id, initial, limits));
  const commit = useCallback(
    (f: number) => {
      const clamped = Math.min(limits.max, Math.max(limits.min, f));
      setFraction(clamped);
      try {
        localStorage.setItem(KEY(id), String(clamped));
      } catch {
        // Not remembered; still applied.
      }
    },
    [id, limits.min, limits.max],
  );
  return [fraction, commit];
}
