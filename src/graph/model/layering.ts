/**
 * Layers of a directed graph, as a layered drawing puts them: each node one below its lowest
 * input (longest path from the sources), sources pulled down to just above their first reader.
 * A cycle is broken at its earliest node. O(nodes + edges), no recursion. Used by the quick
 * layout and, before any layout, to find the edges that would cross many layers (chips.ts).
 */
export function longestPathLayers(n: number, preds: readonly (readonly number[])[], succs: readonly (readonly number[])[]): number[] {
  const layer = new Array<number>(n).fill(0);
  const indegree = preds.map((p) => p.length);
  const placed = new Array<boolean>(n).fill(false);
  const order: number[] = [];
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i);
  let next = 0;
  let q = 0;
  while (order.length < n) {
    if (q === queue.length) {
      while (placed[next]) next++;
      queue.push(next);
    }
    const i = queue[q++];
    if (placed[i]) continue;
    placed[i] = true;
    order.push(i);
    for (const p of preds[i]) if (placed[p]) layer[i] = Math.max(layer[i], layer[p] + 1);
    for (const j of succs[i]) if (--indegree[j] === 0 && !placed[j]) queue.push(j);
  }
  // Sources (constants, placeholders) sit just above their first reader, not all at the top.
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k];
    if (preds[i].length > 0 || succs[i].length === 0) continue;
    let min = Infinity;
    for (const j of succs[i]) min = Math.min(min, layer[j]);
    if (min !== Infinity && min - 1 > layer[i]) layer[i] = min - 1;
  }
  return layer;
}
