import { describe, expect, it } from "vitest";
import type { NodeEvent } from "../../runner/events";
import { runProgram } from "../../runner/run_program";
import { EMPTY_INDEX, indexOps, indexSteps } from "./opIndex";
import { runNow } from "./slices";
import { buildStructure, structureSteps, type GraphStructure } from "./structure";
import { op, variable } from "./testing";

async function nodesOf(source: string): Promise<NodeEvent[]> {
  const nodes: NodeEvent[] = [];
  await runProgram(source, { seed: 1, emit: (e) => e.type === "node" && e.graph === 0 && nodes.push(e), values: "none" });
  return nodes;
}

/** What a structure says, with edges as a set (an index adds an edge when both ends are there). */
function summary(s: GraphStructure) {
  const edge = (e: GraphStructure["edges"][number]) => `${e.src}>${e.dst}:${e.kind}${e.tensor ?? ""}${e.back ? " back" : ""}`;
  return {
    order: s.order,
    leaves: s.order.map((n) => s.ops.get(n)!.leaf),
    groups: [...s.groups.values()].map((g) => [g.name, g.parent, g.role, g.opCount, g.series?.count ?? null]),
    leafGroups: [...s.leaves.values()].map((l) => [l.name, l.members.join(","), l.groups.join(",")]),
    edges: s.edges.map(edge).sort(),
  };
}

/** The structure built as a program's batches arrive: the index extended at each cut. */
function grown(nodes: NodeEvent[], cuts: number[]): GraphStructure {
  let index = EMPTY_INDEX;
  for (const k of cuts) index = runNow(indexSteps(index, nodes.slice(0, k)));
  return runNow(structureSteps(nodes, index));
}

const WHILE = [
  "const i = tf.constant(0);",
  "const r = tf.while_loop((i) => tf.less(i, 10), (i) => tf.add(i, 1), [i]);",
  "const v = tf.Variable(1.0, {name: 'v'});",
  "const train = tf.train.AdamOptimizer(0.1).minimize(tf.square(v - 3.0));",
].join("\n");

describe("the op index", () => {
  it("grown batch by batch, gives the structure a build of the whole graph gives", async () => {
    const nodes = await nodesOf(WHILE);
    expect(nodes.length).toBeGreaterThan(40);
    const whole = summary(buildStructure(nodes));
    expect(whole.edges.some((e) => e.endsWith(" back"))).toBe(true);
    for (const cuts of [[1, 5, nodes.length], [3, 7, 11, 20, 33, nodes.length], Array.from({ length: nodes.length }, (_, i) => i + 1)]) {
      expect(summary(grown(nodes, cuts))).toEqual(whole);
    }
  });

  it("adds only the new ops to an index that the longer nodes extend, sharing its op map", () => {
    const nodes = [op("a", "Const"), op("b", "Const"), op("add", "Add", { inputs: ["a:0", "b:0"] })];
    const first = indexOps(nodes.slice(0, 2));
    const next = runNow(indexSteps(first, nodes));
    expect(next.ops).toBe(first.ops);
    expect(first.order).toEqual(["a", "b"]);
    expect(next.order).toEqual(["a", "b", "add"]);
    expect(next.edges).toHaveLength(2);
    expect(first.edges).toHaveLength(0);
  });

  it("starts over for nodes of another run, and when a new variable's scope holds older ops", () => {
    const a = [op("x", "Const")];
    const other = [op("y", "Const")];
    expect(runNow(indexSteps(indexOps(a), other)).order).toEqual(["y"]);
    // tf.get_variable makes its initializer before the variable: split between two batches.
    const v = variable("w");
    const index = runNow(indexSteps(indexOps(v.slice(0, 1)), v));
    expect(index.ops.get("w/Initializer/Const")!.leaf).toBe("w");
    expect(summary(runNow(structureSteps(v, indexOps(v.slice(0, 1)))))).toEqual(summary(buildStructure(v)));
  });
});
