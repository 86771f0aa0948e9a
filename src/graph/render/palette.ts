/**
 * The graph's colours for light and dark themes. Hues are Okabe–Ito (safe for the common
 * colour-vision deficiencies) and every colour is paired with a second cue, a shape, a line
 * style or a badge, so no state is told by colour alone:
 *   computation path  blue, thick border              fetched   ring around the node
 *   fed               sky blue + "fed" badge          effect    green + badge with what it did
 *   error             red + ✕ badge                 ref edge  orange, dotted, diamond head
 */
import type { NodeCategory } from "../model/classify";

export interface CategoryStyle {
  fill: string;
  border: string;
}

export interface Palette {
  dark: boolean;
  text: string;
  textMuted: string;
  background: string;
  categories: Record<NodeCategory, CategoryStyle>;
  collapsed: CategoryStyle;
  groupFill: string;
  groupBorder: string;
  seriesFill: string;
  seriesBorder: string;
  edge: string;
  ref: string;
  path: string;
  fed: string;
  fedFill: string;
  effect: string;
  effectFill: string;
  error: string;
  errorFill: string;
  selected: string;
  match: string;
  hint: string;
}

const LIGHT: Palette = {
  dark: false,
  text: "#1b1f24",
  textMuted: "#57606a",
  background: "#ffffff",
  categories: {
    constant: { fill: "#eef0f3", border: "#6e7781" },
    placeholder: { fill: "#dff0fb", border: "#2f86c2" },
    variable: { fill: "#f8e6f1", border: "#a8457f" },
    op: { fill: "#ffffff", border: "#8c959f" },
    assign: { fill: "#e6f4ee", border: "#1f7a5c" },
    print: { fill: "#e6f4ee", border: "#1f7a5c" },
    update: { fill: "#e6f4ee", border: "#1f7a5c" },
    group: { fill: "#f1f3f5", border: "#57606a" },
  },
  collapsed: { fill: "#eceff3", border: "#57606a" },
  groupFill: "#f6f8fa",
  groupBorder: "#c4cbd3",
  seriesFill: "#f3efe2",
  seriesBorder: "#7a6a3a",
  edge: "#8c959f",
  ref: "#c77c00",
  path: "#0072b2",
  fed: "#2f86c2",
  fedFill: "#bfe2f8",
  effect: "#009e73",
  effectFill: "#c9efdf",
  // Red, as the lessons and the rest of the app say it (the page's --error).
  error: "#c0392b",
  errorFill: "#f9d6d2",
  selected: "#0072b2",
  match: "#f0e442",
  hint: "#e69f00",
};

const DARK: Palette = {
  dark: true,
  text: "#e6e8eb",
  textMuted: "#a0a8b2",
  background: "#16191d",
  categories: {
    constant: { fill: "#2a2f36", border: "#a0a8b2" },
    placeholder: { fill: "#15324a", border: "#56b4e9" },
    variable: { fill: "#3a2133", border: "#e08cbd" },
    op: { fill: "#1e2227", border: "#8b949e" },
    assign: { fill: "#14312a", border: "#3fc79d" },
    print: { fill: "#14312a", border: "#3fc79d" },
    update: { fill: "#14312a", border: "#3fc79d" },
    group: { fill: "#23282e", border: "#a0a8b2" },
  },
  collapsed: { fill: "#262b31", border: "#a0a8b2" },
  groupFill: "#1b1f24",
  groupBorder: "#3a414a",
  seriesFill: "#2c2816",
  seriesBorder: "#c8b46e",
  edge: "#7d8590",
  ref: "#e69f00",
  path: "#56b4e9",
  fed: "#56b4e9",
  fedFill: "#1d4663",
  effect: "#2fd0a0",
  effectFill: "#124236",
  error: "#ff6b5e",
  errorFill: "#4a1c19",
  selected: "#56b4e9",
  match: "#f0e442",
  hint: "#f0b850",
};

export function paletteFor(dark: boolean): Palette {
  return dark ? DARK : LIGHT;
}

/** Node shapes per category (the redundant cue next to colour). */
export const SHAPES: Record<NodeCategory | "collapsed", string> = {
  constant: "ellipse",
  placeholder: "rhomboid",
  variable: "barrel",
  op: "round-rectangle",
  assign: "octagon",
  print: "octagon",
  update: "octagon",
  group: "round-octagon",
  collapsed: "round-rectangle",
};

/** A glyph before the label of side-effect ops, so the kind reads without colour. */
export const ICONS: Partial<Record<NodeCategory, string>> = {
  assign: "←",
  print: "✎",
  update: "Δ",
  group: "◇",
};
