/**
 * Keeping the picture still (a new layout is shifted so the nodes it shares with the old one
 * stay where they were on average), edge routes for Cytoscape, and scope boxes.
 */
import type { Positions } from "./elkGraph";
import type { Point } from "./layoutGraph";

/** Shifts `next` so the nodes it shares with `prev` keep their mean position. */
export function stabilize(next: Positions, prev: ReadonlyMap<string, Point>): Positions {
  let dx = 0;
  let dy = 0;
  let n = 0;
  for (const [id, p] of next.centers) {
    const q = prev.get(id);
    if (q === undefined) continue;
    dx += q.x - p.x;
    dy += q.y - p.y;
    n++;
  }
  if (n === 0) return next;
  dx /= n;
  dy /= n;
  const centers = new Map<string, Point>();
  for (const [id, p] of next.centers) centers.set(id, { x: p.x + dx, y: p.y + dy });
  const routes = new Map<string, Point[]>();
  for (const [id, r] of next.routes) routes.set(id, r.map((p) => ({ x: p.x + dx, y: p.y + dy })));
  return { centers, routes };
}

/**
 * A route's bend points as Cytoscape's segment weights and distances: each bend as a fraction
 * along the line between the two node centres and a signed distance off it (Cytoscape's
 * perpendicular is the direction vector turned a quarter clockwise on screen: (-dy, dx)).
 */
export function segments(source: Point, target: Point, bends: readonly Point[]): { weights: number[]; distances: number[] } | null {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const len2 = dx * dx + dy * dy;
  if (len2 < 1) return null;
  const len = Math.sqrt(len2);
  const weights: number[] = [];
  const distances: number[] = [];
  for (const b of bends) {
    const bx = b.x - source.x;
    const by = b.y - source.y;
    weights.push((bx * dx + by * dy) / len2);
    distances.push((bx * -dy + by * dx) / len);
  }
  return { weights, distances };
}

/** A short, stable fingerprint of what layout depends on (cyrb53 over the text). */
export function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${(h2 >>> 0).toString(36)}${(h1 >>> 0).toString(36)}:${text.length}`;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Padding of an expanded scope around its children (the top holds the scope's name). */
export const GROUP_PAD = { top: 28, side: 12, bottom: 12 };

/**
 * Boxes of expanded groups around their drawn children. Groups are drawn as plain boxes under
 * their children rather than as Cytoscape compound nodes: compounds made the first frame of a
 * 1,000-op graph cost ~3x more (every style change re-checks parents' bounds).
 * `nodes` must list parents before children (as views do).
 */
export function groupBoxes(
  nodes: readonly { id: string; parent: string | null; w: number; h: number; expanded: boolean }[],
  centers: ReadonlyMap<string, Point>,
): Map<string, Box> {
  const acc = new Map<string, Box>();
  const out = new Map<string, Box>();
  const grow = (id: string | null, b: Box): void => {
    if (id === null) return;
    const a = acc.get(id);
    acc.set(id, a === undefined ? { ...b } : { x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) });
  };
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i];
    let b: Box | undefined;
    if (n.expanded) {
      const inner = acc.get(n.id);
      if (inner !== undefined) {
        b = { x1: inner.x1 - GROUP_PAD.side, y1: inner.y1 - GROUP_PAD.top, x2: inner.x2 + GROUP_PAD.side, y2: inner.y2 + GROUP_PAD.bottom };
        out.set(n.id, b);
      }
    } else {
      const c = centers.get(n.id);
      if (c !== undefined) b = { x1: c.x - n.w / 2, y1: c.y - n.h / 2, x2: c.x + n.w / 2, y2: c.y + n.h / 2 };
    }
    if (b !== undefined) grow(n.parent, b);
  }
  return out;
}
