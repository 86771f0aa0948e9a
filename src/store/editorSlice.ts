/** The editor slice: the program text (the Monaco model mirrors it) and the seed to run with. */
import type { StateCreator } from "zustand";

export interface EditorState {
  code: string;
  /** Seed for the next run (from a share link); null = a fresh seed each run. */
  seed: number | null;
}

export interface EditorSlice {
  editor: EditorState;
}

export const createEditorSlice: StateCreator<EditorSlice, [], [], EditorSlice> = () => ({
  editor: { code: "", seed: null },
});
