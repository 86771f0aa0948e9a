/**
 * The gradient subgraphs the math ops build: the same nodes, names and order as TF 1.14's
 * math_grad.py (node lists below are what TF 1.14 builds for the same programs).
 */
import { describe, expect, it } from "vitest";
import { createTF, contextOf } from "../../tf.js";
import { operatorRuntime } from "../../api/operators.js";
import { NDArray } from "../../ndarray.js";
import type { Tensor } from "../../graph.js";
import { plain } from "../../testing/plain.js";

function setup() {
  const tf = createTF({ seedSource: () => 7 });
  const py = operatorRuntime(contextOf(tf));
  const g = tf.get_default_graph();
  /** Names (and types) of the ops `build` adds. */
  const added = (build: () => unknown): string[] => {
    const before = g.get_operations().length;
    build();
    return g
      .get_operations()
      .slice(before)
      .map((o) => `${o.name}:${o.type}`);
  };
  return { tf, py, added };
}

describe("binary op gradients", () => {
  it("tf.gradients(tf.square(x - y), [x]) builds Square_grad/Mul and sub_grad/Neg for scalars", () => {
    const { tf, py, added } = setup();
    const x = tf.placeholder(tf.float32, [], "x");
    const y = tf.placeholder(tf.float32, [], "y");
    const loss = tf.square(py.sub(x, y) as Tensor);
    let grads: (Tensor | null)[] = [];
    expect(added(() => (grads = tf.gradients(loss, [x])))).toEqual([
      "gradients/Shape:Const",
      "gradients/grad_ys_0:Const",
      "gradients/Fill:Fill",
      "gradients/Square_grad/Const:Const",
      "gradients/Square_grad/Mul:Mul",
      "gradients/Square_grad/Mul_1:Mul",
      "gradients/sub_grad/Neg:Neg",
    ]);
    expect(grads[0]!.name).toBe("gradients/Square_grad/Mul_1:0");
    const sess = tf.Session();
    expect(plain(sess.run(grads[0]!, { feed_dict: new Map([[x, 3.5], [y, 1.25]]) }))).toBe(4.5);
  });

  it("reduces broadcast gradients with TF's node order: Shape, Shape_1, BroadcastGradientArgs, Sum, Reshape, Sum_1, Neg, Reshape_1", () => {
    const { tf, py, added } = setup();
    const x = tf.placeholder(tf.float32, [null], "x");
    const y = tf.placeholder(tf.float32, [], "y");
    const d = py.sub(x, y) as Tensor;
    expect(added(() => tf.gradients(d, [x, y]))).toEqual([
      "gradients/Shape:Shape",
      "gradients/grad_ys_0:Const",
      "gradients/Fill:Fill",
      "gradients/sub_grad/Shape:Shape",
      "gradients/sub_grad/Shape_1:Const",
      "gradients/sub_grad/BroadcastGradientArgs:BroadcastGradientArgs",
      "gradients/sub_grad/Sum:Sum",
      "gradients/sub_grad/Reshape:Reshape",
      "gradients/sub_grad/Sum_1:Sum",
      "gradients/sub_grad/Neg:Neg",
      "gradients/sub_grad/Reshape_1:Reshape",
    ]);
  });

  it("takes Mul's equal-shapes shortcut only for float32 and int32 gradients", () => {
    const { tf, added } = setup();
    const a = tf.placeholder(tf.float32, [2], "a");
    const b = tf.placeholder(tf.float64, [2], "b");
    const pa = tf.multiply(a, a);
    const pb = tf.multiply(b, b);
    expect(added(() => tf.gradients(pa, [a])).filter((n) => n.includes("Mul_grad"))).toEqual(["gradients/Mul_grad/Mul:Mul", "gradients/Mul_grad/Mul_1:Mul"]);
    expect(added(() => tf.gradients(pb, [b])).filter((n) => n.includes("Mul_1_grad"))).toEqual([
      "gradients_1/Mul_1_grad/Shape:Const",
      "gradients_1/Mul_1_grad/Shape_1:Const",
      "gradients_1/Mul_1_grad/BroadcastGradientArgs:BroadcastGradientArgs",
      "gradients_1/Mul_1_grad/Mul:Mul",
      "gradients_1/Mul_1_grad/Sum:Sum",
      "gradients_1/Mul_1_grad/Reshape:Reshape",
      "gradients_1/Mul_1_grad/Mul_1:Mul",
      "gradients_1/Mul_1_grad/Sum_1:Sum",
      "gradients_1/Mul_1_grad/Reshape_1:Reshape",
    ]);
  });

  it("sums the gradients of a value used twice in gradients/AddN", () => {
    const { tf, py } = setup();
    const x = tf.placeholder(tf.float32, [2], "x");
    const y = py.add(tf.multiply(x, 3), x) as Tensor;
    const [g] = tf.gradients(y, [x]);
    expect(g!.op.type).toBe("AddN");
    expect(g!.name).toBe("gradients/AddN:0");
    const v = tf.Session().run(g!, { feed_dict: new Map([[x, [1, 2]]]) }) as NDArray;
    expect(v.toArray()).toEqual([4, 4]);
  });
});

