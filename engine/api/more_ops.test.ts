/**
 * The builders TF 1.15 writes in Python for split, sequence_mask, eye, trace, norm,
 * reduce_logsumexp, reduce_std and meshgrid: the nodes they add (names and types in TF's
 * order), static shapes, values against numpy's, and TF's errors.
 */
import { describe, expect, it } from "vitest";
import { createTF } from "../tf.js";
import type { Tensor } from "../graph.js";
import { NDArray } from "../ndarray.js";
import { PyFloat } from "../pyfloat.js";

const fresh = () => createTF({ seedSource: () => 7 });
const f = (x: number) => new PyFloat(x);

function value(tf: ReturnType<typeof fresh>, t: Tensor): unknown {
  const v = tf.Session().run(t);
  return v instanceof NDArray ? v.toArray() : Number(v);
}

/** The ops added since `from` as `name:Type`. */
function added(tf: ReturnType<typeof fresh>, from = 0): string[] {
  return tf
    .get_default_graph()
    .get_operations()
    .slice(from)
    .map((o) => `${o.name}:${o.type}`);
}

describe("tf.split", () => {
  it("builds Split for a count and SplitV for sizes, after TF's Const of the argument", () => {
    const tf = fresh();
    const x = tf.placeholder(tf.float32, [4, 6]);
    const parts = tf.split(x, 3, 1);
    expect(parts.map((p) => p.shape.toString())).toEqual(["(4, 2)", "(4, 2)", "(4, 2)"]);
    const sized = tf.split(x, [1, -1], 0);
    expect(sized.map((p) => p.shape.toString())).toEqual(["(1, 6)", "(3, 6)"]);
    expect(added(tf, 1)).toEqual(["Const:Const", "split/split_dim:Const", "split:Split", "Const_1:Const", "split_1/split_dim:Const", "split_1:SplitV"]);
  });

  it("refuses a scalar of sizes and sizes that do not add up, in TF's words", () => {
    const tf = fresh();
    const x = tf.zeros([4, 6]);
    expect(() => tf.split(x, tf.constant(2))).toThrow("Rank-0 tensors are not supported as the num_or_size_splits argument to split.");
    expect(() => tf.split(x, [1, 2], 0)).toThrow("can't split axis of size 4 into pieces of size [1,2]");
    expect(() => tf.split(x, [-1, -1], 0)).toThrow("size_splits can only have one -1");
    expect(() => tf.split(x, 2, 2)).toThrow("Dimension size, given by scalar input 2 must be in range [-2, 2)");
    expect(() => tf.split(x, 0)).toThrow("Attr 'num_split' of 'Split' Op passed 0 less than minimum 1.");
  });

  it("checks at run time what the graph could not know", () => {
    const tf = fresh();
    const x = tf.placeholder(tf.float32, [null]);
    const [a] = tf.split(x, 2);
    expect(() => tf.Session().run(a, { feed_dict: new Map([[x, [1, 2, 3]]]) })).toThrow(
      /^Number of ways to split should evenly divide the split dimension, but got split_dim 0 \(size = 3\) and num_split 2/,
    );
  });
});

describe("tf.sequence_mask", () => {
  it("compares a Range with the lengths as a column, under SequenceMask/", () => {
    const tf = fresh();
    const m = tf.sequence_mask([1, 3, 2], 5);
    expect(m.shape.toString()).toBe("(3, 5)");
    expect(added(tf)).toEqual([
      "SequenceMask/Const:Const",
      "SequenceMask/Const_1:Const",
      "SequenceMask/Const_2:Const",
      "SequenceMask/Const_3:Const",
      "SequenceMask/Range:Range",
      "SequenceMask/ExpandDims/dim:Const",
      "SequenceMask/ExpandDims:ExpandDims",
      "SequenceMask/Less:Less",
    ]);
    expect(value(tf, m)).toEqual([
      [true, false, false, false, false],
      [true, true, true, false, false],
      [true, true, false, false, false],
    ]);
  });

  it("takes the longest length as maxlen when none is given, and casts to the dtype asked", () => {
    const tf = fresh();
    const m = tf.sequence_mask([2, 0, 1], null, tf.float32);
    expect(m.dtype.name).toBe("float32");
    expect(value(tf, m)).toEqual([
      [1, 1],
      [0, 0],
      [1, 0],
    ]);
    expect(() => tf.sequence_mask([1, 2], [3, 4])).toThrow("maxlen must be scalar for sequence_mask");
  });
});

