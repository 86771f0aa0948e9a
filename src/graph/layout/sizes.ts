/**
 * Node sizes for layout, computed without the DOM (layout runs before anything is drawn, and
 * in tests). Widths come from a per-character estimate of the label font; the renderer uses
 * the same sizes, so ELK's spacing is what the learner sees.
 */
import type { ViewNode } from "../model/view";
import { shortName } from "../model/names";
import { seriesLabel } from "../model/series";

export const FONT_SIZE = 12;
/** Average advance of the label font (system-ui at 12px) per character. */
const CHAR_WIDTH = 7;
const PAD_X = 22;
export const LEAF_HEIGHT = 34;
export const LEAF_HEIGHT_TWO_LINES = 46;
export const MIN_WIDTH = 56;

/**
 * A node's name as its box shows it: relative to the scope it is drawn in (`layer/W` in
 * `layer` reads `W`), whole at the top level (`add/y`, whose two-op scope is not drawn).
 */
export function relativeName(node: ViewNode): string {
  if (node.scope !== null && node.name.startsWith(`${node.scope}/`)) return node.name.slice(node.scope.length + 1);
  return node.kind === "group" ? shortName(node.name) : node.name;
}

/** The label a drawn node shows: its name, the learner's name under it, a group's op count. */
export function nodeLabel(node: ViewNode, learnerName: string | undefined): string {
  if (node.series !== null) {
    if (node.kind === "rest") return `… ${(node.shown ?? 0).toLocaleString("en-US")} more`;
    if (node.collapsed) return seriesLabel(node.series);
    return `${seriesLabel(node.series)} (first ${node.shown ?? node.series.count.toLocaleString("en-US")})`;
  }
  const short = relativeName(node);
  if (node.kind === "group") return node.collapsed ? `${short} (${node.members.length})` : short;
  return learnerName !== undefined && learnerName !== short ? `${short}\n${learnerName}` : short;
}

export function textWidth(text: string): number {
  let max = 0;
  for (const line of text.split("\n")) max = Math.max(max, line.length);
  return max * CHAR_WIDTH;
}

/** Width and height of a leaf or collapsed group for a label; slanted shapes need more room. */
export function nodeSize(label: string, extraWidth = 0): { width: number; height: number } {
  const lines = label.split("\n").length;
  return { width: Math.max(MIN_WIDTH, Math.ceil(textWidth(label) + PAD_X + extraWidth)), height: lines > 1 ? LEAF_HEIGHT_TWO_LINES : LEAF_HEIGHT };
}

export const CHIP_HEIGHT = 18;
const CHIP_CHAR_WIDTH = 6;
const CHIP_PAD_X = 12;
/** Characters of a chip's label at most (chips are asides: a long name is cut). */
const CHIP_MAX_CHARS = 18;

/** A chip's label, cut to fit. */
export function chipLabel(text: string): string {
  return text.length > CHIP_MAX_CHARS ? `${text.slice(0, CHIP_MAX_CHARS - 1)}…` : text;
}

export function chipSize(label: string): { width: number; height: number } {
  return { width: Math.ceil(label.length * CHIP_CHAR_WIDTH + CHIP_PAD_X), height: CHIP_HEIGHT };
}
