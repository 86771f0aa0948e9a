/**
 * The editor follows the app's theme (light/dark, system or chosen). Monaco's own themes are
 * adjusted where they miss WCAG AA contrast (4.5:1) for text a learner reads, on the editor's
 * background and under the lines the graph highlights (styles.css): vs-dark's comments
 * (#608b4e on #1e1e1e is 4.2:1), vs's numbers, types and comments under a highlight.
 */
import { isDark, useStore } from "../../store";
import type { EditorBinding } from "./types";

export const LIGHT_THEME = "tf-light";
export const DARK_THEME = "tf-dark";

export const theme: EditorBinding = (_editor, monaco) => {
  monaco.editor.defineTheme(LIGHT_THEME, {
    base: "vs",
    inherit: true,
    // Each ≥ 4.8:1 on white and under both line highlights.
    rules: [
      { token: "comment", foreground: "006a00" },
      { token: "number", foreground: "067453" },
      { token: "type", foreground: "1b6a80" },
      { token: "type.identifier", foreground: "1b6a80" },
      { token: "keyword.control", foreground: "8f00c0" },
    ],
    colors: {},
  });
  monaco.editor.defineTheme(DARK_THEME, {
    base: "vs-dark",
    inherit: true,
    // #7ca668 on #1e1e1e: 6.0:1.
    rules: [{ token: "comment", foreground: "7ca668" }],
    colors: {},
  });
  const apply = (dark: boolean) => monaco.editor.setTheme(dark ? DARK_THEME : LIGHT_THEME);
  apply(isDark(useStore.getState().ui));
  return useStore.subscribe((s) => isDark(s.ui), apply);
};
