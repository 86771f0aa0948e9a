/**
 * Whether the page is dark: the app writes `<html data-theme="dark|light">` (useThemeEffect),
 * and the pane's CSS keys off the same attribute, so the canvas follows it too (and a page
 * embedding the pane without the store still gets the right colours).
 */
import { useEffect, useState } from "react";

function read(): boolean {
  if (typeof document === "undefined") return false;
  const theme = document.documentElement.dataset.theme;
  if (theme === "dark") return true;
  if (theme === "light") return false;
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

export function useDocumentTheme(): boolean {
  const [dark, setDark] = useState(read);
  useEffect(() => {
    const observer = new MutationObserver(() => setDark(read()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    setDark(read());
    return () => observer.disconnect();
  }, []);
  return dark;
}
