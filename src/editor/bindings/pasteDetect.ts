/**
 * Python pasted into the TypeScript editor: the banner offers to switch the program's language
 * (the pasted text stays as it is). See pythonDetect.ts for what counts as Python.
 */
import { chooseLanguage } from "../../app/actions";
import { showBanner, useStore } from "../../store";
import { looksLikePython } from "../pythonDetect";
import type { EditorBinding } from "./types";

export const PASTE_OFFER = "This looks like Python. Run it as Python?";

export const pasteDetect: EditorBinding = (editor) => {
  const sub = editor.onDidPaste((e) => {
    if (useStore.getState().editor.language !== "typescript") return;
    const text = editor.getModel()?.getValueInRange(e.range) ?? "";
    if (!looksLikePython(text)) return;
    showBanner({ kind: "info", text: PASTE_OFFER, action: { label: "Switch to Python", run: () => chooseLanguage("python") } });
  });
  return () => sub.dispose();
};
