import type * as monacoNs from "monaco-editor";

/** One concern wired between the editor and the store; returns its cleanup. */
export type EditorBinding = (editor: monacoNs.editor.IStandaloneCodeEditor, monaco: typeof monacoNs) => () => void;
