/** The editor slice: the program text (the Monaco model mirrors it) and the seed to run with. */
import type { StateCreator } from "zustand";

/** The languages a program can be written in. */
export type ProgramLanguage = "typescript" | "python";

export interface EditorState {
  code: string;
  /** Seed for the next run (from a share link); null = a fresh seed each run. */
  seed: number | null;
  /**
   * Whether the text is the learner's own or ours (the default program, a built-in lesson's
   * code): only such text is built before it is run, for the graph's "not run yet" picture.
   * A link's code is not, nor is any text edited from it.
   */
  trusted: boolean;
  /** The language the program is written in (Python runs in Pyodide: src/runner/python). */
  language: ProgramLanguage;
}

export interface EditorSlice {
  editor: EditorState;
}

export const createEditorSlice: StateCreator<EditorSlice, [], [], EditorSlice> = () => ({
  editor: { code: "", seed: null, trusted: false, language: "typescript" },
});
