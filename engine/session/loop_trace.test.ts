/**
 * A run's trace of op visits (RunRecord.trace): a while loop's body once per pass, with the
 * value each pass computed, so a learner can step through the iterations.
 */
import { describe, expect, it } from "vitest";
import { createTF } from "../tf.js";
import type { Tensor } from "../graph.js";
import type { RunRecord } from "../records.js";
import { TRACE_LOOP_VISITS } from "./loop_trace.js";

function setup(trace: ((i: number) => boolean) | undefined) {
  const runs: RunRecord[] = [];
  const tf = createTF({ onRun: (r) => runs.push(structuredClone(r)), seedSource: () => 7, traceLoops: trace });
  return { tf, sess: tf.Session(), runs };
}

const counting = (tf: ReturnType<typeof setup>["tf"], n: number) =>
  tf.while_loop((i: Tensor) => tf.less(i, n), (i: Tensor) => tf.add(i, 1), [tf.constant(0)]) as Tensor;

describe("the trace of a run with while loops", () => {
  it("is absent unless the listener asks for it", () => {
    const { tf, sess, runs } = setup(undefined);
    sess.run(counting(tf, 3));
    expect(runs[0].trace).toBeUndefined();
  });

  it("lists the loop's body once per pass with that pass's value, and the ops outside the loop once", () => {
    const { tf, sess, runs } = setup(() => true);
    sess.run(counting(tf, 3));
    const trace = runs[0].trace!;
    expect(trace[0]).toEqual({ op: "Const" });
    expect(trace[trace.length - 1]).toEqual({ op: "while/Exit" });
    const adds = trace.filter((v) => v.op === "while/Add");
    expect(adds).toEqual([
      { op: "while/Add", frame: "while/while_context", iteration: 0, value: 1 },
      { op: "while/Add", frame: "while/while_context", iteration: 1, value: 2 },
      { op: "while/Add", frame: "while/while_context", iteration: 2, value: 3 },
    ]);
    // Pass 3 (= the iteration count) checks the condition, finds it false and leaves.
    const last = trace.filter((v) => v.iteration === 3).map((v) => v.op);
    expect(last).toContain("while/LoopCond");
    expect(last).not.toContain("while/Add");
    expect(trace.filter((v) => v.op === "while/Less").map((v) => v.value)).toEqual([true, true, true, false]);
    expect(trace.find((v) => v.op === "while/Enter")).toEqual({ op: "while/Enter", frame: "while/while_context", iteration: 0, value: 0 });
    expect(runs[0].trace_dropped).toBeUndefined();
  });

  it("gives a nested loop's passes their own count, restarting on each pass of the outer loop", () => {
    const { tf, sess, runs } = setup(() => true);
    const outer = tf.while_loop(
      (i: Tensor) => tf.less(i, 2),
      (i: Tensor) => {
        const inner = tf.while_loop((j: Tensor) => tf.less(j, 2), (j: Tensor) => tf.add(j, 1), [tf.constant(0)], { name: "inner" }) as Tensor;
        return tf.add(i, tf.subtract(inner, 1));
      },
      [tf.constant(0)],
    ) as Tensor;
    sess.run(outer);
    const innerAdds = runs[0].trace!.filter((v) => v.op.endsWith("inner/Add"));
    expect(innerAdds.map((v) => [v.iteration, v.value])).toEqual([[0, 1], [1, 2], [0, 1], [1, 2]]);
    expect(new Set(innerAdds.map((v) => v.frame)).size).toBe(1);
  });

  it(`keeps at most ${TRACE_LOOP_VISITS} visits inside loops, counts the rest, and still lists what runs after the loop`, () => {
    const { tf, sess, runs } = setup(() => true);
    sess.run(tf.multiply(counting(tf, 1000), 2));
    const trace = runs[0].trace!;
    expect(trace.filter((v) => v.frame !== undefined)).toHaveLength(TRACE_LOOP_VISITS);
    expect(runs[0].trace_dropped).toBeGreaterThan(1000);
    const ops = trace.map((v) => v.op);
    expect(ops).toContain("while/Exit");
    expect(ops[ops.length - 1]).toBe("Mul");
  });

  it("is asked for per run, by the run's index", () => {
    const { tf, sess, runs } = setup((i) => i === 1);
    const r = counting(tf, 2);
    sess.run(r);
    sess.run(r);
    sess.run(r);
    expect(runs.map((x) => x.trace !== undefined)).toEqual([false, true, false]);
  });

  it("ends at the visit that failed", () => {
    const { tf, sess, runs } = setup(() => true);
    const x = tf.placeholder(tf.float32, [], "x");
    const r = tf.while_loop((i: Tensor) => tf.less(i, 2), (i: Tensor) => tf.add(i, tf.cast(tf.less(x, 1.0), tf.int32)), [tf.constant(0)]) as Tensor;
    expect(() => sess.run(r)).toThrow(/must feed a value for placeholder tensor 'x'/);
    const trace = runs[0].trace!;
    expect(trace[trace.length - 1].op).toBe("x");
  });
});
