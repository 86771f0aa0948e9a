/**
 * A value that follows its source at most every `ms` while `throttle` is on (a running
 * program's graph and run selection change up to 60 times a second; the pane redraws a few
 * times a second then, and at once when the program ends).
 */
import { useEffect, useRef, useState } from "react";

export function useThrottled<T>(value: T, ms: number, throttle: boolean): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    if (timer.current !== null) {
      if (throttle) return;
      clearTimeout(timer.current);
      timer.current = null;
    }
    const wait = throttle ? last.current + ms - performance.now() : 0;
    if (wait <= 0) {
      last.current = performance.now();
      setShown(value);
      return;
    }
    timer.current = setTimeout(() => {
      timer.current = null;
      last.current = performance.now();
      setShown(latest.current);
    }, wait);
  }, [value, ms, throttle]);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  return throttle ? shown : value;
}
