import { describe, expect, it } from "vitest";
import { createTF, type TF } from "../tf.js";
import { operatorRuntime } from "../api/operators.js";
import { PyFloat } from "../pyfloat.js";
import { NDArray } from "../ndarray.js";
import type { Tensor } from "../graph.js";

// --- Factories ----------------------------------------------------------------------------

function setup() {
  const tf = createTF();
  const py = operatorRuntime(tf.get_default_graph().ctx);
  const sess = tf.Session();
  /** Runs `t` with `feeds` and returns a plain number or a flat list. */
  const value = (t: Tensor, feeds: [Tensor, unknown][] = []): number | number[] => {
    const v = sess.run(t, new Map(feeds));
    return v instanceof NDArray ? Array.from(v.data as Float64Array) : Number(v);
  };
  return { tf, py, sess, value };
}

const f = (x: number) => new PyFloat(x);

function opNames(tf: TF, prefix: string): string[] {
  return tf
    .get_default_graph()
    .get_operations()
    .map((o) => o.name)
    .filter((n) => n.startsWith(prefix));
}

// --- Tests --------------------------------------------------------------------------------

describe("tf.gradients", () => {
  it("sums the gradients of a node that feeds two consumers", () => {
    const { tf, py, value } = setup();
    const x = tf.placeholder(tf.float64, [], "x");
    const a = py.mul(x, x) as Tensor; // a = x², used by the Add and (twice) by the Mul
    const b = py.add(a, py.mul(a, a)) as Tensor; // b = a + a²
    const [g] = tf.gradients(b, [x]);
    // db/dx = (1 + 2a)·2x = 19 · 6 at x = 3.
    expect(value(g!, [[x, 3]])).toBe(114);
    // The gradients reaching `a` (one from the Add, two from a·a) and `x` (two from x·x) are
    // each summed by one AddN in the gradients scope, as TF's _AggregatedGrads does.
    const graph = tf.get_default_graph();
    expect(opNames(tf, "gradients/AddN")).toEqual(["gradients/AddN", "gradients/AddN_1"]);
    expect(graph.get_operation_by_name("gradients/AddN").inputs.length).toBe(3);
    expect(graph.get_operation_by_name("gradients/AddN_1").inputs.length).toBe(2);
  });

  it("agrees with central finite differences on a DAG with shared subexpressions", () => {
    const { tf, py, value } = setup();
    const x = tf.placeholder(tf.float64, [3], "x");
    const s = tf.sin(x); // feeds three consumers
    const e = tf.exp(py.mul(s, f(0.5)) as Tensor);
    const y = tf.reduce_sum(py.add(py.mul(s, e), py.truediv(s, py.add(tf.square(x), f(1)))) as Tensor);
    const [g] = tf.gradients(y, [x]);
    const at = [0.3, -1.2, 2.5];
    const grad = value(g!, [[x, at]]) as number[];
    const h = 1e-6;
    at.forEach((_, i) => {
      const plus = at.map((v, j) => (j === i ? v + h : v));
      const minus = at.map((v, j) => (j === i ? v - h : v));
      const fd = ((value(y, [[x, plus]]) as number) - (value(y, [[x, minus]]) as number)) / (2 * h);
      expect(Math.abs(grad[i] - fd)).toBeLessThan(1e-8);
    });
  });

  it("returns null for an x that ys does not depend on", () => {
    const { tf, py } = setup();
    const x = tf.placeholder(tf.float32, [], "x");
    const z = tf.placeholder(tf.float32, [], "z");
    const y = py.mul(x, f(2)) as Tensor;
    const [gx, gz] = tf.gradients(y, [x, z]);
    expect(gx).not.toBeNull();
    expect(gz).toBeNull();
  });

  it("gives zeros for an unconnected x with unconnected_gradients='zero'", () => {
    const { tf, py, value } = setup();
    const x = tf.placeholder(tf.float32, [2], "x");
    const z = tf.placeholder(tf.float32, [2], "z");
    const [, gz] = tf.gradients(py.mul(x, f(2)), [x, z], { unconnected_gradients: "zero" });
    expect(value(gz!, [[z, [5, 6]]])).toEqual([0, 0]);
  });

  it("builds the default grad_ys as gradients/Shape, gradients/grad_ys_0 and gradients/Fill", () => {
    const { tf, py } = setup();
    const x = tf.placeholder(tf.float32, null, "x");
    tf.gradients(tf.square(py.mul(x, f(3)) as Tensor), [x]);
    const g = tf.get_default_graph();
    expect(opNames(tf, "gradients/").slice(0, 3)).toEqual(["gradients/Shape", "gradients/grad_ys_0", "gradients/Fill"]);
    // The shape of y is unknown here, so it is computed at run time (a Const when it is known).
    expect(g.get_operation_by_name("gradients/Shape").type).toBe("Shape");
    expect(g.get_operation_by_name("gradients/grad_ys_0").type).toBe("Const");
    expect(g.get_operation_by_name("gradients/Fill").type).toBe("Fill");
  });

  it("weights the gradient by grad_ys, passed through an Identity named grad_ys_0", () => {
    const { tf, py, value } = setup();
    const x = tf.placeholder(tf.float32, [2], "x");
    const y = py.mul(x, x) as Tensor;
    const [g] = tf.gradients(y, [x], { grad_ys: [tf.constant([f(1), f(10)])] });
    expect(value(g!, [[x, [3, 4]]])).toEqual([6, 80]);
    expect(tf.get_default_graph().get_operation_by_name("gradients/grad_ys_0").type).toBe("Identity");
  });

  // TF docs of tf.gradients: "stop_gradients ... a = tf.constant(0.); b = 2 * a;
  // g = tf.gradients(a + b, [a, b], stop_gradients=[a, b])" gives [1.0, 1.0], where the total
  // derivatives without stop_gradients are [3.0, 1.0].
  it("treats stop_gradients as constants, as in TF's documented example", () => {
    const { tf, py, value } = setup();
    const a = tf.constant(f(0));
    const b = py.mul(2, a) as Tensor;
    const stopped = tf.gradients(py.add(a, b), [a, b], { stop_gradients: [a, b] });
    expect(stopped.map((g) => value(g!))).toEqual([1, 1]);
    const total = tf.gradients(py.add(a, b), [a, b]);
    expect(total.map((g) => value(g!))).toEqual([3, 1]);
  });

  it("gives null through tf.stop_gradient, and only the other path's gradient around it", () => {
    const { tf, py, value } = setup();
    const x = tf.placeholder(tf.float32, [], "x");
    expect(tf.gradients(tf.stop_gradient(py.mul(x, f(2)) as Tensor), [x])).toEqual([null]);
    const y = py.mul(tf.stop_gradient(x), x) as Tensor; // d/dx treats the first factor as constant
    const [g] = tf.gradients(y, [x]);
    expect(value(g!, [[x, 5]])).toBe(5);
  });

  it("raises TF's LookupError for an op that has no registered gradient", () => {
    const { tf } = setup();
    const x = tf.constant([f(1.5), f(2.5), f(3.5)]);
    const [out] = tf.setdiff1d(x, [f(2.5)]);
    expect(() => tf.gradients(tf.reduce_sum(out), [x])).toThrow(
      expect.objectContaining({ name: "LookupError", message: "No gradient defined for operation 'ListDiff' (op type: ListDiff)" }),
    );
  });

  it("gives each computed gradient the static shape of the input it is for", () => {
    const { tf, py } = setup();
    const x = tf.placeholder(tf.float32, [2, 3], "x");
    const w = tf.placeholder(tf.float32, null, "w");
    // Mul's gradient for x is a Reshape to the run-time shape of x: its static shape comes
    // from set_shape with x's shape.
    const [g] = tf.gradients(tf.reduce_sum(py.mul(x, w) as Tensor), [x]);
    expect(g!.name).toBe("gradients/mul_grad/Reshape:0");
    expect(String(g!.shape)).toBe("(2, 3)");
  });

  it("names the gradient of each op after it, under gradients/<op>_grad/", () => {
    const { tf, py } = setup();
    const m = tf.get_variable("m", [], { initializer: tf.constant_initializer(f(0)) });
    const x = tf.placeholder(tf.float32);
    const y = tf.placeholder(tf.float32);
    const loss = tf.square(py.sub(y, py.mul(m, x)) as Tensor);
    const [g] = tf.gradients(loss, [m]);
    expect(g!.name).toBe("gradients/mul_grad/Reshape:0");
    expect(opNames(tf, "gradients/Square_grad/")).toEqual(["gradients/Square_grad/Const", "gradients/Square_grad/Mul", "gradients/Square_grad/Mul_1"]);
    // Without gate_gradients there is no tuple.
    expect(opNames(tf, "gradients/sub_grad/tuple")).toEqual([]);
  });
});
