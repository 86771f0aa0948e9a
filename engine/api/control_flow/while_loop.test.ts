/**
 * tf.while_loop against TF 1.x: the docstring's examples and outputs, the frame TF builds
 * (Enter, Merge, Switch, LoopCond, Identity, NextIteration, Exit), iteration counts in the run
 * record, shape invariants and TF's errors, and gradients through loops against finite
 * differences — down to a hand-written RNN that trains.
 */
import { describe, expect, it } from "vitest";
import { createTF } from "../../tf.js";
import { operatorRuntime } from "../operators.js";
import { NpScalar } from "../../numpy/scalar.js";

/** A fetched structure with its numpy scalars as numbers (what these tests compare). */
function scalars(v: unknown): unknown {
  if (v instanceof NpScalar) return v.item();
  if (Array.isArray(v)) return v.map(scalars);
  if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scalars(x)]));
  }
  return v;
}
import type { Operation, Tensor } from "../../graph.js";
import type { NDArray } from "../../ndarray.js";
import type { RunRecord } from "../../records.js";

function setup() {
  const runs: RunRecord[] = [];
  const stderr: string[] = [];
  let ticks = 0;
  const tf = createTF({ onRun: (r) => runs.push(structuredClone(r)), stderr: (t) => stderr.push(t), seedSource: () => 7, loopTick: () => ticks++ });
  const py = operatorRuntime(tf.get_default_graph().ctx);
  const session = tf.Session();
  // Fetched numpy scalars as plain numbers (arrays stay NDArrays): the tests compare values.
  const sess = { run: (...args: Parameters<typeof session.run>) => scalars(session.run(...args)) };
  return { tf, py, sess, runs, stderr, ticks: () => ticks };
}

function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error");
}

const f32 = (x: number) => Math.fround(x);

