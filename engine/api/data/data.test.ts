/**
 * tf.data against TF 1.15: the r1 "Importing Data" guide's programs and the docstrings'
 * examples with their documented elements, the graph TF builds (op types and names), TF's
 * errors, the iterator's position as session memory (two sessions iterate independently), and
 * the position as a side effect of IteratorGetNext in the run record.
 */
import { describe, expect, it } from "vitest";
import { elements, errorOf, plain, setup } from "../../testing/data.js";

describe("tf.data datasets", () => {
  it("give the range docstring's elements", () => {
    const { tf } = setup();
    const R = tf.data.Dataset.range;
    expect(elements(tf, R(5))).toEqual([0, 1, 2, 3, 4]);
    expect(elements(tf, R(2, 5))).toEqual([2, 3, 4]);
    expect(elements(tf, R(1, 5, 2))).toEqual([1, 3]);
    expect(elements(tf, R(1, 5, -2))).toEqual([]);
    expect(elements(tf, R(5, 1))).toEqual([]);
    expect(elements(tf, R(5, 1, -2))).toEqual([5, 3]);
  });

  it("give the zip docstring's elements, tuples nested as given", () => {
    const { tf } = setup();
    const D = tf.data.Dataset;
    const a = D.range(1, 4);
    const b = D.range(4, 7);
    const c = D.range(7, 13).batch(2);
    const d = D.range(13, 15);
    expect(elements(tf, D.zip([a, b]))).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(elements(tf, D.zip([b, a]))).toEqual([[4, 1], [5, 2], [6, 3]]);
    expect(elements(tf, D.zip([a, b, c]))).toEqual([[1, 4, [7, 8]], [2, 5, [9, 10]], [3, 6, [11, 12]]]);
    expect(elements(tf, D.zip([a, d]))).toEqual([[1, 13], [2, 14]]);
    expect(errorOf(() => D.zip([a, 3])).message).toBe("The argument to `Dataset.zip()` must be a nested structure of `Dataset` objects.");
  });

  it("map and filter as their docstrings show, the functions traced into function graphs TF names", () => {
    const { tf, py, nodes } = setup();
    const D = tf.data.Dataset;
    expect(elements(tf, D.range(1, 6).map((x: any) => py.add(x, 1)))).toEqual([2, 3, 4, 5, 6]);
    expect(elements(tf, D.from_tensor_slices([1, 2, 3]).filter((x: any) => py.lt(x, 3)))).toEqual([1, 2]);
    function filter_fn(x: any) {
      return tf.math.equal(x, 1);
    }
    expect(elements(tf, D.from_tensor_slices([1, 2, 3]).filter(filter_fn))).toEqual([1]);
    const map = nodes.find((n) => n.op === "MapDataset")!;
    expect(map.graph).toBe(0);
    expect(map.attrs?.f).toMatch(/^__inference_Dataset_map_<lambda>_\d+$/);
    const filters = nodes.filter((n) => n.op === "FilterDataset").map((n) => n.attrs?.predicate);
    expect(filters[1]).toMatch(/^__inference_Dataset_filter_filter_fn_\d+$/);
    // The function's own ops live in a graph of their own: its parameter is args_0.
    const fnNodes = nodes.filter((n) => n.graph === map.attrs?.f_graph);
    expect(fnNodes.map((n) => n.name)).toContain("args_0");
    expect(fnNodes.find((n) => n.op === "AddV2" || n.op === "Add")).toBeDefined();
  });

  it("pass a tuple element to map as separate arguments and a dict as one, with the docstring's result structures", () => {
    const { tf } = setup();
    const D = tf.data.Dataset;
    const pairs = D.from_tensor_slices([tf.constant([1, 2, 3]), tf.constant(["foo", "bar", "baz"])]);
    expect(elements(tf, pairs.map((x: any, y: any) => [y, x]))).toEqual([[expect.anything(), 1], [expect.anything(), 2], [expect.anything(), 3]]);
    const dicts = D.from_tensor_slices({ a: tf.constant([1, 2, 3]), b: tf.constant([4, 5, 6]) });
    expect(elements(tf, dicts.map((d: any) => tf.add(d.a, d.b)))).toEqual([5, 7, 9]);
    const g = D.range(3).map(() => [tf.constant(37.5), tf.constant(["Foo", "Bar", "Baz"])]);
    expect(String(g.output_types)).toBe(String([tf.float32, tf.string]));
    expect((g.output_shapes as unknown[]).map(String)).toEqual(["()", "(3,)"]);
    const i = D.range(3).map(() => [{ a: 37.5, b: [42, 16] }, "foo"]);
    expect(i.__repr__()).toBe("<DatasetV1Adapter shapes: ({a: (), b: (2,)}, ()), types: ({a: tf.float32, b: tf.int32}, tf.string)>");
  });

  it("capture tensors of the program's graph into a map function, read when the iterator is initialized", () => {
    const { tf, py } = setup();
    const scale = tf.placeholder(tf.int64, [], "scale");
    const it = tf.data.Dataset.range(3).map((x: any) => py.mul(x, scale)).make_initializable_iterator();
    const next = it.get_next();
    const sess = tf.Session();
    sess.run(it.initializer, { [scale as any]: 10 });
    expect(plain(sess.run(next))).toBe(0);
    expect(plain(sess.run(next))).toBe(10);
    sess.run(it.initializer, { [scale as any]: 100 });
    expect([plain(sess.run(next)), plain(sess.run(next))]).toEqual([0, 100]);
  });

  it("batch, with drop_remainder making the batch dimension static", () => {
    const { tf } = setup();
    const D = tf.data.Dataset;
    expect(elements(tf, D.range(10).batch(4))).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    expect(elements(tf, D.range(10).batch(4, { drop_remainder: true }))).toEqual([[0, 1, 2, 3], [4, 5, 6, 7]]);
    expect(String(D.range(10).batch(4).output_shapes)).toBe("(?,)");
    expect(String(D.range(10).batch(4, true).output_shapes)).toBe("(4,)");
    const ragged = D.range(1, 4).map((x: any) => tf.fill([x], x)).batch(2);
    expect(errorOf(() => elements(tf, ragged)).message).toMatch(
      /^Cannot batch tensors with different shapes in component 0\. First element had shape \[1\] and element 1 had shape \[2\]\./,
    );
  });

  it("take, skip and repeat", () => {
    const { tf } = setup();
    const D = tf.data.Dataset;
    expect(elements(tf, D.range(10).take(3))).toEqual([0, 1, 2]);
    expect(elements(tf, D.range(10).skip(7))).toEqual([7, 8, 9]);
    expect(elements(tf, D.range(3).repeat(2))).toEqual([0, 1, 2, 0, 1, 2]);
    expect(elements(tf, D.range(3).repeat().take(7))).toEqual([0, 1, 2, 0, 1, 2, 0]);
    // An endless repeat of nothing ends (TF's ForeverIterator) instead of spinning.
    expect(elements(tf, D.range(0).repeat())).toEqual([]);
  });

  it("shuffle with a seed gives the same order in every session, a new order each epoch, and starts over when reinitialized", () => {
    const { tf } = setup();
    const ds = tf.data.Dataset.range(10).shuffle(10, { seed: 1 }).repeat(2);
    const a = elements(tf, ds) as number[];
    const b = elements(tf, ds) as number[];
    expect(a).toEqual(b);
    expect(a.slice(0, 10).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(a.slice(0, 10)).not.toEqual(a.slice(10));
    const fixed = elements(tf, tf.data.Dataset.range(10).shuffle(10, { seed: 1, reshuffle_each_iteration: false }).repeat(2)) as number[];
    expect(fixed.slice(0, 10)).toEqual(fixed.slice(10));
    const it = tf.data.Dataset.range(10).shuffle(10, { seed: 1 }).make_initializable_iterator();
    const next = it.get_next();
    const sess = tf.Session();
    const pass = () => {
      sess.run(it.initializer);
      return Array.from({ length: 10 }, () => plain(sess.run(next)));
    };
    expect(pass()).toEqual(pass());
  });

  it("print their structure as TF 1.15 does (the guide's dataset1, dataset2, dataset3 and dict dataset)", () => {
    const { tf } = setup();
    const D = tf.data.Dataset;
    const dataset1 = D.from_tensor_slices(tf.random_uniform([4, 10]));
    expect(String(dataset1.output_types)).toBe("<dtype: 'float32'>");
    expect(String(dataset1.output_shapes)).toBe("(10,)");
    const dataset2 = D.from_tensor_slices([tf.random_uniform([4]), tf.random_uniform([4, 100], { maxval: 100, dtype: tf.int32 })]);
    expect(dataset2.__repr__()).toBe("<DatasetV1Adapter shapes: ((), (100,)), types: (tf.float32, tf.int32)>");
    const dataset3 = D.zip([dataset1, dataset2]);
    expect(dataset3.__repr__()).toBe("<DatasetV1Adapter shapes: ((10,), ((), (100,))), types: (tf.float32, (tf.float32, tf.int32))>");
    const dict = D.from_tensor_slices({ a: tf.random_uniform([4]), b: tf.random_uniform([4, 100], { maxval: 100, dtype: tf.int32 }) });
    expect(dict.__repr__()).toBe("<DatasetV1Adapter shapes: {a: (), b: (100,)}, types: {a: tf.float32, b: tf.int32}>");
  });

  it("raise TF's errors for slices that do not line up, a scalar to slice, and a predicate that is not a scalar bool", () => {
    const { tf } = setup();
    const D = tf.data.Dataset;
    expect(errorOf(() => D.from_tensor_slices([tf.zeros([4]), tf.zeros([3])])).message).toBe("Dimensions 4 and 3 are not compatible");
    expect(errorOf(() => D.from_tensor_slices(tf.constant(1))).message).toBe("Unbatching a tensor is only supported for rank >= 1");
    const e = errorOf(() => D.range(3).filter((x: any) => x));
    expect(e.name).toBe("ValueError");
    expect(e.message).toBe("`predicate` return type must be convertible to a scalar boolean tensor. Was TensorSpec(shape=(), dtype=tf.int64, name=None).");
  });
});
