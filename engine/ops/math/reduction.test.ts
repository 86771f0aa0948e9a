import { describe, expect, it } from "vitest";
import { evalSetup } from "../../testing/session.js";

const setup = evalSetup;

/** 1e8 and -1e8 cancel within one AVX lane; a sequential float32 sum would lose the ones beside 1e8. */
const CANCELLING = [1e8, 1, 1, 1, 1, 1, 1, 1, -1e8, 1, 1, 1, 1, 1, 1, 1];

describe("float32 summation order", () => {
  it("sums a contiguous run in 8 lanes, as TF's AVX kernel does", () => {
    const { tf, run } = setup();
    expect(run(tf.reduce_sum(tf.constant(CANCELLING, tf.float32)))).toBe(14);
    expect(run(tf.reduce_sum(tf.constant([CANCELLING, CANCELLING], tf.float32), 1))).toEqual([14, 14]);
  });

  it("sums down columns sequentially, as Eigen's preserved-inner-dim reduction does", () => {
    const { tf, run } = setup();
    const columns = CANCELLING.map((v) => [v, v]);
    expect(run(tf.reduce_sum(tf.constant(columns, tf.float32), 0))).toEqual([7, 7]);
    // A trailing dim of 1 joins the reduced run: the whole column is one contiguous run.
    const column = CANCELLING.map((v) => [v]);
    expect(run(tf.reduce_sum(tf.constant(column, tf.float32), 0))).toEqual([14]);
  });

  it("divides the float32 sum by the count for the mean", () => {
    const { tf, run } = setup();
    expect(run(tf.reduce_mean(tf.constant(CANCELLING, tf.float32)))).toBe(0.875);
  });
});

describe("reduction values", () => {
  it("truncates int32 means toward zero", () => {
    const { tf, run } = setup();
    expect(run(tf.reduce_mean(tf.constant([1, 2, 4])))).toBe(2);
    expect(run(tf.reduce_mean(tf.constant([-1, -2])))).toBe(-1);
  });

  it("wraps int32 sums and products", () => {
    const { tf, run } = setup();
    expect(run(tf.reduce_sum(tf.constant([2147483647, 1])))).toBe(-2147483648);
    expect(run(tf.reduce_prod(tf.constant([65536, 65536, 3])))).toBe(0);
  });

  it("gives each reduction's identity for an empty input", () => {
    const { tf, run } = setup();
    const empty = tf.zeros([0, 2]);
    expect(run(tf.reduce_sum(empty, 0))).toEqual([0, 0]);
    expect(run(tf.reduce_prod(empty, 0))).toEqual([1, 1]);
    expect(run(tf.reduce_max(empty, 0))).toEqual([-3.4028234663852886e38, -3.4028234663852886e38]);
    expect(run(tf.reduce_min(empty, 0))).toEqual([3.4028234663852886e38, 3.4028234663852886e38]);
    expect(run(tf.reduce_mean(empty, 0))).toEqual([NaN, NaN]);
  });

  it("reduces axis lists, negative axes and keeps dims", () => {
    const { tf, run } = setup();
    const x = tf.constant([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ]);
    expect(run(tf.reduce_sum(x, [0, 2]))).toEqual([14, 22]);
    expect(run(tf.reduce_sum(x, -1))).toEqual([
      [3, 7],
      [11, 15],
    ]);
    const kept = tf.reduce_max(x, { axis: [1], keepdims: true });
    expect(String(kept.shape)).toBe("(2, 1, 2)");
    expect(run(kept)).toEqual([[[3, 4]], [[7, 8]]]);
  });

  it("ands and ors bools", () => {
    const { tf, run } = setup();
    const b = tf.constant([
      [true, false],
      [true, true],
    ]);
    expect(run(tf.reduce_all(b, 1))).toEqual([false, true]);
    expect(run(tf.reduce_any(b, 0))).toEqual([true, true]);
    expect(run(tf.reduce_all(b))).toBe(false);
  });

  it("takes the first index on ties in argmax and argmin", () => {
    const { tf, run } = setup();
    const x = tf.constant([
      [1, 5, 5],
      [7, 2, 7],
    ]);
    expect(run(tf.argmax(x, 1))).toEqual([1, 0]);
    expect(run(tf.argmin(x, { dimension: 0 }))).toEqual([0, 1, 0]);
    expect(run(tf.argmax(tf.constant([3, 9, 2])))).toBe(1);
  });
});

describe("reduction arguments", () => {
  it("accepts TF 1.x's reduction_indices and keep_dims", () => {
    const { tf } = setup();
    const x = tf.constant([
      [1, 2],
      [3, 4],
    ]);
    expect(String(tf.reduce_sum(x, { reduction_indices: 1, keep_dims: true }).shape)).toBe("(2, 1)");
    expect(() => tf.reduce_sum(x, { axis: 0, reduction_indices: 1 })).toThrow("Cannot specify both 'reduction_indices' and 'axis'");
    expect(() => tf.reduce_sum(x, { keepdims: true, keep_dims: true })).toThrow("Cannot specify both 'keep_dims' and 'keepdims'");
  });

  it("reduces nothing for an empty axis list (an int32 list, as TF's Tidx default makes it)", () => {
    const { tf, run } = setup();
    const s = tf.reduce_sum(tf.constant([1, 2]), []);
    expect(s.op.inputs[1].dtype.name).toBe("int32");
    expect(run(s)).toEqual([1, 2]);
  });

  it("names the axes Const `Const` outside the op, or `Sum/reduction_indices` when given", () => {
    const { tf } = setup();
    const x = tf.placeholder(tf.float32, [2, 3]);
    const all = tf.reduce_sum(x);
    expect(all.op.inputs[1].name).toBe("Const:0");
    const one = tf.reduce_sum(x, 1);
    expect(one.op.inputs[1].name).toBe("Sum_1/reduction_indices:0");
  });

  it("reduces a variable through Rank and range, as TF's _ReductionDims does for non-tensors", () => {
    const { tf } = setup();
    const v = tf.Variable(tf.zeros([2, 2]), { name: "v" });
    const s = tf.reduce_sum(v);
    expect(s.op.inputs.map((t) => t.name)).toEqual(["v/read:0", "range:0"]);
    expect(tf.get_default_graph().get_operation_by_name("Rank").type).toBe("Const");
  });

  it("raises TF's shape-inference error for an axis out of range", () => {
    const { tf } = setup();
    expect(() => tf.reduce_sum(tf.zeros([2, 2]), 2)).toThrow(
      "Invalid reduction dimension 2 for input with 2 dimensions. for 'Sum' (op: 'Sum') with input shapes: [2,2], [] and with computed input tensors: input[1] = <2>.",
    );
  });

  it("raises the kernel's error for a fed axis out of range", () => {
    const { tf, sess } = setup();
    const axis = tf.placeholder(tf.int32, []);
    const s = tf.reduce_sum(tf.zeros([2, 2]), axis);
    expect(() => sess.run(s, { feed_dict: new Map([[axis, 2]]) })).toThrow(/^Invalid reduction dimension \(2 for input with 2 dimension\(s\)/);
  });

  it("rejects bools in numeric reductions with TF's list of types", () => {
    const { tf } = setup();
    expect(() => tf.reduce_sum(tf.constant([true]))).toThrow(
      "Value passed to parameter 'input' has DataType bool not in list of allowed values: float32, float64, int32, uint8, int16, int8, complex64, int64, qint8, quint8, qint32, bfloat16, uint16, complex128, float16, uint32, uint64",
    );
  });
});