describe("tf.eye and tf.linalg.trace", () => {
  it("eye is a MatrixDiag of ones named eye/diag, or a MatrixSetDiag on zeros when not square", () => {
    const tf = fresh();
    const sq = tf.eye(3);
    expect(sq.name).toBe("eye/diag:0");
    const wide = tf.eye(2, { num_columns: 3, dtype: tf.int32 });
    expect(wide.op.type).toBe("MatrixSetDiag");
    expect(value(tf, wide)).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(tf.eye(2, { batch_shape: [4] }).shape.toString()).toBe("(4, 2, 2)");
  });

  it("trace sums the diagonal part over the last axis in scope Trace", () => {
    const tf = fresh();
    const t = tf.linalg.trace([
      [1, 2],
      [3, 4],
    ]);
    expect(t.name).toBe("Trace:0");
    expect(t.op.inputs[0].op.type).toBe("MatrixDiagPart");
    expect(value(tf, t)).toBe(5);
  });

  it("MatrixBandPart refuses a band wider than the matrix at run time", () => {
    const tf = fresh();
    expect(() => value(tf, tf.linalg.band_part(tf.ones([2, 2]), 3, 0))).toThrow(/^num_lower must be negative or less or equal to number of rows \(2\) got: 3/);
  });
});

describe("tf.norm", () => {
  it("the euclidean norm is sqrt(sum(x * x)) squeezed, under norm/", () => {
    const tf = fresh();
    const n = tf.norm([f(3), f(4)]);
    expect(added(tf)).toEqual(["norm/Const:Const", "norm/mul:Mul", "norm/Const_1:Const", "norm/Sum:Sum", "norm/Sqrt:Sqrt", "norm/Squeeze:Squeeze"]);
    expect(value(tf, n)).toBe(5);
  });

  it("refuses unsupported orders and axes in TF's words", () => {
    const tf = fresh();
    const m = tf.ones([2, 2]);
    expect(() => tf.norm(m, { ord: -1 })).toThrow("'ord' must be a supported vector norm, got -1");
    expect(() => tf.norm(m, { ord: f(1.5), axis: [0, 1] })).toThrow("'ord' must be a supported matrix norm in ['euclidean', 'fro', 1, 2, inf], got 1.5");
    expect(() => tf.norm(m, { axis: [1, 1] })).toThrow("'axis' must be None, an integer, or a tuple of 2 unique integers");
  });
});

describe("reduce_logsumexp, reduce_variance, reduce_std", () => {
  it("logsumexp takes the finite maximum out first, so large inputs do not overflow (static shapes fold zeros_like and shape to Consts, as TF's optimize does)", () => {
    const tf = fresh();
    const r = tf.reduce_logsumexp([f(1000), f(1000)]);
    expect(r.name).toBe("ReduceLogSumExp:0");
    expect(added(tf).map((s) => s.split(":")[1])).toEqual([
      "Const",
      "Const",
      "Max",
      "IsFinite",
      "Const",
      "Select",
      "StopGradient",
      "Sub",
      "Exp",
      "Const",
      "Sum",
      "Log",
      "Const",
      "Reshape",
      "Add",
    ]);
    expect(value(tf, r)).toBeCloseTo(1000 + Math.log(2), 3);
  });

  it("the gradient of logsumexp is the softmax of the input", () => {
    const tf = fresh();
    const x = tf.constant([f(1), f(2), f(3)]);
    const [g] = tf.gradients(tf.reduce_logsumexp(x), [x]);
    const e = [1, 2, 3].map((v) => Math.exp(v));
    const s = e.reduce((a, b) => a + b);
    (value(tf, g as Tensor) as number[]).forEach((v, i) => expect(v).toBeCloseTo(e[i] / s, 6));
  });

  it("variance and std are built under their own scopes from reduce_mean", () => {
    const tf = fresh();
    const s = tf.math.reduce_std([
      [f(1), f(2)],
      [f(3), f(4)],
    ]);
    expect(s.name).toBe("reduce_std/Sqrt:0");
    expect(s.op.inputs[0].name).toBe("reduce_std/reduce_variance/Mean_1:0");
    expect(value(tf, s)).toBeCloseTo(Math.sqrt(1.25), 6);
    expect((tf as unknown as Record<string, unknown>).reduce_std).toBeUndefined();
  });
});

