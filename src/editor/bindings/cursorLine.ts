/** The cursor's line goes to `selection.line`, so the graph can light the ops that line made. */
import { setCursorLine } from "../../store";
import type { EditorBinding } from "./types";

export const cursorLine: EditorBinding = (editor) => {
  const sub = editor.onDidChangeCursorPosition((e) => setCursorLine(e.position.lineNumber));
  return () => sub.dispose();
};