describe("reduction gradients", () => {
  it("reduce_mean of a known shape: Reshape, Tile by a Const, divided by a Const factor", () => {
    const { tf, added } = setup();
    const x = tf.placeholder(tf.float32, [2, 3], "x");
    const m = tf.reduce_mean(x);
    expect(added(() => tf.gradients(m, [x])).filter((n) => n.includes("Mean_grad"))).toEqual([
      "gradients/Mean_grad/Reshape/shape:Const",
      "gradients/Mean_grad/Reshape:Reshape",
      "gradients/Mean_grad/Const:Const",
      "gradients/Mean_grad/Tile:Tile",
      "gradients/Mean_grad/Const_1:Const",
      "gradients/Mean_grad/truediv:RealDiv",
    ]);
  });

  it("reduce_mean of an unknown batch computes the factor in the graph (Prod, Maximum, floordiv, Cast)", () => {
    const { tf, py } = setup();
    const x = tf.placeholder(tf.float32, [null, 1], "x");
    const y = tf.placeholder(tf.float32, [null, 1], "y");
    const loss = tf.reduce_mean(tf.square(py.sub(y, x) as Tensor));
    const [g] = [tf.gradients(loss, [x])[0]!];
    expect(
      tf
        .get_default_graph()
        .get_operations()
        .filter((o) => o.name.startsWith("gradients/Mean_grad/"))
        .map((o) => o.name.slice("gradients/Mean_grad/".length)),
    ).toEqual(["Reshape/shape", "Reshape", "Shape", "Tile", "Shape_1", "Shape_2", "Const", "Prod", "Const_1", "Prod_1", "Maximum/y", "Maximum", "floordiv", "Cast", "truediv"]);
    const v = tf.Session().run(g, { feed_dict: new Map([[x, [[1], [2]]], [y, [[2], [5]]]]) }) as NDArray;
    // d/dx mean((y - x)^2) = -2 (y - x) / n
    expect(v.toArray()).toEqual([[-1], [-3]]);
  });

  it("reduce_sum over one axis builds TF's reduced_shape: Size, add, mod, range, Fill, DynamicStitch", () => {
    const { tf, added } = setup();
    const x = tf.placeholder(tf.float32, [2, 3], "x");
    const s = tf.reduce_sum(x, 1);
    expect(
      added(() => tf.gradients(s, [x]))
        .filter((n) => n.includes("Sum_grad"))
        .map((n) => n.slice("gradients/Sum_grad/".length)),
    ).toEqual([
      "Shape:Const",
      "Size:Const",
      "add:Add",
      "mod:FloorMod",
      "Shape_1:Const",
      "range/start:Const",
      "range/delta:Const",
      "range:Range",
      "Fill/value:Const",
      "Fill:Fill",
      "DynamicStitch:DynamicStitch",
      "Maximum/y:Const",
      "Maximum:Maximum",
      "floordiv:FloorDiv",
      "Reshape:Reshape",
      "Tile:Tile",
    ]);
  });

  it("takes the fast path for a variable's reduce_sum, whose axes are range(0, Rank) (constant_value sees through them)", () => {
    const { tf, added } = setup();
    const v = tf.Variable(tf.zeros([2, 2]), { name: "v" });
    const s = tf.reduce_sum(v);
    expect(
      added(() => tf.gradients(s, [v]))
        .filter((n) => n.includes("Sum_grad"))
        .map((n) => n.slice("gradients/Sum_grad/".length)),
    ).toEqual(["Reshape/shape:Const", "Reshape:Reshape", "Const:Const", "Tile:Tile"]);
  });

  it("splits reduce_max's gradient evenly between tied maxima", () => {
    const { tf } = setup();
    const x = tf.placeholder(tf.float32, [4], "x");
    const [g] = tf.gradients(tf.reduce_max(x), [x]);
    const v = tf.Session().run(g!, { feed_dict: new Map([[x, [1, 3, 3, 2]]]) }) as NDArray;
    expect(v.toArray()).toEqual([0, 0.5, 0.5, 0]);
  });

  it("differentiates reduce_prod through zeros", () => {
    const { tf } = setup();
    const x = tf.placeholder(tf.float32, [3], "x");
    const [g] = tf.gradients(tf.reduce_prod(x), [x]);
    const v = tf.Session().run(g!, { feed_dict: new Map([[x, [2, 0, 5]]]) }) as NDArray;
    expect(v.toArray()).toEqual([0, 10, 0]);
  });
});

