/** Ctrl/Cmd+Enter runs and Ctrl/Cmd+S shares anywhere on the page (the editor has its own). */
import { useEffect } from "react";
import { runCode, shareCode } from "./actions";

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      // Inside Monaco the editor's own keybindings handle these.
      if ((e.target as HTMLElement | null)?.closest?.(".monaco-editor")) return;
      if (e.key === "Enter") {
        e.preventDefault();
        runCode();
      } else if (e.key === "s" || e.key === "S") {
        e.preventDefault();
        void shareCode();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