describe("tf.while_loop", () => {
  it("runs the docstring's example: 10, from while/Exit:0, with TF's frame of ops", () => {
    const { tf, sess, runs } = setup();
    const i = tf.constant(0);
    const c = (i: Tensor) => tf.less(i, 10);
    const b = (i: Tensor) => tf.add(i, 1);
    const r = tf.while_loop(c, b, [i]) as Tensor;
    expect(String(r)).toBe('Tensor("while/Exit:0", shape=(), dtype=int32)');
    expect(sess.run(r)).toBe(10);
    expect(
      tf
        .get_default_graph()
        .get_operations()
        .map((op: Operation) => `${op.name}:${op.type}`),
    ).toEqual([
      "Const:Const", "while/Enter:Enter", "while/Merge:Merge", "while/Less/y:Const", "while/Less:Less", "while/LoopCond:LoopCond",
      "while/Switch:Switch", "while/Identity:Identity", "while/Add/y:Const", "while/Add:Add", "while/NextIteration:NextIteration", "while/Exit:Exit",
    ]);
    const merge = tf.get_default_graph().get_operation_by_name("while/Merge");
    expect(merge.inputs.map((t: Tensor) => t.name)).toEqual(["while/Enter:0", "while/NextIteration:0"]);
    expect(tf.get_default_graph().get_operation_by_name("while/Enter").get_attr("frame_name")).toBe("while/while_context");
    expect(runs[0].loops).toEqual([{ frame: "while/while_context", iterations: 10, entered: 1 }]);
    expect(runs[0].dead).toEqual([]);
  });

  it("counts zero iterations when the condition is false at once", () => {
    const { tf, sess, runs } = setup();
    const r = tf.while_loop((i: Tensor) => tf.less(i, 0), (i: Tensor) => tf.add(i, 1), [tf.constant(5)]) as Tensor;
    expect(sess.run(r)).toBe(5);
    expect(runs[0].loops).toEqual([{ frame: "while/while_context", iterations: 0, entered: 1 }]);
    expect(runs[0].path).not.toContain("while/Add");
    expect(runs[0].dead).toContain("while/Add");
  });

  it("runs the docstring's nested structure example (a namedtuple as a dict)", () => {
    const { tf, py, sess } = setup();
    const ijk0 = [tf.constant(0), { j: tf.constant(1), k: tf.constant(2) }];
    const c = (i: Tensor) => py.lt(i, 10);
    const b = (i: Tensor, p: { j: Tensor; k: Tensor }) => [py.add(i, 1), { j: py.add(p.j, p.k), k: py.sub(p.j, p.k) }];
    const out = tf.while_loop(c, b, ijk0) as [Tensor, { j: Tensor; k: Tensor }];
    expect(sess.run(out)).toEqual([10, { j: 32, k: 64 }]);
    expect(String(out[1].j)).toBe('Tensor("while/Exit_1:0", shape=(), dtype=int32)');
  });

  it("runs the docstring's shape_invariants example, and raises TF's error without the invariant", () => {
    const { tf, py, sess } = setup();
    const i0 = tf.constant(0);
    const m0 = tf.ones([2, 2]);
    const c = (i: Tensor) => py.lt(i, 10);
    const b = (i: Tensor, m: Tensor) => [py.add(i, 1), tf.concat([m, m], 0)];
    const [, m] = tf.while_loop(c, b, [i0, m0], { shape_invariants: [i0.get_shape(), tf.TensorShape([null, 2])] }) as Tensor[];
    expect(String(m)).toBe('Tensor("while/Exit_1:0", shape=(?, 2), dtype=float32)');
    expect((sess.run(m) as NDArray).shape).toEqual([2048, 2]);
    const e = errorOf(() => tf.while_loop(c, b, [i0, m0]));
    expect(e.name).toBe("ValueError");
    expect(e.message).toBe(
      "Input tensor 'ones:0' enters the loop with shape (2, 2), but has shape (4, 2) after one iteration. To allow the shape to vary across iterations, use the `shape_invariants` argument of tf.while_loop to specify a less-specific shape.",
    );
    const bad = errorOf(() => tf.while_loop(c, b, [i0, m0], { shape_invariants: [i0.get_shape(), tf.TensorShape([3, 2])] }));
    expect(bad.message).toBe(
      "The shape invariant specified for ones:0 is not compatible with the initial shape of the loop variable. It enters the loop with shape (2, 2), but the specified shape invariant is (3, 2).",
    );
  });

  it("runs the docstring's non-strict example: fetching the counter runs only the counter's ops", () => {
    const { tf, py, sess, stderr } = setup();
    const n = 100;
    const x = tf.constant(Array.from({ length: n }, (_, k) => k));
    const c = (i: Tensor) => py.lt(i, n);
    const b = (i: Tensor, x: Tensor) => [tf.Print(py.add(i, 1), [i]), tf.Print(py.add(x, 1), [i], "x:")];
    const [i, out] = tf.while_loop(c, b, [0, x]) as Tensor[];
    expect(sess.run(i)).toBe(100);
    expect(stderr.length).toBe(100);
    expect(stderr[0]).toBe("[0]");
    expect(stderr[99]).toBe("[99]");
    expect((sess.run(out) as NDArray).shape).toEqual([100]);
    expect(stderr.slice(100, 102)).toEqual(["[0]", "x:[0]"]);
  });

  it("stops after maximum_iterations, whichever condition ends it", () => {
    const { tf, py, sess, runs } = setup();
    const r = tf.while_loop((i: Tensor) => py.lt(i, 10), (i: Tensor) => py.add(i, 1), [tf.constant(0)], { maximum_iterations: 4 }) as Tensor;
    expect(String(r)).toBe('Tensor("while/Exit_1:0", shape=(), dtype=int32)');
    expect(sess.run(r)).toBe(4);
    expect(runs[0].loops![0].iterations).toBe(4);
    const e = errorOf(() => tf.while_loop((i: Tensor) => py.lt(i, 10), (i: Tensor) => py.add(i, 1), [tf.constant(0)], { maximum_iterations: [1, 2] }));
    expect(e.message).toBe("maximum_iterations must be a scalar, saw shape: (2,)");
  });

  it("nests: the inner loop runs in every outer iteration, and the record sums its iterations", () => {
    const { tf, py, sess, runs } = setup();
    const outer = tf.while_loop(
      (i: Tensor) => py.lt(i, 3),
      (i: Tensor, acc: Tensor) => {
        const inner = tf.while_loop((j: Tensor) => py.lt(j, 4), (j: Tensor, a: Tensor) => [py.add(j, 1), py.add(a, 1)], [tf.constant(0), acc]) as Tensor[];
        return [py.add(i, 1), inner[1]];
      },
      [tf.constant(0), tf.constant(0)],
    ) as Tensor[];
    expect(sess.run(outer)).toEqual([3, 12]);
    expect(runs[0].loops).toEqual([
      { frame: "while/while_context", iterations: 3, entered: 1 },
      { frame: "while/while/while_context", iterations: 12, entered: 3 },
    ]);
  });

  it("runs a cond inside the body, and a loop inside an untaken branch stays dead", () => {
    const { tf, py, sess, runs } = setup();
    // Sum of the even numbers below 10.
    const [, s] = tf.while_loop(
      (i: Tensor) => py.lt(i, 10),
      (i: Tensor, s: Tensor) => [py.add(i, 1), tf.cond(tf.equal(py.mod(i, 2), 0), () => py.add(s, i), () => s)],
      [tf.constant(0), tf.constant(0)],
    ) as Tensor[];
    expect(sess.run(s)).toBe(20);
    const p = tf.placeholder(tf.bool, [], "p");
    const r = tf.cond(p, () => tf.while_loop((i: Tensor) => py.lt(i, 5), (i: Tensor) => py.add(i, 1), [tf.constant(0)]), () => tf.constant(-1)) as Tensor;
    expect(sess.run(r, { [p as never]: false })).toBe(-1);
    expect(runs.at(-1)!.loops).toBeUndefined();
    expect(runs.at(-1)!.dead!.some((n) => n.endsWith("/Exit"))).toBe(true);
    expect(sess.run(r, { [p as never]: true })).toBe(5);
    expect(runs.at(-1)!.loops![0].iterations).toBe(5);
  });

  it("writes a variable in every iteration through a RefEnter", () => {
    const { tf, py, sess } = setup();
    const v = tf.Variable(0, { name: "v" });
    const r = tf.while_loop(
      (i: Tensor) => py.lt(i, 5),
      (i: Tensor) => tf.get_default_graph().control_dependencies([tf.assign_add(v, 2)], () => py.add(i, 1)),
      [tf.constant(0)],
    ) as Tensor;
    sess.run(tf.global_variables_initializer());
    expect(sess.run(r)).toBe(5);
    expect(sess.run(v)).toBe(10);
    expect(tf.get_default_graph().get_operations().some((op: Operation) => op.type === "RefEnter")).toBe(true);
  });

  it("raises TF's errors", () => {
    const { tf, py, sess } = setup();
    const i = tf.constant(0);
    expect(errorOf(() => tf.while_loop(1 as never, (x: Tensor) => x, [i])).message).toBe("cond must be callable.");
    expect(errorOf(() => tf.while_loop((x: Tensor) => py.lt(x, 1), (x: Tensor) => x, [])).message).toBe("No loop variables provided");
    const dtype = errorOf(() => tf.while_loop((x: Tensor) => py.lt(x, 1), (x: Tensor) => tf.cast(x, tf.float32), [i]));
    expect(dtype.name).toBe("InvalidArgumentError");
    expect(dtype.message).toBe("Input 1 of node while_1/Merge was passed float from while_1/NextIteration:0 incompatible with expected int32.");
    const count = errorOf(() => tf.while_loop((a: Tensor) => py.lt(a, 1), (a: Tensor, b: Tensor) => [a, b, b], [i, i]));
    expect(count.message.startsWith("The two structures don't have the same nested structure.")).toBe(true);
    const predType = errorOf(() => tf.while_loop((a: Tensor) => a, (a: Tensor) => a, [i]));
    expect(predType.message).toBe("Input 'input' of 'LoopCond' Op has type int32 that does not match expected type of bool.");
    // A value computed inside a loop cannot be used outside it (only its Exit can).
    let inside: Tensor | null = null;
    tf.while_loop((a: Tensor) => py.lt(a, 3), (a: Tensor) => (inside = py.add(a, 1) as Tensor), [i]);
    const outside = errorOf(() => tf.identity(inside!));
    expect(outside.message).toBe("Cannot use 'while_4/add' as input to 'Identity' because 'while_4/add' is in a while loop. See info log for more details.");
    const fed = errorOf(() => sess.run(inside!, { [tf.get_default_graph().get_tensor_by_name("while_4/Enter:0") as never]: 1 }));
    expect(fed.message).toBe('Tensor Tensor("while_4/Enter:0", shape=(), dtype=int32) may not be fed.');
    expect(errorOf(() => sess.run(inside!)).message).toBe("Operation 'while_4/add' has been marked as not fetchable.");
  });

  it("asks the runner to tick once per iteration (so a long loop can be watched and stopped)", () => {
    const { tf, py, sess, ticks } = setup();
    sess.run(tf.while_loop((i: Tensor) => py.lt(i, 1000), (i: Tensor) => py.add(i, 1), [tf.constant(0)]));
    expect(ticks()).toBe(1000);
  });
});

