/**
 * tf.cond and tf.case against TF 1.x: the docstrings' programs and outputs, the graph TF builds
 * (names, Switches, pivots), what a run executes (the untaken branch is dead, an op made outside
 * the branch functions runs anyway), TF's errors, and gradients against finite differences.
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
import type { RunRecord } from "../../records.js";

function setup() {
  const runs: RunRecord[] = [];
  const stderr: string[] = [];
  const tf = createTF({ onRun: (r) => runs.push(structuredClone(r)), stderr: (t) => stderr.push(t) });
  const py = operatorRuntime(tf.get_default_graph().ctx);
  const session = tf.Session();
  // Fetched numpy scalars as plain numbers (arrays stay NDArrays): the tests compare values.
  const sess = { run: (...args: Parameters<typeof session.run>) => scalars(session.run(...args)) };
  return { tf, py, sess, runs, stderr };
}

function names(tf: ReturnType<typeof setup>["tf"]): string[] {
  return tf.get_default_graph().get_operations().map((op: Operation) => op.name);
}

function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error");
}

describe("tf.cond", () => {
  it("runs the docstring's example: 34, from cond/Merge:0", () => {
    const { tf, sess } = setup();
    const x = tf.constant(2);
    const y = tf.constant(5);
    const r = tf.cond(tf.less(x, y), () => tf.multiply(x, 17), () => tf.add(y, 23)) as Tensor;
    expect(String(r)).toBe('Tensor("cond/Merge:0", shape=(), dtype=int32)');
    expect(sess.run(r)).toBe(34);
  });

  it("builds TF's graph: Switch, pivots, pred_id, a Switch per captured value, constants waiting for the pivot", () => {
    const { tf } = setup();
    const x = tf.constant(2);
    const y = tf.constant(5);
    tf.cond(tf.less(x, y), () => tf.multiply(x, 17), () => tf.add(y, 23));
    expect(names(tf)).toEqual([
      "Const", "Const_1", "Less", "cond/Switch", "cond/switch_t", "cond/switch_f", "cond/pred_id",
      "cond/Mul/y", "cond/Mul", "cond/Mul/Switch", "cond/Add/y", "cond/Add", "cond/Add/Switch", "cond/Merge",
    ]);
    const g = tf.get_default_graph();
    const mul = g.get_operation_by_name("cond/Mul");
    expect(mul.inputs.map((t: Tensor) => t.name)).toEqual(["cond/Mul/Switch:1", "cond/Mul/y:0"]);
    expect(g.get_operation_by_name("cond/Mul/y").control_inputs.map((o: Operation) => o.name)).toEqual(["cond/switch_t"]);
    expect(g.get_operation_by_name("cond/Add/Switch").inputs.map((t: Tensor) => t.name)).toEqual(["Const_1:0", "cond/pred_id:0"]);
    expect(g.get_operation_by_name("cond/Merge").inputs.map((t: Tensor) => t.name)).toEqual(["cond/Add:0", "cond/Mul:0"]);
  });

  it("runs only the branch the predicate picks: the other branch's ops are dead in the run record", () => {
    const { tf, py, sess, runs } = setup();
    const p = tf.placeholder(tf.bool, [], "p");
    const x = tf.constant(3.0);
    const r = tf.cond(p, () => py.mul(x, 2.0), () => tf.square(x)) as Tensor;
    expect(sess.run(r, { [p as never]: true })).toBe(6);
    // (switch_f is not even on the path: the false branch has no constant waiting for it.)
    expect(runs[0].dead).toEqual(["cond/Square"]);
    expect(runs[0].path).toContain("cond/mul");
    expect(sess.run(r, { [p as never]: false })).toBe(9);
    expect(runs[1].dead).toEqual(["cond/switch_t", "cond/mul/y", "cond/mul"]);
    expect(runs[1].path).toContain("cond/Square");
  });

  it("fires no side effect in the branch not taken, but an op made outside the branch functions runs anyway", () => {
    const { tf, sess, stderr, runs } = setup();
    const v = tf.Variable(0, { name: "v" });
    const p = tf.placeholder(tf.bool, [], "p");
    const outside = tf.Print(tf.constant(1), [], "outside: ");
    const r = tf.cond(
      p,
      () => tf.Print(tf.assign_add(v, 10), [], "true branch: "),
      () => tf.identity(outside),
    ) as Tensor;
    sess.run(tf.global_variables_initializer());
    expect(sess.run(r, { [p as never]: false })).toBe(1);
    expect(stderr).toEqual(["outside: "]);
    expect(runs.at(-1)!.side_effects.map((e) => e.kind)).toEqual(["print"]);
    expect(sess.run(v)).toBe(0);
    expect(sess.run(r, { [p as never]: true })).toBe(10);
    // The Print made outside is on the path of both branches' Merge: it prints again.
    expect(stderr).toEqual(["outside: ", "outside: ", "true branch: "]);
    expect(sess.run(v)).toBe(10);
  });

  it("nests: the inner cond's names live under the outer branch, and only the taken path runs", () => {
    const { tf, sess, runs } = setup();
    const a = tf.placeholder(tf.int32, [], "a");
    const r = tf.cond(
      tf.greater(a, 0),
      () => tf.cond(tf.greater(a, 10), () => tf.constant(2), () => tf.constant(1)),
      () => tf.constant(0),
    ) as Tensor;
    expect(String(r)).toBe('Tensor("cond/Merge:0", shape=(), dtype=int32)');
    expect(names(tf)).toContain("cond/cond/Merge");
    expect([-5, 5, 50].map((v) => sess.run(r, { [a as never]: v }))).toEqual([0, 1, 2]);
    expect(runs[0].dead).toContain("cond/cond/Merge");
    expect(runs[1].dead).toContain("cond/cond/Const");
    expect(runs[1].path).toContain("cond/cond/Const_1");
  });

  it("returns structures: lists and dicts of tensors, a singleton list unpacked unless strict", () => {
    const { tf, sess } = setup();
    const p = tf.constant(true);
    const pair = tf.cond(p, () => [tf.constant(1), tf.constant(2.5)], () => [tf.constant(3), tf.constant(4.5)]) as Tensor[];
    expect(sess.run(pair)).toEqual([1, 2.5]);
    const d = tf.cond(p, () => ({ b: tf.constant(1), a: tf.constant(2) }), () => ({ b: tf.constant(3), a: tf.constant(4) })) as Record<string, Tensor>;
    expect(sess.run(d)).toEqual({ b: 1, a: 2 });
    expect(Array.isArray(tf.cond(p, () => [tf.constant(1)], () => [tf.constant(2)]))).toBe(false);
    expect(Array.isArray(tf.cond(p, () => [tf.constant(1)], () => [tf.constant(2)], { strict: true }))).toBe(true);
  });

  it("returns a value from outside through a Switch (lambda: x), and an op as the pivot with a dependency", () => {
    const { tf, sess } = setup();
    const x = tf.constant(7);
    const r = tf.cond(tf.constant(false), () => tf.constant(1), () => x) as Tensor;
    expect(r.op.inputs.map((t: Tensor) => t.name)).toEqual(["cond/Switch_1:0", "cond/Const:0"]);
    expect(sess.run(r)).toBe(7);
  });

  it("raises TF's errors", () => {
    const { tf } = setup();
    const x = tf.constant(1);
    expect(errorOf(() => tf.cond(true, () => x, () => x)).message).toBe("pred must not be a Python bool");
    expect(errorOf(() => tf.cond(tf.constant(true), 1 as never, () => x)).message).toBe("true_fn must be callable.");
    expect(errorOf(() => tf.cond(tf.constant(true), () => x)).message).toBe("cond(): false_fn argument required");
    const types = errorOf(() => tf.cond(tf.constant(true), () => tf.constant(1), () => tf.constant(1.5)));
    expect(types.name).toBe("ValueError");
    expect(types.message).toBe("Outputs of true_fn and false_fn must have the same type: int32, float32");
    const structure = errorOf(() => tf.cond(tf.constant(true), () => [x, x], () => x));
    expect(structure.name).toBe("ValueError");
    expect(structure.message).toMatch(
      /^Incompatible return values of true_fn and false_fn: The two structures don't have the same nested structure\.\n\nFirst structure: type=list str=\[<tf\.Tensor 'Const:0' shape=\(\) dtype=int32>, <tf\.Tensor 'Const:0' shape=\(\) dtype=int32>\]\n\nSecond structure: type=Tensor str=Tensor\("Const:0", shape=\(\), dtype=int32\)\n\nMore specifically: Substructure "type=list str=\[/,
    );
    expect(errorOf(() => tf.cond(tf.constant(true), () => null, () => x)).message).toBe("true_fn must have a return value.");
    const rank = errorOf(() => tf.cond(tf.constant([true, false]), () => x, () => x));
    expect(rank.message).toBe("Shape must be rank 0 but is rank 1 for 'cond_4/Switch' (op: 'Switch') with input shapes: [2], [2].");
    expect(errorOf(() => tf.cond(tf.constant(1), () => x, () => x)).message).toBe("Input 'pred' of 'Switch' Op has type int32 that does not match expected type of bool.");
  });

  it("refuses to fetch an op inside a branch, as TF marks them not fetchable", () => {
    const { tf, sess } = setup();
    tf.cond(tf.constant(true), () => tf.add(tf.constant(1), 1), () => tf.constant(0));
    const e = errorOf(() => sess.run("cond/Add:0"));
    expect(e.name).toBe("ValueError");
    expect(e.message).toBe("Operation 'cond/Add' has been marked as not fetchable.");
    expect(errorOf(() => sess.run("cond/switch_t:0")).message).toBe("Operation 'cond/switch_t' has been marked as not fetchable.");
  });

  it("takes gradients through the branch taken, matching finite differences", () => {
    const { tf, py, sess } = setup();
    const x = tf.placeholder(tf.float64, [], "x");
    const r = tf.cond(py.gt(x, 1.0), () => py.mul(py.mul(x, x), x), () => tf.sin(x)) as Tensor;
    const [g] = tf.gradients(r, [x]) as Tensor[];
    const f = (v: number) => sess.run(r, { [x as never]: v }) as number;
    for (const v of [2.0, 0.3]) {
      const numeric = (f(v + 1e-6) - f(v - 1e-6)) / 2e-6;
      expect(sess.run(g, { [x as never]: v }) as number).toBeCloseTo(numeric, 6);
    }
    // TF's cond gradient: a Switch of the output gradient (`cond_grad`), and a Merge of the
    // branch's gradient with a zero made only when the other branch runs.
    const ops = names(tf);
    expect(ops).toContain("gradients/cond/Merge_grad/cond_grad");
    expect(ops.some((n) => /^gradients\/cond\/.*Switch_grad\/cond_grad$/.test(n))).toBe(true);
  });

  it("takes gradients through a variable read in both branches", () => {
    const { tf, py, sess } = setup();
    const w = tf.Variable(2.5, { name: "w" });
    const p = tf.placeholder(tf.bool, [], "p");
    const loss = tf.cond(p, () => py.mul(w, w), () => py.mul(w, 3.5)) as Tensor;
    const [g] = tf.gradients(loss, [w]) as Tensor[];
    sess.run(tf.global_variables_initializer());
    expect(sess.run(g, { [p as never]: true })).toBe(5);
    expect(sess.run(g, { [p as never]: false })).toBe(3.5);
  });
});

describe("tf.case", () => {
  it("runs the docstring's first example: f1 when x < y, else f2", () => {
    const { tf, sess } = setup();
    const x = tf.placeholder(tf.int32, [], "x");
    const y = tf.constant(5);
    const r = tf.case([[tf.less(x, y), () => tf.constant(17)]], { default: () => tf.constant(23) }) as Tensor;
    expect(String(r)).toBe('Tensor("case/cond/Merge:0", shape=(), dtype=int32)');
    expect(sess.run(r, { [x as never]: 1 })).toBe(17);
    expect(sess.run(r, { [x as never]: 9 })).toBe(23);
  });

  it("runs the docstring's second example, and with exclusive fails when two predicates hold", () => {
    const { tf, sess } = setup();
    const x = tf.placeholder(tf.int32, [], "x");
    const y = tf.constant(5);
    const z = tf.constant(2);
    const r = tf.case(
      [
        [tf.less(x, y), () => tf.constant(17)],
        [tf.greater(x, z), () => tf.constant(23)],
      ],
      { default: () => tf.constant(-1), exclusive: true },
    ) as Tensor;
    expect(sess.run(r, { [x as never]: 1 })).toBe(17);
    expect(sess.run(r, { [x as never]: 9 })).toBe(23);
    const e = errorOf(() => sess.run(r, { [x as never]: 3 }));
    expect(e.name).toBe("InvalidArgumentError");
    expect(e.message.split("\n")[0]).toBe("assertion failed: [Input error: exclusive=True: more than 1 conditions (Less:0, Greater:0) evaluated as True:] [1 1]");
  });

  it("without a default, takes the last pair as the default and asserts one predicate held", () => {
    const { tf, sess } = setup();
    const x = tf.placeholder(tf.int32, [], "x");
    const r = tf.case([
      [tf.less(x, 0), () => tf.constant(-1)],
      [tf.greater_equal(x, 0), () => tf.constant(1)],
    ]) as Tensor;
    expect(sess.run(r, { [x as never]: -4 })).toBe(-1);
    expect(sess.run(r, { [x as never]: 4 })).toBe(1);
  });

  it("raises TF's errors for malformed pairs", () => {
    const { tf } = setup();
    expect(errorOf(() => tf.case([[tf.constant(1), () => 1]])).message).toBe("pred must be Tensor of type bool: Const:0");
    expect(errorOf(() => tf.case([tf.constant(true)] as never)).message).toBe("Each entry in pred_fn_pairs must be a 2-tuple");
    expect(errorOf(() => tf.case([[tf.constant(true), 5]] as never)).message).toBe("fn for pred Const_2:0 must be callable.");
  });
});

describe("tf.Assert", () => {
  it("fails the run with TF's message when the condition is false", () => {
    const { tf, sess } = setup();
    const x = tf.placeholder(tf.int32, [], "x");
    const check = tf.Assert(tf.less(x, 10), ["x is", x]);
    const y = tf.get_default_graph().control_dependencies([check], () => tf.identity(x));
    expect(sess.run(y, { [x as never]: 3 })).toBe(3);
    const e = errorOf(() => sess.run(y, { [x as never]: 12 }));
    expect(e.name).toBe("InvalidArgumentError");
    expect(e.message.split("\n")[0]).toBe("assertion failed: [x is] [12]");
  });
});
