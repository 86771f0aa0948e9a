/**
 * tf.data against TF 1.15: the r1 "Importing Data" guide's programs and the docstrings'
 * examples with their documented elements, the graph TF builds (op types and names), TF's
 * errors, the iterator's position as session memory (two sessions iterate independently), and
 * the position as a side effect of IteratorGetNext in the run record.
 */
import { describe, expect, it } from "vitest";
import { createTF } from "../../tf.js";
import { operatorRuntime } from "../operators.js";
import { NpScalar } from "../../numpy/scalar.js";
import { NDArray } from "../../ndarray.js";
import type { RunRecord } from "../../records.js";

/** Fetched values as plain JS: numpy scalars as numbers, arrays as nested lists. */
function plain(v: unknown): unknown {
  if (v instanceof NpScalar) return v.item();
  if (v instanceof NDArray) return v.toArray();
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

function setup() {
  const runs: RunRecord[] = [];
  const nodes: { name: string; op: string; graph: number; attrs?: Record<string, unknown> }[] = [];
  const tf = createTF({ onRun: (r) => runs.push(structuredClone(r)), onNode: (n) => nodes.push(n), seedSource: () => 7 });
  const py = operatorRuntime(tf.get_default_graph().ctx);
  return { tf, py, runs, nodes };
}

/** Every element of a one-shot iterator over `ds`, until OutOfRangeError. */
function elements(tf: ReturnType<typeof setup>["tf"], ds: any, sess = tf.Session()): unknown[] {
  const next = ds.make_one_shot_iterator().get_next();
  const out: unknown[] = [];
  for (;;) {
    try {
      out.push(plain(sess.run(next)));
    } catch (e) {
      if (e instanceof tf.errors.OutOfRangeError) return out;
      throw e;
    }
  }
}

function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error");
}

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

