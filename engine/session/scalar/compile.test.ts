import { describe, expect, it } from "vitest";
import { createTF } from "../../tf.js";
import { operatorRuntime } from "../../api/operators.js";
import { PyFloat } from "../../pyfloat.js";
import { NDArray } from "../../ndarray.js";
import type { RunRecord } from "../../records.js";
import { plain } from "../../testing/plain.js";

/** The seed tutorial's model in an engine with or without scalar compilation. */
function tutorial(compileScalars: boolean) {
  const records: RunRecord[] = [];
  const fetched: Record<string, unknown>[] = [];
  const tf = createTF({
    compileScalars,
    onRun: (r, live) => {
      records.push(r);
      fetched.push(live.fetched());
    },
  });
  const py = operatorRuntime(tf.get_default_graph().ctx);
  const f = (x: number) => new PyFloat(x);
  const m = tf.get_variable("m", [], { initializer: tf.constant_initializer(f(0)) });
  const b = tf.get_variable("b", [], { initializer: tf.constant_initializer(f(0)) });
  const init = tf.global_variables_initializer();
  const x = tf.placeholder(tf.float32);
  const y = tf.placeholder(tf.float32);
  const loss = tf.square(py.sub(y, py.add(py.mul(m, x), b)));
  const train = tf.train.GradientDescentOptimizer(1e-3).minimize(loss);
  const sess = tf.Session();
  sess.run(init);
  const step = (xi: number, yi: number) => sess.run([loss, train], { feed_dict: { [String(x)]: xi, [String(y)]: yi } }) as [number, null];
  return { tf, sess, m, b, x, y, loss, step, records, fetched, plan: () => (sess as unknown as { lastPlan: { scalar: unknown } }).lastPlan };
}

/** A repeatable stream of inputs. */
function inputs(n: number): [number, number][] {
  let s = 12345;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, () => {
    const xi = next();
    return [xi, 0.7 * xi + 0.2];
  });
}

describe("compileScalar", () => {
  it("compiles the tutorial's training step", () => {
    const t = tutorial(true);
    t.step(1, 2);
    expect(typeof t.plan().scalar).toBe("function");
  });

  it("computes every step bit for bit as the generic executor does", () => {
    const fast = tutorial(true);
    const slow = tutorial(false);
    for (const [xi, yi] of inputs(3000)) {
      const a = fast.step(xi, yi);
      const b = slow.step(xi, yi);
      expect(Object.is(plain(a[0]), plain(b[0]))).toBe(true);
      expect(a[0]!.constructor).toBe(b[0]!.constructor);
      expect(a[1]).toBeNull();
    }
    expect(plain(fast.sess.run([fast.m, fast.b]))).toEqual(plain(slow.sess.run([slow.m, slow.b])));
  });

  it("produces the same run records: side effects with before and after, and fetched values", () => {
    const fast = tutorial(true);
    const slow = tutorial(false);
    for (const [xi, yi] of inputs(20)) {
      fast.step(xi, yi);
      slow.step(xi, yi);
    }
    expect(fast.records).toEqual(slow.records);
    expect(fast.fetched).toEqual(slow.fetched);
    expect(fast.records.at(-1)!.side_effects.map((e) => [e.op, e.kind, e.target])).toEqual([
      ["GradientDescent/update_m/ApplyGradientDescent", "update", "m"],
      ["GradientDescent/update_b/ApplyGradientDescent", "update", "b"],
    ]);
  });

  it("reads a variable after an assign made earlier in the same run, as the generic executor does", () => {
    const runs = (compileScalars: boolean) => {
      const tf = createTF({ compileScalars });
      const stock = tf.get_variable("stock", [], { initializer: tf.constant_initializer(new PyFloat(20)) });
      const sell = tf.assign_sub(stock, new PyFloat(3));
      const left = tf.control_dependencies([sell], () => tf.identity(stock, { name: "left" }));
      const doubled = tf.control_dependencies([sell], () => tf.multiply(stock, new PyFloat(2)));
      const sess = tf.Session();
      sess.run(tf.global_variables_initializer());
      return [sess.run(left), sess.run(left), sess.run(left), sess.run(doubled), sess.run(doubled)];
    };
    expect(plain(runs(true))).toEqual([17, 14, 11, 16, 10]);
    expect(plain(runs(false))).toEqual([17, 14, 11, 16, 10]);
  });

  it("hands a run the compiled code cannot take back to the generic executor", () => {
    const t = tutorial(true);
    t.step(1, 2);
    // An array for the unknown-shape placeholders: no longer all scalars.
    const [loss] = t.sess.run([t.loss, t.tf.get_default_graph().get_operation_by_name("GradientDescent")], {
      feed_dict: { [String(t.x)]: [1, 2], [String(t.y)]: [2, 3] },
    }) as [NDArray];
    expect(loss).toBeInstanceOf(NDArray);
    expect(loss.shape).toEqual([2]);
    // And back to scalars, still right.
    const slow = tutorial(false);
    slow.step(1, 2);
    slow.sess.run([slow.loss, slow.tf.get_default_graph().get_operation_by_name("GradientDescent")], {
      feed_dict: { [String(slow.x)]: [1, 2], [String(slow.y)]: [2, 3] },
    });
    expect(t.step(0.5, 0.6)).toEqual(slow.step(0.5, 0.6));
  });

  it("still converts and checks feeds as TF does when a value is not a number", () => {
    const t = tutorial(true);
    t.step(1, 2);
    expect(() => t.sess.run(t.loss, { [String(t.x)]: "abc", [String(t.y)]: 1 })).toThrow("could not convert string to float: 'abc'");
  });

  it("leaves plans with non-scalar values or printing ops to the generic executor", () => {
    const tf = createTF({ stderr: () => {} });
    const v = tf.placeholder(tf.float32, [3]);
    const sess = tf.Session();
    sess.run(tf.reduce_sum(v), { [String(v)]: [1, 2, 3] });
    expect((sess as unknown as { lastPlan: { scalar: unknown } }).lastPlan.scalar).toBe(false);
    const p = tf.Print(tf.constant(new PyFloat(1)), [tf.constant(2)]);
    sess.run(p);
    expect((sess as unknown as { lastPlan: { scalar: unknown } }).lastPlan.scalar).toBe(false);
  });
});
