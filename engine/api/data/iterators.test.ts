/**
 * tf.data's iterators against TF 1.15: the r1 guide's OutOfRangeError loop, TF's ops and
 * names, the position as session memory and as a side effect, reinitializable and feedable
 * iterators, one-shot iterators' capture rules, and shuffle orders bit for bit.
 */
import { describe, expect, it } from "vitest";
import { elements, errorOf, plain, setup } from "../../testing/data.js";

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
