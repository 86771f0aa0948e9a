/**
 * The UI slice: preferences and page-level messages (theme, time limit, banners). Preferences
 * persist in localStorage through the combined store's middleware.
 */
import type { StateCreator } from "zustand";

export type ThemePreference = "system" | "light" | "dark";

/** A message across the top of the page (shared link loaded, link broken, copied...). */
export interface Banner {
  kind: "info" | "success" | "warning" | "error";
  text: string;
  /** A link to show (and select) with the text, e.g. the share link. */
  link?: string;
  /** A button after the text (e.g. "Restore that program"); it dismisses the banner too. */
  action?: { label: string; run(): void };
  /**
   * A task's progress after the text: `value` of `max` done (null: not known yet, a bar that
   * only says "busy"), and `label` saying it in words ("3.1 of 12.1 MB"), shown and read out.
   */
  progress?: { value: number | null; max: number; label: string };
}

export interface UiState {
  theme: ThemePreference;
  /** Whether the system asks for dark mode (prefers-color-scheme), kept current by the app. */
  systemDark: boolean;
  /** Seconds a program may run before it is stopped; 0 means no limit. */
  timeLimitSec: number;
  /** Log scale on the scalar chart. */
  chartLog: boolean;
  /** The chart's smoothing weight (TensorBoard's exponential moving average), 0 ≤ w < 1. */
  chartSmoothing: number;
  /** Whether the chart overlays the previous program's series. */
  chartCompare: boolean;
  /** Value badges on the selected run's path in the graph. */
  graphValues: boolean;
  /** Tensor shapes on the graph's edges (TensorBoard's option). */
  graphShapes: boolean;
  banner: Banner | null;
}

export interface UiSlice {
  ui: UiState;
}

export const DEFAULT_TIME_LIMIT_SEC = 30;

export function initialUi(): UiState {
  return { theme: "system", systemDark: false, timeLimitSec: DEFAULT_TIME_LIMIT_SEC, chartLog: false, chartSmoothing: 0, chartCompare: true, graphValues: true, graphShapes: false, banner: null };
}

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = () => ({
  ui: initialUi(),
});

/** The theme in effect. */
export function isDark(ui: Pick<UiState, "theme" | "systemDark">): boolean {
  return ui.theme === "dark" || (ui.theme === "system" && ui.systemDark);
}
