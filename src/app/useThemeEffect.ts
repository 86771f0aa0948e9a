/** Applies the theme to <html data-theme> and follows the system's preference. */
import { useEffect } from "react";
import { isDark, setSystemDark, useStore } from "../store";

export function useThemeEffect(): void {
  const dark = useStore((s) => isDark(s.ui));
  useEffect(() => {
    const mq = window.matchMedia("(prefers-color-scheme: dark)");
    setSystemDark(mq.matches);
    const on = (e: MediaQueryListEvent) => setSystemDark(e.matches);
    mq.addEventListener("change", on);
    return () => mq.removeEventListener("change", on);
  }, []);
  useEffect(() => {
    document.documentElement.dataset.theme = dark ? "dark" : "light";
  }, [dark]);
}