describe("tf.data iterators", () => {
  it("end with OutOfRangeError 'End of sequence' (the guide's range(5) loop), raised again on every later run", () => {
    const { tf } = setup();
    const dataset = tf.data.Dataset.range(5);
    const iterator = dataset.make_initializable_iterator();
    const next_element = iterator.get_next();
    const result = tf.add(next_element, next_element);
    const sess = tf.Session();
    sess.run(iterator.initializer);
    expect([0, 1, 2, 3, 4].map(() => plain(sess.run(result)))).toEqual([0, 2, 4, 6, 8]);
    for (let i = 0; i < 2; i++) {
      const e = errorOf(() => sess.run(result));
      expect(e).toBeInstanceOf(tf.errors.OutOfRangeError);
      expect(e.message.split("\n")[0]).toBe("End of sequence");
      expect(e.message).toContain("[[node IteratorGetNext");
    }
  });

  it("build TF's ops and names: OneShotIterator or IteratorV2 + MakeIterator, IteratorToStringHandle, IteratorGetNext", () => {
    const { tf, nodes } = setup();
    const one = tf.data.Dataset.range(3).make_one_shot_iterator();
    const x = one.get_next();
    const init = tf.data.Dataset.from_tensor_slices([1.5, 2.5]).make_initializable_iterator();
    const y = init.get_next();
    expect(String(x)).toBe('Tensor("IteratorGetNext:0", shape=(), dtype=int64)');
    expect(String(y)).toBe('Tensor("IteratorGetNext_1:0", shape=(), dtype=float32)');
    expect(init.initializer.name).toBe("MakeIterator");
    expect(nodes.filter((n) => n.graph === 0).map((n) => `${n.name}:${n.op}`)).toEqual([
      "start:Const",
      "stop:Const",
      "step:Const",
      "RangeDataset:RangeDataset",
      "OneShotIterator:OneShotIterator",
      "IteratorToStringHandle:IteratorToStringHandle",
      "IteratorGetNext:IteratorGetNext",
      "component_0:Const",
      "TensorSliceDataset:TensorSliceDataset",
      "IteratorV2:IteratorV2",
      "MakeIterator:MakeIterator",
      "IteratorToStringHandle_1:IteratorToStringHandle",
      "IteratorGetNext_1:IteratorGetNext",
    ]);
    expect(errorOf(() => one.initializer).message).toBe("Iterator does not have an initializer.");
  });

  it("refuse get_next before the initializer ran, in TF's words", () => {
    const { tf } = setup();
    const it = tf.data.Dataset.range(3).make_initializable_iterator();
    const e = errorOf(() => tf.Session().run(it.get_next()));
    expect(e).toBeInstanceOf(tf.errors.FailedPreconditionError);
    expect(e.message.split("\n")[0]).toBe(
      "GetNext() failed because the iterator has not been initialized. Ensure that you have run the initializer operation for this iterator before getting the next element.",
    );
  });

  it("keep their position in the session: two sessions iterate independently", () => {
    const { tf } = setup();
    const next = tf.data.Dataset.range(10).make_one_shot_iterator().get_next();
    const s1 = tf.Session();
    const s2 = tf.Session();
    expect([plain(s1.run(next)), plain(s1.run(next)), plain(s1.run(next))]).toEqual([0, 1, 2]);
    expect(plain(s2.run(next))).toBe(0);
    expect(plain(s1.run(next))).toBe(3);
  });

  it("report each step as an iterator side effect: the initializer sets position 0, get_next moves it, the end says so", () => {
    const { tf, runs } = setup();
    const it = tf.data.Dataset.range(2).make_initializable_iterator();
    const next = it.get_next();
    const sess = tf.Session();
    sess.run(it.initializer);
    sess.run(next);
    sess.run(next);
    errorOf(() => sess.run(next));
    sess.run(it.initializer);
    expect(runs.map((r) => r.side_effects)).toEqual([
      [{ op: "MakeIterator", kind: "iterator", target: "IteratorV2", before: null, after: 0 }],
      [{ op: "IteratorGetNext", kind: "iterator", target: "IteratorV2", before: 0, after: 1 }],
      [{ op: "IteratorGetNext", kind: "iterator", target: "IteratorV2", before: 1, after: 2 }],
      [{ op: "IteratorGetNext", kind: "iterator", target: "IteratorV2", before: 2, after: "end of sequence" }],
      [{ op: "MakeIterator", kind: "iterator", target: "IteratorV2", before: "end of sequence", after: 0 }],
    ]);
    expect(runs[3].ok).toBe(false);
    expect(runs[3].error?.type).toBe("OutOfRangeError");
  });

  it("reinitialize from a structure on datasets of that structure (the guide's training and validation datasets)", () => {
    const { tf } = setup();
    const D = tf.data.Dataset;
    // TF's guide draws the noise as int64; the playground's random_uniform has no int64 kernel yet.
    const training = D.range(100).map((x: any) => tf.add(x, tf.cast(tf.random_uniform([], -10, 10, tf.int32), tf.int64)));
    const validation = D.range(50);
    const iterator = tf.data.Iterator.from_structure(training.output_types, training.output_shapes);
    const next = iterator.get_next();
    const initTraining = iterator.make_initializer(training);
    const initValidation = iterator.make_initializer(validation);
    const sess = tf.Session();
    for (let epoch = 0; epoch < 2; epoch++) {
      sess.run(initTraining);
      for (let i = 0; i < 100; i++) expect(Math.abs((plain(sess.run(next)) as number) - i)).toBeLessThanOrEqual(10);
      sess.run(initValidation);
      for (let i = 0; i < 50; i++) expect(plain(sess.run(next))).toBe(i);
    }
    expect(initTraining.name).toBe("make_initializer");
    expect(initValidation.name).toBe("make_initializer_1");
    const e = errorOf(() => iterator.make_initializer(D.from_tensor_slices([1.5])));
    expect(e.message).toBe("Expected output types tf.int64 but got dataset with output types tf.float32.");
  });

  it("yield nested elements: a tuple as an array, a dict as an object", () => {
    const { tf } = setup();
    const D = tf.data.Dataset;
    const features = { x: tf.constant([[1, 2], [3, 4]]), y: tf.constant([10, 20]) };
    const ds = D.zip([D.from_tensor_slices(features), D.range(2)]);
    expect(elements(tf, ds)).toEqual([
      [{ x: [1, 2], y: 10 }, 0],
      [{ x: [3, 4], y: 20 }, 1],
    ]);
  });
});

describe("Dataset.shuffle's seeds", () => {
  it("are int64 constants named seed and seed2 when unseeded, and TF's seed2 scope when an op seed is given", () => {
    const { tf, nodes } = setup();
    tf.data.Dataset.range(3).shuffle(3);
    const first = nodes.filter((n) => n.graph === 0).map((n) => n.name);
    expect(first).toEqual(["start", "stop", "step", "RangeDataset", "buffer_size", "seed", "seed2", "ShuffleDataset"]);
    nodes.length = 0;
    tf.data.Dataset.range(3).shuffle(3, { seed: 5 });
    const names = nodes.map((n) => `${n.name}:${n.op}`);
    expect(names.slice(5)).toEqual([
      "seed_1:Const",
      "seed2_1/Const:Const",
      "seed2_1/Equal/y:Const",
      "seed2_1/Equal:Equal",
      "seed2_1/Equal_1/y:Const",
      "seed2_1/Equal_1:Equal",
      "seed2_1/LogicalAnd:LogicalAnd",
      "seed2_1/Const_1:Const",
      "seed2_1:Select",
      "ShuffleDataset_1:ShuffleDataset",
    ]);
  });
});

