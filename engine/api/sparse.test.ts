import { describe, expect, it } from "vitest";
import { createTF } from "../tf.js";
import { pyRepr } from "../format/python.js";

describe("tf.SparseTensor", () => {
  it("checks its parts' ranks and sizes as TF's constructor does", () => {
    const tf = createTF({});
    expect(() => tf.SparseTensor([0, 1], [1], [3])).toThrow(expect.objectContaining({ name: "ValueError", message: "Shape (2,) must have rank 2" }));
    expect(() => tf.SparseTensor([[0], [1]], [1, 2, 3], [3])).toThrow(expect.objectContaining({ message: "Dimensions 2 and 3 are not compatible" }));
    expect(() => tf.SparseTensor([[0, 0]], [1], [3])).toThrow(expect.objectContaining({ message: "Dimensions 2 and 1 are not compatible" }));
  });

  it("is an instance of tf.SparseTensor and knows its dense shape while building", () => {
    const tf = createTF({});
    const sp = tf.SparseTensor([[0, 0]], [1.5], [2, 3]);
    expect(sp instanceof (tf.SparseTensor as unknown as new () => object)).toBe(true);
    expect(String(sp.shape)).toBe("(2, 3)");
    expect(sp.dtype.name).toBe("float32");
  });

  it("fetches as a SparseTensorValue that unpacks like TF's namedtuple", () => {
    const tf = createTF({});
    const sess = tf.Session();
    const v = sess.run(tf.SparseTensor([[1]], [7], [3])) as InstanceType<typeof tf.SparseTensorValue>;
    const [indices, values, shape] = v;
    expect(pyRepr(indices)).toBe("array([[1]])");
    expect(pyRepr(values)).toBe("array([7], dtype=int32)");
    expect(pyRepr(shape)).toBe("array([3])");
    expect(pyRepr(v)).toBe("SparseTensorValue(indices=array([[1]]), values=array([7], dtype=int32), dense_shape=array([3]))");
    // A fetched value can be made into a SparseTensor again (TF's _convert_to_sparse_tensor).
    expect(pyRepr(sess.run(tf.sparse.to_dense(v)))).toBe("array([0, 7, 0], dtype=int32)");
  });

  it("refuses tf.sparse.add of two dense tensors with TF's TypeError", () => {
    const tf = createTF({});
    expect(() => tf.sparse.add(tf.zeros([2]), tf.ones([2]))).toThrow("At least one input should be SparseTensor; do you mean to use tf.add()?");
    expect(() => tf.sparse.to_dense(tf.zeros([2]))).toThrow("Input must be a SparseTensor.");
  });
});

describe("tf.assert_less", () => {
  it("raises while building when both sides are known and the check fails", () => {
    const tf = createTF({});
    expect(() => tf.assert_less([1, 5], 3, { message: "too big" })).toThrow(
      expect.objectContaining({ name: "InvalidArgumentError", message: "too big\nCondition x < y did not hold element-wise:\nx (assert_less/x:0) = \n[1 5]\ny (assert_less/y:0) = \n3" }),
    );
  });

  it("fails the run that needs it when a fed value breaks it", () => {
    const tf = createTF({});
    const x = tf.placeholder(tf.int32, [2], "x");
    const y = tf.control_dependencies([tf.assert_non_negative(x)], () => tf.identity(x));
    const sess = tf.Session();
    expect(String(sess.run(y, { feed_dict: { [x.name]: [1, 2] } }))).toBe("[1 2]");
    expect(() => sess.run(y, { feed_dict: { [x.name]: [1, -2] } })).toThrow("assertion failed: [] [Condition x >= 0 did not hold element-wise:] [x (x:0) = ] [1 -2]");
  });
});
