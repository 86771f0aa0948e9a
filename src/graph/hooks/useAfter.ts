import { useEffect, useState } from "react";

/** True once `on` has stayed true for `ms` (a status that would only flash is not shown). */
export function useAfter(on: boolean, ms: number): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!on) {
      setAfter(false);
      return;
    }
    const t = setTimeout(() => setAfter(true), ms);
    return () => clearTimeout(t);
  }, [on, ms]);
  return on && after;
}
