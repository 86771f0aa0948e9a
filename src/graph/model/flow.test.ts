import { describe, expect, it } from "vitest";
import { runProgram } from "../../runner/run_program";
import type { NodeEvent, ProgramEvent, RunEvent } from "../../runner/events";
import { highlightRun } from "./highlight";
import { outlineItems, outlineTree, type OutlineEntry, type OutlineGroup } from "./outline";
import { buildStructure } from "./structure";
import { buildView } from "./view";
import { buildScene, canvasHighlight } from "../render/scene";

/** The node and run events of a program, as the engine emits them. */
async function eventsOf(source: string): Promise<{ nodes: NodeEvent[]; runs: RunEvent[] }> {
  const events: ProgramEvent[] = [];
  const end = await runProgram(source, { seed: 1, emit: (e) => events.push(e), values: "none" });
  expect(end.ok, JSON.stringify(end.error)).toBe(true);
  return {
    nodes: events.filter((e): e is NodeEvent => e.type === "node"),
    runs: events.filter((e): e is RunEvent => e.type === "run"),
  };
}

function findGroup(entries: readonly OutlineEntry[], name: string): OutlineGroup | undefined {
  for (const e of entries) {
    if (e.kind === "op") continue;
    if (e.name === name) return e;
    const inner = findGroup(e.children, name);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

const COND = `
const x = tf.constant(2);
const y = tf.constant(5);
const r = tf.cond(tf.less(x, y), () => tf.multiply(x, 17), () => tf.add(y, 23));
const sess = tf.Session();
sess.run(r);
`;

describe("control flow in the graph pane's model", () => {
  it("draws a cond as a box holding its two branches, each with the ops its function made", async () => {
    const { nodes } = await eventsOf(COND);
    const s = buildStructure(nodes);
    expect(s.groups.get("cond")?.role).toBe("cond");
    expect(s.groups.get("cond/true branch")).toMatchObject({ role: "branch", parent: "cond", defaultCollapsed: false });
    expect(s.groups.get("cond/false branch")).toMatchObject({ role: "branch", parent: "cond", defaultCollapsed: false });
    expect(s.leaves.get("cond/Mul")?.groups).toEqual(["cond", "cond/true branch"]);
    expect(s.leaves.get("cond/Add")?.groups).toEqual(["cond", "cond/false branch"]);
    // The cond's own plumbing sits between the branches, in the cond's box.
    expect(s.leaves.get("cond/Merge")?.groups).toEqual(["cond"]);
    expect(s.leaves.get("cond/Switch")?.groups).toEqual(["cond"]);
    // Names inside a branch read relative to the cond's scope, not to the branch box.
    const view = buildView(s);
    expect(view.byId.get("n:cond/Mul")?.scope).toBe("cond");
  });

  it("marks the branch not taken dead, op by op and as a box, and the taken one lit", async () => {
    const { nodes, runs } = await eventsOf(COND);
    const s = buildStructure(nodes);
    const view = buildView(s);
    const h = highlightRun(s, view, runs[0]);
    expect(h.ops.get("cond/Add")?.dead).toBe(true);
    expect(h.ops.get("cond/Mul")?.path).toBe(true);
    expect(h.nodes.get("n:cond/Add")?.tokens.has("dead")).toBe(true);
    expect(h.flow?.branches.get("cond/true branch")).toBe("taken");
    expect(h.flow?.branches.get("cond/false branch")).toBe("not-taken");

    const items = outlineItems(s, h.ops, new Map());
    expect(items.find((i) => i.name === "cond/Add")?.state).toBe("dead");
    expect(items.find((i) => i.name === "cond/Mul")?.state).toBe("path");
    const tree = outlineTree(s, items, h.flow ?? null);
    expect(findGroup(tree, "cond/false branch")).toMatchObject({ flow: "branch", taken: false });
    expect(findGroup(tree, "cond/true branch")).toMatchObject({ flow: "branch", taken: true });
    expect(findGroup(tree, "cond/false branch")?.text).toBe("false branch of cond, 4 ops: not taken");
  });

  it("draws the untaken branch's box faded with a 'not taken' callout and its ops dead", async () => {
    const { nodes, runs } = await eventsOf(COND);
    const s = buildStructure(nodes);
    const view = buildView(s);
    const scene = buildScene(view, new Map());
    const lit = canvasHighlight(s, highlightRun(s, view, runs[0]), { scene, view });
    expect(lit.nodes.get("g:cond/false branch")).toBe("hl-not-taken");
    expect(lit.nodes.get("g:cond/true branch")).toBe("hl-taken");
    expect(lit.nodes.get("n:cond/Add")).toBe("hl-dead");
    expect(lit.badges).toContainEqual({ id: "g:cond/false branch", kind: "dead", text: "not taken" });
    expect(scene.nodes.find((n) => n.id === "g:cond/true branch")?.classes).toBe("group expanded role-branch");
  });

  it("puts a cond made inside a branch in that branch's box, and tells which branches a run took at each level", async () => {
    const { nodes, runs } = await eventsOf(`
      const x = tf.constant(7.0);
      const r = tf.cond(tf.less(x, 5.0), () => tf.square(x), () => tf.cond(tf.less(x, 9.0), () => x * 3.0, () => x));
      tf.Session().run(r);
    `);
    const s = buildStructure(nodes);
    expect(s.groups.get("cond/cond")).toMatchObject({ role: "cond", parent: "cond/false branch" });
    expect(s.groups.get("cond/cond/true branch")?.parent).toBe("cond/cond");
    expect(s.leaves.get("cond/cond/mul")?.groups).toEqual(["cond", "cond/false branch", "cond/cond", "cond/cond/true branch"]);
    const h = highlightRun(s, buildView(s), runs[0]);
    expect(Object.fromEntries(h.flow!.branches)).toEqual({
      "cond/true branch": "not-taken",
      "cond/false branch": "taken",
      "cond/cond/true branch": "taken",
      "cond/cond/false branch": "not-taken",
    });
  });

  it("tells which branch ran when both branches only pass an outside tensor through", async () => {
    const { nodes, runs } = await eventsOf(`
      const x = tf.placeholder(tf.float32, []);
      const y = tf.constant(3.0);
      const r = tf.cond(tf.less(x, y), () => x, () => y);
      const sess = tf.Session();
      sess.run(r, {feed_dict: {[x]: 1}});
      sess.run(r, {feed_dict: {[x]: 5}});
    `);
    const s = buildStructure(nodes);
    const view = buildView(s);
    expect(runs[0].dead).toEqual([]);
    expect(Object.fromEntries(highlightRun(s, view, runs[0]).flow!.branches)).toEqual({ "cond/true branch": "taken", "cond/false branch": "not-taken" });
    expect(Object.fromEntries(highlightRun(s, view, runs[1]).flow!.branches)).toEqual({ "cond/true branch": "not-taken", "cond/false branch": "taken" });
  });

  it("counts both branches of a cond in a loop's body as taken when the iterations took each", async () => {
    const { nodes, runs } = await eventsOf(`
      const [i, acc] = tf.while_loop(
        (i, acc) => tf.less(i, 4),
        (i, acc) => [i + 1, tf.cond(tf.less(acc, 5.0), () => acc * 2.0, () => acc + 3.0)],
        [tf.constant(0), tf.constant(1.0)],
      );
      tf.Session().run(acc);
    `);
    const s = buildStructure(nodes);
    expect(s.groups.get("while/cond")).toMatchObject({ role: "cond", parent: "while" });
    const h = highlightRun(s, buildView(s), runs[0]);
    expect(Object.fromEntries(h.flow!.branches)).toEqual({ "while/cond/true branch": "taken", "while/cond/false branch": "taken" });
    expect(h.flow!.loops.get("while")).toBe(4);
  });

  it("draws a while loop as a frame with its back edge, and counts the iterations of a run", async () => {
    const { nodes, runs } = await eventsOf(`
      const i = tf.constant(0);
      const r = tf.while_loop((i) => tf.less(i, 10), (i) => tf.add(i, 1), [i]);
      const sess = tf.Session();
      sess.run(r);
    `);
    const s = buildStructure(nodes);
    expect(s.groups.get("while")).toMatchObject({ role: "while", defaultCollapsed: false });
    const back = s.edges.filter((e) => e.back);
    expect(back).toEqual([{ src: "while/NextIteration", dst: "while/Merge", kind: "data", tensor: "while/NextIteration:0", back: true }]);
    const view = buildView(s);
    expect(view.edges.find((e) => e.back)?.id).toBe("n:while/NextIteration|n:while/Merge|data");
    expect(buildScene(view, new Map()).edges.find((e) => e.id === "n:while/NextIteration|n:while/Merge|data")?.classes).toBe("k-data back");

    const h = highlightRun(s, view, runs[0]);
    expect(h.flow?.loops.get("while")).toBe(10);
    const tree = outlineTree(s, outlineItems(s, h.ops, new Map()), h.flow ?? null);
    expect(findGroup(tree, "while")).toMatchObject({ flow: "while", iterations: 10 });
    expect(findGroup(tree, "while")?.text).toMatch(/^tf\.while_loop while, \d+ ops: 10 iterations$/);
  });

  it("leaves a graph without control flow as it was", async () => {
    const { nodes } = await eventsOf(`const a = tf.constant(1); const b = tf.add(a, 2, {name: "sum"});`);
    const s = buildStructure(nodes);
    expect(s.flow).toBeUndefined();
    expect(s.edges.some((e) => e.back)).toBe(false);
  });
});
