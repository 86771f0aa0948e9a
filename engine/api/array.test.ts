import { describe, expect, it } from "vitest";
import { createTF } from "../tf.js";
import type { Tensor } from "../graph.js";
import { NDArray } from "../ndarray.js";
import { PyFloat } from "../pyfloat.js";
import { plain } from "../testing/plain.js";

// ---- factories ----

const fresh = () => createTF({ seedSource: () => 7 });

/** Runs `t` in a new session and returns nested JS values. */
function value(tf: ReturnType<typeof fresh>, t: Tensor | Tensor[]): unknown {
  const v = tf.Session().run(t);
  const js = (x: unknown) => (x instanceof NDArray ? x.toArray() : x);
  return Array.isArray(v) ? v.map(js) : js(v);
}

/** The ops of the default graph as `name:type`. */
const nodes = (tf: ReturnType<typeof fresh>) =>
  tf
    .get_default_graph()
    .get_operations()
    .map((o) => `${o.name}:${o.type}`);

/** The 3×2×3 tensor of TF's tf.slice / tf.strided_slice docs. */
const T3 = [
  [[1, 1, 1], [2, 2, 2]],
  [[3, 3, 3], [4, 4, 4]],
  [[5, 5, 5], [6, 6, 6]],
];

describe("zeros and ones", () => {
  it("builds one Const named zeros below 1000 elements", () => {
    const tf = fresh();
    const z = tf.zeros([2, 3], tf.int32);
    expect(nodes(tf)).toEqual(["zeros:Const"]);
    expect(value(tf, z)).toEqual([[0, 0, 0], [0, 0, 0]]);
  });

  it("builds shape_as_tensor, Const and a Fill named zeros from 1000 elements on", () => {
    const tf = fresh();
    const z = tf.zeros([10, 100]);
    expect(nodes(tf)).toEqual(["zeros/shape_as_tensor:Const", "zeros/Const:Const", "zeros:Fill"]);
    expect(String(z)).toBe('Tensor("zeros:0", shape=(10, 100), dtype=float32)');
  });

  it("fills from a shape tensor", () => {
    const tf = fresh();
    const x = tf.placeholder(tf.float32, [null, 2]);
    const o = tf.ones(tf.shape(x));
    expect(o.op.type).toBe("Fill");
    expect(plain(tf.Session().run(o, { [x as never]: [[1, 2], [3, 4]] }))).toEqual(plain(tf.Session().run(tf.ones([2, 2]))));
  });

  it("makes ones_like a Fill named ones_like with the input's static shape", () => {
    const tf = fresh();
    const x = tf.placeholder(tf.float32, [null, 3]);
    const o = tf.ones_like(x);
    expect(nodes(tf).slice(1)).toEqual(["ones_like/Shape:Shape", "ones_like/Const:Const", "ones_like:Fill"]);
    expect(String(o.shape)).toBe("(?, 3)");
  });

  it("makes bool ones true", () => {
    const tf = fresh();
    expect(value(tf, tf.ones([2], tf.bool))).toEqual([true, true]);
  });
});

describe("transpose", () => {
  // TF docs: tf.transpose([[1, 2, 3], [4, 5, 6]]) is [[1, 4], [2, 5], [3, 6]].
  it("reverses the dimensions by default, with a Const perm", () => {
    const tf = fresh();
    const x = tf.constant([[1, 2, 3], [4, 5, 6]]);
    const t = tf.transpose(x);
    expect(value(tf, t)).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(nodes(tf)).toEqual(["Const:Const", "transpose/perm:Const", "transpose:Transpose"]);
  });

  // TF docs: perm [0, 2, 1] transposes the matrices of a batch.
  it("follows perm", () => {
    const tf = fresh();
    const x = tf.constant([[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]]);
    expect(value(tf, tf.transpose(x, [0, 2, 1]))).toEqual([[[1, 4], [2, 5], [3, 6]], [[7, 10], [8, 11], [9, 12]]]);
  });

  it("computes the reversed perm in the graph when the rank is unknown", () => {
    const tf = fresh();
    const x = tf.placeholder(tf.float32);
    const t = tf.transpose(x);
    expect(nodes(tf).slice(1)).toEqual([
      "transpose/Rank:Rank",
      "transpose/sub/y:Const",
      "transpose/sub:Sub",
      "transpose/Range/start:Const",
      "transpose/Range/delta:Const",
      "transpose/Range:Range",
      "transpose/sub_1:Sub",
      "transpose:Transpose",
    ]);
    expect(plain(tf.Session().run(t, { [x as never]: [[1, 2]] })!.toString())).toBe("[[1.]\n [2.]]");
  });

  it("rejects a perm that is not a permutation at run time", () => {
    const tf = fresh();
    const p = tf.placeholder(tf.int32, [2]);
    const t = tf.transpose(tf.constant([[1, 2]]), p);
    expect(() => tf.Session().run(t, { [p as never]: [0, 0] })).toThrow("1 is missing from {0,0}.");
  });
});

