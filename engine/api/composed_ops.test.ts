/**
 * The builders TF 1.15 writes in Python from other ops: the nodes they add (names and types
 * in TF's order), their values, and TF's errors. clip_ops.py, array_ops.boolean_mask,
 * math_ops.tensordot, special_math_ops._einsum_v1, nn_impl.py, embedding_ops.py,
 * metrics_impl.py.
 */
import { describe, expect, it } from "vitest";
import { createTF } from "../tf.js";
import type { Tensor } from "../graph.js";
import { NDArray } from "../ndarray.js";
import { PyFloat } from "../pyfloat.js";
import { plain } from "../testing/plain.js";

const fresh = () => createTF({ seedSource: () => 7 });
const f = (x: number) => new PyFloat(x);

function value(tf: ReturnType<typeof fresh>, t: Tensor | Tensor[]): unknown {
  const sess = tf.Session();
  sess.run(tf.global_variables_initializer());
  const v = sess.run(t);
  const js = plain;
  return Array.isArray(v) ? v.map(js) : js(v);
}

/** The ops added since `from` as `name:Type`. */
function added(tf: ReturnType<typeof fresh>, from = 0): string[] {
  return tf
    .get_default_graph()
    .get_operations()
    .slice(from)
    .map((o) => `${o.name}:${o.type}`);
}

describe("clip_by_value", () => {
  it("is a Minimum then a Maximum named after the scope", () => {
    const tf = fresh();
    const t = tf.constant([f(-1), f(0.5), f(4)]);
    const c = tf.clip_by_value(t, f(0), f(1));
    expect(added(tf, 1)).toEqual(["clip_by_value/Minimum/y:Const", "clip_by_value/Minimum:Minimum", "clip_by_value/y:Const", "clip_by_value:Maximum"]);
    expect(value(tf, c)).toEqual([0, 0.5, 1]);
  });

  it("refuses bounds that would broadcast the tensor to another shape", () => {
    const tf = fresh();
    expect(() => tf.clip_by_value(tf.constant([f(1), f(2)]), tf.zeros([2, 2]), f(3))).toThrow("Shapes (2,) and (2, 2) are not compatible");
  });
});

describe("clip_by_norm, global_norm and clip_by_global_norm", () => {
  it("clip_by_norm scales down only a norm above clip_norm", () => {
    const tf = fresh();
    const big = tf.clip_by_norm(tf.constant([f(3), f(4)]), f(1));
    const small = tf.clip_by_norm(tf.constant([f(0.3), f(0.4)]), f(1));
    const zero = tf.clip_by_norm(tf.constant([f(0), f(0)]), f(1));
    const rows = tf.clip_by_norm(tf.constant([[f(3), f(4)], [f(0.6), f(0.8)]]), f(1), [1]);
    const [b, s, z, r] = value(tf, [big, small, zero, rows]) as number[][];
    expect(b[0]).toBeCloseTo(0.6, 6);
    expect(b[1]).toBeCloseTo(0.8, 6);
    expect(s[0]).toBeCloseTo(0.3, 6);
    expect(z).toEqual([0, 0]);
    expect((r as unknown as number[][]).flat().map((x) => Math.round(x * 1e6) / 1e6)).toEqual([0.6, 0.8, 0.6, 0.8]);
    expect(big.name).toBe("clip_by_norm:0");
    expect(big.op.type).toBe("Identity");
  });

  it("global_norm is sqrt(2 * sum of L2Loss)", () => {
    const tf = fresh();
    const n = tf.global_norm([tf.constant([f(3)]), null, tf.constant([[f(4)]])]);
    expect(n.name).toBe("global_norm/global_norm:0");
    expect(added(tf).filter((s) => s.endsWith(":L2Loss"))).toEqual(["global_norm/L2Loss:L2Loss", "global_norm/L2Loss_1:L2Loss"]);
    expect(value(tf, n)).toBeCloseTo(5, 6);
  });

  it("clip_by_global_norm scales every tensor by clip_norm / max(norm, clip_norm), named as TF names them", () => {
    const tf = fresh();
    const [clipped, norm] = tf.clip_by_global_norm([tf.constant([f(3), f(4)]), tf.constant([f(12)])], f(6.5));
    expect(clipped.map((t) => t!.name)).toEqual(["clip_by_global_norm/clip_by_global_norm/_0:0", "clip_by_global_norm/clip_by_global_norm/_1:0"]);
    const [a, b, n] = value(tf, [clipped[0]!, clipped[1]!, norm]) as [number[], number[], number];
    expect(n).toBeCloseTo(13, 5);
    expect(a[0]).toBeCloseTo(1.5, 5);
    expect(b[0]).toBeCloseTo(6, 5);
    expect(() => tf.clip_by_global_norm("abc" as never, f(1))).toThrow("t_list should be a sequence");
  });
});