describe("tf.meshgrid", () => {
  it("builds reshaped stacks times a Fill of ones, with static shapes from the sizes", () => {
    const tf = fresh();
    const [X, Y, Z] = tf.meshgrid([1, 2], [3, 4, 5], [6, 7, 8, 9]);
    expect([X.shape.toString(), Y.shape.toString(), Z.shape.toString()]).toEqual(["(3, 2, 4)", "(3, 2, 4)", "(3, 2, 4)"]);
    expect(X.name).toBe("meshgrid/mul:0");
    expect(() => tf.meshgrid([1], [2], { sparse: true })).toThrow("'sparse' is an invalid keyword argument for this function");
    expect(() => tf.meshgrid([1], [2], { indexing: "xx" })).toThrow("indexing parameter must be either 'xy' or 'ij'");
    expect(() => tf.meshgrid()).toThrow("tuple index out of range");
  });
});

describe("tf.dynamic_partition", () => {
  it("scatters the output gradients back to the rows they came from", () => {
    const tf = fresh();
    const x = tf.constant([f(1), f(2), f(3), f(4)]);
    const [a, b] = tf.dynamic_partition(x, [1, 0, 1, 0], 2);
    const loss = tf.add(tf.reduce_sum(a), tf.reduce_sum(tf.multiply(b, f(3))));
    const [g] = tf.gradients(loss, [x]);
    expect(value(tf, g as Tensor)).toEqual([3, 1, 3, 1]);
  });
});

describe("int64 in the new ops", () => {
  it("count_nonzero counts in int64 by default and casts to the dtype asked", () => {
    const tf = fresh();
    const n = tf.math.count_nonzero([
      [0, 1, 0],
      [1, 1, 0],
    ]);
    expect(n.dtype.name).toBe("int64");
    expect(added(tf).map((s) => s.split(":")[1])).toEqual(["Const", "Const", "NotEqual", "Cast", "Const", "Sum"]);
    expect(value(tf, n)).toBe(3);
    expect(tf.count_nonzero([f(0), f(0.5)], { dtype: tf.int32 }).dtype.name).toBe("int32");
  });

  it("scatters and segments int64 values beyond int32 without wrapping", () => {
    const tf = fresh();
    const big = 2 ** 40;
    const t = tf.tensor_scatter_nd_add(tf.zeros([3], tf.int64), [[1]], tf.constant([big, big].slice(0, 1), tf.int64));
    expect(value(tf, t)).toEqual([0, big, 0]);
    const m = tf.unsorted_segment_max(tf.constant([big, 1, -big], tf.int64), [0, 0, 1], 3);
    expect(value(tf, m)).toEqual([big, -big, -(2 ** 63)]);
    const s = tf.unsorted_segment_sum(tf.constant([big, 1, -big], tf.int64), [0, 0, 1], 3);
    expect(value(tf, s)).toEqual([big + 1, -big, 0]);
  });

  it("unsorted_segment_sum names the multi-dimensional position of an out-of-range id, as TF's SliceDebugString does", () => {
    const tf = fresh();
    const s = tf.unsorted_segment_sum(tf.ones([2, 2]), [[0, 1], [5, 0]], 3);
    expect(() => tf.Session().run(s)).toThrow("segment_ids[1,0] = 5 is out of range [0, 3)");
  });

  it("band_part converts its Python ints to int64, TF's Tindex default", () => {
    const tf = fresh();
    const b = tf.linalg.band_part(tf.ones([2, 2]), 0, -1);
    expect(b.op.inputs[1].dtype.name).toBe("int64");
  });
});
