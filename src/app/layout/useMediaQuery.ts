/** Whether a CSS media query matches, kept current as the window changes. */
import { useSyncExternalStore } from "react";

/** Below this width the workspace is one pane at a time, chosen by tabs (phones, narrow windows). */
export const COMPACT_QUERY = "(max-width: 899.98px)";

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const m = matchMedia(query);
      m.addEventListener("change", onChange);
      return () => m.removeEventListener("change", onChange);
    },
    () => matchMedia(query).matches,
    () => false,
  );
}
