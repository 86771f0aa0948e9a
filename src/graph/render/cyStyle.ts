/**
 * The Cytoscape stylesheet: category looks, edge kinds, and the run-highlight classes the
 * renderer toggles. Built from a palette, so switching theme is one `style()` call.
 */
import { DEVICE_COLOURS } from "./scene";
import type { StylesheetJson } from "cytoscape";
import { FONT_SIZE } from "../layout/sizes";
import type { NodeCategory } from "../model/classify";
import { SHAPES, type Palette } from "./palette";

const CATEGORIES: NodeCategory[] = ["constant", "placeholder", "variable", "op", "assign", "print", "update", "group"];

/**
 * `transitions` fades highlight changes in; Cytoscape runs them as per-element animations,
 * which on a few thousand elements cost more than the whole redraw, so big graphs go without.
 */
export function graphStyle(p: Palette, transitions = true): StylesheetJson {
  const sheet: StylesheetJson = [
    {
      selector: "node",
      style: {
        label: "data(label)",
        width: "data(w)",
        height: "data(h)",
        "font-size": FONT_SIZE,
        "font-family": "system-ui, sans-serif",
        color: p.text,
        "text-valign": "center",
        "text-halign": "center",
        "text-wrap": "wrap",
        "text-max-width": "400px",
        "border-width": 1.5,
        "min-zoomed-font-size": 6,
        // Scope boxes are plain nodes under everything (see groupBoxes): order by hand.
        "z-index-compare": "manual",
        "z-index": 100,
        ...(transitions ? { "transition-property": "opacity, border-color, border-width, background-color", "transition-duration": 180 } : {}),
      },
    },
    ...CATEGORIES.map((c) => ({
      selector: `node.cat-${c}`,
      style: { shape: SHAPES[c] as "ellipse", "background-color": p.categories[c].fill, "border-color": p.categories[c].border },
    })),
    // Colour by device (TensorBoard's Color: Device): the fill says where the op asked to run.
    ...Object.entries(DEVICE_COLOURS).map(([k, c]) => ({ selector: `node.by-device.dev-${k}`, style: { "background-color": c.fill, "border-color": c.border } })),
    {
      selector: "node.collapsed",
      style: {
        shape: "round-rectangle",
        "background-color": p.collapsed.fill,
        "border-color": p.collapsed.border,
        "border-width": 2.5,
        "border-style": "double",
        "font-weight": "bold",
      },
    },
    {
      selector: "node.expanded",
      style: {
        shape: "round-rectangle",
        "background-color": p.groupFill,
        "background-opacity": 0.7,
        "border-color": p.groupBorder,
        "border-width": 1,
        // The scope's name sits inside the box's top band (GROUP_PAD.top).
        "text-valign": "top",
        "text-halign": "center",
        "text-margin-y": 20,
        color: p.textMuted,
        "font-weight": "bold",
        // A data mapper, which Cytoscape accepts for any numeric property; its types do not say so.
        "z-index": "data(z)" as unknown as number,
      },
    },
    {
      selector: "edge",
      style: {
        width: 1.4,
        "line-color": p.edge,
        "target-arrow-color": p.edge,
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.9,
        "z-index-compare": "manual",
        "z-index": 50,
        "curve-style": "bezier",
        ...(transitions ? { "transition-property": "opacity, line-color, width", "transition-duration": 180 } : {}),
      },
    },
    {
      selector: "edge.routed",
      style: {
        "curve-style": "round-segments",
        "segment-weights": "data(sw)",
        "segment-distances": "data(sd)",
        "segment-radii": [14],
        "edge-distances": "node-position",
      },
    },
    { selector: "edge.k-control", style: { "line-style": "dashed", "line-dash-pattern": [6, 4], "target-arrow-shape": "vee" } },
    {
      selector: "edge.k-ref",
      style: { "line-color": p.ref, "target-arrow-color": p.ref, "line-style": "dotted", "target-arrow-shape": "diamond", width: 2 },
    },
    // Control flow: a loop's frame is drawn heavier than a scope, its back edge curls round; a
    // cond's branches are dashed boxes side by side.
    { selector: "node.expanded.role-while", style: { "border-width": 2.5, "border-color": p.path, "border-style": "double" } },
    { selector: "node.expanded.role-cond", style: { "border-width": 1.5, "border-color": p.groupBorder } },
    { selector: "node.expanded.role-branch", style: { "border-style": "dashed", "border-width": 1.5 } },
    { selector: "edge.back", style: { "line-style": "solid", width: 2, "target-arrow-shape": "triangle-backcurve" } },
    // A folded series: a stack of its members (the second border) with a tinted fill.
    {
      selector: "node.series.collapsed",
      style: { "background-color": p.seriesFill, "border-color": p.seriesBorder, "border-style": "double", "border-width": 4 },
    },
    { selector: "node.series.expanded", style: { "border-style": "dashed", "border-color": p.seriesBorder, "border-width": 1.5 } },
    { selector: "node.series-rest", style: { "border-style": "dashed", "border-width": 1.5, "font-weight": "normal", "font-style": "italic" } },
    // Chips: a constant or a much-read node shown beside the node it connects to (model/chips.ts).
    {
      selector: "node.chip",
      style: {
        shape: "round-rectangle",
        "font-size": 10,
        "border-width": 1,
        "background-color": p.categories.constant.fill,
        "border-color": p.categories.constant.border,
        "min-zoomed-font-size": 7,
      },
    },
    ...CATEGORIES.map((c) => ({ selector: `node.chip.chip-of-cat-${c}`, style: { "background-color": p.categories[c].fill, "border-color": p.categories[c].border } })),
    { selector: "node.chip-more", style: { "border-style": "dashed", color: p.textMuted } },
    { selector: "edge.chip-link", style: { width: 1, "arrow-scale": 0.6, "curve-style": "straight" } },
    { selector: "node.chip.hl-path, node.chip.hl-fed, node.chip.hl-effect, node.chip.hl-error", style: { "border-width": 2 } },
    { selector: ".warm", style: { opacity: 0.01 } },
    // Run highlight. Dimmed first, so the lit classes below win.
    { selector: ".dim", style: { opacity: 0.25 } },
    { selector: "node.expanded.dim", style: { opacity: 0.55 } },
    { selector: "node.hl-path", style: { "border-color": p.path, "border-width": 3 } },
    { selector: "edge.hl-path", style: { "line-color": p.path, "target-arrow-color": p.path, width: 3 } },
    { selector: "node.hl-fed", style: { "background-color": p.fedFill, "border-color": p.fed, "border-width": 3 } },
    { selector: "edge.hl-fed", style: { "line-color": p.fed, "target-arrow-color": p.fed, width: 3 } },
    { selector: "node.hl-effect", style: { "background-color": p.effectFill, "border-color": p.effect, "border-width": 3.5 } },
    { selector: "edge.hl-effect", style: { "line-color": p.effect, "target-arrow-color": p.effect, width: 3 } },
    // Not run because its branch was not taken: fainter than "not on the path", and dashed.
    { selector: "node.hl-dead", style: { opacity: 0.3, "border-style": "dashed" } },
    { selector: "node.expanded.hl-taken", style: { "border-color": p.path, "border-width": 2.5 } },
    { selector: "node.expanded.hl-not-taken", style: { opacity: 0.45, "border-style": "dashed" } },
    { selector: "node.hl-fetched", style: { "outline-width": 3, "outline-color": p.path, "outline-offset": 3, "outline-opacity": 1 } },
    { selector: "node.hl-error", style: { "border-color": p.error, "border-width": 3.5 } },
    { selector: "node.hl-culprit", style: { "background-color": p.errorFill, "border-color": p.error, "border-width": 4.5 } },
    { selector: "node.hl-fetched.hl-error", style: { "outline-color": p.error } },
    { selector: "edge.hl-error", style: { "line-color": p.error, "target-arrow-color": p.error, width: 4, "line-style": "solid" } },
    // Pointers from elsewhere: the editor's line, a hovered name, the selected node.
    { selector: "node.match", style: { "underlay-color": p.match, "underlay-opacity": 0.65, "underlay-padding": 7, "underlay-shape": "round-rectangle" } },
    { selector: "node.hover", style: { "underlay-color": p.match, "underlay-opacity": 0.9, "underlay-padding": 9, "underlay-shape": "round-rectangle" } },
    { selector: "node.hint", style: { "underlay-color": p.hint, "underlay-opacity": 0.22, "underlay-padding": 5, "underlay-shape": "round-rectangle" } },
    { selector: "node.selected", style: { "overlay-color": p.selected, "overlay-opacity": 0.16, "overlay-padding": 6, "border-width": 3.5 } },
    { selector: "node:active", style: { "overlay-opacity": 0.1 } },
    // The stepper's node: what the run is doing at this step.
    { selector: "node.current", style: { "underlay-color": p.path, "underlay-opacity": 0.4, "underlay-padding": 10, "underlay-shape": "round-rectangle", "border-width": 5 } },
    // Shapes on edges (the "Shapes" toggle), as TensorBoard labels them.
    {
      selector: "edge[shape]",
      style: {
        label: "data(shape)",
        "font-size": 10,
        color: p.textMuted,
        "text-rotation": "autorotate",
        "text-background-color": p.background,
        "text-background-opacity": 0.9,
        "text-background-padding": "1px",
        "min-zoomed-font-size": 7,
      },
    },
  ];
  return sheet;
}
