/**
 * Python pasted into the TypeScript editor: the banner offers to switch the program's language
 * (the pasted text stays as it is). See pythonDetect.ts for what counts as Python; it is
 * loaded with the first paste that could be Python (pasteHint.ts): a TypeScript-only learner
 * who never pastes a program downloads none of it.
 */
import { chooseLanguage } from "../../app/actions";
import { showBanner, useStore } from "../../store";
import { mayBePython } from "../pasteHint";
import type { EditorBinding } from "./types";

export const PASTE_OFFER = "This looks like Python. Run it as Python?";

export const pasteDetect: EditorBinding = (editor) => {
  const sub = editor.onDidPaste((e) => {
    if (useStore.getState().editor.language !== "typescript") return;
    const text = editor.getModel()?.getValueInRange(e.range) ?? "";
    if (!mayBePython(text)) return;
    void import("../pythonDetect").then(({ looksLikePython }) => {
      // Still TypeScript (the learner may have switched meanwhile), and Python indeed.
      if (useStore.getState().editor.language !== "typescript" || !looksLikePython(text)) return;
      showBanner({ kind: "info", text: PASTE_OFFER, action: { label: "Switch to Python", run: () => chooseLanguage("python") } });
    });
  });
  return () => sub.dispose();
};
