/** The learner reaching for the editor (focus, pointer) starts its TypeScript worker (tsWorkerStart.ts). */
import { startTypeScriptNow } from "../tsWorkerStart";
import type { EditorBinding } from "./types";

export const typeScriptStart: EditorBinding = (editor) => {
  const subs = [editor.onDidFocusEditorText(startTypeScriptNow), editor.onMouseMove(startTypeScriptNow)];
  return () => {
    for (const s of subs) s.dispose();
  };
};
