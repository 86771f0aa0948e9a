/**
 * The learner reaching for the editor starts its TypeScript worker (tsWorkerStart.ts): focus in
 * the text, or a hover that waits for a type's docs. A pointer merely crossing the editor on its
 * way to Run does not.
 */
import { startTypeScriptNow } from "../tsWorkerStart";
import type { EditorBinding } from "./types";

export const typeScriptStart: EditorBinding = (editor, monaco) => {
  const subs = [
    editor.onDidFocusEditorText(startTypeScriptNow),
    // Contributes nothing to the hover; Monaco's own TypeScript hover asks the worker.
    monaco.languages.registerHoverProvider("typescript", {
      provideHover: () => {
        startTypeScriptNow();
        return null;
      },
    }),
  ];
  return () => {
    for (const s of subs) s.dispose();
  };
};
