/**
 * The layout slice: where the graph is (in its pane, filling the workspace, or in a window of
 * its own), whether the lesson prose is folded to a rail, which tab a narrow screen shows,
 * whether Tab moves focus out of the editor, and whether the first-visit welcome is showing.
 * Pane sizes are not here: each split remembers its own (src/app/layout/SplitPane.tsx).
 */
import type { StateCreator } from "zustand";

/** Where the graph pane is shown. */
export type GraphPlacement = "docked" | "maximized" | "popped";

/** The tabs of the narrow (phone) layout, in their order. */
export const COMPACT_TABS = ["code", "graph", "output", "lesson"] as const;
export type CompactTab = (typeof COMPACT_TABS)[number];

export interface LayoutState {
  graph: GraphPlacement;
  /** The lesson pane folded to a narrow rail (the lesson stays open). */
  lessonRail: boolean;
  /** The tab shown by the narrow layout. */
  tab: CompactTab;
  /** Tab and Shift+Tab move focus out of the editor instead of indenting (Monaco's tab focus mode). */
  tabMovesFocus: boolean;
  /** The first-visit welcome is showing. */
  welcome: boolean;
  /**
   * Bumped to ask the failed run's explanation card to open and take focus (the one-line
   * pointers elsewhere link to it); 0: never asked.
   */
  explainRequest: number;
}

export interface LayoutSlice {
  layout: LayoutState;
}

export function initialLayout(): LayoutState {
  return { graph: "docked", lessonRail: false, tab: "code", tabMovesFocus: false, welcome: false, explainRequest: 0 };
}

export const createLayoutSlice: StateCreator<LayoutSlice, [], [], LayoutSlice> = () => ({
  layout: initialLayout(),
});
