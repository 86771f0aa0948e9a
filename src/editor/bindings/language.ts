/**
 * The editor speaks the program's language: Python text gets Monaco's Python highlighting
 * (its tokenizer ships in the app's own bundle, loaded when first needed) and 4-space
 * indentation, and no TypeScript checking — the TypeScript service would mark every line of a
 * Python program as an error (and spend a core doing it).
 */
import { useStore } from "../../store";
import type { EditorBinding } from "./types";

export const language: EditorBinding = (editor, monaco) => {
  const apply = (lang: "typescript" | "python"): void => {
    const model = editor.getModel();
    if (!model) return;
    const id = lang === "python" ? "python" : "typescript";
    if (model.getLanguageId() !== id) monaco.editor.setModelLanguage(model, id);
    model.updateOptions({ tabSize: lang === "python" ? 4 : 2, insertSpaces: true });
  };
  apply(useStore.getState().editor.language);
  const unsubscribe = useStore.subscribe((s) => s.editor.language, apply);
  return unsubscribe;
};