describe("boolean_mask", () => {
  it("builds TF's reshape, Where, Squeeze and GatherV2 under boolean_mask/", () => {
    const tf = fresh();
    const m = tf.boolean_mask(tf.constant([[1, 2], [3, 4], [5, 6]]), [true, false, true]);
    expect(m.name).toBe("boolean_mask/GatherV2:0");
    expect(String(m.shape)).toBe("(?, 2)");
    const types = added(tf).map((s) => s.split(":")[1]);
    expect(types.filter((t) => ["Reshape", "Where", "Squeeze", "GatherV2", "Prod"].includes(t))).toEqual(["Prod", "Reshape", "Reshape", "Where", "Squeeze", "GatherV2"]);
  });

  it("masks along a later axis, and refuses a scalar or mismatched mask", () => {
    const tf = fresh();
    expect(value(tf, tf.boolean_mask([[1, 2, 3], [4, 5, 6]], [true, false, true], { axis: 1 }))).toEqual([
      [1, 3],
      [4, 6],
    ]);
    expect(() => tf.boolean_mask([1, 2], true)).toThrow("mask cannot be scalar.");
    expect(() => tf.boolean_mask([1, 2, 3], [true, false])).toThrow("Shapes (3,) and (2,) are incompatible");
  });
});

describe("tensordot", () => {
  it("with static shapes is a transpose, reshapes and one MatMul in scope Tensordot", () => {
    const tf = fresh();
    const a = tf.constant([[f(1), f(2)], [f(3), f(4)]]);
    const b = tf.constant([[f(5), f(6)], [f(7), f(8)]]);
    const c = tf.tensordot(a, b, 1);
    expect(c.name).toBe("Tensordot:0");
    expect(added(tf, 2).map((s) => s.split(":")[1])).toEqual(["Const", "Transpose", "Const", "Reshape", "Const", "Transpose", "Const", "Reshape", "MatMul", "Const", "Reshape"]);
    expect(value(tf, c)).toEqual([
      [19, 22],
      [43, 50],
    ]);
  });

  it("contracts named axes, and with axes 0 gives the outer product", () => {
    const tf = fresh();
    const a = tf.constant([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
    const b = tf.constant([[1, 0], [0, 1]]);
    expect(value(tf, tf.tensordot(a, b, [[2], [1]]))).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ]);
    expect(value(tf, tf.tensordot([1, 2], [3, 4], 0))).toEqual([
      [3, 4],
      [6, 8],
    ]);
  });

  it("reads unknown dims from the graph and keeps the static shape it knows", () => {
    const tf = fresh();
    const x = tf.placeholder(tf.float32, [null, 3]);
    const w = tf.ones([3, 4]);
    const y = tf.tensordot(x, w, [[1], [0]]);
    expect(String(y.shape)).toBe("(?, 4)");
    const sess = tf.Session();
    expect(plain((sess.run(y, { feed_dict: new Map([[x, [[1, 2, 3]]]]) }) as NDArray).toArray())).toEqual([[6, 6, 6, 6]]);
  });

  it("refuses axes TF refuses", () => {
    const tf = fresh();
    expect(() => tf.tensordot([1, 2], [3, 4], -1)).toThrow("'axes' must be at least 0.");
    expect(() => tf.tensordot([1, 2], [3, 4], [[0], [0], [0]])).toThrow("'axes' must be an integer or have length 2.");
    expect(() => tf.tensordot([[1, 2]], [[3, 4]], [[0, 1], [0]])).toThrow("Different number of contraction axes 'a' and 'b', 2 != 1.");
  });
});

