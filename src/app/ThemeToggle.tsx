/** Light / dark / follow the system. */
import { setTheme, useStore, type ThemePreference } from "../store";

const NEXT: Record<ThemePreference, ThemePreference> = { system: "light", light: "dark", dark: "system" };
const LABEL: Record<ThemePreference, string> = { system: "Theme: system", light: "Theme: light", dark: "Theme: dark" };
const ICON: Record<ThemePreference, string> = { system: "◑", light: "☀", dark: "☾" };

export function ThemeToggle() {
  const theme = useStore((s) => s.ui.theme);
  return (
    <button type="button" className="btn btn-quiet btn-icon" onClick={() => setTheme(NEXT[theme])} title={`${LABEL[theme]} (click to change)`} aria-label={LABEL[theme]}>
      <span aria-hidden="true">{ICON[theme]}</span>
      <span className="tb-label" aria-hidden="true">
        {theme}
      </span>
    </button>
  );
}
