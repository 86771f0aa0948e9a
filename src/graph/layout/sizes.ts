/**
 * Node sizes for layout, computed without the DOM (layout runs before anything is drawn, and
 * in tests). Widths come from a per-character estimate of the label font; the renderer uses
 * the same sizes, so ELK's spacing is what the learner sees.
 */
import type { ViewNode } from "../model/view";
import { shortName } from "../model/names";

export const FONT_SIZE = 12;
/** Average advance of the label font (system-ui at 12px) per character. */
const CHAR_WIDTH = 7;
const PAD_X = 22;
export const LEAF_HEIGHT = 34;
export const LEAF_HEIGHT_TWO_LINES = 46;
export const MIN_WIDTH = 56;

/**
 * A node's name as its box shows it: relative to the scope box it is drawn in (`layer/W` in
 * `layer` reads `W`), whole at the top level (`add/y`, whose two-op scope is not drawn).
 */
export function relativeName(node: ViewNode): string {
  if (node.parent === null) return node.kind === "group" ? shortName(node.name) : node.name;
  const scope = node.parent.slice(2);
  return node.name.startsWith(`${scope}/`) ? node.name.slice(scope.length + 1) : shortName(node.name);
}

/** The label a drawn node shows: its name, the learner's name under it, a group's op count. */
export function nodeLabel(node: ViewNode, learnerName: string | undefined): string {
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
