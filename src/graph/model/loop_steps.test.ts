/**
 * Stepping through a run with a while loop: the stepper walks the run's trace, a loop's body
 * once per pass, each step with that pass's value and the steps of its neighbour passes.
 */
import { describe, expect, it } from "vitest";
import { runProgram } from "../../runner/run_program";
import type { NodeEvent, ProgramEvent, RunEvent } from "../../runner/events";
import { opStates, runSequence } from "./highlight";
import { runStep } from "./steps";
import { buildStructure } from "./structure";

async function eventsOf(source: string): Promise<{ nodes: NodeEvent[]; runs: RunEvent[] }> {
  const events: ProgramEvent[] = [];
  const end = await runProgram(source, { seed: 1, emit: (e) => events.push(e), values: "kept" });
  expect(end.ok, JSON.stringify(end.error)).toBe(true);
  return { nodes: events.filter((e): e is NodeEvent => e.type === "node"), runs: events.filter((e): e is RunEvent => e.type === "run") };
}

const LOOP = `
const i = tf.constant(0);
const r = tf.while_loop((i) => tf.less(i, 3), (i) => tf.add(i, 1), [i]);
const sess = tf.Session();
sess.run(r);
`;

describe("stepping through a while loop", () => {
  it("steps through every pass of the body with that pass's value and where it is in the loop", async () => {
    const { nodes, runs } = await eventsOf(LOOP);
    const s = buildStructure(nodes);
    const run = runs[0];
    const seq = runSequence(run);
    expect(seq.length).toBeGreaterThan(run.path.length);
    const adds = seq.flatMap((op, k) => (op === "while/Add" ? [runStep(s, run, k)!] : []));
    expect(adds.map((st) => [st.value, st.loop?.iteration, st.loop?.iterations])).toEqual([
      [1, 0, 3],
      [2, 1, 3],
      [3, 2, 3],
    ]);
    // Next / previous pass lead to the same op's visit on the neighbouring pass.
    expect(adds[0].loop?.nextPass).toBe(adds[1].index);
    expect(adds[1].loop?.previousPass).toBe(adds[0].index);
    // The last pass finds the condition false: it has no Add, so "next pass" lands on its first visit.
    const last = runStep(s, run, adds[2].loop!.nextPass!)!;
    expect(last.loop?.iteration).toBe(3);
    expect(last.op).toBe("while/Merge");
    expect(adds[0].loop?.previousPass).toBeNull();
    // The canvas lights each op from its first visit on.
    const states = opStates(s, run);
    expect(states.get("while/Add")?.step).toBe(adds[0].index);
    expect(states.get("while/Exit")?.step).toBe(seq.indexOf("while/Exit"));
  });

  it("counts a nested loop's passes per entry", async () => {
    const { nodes, runs } = await eventsOf(`
const outer = tf.while_loop((i) => tf.less(i, 2), (i) => {
  const inner = tf.while_loop((j) => tf.less(j, 3), (j) => tf.add(j, 1), [tf.constant(0)], {name: "inner"});
  return tf.add(i, tf.subtract(inner, 2));
}, [tf.constant(0)]);
tf.Session().run(outer);
`);
    const s = buildStructure(nodes);
    const run = runs[0];
    const seq = runSequence(run);
    const inner = seq.flatMap((op, k) => (op.endsWith("inner/Add") ? [runStep(s, run, k)!] : []));
    expect(inner.map((st) => [st.loop?.iteration, st.loop?.iterations])).toEqual([[0, 3], [1, 3], [2, 3], [0, 3], [1, 3], [2, 3]]);
    // The first entry's last pass has no next pass: the next entry starts over.
    expect(inner[2].loop?.nextPass).not.toBe(inner[3].index);
  });

  it("walks the path as before when the run has no trace", async () => {
    const { nodes, runs } = await eventsOf("const a = tf.constant(2);\nconst b = tf.add(a, 3);\ntf.Session().run(b);\n");
    const s = buildStructure(nodes);
    expect(runs[0].trace).toBeUndefined();
    expect(runSequence(runs[0])).toBe(runs[0].path);
    expect(runStep(s, runs[0], 0)?.loop).toBeUndefined();
  });
});
