/**
 * Python's `tensor[...]` on graph tensors and variables: `t[i]`, `t[-1]`, `t[i][j]` build TF's
 * StridedSlice (`strided_slice`, `strided_slice_1`, ...), with TF's errors for a bad index,
 * an index out of range (at graph construction when the shape is known, at run time when
 * not) and item assignment.
 */
import { describe, expect, it } from "vitest";
import { createTF } from "../tf.js";
import type { Tensor } from "../graph.js";
import { plain } from "../testing/plain.js";

const fresh = () => createTF({ seedSource: () => 7 });

function value(tf: ReturnType<typeof fresh>, t: Tensor | Tensor[], feeds?: Map<Tensor, unknown>): unknown {
  const v = tf.Session().run(t, feeds ? { feed_dict: feeds } : undefined);
  const js = plain;
  return Array.isArray(v) ? v.map(js) : js(v);
}

const M = [
  [1, 2, 3],
  [4, 5, 6],
];

describe("t[i] on a tensor", () => {
  it("builds one StridedSlice named strided_slice that drops the first axis", () => {
    const tf = fresh();
    const t = tf.constant(M);
    const row = t[1];
    expect(String(row)).toBe('Tensor("strided_slice:0", shape=(3,), dtype=int32)');
    expect(row.op.type).toBe("StridedSlice");
    expect(row.op.get_attr("shrink_axis_mask")).toBe(1);
    expect(row.op.inputs.map((x) => x.op.name)).toEqual(["Const", "strided_slice/stack", "strided_slice/stack_1", "strided_slice/stack_2"]);
    expect(value(tf, row)).toEqual([4, 5, 6]);
  });

  it("counts a negative index from the end, and nests t[i][j]", () => {
    const tf = fresh();
    const t = tf.constant(M);
    expect(value(tf, [t[-1], t[0][2], t[-1][-3]])).toEqual([[4, 5, 6], 3, 4]);
    expect(t[1][0].name).toBe("strided_slice_6:0");
  });

  it("indexes a variable through its value (v/read)", () => {
    const tf = fresh();
    const v = tf.Variable([1.5, 2.5, 3.5], { name: "v" });
    const last = v[-1];
    expect(last.op.inputs[0].name).toBe("v/read:0");
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    expect(plain(sess.run(last))).toBe(3.5);
  });

  it("refuses an index out of range when building, with TF's shape-inference ValueError", () => {
    const tf = fresh();
    const t = tf.constant([1, 2, 3]);
    expect(() => t[5]).toThrow(
      "slice index 5 of dimension 0 out of bounds. for 'strided_slice' (op: 'StridedSlice') with input shapes: [3], [1], [1], [1] and with computed input tensors: input[1] = <5>, input[2] = <6>, input[3] = <1>.",
    );
  });

  it("fails at run time when the shape is only known then, in TF's words", () => {
    const tf = fresh();
    const x = tf.placeholder(tf.int32, [null]);
    const y = x[5];
    expect(() => value(tf, y, new Map([[x, [1, 2, 3]]]))).toThrow(/^slice index 5 of dimension 0 out of bounds\.\n\t \[\[node strided_slice /);
  });

  it("refuses a float index and item assignment with TF's TypeErrors", () => {
    const tf = fresh();
    const t = tf.constant(M) as Tensor & Record<string, unknown>;
    expect(() => t["1.5"]).toThrow(
      "Only integers, slices (`:`), ellipsis (`...`), tf.newaxis (`None`) and scalar tf.int32/tf.int64 tensors are valid indices, got 1.5",
    );
    expect(() => {
      (t as unknown as Tensor[])[0] = t;
    }).toThrow("'Tensor' object does not support item assignment");
  });

  it("leaves every other property alone: names, methods, missing keys", () => {
    const tf = fresh();
    const t = tf.constant(M) as Tensor & Record<string, unknown>;
    expect(t.name).toBe("Const:0");
    expect(t.then).toBeUndefined();
    expect(t.foo).toBeUndefined();
    expect(tf.get_default_graph().get_operations()).toHaveLength(1);
  });
});

describe("__getitem__ and slice", () => {
  it("takes Python's slices, newaxis and Ellipsis as TF's _slice_helper does", () => {
    const tf = fresh();
    const t = tf.constant(M);
    expect(value(tf, t.__getitem__([{ start: null }, 1]))).toEqual([2, 5]);
    expect(value(tf, t.__getitem__(["...", -1]))).toEqual([3, 6]);
    expect(value(tf, t.__getitem__([null, 0]))).toEqual([[1, 2, 3]]);
    expect(value(tf, t.__getitem__([{ start: 1, stop: null }, { start: null, stop: null, step: -1 }]))).toEqual([[6, 5, 4]]);
  });

  it("slices the first axis like a JS array's slice", () => {
    const tf = fresh();
    const v = tf.constant([1, 2, 3, 4]);
    expect(value(tf, [v.slice(1, 3), v.slice(2), v.slice(null, null, 2), v.slice(-2)])).toEqual([[2, 3], [3, 4], [1, 3], [3, 4]]);
  });

  it("takes a scalar int tensor as an index and refuses a vector one", () => {
    const tf = fresh();
    const t = tf.constant(M);
    const i = tf.constant(1);
    expect(value(tf, t.__getitem__(i))).toEqual([4, 5, 6]);
    expect(() => t.__getitem__([tf.constant([0, 1])])).toThrow(/valid indices, got <tf.Tensor 'Const_2:0' shape=\(2,\) dtype=int32>$/);
  });
});