describe("concat and stack", () => {
  const t1 = [[1, 2, 3], [4, 5, 6]];
  const t2 = [[7, 8, 9], [10, 11, 12]];

  // TF docs of tf.concat.
  it("joins along axis 0 and axis 1 as documented", () => {
    const tf = fresh();
    expect(value(tf, tf.concat([t1, t2], 0))).toEqual([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]);
    expect(value(tf, tf.concat([t1, t2], 1))).toEqual([[1, 2, 3, 7, 8, 9], [4, 5, 6, 10, 11, 12]]);
  });

  it("joins along a negative axis as documented", () => {
    const tf = fresh();
    const a = [[[1, 2], [2, 3]], [[4, 4], [5, 3]]];
    const b = [[[7, 4], [8, 4]], [[2, 10], [15, 11]]];
    expect(value(tf, tf.concat([a, b], -1))).toEqual([[[1, 2, 7, 4], [2, 3, 8, 4]], [[4, 4, 2, 10], [5, 3, 15, 11]]]);
  });

  it("makes a single value an Identity in its scope, as TF's identity(values[0], name=name) inside name_scope(name) does", () => {
    const tf = fresh();
    const x = tf.placeholder(tf.float32);
    tf.concat([x], 0);
    expect(nodes(tf).slice(1)).toEqual(["concat/concat_dim:Const", "concat/concat:Identity"]);
  });

  it("raises TF's shape error with the computed axis", () => {
    const tf = fresh();
    expect(() => tf.concat([tf.zeros([2, 3]), tf.zeros([2, 4])], 0)).toThrow(
      "Dimension 0 in both shapes must be equal, but are 3 and 4. Shapes are [3] and [4]. for 'concat' (op: 'ConcatV2') with input shapes: [2,3], [2,4], [] and with computed input tensors: input[2] = <0>.",
    );
  });

  it("raises TF's kernel error when shapes only disagree at run time", () => {
    const tf = fresh();
    const a = tf.placeholder(tf.float32, [null, null]);
    const c = tf.concat([a, tf.zeros([1, 2])], 0);
    expect(() => tf.Session().run(c, { [a as never]: [[1, 2, 3]] })).toThrow(
      "ConcatOp : Dimensions of inputs should match: shape[0] = [1,3] vs. shape[1] = [1,2]",
    );
  });

  // TF docs of tf.stack: x = [1, 4], y = [2, 5], z = [3, 6].
  it("stacks along axis 0 and 1 as documented", () => {
    const tf = fresh();
    const [x, y, z] = [tf.constant([1, 4]), tf.constant([2, 5]), tf.constant([3, 6])];
    expect(value(tf, tf.stack([x, y, z]))).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(value(tf, tf.stack([x, y, z], 1))).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it("turns a list of numbers into one Const named stack", () => {
    const tf = fresh();
    tf.stack([1, 2, 3]);
    expect(nodes(tf)).toEqual(["stack:Const"]);
  });

  // As in TF, stack first tries autopacking (scope `stack`), which fails the same way, then Pack
  // in scope `stack_1`.
  it("raises TF's merge error for stacking different shapes", () => {
    const tf = fresh();
    expect(() => tf.stack([tf.zeros([2]), tf.zeros([3])])).toThrow(
      "Dimension 0 in both shapes must be equal, but are 2 and 3. Shapes are [2] and [3].\n\tFrom merging shape 0 with other shapes. for 'stack_1' (op: 'Pack') with input shapes: [2], [3].",
    );
  });

  it("rejects an out-of-range axis in Python, as TF's stack does", () => {
    const tf = fresh();
    expect(() => tf.stack([tf.zeros([2]), tf.zeros([2])], 2)).toThrow("axis = 2 not in [-2, 2)");
  });

  it("unstacks into num tensors inferred from the shape", () => {
    const tf = fresh();
    const parts = tf.unstack(tf.constant([[1, 2], [3, 4], [5, 6]]), { axis: 1 });
    expect(parts.map((p) => p.name)).toEqual(["unstack:0", "unstack:1"]);
    expect(value(tf, parts)).toEqual([[1, 3, 5], [2, 4, 6]]);
  });

  it("cannot unstack an unknown dimension without num", () => {
    const tf = fresh();
    expect(() => tf.unstack(tf.placeholder(tf.float32, [null, 2]))).toThrow("Cannot infer num from shape (?, 2)");
  });
});

describe("expand_dims and squeeze", () => {
  // TF docs: 't2' of shape [2, 3, 5] → expand_dims(t2, 2) has shape [2, 3, 1, 5].
  it("inserts a dimension at axis (or at dim, TF 1.x's old name)", () => {
    const tf = fresh();
    const t2 = tf.zeros([2, 3, 5]);
    expect(String(tf.expand_dims(t2, 2).shape)).toBe("(2, 3, 1, 5)");
    expect(String(tf.expand_dims(t2, { dim: -1 }).shape)).toBe("(2, 3, 5, 1)");
    expect(() => tf.expand_dims(t2, { axis: 0, dim: 0 })).toThrow("Cannot specify both 'dim' and 'axis'");
    expect(() => tf.expand_dims(t2)).toThrow("Must specify an axis argument to tf.expand_dims()");
  });

  it("raises TF's shape error for an axis out of range", () => {
    const tf = fresh();
    expect(() => tf.expand_dims(tf.zeros([2]), 3)).toThrow(
      "dim 3 not in the interval [-2, 1]. for 'ExpandDims' (op: 'ExpandDims') with input shapes: [2], [] and with computed input tensors: input[1] = <3>.",
    );
  });

  // TF docs: 't' of shape [1, 2, 1, 3, 1, 1]: squeeze → [2, 3]; squeeze(t, [2, 4]) → [1, 2, 3, 1].
  it("removes all size-1 dimensions, or the listed ones", () => {
    const tf = fresh();
    const t = tf.zeros([1, 2, 1, 3, 1, 1]);
    expect(String(tf.squeeze(t).shape)).toBe("(2, 3)");
    expect(String(tf.squeeze(t, [2, 4]).shape)).toBe("(1, 2, 3, 1)");
    expect(String(tf.squeeze(t, { squeeze_dims: 0 }).shape)).toBe("(2, 1, 3, 1, 1)");
  });

  it("refuses to squeeze a dimension that is not 1, in TF's words", () => {
    const tf = fresh();
    expect(() => tf.squeeze(tf.zeros([2, 1]), [0])).toThrow("Can not squeeze dim[0], expected a dimension of 1, got 2 for 'Squeeze' (op: 'Squeeze') with input shapes: [2,1].");
  });
});

describe("slice and strided_slice", () => {
  // TF docs of tf.slice.
  it("takes the documented blocks", () => {
    const tf = fresh();
    const t = tf.constant(T3);
    expect(value(tf, tf.slice(t, [1, 0, 0], [1, 1, 3]))).toEqual([[[3, 3, 3]]]);
    expect(value(tf, tf.slice(t, [1, 0, 0], [1, 2, 3]))).toEqual([[[3, 3, 3], [4, 4, 4]]]);
    expect(value(tf, tf.slice(t, [1, 0, 0], [2, 1, 3]))).toEqual([[[3, 3, 3]], [[5, 5, 5]]]);
  });

  it("reports TF's kernel error for a block outside the input", () => {
    const tf = fresh();
    const b = tf.placeholder(tf.int32, [1]);
    const s = tf.slice(tf.constant([1, 2, 3]), b, [2]);
    expect(() => tf.Session().run(s, { [b as never]: [2] })).toThrow("Expected size[0] in [0, 1], but got 2");
  });

  // TF docs of tf.strided_slice.
  it("takes the documented strided slices", () => {
    const tf = fresh();
    const t = tf.constant(T3);
    expect(value(tf, tf.strided_slice(t, [1, 0, 0], [2, 1, 3], [1, 1, 1]))).toEqual([[[3, 3, 3]]]);
    expect(value(tf, tf.strided_slice(t, [1, 0, 0], [2, 2, 3], [1, 1, 1]))).toEqual([[[3, 3, 3], [4, 4, 4]]]);
    expect(value(tf, tf.strided_slice(t, [1, -1, 0], [2, -3, 3], [1, -1, 1]))).toEqual([[[4, 4, 4], [3, 3, 3]]]);
  });

  it("builds strides as ones_like(begin) when none are given", () => {
    const tf = fresh();
    const s = tf.strided_slice([1, 2, 3, 4], [1], [3]);
    expect(value(tf, s)).toEqual([2, 3]);
    expect(nodes(tf)).toContain("ones_like:Fill");
  });

  it("reports an out-of-bounds index as TF's shape function does", () => {
    const tf = fresh();
    expect(() => tf.strided_slice(tf.zeros([3]), [5], [6], [1], { shrink_axis_mask: 1 })).toThrow(/^slice index 5 of dimension 0 out of bounds\. for 'StridedSlice'/);
  });
});

describe("pad, tile and broadcast_to", () => {
  // TF docs of tf.pad.
  it("pads with zeros, or with constant_values through PadV2", () => {
    const tf = fresh();
    const t = [[1, 2, 3], [4, 5, 6]];
    expect(value(tf, tf.pad(t, [[1, 1], [2, 2]]))).toEqual([
      [0, 0, 0, 0, 0, 0, 0],
      [0, 0, 1, 2, 3, 0, 0],
      [0, 0, 4, 5, 6, 0, 0],
      [0, 0, 0, 0, 0, 0, 0],
    ]);
    const p = tf.pad(t, [[0, 0], [1, 0]], { constant_values: 9 });
    expect(p.op.type).toBe("PadV2");
    expect(value(tf, p)).toEqual([[9, 1, 2, 3], [9, 4, 5, 6]]);
    expect(() => tf.pad(t, [[0, 0], [1, 0]], "WRAP")).toThrow("Unknown padding mode: WRAP");
  });

  it("tiles as TF's docs show", () => {
    const tf = fresh();
    expect(value(tf, tf.tile([[1, 2, 3], [4, 5, 6]], [1, 2]))).toEqual([[1, 2, 3, 1, 2, 3], [4, 5, 6, 4, 5, 6]]);
  });

  // TF docs: tf.broadcast_to([1, 2, 3], [3, 3]).
  it("broadcasts a row to a matrix", () => {
    const tf = fresh();
    expect(value(tf, tf.broadcast_to([1, 2, 3], [3, 3]))).toEqual([[1, 2, 3], [1, 2, 3], [1, 2, 3]]);
  });
});

describe("gather, one_hot and friends", () => {
  it("gathers rows and columns", () => {
    const tf = fresh();
    const p = tf.constant([[1, 2, 3], [4, 5, 6]]);
    expect(value(tf, tf.gather(p, [1, 0, 1]))).toEqual([[4, 5, 6], [1, 2, 3], [4, 5, 6]]);
    expect(value(tf, tf.gather(p, [[2], [0]], { axis: 1 }))).toEqual([[[3], [1]], [[6], [4]]]);
  });

  it("reports an index out of range as TF's kernel does", () => {
    const tf = fresh();
    const i = tf.placeholder(tf.int32, [2]);
    const g = tf.gather(tf.constant([1, 2, 3]), i);
    expect(() => tf.Session().run(g, { [i as never]: [0, 5] })).toThrow("indices[1] = 5 is not in [0, 3)");
  });

  // TF docs of tf.one_hot.
  it("encodes as documented, with the dtype of on_value", () => {
    const tf = fresh();
    expect(value(tf, tf.one_hot([0, 1, 2], 3))).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    const five = tf.one_hot([0, 2, -1, 1], 3, { on_value: new PyFloat(5), off_value: new PyFloat(0), axis: -1 });
    expect(five.dtype.name).toBe("float32");
    expect(value(tf, five)).toEqual([[5, 0, 0], [0, 0, 5], [0, 0, 0], [0, 5, 0]]);
    expect(value(tf, tf.one_hot([[0, 2], [1, -1]], 3, { axis: 0 }))).toEqual([[[1, 0], [0, 0]], [[0, 0], [1, 0]], [[0, 1], [0, 0]]]);
  });

  it("rejects on_value and off_value of different dtypes", () => {
    const tf = fresh();
    expect(() => tf.one_hot([0], 2, { on_value: 1, off_value: new PyFloat(0) })).toThrow(
      "dtype <dtype: 'int32'> of on_value does not match dtype <dtype: 'float32'> of off_value",
    );
  });

  // TF docs of tf.where (one argument), tf.invert_permutation, tf.setdiff1d, tf.unsorted_segment_sum.
  it("lists true coordinates, inverts permutations, diffs lists and sums segments as documented", () => {
    const tf = fresh();
    expect(value(tf, tf.where([[true, false], [true, false]]))).toEqual([[0, 0], [1, 0]]);
    expect(value(tf, tf.invert_permutation([3, 4, 0, 2, 1]))).toEqual([2, 4, 3, 0, 1]);
    expect(value(tf, tf.setdiff1d([1, 2, 3, 4, 5, 6], [1, 3, 5]))).toEqual([[2, 4, 6], [1, 3, 5]]);
    expect(value(tf, tf.unsorted_segment_sum([[1, 2, 3, 4], [5, 6, 7, 8], [4, 3, 2, 1]], [0, 1, 0], 2))).toEqual([
      [5, 5, 5, 5],
      [5, 6, 7, 8],
    ]);
  });

  it("selects elementwise or by rows with x and y", () => {
    const tf = fresh();
    expect(value(tf, tf.where([true, false, true], [1, 2, 3], [10, 20, 30]))).toEqual([1, 20, 3]);
    expect(value(tf, tf.where([false, true], [[1, 2], [3, 4]], [[5, 6], [7, 8]]))).toEqual([[5, 6], [3, 4]]);
    expect(() => tf.where([true], [1])).toThrow("x and y must both be non-None or both be None.");
  });
});

describe("range", () => {
  // TF docs of tf.range.
  it("counts as documented, inferring int32 or float32", () => {
    const tf = fresh();
    expect(value(tf, tf.range(3, 18, 3))).toEqual([3, 6, 9, 12, 15]);
    expect(value(tf, tf.range(3, 1, -0.5))).toEqual([3, 2.5, 2, 1.5]);
    expect(value(tf, tf.range(5))).toEqual([0, 1, 2, 3, 4]);
    expect(tf.range(3, 1, -0.5).dtype.name).toBe("float32");
  });

  it("builds start, limit, delta and the Range named range, casting to the widest dtype", () => {
    const tf = fresh();
    tf.range(0, new PyFloat(2));
    expect(nodes(tf)).toEqual(["range/start:Const", "range/limit:Const", "range/delta:Const", "range/Cast:Cast", "range/Cast_1:Cast", "range:Range"]);
  });
});

describe("size and rank", () => {
  it("are Consts when the shape is known and ops otherwise", () => {
    const tf = fresh();
    const known = tf.zeros([2, 3]);
    const x = tf.placeholder(tf.float32, [null, 3]);
    expect([tf.size(known).op.type, tf.rank(known).op.type, tf.size(x).op.type, tf.rank(tf.placeholder(tf.float32)).op.type]).toEqual([
      "Const",
      "Const",
      "Size",
      "Rank",
    ]);
    expect(plain(tf.Session().run(tf.size(x), { [x as never]: [[1, 2, 3], [4, 5, 6]] }))).toBe(6);
  });
});

describe("gradients of gather", () => {
  it("sums the gradient rows per gathered index, for axis 0 and axis 1", () => {
    const tf = fresh();
    const p = tf.placeholder(tf.float32, [3, 2]);
    const rows = tf.gather(p, [2, 0, 2]);
    const cols = tf.gather(p, [1, 1], { axis: 1 });
    const [gRows] = tf.gradients(rows, [p]);
    const [gCols] = tf.gradients(cols, [p]);
    const sess = tf.Session();
    const feed = { [p as never]: [[1, 2], [3, 4], [5, 6]] };
    expect(plain((sess.run(gRows as Tensor, feed) as NDArray).toArray())).toEqual([[1, 1], [0, 0], [2, 2]]);
    expect(plain((sess.run(gCols as Tensor, feed) as NDArray).toArray())).toEqual([[0, 2], [0, 2], [0, 2]]);
    expect((gRows as Tensor).op.type).toBe("UnsortedSegmentSum");
  });
});

describe("zeros with a partially known TensorShape", () => {
  it("raises TF's conversion error", () => {
    const tf = fresh();
    expect(() => tf.zeros(tf.TensorShape([null, 3]))).toThrow("Cannot convert a partially known TensorShape to a Tensor: (?, 3)");
  });
});
