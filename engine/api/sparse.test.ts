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

describe("tf.sparse_placeholder", () => {
  it("makes TF's three placeholders (shape first), named under its name, with a Const shape when fully given", () => {
    const tf = createTF({});
    const x = tf.sparse_placeholder(tf.float32);
    expect(String(x)).toBe(
      'SparseTensor(indices=Tensor("Placeholder_2:0", shape=(?, ?), dtype=int64), values=Tensor("Placeholder_1:0", shape=(?,), dtype=float32), dense_shape=Tensor("Placeholder:0", shape=(?,), dtype=int64))',
    );
    const named = tf.sparse_placeholder(tf.int32, [2, null], "sp");
    expect([named.indices, named.values, named.dense_shape].map((t) => `${t.name} ${t.op.type} ${t.shape}`)).toEqual([
      "sp/indices:0 Placeholder (?, 2)",
      "sp/values:0 Placeholder (?,)",
      "sp/shape:0 Placeholder (2,)",
    ]);
    const fixed = tf.sparse_placeholder(tf.int32, [2, 3], "fixed");
    expect(`${fixed.dense_shape.name} ${fixed.dense_shape.op.type}`).toBe("fixed/shape:0 Const");
    expect(String(fixed.shape)).toBe("(2, 3)");
  });

  it("is fed a SparseTensorValue or an (indices, values, shape) triple, through a Map or [key, value] pairs", () => {
    const tf = createTF({});
    const x = tf.sparse_placeholder(tf.float32, [2, 3]);
    const dense = tf.sparse.to_dense(x);
    const sess = tf.Session();
    const v = new tf.SparseTensorValue([[0, 1], [1, 2]], [1.5, -2], [2, 3]);
    expect(String(sess.run(dense, { feed_dict: new Map([[x, v]]) }))).toBe("[[ 0.   1.5  0. ]\n [ 0.   0.  -2. ]]");
    expect(String(sess.run(dense, { feed_dict: [[x, [[[1, 0]], [7], [2, 3]]]] }))).toBe("[[0. 0. 0.]\n [7. 0. 0.]]");
    // Fetching the placeholder itself gives back what was fed.
    expect(pyRepr(sess.run(x, { feed_dict: new Map([[x, v]]) }))).toBe(
      "SparseTensorValue(indices=array([[0, 1],\n       [1, 2]]), values=array([ 1.5, -2. ], dtype=float32), dense_shape=array([2, 3]))",
    );
  });

  it("is fed through a plain object too, as {[x]: value} (the key is the SparseTensor's text), on every step", () => {
    const tf = createTF({});
    const x = tf.sparse_placeholder(tf.float32);
    const y = tf.sparse.reduce_sum(x);
    const sess = tf.Session();
    for (const scale of [1, 2]) {
      const feed = { [String(x)]: [[[0, 1], [1, 0]], [1.5 * scale, 2], [2, 2]] };
      expect(pyRepr(sess.run(y, { feed_dict: feed }))).toBe(scale === 1 ? "3.5" : "5.0");
    }
  });

  it("takes tf.SparseTensorValue(...) without new, as Python calls it, and a SparseTensor's eval()", () => {
    const tf = createTF({});
    const x = tf.sparse_placeholder(tf.float32);
    const y = tf.sparse.reduce_sum(x);
    const sess = tf.Session();
    const sp = tf.SparseTensor([[0, 1]], [2.5], [2, 2]);
    const v = (tf.SparseTensorValue as unknown as (...a: unknown[]) => object)([[1, 1]], [1.5], [2, 2]);
    expect(v instanceof tf.SparseTensorValue).toBe(true);
    expect(pyRepr(sess.run(y, { feed_dict: new Map([[x, v]]) }))).toBe("1.5");
    expect(pyRepr(sp.eval({ session: sess }))).toBe("SparseTensorValue(indices=array([[0, 1]]), values=array([2.5], dtype=float32), dense_shape=array([2, 2]))");
    expect(() => sp.eval()).toThrow("Cannot evaluate tensor using `eval()`: No default session is registered.");
  });

  it("fails bad feeds as TF's session does: zip's TypeError, an unfed part, a shape that does not fit", () => {
    const tf = createTF({});
    const x = tf.sparse_placeholder(tf.float32);
    const dense = tf.sparse.to_dense(x);
    const sess = tf.Session();
    expect(() => sess.run(dense, { feed_dict: new Map([[x, 5]]) })).toThrow(expect.objectContaining({ name: "TypeError", message: "zip argument #2 must support iteration" }));
    expect(() => sess.run(dense, { feed_dict: new Map([[x, [[[0]], [1]]]]) })).toThrow("You must feed a value for placeholder tensor 'Placeholder' with dtype int64 and shape [?]");
    expect(() => sess.run(dense, { feed_dict: new Map([[x, [[0, 1], [1], [3]]]]) })).toThrow("Cannot feed value of shape (2,) for Tensor 'Placeholder_2:0', which has shape '(?, ?)'");
    expect(() => sess.run(dense, { feed_dict: new Map([[x, [[[5]], [1], [3]]]]) })).toThrow("indices[0] = [5] is out of bounds: need 0 <= index < [3]");
  });
});

describe("tf.sparse.add of two SparseTensors", () => {
  it("builds a SparseAdd whose known dense shape becomes a Const, and sums shared indices", () => {
    const tf = createTF({});
    const a = tf.SparseTensor([[0, 0], [1, 2]], [1, 2], [3, 4]);
    const b = tf.SparseTensor([[0, 0], [2, 1]], [10, 20], [3, 4]);
    const s = tf.sparse.add(a, b) as InstanceType<typeof tf.SparseTensor>;
    expect(String(s)).toBe(
      'SparseTensor(indices=Tensor("SparseAdd:0", shape=(?, 2), dtype=int64), values=Tensor("SparseAdd:1", shape=(?,), dtype=int32), dense_shape=Tensor("SparseTensor_2/dense_shape:0", shape=(2,), dtype=int64))',
    );
    expect(tf.get_default_graph().get_operation_by_name("threshold").type).toBe("Const");
    const sess = tf.Session();
    expect(pyRepr(sess.run(s))).toBe(
      "SparseTensorValue(indices=array([[0, 0],\n       [1, 2],\n       [2, 1]]), values=array([11,  2, 20], dtype=int32), dense_shape=array([3, 4]))",
    );
  });

  it("keeps the sum's shape a tensor when an operand's shape is fed", () => {
    const tf = createTF({});
    const x = tf.sparse_placeholder(tf.float32);
    const s = tf.sparse.add(x, tf.SparseTensor([[0]], [1.5], [2])) as InstanceType<typeof tf.SparseTensor>;
    expect(s.dense_shape.name).toBe("SparseAdd:2");
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