describe("make_one_shot_iterator", () => {
  it("refuses what TF's capture by value refuses: a placeholder, a variable, a random op", () => {
    const { tf } = setup();
    const D = tf.data.Dataset;
    const p = tf.placeholder(tf.int64, [], "max_value");
    expect(errorOf(() => D.range(p).make_one_shot_iterator()).message).toBe("Cannot capture a placeholder (name:max_value, type:Placeholder) by value.");
    const v = tf.Variable([1.5, 2.5], { name: "v" });
    expect(errorOf(() => D.from_tensor_slices(v).make_one_shot_iterator()).message).toMatch(
      /^Failed to create a one-shot iterator for a dataset\. .* \(Original error: Cannot capture a stateful node \(name:v, type:VariableV2\) by value\.\)$/,
    );
    expect(errorOf(() => D.from_tensor_slices(tf.random_uniform([4, 10])).make_one_shot_iterator()).message).toMatch(/name:random_uniform\/RandomUniform, type:RandomUniform/);
    // An initializable iterator takes all three.
    expect(() => D.range(p).make_initializable_iterator()).not.toThrow();
  });
});

describe("tf.data under hostile sizes", () => {
  it("fails a batch too big for memory with TF's OOM error instead of gathering it, and a huge shuffle buffer costs only what it holds", () => {
    const { tf } = setup();
    const D = tf.data.Dataset;
    const e = errorOf(() => elements(tf, D.range(10 ** 12).batch(10 ** 10)));
    expect(e).toBeInstanceOf(tf.errors.ResourceExhaustedError);
    expect(e.message.split("\n")[0]).toBe("OOM when allocating tensor with shape[10000000000] and type int64 on /job:localhost/replica:0/task:0/device:CPU:0 by allocator cpu");
    expect((elements(tf, D.range(5).shuffle(10 ** 9, { seed: 2 })) as number[]).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it("lets the time limit reach a filter that rejects everything of an endless input", () => {
    let ticks = 0;
    const tf = createTF({
      seedSource: () => 7,
      loopTick: () => {
        if (++ticks > 50) throw new Error("time limit");
      },
    });
    const next = tf.data.Dataset.range(1).repeat().filter(() => tf.constant(false)).make_one_shot_iterator().get_next();
    expect(errorOf(() => tf.Session().run(next)).message).toMatch(/time limit/);
  });
});

describe("a feedable iterator (Iterator.from_string_handle)", () => {
  it("reads whichever iterator's handle is fed, each keeping its own position (the guide's training and validation loop)", () => {
    const { tf } = setup();
    const D = tf.data.Dataset;
    const training = D.range(100).repeat();
    const validation = D.range(50);
    const handle = tf.placeholder(tf.string, []);
    const iterator = tf.data.Iterator.from_string_handle(handle, training.output_types, training.output_shapes);
    const next_element = iterator.get_next();
    expect(next_element.op.inputs[0].op.type).toBe("IteratorFromStringHandleV2");
    const training_iterator = training.make_one_shot_iterator();
    const validation_iterator = validation.make_initializable_iterator();
    const sess = tf.Session();
    const training_handle = sess.run(training_iterator.string_handle());
    const validation_handle = sess.run(validation_iterator.string_handle());
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 3; i++) expect(plain(sess.run(next_element, { [handle as any]: training_handle }))).toBe(round * 3 + i);
      sess.run(validation_iterator.initializer);
      for (let i = 0; i < 2; i++) expect(plain(sess.run(next_element, { [handle as any]: validation_handle }))).toBe(i);
    }
    const bad = errorOf(() => sess.run(next_element, { [handle as any]: "nonsense" }));
    expect(bad).toBeInstanceOf(tf.errors.InvalidArgumentError);
  });
});

describe("Dataset.shuffle's order", () => {
  // TF 1.15's own expectations (core/kernels/data/shuffle_dataset_op_test.cc, test cases 1-4):
  // ShuffleDataset over range(10) with seeds (seed, seed2), then a second iterator over the same
  // dataset in the same iterator context — here, the second epoch of a repeat. Graph seed `g`
  // and op seed `s` give the kernel the seeds (g, s).
  const cases = [
    { name: "1: buffer 3, reshuffle_each_iteration false", g: 1, s: 2, buffer: 3, reshuffle: false, first: [2, 3, 0, 5, 6, 4, 7, 8, 9, 1], second: [2, 3, 0, 5, 6, 4, 7, 8, 9, 1] },
    { name: "2: buffer 10", g: 1, s: 2, buffer: 10, reshuffle: true, first: [2, 6, 1, 3, 9, 5, 0, 8, 7, 4], second: [1, 6, 0, 5, 2, 7, 4, 3, 9, 8] },
    { name: "3: buffer 2", g: 1, s: 2, buffer: 2, reshuffle: true, first: [0, 2, 1, 3, 5, 6, 4, 7, 8, 9], second: [1, 0, 2, 3, 4, 5, 6, 7, 9, 8] },
    { name: "4: seeds (2, 2)", g: 2, s: 2, buffer: 10, reshuffle: true, first: [3, 0, 8, 1, 5, 4, 7, 2, 6, 9], second: [4, 6, 9, 0, 1, 8, 2, 7, 3, 5] },
  ];
  it.each(cases)("is TF's, bit for bit: case $name", ({ g, s, buffer, reshuffle, first, second }) => {
    const { tf } = setup();
    tf.set_random_seed(g);
    const ds = tf.data.Dataset.range(10).shuffle(buffer, { seed: s, reshuffle_each_iteration: reshuffle }).repeat(2);
    expect(elements(tf, ds)).toEqual([...first, ...second]);
  });
});

describe("Dataset.concatenate", () => {
  it("gives the docstring's elements, merges shapes, and refuses other types in TF's words", () => {
    const { tf } = setup();
    const D = tf.data.Dataset;
    const a = D.range(1, 4);
    const b = D.range(4, 8);
    expect(elements(tf, a.concatenate(b))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const rows = D.from_tensor_slices(tf.zeros([2, 3], tf.int64)).concatenate(D.from_tensor_slices(tf.zeros([1, 4], tf.int64)));
    expect(String(rows.output_shapes)).toBe("(?,)");
    expect(errorOf(() => a.concatenate(D.from_tensor_slices([1.5]))).message).toBe("Two datasets to concatenate have different types tf.int64 and tf.float32");
  });
});

describe("Dataset.map with a function that returns nothing", () => {
  it("raises TF's TypeError and leaves the program's graph the default", () => {
    const { tf } = setup();
    const e = errorOf(() => tf.data.Dataset.range(3).map(() => undefined));
    expect(e.name).toBe("TypeError");
    expect(e.message).toBe("Unsupported return value from function passed to Dataset.map(): None.");
    expect(String(tf.constant(1))).toBe('Tensor("Const:0", shape=(), dtype=int32)');
  });
});

describe("tf.data with empty structures", () => {
  it("refuses to slice nothing and to zip nothing, as TF does", () => {
    const { tf } = setup();
    expect(errorOf(() => tf.data.Dataset.from_tensor_slices({})).message).toBe("list index out of range");
    expect(errorOf(() => tf.data.Dataset.zip([])).message).toBe("Attr 'N' of 'ZipDataset' Op passed 0 less than minimum 1.");
    expect(elements(tf, tf.data.Dataset.from_tensor_slices([]))).toEqual([]);
  });
});

describe("Dataset.padded_batch", () => {
  it("pads each batch to its longest element (the docstring's fill example), or to a fixed shape, with the padding value", () => {
    const { tf } = setup();
    const D = tf.data.Dataset;
    const ragged = D.range(1, 4).map((x: any) => tf.fill([x], x));
    expect(elements(tf, ragged.padded_batch(2, [null]))).toEqual([
      [
        [1, 0],
        [2, 2],
      ],
      [[3, 3, 3]],
    ]);
    expect(elements(tf, ragged.padded_batch(3, [4], -1))).toEqual([
      [
        [1, -1, -1, -1],
        [2, 2, -1, -1],
        [3, 3, 3, -1],
      ],
    ]);
    expect(String(ragged.padded_batch(2, [null]).output_shapes)).toBe("(?, ?)");
    expect(String(ragged.padded_batch(2, [5], null, true).output_shapes)).toBe("(2, 5)");
    expect(errorOf(() => elements(tf, ragged.padded_batch(3, [2]))).message.split("\n")[0]).toBe("Attempted to pad to a smaller size than the input element.");
  });

  it("pads the components of a tuple element each to its own shape", () => {
    const { tf } = setup();
    const D = tf.data.Dataset;
    const pairs = D.range(1, 3).map((x: any) => [tf.fill([x], x), x]);
    expect(elements(tf, pairs.padded_batch(2, [[null], []]))).toEqual([
      [
        [
          [1, 0],
          [2, 2],
        ],
        [1, 2],
      ],
    ]);
  });
});
