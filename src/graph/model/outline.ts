/**
 * The graph as text: one item per op (folded internals included) with its state in the
 * selected run, and the sentence a screen reader hears when a run is selected.
 */
import type { OpState, RunLike } from "./highlight";
import { stateTokens } from "./highlight";
import { opOfTensor, scopeDepth } from "./names";
import type { GraphStructure } from "./structure";

export interface OutlineItem {
  name: string;
  op: string;
  depth: number;
  /** The drawn node this op belongs to (itself, or its variable). */
  leaf: string;
  /** `data-state`: tokens from `path fetched fed effect error`, or `idle`. */
  state: string;
  /** What the item reads as. */
  text: string;
}

const WORDS: Record<string, string> = {
  path: "on the path",
  fetched: "fetched",
  fed: "fed",
  effect: "side effect fired",
  error: "on the error path",
};

function stateWords(s: OpState | undefined): string {
  if (s === undefined) return "";
  const words = stateTokens(s).split(" ").filter((t) => t !== "idle").map((t) => (t === "error" && s.culprit ? "failed here" : WORDS[t]));
  return words.join(", ");
}

export function outlineItems(structure: GraphStructure, states: ReadonlyMap<string, OpState> | null, names: ReadonlyMap<string, string>): OutlineItem[] {
  return structure.order.map((name) => {
    const info = structure.ops.get(name)!;
    const s = states?.get(name);
    const learner = names.get(name);
    const parts = [`${name} (${info.node.op})`];
    if (learner !== undefined && learner !== name) parts.push(`= ${learner}`);
    if (info.leaf !== name) parts.push(`inside ${info.leaf}`);
    const words = stateWords(s);
    return {
      name,
      op: info.node.op,
      depth: scopeDepth(name),
      leaf: info.leaf,
      state: stateTokens(s),
      text: words ? `${parts.join(" ")}: ${words}` : parts.join(" "),
    };
  });
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** The live region's sentence for a selected run. */
export function announceRun(structure: GraphStructure, run: RunLike, names: ReadonlyMap<string, string>): string {
  const label = (op: string): string => {
    const leaf = structure.ops.get(op)?.leaf ?? op;
    return names.get(leaf) ?? leaf;
  };
  const fetched = run.fetches.map((f) => label(opOfTensor(f))).join(", ");
  const where = run.line ? ` on line ${run.line}` : "";
  const head =
    run.count !== undefined
      ? `${plural(run.count, "run")} took one path${where}`
      : `Run${run.index !== undefined ? ` ${run.index}` : ""}${where}`;
  const steps = plural(run.path.length, "op");
  if (run.ok === false && run.error !== undefined) {
    const culprit = run.error.op !== null ? ` at ${label(run.error.op)}` : "";
    return `${head}: fetched ${fetched}; failed with ${run.error.type}${culprit}.`;
  }
  const effects = run.side_effects?.length ?? 0;
  return `${head}: fetched ${fetched}; ${steps} on the path${effects ? `, ${plural(effects, "side effect")}` : ""}${run.feeds.length ? `, ${plural(run.feeds.length, "feed")}` : ""}.`;
}
