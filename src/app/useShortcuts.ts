/**
 * Page-wide keys: Ctrl/Cmd+Enter runs and Ctrl/Cmd+S shares anywhere (the editor has its own
 * bindings for both), and `G` maximizes the graph or gives the panes their room back — except
 * while typing (in the editor or any field), where G is a letter.
 */
import { useEffect } from "react";
import { showTab, toggleMaximizedGraph } from "../store";
import { runCode, shareCode } from "./actions";
import { COMPACT_QUERY } from "./layout/useMediaQuery";
import { PAGE } from "./pageOptions";

/** Whether a key pressed here is text being typed. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== "function") return false;
  if (el.closest(".monaco-editor")) return true;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  const type = (el as HTMLInputElement).type;
  return !["button", "checkbox", "radio", "range", "submit", "reset", "color", "file"].includes(type);
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if ((e.key === "g" || e.key === "G") && !e.ctrlKey && !e.metaKey && !e.altKey && !e.repeat) {
        if (isTyping(e.target) || PAGE.hidden.has("graph")) return;
        e.preventDefault();
        // One pane at a time on a narrow screen: the graph's tab is as big as it gets.
        if (matchMedia(COMPACT_QUERY).matches) showTab("graph");
        else toggleMaximizedGraph();
        return;
      }
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
