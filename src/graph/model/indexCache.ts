/**
 * The newest op index (opIndex.ts) of each graph of the program, shared by the graph pane,
 * which grows it in slices as batches arrive, and by the learner's names of the panels and the
 * editor (src/ui/programNames.ts), which need it at once: each then indexes only the ops the
 * other has not, instead of both rebuilding a 10,000-op graph on every batch.
 */
import type { NodeEvent } from "../../runner/events";
import { indexSteps, type OpIndex, EMPTY_INDEX } from "./opIndex";
import { runNow, type Sliced } from "./slices";

const latest = new Map<number, OpIndex>();

/** The index of graph `graph` to extend (EMPTY_INDEX when there is none yet). */
export function cachedIndex(graph: number): OpIndex {
  return latest.get(graph) ?? EMPTY_INDEX;
}

/** Keeps `index` as graph `graph`'s newest, unless the kept one is a longer index of the same nodes. */
export function rememberIndex(graph: number, index: OpIndex): void {
  const kept = latest.get(graph);
  if (kept !== undefined && kept.first === index.first && kept.count > index.count) return;
  latest.set(graph, index);
}

/** The index of `nodes` (all of graph `graph`), in steps, from the newest kept one; remembered when done. */
export function* sharedIndexSteps(nodes: readonly NodeEvent[], graph: number): Sliced<OpIndex> {
  const index = yield* indexSteps(cachedIndex(graph), nodes);
  rememberIndex(graph, index);
  return index;
}

/** The index of `nodes` (all of graph `graph`) now. */
export function sharedIndex(nodes: readonly NodeEvent[], graph: number): OpIndex {
  return runNow(sharedIndexSteps(nodes, graph));
}
