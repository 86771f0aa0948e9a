/** Ctrl/Cmd+Enter runs, Ctrl/Cmd+S shares (instead of the browser's "save page"). */
import { runCode, shareCode } from "../../app/actions";
import type { EditorBinding } from "./types";

export const keys: EditorBinding = (editor, monaco) => {
  const { KeyMod, KeyCode } = monaco;
  const run = editor.addAction({ id: "tf.run", label: "Run program", keybindings: [KeyMod.CtrlCmd | KeyCode.Enter], run: () => runCode() });
  const share = editor.addAction({ id: "tf.share", label: "Copy share link", keybindings: [KeyMod.CtrlCmd | KeyCode.KeyS], run: () => void shareCode() });
  return () => {
    run.dispose();
    share.dispose();
  };
};
