/**
 * The learner's names for what a program built and fetched. TF names ops by type (`Square`,
 * `GradientDescent`); the learner knows them as `loss` and `train_op`. A run's fetches are
 * named, in order of preference, by
 *   1. what the learner wrote in that `sess.run(...)` call (read from the source at the run's
 *      line: `sess.run([loss, train_op])`, `loss.eval()`, `train_op.run()`), when the call's
 *      fetches can be read and are as many as the run's;
 *   2. the variable the learner stored the op in (the graph pane's learner names: the last op
 *      a line creates is what its assignment holds);
 *   3. TF's name, without `:0`.
 * Each graph of the program (`tf.Graph()`, `reset_default_graph`) is named on its own, since
 * op names repeat across graphs.
 */
import type { NodeEvent } from "../runner/events";
import { learnerNames } from "../graph/model/learnerNames";
import { opOfTensor } from "../graph/model/names";
import type { NodeCategory } from "../graph/model/classify";
import { sharedIndex } from "../graph/model/indexCache";
import type { OpIndex } from "../graph/model/opIndex";
import { fetchTexts, isSimpleName, labelOf, runCallsAt } from "./callSite";

/** What naming a run's fetches needs. */
export interface RunFetchesLike {
  line: number | null;
  fetches: readonly string[];
  graph?: number;
}

interface GraphNames {
  /** The graph's ops (the op index the graph pane shares: no structure of scopes is needed here). */
  structure: OpIndex;
  /** Leaf → the learner's variable. */
  byLeaf: Map<string, string>;
  /** The learner's variable → leaf. */
  leafOfName: Map<string, string>;
}

/** Tensor names as TF prints them short: `loss:0` → `loss`. */
export function tensorShort(name: string): string {
  return name.endsWith(":0") ? name.slice(0, -2) : name;
}

export class ProgramNames {
  private readonly graphs = new Map<number, GraphNames>();
  private readonly cache = new Map<string, string[]>();

  constructor(
    private readonly nodes: readonly NodeEvent[],
    private readonly source: string,
  ) {}

  private graph(id: number): GraphNames {
    let g = this.graphs.get(id);
    if (g === undefined) {
      const structure = sharedIndex(this.nodes.filter((n) => n.graph === id), id);
      const byLeaf = learnerNames(structure, this.source);
      const leafOfName = new Map<string, string>();
      for (const [leaf, name] of byLeaf) leafOfName.set(name, leaf);
      g = { structure, byLeaf, leafOfName };
      this.graphs.set(id, g);
    }
    return g;
  }

  private leaf(g: GraphNames, op: string): string {
    return g.structure.ops.get(op)?.leaf ?? op;
  }

  /** The learner's variable holding `op` (or the variable `op` belongs to), if any. */
  nameOf(op: string, graph = 0): string | undefined {
    const g = this.graph(graph);
    return g.byLeaf.get(this.leaf(g, op));
  }

  /** What kind of node `op` is (placeholder, variable, ...), if the graph has it. */
  categoryOf(op: string, graph = 0): NodeCategory | undefined {
    return this.graph(graph).structure.ops.get(op)?.category;
  }

  /** One name per fetch of the run, in the run's order. */
  fetchNames(run: RunFetchesLike): string[] {
    const graph = run.graph ?? 0;
    const key = `${graph}|${run.line}|${run.fetches.join("\u0000")}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const g = this.graph(graph);
    const ops = run.fetches.map(opOfTensor);
    const written = this.writtenFetches(g, run, ops);
    const names = run.fetches.map((tensor, i) => {
      const text = written?.[i];
      const label = text === undefined ? null : labelOf(text);
      return label ?? g.byLeaf.get(this.leaf(g, ops[i])) ?? tensorShort(tensor);
    });
    this.cache.set(key, names);
    return names;
  }

  /** "loss = Square:0 · train_op = GradientDescent": each name with TF's name, for a tooltip. */
  fetchTitle(run: RunFetchesLike): string {
    const names = this.fetchNames(run);
    return run.fetches.map((t, i) => (names[i] === tensorShort(t) ? t : `${names[i]} = ${t}`)).join(" · ");
  }

  /** The fetch texts of the run's call, when one call on its line can be read and fetches as many. */
  private writtenFetches(g: GraphNames, run: RunFetchesLike, ops: readonly string[]): string[] | null {
    if (run.line === null || this.source === "" || ops.length === 0) return null;
    let best: string[] | null = null;
    let bestScore = -1;
    for (const call of runCallsAt(this.source, run.line)) {
      const texts = fetchTexts(call);
      if (texts === null || texts.length !== ops.length) continue;
      // Several calls on one line (`print(sess.run(a), sess.run(b))`): the one whose names
      // hold the fetched ops wins; the first one on ties.
      let score = 0;
      texts.forEach((t, i) => {
        if (isSimpleName(t) && g.leafOfName.get(t) === this.leaf(g, ops[i])) score++;
      });
      if (score > bestScore) {
        best = texts;
        bestScore = score;
      }
    }
    return best;
  }
}

let last: { nodes: readonly NodeEvent[]; source: string; names: ProgramNames } | null = null;

/** The names for this program (one instance per nodes array and source, so its caches are shared). */
export function programNames(nodes: readonly NodeEvent[], source: string): ProgramNames {
  if (last === null || last.nodes !== nodes || last.source !== source) last = { nodes, source, names: new ProgramNames(nodes, source) };
  return last.names;
}
