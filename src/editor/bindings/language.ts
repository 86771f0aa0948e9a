/**
 * The editor speaks the program's language: Python text gets Monaco's Python highlighting
 * (its tokenizer ships in the app's own bundle, loaded when first needed) and 4-space
 * indentation, and no TypeScript checking — the TypeScript service would mark every line of a
 * Python program as an error (and spend a core doing it). Python's completions and hover docs
 * (pythonHelp.ts) are loaded the first time the text is Python: the TypeScript-only learner
 * downloads none of it.
 */
import { useStore } from "../../store";
import type { EditorBinding } from "./types";

export const language: EditorBinding = (editor, monaco) => {
  let disposed = false;
  let help: (() => void) | null = null;
  let helpLoading = false;
  const apply = (lang: "typescript" | "python"): void => {
    if (lang === "python" && !helpLoading) {
      helpLoading = true;
      void import("./pythonHelp").then((m) => {
        if (!disposed) help = m.pythonHelp(editor, monaco);
      });
    }
    const model = editor.getModel();
    if (!model) return;
    const id = lang === "python" ? "python" : "typescript";
    if (model.getLanguageId() !== id) monaco.editor.setModelLanguage(model, id);
    model.updateOptions({ tabSize: lang === "python" ? 4 : 2, insertSpaces: true });
  };
  apply(useStore.getState().editor.language);
  const unsubscribe = useStore.subscribe((s) => s.editor.language, apply);
  return () => {
    disposed = true;
    unsubscribe();
    help?.();
  };
};