describe("gradients through tf.while_loop", () => {
  it("match finite differences for repeated squaring, with TF's counters and stacks", () => {
    const { tf, py, sess } = setup();
    const x = tf.placeholder(tf.float64, [], "x");
    const [, y] = tf.while_loop((i: Tensor) => py.lt(i, 3), (i: Tensor, v: Tensor) => [py.add(i, 1), py.mul(v, v)], [tf.constant(0), x]) as Tensor[];
    const [g] = tf.gradients(y, [x]) as Tensor[];
    const f = (v: number) => sess.run(y, { [x as never]: v }) as number;
    const at = 1.1;
    expect(sess.run(g, { [x as never]: at }) as number).toBeCloseTo((f(at + 1e-6) - f(at - 1e-6)) / 2e-6, 5);
    expect(sess.run(g, { [x as never]: at }) as number).toBeCloseTo(8 * at ** 7, 10);
    const ops = tf.get_default_graph().get_operations().map((op: Operation) => `${op.name}:${op.type}`);
    for (const want of [
      "gradients/f_count:Const",
      "gradients/f_count_1:Enter",
      "gradients/f_count_2:Exit",
      "gradients/b_count_2:LoopCond",
      "gradients/while/Exit_1_grad/b_exit:Enter",
      "gradients/while/Switch_1_grad/b_switch:Merge",
      "gradients/while/mul_grad/Mul/f_acc:StackV2",
      "gradients/while/mul_grad/Mul/StackPushV2:StackPushV2",
      "gradients/while/mul_grad/Mul/StackPopV2:StackPopV2",
      "gradients/while/Enter_1_grad/Exit:Exit",
    ]) {
      expect(ops).toContain(want);
    }
  });

  it("accumulate the gradient of a loop invariant over the iterations (b_acc)", () => {
    const { tf, py, sess } = setup();
    const w = tf.placeholder(tf.float64, [], "w");
    const [, y] = tf.while_loop((i: Tensor) => py.lt(i, 4), (i: Tensor, v: Tensor) => [py.add(i, 1), py.add(py.mul(v, w), 1.0)], [tf.constant(0), tf.constant(1.0, tf.float64)]) as Tensor[];
    const [g] = tf.gradients(y, [w]) as Tensor[];
    const f = (v: number) => sess.run(y, { [w as never]: v }) as number;
    const at = 0.7;
    expect(sess.run(g, { [w as never]: at }) as number).toBeCloseTo((f(at + 1e-6) - f(at - 1e-6)) / 2e-6, 6);
    expect(tf.get_default_graph().get_operations().some((op: Operation) => op.name.endsWith("b_acc") && op.type === "Const")).toBe(true);
  });

  it("are None with back_prop=False", () => {
    const { tf, py } = setup();
    const x = tf.placeholder(tf.float32, [], "x");
    const y = tf.while_loop((i: Tensor) => py.lt(i, 3.5), (i: Tensor) => py.mul(i, x), [x], { back_prop: false }) as Tensor;
    expect(tf.gradients(y, [x])).toEqual([null]);
  });

  it("flow through a cond inside the loop, guarded by the predicate of each iteration", () => {
    const { tf, py, sess } = setup();
    const x = tf.placeholder(tf.float64, [], "x");
    const [, y] = tf.while_loop(
      (i: Tensor) => py.lt(i, 5),
      (i: Tensor, v: Tensor) => [py.add(i, 1), tf.cond(tf.equal(py.mod(i, 2), 0), () => py.mul(v, x), () => py.add(v, x))],
      [tf.constant(0), tf.constant(1.0, tf.float64)],
    ) as Tensor[];
    const [g] = tf.gradients(y, [x]) as Tensor[];
    const f = (v: number) => sess.run(y, { [x as never]: v }) as number;
    for (const at of [0.5, 1.3]) expect(sess.run(g, { [x as never]: at }) as number).toBeCloseTo((f(at + 1e-6) - f(at - 1e-6)) / 2e-6, 5);
  });

  it("train a hand-written RNN: the gradient matches finite differences and the loss falls", () => {
    const { tf, py, sess } = setup();
    const T = 6;
    const D = 3;
    const H = 4;
    const X = tf.placeholder(tf.float32, [T, 1, D], "X");
    const target = tf.placeholder(tf.float32, [1, H], "target");
    const Wx = tf.Variable(tf.random_normal([D, H], 0, 0.5, tf.float32, 1), { name: "Wx" });
    const Wh = tf.Variable(tf.random_normal([H, H], 0, 0.5, tf.float32, 2), { name: "Wh" });
    const h0 = tf.zeros([1, H]);
    const [, hT] = tf.while_loop(
      (t: Tensor) => py.lt(t, T),
      (t: Tensor, h: Tensor) => [py.add(t, 1), tf.tanh(py.add(tf.matmul(tf.gather(X, t), Wx), tf.matmul(h, Wh)))],
      [tf.constant(0), h0],
    ) as Tensor[];
    const loss = tf.reduce_sum(tf.square(py.sub(hT, target)));
    const [gWh] = tf.gradients(loss, [Wh]) as Tensor[];
    const train = tf.train.GradientDescentOptimizer(0.1).minimize(loss);
    sess.run(tf.global_variables_initializer());
    const xs = Array.from({ length: T }, (_, t) => [[Math.sin(t), Math.cos(t), 0.5]]);
    const feed = { [X as never]: xs, [target as never]: [[0.5, -0.3, 0.2, 0.1]] };
    // Finite differences on one weight of Wh (float32: a coarse step, a loose tolerance).
    const analytic = (sess.run(gWh, feed) as NDArray).toArray() as number[][];
    const wh = sess.run(Wh) as NDArray;
    const base = wh.toArray() as number[][];
    const lossAt = (delta: number) => {
      const w = base.map((row) => row.slice());
      w[1][2] += delta;
      sess.run(tf.assign(Wh, w));
      return sess.run(loss, feed) as number;
    };
    const eps = 1e-2;
    const numeric = (lossAt(eps) - lossAt(-eps)) / (2 * eps);
    sess.run(tf.assign(Wh, base));
    expect(analytic[1][2]).toBeCloseTo(numeric, 2);
    const first = sess.run(loss, feed) as number;
    for (let k = 0; k < 60; k++) sess.run(train, feed);
    const last = sess.run(loss, feed) as number;
    expect(last).toBeLessThan(first * 0.2);
    expect(f32(last)).toBe(last);
  });
});
