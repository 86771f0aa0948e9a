/** The editor follows the app's theme (light/dark, system or chosen). */
import { isDark, useStore } from "../../store";
import type { EditorBinding } from "./types";

export const theme: EditorBinding = (_editor, monaco) => {
  const apply = (dark: boolean) => monaco.editor.setTheme(dark ? "vs-dark" : "vs");
  apply(isDark(useStore.getState().ui));
  return useStore.subscribe((s) => isDark(s.ui), apply);
};