describe("einsum (TF 1.15's _einsum_v1)", () => {
  it("computes the docstring's cases: matmul, dot, outer, transpose, batch matmul", () => {
    const tf = fresh();
    const m0 = tf.constant([[f(1), f(2)], [f(3), f(4)]]);
    const m1 = tf.constant([[f(5), f(6)], [f(7), f(8)]]);
    const u = tf.constant([f(1), f(2)]);
    const v = tf.constant([f(3), f(4)]);
    const s = tf.constant([[[f(1), f(2)]], [[f(3), f(4)]]]);
    const t = tf.constant([[[f(1)], [f(2)]], [[f(3)], [f(4)]]]);
    expect(value(tf, [tf.einsum("ij,jk->ik", m0, m1), tf.einsum("i,i->", u, v), tf.einsum("i,j->ij", u, v), tf.einsum("ij->ji", m0), tf.einsum("aij,ajk->aik", s, t)])).toEqual([
      [
        [19, 22],
        [43, 50],
      ],
      11,
      [
        [3, 4],
        [6, 8],
      ],
      [
        [1, 3],
        [2, 4],
      ],
      [[[5]], [[25]]],
    ]);
  });

  it("builds one MatMul (BatchMatMul for batches) in scope einsum", () => {
    const tf = fresh();
    const a = tf.placeholder(tf.float32, [2, 3]);
    const b = tf.placeholder(tf.float32, [3, 4]);
    const c = tf.einsum("ij,jk->ik", a, b, { name: "prod" });
    expect(c.name).toBe("prod/MatMul:0");
    expect(String(c.shape)).toBe("(2, 4)");
  });

  it("infers the output without '->' and sums a label used once per input", () => {
    const tf = fresh();
    expect(value(tf, tf.einsum("ij,jk", tf.constant([[1, 2]]), tf.constant([[3], [4]])))).toEqual([[11]]);
    expect(value(tf, tf.einsum("ij->", tf.constant([[1, 2], [3, 4]])))).toBe(10);
    expect(value(tf, tf.einsum("...ij,...jk->...ik", tf.ones([2, 1, 2]), tf.ones([2, 2, 1])))).toEqual([[[2]], [[2]]]);
  });

  it("refuses equations TF refuses", () => {
    const tf = fresh();
    const m = tf.ones([2, 2]);
    expect(() => tf.einsum("ij,jk->ik", m)).toThrow('Got 1 arguments for equation "ij,jk->ik", expecting 2');
    expect(() => tf.einsum("ij-jk", m, m)).toThrow("Indices have incorrect format: ij-jk");
    expect(() => tf.einsum("iij->j", tf.ones([2, 2, 2]))).toThrow("Subscript not supported: an axis appears more than once: iij");
    expect(() => tf.einsum("ij,jk->ik", m, m, { nam: "x" })).toThrow("invalid keyword arguments for this function: nam");
  });
});

describe("l2_normalize, batch_normalization and embedding_lookup", () => {
  it("l2_normalize is x * rsqrt(max(sum(x²), epsilon)) named l2_normalize", () => {
    const tf = fresh();
    const u = tf.nn.l2_normalize(tf.constant([[f(3), f(4)], [f(0), f(0)]]), 1);
    expect(u.name).toBe("l2_normalize:0");
    const [[a, b], zeros] = value(tf, u) as number[][];
    expect(a).toBeCloseTo(0.6, 6);
    expect(b).toBeCloseTo(0.8, 6);
    expect(zeros).toEqual([0, 0]);
    expect(tf.math.l2_normalize).toBe(tf.nn.l2_normalize);
  });

  it("batch_normalization builds TF's arithmetic under batchnorm/", () => {
    const tf = fresh();
    const x = tf.constant([[f(1), f(2)], [f(3), f(6)]]);
    const [mean, variance] = tf.nn.moments(x, [0]);
    const from = tf.get_default_graph().get_operations().length;
    const y = tf.nn.batch_normalization(x, mean, variance, f(0.5), f(2), f(0));
    expect(added(tf, from).map((s) => s.split(":")[0])).toEqual([
      "batchnorm/add/y",
      "batchnorm/add",
      "batchnorm/Rsqrt",
      "batchnorm/mul/y",
      "batchnorm/mul",
      "batchnorm/mul_1",
      "batchnorm/mul_2",
      "batchnorm/sub/x",
      "batchnorm/sub",
      "batchnorm/add_1",
    ]);
    const out = (value(tf, y) as number[][]).flat();
    [-1.5, -1.5, 2.5, 2.5].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 5));
  });

  it("embedding_lookup gathers rows as a GatherV2 named embedding_lookup, then an Identity", () => {
    const tf = fresh();
    const params = tf.Variable([[f(1), f(2)], [f(3), f(4)], [f(5), f(6)]], { name: "emb" });
    const e = tf.nn.embedding_lookup(params, [2, 0]);
    expect(e.name).toBe("embedding_lookup/Identity:0");
    expect(e.op.inputs[0].name).toBe("embedding_lookup:0");
    expect(e.op.inputs[0].op.inputs[0].name).toBe("emb/read:0");
    expect(value(tf, e)).toEqual([
      [5, 6],
      [1, 2],
    ]);
  });

  it("embedding_lookup clips each row to max_norm", () => {
    const tf = fresh();
    const e = tf.nn.embedding_lookup(tf.constant([[f(3), f(4)], [f(0.3), f(0.4)]]), [0, 1], { max_norm: f(1) });
    const rows = value(tf, e) as number[][];
    expect(rows.flat().map((x) => Math.round(x * 1e6) / 1e6)).toEqual([0.6, 0.8, 0.3, 0.4]);
  });
});

