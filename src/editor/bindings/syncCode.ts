/**
 * The editor text and the store's `editor.code`, kept equal both ways: typing updates the
 * store; a store change from elsewhere (a share link, the test hook) replaces the model text.
 */
import { setCode, useStore } from "../../store";
import type { EditorBinding } from "./types";

export const syncCode: EditorBinding = (editor) => {
  const model = editor.getModel();
  if (!model) return () => undefined;
  const fromEditor = model.onDidChangeContent(() => setCode(model.getValue(), "typed"));
  const fromStore = useStore.subscribe(
    (s) => s.editor.code,
    (code) => {
      // pushEditOperations keeps undo history, unlike setValue.
      if (code !== model.getValue()) model.pushEditOperations([], [{ range: model.getFullModelRange(), text: code }], () => null);
    },
  );
  return () => {
    fromEditor.dispose();
    fromStore();
  };
};