describe("other gradients", () => {
  it("MatMul's gradient is two MatMuls with transposed operands", () => {
    const { tf } = setup();
    const a = tf.placeholder(tf.float32, [2, 3], "a");
    const b = tf.placeholder(tf.float32, [3, 4], "b");
    const [ga, gb] = tf.gradients(tf.matmul(a, b), [a, b]);
    expect([ga!.name, gb!.name]).toEqual(["gradients/MatMul_grad/MatMul:0", "gradients/MatMul_grad/MatMul_1:0"]);
    expect([ga!.op.get_attr("transpose_a"), ga!.op.get_attr("transpose_b")]).toEqual([false, true]);
    expect([gb!.op.get_attr("transpose_a"), gb!.op.get_attr("transpose_b")]).toEqual([true, false]);
  });

  it("Cast's gradient casts back between float types and stops at ints", () => {
    const { tf } = setup();
    const x = tf.placeholder(tf.float64, [2], "x");
    const [g] = tf.gradients(tf.cast(x, tf.float32), [x]);
    expect(g!.name).toBe("gradients/Cast_grad/Cast:0");
    expect(String(g!.dtype)).toBe("<dtype: 'float64'>");
    const [none] = tf.gradients(tf.cast(tf.cast(x, tf.int32), tf.float32), [x]);
    expect(none).toBeNull();
  });

  it("sigmoid, tanh and sqrt use their *Grad ops", () => {
    const { tf } = setup();
    const x = tf.placeholder(tf.float32, [], "x");
    const grads = tf.gradients([tf.sigmoid(x), tf.tanh(x), tf.sqrt(x)], [x]);
    const types = tf
      .get_default_graph()
      .get_operations()
      .map((o) => o.type);
    expect(types).toEqual(expect.arrayContaining(["SigmoidGrad", "TanhGrad", "SqrtGrad"]));
    // d/dx (sigmoid + tanh + sqrt) at 0.25
    const v = tf.Session().run(grads[0]!, { feed_dict: new Map([[x, 0.25]]) }) as number;
    const s = 1 / (1 + Math.exp(-0.25));
    expect(v).toBeCloseTo(s * (1 - s) + (1 - Math.tanh(0.25) ** 2) + 0.5 / Math.sqrt(0.25), 6);
  });
});