describe("tf.metrics.accuracy", () => {
  it("builds TF's local variables and ops under accuracy/", () => {
    const tf = fresh();
    const [acc, op] = tf.metrics.accuracy([1, 2, 3], [1, 0, 3]);
    expect([acc.name, op.name]).toEqual(["accuracy/value:0", "accuracy/update_op:0"]);
    expect(tf.local_variables().map((v) => v.name)).toEqual(["accuracy/total:0", "accuracy/count:0"]);
    expect(tf.get_collection("metric_variables").length).toBe(2);
    expect(tf.trainable_variables()).toEqual([]);
    expect(added(tf).filter((s) => s.startsWith("accuracy/"))).toEqual([
      "accuracy/total/Initializer/zeros:Const",
      "accuracy/total:VariableV2",
      "accuracy/total/Assign:Assign",
      "accuracy/total/read:Identity",
      "accuracy/count/Initializer/zeros:Const",
      "accuracy/count:VariableV2",
      "accuracy/count/Assign:Assign",
      "accuracy/count/read:Identity",
      "accuracy/Size:Const",
      "accuracy/Cast:Cast",
      "accuracy/Const:Const",
      "accuracy/Sum:Sum",
      "accuracy/AssignAdd:AssignAdd",
      "accuracy/AssignAdd_1:AssignAdd",
      "accuracy/Maximum/y:Const",
      "accuracy/Maximum:Maximum",
      "accuracy/value:DivNoNan",
      "accuracy/Maximum_1/y:Const",
      "accuracy/Maximum_1:Maximum",
      "accuracy/update_op:DivNoNan",
    ]);
  });

  it("accumulates batches; a second metric gets accuracy_1/; weights count each example", () => {
    const tf = fresh();
    const labels = tf.placeholder(tf.int32, [null]);
    const preds = tf.placeholder(tf.int32, [null]);
    const [acc, op] = tf.metrics.accuracy(labels, preds);
    const [, op2] = tf.metrics.accuracy([1, 1], [1, 0], { weights: [f(3), f(1)] });
    expect(op2.name).toBe("accuracy_1/update_op:0");
    const sess = tf.Session();
    sess.run(tf.local_variables_initializer());
    const feed = (l: number[], p: number[]) => ({ feed_dict: new Map<Tensor, unknown>([[labels, l], [preds, p]]) });
    expect(plain(sess.run(op, feed([1, 2], [1, 2])))).toBe(1);
    expect(plain(sess.run(op, feed([1, 2], [0, 0])))).toBe(0.5);
    expect(plain(sess.run(acc))).toBe(0.5);
    expect(plain(sess.run(op2))).toBe(0.75);
  });

  it("squeezes a trailing size-1 dimension of predictions, and refuses incompatible shapes", () => {
    const tf = fresh();
    const [, op] = tf.metrics.accuracy([1, 2], [[1], [0]]);
    const sess = tf.Session();
    sess.run(tf.local_variables_initializer());
    expect(plain(sess.run(op))).toBe(0.5);
    expect(() => tf.metrics.accuracy([1, 2, 3], [1, 2])).toThrow("Shapes (2,) and (3,) are incompatible");
  });
});
